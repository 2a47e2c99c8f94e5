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

    /// The framing files that must be there (each holds parts no other file gives).
    public static let requiredFramingFiles = [
        "acknowledge.json", "after.json", "emergency.json", "guidance.json", "method.json", "referral.json",
        "safety.json",
    ]
    /// The output-guard rules files that must be there.
    public static let requiredGuardFiles = [
        "claims.json", "crisis.json", "methods.json", "numbers.json", "refusals.json", "removal.json",
    ]

    /// Every `framing/*.json`, merged in file-name order; a required file, part or word list
    /// missing, or an unknown part, is an error (``ResourceDataError``).
    public static func loadFraming(from locator: ResourceLocator) throws -> FramingTexts {
        try FramingTexts(
            files: jsonFiles(in: framingFolder, required: requiredFramingFiles, locator: locator))
    }

    /// Every `guard/*.json`, merged in file-name order; a required file or key missing, or an
    /// unknown key, is an error (``ResourceDataError``).
    public static func loadGuardRules(from locator: ResourceLocator) throws -> GuardRules {
        try GuardRules(files: jsonFiles(in: guardFolder, required: requiredGuardFiles, locator: locator))
    }

    /// Place names by nation (`places/uk-places.json`), for places said in the conversation.
    public static let placesPath = "places/uk-places.json"

    /// The policy built from the directory, framing texts and place names. Every file is
    /// required: without the place names a person's nation would quietly go unrecognised.
    public static func loadPolicy(from locator: ResourceLocator) throws -> SafeguardPolicy {
        let places: [String: Nation]
        do {
            places = try PersonMentions.places(from: locator.data(placesPath))
        } catch {
            throw ResourceDataError(file: placesPath, message: "cannot be read (\(error))")
        }
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

    /// Every `.json` file of a folder in name order (path inside `resources/` → contents);
    /// a missing `required` file is an error naming it.
    static func jsonFiles(in folder: String, required: [String], locator: ResourceLocator) throws
        -> [(name: String, data: Data)]
    {
        let url = locator.url(folder)
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: url.path)
                .filter { $0.hasSuffix(".json") }
                .sorted()
        } catch {
            throw ResourceDataError(file: folder, message: "folder cannot be read (\(error))")
        }
        if let missing = required.first(where: { !names.contains($0) }) {
            throw ResourceDataError(file: "\(folder)/\(missing)", message: "required file is missing")
        }
        return try names.map { ("\(folder)/\($0)", try Data(contentsOf: url.appendingPathComponent($0))) }
    }
}
