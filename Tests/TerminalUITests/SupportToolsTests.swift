import ChatCore
import Foundation
import Testing
import WaymarkTesting

@testable import TerminalUI

/// The plan offer at crisis, `/breathe`, `/ground`, `/history` and `/forget` on the screen.
@Suite struct SupportToolsTests {
    let planGuide: SafetyPlanGuide
    let breathing: BreathingGuide
    let grounding: GroundingGuide

    init() throws {
        _ = utf8Locale
        planGuide = try SafetyPlanGuide.load(from: RepositoryPaths.locator)
        breathing = try BreathingGuide.load(from: RepositoryPaths.locator)
        grounding = try GroundingGuide.load(from: RepositoryPaths.locator)
    }

    func state(withPlan: Bool = true) -> AppState {
        var state = Sample.state(cols: 80, rows: 30)
        state.tools.planGuide = planGuide
        state.tools.breathingGuide = breathing
        state.tools.groundingGuide = grounding
        if withPlan {
            var plan = SafetyPlan()
            _ = plan.update(.add("Listen to my playlist", to: .copingStrategies))
            state.tools.savedPlan = plan
        }
        return state
    }

    func command(_ text: String, _ state: inout AppState) -> [AppEffect] {
        state.type(text)
        return state.update(.key(.enter))
    }

    func screen(_ state: AppState) -> String {
        ScreenRenderer().frame(state).grid.lines.joined(separator: "\n")
    }

    /// A crisis turn whose safeguard message offers the plan.
    func crisisTurn(_ state: inout AppState) {
        _ = state.update(.session(.entryAdded(Sample.user(1, "I can't go on", turn: 1))))
        _ = state.update(
            .session(
                .entryAdded(
                    Sample.card(
                        2,
                        "Samaritans: 116 123. You've got a safety plan saved; would it help to look at it?",
                        turn: 1))))
        _ = state.update(.session(.turnFinished(turn: 1)))
        _ = state.update(.replyStreamEnded)
    }

    // MARK: - The offer

    @Test func askingForThePlanAfterTheOfferShowsItWithoutSending() {
        var state = state()
        crisisTurn(&state)
        #expect(state.tools.planOfferPending)
        #expect(command("Show me my plan.", &state) == [])
        #expect(state.overlay == .safetyPlan)
        #expect(screen(state).contains("• Listen to my playlist"))
        #expect(!state.tools.planOfferPending)
        // "e" edits from there.
        _ = state.update(.key(.character("e")))
        #expect(state.overlay == .planEditor)
    }

    @Test func aPlainYesShowsThePlanAndIsStillReadByTheSafeguard() {
        var state = state()
        crisisTurn(&state)
        // The same message asked "are you thinking about ending your life?": "yes" may answer it.
        #expect(command("Yes, please.", &state) == [.send("Yes, please.")])
        #expect(state.overlay == .safetyPlan)
        // A support message arriving under the panel is flagged.
        _ = state.update(.session(.entryAdded(Sample.user(5, "Yes, please.", turn: 2))))
        _ = state.update(.session(.entryAdded(Sample.card(6, "Please call 999 now.", turn: 2))))
        #expect(state.status?.contains("support message arrived") == true)
        #expect(state.overlay == .safetyPlan)
    }

    @Test func anythingElseIsSentAndEndsTheOffer() {
        var state = state()
        crisisTurn(&state)
        #expect(command("not really, I just feel numb", &state) == [.send("not really, I just feel numb")])
        _ = state.update(.session(.entryAdded(Sample.user(3, "not really, I just feel numb", turn: 2))))
        #expect(!state.tools.planOfferPending)
        _ = state.update(.session(.turnFinished(turn: 2)))
        _ = state.update(.replyStreamEnded)
        #expect(command("yes", &state) == [.send("yes")])
    }

    @Test func slashPlanRightAfterTheOfferShowsItReadOnly() {
        var state = state()
        crisisTurn(&state)
        _ = command("/plan", &state)
        #expect(state.overlay == .safetyPlan)
    }

    @Test func noOfferIsPendingWithoutASavedPlan() {
        var state = state(withPlan: false)
        crisisTurn(&state)
        #expect(!state.tools.planOfferPending)
        #expect(command("yes", &state) == [.send("yes")])
    }

    // MARK: - Breathing

