import ChatCore
import Foundation
import Testing
import WaymarkTesting

@testable import TerminalUI

/// The `/plan` editor through `update` and the renderer: add, edit, delete, navigate, save.
@Suite struct PlanEditorTests {
    let guide: SafetyPlanGuide

    init() throws {
        _ = utf8Locale
        guide = try SafetyPlanGuide.load(from: RepositoryPaths.locator)
    }

    func state(plan: SafetyPlan? = nil, suggestions: [String] = []) -> AppState {
        var state = Sample.state(cols: 80, rows: 30)
        state.tools.planGuide = guide
        state.tools.savedPlan = plan
        state.tools.planSuggestions = suggestions
        return state
    }

    func command(_ text: String, _ state: inout AppState) -> [AppEffect] {
        state.type(text)
        return state.update(.key(.enter))
    }

    func screen(_ state: AppState) -> String {
        ScreenRenderer().frame(state).grid.lines.joined(separator: "\n")
    }

    @Test func slashPlanOpensTheEditorOnAllSections() {
        var state = state()
        #expect(command("/plan", &state) == [])
        #expect(state.overlay == .planEditor)
        let text = screen(state)
        for section in SafetyPlanSection.allCases {
            #expect(text.contains(guide.section(section).title), "\(section)")
        }
        #expect(text.contains("Tab section"))
    }

    @Test func addingAnEntrySavesThePlan() {
        var state = state()
        _ = command("/plan", &state)
        #expect(state.update(.key(.enter)) == [])  // on the heading: starts adding
        #expect(state.tools.planEditor?.mode == .adding)
        state.type("I stop replying to friends")
        #expect(screen(state).contains("› I stop replying to friends"))  // typed in the input box
        let effects = state.update(.key(.enter))
        let expected = state.tools.planEditor?.plan
        #expect(expected?[.warningSigns] == ["I stop replying to friends"])
        #expect(effects == [.saveSafetyPlan(expected ?? SafetyPlan())])
        #expect(state.tools.savedPlan == expected)
        #expect(screen(state).contains("• I stop replying to friends"))
    }

    @Test func escapeWhileTypingCancelsWithoutSaving() {
        var state = state()
        _ = command("/plan", &state)
        _ = state.update(.key(.character("a")))
        state.type("not this")
        #expect(state.update(.key(.escape)) == [])
        #expect(state.tools.planEditor?.plan.isEmpty == true)
        #expect(state.overlay == .planEditor)
        #expect(state.update(.key(.escape)) == [])
        #expect(state.overlay == nil)
    }

    @Test func editingReplacesTheSelectedEntry() {
        var plan = SafetyPlan()
        _ = plan.update(.add("Walk the dog", to: .distractions))
        _ = plan.update(.add("Call my sister", to: .distractions))
        var state = state(plan: plan)
        _ = command("/plan", &state)
        // Tab twice: "distractions" heading; down twice: the second entry.
        _ = state.run([.key(.tab), .key(.tab), .key(.down), .key(.down)])
        #expect(state.tools.planEditor?.section == .distractions)
        #expect(state.tools.planEditor?.entryIndex == 1)
        _ = state.update(.key(.enter))
        #expect(state.tools.planEditor?.field.text == "Call my sister")
        _ = state.run([.key(.control("u"))])
        state.type("Ring Sam")
        let effects = state.update(.key(.enter))
        #expect(state.tools.savedPlan?[.distractions] == ["Walk the dog", "Ring Sam"])
        #expect(effects.count == 1)
    }

    @Test func deletingRemovesTheSelectedEntryAndKeepsASelection() {
        var plan = SafetyPlan()
        _ = plan.update(.add("Music", to: .warningSigns))
        _ = plan.update(.add("Pacing", to: .warningSigns))
        var state = state(plan: plan)
        _ = command("/plan", &state)
        _ = state.update(.key(.down))
        let effects = state.update(.key(.character("d")))
        #expect(state.tools.savedPlan?[.warningSigns] == ["Pacing"])
        #expect(effects.count == 1)
        #expect(state.tools.planEditor?.entryIndex == 0)
        // Deleting on a heading does nothing.
        _ = state.update(.key(.up))
        #expect(state.update(.key(.character("d"))) == [])
    }

    @Test func navigationMovesThroughEntriesAndSections() {
        var plan = SafetyPlan()
        _ = plan.update(.add("One", to: .warningSigns))
        var state = state(plan: plan)
        _ = command("/plan", &state)
        _ = state.run([.key(.down), .key(.down)])
        #expect(state.tools.planEditor?.section == .copingStrategies)
        #expect(state.tools.planEditor?.entryIndex == nil)
        _ = state.update(.key(.up))
        #expect(state.tools.planEditor?.section == .warningSigns)
        #expect(state.tools.planEditor?.entryIndex == 0)
        _ = state.run(Array(repeating: .key(.tab), count: 10))
        #expect(state.tools.planEditor?.section == .reasonsForLiving)
        _ = state.update(.key(.left))
        #expect(state.tools.planEditor?.section == .saferEnvironment)
    }

    @Test func suggestionsAreAddedByNumberInTheProfessionalsSectionOnly() {
        var state = state(suggestions: ["Samaritans: call 116 123 (free, 24/7)"])
        _ = command("/plan", &state)
        #expect(state.update(.key(.character("1"))) == [])  // not the professionals section
        _ = state.run(Array(repeating: .key(.tab), count: 4))
        #expect(state.tools.planEditor?.section == .professionals)
        #expect(screen(state).contains("[1] Samaritans: call 116 123"))
        #expect(state.update(.key(.character("1"))).count == 1)
        #expect(state.tools.savedPlan?[.professionals] == ["Samaritans: call 116 123 (free, 24/7)"])
        #expect(state.update(.key(.character("1"))) == [])  // already there
    }

    @Test func pasteGoesIntoTheFieldAsOneLine() {
        var state = state()
        _ = command("/plan", &state)
        _ = state.update(.key(.character("a")))
        _ = state.update(.paste("a long\nwalk"))
        #expect(state.tools.planEditor?.field.text == "a long walk")
        #expect(state.editor.isEmpty)
    }

    @Test func withoutTheGuideSlashPlanExplains() {
        var state = Sample.state()
        _ = command("/plan", &state)
        #expect(state.overlay == nil)
        #expect(state.entries.last?.text.contains("isn't available") == true)
    }
}
