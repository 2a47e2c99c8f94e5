import ChatCore
import Safeguard

@testable import TerminalUI

/// The conversations the frame tests draw.
enum FrameFixtures {
    static let crisisAssessment = Assessment(
        level: .crisis, categories: [.suicide], subject: .speaker,
        signals: [
            Signal(
                rule: "test.no_way_out", text: "no way out", start: 12, end: 22, category: .suicide,
                baseLevel: .crisis)
        ], reasons: ["current hopelessness with no way out"])

    static let crisisPlan = TurnPlan(
        level: .crisis, guidance: ResponderGuidance(mode: .strict),
        message: SafeguardMessage(kind: .fullReferral, text: "card", serviceIDs: ["samaritans"]))

    static func fill(_ state: inout AppState, _ name: String) {
        switch name {
        case "intro":
            break
        case "chat":
            state.apply(.entryAdded(Sample.user(1, "Hello, I had a rough day at work.", turn: 1)))
            state.apply(
                .entryAdded(
                    Sample.reply(2, "I'm sorry it was rough. Do you want to tell me what happened?", turn: 1))
            )
        case "crisis", "help", "services", "inspector":
            state.apply(.entryAdded(Sample.user(1, "Hello", turn: 1)))
            state.apply(.entryAdded(Sample.reply(2, "Hi, I'm listening.", turn: 1)))
            var crisisTurn = Sample.user(
                3, "I feel like no way out of this", turn: 2, assessment: crisisAssessment)
            crisisTurn.plan = crisisPlan
            state.apply(.entryAdded(crisisTurn))
            state.apply(
                .entryAdded(
                    Sample.card(
                        4, "You deserve support now. Samaritans: 116 123, free, any time.", turn: 2,
                        services: ["samaritans"])))
            state.apply(.entryAdded(Sample.reply(5, "I'm still here with you.", turn: 2)))
            if name == "help" { state.overlay = .help }
            if name == "services" { state.overlay = .services }
            if name == "inspector" { state.overlay = .inspector }
        case "wide":
            state.apply(.entryAdded(Sample.user(1, "emoji 😀🚀 family 👨‍👩‍👧 中文字符 e\u{301}", turn: 1)))
            state.apply(.entryAdded(Sample.reply(2, "日本語のテキスト and 한국어", turn: 1, status: .streaming)))
            state.type("typing 😀 中")
        default:
            break
        }
    }
}