    @Test func breatheOpensThePanelAndTicksUntilEscape() {
        var state = state()
        #expect(command("/breathe", &state) == [.startBreathing])
        #expect(state.overlay == .breathing)
        #expect(state.needsFastTicks)
        _ = state.update(.breathingTick(elapsed: .milliseconds(1500)))
        #expect(screen(state).contains("Breathe in… 3"))
        _ = state.update(.breathingTick(elapsed: .seconds(9)))
        #expect(screen(state).contains("Breathe out… 3"))
        _ = state.update(.key(.escape))
        #expect(state.overlay == nil)
        #expect(state.tools.breathing == nil)
        #expect(!state.needsFastTicks)
        #expect(state.entries.last?.text == breathing.closing)
    }

    @Test func fourSevenEightAndUnknownPatterns() {
        var state = state()
        _ = command("/breathe 4-7-8", &state)
        _ = state.update(.breathingTick(elapsed: .seconds(5)))
        #expect(screen(state).contains("Hold… 6"))
        _ = state.update(.key(.escape))
        #expect(command("/breathe square", &state) == [])
        #expect(state.entries.last?.text.contains("box, 4-7-8") == true)
    }

    @Test func theShapeGrowsWithTheBreath() {
        var state = state()
        _ = command("/breathe", &state)
        func blocks() -> Int { screen(state).filter { $0 == "█" }.count }
        _ = state.update(.breathingTick(elapsed: .milliseconds(500)))
        let early = blocks()
        _ = state.update(.breathingTick(elapsed: .milliseconds(3900)))
        let full = blocks()
        _ = state.update(.breathingTick(elapsed: .milliseconds(13000)))
        #expect(early < full)
        #expect(blocks() == 0)  // resting after breathing out
    }

    @Test func reducedMotionShowsStillSentencesOnly() {
        var state = state()
        state.tools.reducedMotion = true
        _ = command("/breathe", &state)
        _ = state.update(.breathingTick(elapsed: .milliseconds(1500)))
        let text = screen(state)
        #expect(text.contains("Breathe in slowly through your nose for 4 seconds (round 1 of 4)."))
        #expect(!text.contains("█"))
        #expect(!text.contains("Breathe in… 3"))
        _ = state.update(.breathingTick(elapsed: .milliseconds(2500)))
        #expect(screen(state) == text)  // nothing moves within a phase
    }

    @Test func theExerciseEndsByItself() {
        var state = state()
        _ = command("/breathe", &state)
        _ = state.update(.breathingTick(elapsed: .seconds(64)))
        #expect(state.overlay == nil)
        #expect(!state.needsFastTicks)
        #expect(state.entries.last?.text == breathing.closing)
    }

    // MARK: - Grounding

