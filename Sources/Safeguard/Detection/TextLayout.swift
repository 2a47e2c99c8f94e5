/// Sentence and clause boundaries of a normalised message, for scoping context cues.
///
/// A sentence ends at `. ! ? ;` or a new line; a clause also ends at `, : ( )`, a spaced dash
/// and before a clause-breaking conjunction (`but`, `though`, `anyway`, … — the lexicon class
/// `@clause_break`). Sentences longer than `maxSentence` words are cut, which bounds the work
/// done per signal.
struct TextLayout: Sendable {
    /// Sentence number of each token.
    var sentence: [Int32]
    /// Clause number of each token.
    var clause: [Int32]
    /// First token of each sentence.
    var sentenceStart: [Int32]

    static let maxSentence = 40

    /// Written into the given arrays (emptied first; reused ones keep their capacity).
    init(
        tokens: [NormalisedToken], reusing sentence: [Int32], _ clause: [Int32], _ sentenceStart: [Int32],
        clauseBreak: (NormalisedToken) -> Bool
    ) {
        self.sentence = sentence
        self.clause = clause
        self.sentenceStart = sentenceStart
        self.sentence.removeAll(keepingCapacity: true)
        self.clause.removeAll(keepingCapacity: true)
        self.sentenceStart.removeAll(keepingCapacity: true)
        self.sentence.reserveCapacity(tokens.count)
        self.clause.reserveCapacity(tokens.count)
        var currentSentence: Int32 = -1
        var currentClause: Int32 = -1
        var length = 0
        for (index, token) in tokens.enumerated() {
            if index == 0 || token.breakBefore >= 2 || length >= Self.maxSentence {
                currentSentence += 1
                currentClause += 1
                self.sentenceStart.append(Int32(index))
                length = 0
            } else if token.breakBefore >= 1 || clauseBreak(token) {
                currentClause += 1
            }
            length += 1
            self.sentence.append(currentSentence)
            self.clause.append(currentClause)
        }
    }

    /// One past the last token of a sentence.
    func sentenceEnd(_ number: Int32, tokenCount: Int) -> Int32 {
        let next = Int(number) + 1
        return next < sentenceStart.count ? sentenceStart[next] : Int32(tokenCount)
    }
}
