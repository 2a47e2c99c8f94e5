import ChatCore
import Foundation
import Safeguard
import TerminalUI

/// Swift Testing runs in the C locale, where wcwidth is -1 for non-ASCII: switch once.
let utf8Locale = DisplayWidth.ensureUTF8Locale()

/// Entries for tests.
enum Sample {
    static let date = Date(timeIntervalSince1970: 1_800_000_000)

    static func user(_ id: Int, _ text: String, turn: Int, assessment: Assessment? = nil) -> TranscriptEntry {
        TranscriptEntry(id: id, turn: turn, role: .user, text: text, assessment: assessment, date: date)
    }

    static func reply(_ id: Int, _ text: String, turn: Int, status: TranscriptEntry.Status = .complete)
        -> TranscriptEntry
    {
        TranscriptEntry(id: id, turn: turn, role: .assistant, text: text, status: status, date: date)
    }

    static func card(_ id: Int, _ text: String, turn: Int, services: [String] = []) -> TranscriptEntry {
        TranscriptEntry(id: id, turn: turn, role: .safeguard, text: text, services: services, date: date)
    }

    static let intro =
        "# Hello\n\nWaymark is peer support, not a crisis service.\n\n- In danger now: call 999."

    static func state(cols: Int = 80, rows: Int = 24, intro: Bool = false) -> AppState {
        AppState(
            cols: cols, rows: rows, introText: intro ? Sample.intro : Sample.intro, services: services,
            helpStrip: HelpStrip(), showIntro: intro)
    }

    static let services = [
        ServiceLine(id: "samaritans", name: "Samaritans", contact: "116 123", hours: "24/7", openNow: true),
        ServiceLine(id: "shout", name: "Shout", contact: "Text SHOUT to 85258", hours: "24/7", openNow: true),
        ServiceLine(id: "breathing_space", name: "Breathing Space", contact: "0800 83 85 87", openNow: false),
    ]
}

extension AppState {
    /// Apply several events, collecting effects.
    mutating func run(_ events: [AppEvent]) -> [AppEffect] {
        events.flatMap { update($0) }
    }

    /// Type text key by key.
    mutating func type(_ text: String) {
        for character in text { _ = update(.key(.character(character))) }
    }
}
