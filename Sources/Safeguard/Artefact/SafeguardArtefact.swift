import Foundation

/// The compiled lexicon and statistical model as one compact binary payload, so a launch reads
/// a file instead of parsing and compiling the reviewed text sources (issue 14).
///
/// The payload is everything matching reads, in the order the types hold it: rules, word
/// classes, the vocabulary and spelling replacements, the trie's flat tables, and the model's
/// settings with its non-zero weights. Reading checks every count and index, so a damaged or
/// foreign payload is an ``ArtefactError`` (the caller then compiles the text sources), never a
/// crash. Where the payload is kept (and how it is keyed to its sources) is the loader's business;
/// this type does no I/O.
public enum SafeguardArtefact {
    /// Bumped whenever the layout, or the compiler that produces what it holds, changes.
    public static let formatVersion: UInt32 = 4
    private static let magic: UInt32 = 0x574D_5341  // "ASMW"

    /// The payload for a compiled lexicon and model.
    public static func encode(lexicon: Lexicon, model: TextClassifier) -> [UInt8] {
        var writer = ArtefactWriter()
        writer.u32(magic)
        writer.u32(formatVersion)
        write(lexicon, to: &writer)
        write(model, to: &writer)
        writer.u32(magic)
        return writer.bytes
    }

    /// Reads a payload written by ``encode(lexicon:model:)`` (from a copy of it).
    public static func decode(_ data: Data) throws(ArtefactError) -> (lexicon: Lexicon, model: TextClassifier)
    {
        try decode(data.withUnsafeBytes { PinnedBytes(copying: $0) }, payloadOffset: 0)
    }

    /// Reads a payload lying at `payloadOffset` in `bytes` (a mapped cache file): the big
    /// matching tables are viewed in place, so they stay file-backed pages rather than heap,
    /// and `bytes` lives as long as the lexicon does.
    public static func decode(_ bytes: PinnedBytes, payloadOffset: Int) throws(ArtefactError) -> (
        lexicon: Lexicon, model: TextClassifier
    ) {
        #if _endian(big)
            throw ArtefactError("tables are little-endian")
        #else
            guard payloadOffset >= 0, payloadOffset <= bytes.bytes.count else {
                throw ArtefactError("truncated")
            }
            var reader = ArtefactReader(
                UnsafeRawBufferPointer(rebasing: bytes.bytes[payloadOffset...]), owner: bytes)
            guard try reader.u32() == magic, try reader.u32() == formatVersion else {
                throw ArtefactError("not a safeguard artefact of this version")
            }
            let lexicon = try readLexicon(&reader)
            let model = try readModel(&reader)
            guard try reader.u32() == magic, reader.isAtEnd else { throw ArtefactError("trailing bytes") }
            return (lexicon, model)
        #endif
    }

    // MARK: - Lexicon

    private static func write(_ lexicon: Lexicon, to writer: inout ArtefactWriter) {
        writer.u32(UInt32(lexicon.rules.count))
        for rule in lexicon.rules {
            writer.string(rule.id)
            writer.u32(UInt32(rule.categories.count))
            for category in rule.categories { writer.string(category.rawValue) }
            writer.string(rule.level.rawValue)
            writer.string(rule.role.rawValue)
            writer.optionalString(rule.subject?.rawValue)
            writer.optionalString(rule.modifier?.rawValue)
            writer.string(rule.scope.rawValue)
            for flag in [
                rule.hyperbole, rule.banter, rule.contextual, rule.ignoresNegation, rule.ignoresHistory,
                rule.ignoresFraming, rule.ignoresInnerIdioms, rule.needsToldRisk, rule.coversInner,
            ] {
                writer.bool(flag)
            }
            writer.string(rule.file)
        }
        let classes = lexicon.classIndex.sorted { $0.key < $1.key }
        writer.u32(UInt32(classes.count))
        for (name, index) in classes {
            writer.string(name)
            writer.int(index)
        }
        writer.table(lexicon.classMasks)
        let normaliser = lexicon.normaliser
        writer.table(normaliser.table.bytes)
        writer.table(normaliser.table.ends)
        writer.table(normaliser.table.hashes)
        writer.table(normaliser.table.slots)
        writer.table(normaliser.replacementStart)
        writer.table(normaliser.replacementIDs)
        let scalarWords = normaliser.scalarWords.sorted { $0.key < $1.key }
        writer.u32(UInt32(scalarWords.count))
        for (scalar, word) in scalarWords {
            writer.u32(scalar)
            writer.data(word)
        }
        lexicon.trie.write(to: &writer)
    }

