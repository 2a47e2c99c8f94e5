import ChatCore
import Foundation

/// Where the checkout's folders are, for tests (found from this file's path).
public enum RepositoryPaths {
    /// The repository root.
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The reviewed data folder, `resources/`.
    public static let resources = root.appendingPathComponent("resources")

    /// `shared/` beside the checkout (docs, reference, eval), when present.
    public static let shared = root.deletingLastPathComponent().appendingPathComponent("shared")

    /// A locator for the checkout's resources.
    public static let locator = ResourceLocator(root: resources)

    /// The debug build of the `waymark` executable.
    public static let debugBinary = root.appendingPathComponent(".build/debug/waymark")
}
