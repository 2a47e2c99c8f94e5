import ChatCore
import Testing

@Suite struct SafetyPlanRendererTests {
    let renderer: SafetyPlanRenderer

    init() throws {
        renderer = SafetyPlanRenderer(
            guide: try SafetyPlanGuide.load(from: PlanAndGroundingResources.locator))
    }

    @Test func markdownHasEverySectionInOrderWithEntriesAsBullets() {
        let plan = SafetyPlan(entries: [.warningSigns: ["Not sleeping"], .reasonsForLiving: ["My dog"]])
        let markdown = renderer.markdown(plan, updatedText: "Last updated 22 November 2026")
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "# My safety plan")
        #expect(lines.contains("_Last updated 22 November 2026_"))
        let headings = lines.filter { $0.hasPrefix("## ") }
        #expect(headings.count == 7)
        #expect(headings.first == "## 1. Warning signs")
        #expect(headings.last == "## 7. My reasons for living")
        #expect(lines.contains("- Not sleeping"))
        #expect(lines.contains("- My dog"))
        #expect(lines.filter { $0 == "_Nothing here yet._" }.count == 5)
    }

    @Test func markdownEscapesFormattingCharacters() {
        let plan = SafetyPlan(entries: [.copingStrategies: ["*really* loud_music #1"]])
        #expect(renderer.markdown(plan).contains("- \\*really\\* loud\\_music \\#1"))
    }

    @Test func textWrapsToTheGivenWidthWithHangingIndent() throws {
        let long = "Phone my cousin and ask if I can come round for a cup of tea and a film this evening"
        let plan = SafetyPlan(entries: [.distractions: [long]])
        let text = renderer.text(plan, width: 40)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { $0.count <= 40 })
        let entry = try #require(lines.firstIndex(of: "   - Phone my cousin and ask if I can"))
        #expect(lines[entry + 1] == "     come round for a cup of tea and a")
        #expect(lines[entry + 2] == "     film this evening")
        #expect(lines.contains("3. People and places that take my mind"))
        #expect(lines.contains("   off things"))
        #expect(lines.first == "MY SAFETY PLAN")
        #expect(lines.contains("   (Nothing here yet.)"))
    }

    @Test func footerParagraphsAreAddedAtTheEnd() {
        let text = renderer.text(SafetyPlan(), footer: ["If you are in danger now, call 999."])
        #expect(text.hasSuffix("If you are in danger now, call 999.\n"))
    }
}
