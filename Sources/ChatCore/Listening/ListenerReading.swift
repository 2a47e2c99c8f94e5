import Foundation

/// What the listener notices in one message: its shape, topics and feelings, people named,
/// generalisations, strengths, and a short phrase worth reflecting back.
struct ListenerReading: Sendable {
    /// The overall shape of the message.
    enum Shape: Sendable, Equatable {
        /// Nothing but space or punctuation.
        case empty
        /// Only emoji.
        case emojiOnly
        /// Words.
        case words
    }

    /// A topic found, with how often and where it first appeared.
    struct TopicHit: Sendable, Equatable {
        var topic: Int
        var count: Int
        var firstToken: Int
        /// Whether every mention is in a clause about someone else ("my mate is really down").
        var someoneElses: Bool
    }

    /// A generalisation ("always", "I'm useless") and the words used.
    struct Generalisation: Sendable, Equatable {
        var kind: String
        var words: String
    }

    let text: ListenerText
    /// The tokens' keys, ready for matching (see ``ListenerLexicon/matchKeys(_:)``).
    let keys: [String]
    let shape: Shape
    /// Topics found, most frequent first.
    let topics: [TopicHit]
    /// People named with "my …" ("your sister", "your sister Amy"), in order.
    let relations: [String]
    let generalisation: Generalisation?
    let showsStrength: Bool
    let asksForAdvice: Bool
    /// "Am I overreacting?" and similar.
    let asksForReassurance: Bool
    /// Whether some clause ended with a question mark.
    let asksQuestion: Bool

    init(_ message: String, lexicon: ListenerLexicon) {
        let text = ListenerText(message)
        self.text = text
        let keys = lexicon.matchKeys(text.keys)
        self.keys = keys
        if text.tokens.isEmpty {
            shape = .empty
        } else if text.wordCount == 0 {
            shape = .emojiOnly
        } else {
            shape = .words
        }
        topics = Self.findTopics(keys: keys, text: text, lexicon: lexicon)
        relations = Self.findRelations(text: text, keys: keys, lexicon: lexicon)
        generalisation = Self.findGeneralisation(text: text, keys: keys, lexicon: lexicon)
        showsStrength = lexicon.strengthMatcher.occurs(in: keys)
        asksForAdvice = lexicon.adviceMatcher.occurs(in: keys)
        asksForReassurance = lexicon.reassuranceMatcher.occurs(in: keys)
        asksQuestion = text.clauses.contains(where: \.isQuestion)
    }

    // MARK: - Questions about the reading

    /// Topics of a given kind, most frequent first.
    func topics(
        of kind: ListenerPhrasebook.Topic.Kind, in book: ListenerPhrasebook
    ) -> [ListenerPhrasebook.Topic] {
        topics.map { book.topics[$0.topic] }.filter { $0.kind == kind }
    }

    /// The topic that should lead the reply: the most specific feeling or area (feelings get
    /// one extra point), earlier-found first on a tie.
    func leadingTopic(in book: ListenerPhrasebook) -> ListenerPhrasebook.Topic? {
        var best: (score: Int, topic: ListenerPhrasebook.Topic)?
        for hit in topics {
            let topic = book.topics[hit.topic]
            guard topic.kind != .happy else { continue }
            let score = topic.weight + (topic.kind == .feeling ? 1 : 0)
            if best == nil || score > (best?.score ?? 0) { best = (score, topic) }
        }
        return best?.topic
    }

    /// Whether the feelings named are all someone else's ("my mate has been really down").
    func feelingsAreSomeoneElses(in book: ListenerPhrasebook) -> Bool {
        let feelings = topics.filter { book.topics[$0.topic].kind == .feeling }
        return !feelings.isEmpty
            && feelings.allSatisfy { $0.someoneElses && !book.topics[$0.topic].alwaysTheirOwn }
    }

    /// Whether the message names a feeling or an area of life (not only good news).
    func hasConcern(in book: ListenerPhrasebook) -> Bool {
        topics.contains { book.topics[$0.topic].kind != .happy }
    }

