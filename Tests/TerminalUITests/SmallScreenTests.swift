import ChatCore
import Testing

@testable import TerminalUI

/// The chat on a small screen, 40×12 (issue 15, "Small screen").
@Suite struct SmallScreenTests {
    init() { _ = utf8Locale }

    static let card =
        "I'm really sorry you're feeling like this. You don't have to go through it alone. "
        + "In danger now: call 999. Samaritans: call 116 123, free, any time. Or text SHOUT to 85258. "
        + "Would you like to do a short grounding exercise together? Would you like to keep talking? I'm here."

    @Test func aCrisisCardShowsItsStartFirst() {
        var state = Sample.state(cols: 40, rows: 12)
        state.type("i don't want to be alive anymore")
        _ = state.update(.key(.enter))
        _ = state.update(.session(.entryAdded(Sample.user(1, "i don't want to be alive anymore", turn: 1))))
        _ = state.update(.session(.entryAdded(Sample.card(2, Self.card, turn: 1, services: ["samaritans"]))))
        _ = state.update(
            .session(.entryAdded(Sample.reply(3, "I'm really glad you told me. I'm here with you.", turn: 1)))
        )
        _ = state.update(.session(.turnFinished(turn: 1)))
        let renderer = ScreenRenderer()
        let lines = renderer.paintableFrame(&state).lines
        #expect(lines.contains { $0.hasPrefix(" ┌─ Support · Waymark") }, "\(lines.joined(separator: "\n"))")
        #expect(lines.contains { $0.contains("I'm really sorry you're") }, "\(lines.joined(separator: "\n"))")
        #expect(lines.contains { $0.contains("↓") }, "the rest is below: \(lines.joined(separator: "\n"))")
        // The next frame keeps it there; PgDn reads on to the reply.
        #expect(renderer.paintableFrame(&state).lines == lines)
        for _ in 0..<4 { _ = state.update(.key(.pageDown)) }
        let end = renderer.paintableFrame(&state).lines
        #expect(end.contains { $0.contains("with you.") }, "\(end.joined(separator: "\n"))")
        #expect(!end.contains { $0.contains("↓") })
    }

    @Test func aCardThatFitsIsFollowedAsBefore() {
        var state = Sample.state(cols: 80, rows: 30)
        _ = state.update(.session(.entryAdded(Sample.user(1, "hello", turn: 1))))
        _ = state.update(.session(.entryAdded(Sample.card(2, "Samaritans: 116 123.", turn: 1))))
        _ = state.update(.session(.entryAdded(Sample.reply(3, "I'm here.", turn: 1))))
        let lines = ScreenRenderer().paintableFrame(&state).lines
        #expect(state.scrollOffset == 0)
        #expect(!lines.contains { $0.contains("↓") })
    }

    @Test func commandsAreNotWrappedMidWord() {
        let known = AppState.commands.map { $0.name.split(separator: " ")[0] }.joined(separator: " ")
        let notice =
            "Unknown command /nosuch. Commands: \(known). To send a message that starts with /, type //."
        for width in 20...60 {
            let lines = TextWrapper.wrap(notice, width: width)
            #expect(!lines.contains { $0.hasSuffix(" /") || $0 == "/" }, "width \(width): \(lines)")
            let words = Set(lines.flatMap { $0.split(separator: " ").map(String.init) })
            for command in known.split(separator: " ") {
                #expect(
                    words.contains(String(command)) || words.contains(command + "."), "\(command) at \(width)"
                )
            }
        }
        // Inside a word a slash or hyphen is still a place to break.
        #expect(TextWrapper.wrap("aaaa/bbbb", width: 6) == ["aaaa/", "bbbb"])
    }

    @Test func theEmptyChatSaysWhatToDoInOneLine() {
        let lines = ScreenRenderer().frame(Sample.state(cols: 100, rows: 30)).grid.lines
        #expect(lines.contains(" " + TranscriptView.welcome))
        #expect(TranscriptView.welcome.hasPrefix("Welcome."))
        let small = ScreenRenderer().frame(Sample.state(cols: 40, rows: 12)).grid.lines
        #expect(small.first == " Welcome. Type whatever is on your mind", "\(small)")
    }
}
