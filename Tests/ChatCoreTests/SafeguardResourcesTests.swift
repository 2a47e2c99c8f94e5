import ChatCore
import Foundation
import Safeguard
import Testing
import WaymarkTestTraits

@Suite(.ownThread) struct SafeguardResourcesTests {
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
        ContextualEncoder.thresholdsPath, BoundaryHead.resourcePath,
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

    /// One way the reviewed safety data can be broken in a copy of `resources/`, and the words
    /// the load error must name (issue 16: missing or misspelt data is an error, never a
    /// quietly weaker safeguard).
    struct Breakage: Sendable, CustomStringConvertible {
        var description: String
        var file: String
        /// Replaces the file's text; nil deletes the file.
        var edit: (@Sendable (String) -> String)?
        var named: [String]
    }

    static let breakages: [Breakage] = [
        Breakage(
            description: "guard file deleted", file: "guard/methods.json", edit: nil,
            named: ["guard/methods.json"]),
        Breakage(
            description: "guard key misspelt", file: "guard/methods.json",
            edit: { $0.replacingOccurrences(of: "\"methodPhrases\"", with: "\"methodPhrase\"") },
            named: ["guard/methods.json", "methodPhrase"]),
        Breakage(
            description: "guard key emptied", file: "guard/refusals.json",
            edit: { _ in #"{"refusalPhrases": []}"# }, named: ["guard/refusals.json", "refusalPhrases"]),
        Breakage(
            description: "framing file deleted", file: "framing/emergency.json", edit: nil,
            named: ["framing/emergency.json"]),
        Breakage(
            description: "framing part dropped", file: "framing/emergency.json",
            edit: { $0.replacingOccurrences(of: "\"emergency.lead\"", with: "\"emergency.unused\"") },
            named: ["framing/emergency.json", "emergency.unused"]),
        Breakage(
            description: "framing part missing", file: "framing/safety.json",
            edit: { text in
                var object =
                    (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
                var parts = object["parts"] as? [String: Any] ?? [:]
                parts["safety.question"] = nil
                object["parts"] = parts
                let data = (try? JSONSerialization.data(withJSONObject: object)) ?? Data()
                return String(decoding: data, as: UTF8.self)
            }, named: ["framing", "safety.question"]),
        Breakage(
            description: "framing rule group misspelt", file: "framing/safety.json",
            edit: {
                $0.replacingOccurrences(of: "\"answersSafetyQuestion\"", with: "\"answersSafetyQuestions\"")
            },
            named: ["framing/safety.json", "answersSafetyQuestions"]),
        Breakage(
            description: "lexicon word class dropped", file: "safeguard/lexicon/classes.txt",
            edit: { $0.replacingOccurrences(of: "@model_anchor", with: "@model_anchors") },
            named: ["classes.txt", "@model_anchor"]),
        Breakage(
            description: "lexicon rule the engine reads by name renamed", file: "safeguard/lexicon/abuse.txt",
            edit: {
                $0.replacingOccurrences(
                    of: "rule abuse.threat_when_back ", with: "rule abuse.threat_when_gone ")
            },
            named: ["abuse.threat_when_back"]),
        Breakage(
            description: "tense word class dropped", file: "safeguard/lexicon/classes.txt",
            edit: { $0.replacingOccurrences(of: "@recent_word", with: "@recent_words") },
            named: ["classes.txt", "@recent_word"]),
        Breakage(
            description: "lexicon rules file deleted", file: "safeguard/lexicon/crisis_kinds.txt", edit: nil,
            named: ["crisis_kinds.txt"]),
        Breakage(
            description: "other-language rules file deleted", file: "safeguard/lexicon/lang_so_gu_bn.txt",
            edit: nil, named: ["lang_so_gu_bn.txt"]),
        Breakage(
            description: "place names deleted", file: "places/uk-places.json", edit: nil,
            named: ["places/uk-places.json"]),
    ]

    /// A copy of `resources/` with one required file, part, key or class broken: loading the
    /// chat's safeguard from it fails with an error that names what is wrong.
    @Test(arguments: breakages)
    func brokenSafetyDataIsALoadErrorNamingIt(_ breakage: Breakage) throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent(
            "waymark-resources-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: copy) }
        try FileManager.default.copyItem(at: locator.root, to: copy)
        let file = copy.appendingPathComponent(breakage.file)
        if let edit = breakage.edit {
            let text = try String(contentsOf: file, encoding: .utf8)
            let edited = edit(text)
            try #require(edited != text, "the edit changed nothing in \(breakage.file)")
            try Data(edited.utf8).write(to: file)
        } else {
            try FileManager.default.removeItem(at: file)
        }
        let error = try #require(throws: (any Error).self) {
            try ChatSession.Safeguards.load(from: ResourceLocator(root: copy))
        }
        for word in breakage.named {
            #expect("\(error)".contains(word), "\(breakage): \(error)")
        }
    }

    /// The shipped data passes the same checks (the tests above break it one way at a time).
    @Test func theShippedSafetyDataPassesItsChecks() throws {
        let framing = try SafeguardResources.loadFraming(from: locator)
        for part in FramingTexts.requiredParts {
            #expect(!framing.variants(part).isEmpty, "\(part)")
        }
        _ = try SafeguardResources.loadGuardRules(from: locator)
        let lexicon = try SafeguardLoader.loadLexicon(from: locator)
        #expect(lexicon.rules.count > 100)
    }

    /// Every part name written in the framing code is one the load checks know (required or
    /// optional), so a part the code reads cannot be missing from the files without an error.
    @Test func everyPartTheCodeReadsIsKnownToTheLoadCheck() throws {
        let sources = locator.root.deletingLastPathComponent().appendingPathComponent("Sources/Safeguard")
        let enumerator = try #require(FileManager.default.enumerator(atPath: sources.path))
        let pattern = try Regex(#"(?:pick|variants)\(\s*"([A-Za-z0-9_.]+)""#)
        var names: Set<String> = []
        for case let path as String in enumerator where path.hasSuffix(".swift") {
            let text = try String(contentsOf: sources.appendingPathComponent(path), encoding: .utf8)
            for match in text.matches(of: pattern) {
                if let name = match.output[1].substring { names.insert(String(name)) }
            }
        }
        #expect(names.count > 20)
        let known = FramingTexts.requiredParts.union(FramingTexts.optionalParts)
        #expect(names.subtracting(known).isEmpty, "\(names.subtracting(known).sorted())")
    }

    /// Every rules file shipped in the lexicon folder is required: a file added without being
    /// listed in `SafeguardLoader.requiredLexiconFiles` could go missing with no load error.
    @Test func everyShippedLexiconFileIsRequired() throws {
        let names = try FileManager.default.contentsOfDirectory(
            atPath: locator.url(SafeguardLoader.lexiconFolder).path)
        let rules = Set(names.filter { $0.hasSuffix(".txt") }).subtracting(Lexicon.specialFiles)
        let unlisted = rules.subtracting(SafeguardLoader.requiredLexiconFiles)
        #expect(unlisted.isEmpty, "not required: \(unlisted.sorted())")
    }

    @Test func missingResourcesThrow() {
        let nowhere = ResourceLocator(root: URL(fileURLWithPath: "/nonexistent-waymark-resources"))
        #expect(throws: (any Error).self) { try SafeguardResources.loadDirectory(from: nowhere) }
    }
}
