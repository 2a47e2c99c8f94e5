import Foundation

/// A fresh folder under the system temporary directory, removed when released.
/// `store` is a path inside it that does not exist yet, so tests can see what gets created.
final class TemporaryDirectory: Sendable {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("waymark-store-tests-\(UUID().uuidString)", isDirectory: true)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// Where tests put the store (not created until something is saved).
    var store: URL { url.appendingPathComponent("data/waymark", isDirectory: true) }

    /// Everything under the folder, as relative paths.
    func contents() -> [String] {
        (FileManager.default.subpaths(atPath: url.path) ?? []).sorted()
    }

    /// The permission bits of a file or folder.
    static func mode(_ url: URL) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        return ((attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1) & 0o777
    }

    /// Whether any of the store's files contains `text` as raw bytes.
    static func filesContain(_ text: String, in directory: URL) -> Bool {
        let needle = Data(text.utf8)
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.contains { name in
            guard let data = try? Data(contentsOf: directory.appendingPathComponent(name)) else {
                return false
            }
            return data.range(of: needle) != nil
        }
    }
}
