/// Picks the most meaningful short phrase from a message and turns it round to the person
/// ("I'm so tired of my job" → "you're so tired of your job").
///
/// A phrase is reflected only when it is a short clause (2–12 words) about the person, not a
/// question, and free of second-person words, numbers, diagnoses, method words and swearing.
struct PhraseReflector: Sendable {
    let lexicon: ListenerLexicon

    static let shortest = 2
    static let longest = 12

    /// A phrase to reflect, already turned round.
    struct Phrase: Sendable, Equatable {
        var text: String
        /// Whether it carries a sweeping word ("always", "nobody"): reflect it as a feeling.
        var isSweeping: Bool
    }

    /// The best phrase of the message, or `nil` if none is safe to use.
    func bestPhrase(in reading: ListenerReading) -> Phrase? {
        let text = reading.text
        var best: (score: Double, tokens: [ListenerText.Token], sweeping: Bool)?
        for (clauseIndex, clause) in text.clauses.enumerated() where !clause.isQuestion {
            let tokens = Array(text.tokens[clause.range].filter { !$0.isEmoji })
            var parts = split(tokens, at: lexicon.clauseBreaks)
            if parts.contains(where: { $0.count > Self.longest }) {
                parts = parts.flatMap { $0.count > Self.longest ? splitAtAnd($0) : [$0] }
            }
            for part in parts {
                guard let trimmed = trim(part), !opensAsQuestion(trimmed),
                    let (score, sweeping) = score(trimmed, clauseIndex: clauseIndex)
                else { continue }
                if best == nil || score > (best?.score ?? 0) { best = (score, trimmed, sweeping) }
            }
        }
        guard let best else { return nil }
        return Phrase(text: reflect(best.tokens), isSweeping: best.sweeping)
    }

    /// Turn first-person words round, tidy casual spellings, keep everything else as written.
    func reflect(_ tokens: [ListenerText.Token]) -> String {
        let language = lexicon.phrasebook.language
        let letters = tokens.flatMap { $0.text.unicodeScalars.filter(\.properties.isAlphabetic) }
        let shouting = letters.count > 3 && letters.filter(\.properties.isUppercase).count * 2 > letters.count
        var words: [String] = []
        var previous = ""
        for (index, token) in tokens.enumerated() {
            var word: String
            if previous == "i", let verb = language.afterFirstPerson[token.key] {
                word = verb
            } else if let turned = language.pronouns[token.key] {
                word = turned
            } else if let tidy = language.spellings[token.key] {
                word = tidy
            } else {
                word = shouting ? token.key : token.text
            }
            if index == 0, lexicon.lowerCaseStarts.contains(token.key) { word = word.lowercased() }
            words.append(word)
            previous = token.key
        }
        return words.joined(separator: " ")
    }

    // MARK: - Choosing

    /// Split a clause at joining words ("but", "because"), dropping the joining word.
    private func split(_ tokens: [ListenerText.Token], at breaks: Set<String>) -> [[ListenerText.Token]] {
        var parts: [[ListenerText.Token]] = [[]]
        for token in tokens {
            if breaks.contains(token.key) {
                parts.append([])
            } else {
                parts[parts.count - 1].append(token)
            }
        }
        return parts.filter { !$0.isEmpty }
    }

    /// Whether a clause is a question without its question mark ("what if they laugh at me").
    private func opensAsQuestion(_ tokens: [ListenerText.Token]) -> Bool {
        let keys = lexicon.matchKeys(Array(tokens.prefix(3)).map(\.key))
        return !keys.isEmpty && lexicon.questionOpenings.longestMatch(in: keys, at: 0) != nil
    }

    /// Split a long clause at "and" before a new subject ("… and I just lie"), keeping short
    /// pieces joined ("me and my mum had a row") and verbs together ("lie and say").
    private func splitAtAnd(_ tokens: [ListenerText.Token]) -> [[ListenerText.Token]] {
        var parts: [[ListenerText.Token]] = []
        var current: [ListenerText.Token] = []
        var joiner: ListenerText.Token?
        for (index, token) in tokens.enumerated() {
            let next = index + 1 < tokens.count ? tokens[index + 1].key : ""
            if token.key == "and", current.count >= 3, lexicon.clauseSubjects.contains(next) {
                parts.append(current)
                current = []
                joiner = token
            } else {
                current.append(token)
            }
        }
        if !current.isEmpty {
            if current.count < 3, let last = parts.popLast(), let joiner {
                current = last + [joiner] + current
            }
            parts.append(current)
        }
        return parts
    }

    /// Drop filler words at either end; `nil` if nothing useful is left.
    private func trim(_ tokens: [ListenerText.Token]) -> [ListenerText.Token]? {
        var slice = tokens[...]
        while true {
            if let first = slice.first, lexicon.leadingFillers.contains(first.key) {
                slice = slice.dropFirst()
            } else if !slice.isEmpty,
                let match = lexicon.leadingFillerPhrases.longestMatch(
                    in: lexicon.matchKeys(slice.map(\.key)), at: 0)
            {
                slice = slice.dropFirst(match.range.count)
            } else {
                break
            }
        }
        while let last = slice.last, lexicon.trailingFillers.contains(last.key) { slice = slice.dropLast() }
        return slice.isEmpty ? nil : Array(slice)
    }

    /// How good a phrase is to reflect and whether it is sweeping, or `nil` if it must not be used.
    private func score(_ tokens: [ListenerText.Token], clauseIndex: Int) -> (Double, Bool)? {
        guard (Self.shortest...Self.longest).contains(tokens.count) else { return nil }
        for token in tokens
        where token.key.unicodeScalars.contains(where: { $0.properties.numericType != nil }) {
            return nil
        }
        let keys = lexicon.matchKeys(tokens.map(\.key))
        for key in keys where lexicon.secondPerson.contains(key) || lexicon.avoidInReflection.contains(key) {
            return nil
        }
        let aboutPerson = keys.contains { lexicon.firstPerson.contains($0) }
        let hasVerb = keys.contains { lexicon.clauseMarkers.contains($0) }
        guard hasVerb || aboutPerson else { return nil }
        // Needs a word with content, not just "I am" or "I have".
        let content = keys.filter {
            !lexicon.firstPerson.contains($0) && !lexicon.auxiliaries.contains($0)
                && !lexicon.trailingFillers.contains($0) && !lexicon.negators.contains($0)
        }
        guard !content.isEmpty else { return nil }
        // Sweeping words ("always") are reflected as a feeling; harsh words about oneself
        // ("I'm useless") and "should"s are never echoed.
        var sweeping = false
        for (kind, matcher) in lexicon.reframeMatchers
        where matcher.matches(in: keys).contains(where: { lexicon.isOwnGeneralisation($0, in: keys) }) {
            // A sweeping phrase needs enough words to stand as the person's experience.
            guard lexicon.feltKinds.contains(kind), tokens.count >= 4 else { return nil }
            sweeping = true
        }
        let book = lexicon.phrasebook
        var score = 0.0
        for (index, matcher) in lexicon.topicMatchers.enumerated() where matcher.occurs(in: keys) {
            if !book.topics[index].reflect { return nil }
            switch book.topics[index].kind {
            case .feeling: score += 6
            case .area: score += 3
            case .happy: score += 3
            }
        }
        if aboutPerson { score += 2 }
        if hasVerb { score += 1 }
        score -= abs(Double(tokens.count) - 6) * 0.3
        score += Double(clauseIndex) * 0.05
        return (score, sweeping)
    }
}
