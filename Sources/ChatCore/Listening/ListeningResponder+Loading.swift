import Foundation

extension ListeningResponder {
    /// The folder inside `resources/` that holds the listener's phrasebook files.
    public static let resourceFolder = "listener"

    /// Read every `resources/listener/*.json` file and build a listener from them.
    public static func load(from locator: ResourceLocator, pace: Duration? = nil) throws -> ListeningResponder
    {
        let folder = locator.url(resourceFolder)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".json") }
            .sorted()
        var files: [String: Data] = [:]
        for name in names {
            files[name] = try locator.data("\(resourceFolder)/\(name)")
        }
        return ListeningResponder(phrasebook: try ListenerPhrasebook(files: files), pace: pace)
    }
}
