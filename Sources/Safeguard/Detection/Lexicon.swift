import Foundation

/// The reviewed lexicon, compiled for matching: spelling list, emoji, word classes and rules.
///
/// Built from the files of `resources/safeguard/lexicon/` (file name → contents); the format is
/// documented in `resources/safeguard/README.md`. `normalisation.txt`, `emoji.txt` and
/// `classes.txt` are special; every other `.txt` file holds rules.
public struct Lexicon: Sendable {
    /// Every rule, indexed by the `rule` of a match.
    public let rules: [LexiconRule]
    let traits: [RuleTraits]
    /// The normaliser bound to this lexicon's vocabulary and spelling list.
    public let normaliser: Normaliser
    let trie: TokenTrie
    let classMasks: ReadOnlyTable<ClassMask>
    let classIndex: [String: Int]
    /// Class indices the engine reads (`-1` when the lexicon does not define them).
    let clauseBreakClass: Int
    let selfSubjectClass: Int
    let otherSubjectClass: Int
    let selfInPhraseClass: Int
    let otherInPhraseClass: Int
    let genericPersonClass: Int
    /// "him", "them": who a farewell was sent to, never who is leaving (`@third_object`).
    let recipientClass: Int
    /// "them" as a thing held ("got them all lined up"): `@thing_pronoun` after a word of
    /// `@handling_verb` and before one of `@thing_follow` is the means, not a person.
    let thingPronounClass: Int
    let handlingVerbClass: Int
    let thingFollowClass: Int
    /// Words about life, death, harm, means and farewells: the statistical model's evidence
    /// counts only in a message with one of them (`@model_anchor`; `-1`: no such requirement).
    let modelAnchorClass: Int
    /// Words that tell a clause in the past, and words that give a clause a time of its own.
    let pastVerbClass: Int
    let recentWordClass: Int

    /// Built-in class indices.
    static let numberClass = 0
    static let minorClass = 1

    /// The word classes the engine itself reads. The shipped lexicon must define every one:
    /// without `@model_anchor` the model's evidence would count in any message, without
    /// `@self_subject` nothing would be read as about the person, without `@measure_unit` "is 8
    /// weeks" would be read as an age.
    public static let engineClasses = [
        "@clause_break", "@self_subject", "@other_subject", "@self_in_phrase", "@other_in_phrase",
        "@generic_person", "@model_anchor", "@recipient", "@thing_pronoun", "@handling_verb",
        "@thing_follow", "@measure_unit", "@duration_unit", "@after_duration", "@question_opener",
        "@time_offer", "@past_verb", "@recent_word",
    ]
    /// The special files (spelling list, emoji, word classes).
    public static let specialFiles = ["normalisation.txt", "emoji.txt", "classes.txt"]

    /// Creates a lexicon from file names and their contents. `requiring` names the word classes
    /// that must be defined (every one the engine reads, by default; with any, the special
    /// files must be there too); a small lexicon built for a test may require none.
    public init(files: [String: Data], requiring required: [String] = Lexicon.engineClasses) throws {
        var builder = LexiconBuilder()
        var texts: [(name: String, text: String)] = []
        for (path, data) in files {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            guard name.hasSuffix(".txt") else { continue }
            guard let text = String(data: data, encoding: .utf8) else {
                throw LexiconError(file: name, line: 0, message: "not valid UTF-8")
            }
            texts.append((name, text))
        }
        texts.sort { $0.name < $1.name }
        for special in ["normalisation.txt", "emoji.txt", "classes.txt"] {
            for entry in texts where entry.name == special {
                try builder.loadSpecial(entry.name, text: entry.text)
            }
        }
        for entry in texts where !["normalisation.txt", "emoji.txt", "classes.txt"].contains(entry.name) {
            try builder.loadRules(entry.name, text: entry.text)
        }
        if builder.rules.isEmpty {
            throw LexiconError(file: "lexicon", line: 0, message: "no rules")
        }
        if !required.isEmpty,
            let missing = Self.specialFiles.first(where: { name in !texts.contains { $0.name == name } })
        {
            throw LexiconError(file: missing, line: 0, message: "required lexicon file is missing")
        }
        if let missing = required.first(where: { builder.classIndex[$0] == nil }) {
            throw LexiconError(
                file: "classes.txt", line: 0, message: "required word class \(missing) is not defined")
        }
        // The rules the engine reads by name: renamed or deleted, their behaviour would stop
        // without a word (a threat for leaving would be an idiom again).
        if !required.isEmpty,
            let missing = SafeguardEngine.rulesReadByName.first(where: { id in
                !builder.rules.contains { $0.id == id }
            })
        {
            throw LexiconError(
                file: "lexicon", line: 0,
                message: "rule \(missing), which the engine reads by name, is not defined")
        }
        var trie = builder.trie
        trie.finish()
        var masks = builder.classMasks
        while masks.count < builder.table.count { masks.append(.empty) }
        var replacements = builder.replacements
        while replacements.count < builder.table.count { replacements.append([]) }
        self.init(
            rules: builder.rules, classIndex: builder.classIndex, classMasks: ReadOnlyTable(masks),
            normaliser: Normaliser(
                table: builder.table.finished(), replacements: replacements, scalarWords: builder.scalarWords),
            trie: trie)
    }

