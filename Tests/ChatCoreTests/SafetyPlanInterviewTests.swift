import ChatCore
import Testing

@Suite struct SafetyPlanInterviewTests {
    let guide: SafetyPlanGuide

    init() throws {
        guide = try SafetyPlanGuide.load(from: PlanAndGroundingResources.locator)
    }

    @Test func openingIntroducesThePlanAndAsksAboutWarningSigns() {
        let interview = SafetyPlanInterview(plan: SafetyPlan(), guide: guide)
        let turn = interview.opening()
        #expect(turn.lines.contains("Step 1 of 7: Warning signs"))
        #expect(turn.lines.contains(guide.section(.warningSigns).prompt))
        #expect(turn.question == guide.firstQuestion)
        #expect(interview.currentSection == .warningSigns)
    }

    @Test func answersAddEntriesAndBlankMovesOn() {
        var interview = SafetyPlanInterview(plan: SafetyPlan(), guide: guide)
        let added = interview.answer("Staying in bed all day")
        #expect(added.lines == [guide.acknowledgements[0]])
        #expect(added.question == guide.nextQuestion)
        interview.answer("Snapping at people")
        let again = interview.answer("snapping at people ")
        #expect(again.lines == [guide.alreadyThere])
        let next = interview.answer("")
        #expect(next.lines.prefix(2) == ["", "Step 2 of 7: Things I can do on my own"])
        #expect(interview.currentSection == .copingStrategies)
        #expect(interview.plan[.warningSigns] == ["Staying in bed all day", "Snapping at people"])
        #expect(interview.hasChanges)
    }

    @Test func skipAndDoneMoveOnAndTheLastSectionFinishes() {
        var interview = SafetyPlanInterview(plan: SafetyPlan(), guide: guide)
        for word in ["skip", "done", "next", "", "SKIP", "  ", "done"] {
            interview.answer(word)
        }
        #expect(interview.isFinished)
        #expect(interview.currentSection == nil)
        #expect(!interview.hasChanges)
        let after = interview.answer("anything")
        #expect(after.isFinished)
    }

    @Test func stopFinishesEarlyKeepingWhatWasAdded() {
        var interview = SafetyPlanInterview(plan: SafetyPlan(), guide: guide)
        interview.answer("Not answering messages")
        let end = interview.answer("stop")
        #expect(end.isFinished)
        #expect(end.lines == [guide.outro])
        #expect(interview.plan[.warningSigns] == ["Not answering messages"])
    }

    @Test func existingEntriesAreShownNumberedAndCanBeRemoved() {
        let plan = SafetyPlan(entries: [.warningSigns: ["Not sleeping", "Skipping meals"]])
        var interview = SafetyPlanInterview(plan: plan, guide: guide)
        #expect(interview.opening().lines.contains("  2. Skipping meals"))
        let removed = interview.answer("remove 1")
        #expect(removed.lines.first == guide.removed)
        #expect(interview.plan[.warningSigns] == ["Skipping meals"])
        let missing = interview.answer("remove 7")
        #expect(missing.lines == [guide.notFound])
    }

    @Test func serviceSuggestionsAreOfferedAndCanBeAddedByLetterOrAll() {
        let suggestions = ["Service One: call 01234", "Service Two: text 5678", "Service Three: web chat"]
        var interview = SafetyPlanInterview(
            plan: SafetyPlan(), guide: guide, serviceSuggestions: suggestions, sections: [.professionals])
        let opening = interview.opening()
        #expect(opening.lines.contains(guide.suggestionsHeading))
        #expect(opening.lines.contains("  b) Service Two: text 5678"))
        interview.answer("a c")
        #expect(interview.plan[.professionals] == [suggestions[0], suggestions[2]])
        interview.answer("all")
        #expect(interview.plan[.professionals] == [suggestions[0], suggestions[2], suggestions[1]])
        interview.answer("My GP")
        #expect(interview.plan[.professionals].last == "My GP")
    }

    @Test func lettersAreOrdinaryAnswersOutsideTheServicesSection() {
        var interview = SafetyPlanInterview(
            plan: SafetyPlan(), guide: guide, serviceSuggestions: ["Service One"], sections: [.distractions])
        interview.answer("a")
        #expect(interview.plan[.distractions] == ["a"])
    }

    @Test func oneSectionCanBeEditedOnItsOwn() {
        var interview = SafetyPlanInterview(plan: SafetyPlan(), guide: guide, sections: [.reasonsForLiving])
        #expect(interview.opening().lines.contains("Step 1 of 1: My reasons for living"))
        interview.answer("My sister")
        let end = interview.answer("")
        #expect(end.isFinished)
        #expect(interview.plan[.reasonsForLiving] == ["My sister"])
    }
}
