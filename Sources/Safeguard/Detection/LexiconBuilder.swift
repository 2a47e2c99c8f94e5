/// Reads lexicon files into a vocabulary, word classes, rules and a compiled trie.
struct LexiconBuilder {
    var table = WordTableBuilder()
    var replacements: [[Int32]] = []
    var scalarWords: [UInt32: [UInt8]] = [:]
    var classIndex: [String: Int] = ["#num": Lexicon.numberClass, "#minor": Lexicon.minorClass]
    var classMasks: [ClassMask] = []
    var rules: [LexiconRule] = []
    var trie = TokenTrie()
    /// Resolved pattern words (rules are read after the spelling list, so this never goes stale).
    private var literalCache: [String: [Int32]] = [:]

    // MARK: - Words

    /// Folds text the way the normaliser folds messages (case, diacritics, homoglyphs).
    func fold(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        for scalar in text.unicodeScalars {
            if let word = scalarWords[scalar.value] {
                out.append(contentsOf: word)
            } else if scalar.value < 0x80 {
                out.append(contentsOf: ScalarFolding.foldASCII(UInt8(scalar.value)))
            } else {
                out.append(contentsOf: ScalarFolding.fold(scalar.value))
            }
        }
        return out
    }

    private mutating func ensureCapacity() {
        while replacements.count < table.count { replacements.append([]) }
        while classMasks.count < table.count { classMasks.append(.empty) }
    }

    private mutating func intern(_ bytes: [UInt8]) -> Int32 {
        let id = table.insert(bytes)
        ensureCapacity()
        return id
    }

    /// The ids a literal word of a pattern, class or spelling target stands for.
    mutating func resolve(_ literal: String) -> [Int32] {
        let folded = fold(literal)
        var ids: [Int32] = []
        var word: [UInt8] = []
        func flush(_ builder: inout LexiconBuilder) {
            guard !word.isEmpty else { return }
            let pieces: [[UInt8]]
            if word.contains(0x27), builder.table.lookup(word) == nil {
                pieces = ContractionSplitter.split(word)
            } else {
                pieces = [word]
            }
            for piece in pieces where !piece.isEmpty {
                let id = builder.intern(piece)
                let replacement = builder.replacements[Int(id)]
                if replacement.isEmpty { ids.append(id) } else { ids.append(contentsOf: replacement) }
            }
            word.removeAll()
        }
        for byte in folded {
            if WordScanner.isLetterOrDigit(byte) || byte == 0x27 {
                word.append(byte)
            } else {
                flush(&self)
            }
        }
        flush(&self)
        return ids
    }

    // MARK: - Special files