    /// Whether the words look like a keyboard mash rather than language.
    var looksLikeGibberish: Bool {
        guard shape == .words, text.wordCount <= 6, topics.isEmpty else { return false }
        let words = text.tokens.filter { !$0.isEmoji }
        let odd = words.filter { Self.isMashed($0.key) }.count
        return odd * 2 > words.count
    }

    /// Themes of the message, most frequent first: areas and feelings, then people.
    func themes(in book: ListenerPhrasebook) -> [String] {
        let topicMentions = topics.map { book.topics[$0.topic] }.filter { $0.kind != .happy }.map(\.mention)
        var seen = Set<String>()
        return (topicMentions + relations).filter { seen.insert($0).inserted }
    }

    /// Mentions to remember from this message: people first, then areas, then feelings.
    func mentions(in book: ListenerPhrasebook) -> [String] {
        var result = relations.sorted { $0.split(separator: " ").count > $1.split(separator: " ").count }
        for kind in [ListenerPhrasebook.Topic.Kind.area, .feeling] {
            result += topics(of: kind, in: book).map(\.mention)
        }
        var seen = Set<String>()
        return result.filter { seen.insert($0).inserted }
    }

    // MARK: - Finding things

    /// Topic keywords, longest match first where two overlap ("new job offer" is good news, not
    /// work; "passed away" is grief, not an exam; "not happy" is low mood). Good news counts
    /// only when not negated.
    private static func findTopics(
        keys: [String], text: ListenerText, lexicon: ListenerLexicon
    ) -> [TopicHit] {
        let book = lexicon.phrasebook
        var candidates: [(topic: Int, range: Range<Int>)] = []
        for (index, matcher) in lexicon.topicMatchers.enumerated() {
            for match in matcher.matches(in: keys) {
                if book.topics[index].kind == .happy {
                    let clause = text.tokens[match.range.lowerBound].clause
                    let before = max(0, match.range.lowerBound - 3)..<match.range.lowerBound
                    let negated = before.contains {
                        text.tokens[$0].clause == clause && lexicon.negators.contains(keys[$0])
                    }
                    if negated { continue }
                }
                candidates.append((index, match.range))
            }
        }
        // Longer matches first; on equal length, concerns before good news, then phrasebook order.
        candidates.sort { lhs, rhs in
            let lhsHappy = book.topics[lhs.topic].kind == .happy ? 1 : 0
            let rhsHappy = book.topics[rhs.topic].kind == .happy ? 1 : 0
            return (-lhs.range.count, lhsHappy, lhs.range.lowerBound, lhs.topic)
                < (-rhs.range.count, rhsHappy, rhs.range.lowerBound, rhs.topic)
        }
        // Which clauses are about someone else: they name another person and not the speaker.
        // Parts of clauses split at joining words, so "my mate is down and I don't know how to
        // help" has a part about the mate.
        var part = 0
        var partOf: [Int] = []
        var partSelf: [Int: Bool] = [:]
        var partOther: [Int: Bool] = [:]
        for (index, key) in keys.enumerated() {
            if index > 0,
                text.tokens[index].clause != text.tokens[index - 1].clause || key == "and"
                    || lexicon.clauseBreaks.contains(key)
            {
                part += 1
            }
            partOf.append(part)
            if lexicon.selfWords.contains(key) { partSelf[part] = true }
            if lexicon.otherPeople.contains(key) { partOther[part] = true }
        }
        func isSomeoneElses(_ range: Range<Int>) -> Bool {
            let part = partOf[range.lowerBound]
            return partOther[part] == true && partSelf[part] != true
        }
        var taken: [Int: Int] = [:]  // token → topic that claimed it
        var hits: [Int: TopicHit] = [:]
        for candidate in candidates {
            // Overlapping keywords: the longer one wins ("tired of" is low mood, not sleep;
            // "passed away" is grief, not good news).
            let clash = candidate.range.contains { taken[$0] != nil }
            if clash { continue }
            for token in candidate.range { taken[token] = candidate.topic }
            let others = isSomeoneElses(candidate.range)
            if var hit = hits[candidate.topic] {
                hit.count += 1
                hit.firstToken = min(hit.firstToken, candidate.range.lowerBound)
                hit.someoneElses = hit.someoneElses && others
                hits[candidate.topic] = hit
            } else {
                hits[candidate.topic] = TopicHit(
                    topic: candidate.topic, count: 1, firstToken: candidate.range.lowerBound,
                    someoneElses: others)
            }
        }
        return hits.values.sorted {
            ($0.count, -$0.firstToken, -$0.topic) > ($1.count, -$1.firstToken, -$1.topic)
        }
    }

