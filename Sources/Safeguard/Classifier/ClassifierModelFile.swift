/// The JSON layout of `resources/safeguard/model/suicidal-language.json`, written by
/// `Scripts/model/train.py`.
struct ClassifierModelFile: Decodable, Sendable {
    /// Word and character n-gram settings.
    struct NGrams: Decodable, Sendable {
        /// Word n-gram orders; this implementation supports exactly `[1, 2, 3]`.
        var words: [Int]
        /// Smallest and largest character n-gram length.
        var chars: [Int]
        /// Words are cut to this many characters before character n-grams are taken.
        var charWordCap: Int
    }

    /// The tables that define the normalisation, shared with the Python trainer.
    struct Normalisation: Decodable, Sendable {
        /// Name of the normalisation scheme (`waymark-simple-1`).
        var name: String
        /// Scalars dropped without splitting a word (apostrophes).
        var apostrophes: [UInt32]
        /// Invisible scalars dropped without splitting a word (joiners, variation selectors).
        var invisible: [UInt32]
        /// Leetspeak characters mapped to letters inside words that hold a letter.
        var leet: [String: String]
        /// Non-ASCII scalars (decimal code point) folded to ASCII letters.
        var fold: [String: String]
        /// Emoji scalars (decimal code point) read as a word of their own.
        var emoji: [String: String]
    }

    var version: Int
    var hash: String
    var buckets: Int
    var ngrams: NGrams
    var normalisation: Normalisation
    var maxScalars: Int
    var keepScalars: Int
    var bias: Double
    var threshold: Double
    /// Sparse weights, keyed by bucket number written as a decimal string.
    var weights: [String: Double]
}