    mutating func loadSpecial(_ name: String, text: String) throws {
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = Self.stripComment(rawLine)
            if line.isEmpty { continue }
            let lineNumber = number + 1
            switch name {
            case "normalisation.txt":
                let parts = line.components(separatedBy: "=>")
                guard parts.count == 2 else {
                    throw LexiconError(file: name, line: lineNumber, message: "expected 'from => to'")
                }
                let target = resolve(parts[1].trimmingCharacters(in: .whitespaces))
                for source in parts[0].split(separator: ",") {
                    let from = fold(source.trimmingCharacters(in: .whitespaces))
                    guard !from.isEmpty else { continue }
                    let id = intern(from)
                    if target != [id] { replacements[Int(id)] = target }
                }
            case "emoji.txt":
                let fields = line.split(separator: " ", maxSplits: 1).map(String.init)
                guard fields.count == 2 else {
                    throw LexiconError(file: name, line: lineNumber, message: "expected 'emoji words'")
                }
                let scalars = fields[0].unicodeScalars.filter { $0.value != 0xFE0F && $0.value != 0xFE0E }
                guard scalars.count == 1, let scalar = scalars.first else {
                    throw LexiconError(file: name, line: lineNumber, message: "one emoji per line")
                }
                let words = fields[1].trimmingCharacters(in: .whitespaces)
                _ = resolve(words)
                scalarWords[scalar.value] = [0x20] + fold(words) + [0x20]
            case "classes.txt":
                let parts = line.split(separator: "=", maxSplits: 1).map {
                    $0.trimmingCharacters(in: .whitespaces)
                }
                guard parts.count == 2, parts[0].hasPrefix("@"), parts[0].count > 1 else {
                    throw LexiconError(file: name, line: lineNumber, message: "expected '@name = words'")
                }
                let index: Int
                if let existing = classIndex[parts[0]] {
                    index = existing
                } else {
                    index = classIndex.count
                    guard index < 128 else {
                        throw LexiconError(file: name, line: lineNumber, message: "more than 126 classes")
                    }
                    classIndex[parts[0]] = index
                }
                for member in parts[1].split(separator: " ") {
                    let ids = resolve(String(member))
                    if ids.count == 1 { classMasks[Int(ids[0])].insert(index) }
                }
            default:
                break
            }
        }
    }

    // MARK: - Rules

    mutating func loadRules(_ name: String, text: String) throws {
        var current: Int32 = -1
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = Self.stripComment(rawLine)
            if line.isEmpty { continue }
            let lineNumber = number + 1
            if line.hasPrefix("rule ") {
                let rule = try parseHeader(line, file: name, line: lineNumber)
                if rules.contains(where: { $0.id == rule.id }) {
                    throw LexiconError(file: name, line: lineNumber, message: "duplicate rule \(rule.id)")
                }
                rules.append(rule)
                current = Int32(rules.count - 1)
                continue
            }
            guard current >= 0 else {
                throw LexiconError(file: name, line: lineNumber, message: "pattern before any 'rule' line")
            }
            let sequences: [[PatternParser.Item]]
            do {
                sequences = try PatternParser.expand(line)
            } catch {
                throw LexiconError(file: name, line: lineNumber, message: error.message)
            }
            for sequence in sequences {
                var elements: [PatternElement] = []
                for item in sequence {
                    switch item {
                    case .literal(let word):
                        let ids: [Int32]
                        if let cached = literalCache[word] {
                            ids = cached
                        } else {
                            ids = resolve(word)
                            literalCache[word] = ids
                        }
                        // A pattern word that normalises to no word ("," or "-") would match
                        // nothing, and in an alternation it would make the whole slot optional
                        // ("is #minor {and|,}" read as "is #minor" followed by anything).
                        guard !ids.isEmpty else {
                            throw LexiconError(
                                file: name, line: lineNumber,
                                message:
                                    "'\(word)' is not a word once normalised (use $ for a clause or sentence boundary)"
                            )
                        }
                        for id in ids { elements.append(.word(id)) }
                    case .wordClass(let className):
                        guard let index = classIndex[className] else {
                            throw LexiconError(
                                file: name, line: lineNumber, message: "unknown class \(className)")
                        }
                        elements.append(.wordClass(index))
                    case .gap(let limit):
                        elements.append(.gap(limit))
                    case .boundary:
                        elements.append(.boundary)
                    }
                }
                while case .gap = elements.first { elements.removeFirst() }
                while let last = elements.last, case .gap = last { elements.removeLast() }
                if elements.isEmpty || elements == [.boundary] { continue }
                trie.insert(elements, rule: current)
            }
        }
    }

    private func parseHeader(_ line: String, file: String, line lineNumber: Int) throws -> LexiconRule {
        let fields = line.split(separator: " ").map(String.init)
        guard fields.count >= 2 else {
            throw LexiconError(file: file, line: lineNumber, message: "rule needs an id")
        }
        var rule = LexiconRule(
            id: fields[1], categories: [], level: .none, role: .topic, subject: nil, modifier: nil,
            scope: .before, hyperbole: false, banter: false, contextual: false, ignoresNegation: false,
            ignoresHistory: false, ignoresFraming: false, file: file)
        var scopeGiven = false
        for field in fields.dropFirst(2) {
            let pair = field.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else {
                throw LexiconError(file: file, line: lineNumber, message: "expected key=value, got \(field)")
            }
            func fail(_ what: String) -> LexiconError {
                LexiconError(file: file, line: lineNumber, message: "unknown \(what) '\(pair[1])'")
            }
            switch pair[0] {
            case "category":
                for name in pair[1].split(separator: ",") {
                    guard let category = RiskCategory(rawValue: String(name)) else { throw fail("category") }
                    rule.categories.append(category)
                }
            case "level":
                guard let level = RiskLevel(rawValue: pair[1]) else { throw fail("level") }
                rule.level = level
            case "role":
                guard let role = SignalRole(rawValue: pair[1]) else { throw fail("role") }
                rule.role = role
            case "subject":
                guard let subject = Subject(rawValue: pair[1]) else { throw fail("subject") }
                rule.subject = subject
            case "modifier":
                guard let modifier = ContextModifier(rawValue: pair[1]) else { throw fail("modifier") }
                rule.modifier = modifier
            case "scope":
                guard let scope = CueScope(rawValue: pair[1]) else { throw fail("scope") }
                rule.scope = scope
                scopeGiven = true
            case "flags":
                for flag in pair[1].split(separator: ",") {
                    switch flag {
                    case "hyperbole": rule.hyperbole = true
                    case "banter": rule.banter = true
                    case "contextual": rule.contextual = true
                    case "nonegate": rule.ignoresNegation = true
                    case "pretext": rule.ignoresFraming = true
                    case "past": rule.ignoresHistory = true
                    case "literal": rule.ignoresInnerIdioms = true
                    case "covers":
                        rule.ignoresInnerIdioms = true
                        rule.coversInner = true
                    case "told": rule.needsToldRisk = true
                    default: throw fail("flag")
                    }
                }
            default:
                throw LexiconError(file: file, line: lineNumber, message: "unknown key \(pair[0])")
            }
        }
        if rule.role == .cue && rule.modifier == nil {
            throw LexiconError(file: file, line: lineNumber, message: "a cue needs modifier=")
        }
        if !scopeGiven, let modifier = rule.modifier {
            switch modifier {
            case .negated, .hypothetical: rule.scope = .before
            case .pretext: rule.scope = .message
            default: rule.scope = .sentence
            }
        }
        return rule
    }

    static func stripComment<S: StringProtocol>(_ line: S) -> String {
        var text = String(line)
        if let hash = text.range(of: " #"), !text.hasPrefix("#") {
            // '#num' and '#minor' are classes; a comment is ' # ' followed by a space.
            if text[hash.upperBound...].hasPrefix(" ") { text = String(text[..<hash.lowerBound]) }
        }
        if text.hasPrefix("#") && !text.hasPrefix("#num") && !text.hasPrefix("#minor") { return "" }
        return text.trimmingCharacters(in: .whitespaces)
    }
}
