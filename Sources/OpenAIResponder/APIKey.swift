/// An API key held in memory only. Its description and mirror hide the value, so printing
/// or dumping a responder never shows it.
struct APIKey: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    let value: String

    init(_ value: String) {
        self.value = value
    }

    var description: String { "••••••" }
    var debugDescription: String { "APIKey(••••••)" }
    var customMirror: Mirror { Mirror(self, children: [:]) }
}
