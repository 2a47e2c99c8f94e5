import Foundation
import Safeguard

/// Loads the safeguard's reviewed data (service directory, framing texts, guard rules,
/// expectation texts) from the resources folder.
public enum SafeguardResources {
    /// Path of the service directory inside `resources/`.
    public static let directoryPath = "services/directory.json"
    /// Folder of framing texts inside `resources/`.
    public static let framingFolder = "framing"
    /// Folder of output-guard rules inside `resources/`.
    public static let guardFolder = "guard"

    /// The UK service directory.
    public static func loadDirectory(from locator: ResourceLocator) throws -> ServiceDirectory {
        try ServiceDirectory(data: locator.data(directoryPath))
    }

    /// Every `framing/*.json`, merged in file-name order.
    public static func loadFraming(from locator: ResourceLocator) throws -> FramingTexts {
        try FramingTexts(files: jsonFiles(in: framingFolder, locator: locator))
    }

    /// Every `guard/*.json`, merged in file-name order.
    public static func loadGuardRules(from locator: ResourceLocator) throws -> GuardRules {
        try GuardRules(files: jsonFiles(in: guardFolder, locator: locator))
    }

    /// Place names by nation (`places/uk-places.json`), for places said in the conversation.
    public static let placesPath = "places/uk-places.json"

    /// The policy built from the directory, framing texts and place names (none when the
    /// places file is absent).
    public static func loadPolicy(from locator: ResourceLocator) throws -> SafeguardPolicy {
        let places = (try? locator.data(placesPath)).flatMap { try? PersonMentions.places(from: $0) } ?? [:]
        return SafeguardPolicy(
            directory: try loadDirectory(from: locator), framing: try loadFraming(from: locator),
            places: places)
    }

    /// The intro shown at start (`framing/intro.md`).
    public static func introText(from locator: ResourceLocator) throws -> String {
        try locator.text("\(framingFolder)/intro.md")
    }

    /// The `/about` text (`framing/about.md`).
    public static func aboutText(from locator: ResourceLocator) throws -> String {
        try locator.text("\(framingFolder)/about.md")
    }

    static func jsonFiles(in folder: String, locator: ResourceLocator) throws -> [Data] {
        let url = locator.url(folder)
        let names = try FileManager.default.contentsOfDirectory(atPath: url.path)
            .filter { $0.hasSuffix(".json") }
            .sorted()
        return try names.map { try Data(contentsOf: url.appendingPathComponent($0)) }
    }
}
