import ArgumentParser
import ChatCore
import Foundation
import WaymarkStore

/// Options shared by the commands that use the private local store (`plan`, `history`, `forget`).
struct StoreOptions: ParsableArguments {
    @Option(
        name: .customLong("data-dir"),
        help: ArgumentHelp(
            "Folder for Waymark's private data (default: $WAYMARK_DATA_DIR, else $XDG_DATA_HOME/waymark, else ~/.local/share/waymark).",
            valueName: "path"))
    var dataDirectory: String?

    /// The folder the store uses.
    var directory: URL {
        if let dataDirectory, !dataDirectory.isEmpty {
            return URL(fileURLWithPath: dataDirectory, isDirectory: true)
        }
        return WaymarkStore.defaultDirectory()
    }

    /// Open the store (creates nothing until something is saved).
    func openStore() throws -> WaymarkStore {
        do {
            return try WaymarkStore.open(directory: directory)
        } catch {
            throw ConsoleText.failure("Couldn't open your saved data in \(directory.path): \(error)")
        }
    }

    /// The reviewed resources folder, or a clear error.
    func resources() throws -> ResourceLocator {
        guard let locator = ResourceLocator.locate() else {
            throw ConsoleText.failure(
                "Waymark's resources folder wasn't found. Set WAYMARK_RESOURCES to the path of its resources/ folder."
            )
        }
        return locator
    }
}
