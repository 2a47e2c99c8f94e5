import ChatCore
import Foundation
import Safeguard
import Testing
import WaymarkTestTraits
import WaymarkTesting

/// The precompiled safeguard (issue 14): the artefact and its cache must give exactly the engine
/// the reviewed text sources give, and a damaged or foreign cache must never be trusted.
@Suite(.ownThread) struct SafeguardArtefactTests {
    static let textCompiled: (lexicon: Lexicon, model: TextClassifier)? = try? SafeguardLoader.loadCompiled(
        from: RepositoryPaths.locator, cache: nil)

    func temporaryCache() throws -> SafeguardCache {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "waymark-cache-test-\(UUID().uuidString)")
        return SafeguardCache(directory: folder.appendingPathComponent("xdg/waymark"))
    }

    /// Every message of every committed set, as conversations (a message set gives one-turn ones).
    static func committedConversations() throws -> [(name: String, turns: [String])] {
        var files: [URL] = []
        let probes = RepositoryPaths.resources.appendingPathComponent("safeguard/probes")
        for name in try FileManager.default.contentsOfDirectory(atPath: probes.path).sorted()
        where name.hasSuffix(".jsonl") {
            files.append(probes.appendingPathComponent(name))
        }
        let eval = RepositoryPaths.shared.appendingPathComponent("eval")
        for name in ["dev_messages.jsonl", "dev_conversations.jsonl"]
        where FileManager.default.fileExists(atPath: eval.appendingPathComponent(name).path) {
            files.append(eval.appendingPathComponent(name))
        }
        var result: [(String, [String])] = []
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for (number, line) in text.split(separator: "\n").enumerated() {
                let object = try #require(
                    try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                let name = "\(file.lastPathComponent):\(number + 1)"
                if let message = object["text"] as? String {
                    result.append((name, [message]))
                } else if let turns = object["turns"] as? [[String: Any]] {
                    result.append((name, turns.compactMap { $0["text"] as? String }))
                }
            }
        }
        let scenarios = RepositoryPaths.resources.appendingPathComponent("scenarios")
        for name in try FileManager.default.contentsOfDirectory(atPath: scenarios.path).sorted()
        where name.hasSuffix(".json") {
            let data = try Data(contentsOf: scenarios.appendingPathComponent(name))
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let turns = try #require(object["turns"] as? [[String: Any]])
            result.append((name, turns.compactMap { $0["text"] as? String }))
        }
        return result
    }

    /// A state as JSON without `minorSubject` (see below).
    static func comparable(_ state: ConversationState) throws -> NSDictionary {
        let data = try JSONEncoder().encode(state)
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        object["minorSubject"] = nil
        return object as NSDictionary
    }

    @Test func theArtefactRoundTripsByteForByte() throws {
        let compiled = try #require(Self.textCompiled)
        let bytes = SafeguardArtefact.encode(lexicon: compiled.lexicon, model: compiled.model)
        let decoded = try SafeguardArtefact.decode(Data(bytes))
        #expect(SafeguardArtefact.encode(lexicon: decoded.lexicon, model: decoded.model) == bytes)
    }

    /// Tables that do not lie aligned in the bytes they are read from (a payload at an odd offset)
    /// are copied rather than viewed, and read the same.
    @Test func aPayloadAtAnOddOffsetIsCopiedAndReadsTheSame() throws {
        let compiled = try #require(Self.textCompiled)
        let bytes = SafeguardArtefact.encode(lexicon: compiled.lexicon, model: compiled.model)
        let shifted = ([0x55] + bytes).withUnsafeBytes { PinnedBytes(copying: $0) }
        let decoded = try SafeguardArtefact.decode(shifted, payloadOffset: 1)
        #expect(!decoded.lexicon.readsMappedTables)
        #expect(SafeguardArtefact.encode(lexicon: decoded.lexicon, model: decoded.model) == bytes)
        let message = "got them all lined up on the side. tonight. sorry"
        #expect(
            SafeguardEngine(lexicon: decoded.lexicon, model: decoded.model).assess(message)
                == SafeguardEngine(lexicon: compiled.lexicon, model: compiled.model).assess(message))
        #expect(throws: ArtefactError.self) {
            try SafeguardArtefact.decode(shifted, payloadOffset: bytes.count + 2)
        }
    }

    /// Acceptance: no change to any assessment on the dev set, the probe sets or the scenarios.
    /// The artefact holds the lexicon and the n-gram model (the encoder is read from its own file
    /// either way), so every turn is compared on those layers, in conversation.
    @Test func theArtefactEngineAssessesEveryCommittedSetLikeTheTextSources() throws {
        let compiled = try #require(Self.textCompiled)
        let cache = try temporaryCache()
        defer { try? FileManager.default.removeItem(at: cache.directory.deletingLastPathComponent()) }
        _ = try SafeguardLoader.loadCompiled(from: RepositoryPaths.locator, cache: cache)  // writes
        let files = try SafeguardLoader.lexiconFiles(from: RepositoryPaths.locator)
        let key = SafeguardCache.key(
            lexiconFiles: files, model: try RepositoryPaths.locator.data(TextClassifier.resourcePath))
        let file = try #require(cache.map(key: key))
        let loaded = try SafeguardArtefact.decode(file.bytes, payloadOffset: file.payloadOffset)
        // What the chat loads: the big tables are read in place from the mapped file.
        #expect(file.bytes.isMapped && loaded.lexicon.readsMappedTables)
        #expect(!compiled.lexicon.readsMappedTables)
        let text = SafeguardEngine(lexicon: compiled.lexicon, model: compiled.model)
        let artefact = SafeguardEngine(lexicon: loaded.lexicon, model: loaded.model)
        let conversations = try Self.committedConversations()
        #expect(conversations.count > 2_000)
        var turns = 0
        for conversation in conversations {
            // Both engines read each turn from the same state. `minorSubject` is left out of the
            // comparison: LevelDecision picks it by iterating a `Set` of two subjects, whose order
            // differs between `Set` instances, so it differs between two runs of one engine too.
            var state = ConversationState()
            for message in conversation.turns {
                let expected = text.assess(message, state: state)
                let actual = artefact.assess(message, state: state)
                #expect(actual.assessment == expected.assessment, "\(conversation.name)")
                #expect(
                    try Self.comparable(actual.state) == Self.comparable(expected.state),
                    "\(conversation.name)")
                state = expected.state
                turns += 1
            }
        }
        #expect(turns > 2_500)
    }

    /// The shipped engine, encoder and all, loaded through the cache, on the scenarios.
    @Test func theFullEngineFromTheCacheMatchesTheTextSourcesOnTheScenarios() throws {
        let cache = try temporaryCache()
        defer { try? FileManager.default.removeItem(at: cache.directory.deletingLastPathComponent()) }
        let plain = try SafeguardLoader.loadEngine(from: RepositoryPaths.locator, cache: nil)
        _ = try SafeguardLoader.loadEngine(from: RepositoryPaths.locator, cache: cache)  // writes
        let cached = try SafeguardLoader.loadEngine(from: RepositoryPaths.locator, cache: cache)  // reads
        for conversation in try Self.committedConversations() where conversation.name.hasSuffix(".json") {
            var state = ConversationState()
            for message in conversation.turns {
                let expected = plain.assess(message, state: state)
                let actual = cached.assess(message, state: state)
                #expect(actual.assessment == expected.assessment, "\(conversation.name)")
                state = expected.state
            }
        }
    }

    @Test func theCacheFileIsPrivateAndWrittenWhole() throws {
        let cache = try temporaryCache()
        defer { try? FileManager.default.removeItem(at: cache.directory.deletingLastPathComponent()) }
        let key = [UInt8](repeating: 7, count: 32)
        #expect(cache.write([1, 2, 3], key: key))
        let attributes = try FileManager.default.attributesOfItem(atPath: cache.fileURL(key: key).path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let folder = try FileManager.default.attributesOfItem(atPath: cache.directory.path)
        #expect((folder[.posixPermissions] as? NSNumber)?.intValue == 0o700)
        #expect(cache.read(key: key) == Data([1, 2, 3]))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: cache.directory.path)
        #expect(leftovers == [cache.fileURL(key: key).lastPathComponent])  // no temporary file left
        #expect(cache.read(key: [UInt8](repeating: 8, count: 32)) == nil)
    }

    /// A cache file that is damaged (any byte flipped, cut short), foreign (another key's file
    /// copied over, random bytes, a symbolic link) is ignored, and the next load rebuilds it.
    @Test func aCorruptOrForeignCacheIsIgnoredAndRebuilt() throws {
        let compiled = try #require(Self.textCompiled)
        let cache = try temporaryCache()
        defer { try? FileManager.default.removeItem(at: cache.directory.deletingLastPathComponent()) }
        _ = try SafeguardLoader.loadCompiled(from: RepositoryPaths.locator, cache: cache)
        let files = try SafeguardLoader.lexiconFiles(from: RepositoryPaths.locator)
        let key = SafeguardCache.key(
            lexiconFiles: files, model: try RepositoryPaths.locator.data(TextClassifier.resourcePath))
        let url = cache.fileURL(key: key)
        let good = try Data(contentsOf: url)
        #expect(cache.read(key: key) != nil)
        let expected = SafeguardArtefact.encode(lexicon: compiled.lexicon, model: compiled.model)

        var damaged: [Data] = [Data(), good.prefix(good.count / 2), good + Data([0])]
        for position in [0, 30, 60, 90, good.count / 3, good.count - 1] {
            var copy = good
            copy[position] ^= 0x5A
            damaged.append(copy)
        }
        var generator = SystemRandomNumberGenerator()
        damaged.append(Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }))
        for bad in damaged {
            try FileManager.default.removeItem(at: url)
            try bad.write(to: url)
            #expect(cache.read(key: key) == nil)
            let reloaded = try SafeguardLoader.loadCompiled(from: RepositoryPaths.locator, cache: cache)
            #expect(SafeguardArtefact.encode(lexicon: reloaded.lexicon, model: reloaded.model) == expected)
            #expect(try Data(contentsOf: url) == good)  // rebuilt
        }
        // Another key's (valid) file in this key's place.
        let otherKey = [UInt8](repeating: 1, count: 32)
        #expect(cache.write(Array(good), key: otherKey))
        try FileManager.default.removeItem(at: url)
        try FileManager.default.copyItem(at: cache.fileURL(key: otherKey), to: url)
        #expect(cache.read(key: key) == nil)
        // A symbolic link is not followed.
        try FileManager.default.removeItem(at: url)
        let elsewhere = cache.directory.appendingPathComponent("elsewhere")
        try good.write(to: elsewhere)
        try FileManager.default.createSymbolicLink(at: url, withDestinationURL: elsewhere)
        #expect(cache.read(key: key) == nil)
    }

    /// The folder keeps the newest few files: each rebuild or lexicon edit has its own key,
    /// and the folder must not grow by a file per build. Other files are left alone.
    @Test func theCacheKeepsOnlyTheNewestFiles() throws {
        let cache = try temporaryCache()
        defer { try? FileManager.default.removeItem(at: cache.directory.deletingLastPathComponent()) }
        let start = Date().addingTimeInterval(-100)
        let keys = (1...6).map { [UInt8](repeating: UInt8($0), count: 32) }
        for (index, key) in keys.enumerated() {
            #expect(cache.write([1, 2, 3], key: key))
            try FileManager.default.setAttributes(
                [.modificationDate: start.addingTimeInterval(Double(index))],
                ofItemAtPath: cache.fileURL(key: key).path)
            if index == 0 {
                try Data("mine".utf8).write(to: cache.directory.appendingPathComponent("notes.txt"))
            }
        }
        let kept = keys.filter { FileManager.default.fileExists(atPath: cache.fileURL(key: $0).path) }
        #expect(kept == Array(keys.suffix(SafeguardCache.filesKept)))
        #expect(cache.read(key: keys[5]) == Data([1, 2, 3]))
        #expect(
            FileManager.default.fileExists(atPath: cache.directory.appendingPathComponent("notes.txt").path))
    }

    /// The payload reader checks every count and index: any prefix, and any byte changed, is an
    /// error or a well-formed engine — never a crash.
    @Test func damagedPayloadsAreRefusedWithoutCrashing() throws {
        let compiled = try #require(Self.textCompiled)
        let bytes = SafeguardArtefact.encode(lexicon: compiled.lexicon, model: compiled.model)
        for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 97)) {
            #expect(throws: ArtefactError.self) { try SafeguardArtefact.decode(Data(bytes.prefix(length))) }
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<150 {
            var copy = bytes
            let position = Int.random(in: 0..<copy.count, using: &generator)
            copy[position] = UInt8.random(in: 0...255, using: &generator)
            if let decoded = try? SafeguardArtefact.decode(Data(copy)) {
                _ = SafeguardEngine(lexicon: decoded.lexicon, model: decoded.model).assess(
                    "i want to kill myself tonight, i have the pills 💊")
            }
        }
    }
}
