/// Why a model file could not be loaded by ``TextClassifier``.
public enum TextClassifierError: Error, Equatable, Sendable {
    /// The data is not a model file (not JSON, or fields missing); carries the decoder's message.
    case unreadable(String)
    /// The file is well formed but asks for something this code does not implement.
    case unsupported(String)
}
