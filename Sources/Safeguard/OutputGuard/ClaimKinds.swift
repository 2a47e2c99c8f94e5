/// Claims to be human or a professional, and diagnosing the person, matched by kind rather than
/// by listed sentences (`claimKinds` in `resources/guard/claims.json`).
///
/// A claim is one of `selves` ("I'm", "as", "I work as", …), then up to `maxBetween` of the
/// harmless `between` words ("a", "your", "real", "licensed", "clinical", …), then a phrase of
/// `beingHuman` or `professions`. A negation there ("I'm not a therapist") ends the match,
/// except that a negated machine ("I'm not an AI", "I'm not a bot") claims to be human.
/// The `weakSelves` ("as", "trust me") do not claim by themselves: after them, a comparison
/// ("such as a doctor", "as well as") or an identity followed by one of `referenceWords`
/// ("as your doctor said", "trust me, a therapist would") is someone else.
/// Diagnosing is one of `diagnosingSelves` ("I", "I'd", "my"), then `diagnosingBetween` words
/// ("would", "hereby"), then a `diagnosingVerbs` word followed by a `diagnosingObjects` word
/// ("I diagnose you", "my diagnosis is"); "a doctor can diagnose" has no first person.
public struct ClaimKinds: Sendable, Equatable, Codable {
    public var selves: [String] = []
    public var weakSelves: [String] = []
    public var asNotAfter: [String] = []
    public var between: [String] = []
    public var maxBetween: Int = 0
    public var negations: [String] = []
    public var beingHuman: [String] = []
    public var professions: [String] = []
    public var referenceWords: [String] = []
    public var notMachines: [String] = []
    public var diagnosingSelves: [String] = []
    public var diagnosingBetween: [String] = []
    public var diagnosingVerbs: [String] = []
    public var diagnosingObjects: [String] = []

    public init() {}
}

/// ``ClaimKinds`` compiled to word lists for ``SentenceReviewer``.
struct ClaimMatcher: Sendable {
    let selves: [[String]]
    let weakSelves: [[String]]
    let referenceWords: Set<String>
    let asNotAfter: [[String]]
    let between: Set<String>
    let maxBetween: Int
    let negations: Set<String>
    let identities: [[String]]
    let machines: [[String]]
    let diagnosingSelves: [[String]]
    let diagnosingBetween: Set<String>
    let diagnosingVerbs: Set<String>
    let diagnosingObjects: Set<String>

    init(_ kinds: ClaimKinds) {
        func compile(_ phrases: [String]) -> [[String]] {
            phrases.map { SentenceReviewer.tokens($0) }.filter { !$0.isEmpty }
        }
        func words(_ list: [String]) -> Set<String> { Set(list.flatMap { SentenceReviewer.tokens($0) }) }
        selves = compile(kinds.selves)
        weakSelves = compile(kinds.weakSelves)
        referenceWords = words(kinds.referenceWords)
        asNotAfter = compile(kinds.asNotAfter)
        between = words(kinds.between)
        maxBetween = max(0, kinds.maxBetween)
        negations = words(kinds.negations)
        identities = compile(kinds.beingHuman + kinds.professions)
        machines = compile(kinds.notMachines)
        diagnosingSelves = compile(kinds.diagnosingSelves)
        diagnosingBetween = words(kinds.diagnosingBetween)
        diagnosingVerbs = words(kinds.diagnosingVerbs)
        diagnosingObjects = words(kinds.diagnosingObjects)
    }

    /// Whether the sentence's words claim to be human or a professional.
    func claims(_ words: [String]) -> Bool {
        for end in leadEnds(selves, in: words) where identityEnd(words, from: end) != nil {
            return true
        }
        for start in leadStarts(weakSelves, in: words) where !isComparison(words, before: start.at) {
            guard let end = identityEnd(words, from: start.end) else { continue }
            if end < words.count, referenceWords.contains(words[end]) { continue }
            return true
        }
        return false
    }

    /// Whether the sentence's words diagnose the person in the first person.
    func diagnoses(_ words: [String]) -> Bool {
        for end in leadStarts(diagnosingSelves, in: words).map(\.end) {
            var index = end
            while index < words.count, index - end <= maxBetween, diagnosingBetween.contains(words[index]) {
                index += 1
            }
            if index + 1 < words.count, diagnosingVerbs.contains(words[index]),
                diagnosingObjects.contains(words[index + 1])
            {
                return true
            }
        }
        return false
    }

    /// Where each occurrence of a lead phrase ends (the index of the word after it).
    private func leadEnds(_ leads: [[String]], in words: [String]) -> [Int] {
        leadStarts(leads, in: words).map(\.end)
    }

    /// Where each occurrence of a lead phrase starts and ends.
    private func leadStarts(_ leads: [[String]], in words: [String]) -> [(at: Int, end: Int)] {
        var found: [(at: Int, end: Int)] = []
        for lead in leads {
            var from = 0
            while let at = SentenceReviewer.find(lead, in: words, from: from) {
                from = at + 1
                found.append((at, at + lead.count))
            }
        }
        return found
    }

    /// "such as", "as well as", "the same as": "as" that compares rather than says who.
    private func isComparison(_ words: [String], before index: Int) -> Bool {
        asNotAfter.contains { phrase in
            index >= phrase.count && Array(words[(index - phrase.count)..<index]) == phrase
        }
    }

    /// Where a human or professional identity ends, after at most `maxBetween` harmless words;
    /// a negation only counts when a machine follows it ("not a bot"). `nil`: no identity.
    private func identityEnd(_ words: [String], from start: Int) -> Int? {
        var index = start
        var negated = false
        var skipped = 0
        while index < words.count {
            let candidates = negated ? machines : identities
            if let phrase = candidates.first(where: { phrase in
                index + phrase.count <= words.count && Array(words[index..<(index + phrase.count)]) == phrase
            }) {
                return index + phrase.count
            }
            if !negated, negations.contains(words[index]) {
                negated = true
            } else if !between.contains(words[index]) || skipped >= maxBetween {
                return nil
            }
            skipped += 1
            index += 1
        }
        return nil
    }
}
