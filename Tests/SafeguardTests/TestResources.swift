import Foundation
import Safeguard

/// Loads the repository's reviewed resources for tests (the repo root is found from #filePath).
enum TestResources {
    static let repoRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func resource(_ path: String) throws -> Data {
        try Data(contentsOf: repoRoot.appendingPathComponent("resources").appendingPathComponent(path))
    }

    static func jsonFiles(_ folder: String) throws -> [(name: String, data: Data)] {
        let url = repoRoot.appendingPathComponent("resources").appendingPathComponent(folder)
        return try FileManager.default.contentsOfDirectory(atPath: url.path)
            .filter { $0.hasSuffix(".json") }.sorted()
            .map { ("\(folder)/\($0)", try Data(contentsOf: url.appendingPathComponent($0))) }
    }

    /// `shared/reference/uk-services.json` beside the repository (or inside it, on CI).
    static func referenceURL() -> URL? {
        let candidates = [
            repoRoot.deletingLastPathComponent().appendingPathComponent("shared/reference/uk-services.json"),
            repoRoot.appendingPathComponent("shared/reference/uk-services.json"),
            URL(fileURLWithPath: "/work/shared/reference/uk-services.json"),
        ]
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) }
    }

    static func directory() throws -> ServiceDirectory {
        try ServiceDirectory(data: resource("services/directory.json"))
    }

    static func framing() throws -> FramingTexts {
        try FramingTexts(files: jsonFiles("framing"))
    }

    static func guardRules() throws -> GuardRules {
        try GuardRules(files: jsonFiles("guard"))
    }

    static func policy() throws -> SafeguardPolicy {
        SafeguardPolicy(
            directory: try directory(), framing: try framing(),
            places: try PersonMentions.places(from: resource("places/uk-places.json")))
    }

    /// A UK wall-clock time.
    static func uk(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int = 0) -> Date {
        UKLocalTime.date(year: year, month: month, day: day, hour: hour, minute: minute)
    }
}
