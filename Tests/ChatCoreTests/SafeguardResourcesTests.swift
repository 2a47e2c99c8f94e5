import ChatCore
import Foundation
import Safeguard
import Testing

@Suite struct SafeguardResourcesTests {
    let locator = ResourceLocator(
        root: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("resources"))

    @Test func loadsTheDirectoryFramingGuardRulesAndTexts() throws {
        let directory = try SafeguardResources.loadDirectory(from: locator)
        #expect(directory.services.count == 38)
        #expect(directory.service(id: "samaritans")?.displayedChannels.first?.dial == "116 123")
        let framing = try SafeguardResources.loadFraming(from: locator)
        #expect(!framing.variants("safety.question").isEmpty)
        #expect(!framing.variants("guidance.crisis").isEmpty)
        let rules = try SafeguardResources.loadGuardRules(from: locator)
        #expect(!rules.refusalPhrases.isEmpty && !rules.nonUKNumbers.isEmpty)
        #expect(try SafeguardResources.introText(from: locator).contains("116 123"))
        #expect(try SafeguardResources.aboutText(from: locator).contains("999"))
    }

    @Test func loadedPolicyPlansAReferral() throws {
        let policy = try SafeguardResources.loadPolicy(from: locator)
        let (plan, _) = policy.plan(
            for: Assessment(level: .crisis, categories: [.suicide]), userText: "",
            settings: PersonSettings(nation: .wales), followUp: .start, now: Date())
        #expect(plan.message?.kind == .fullReferral)
        #expect(plan.guidance.mode == .strict)
    }

    /// A copy of `resources/` without `removed`: loading the engine from it must fail (issue 16:
    /// the statistical layers are required, never a quietly weaker lexicon-only engine).
    @Test(arguments: [
        TextClassifier.resourcePath, ContextualEncoder.modelPath, ContextualEncoder.vocabularyPath,
    ])
    func theEngineDoesNotLoadWithoutALayer(removed: String) throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent(
            "waymark-resources-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: copy) }
        try FileManager.default.copyItem(at: locator.root, to: copy)
        let trimmed = ResourceLocator(root: copy)
        _ = try SafeguardLoader.loadEngine(from: trimmed)
        try FileManager.default.removeItem(at: copy.appendingPathComponent(removed))
        #expect(throws: (any Error).self) { try SafeguardLoader.loadEngine(from: trimmed) }
    }

    @Test func missingResourcesThrow() {
        let nowhere = ResourceLocator(root: URL(fileURLWithPath: "/nonexistent-waymark-resources"))
        #expect(throws: (any Error).self) { try SafeguardResources.loadDirectory(from: nowhere) }
    }
}
