/// Finds reviewed words and phrases in a message's tokens: whole words only, phrases in
/// order, a trailing `*` matching the start of a word.
struct PhraseMatcher: Sendable {
    /// One place a phrase was found.
    struct Match: Sendable, Equatable {
        /// Token indices, half-open.
        var range: Range<Int>
        /// Which phrase (index into the list the matcher was built from).
        var phrase: Int
    }

    private var byFirstWord: [String: [(words: [String], phrase: Int)]] = [:]
    private var prefixes: [(prefix: String, phrase: Int)] = []
    /// The phrases as given.
    let phrases: [String]

    init(_ phrases: [String]) {
        self.phrases = phrases
        for (index, phrase) in phrases.enumerated() {
            let words = ListenerText(phrase).keys
            guard let first = words.first else { continue }
            if words.count == 1, phrase.hasSuffix("*") {
                prefixes.append((first, index))
            } else {
                byFirstWord[first, default: []].append((words, index))
            }
        }
        for key in byFirstWord.keys {
            byFirstWord[key]?.sort { $0.words.count > $1.words.count }
        }
    }

    var isEmpty: Bool { byFirstWord.isEmpty && prefixes.isEmpty }

    /// Every match, left to right, longest first at each position, not overlapping.
    func matches(in keys: [String]) -> [Match] {
        var found: [Match] = []
        var index = 0
        while index < keys.count {
            if let match = longestMatch(in: keys, at: index) {
                found.append(match)
                index = match.range.upperBound
            } else {
                index += 1
            }
        }
        return found
    }

    /// The longest phrase that starts at `index`, if any.
    func longestMatch(in keys: [String], at index: Int) -> Match? {
        let key = keys[index]
        if let candidates = byFirstWord[key] {
            for candidate in candidates where index + candidate.words.count <= keys.count {
                var same = true
                for offset in 1..<max(1, candidate.words.count)
                where keys[index + offset] != candidate.words[offset] {
                    same = false
                    break
                }
                if same {
                    return Match(range: index..<(index + candidate.words.count), phrase: candidate.phrase)
                }
            }
        }
        for entry in prefixes where key.hasPrefix(entry.prefix) {
            return Match(range: index..<(index + 1), phrase: entry.phrase)
        }
        return nil
    }

    /// Whether any phrase occurs.
    func occurs(in keys: [String]) -> Bool {
        keys.indices.contains { longestMatch(in: keys, at: $0) != nil }
    }
}