    @Test func groundingWaitsForAnswersAndNeverSendsThem() {
        var state = state()
        #expect(command("/ground", &state) == [])
        #expect(state.entries.last?.text.contains(grounding.steps[0].prompt) == true)
        #expect(state.status?.contains("5 · see") == true)
        #expect(command("a lamp, a mug", &state) == [.screenGroundingAnswer("a lamp, a mug")])
        // The safeguard found nothing: the answer stays on screen, the next question follows.
        #expect(state.update(.groundingAnswerChecked(text: "a lamp, a mug", needsSafeguard: false)) == [])
        #expect(state.entries.contains { $0.role == .user && $0.text == "a lamp, a mug" && $0.id < 0 })
        #expect(state.entries.last?.text.contains(grounding.steps[1].prompt) == true)
        // "skip" is the exercise's own word: a command to it, not screened as a message.
        for _ in 1..<grounding.steps.count { #expect(command("skip", &state) == []) }
        #expect(state.tools.grounding == nil)
        #expect(state.entries.last?.text.contains(grounding.closing) == true)
        #expect(command("hello", &state) == [.send("hello")])
    }

    @Test func aRiskyGroundingAnswerEndsTheExerciseAndIsSent() {
        var state = state()
        _ = command("/ground", &state)
        _ = command("I want to die", &state)
        let effects = state.update(.groundingAnswerChecked(text: "I want to die", needsSafeguard: true))
        #expect(effects == [.send("I want to die")])
        #expect(state.tools.grounding == nil)
    }

    @Test func aRiskyAnswerDuringAReplyIsQueuedNotLost() {
        var state = state()
        _ = command("/ground", &state)
        state.isReplying = true
        let effects = state.update(.groundingAnswerChecked(text: "I want to die", needsSafeguard: true))
        #expect(effects == [])
        #expect(state.queuedMessage == "I want to die")
        #expect(state.update(.replyStreamEnded) == [.send("I want to die")])
    }

    /// "stop" is the word the exercise told the person to type: it ends the exercise at once and
    /// is never screened as a message (a lone "stop" read as a message could pause it instead).
    @Test func stopEndsGroundingWarmly() {
        var state = state()
        _ = command("/ground", &state)
        #expect(command("  Stop ", &state) == [])
        #expect(state.tools.grounding == nil)
        #expect(state.entries.contains { $0.role == .user && $0.text == "  Stop " })
        #expect(state.entries.last?.text.contains(grounding.closingEarly) == true)
        #expect(state.status == nil)
    }

    // MARK: - History

    @Test func finishedTurnsAreAppendedOnlyWhenHistoryIsOn() {
        var off = state()
        crisisTurn(&off)
        // No effect at all: the runtime never touches the store.
        #expect(
            !off.run([.session(.turnFinished(turn: 1))]).contains {
                if case .appendHistory = $0 { true } else { false }
            })

        var on = state()
        on.tools.historyEnabled = true
        _ = on.update(.session(.entryAdded(Sample.user(1, "hello", turn: 1))))
        _ = on.update(.session(.entryAdded(Sample.reply(2, "Hi there", turn: 1))))
        let effects = on.update(.session(.turnFinished(turn: 1)))
        #expect(
            effects == [
                .appendHistory([Sample.user(1, "hello", turn: 1), Sample.reply(2, "Hi there", turn: 1)])
            ])
        // Nothing twice; notices are never saved.
        on.addNotice("a local note")
        #expect(on.update(.session(.turnFinished(turn: 1))) == [])
    }

    @Test func historyCommandsBecomeEffects() {
        var state = state()
        #expect(command("/history", &state) == [.showHistory(search: nil)])
        #expect(command("/history walk dog", &state) == [.showHistory(search: "walk dog")])
        #expect(command("/history on", &state) == [.setHistoryEnabled(true)])
        #expect(command("/history off", &state) == [.setHistoryEnabled(false)])
        _ = state.update(.historyLoaded(title: "History", lines: ["## 22 Nov 2026, 01:00", "You: hello"]))
        #expect(state.overlay == .history)
        #expect(screen(state).contains("You: hello"))
        _ = state.update(.storeNotice("History is on.", historyEnabled: true))
        #expect(state.tools.historyEnabled)
    }

    @Test func forgetAsksFirstThenSaysWhatWasDeleted() {
        var state = state()
        #expect(command("/forget", &state) == [])
        #expect(state.entries.last?.text.contains("/forget yes") == true)
        #expect(command("/forget yes", &state) == [.forgetHistory])
        _ = state.update(
            .storeNotice("Deleted 2 conversations (14 messages) from 3 November 2026 to 21 November 2026."))
        #expect(screen(state).contains("Deleted 2 conversations (14 messages)"))
    }

    @Test func helpListsTheNewCommands() {
        let names = AppState.commands.map(\.name)
        for name in ["/plan [edit]", "/breathe [4-7-8]", "/ground", "/history [words]", "/forget"] {
            #expect(names.contains(name))
        }
    }

    @Test func acceptancesAreShortAndExact() {
        #expect(AppState.planOfferReply("Yes!") == .affirmation)
        #expect(AppState.planOfferReply("show me my plan") == .request)
        #expect(AppState.planOfferReply("yes I want to die") == .other)
        #expect(AppState.planOfferReply("no") == .other)
    }

    @Test func reducedMotionCanBeTurnedOnAndIsSaved() {
        var state = state()
        #expect(command("/reduced-motion", &state) == [])
        #expect(state.entries.last?.text.contains("Reduced motion is off") == true)
        #expect(command("/reduced-motion on", &state) == [.setReducedMotion(true)])
        #expect(state.tools.reducedMotion)
        _ = command("/breathe", &state)
        #expect(!screen(state).contains("█"))
    }

    @Test func panelsDrawAtSmallSizesWithTheHelpStripLast() {
        for (cols, rows) in [(40, 12), (20, 6), (12, 4)] {
            var state = state()
            state.cols = cols
            state.rows = rows
            _ = command("/plan", &state)
            _ = state.update(.key(.character("a")))
            state.type("something long enough to wrap in a small terminal")
            var lines = ScreenRenderer().frame(state).grid.lines
            #expect(lines.count == rows)
            _ = state.run([.key(.escape), .key(.escape)])
            _ = command("/breathe", &state)
            _ = state.update(.breathingTick(elapsed: .seconds(3)))
            lines = ScreenRenderer().frame(state).grid.lines
            #expect(lines.count == rows)
            #expect(lines.suffix(2).contains { $0.hasPrefix("In danger") }, "\(lines)")
        }
    }
}
