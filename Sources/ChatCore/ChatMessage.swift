/// One message in the conversation as a responder sees it.
public struct ChatMessage: Sendable, Equatable, Codable {
    /// Who said it.
    public enum Role: String, Sendable, Codable {
        case system
        case user
        case assistant
    }

    public var role: Role
    public var content: String

    public init(role: Role, content: String) {
        self.role = role
        self.content = content
    }
}
