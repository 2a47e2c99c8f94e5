import Foundation
import Safeguard

/// One thing shown in the conversation: what the person said, a reply, the safeguard's
/// message, or a notice (a backend failure, a command's answer).
public struct TranscriptEntry: Sendable, Equatable, Identifiable {
    /// Who or what the entry comes from.
    public enum Role: String, Sendable, Codable {
        case user
        case assistant
        case safeguard
        case notice
    }

    /// Where an assistant reply is in its life.
    public enum Status: String, Sendable, Codable {
        case streaming
        case complete
        case cancelled
        case failed
    }

    /// Unique within a transcript, increasing.
    public var id: Int
    /// The 1-based index of the user turn the entry belongs to (0 before the first turn).
    public var turn: Int
    public var role: Role
    /// The text as shown (already reviewed by the output guard for replies).
    public var text: String
    public var status: Status
    /// The safeguard's assessment (user entries).
    public var assessment: Assessment?
    /// What the safeguard decided to do for this turn (user entries): the level, the
    /// responder's guidance, its own message and the services, with the reasons.
    public var plan: TurnPlan?
    /// Ids of the services the entry offered (safeguard entries).
    public var services: [String]
    /// For replies the output guard changed or withheld: what the responder actually said.
    /// Only shown in clinician mode, clearly labelled.
    public var originalText: String?
    /// Why the output guard changed the reply, if it did.
    public var guardNotes: [String]
    /// When the entry was created.
    public var date: Date

    public init(
        id: Int, turn: Int, role: Role, text: String, status: Status = .complete,
        assessment: Assessment? = nil, plan: TurnPlan? = nil, services: [String] = [],
        originalText: String? = nil,
        guardNotes: [String] = [], date: Date = Date()
    ) {
        self.id = id
        self.turn = turn
        self.role = role
        self.text = text
        self.status = status
        self.assessment = assessment
        self.plan = plan
        self.services = services
        self.originalText = originalText
        self.guardNotes = guardNotes
        self.date = date
    }
}