    /// A lexicon from its compiled parts (text sources compiled, or a precompiled artefact read).
    init(
        rules: [LexiconRule], classIndex: [String: Int], classMasks: ReadOnlyTable<ClassMask>,
        normaliser: Normaliser,
        trie: TokenTrie
    ) {
        self.trie = trie
        self.rules = rules
        self.traits = rules.enumerated().map { RuleTraits($0.element, index: Int32($0.offset)) }
        self.classIndex = classIndex
        self.clauseBreakClass = classIndex["@clause_break"] ?? -1
        self.selfSubjectClass = classIndex["@self_subject"] ?? -1
        self.otherSubjectClass = classIndex["@other_subject"] ?? -1
        self.selfInPhraseClass = classIndex["@self_in_phrase"] ?? self.selfSubjectClass
        self.otherInPhraseClass = classIndex["@other_in_phrase"] ?? self.otherSubjectClass
        self.genericPersonClass = classIndex["@generic_person"] ?? -1
        self.recipientClass = classIndex["@recipient"] ?? -1
        self.thingPronounClass = classIndex["@thing_pronoun"] ?? -1
        self.handlingVerbClass = classIndex["@handling_verb"] ?? -1
        self.thingFollowClass = classIndex["@thing_follow"] ?? -1
        self.modelAnchorClass = classIndex["@model_anchor"] ?? -1
        self.pastVerbClass = classIndex["@past_verb"] ?? -1
        self.recentWordClass = classIndex["@recent_word"] ?? -1
        self.classMasks = classMasks
        self.normaliser = normaliser
    }

    /// Whether the big matching tables (trie rows and edges, vocabulary, word classes, spellings)
    /// are read in place from a mapped precompiled artefact rather than held on the heap.
    public var readsMappedTables: Bool {
        trie.readsMappedTables && classMasks.isMappedView && normaliser.table.slots.isMappedView
            && normaliser.table.bytes.isMappedView && normaliser.replacementStart.isMappedView
    }

    /// A rule by id.
    public func rule(named id: String) -> LexiconRule? { rules.first { $0.id == id } }

    /// The index of a rule by id, as matches carry it (`nil` when the lexicon has no such rule):
    /// for the rules the engine reads by name.
    func ruleIndex(named id: String) -> Int32? { rules.firstIndex { $0.id == id }.map { Int32($0) } }

    /// The class set of every token (word classes plus `#num` / `#minor`).
    func masks(for tokens: [NormalisedToken]) -> [ClassMask] {
        var result: [ClassMask] = []
        masks(for: tokens, into: &result)
        return result
    }

    /// The same, written into `result` (emptied first; a reused array keeps its capacity).
    func masks(for tokens: [NormalisedToken], into result: inout [ClassMask]) {
        result.removeAll(keepingCapacity: true)
        result.reserveCapacity(tokens.count)
        for token in tokens {
            var mask = token.id >= 0 && Int(token.id) < classMasks.count ? classMasks[Int(token.id)] : .empty
            if token.number >= 0 {
                mask.insert(Self.numberClass)
                if token.number >= 1 && token.number <= 17 { mask.insert(Self.minorClass) }
            }
            result.append(mask)
        }
    }

    /// Matches every rule against normalised tokens with their class sets.
    func matches(_ tokens: [NormalisedToken], masks: [ClassMask]) -> [RuleMatch] {
        var scratch = AssessScratch()
        return matches(tokens, masks: masks, scratch: &scratch)
    }

    /// The same, in the trie's arrays of `scratch` (the matches are `scratch.matches`' storage).
    func matches(_ tokens: [NormalisedToken], masks: [ClassMask], scratch: inout AssessScratch) -> [RuleMatch]
    {
        trie.matches(
            tokens, masks: masks, clauseBreakClass: clauseBreakClass >= 0 ? clauseBreakClass : nil,
            scratch: &scratch)
    }
}
