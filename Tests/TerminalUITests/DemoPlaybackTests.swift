import ChatCore
import Safeguard
import Testing

@testable import TerminalUI

/// The clinician views: the inspector's labelled original reply and plan, the demo's keys,
/// and the compare columns, drawn into a ``CellGrid``.
@Suite struct DemoPlaybackTests {
    init() { _ = utf8Locale }

    static let plan = TurnPlan(
        level: .crisis, guidance: ResponderGuidance(mode: .strict),
        message: SafeguardMessage(kind: .fullReferral, text: "card", serviceIDs: ["samaritans", "shout"]),
        asksSafetyQuestion: true, reasons: ["first crisis turn: full card"])

    static func refusalTurn(_ state: inout AppState) {
        var user = Sample.user(
            1, "i don't want to be here", turn: 1, assessment: FrameFixtures.crisisAssessment)
        user.plan = plan
        state.apply(.entryAdded(user))
        state.apply(
            .entryAdded(
                Sample.card(
                    2, "You deserve support now. Samaritans: 116 123.", turn: 1, services: ["samaritans"])))
        var reply = Sample.reply(3, "I'm here with you.", turn: 1)
        reply.originalText = "Sorry, I can't assist with that."
        reply.guardNotes = ["refusal replaced"]
        state.apply(.entryAdded(reply))
    }

    @Test func inspectorShowsThePlanAndTheLabelledOriginal() {
        var state = Sample.state(cols: 100, rows: 30)
        Self.refusalTurn(&state)
        state.overlay = .inspector
        state.isClinicianMode = true
        let screen = ScreenRenderer().frame(state).grid.lines.joined(separator: "\n")
        #expect(screen.contains("┌─ Inspector · F3 "), "\(screen)")
        #expect(
            screen.contains(
                "plan: level crisis · responder strict · message fullReferral · services: samaritans, shout"),
            "\(screen)")
        #expect(screen.contains("plan why: first crisis turn: full card"))
        #expect(
            screen.contains(
                "Original reply (changed by the output guard: refusal replaced) — shown to clinicians"),
            "\(screen)")
        #expect(screen.contains("┃ Sorry, I can't assist with that."))
    }

    @Test func outsideClinicianModeTheInspectorOnlySaysTheReplyWasChanged() {
        var state = Sample.state(cols: 100, rows: 30)
        Self.refusalTurn(&state)
        state.overlay = .inspector
        let screen = ScreenRenderer().frame(state).grid.lines.joined(separator: "\n")
        #expect(screen.contains("reply changed by the output guard: refusal replaced"), "\(screen)")
        #expect(!screen.contains("can't assist"))
        #expect(!screen.contains("Original reply"))
    }

    @Test func theTranscriptNeverShowsTheOriginal() {
        var state = Sample.state(cols: 100, rows: 30)
        Self.refusalTurn(&state)
        let screen = ScreenRenderer().frame(state).grid.lines.joined(separator: "\n")
        #expect(screen.contains("I'm here with you."))
        #expect(!screen.contains("can't assist"))
    }

    @Test func aReplyShownAsWrittenHasNoOriginalSection() {
        #expect(PanelContent.originalReply(Sample.reply(1, "fine", turn: 1)).isEmpty)
    }

    @Test func demoKeysPauseStepSkipAndLeave() {
        var state = Sample.state()
        state.demo = DemoPlayback(title: "Slow build-up", turnCount: 3)
        #expect(state.update(.key(.character(" "))) == [])
        #expect(state.demo?.isPaused == true)
        _ = state.update(.key(.character("n")))
        #expect(state.demo?.stepRequested == true)
        _ = state.update(.key(.character("s")))
        #expect(state.demo?.skipRequested == true && state.demo?.isPaused == false)
        _ = state.update(.key(.character("x")))
        #expect(state.editor.isEmpty, "typing belongs to the playback")
        _ = state.update(.key(.function(3)))
        #expect(state.overlay == .inspector)
        #expect(state.update(.key(.character("q"))) == [.quit])
        #expect(state.update(.key(.escape)) == [.quit])
    }

    @Test func demoTypesAndSends() {
        var state = Sample.state()
        state.demo = DemoPlayback(title: "t", turnCount: 1)
        for character in "hello" { state.demoType(character) }
        #expect(state.editor.text == "hello")
        #expect(state.demoSend() == [.send("hello")])
        #expect(state.isReplying && state.editor.isEmpty)
    }

    @Test func wideDemoShowsTheConversationBesideTheInspectorAndTheStatus() {
        var state = Sample.state(cols: 120, rows: 30)
        state.demo = DemoPlayback(title: "An LLM that refuses", turnCount: 2)
        state.isClinicianMode = true
        state.demo?.currentTurn = 1
        state.overlay = .inspector
        Self.refusalTurn(&state)
        let lines = ScreenRenderer().frame(state).grid.lines
        let screen = lines.joined(separator: "\n")
        #expect(screen.contains(" Conversation"))
        #expect(screen.contains("Inspector · F3"))
        #expect(lines.contains { $0.contains("I'm here with you.") && $0.contains("│") }, "\(screen)")
        #expect(screen.contains("Demo: An LLM that refuses · turn 1 of 2 · Space pause · n next"))
        #expect(lines.last?.contains("In danger now: 999") == true)
    }

    @Test func compareDrawsTheResponderAloneBesideWhatWaymarkShows() {
        var state = Sample.state(cols: 120, rows: 30)
        state.demo = DemoPlayback(title: "t", turnCount: 1, isComparing: true)
        state.demo?.turnTexts[1] = "i don't want to be here"
        state.demo?.aloneReplies[1] = "Sorry, I can't assist with that."
        Self.refusalTurn(&state)
        let lines = ScreenRenderer().frame(state).grid.lines
        let screen = lines.joined(separator: "\n")
        #expect(screen.contains("Responder alone (no safeguard)"))
        #expect(screen.contains("Waymark shows"))
        let refusalLine = lines.first { $0.contains("can't assist") }
        let keptLine = lines.first { $0.contains("I'm here with you.") }
        let refusalColumn = refusalLine.flatMap { $0.range(of: "can't assist") }.map {
            refusalLine?.distance(from: refusalLine?.startIndex ?? $0.lowerBound, to: $0.lowerBound) ?? 0
        }
        let keptColumn = keptLine.flatMap { $0.range(of: "I'm here") }.map {
            keptLine?.distance(from: keptLine?.startIndex ?? $0.lowerBound, to: $0.lowerBound) ?? 0
        }
        #expect((refusalColumn ?? 999) < 60, "the refusal is in the left column")
        #expect((keptColumn ?? 0) >= 60, "Waymark's reply is in the right column")
    }
}
