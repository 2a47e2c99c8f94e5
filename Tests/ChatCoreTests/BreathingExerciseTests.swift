import ChatCore
import Testing

@Suite struct BreathingExerciseTests {
    let guide: BreathingGuide

    init() throws {
        guide = try BreathingGuide.load(from: PlanAndGroundingResources.locator)
    }

    func exercise(_ id: String, cycles: Int? = nil) throws -> BreathingExercise {
        BreathingExercise(pattern: try #require(guide.pattern(id)), guide: guide, cycles: cycles)
    }

    @Test func boxBreathingIsFourFourFourFour() throws {
        let box = try #require(guide.pattern("box"))
        #expect(box.phases.map(\.seconds) == [4, 4, 4, 4])
        #expect(box.phases.map(\.kind) == [.breatheIn, .holdIn, .breatheOut, .holdOut])
        let fourSevenEight = try #require(guide.pattern("4-7-8"))
        #expect(fourSevenEight.phases.map(\.seconds) == [4, 7, 8])
        #expect(fourSevenEight.phases.map(\.kind) == [.breatheIn, .holdIn, .breatheOut])
    }

    @Test func boxPhasesFollowTheClock() throws {
        let box = try exercise("box", cycles: 2)
        #expect(box.duration == .seconds(32))
        let kinds = [0, 3.9, 4, 8.5, 12, 15.99, 16, 20].map {
            box.frame(at: .milliseconds(Int($0 * 1000))).phase.kind
        }
        #expect(
            kinds == [.breatheIn, .breatheIn, .holdIn, .breatheOut, .holdOut, .holdOut, .breatheIn, .holdIn])
        #expect(box.frame(at: .seconds(17)).cycle == 2)
        #expect(box.frame(at: .seconds(1)).cycle == 1)
    }

    @Test func secondsLeftCountsDownAndProgressRises() throws {
        let box = try exercise("box")
        #expect(box.frame(at: .zero).secondsLeft == 4)
        #expect(box.frame(at: .milliseconds(500)).secondsLeft == 4)
        #expect(box.frame(at: .milliseconds(1500)).secondsLeft == 3)
        #expect(box.frame(at: .milliseconds(3999)).secondsLeft == 1)
        #expect(box.frame(at: .seconds(2)).phaseProgress == 0.5)
        #expect(box.frame(at: .seconds(2)).text == "Breathe in… 2")
    }

    @Test func fillRisesHoldsFallsAndRests() throws {
        let box = try exercise("box")
        #expect(box.frame(at: .seconds(1)).fill == 0.25)
        #expect(box.frame(at: .seconds(6)).fill == 1)
        #expect(box.frame(at: .seconds(11)).fill == 0.25)
        #expect(box.frame(at: .seconds(14)).fill == 0)
    }

    @Test func fourSevenEightUsesItsOwnDurations() throws {
        let exercise = try exercise("4-7-8", cycles: 1)
        #expect(exercise.frame(at: .seconds(10)).phase.kind == .holdIn)
        #expect(exercise.frame(at: .seconds(10)).secondsLeft == 1)
        #expect(exercise.frame(at: .seconds(11)).phase.kind == .breatheOut)
        #expect(exercise.frame(at: .seconds(11)).secondsLeft == 8)
    }

    @Test func reducedMotionTextIsStillWithinAPhase() throws {
        let box = try exercise("box", cycles: 4)
        let early = box.frame(at: .milliseconds(100)).reducedMotionText
        #expect(early == box.frame(at: .milliseconds(3900)).reducedMotionText)
        #expect(early.contains("round 1 of 4"))
        #expect(early != box.frame(at: .seconds(5)).reducedMotionText)
        #expect(box.frame(at: .milliseconds(100)).text != box.frame(at: .milliseconds(3900)).text)
    }

    @Test func finishesWithTheClosingLine() throws {
        let box = try exercise("box", cycles: 1)
        let end = box.frame(at: .seconds(16))
        #expect(end.isFinished)
        #expect(end.secondsLeft == 0)
        #expect(end.overallProgress == 1)
        #expect(end.text == guide.closing)
        #expect(box.frame(at: .seconds(999)) == end)
        #expect(!box.frame(at: .milliseconds(15_999)).isFinished)
        #expect(box.frame(at: .seconds(-3)) == box.frame(at: .zero))
    }

    @Test func lineModeStepsCoverEveryPhaseOfEveryRound() throws {
        let steps = try exercise("4-7-8", cycles: 2).lineModeSteps()
        #expect(steps.count == 2 + 3 * 2 + 1)
        #expect(steps.map(\.seconds).reduce(0, +) == 19 * 2)
        #expect(steps.last?.text == guide.closing)
        #expect(steps[2].text.contains("for 4 seconds (round 1 of 2)"))
    }
}

@Suite struct BreathingLineModeTests {
    @Test func lineModeShowsEachStepThenWaitsItsSeconds() async throws {
        let guide = try BreathingGuide.load(from: PlanAndGroundingResources.locator)
        let exercise = BreathingExercise(pattern: try #require(guide.pattern("box")), guide: guide, cycles: 1)
        let shown = BreathingShownLines()
        var waited: [Duration] = []
        try await exercise.playLineMode(show: { shown.append($0) }, sleep: { waited.append($0) })
        #expect(shown.lines == exercise.lineModeSteps().map(\.text))
        #expect(waited == [.seconds(4), .seconds(4), .seconds(4), .seconds(4)])
        #expect(!guide.offer.isEmpty)
    }
}

/// A small box for lines shown by a non-escaping closure.
final class BreathingShownLines {
    var lines: [String] = []
    func append(_ line: String) { lines.append(line) }
}
