import ChatCore
import Foundation
import Testing

@Suite struct SafetyPlanTests {
    @Test func addingTrimsTextAndIgnoresBlanksAndDuplicates() {
        var plan = SafetyPlan()
        let added = plan.update(.add("  Walk   round the block\n", to: .copingStrategies))
        let duplicate = plan.update(.add("Walk round the block", to: .copingStrategies))
        let blank = plan.update(.add("   ", to: .copingStrategies))
        #expect(added)
        #expect(!duplicate)
        #expect(!blank)
        #expect(plan[.copingStrategies] == ["Walk round the block"])
        #expect(plan.entryCount == 1)
    }

    @Test func editsReplaceRemoveMoveAndClear() {
        var plan = SafetyPlan(entries: [.reasonsForLiving: ["My dog", "My niece", "Spring"]])
        plan.update(.replace(index: 0, in: .reasonsForLiving, with: "My dog, Biscuit"))
        plan.update(.move(from: 2, to: 0, in: .reasonsForLiving))
        #expect(plan[.reasonsForLiving] == ["Spring", "My dog, Biscuit", "My niece"])
        plan.update(.remove(index: 1, from: .reasonsForLiving))
        #expect(plan[.reasonsForLiving] == ["Spring", "My niece"])
        let outOfRange = plan.update(.remove(index: 9, from: .reasonsForLiving))
        #expect(!outOfRange)
        plan.update(.replace(index: 0, in: .reasonsForLiving, with: " "))
        #expect(plan[.reasonsForLiving] == ["My niece"])
        plan.update(.clear(.reasonsForLiving))
        #expect(plan.isEmpty)
    }

    @Test func updateStampsTheDateOnlyWhenSomethingChanged() {
        var plan = SafetyPlan()
        let first = Date(timeIntervalSince1970: 1_000)
        plan.update(.add("Music", to: .copingStrategies), at: first)
        plan.update(.add("Music", to: .copingStrategies), at: Date(timeIntervalSince1970: 2_000))
        #expect(plan.updated == first)
    }

    @Test func controlCharactersCannotReachTheTerminal() {
        var plan = SafetyPlan()
        plan.update(.add("calm\u{1B}[2Jdown", to: .warningSigns))
        #expect(plan[.warningSigns].first?.unicodeScalars.contains("\u{1B}") == false)
    }

    @Test func codableRoundTripKeepsSectionsAndIgnoresUnknownOnes() throws {
        let plan = SafetyPlan(
            entries: [.warningSigns: ["Not sleeping"], .peopleToAsk: ["Priya"]],
            updated: Date(timeIntervalSince1970: 12_345.5))
        let data = try JSONEncoder().encode(plan)
        #expect(try JSONDecoder().decode(SafetyPlan.self, from: data) == plan)
        let json = String(decoding: data, as: UTF8.self)
        #expect(json.contains("\"warning_signs\""))

        let future = Data(#"{"version":2,"sections":{"warning_signs":["a"],"new_section":["b"]}}"#.utf8)
        let decoded = try JSONDecoder().decode(SafetyPlan.self, from: future)
        #expect(decoded[.warningSigns] == ["a"])
        #expect(decoded.entryCount == 1)
    }

    @Test func guideFileHasAllSevenSectionsInOrderWithPromptsAndExamples() throws {
        let guide = try SafetyPlanGuide.load(from: PlanAndGroundingResources.locator)
        #expect(guide.sections.map(\.id) == SafetyPlanSection.allCases)
        for section in guide.sections {
            #expect(!section.title.isEmpty)
            #expect(!section.prompt.isEmpty)
            #expect(!section.examples.isEmpty)
        }
    }

    @Test func guideTextsContainNoPhoneNumbers() throws {
        // Numbers shown as facts must come from the service directory, never from these texts.
        let text = try PlanAndGroundingResources.locator.text(SafetyPlanGuide.resourcePath)
        let digitRuns = text.split(whereSeparator: { !$0.isNumber }).map(String.init).filter { $0.count >= 3 }
        #expect(digitRuns.allSatisfy { $0.hasPrefix("20") && $0.count == 4 }, "found \(digitRuns)")
    }
}

/// Finds the repository's `resources/` folder from this file's path.
enum PlanAndGroundingResources {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let locator = ResourceLocator(root: root.appendingPathComponent("resources"))
}