    private static func readLexicon(_ reader: inout ArtefactReader) throws(ArtefactError) -> Lexicon {
        let ruleCount = try reader.count(itemSize: 16)
        guard ruleCount > 0 else { throw ArtefactError("no rules") }
        var rules: [LexiconRule] = []
        rules.reserveCapacity(ruleCount)
        for _ in 0..<ruleCount {
            let id = try reader.string()
            let categoryCount = try reader.count(itemSize: 4)
            var categories: [RiskCategory] = []
            for _ in 0..<categoryCount { categories.append(try reader.value(RiskCategory.self)) }
            let level = try reader.value(RiskLevel.self)
            let role = try reader.value(SignalRole.self)
            let subject = try reader.optionalString().map { (raw) throws(ArtefactError) -> Subject in
                guard let value = Subject(rawValue: raw) else { throw ArtefactError("unknown subject") }
                return value
            }
            let modifier = try reader.optionalString().map { (raw) throws(ArtefactError) -> ContextModifier in
                guard let value = ContextModifier(rawValue: raw) else {
                    throw ArtefactError("unknown modifier")
                }
                return value
            }
            let scope = try reader.value(CueScope.self)
            var flags: [Bool] = []
            for _ in 0..<9 { flags.append(try reader.bool()) }
            let file = try reader.string()
            rules.append(
                LexiconRule(
                    id: id, categories: categories, level: level, role: role, subject: subject,
                    modifier: modifier, scope: scope, hyperbole: flags[0], banter: flags[1],
                    contextual: flags[2], ignoresNegation: flags[3], ignoresHistory: flags[4],
                    ignoresFraming: flags[5], ignoresInnerIdioms: flags[6], coversInner: flags[8],
                    needsToldRisk: flags[7], file: file))
        }
        let classCount = try reader.count(itemSize: 12)
        var classIndex: [String: Int] = [:]
        for _ in 0..<classCount {
            let name = try reader.string()
            let index = try reader.int()
            guard index >= 0, index < 128, classIndex.updateValue(index, forKey: name) == nil else {
                throw ArtefactError("bad word class")
            }
        }
        let masks = try reader.table(ClassMask.self)
        guard
            let table = WordTable(
                bytes: try reader.table(UInt8.self), ends: try reader.table(Int32.self),
                hashes: try reader.table(UInt64.self), slots: try reader.table(Int32.self))
        else { throw ArtefactError("bad vocabulary") }
        let wordCount = table.count
        let replacementStart = try reader.table(Int32.self)
        let replacementIDs = try reader.table(Int32.self)
        guard masks.count == wordCount, replacementStart.count == wordCount + 1, replacementStart.first == 0,
            replacementStart.last.map({ Int($0) == replacementIDs.count }) == true,
            zip(replacementStart, replacementStart.dropFirst()).allSatisfy({ $0 <= $1 }),
            replacementIDs.allSatisfy({ $0 >= 0 && Int($0) < wordCount })
        else { throw ArtefactError("bad vocabulary tables") }
        let scalarCount = try reader.count(itemSize: 8)
        var scalarWords: [UInt32: [UInt8]] = [:]
        for _ in 0..<scalarCount {
            let scalar = try reader.u32()
            scalarWords[scalar] = try reader.data()
        }
        let trie = try TokenTrie(reading: &reader, ruleCount: ruleCount)
        let normaliser = Normaliser(
            table: table, replacementStart: replacementStart, replacementIDs: replacementIDs,
            scalarWords: scalarWords)
        return Lexicon(
            rules: rules, classIndex: classIndex, classMasks: masks, normaliser: normaliser, trie: trie)
    }

    // MARK: - Statistical model

    private static func write(_ model: TextClassifier, to writer: inout ArtefactWriter) {
        let file = model.settings
        writer.int(file.version)
        writer.string(file.hash)
        writer.int(file.buckets)
        writer.u32s(file.ngrams.words.map { UInt32(truncatingIfNeeded: $0) })
        writer.u32s(file.ngrams.chars.map { UInt32(truncatingIfNeeded: $0) })
        writer.int(file.ngrams.charWordCap)
        let tables = file.normalisation
        writer.string(tables.name)
        writer.u32s(tables.apostrophes)
        writer.u32s(tables.invisible)
        for map in [tables.leet, tables.fold, tables.emoji] {
            let pairs = map.sorted { $0.key < $1.key }
            writer.u32(UInt32(pairs.count))
            for (key, value) in pairs {
                writer.string(key)
                writer.string(value)
            }
        }
        writer.int(file.maxScalars)
        writer.int(file.keepScalars)
        writer.double(file.bias)
        writer.double(file.threshold)
        let weights = model.weights.dense.enumerated().filter { $0.element != 0 }
        writer.u32(UInt32(weights.count))
        for (bucket, weight) in weights {
            writer.u32(UInt32(bucket))
            writer.double(weight)
        }
    }

    private static func readModel(_ reader: inout ArtefactReader) throws(ArtefactError) -> TextClassifier {
        let version = try reader.int()
        let hash = try reader.string()
        let buckets = try reader.int()
        let words = try reader.u32s().map { Int(Int32(bitPattern: $0)) }
        let chars = try reader.u32s().map { Int(Int32(bitPattern: $0)) }
        let charWordCap = try reader.int()
        let name = try reader.string()
        let apostrophes = try reader.u32s()
        let invisible = try reader.u32s()
        var maps: [[String: String]] = []
        for _ in 0..<3 {
            let count = try reader.count(itemSize: 8)
            var map: [String: String] = [:]
            for _ in 0..<count {
                let key = try reader.string()
                map[key] = try reader.string()
            }
            maps.append(map)
        }
        let file = ClassifierModelFile(
            version: version, hash: hash, buckets: buckets,
            ngrams: .init(words: words, chars: chars, charWordCap: charWordCap),
            normalisation: .init(
                name: name, apostrophes: apostrophes, invisible: invisible, leet: maps[0], fold: maps[1],
                emoji: maps[2]),
            maxScalars: try reader.int(), keepScalars: try reader.int(), bias: try reader.double(),
            threshold: try reader.double(), weights: [:])
        do {
            try TextClassifier.validate(file)
        } catch {
            throw ArtefactError("model: \(error)")
        }
        let count = try reader.count(itemSize: 12)
        var weights = [Double](repeating: 0, count: buckets)
        for _ in 0..<count {
            let bucket = Int(try reader.u32())
            let weight = try reader.double()
            guard bucket < buckets, weight.isFinite else { throw ArtefactError("model: bad weight") }
            weights[bucket] = weight
        }
        do {
            return try TextClassifier(settings: file, weights: weights)
        } catch {
            throw ArtefactError("model: \(error)")
        }
    }
}
