import Foundation
import Safeguard

/// Loads the safeguard's reviewed lexicon from the resources folder and builds the engine.
public enum SafeguardLoader {
    /// Folder of the lexicon inside `resources/`.
    public static let lexiconFolder = "safeguard/lexicon"

    /// Reads every `.txt` file of the lexicon folder (file name → contents).
    public static func lexiconFiles(from locator: ResourceLocator) throws -> [String: Data] {
        let folder = locator.url(lexiconFolder)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        var files: [String: Data] = [:]
        for name in names where name.hasSuffix(".txt") {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }

    /// The compiled lexicon.
    public static func loadLexicon(from locator: ResourceLocator) throws -> Lexicon {
        try Lexicon(files: lexiconFiles(from: locator))
    }

    /// A ready engine (lexicon only; pass a model to add the statistical layer).
    public static func loadEngine(from locator: ResourceLocator, model: (any RiskModel)? = nil) throws
        -> SafeguardEngine
    {
        SafeguardEngine(lexicon: try loadLexicon(from: locator), model: model)
    }
}
