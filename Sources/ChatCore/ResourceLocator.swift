import Foundation

/// Finds Waymark's reviewed data folder (`resources/`: lexicon, service directory, framing
/// texts, scenarios, prompts) and reads files from it.
///
/// Search order: `$WAYMARK_RESOURCES`; a `resources/` folder beside the executable or in any
/// folder above it (so `swift run` and `.build/release/waymark` work from a checkout);
/// `../share/waymark/resources` relative to the executable (an installed layout).
public struct ResourceLocator: Sendable {
    /// The resources folder that was found.
    public let root: URL

    public init(root: URL) {
        self.root = root
    }

    /// The marker file that identifies a Waymark resources folder.
    public static let marker = "WAYMARK-RESOURCES"

    /// Locate the resources folder, or `nil` if none can be found.
    public static func locate(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executable: URL? = Bundle.main.executableURL
    ) -> ResourceLocator? {
        var candidates: [URL] = []
        if let explicit = environment["WAYMARK_RESOURCES"], !explicit.isEmpty {
            candidates.append(URL(fileURLWithPath: explicit))
        }
        if let executable {
            var dir = executable.resolvingSymlinksInPath().deletingLastPathComponent()
            for _ in 0..<8 {
                candidates.append(dir.appendingPathComponent("resources"))
                candidates.append(dir.appendingPathComponent("share/waymark/resources"))
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path { break }
                dir = parent
            }
        }
        candidates.append(
            URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("resources")
        )
        for candidate in candidates
        where FileManager.default.fileExists(atPath: candidate.appendingPathComponent(marker).path) {
            return ResourceLocator(root: candidate)
        }
        return nil
    }

    /// The URL of a file inside the resources folder.
    public func url(_ relativePath: String) -> URL {
        root.appendingPathComponent(relativePath)
    }

    /// The bytes of a file inside the resources folder.
    public func data(_ relativePath: String) throws -> Data {
        try Data(contentsOf: url(relativePath))
    }

    /// The bytes of a file inside the resources folder; `mapped` asks for a read-only mapping
    /// where the system allows it (large model files).
    public func data(_ relativePath: String, mapped: Bool) throws -> Data {
        try Data(contentsOf: url(relativePath), options: mapped ? [.alwaysMapped] : [])
    }

    /// The text of a file inside the resources folder (UTF-8).
    public func text(_ relativePath: String) throws -> String {
        try String(decoding: data(relativePath), as: UTF8.self)
    }
}
