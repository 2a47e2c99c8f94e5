import Foundation
import Safeguard

/// The repository's real lexicon, loaded once for all tests (found from this file's path).
enum TestEngine {
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let lexiconFiles: [String: Data] = {
        let folder = repositoryRoot.appendingPathComponent("resources/safeguard/lexicon")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var files: [String: Data] = [:]
        for name in names where name.hasSuffix(".txt") {
            files[name] = try? Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }()

    static let lexicon: Lexicon? = try? Lexicon(files: lexiconFiles)

    static let engine: SafeguardEngine? = lexicon.map { SafeguardEngine(lexicon: $0) }
}
