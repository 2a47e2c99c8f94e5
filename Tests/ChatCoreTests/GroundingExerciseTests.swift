import ChatCore
import Testing

@Suite struct GroundingExerciseTests {
    let guide: GroundingGuide

    init() throws {
        guide = try GroundingGuide.load(from: PlanAndGroundingResources.locator)
    }

    @Test func theStepsAreFiveFourThreeTwoOne() {
        #expect(guide.steps.map(\.count) == [5, 4, 3, 2, 1])
        #expect(guide.steps.map(\.sense) == ["see", "touch", "hear", "smell", "taste"])
    }

    @Test func itWaitsForEachAnswerThenClosesWarmly() {
        var exercise = GroundingExercise(guide: guide)
        let opening = exercise.opening()
        #expect(opening.lines == guide.intro)
        #expect(opening.question == guide.steps[0].prompt)
        var turns: [GuidedTurn] = []
        for answer in [
            "lamp, mug, window, plant, book", "jumper, chair, floor, desk", "rain, fridge, a car",
            "coffee, soap", "mint",
        ] {
            turns.append(exercise.answer(answer))
        }
        #expect(turns.map(\.question) == guide.steps.dropFirst().map(\.prompt) + [nil])
        #expect(turns[0].lines == [guide.acknowledgements[0]])
        #expect(turns.last?.lines == [guide.closing])
        #expect(exercise.isFinished)
        #expect(exercise.answeredSteps == 5)
    }

    /// The words the exercise tells the person to type are its commands (whatever the case or
    /// spacing); anything else, even a sentence holding one, is an answer.
    @Test func itsOwnWordsAreCommands() {
        for command in ["stop", " Skip ", "NEXT", "quit", "exit", "finish"] {
            #expect(GroundingExercise.isCommand(command), "\(command)")
        }
        for answer in ["", "stop it", "please stop", "the bus stop", "skip rope"] {
            #expect(!GroundingExercise.isCommand(answer), "\(answer)")
        }
    }

    @Test func anEmptyAnswerGetsANudgeAndTheStepWaits() {
        var exercise = GroundingExercise(guide: guide)
        let turn = exercise.answer("   ")
        #expect(turn.lines == [guide.nudge])
        #expect(turn.question == guide.steps[0].prompt)
        #expect(exercise.currentStep == guide.steps[0])
    }

    @Test func skipMovesOnWithoutPraiseAndStopEndsEarly() {
        var exercise = GroundingExercise(guide: guide)
        let skipped = exercise.answer("skip")
        #expect(skipped.lines.isEmpty)
        #expect(skipped.question == guide.steps[1].prompt)
        let stopped = exercise.answer("Stop")
        #expect(stopped.lines == [guide.closingEarly])
        #expect(stopped.isFinished)
        #expect(exercise.answeredSteps == 0)
    }
}
