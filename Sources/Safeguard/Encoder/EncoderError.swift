/// Why the contextual encoder could not be loaded.
public enum EncoderError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidVocabulary(String)
    case invalidModelFile(String)
    case invalidThresholds(String)
    case invalidBoundaryHead(String)

    public var description: String {
        switch self {
        case .invalidVocabulary(let reason): "encoder vocabulary: \(reason)"
        case .invalidModelFile(let reason): "encoder model file: \(reason)"
        case .invalidThresholds(let reason): "encoder thresholds: \(reason)"
        case .invalidBoundaryHead(let reason): "encoder boundary head: \(reason)"
        }
    }
}