    private static func findRelations(
        text: ListenerText, keys: [String], lexicon: ListenerLexicon
    ) -> [String] {
        var found: [String] = []
        for index in keys.indices where keys[index] == "my" && index + 1 < keys.count {
            guard let match = lexicon.relationMatcher.longestMatch(in: keys, at: index + 1),
                text.tokens[match.range.lowerBound].clause == text.tokens[index].clause
            else { continue }
            let relation = match.range.map { keys[$0] }.joined(separator: " ")
            var mention = lexicon.phrasebook.language.relationMention.replacingOccurrences(
                of: "{relation}", with: relation)
            let next = match.range.upperBound
            if next < keys.count, text.tokens[next].clause == text.tokens[index].clause,
                isName(text.tokens[next], lexicon: lexicon)
            {
                mention += " " + text.tokens[next].text
            }
            if !found.contains(mention) { found.append(mention) }
        }
        return found
    }

    /// A capitalised word that is not a common word: likely a name ("my sister Amy").
    private static func isName(_ token: ListenerText.Token, lexicon: ListenerLexicon) -> Bool {
        guard !token.isEmoji, let first = token.text.unicodeScalars.first,
            first.properties.isUppercase, token.text.count > 1, token.text.count < 20,
            token.text.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic }),
            token.text.dropFirst().contains(where: \.isLowercase)
        else { return false }
        return !lexicon.lowerCaseStarts.contains(token.key) && !lexicon.firstPerson.contains(token.key)
            && !lexicon.clauseMarkers.contains(token.key) && !lexicon.clauseBreaks.contains(token.key)
            && !lexicon.negators.contains(token.key) && !lexicon.leadingFillers.contains(token.key)
            && !lexicon.avoidInReflection.contains(token.key)
    }

    /// Generalisation kinds, most specific first; kinds the code does not know come last.
    private static let generalisationOrder = [
        "selfCriticism", "should", "nobody", "everyone", "never", "always",
    ]

    private static func findGeneralisation(
        text: ListenerText, keys: [String], lexicon: ListenerLexicon
    ) -> Generalisation? {
        let ordered = lexicon.reframeMatchers.sorted { lhs, rhs in
            let left = generalisationOrder.firstIndex(of: lhs.kind) ?? Int.max
            let right = generalisationOrder.firstIndex(of: rhs.kind) ?? Int.max
            return (left, lhs.kind) < (right, rhs.kind)
        }
        for (kind, matcher) in ordered {
            let own = matcher.matches(in: keys).filter { match in
                let before = match.range.lowerBound - 1
                return lexicon.isOwnGeneralisation(match, in: keys)
                    || text.tokens[before].clause != text.tokens[match.range.lowerBound].clause
            }
            if let match = own.first {
                let words = match.range.map { text.tokens[$0].key }.joined(separator: " ")
                return Generalisation(kind: kind, words: words)
            }
        }
        return nil
    }

    /// A word with no vowels, a long run of consonants, or no end: a keyboard mash.
    private static func isMashed(_ key: String) -> Bool {
        guard key.unicodeScalars.allSatisfy({ $0.isASCII && $0.properties.isAlphabetic }) else {
            return false
        }
        if key.count >= 24 { return true }
        var run = 0
        var longest = 0
        var vowels = 0
        for scalar in key.unicodeScalars {
            if "aeiouy".unicodeScalars.contains(scalar) {
                vowels += 1
                run = 0
            } else {
                run += 1
                longest = max(longest, run)
            }
        }
        return (vowels == 0 && key.count >= 4) || longest >= 5
    }
}
