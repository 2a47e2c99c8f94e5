import Foundation

/// A compact linear model over hashed word and character n-grams that scores suicidal language.
///
/// Trained offline by `Scripts/model/train.py` on the corpus in `resources/safeguard/model/`;
/// this type only runs it. Scoring normalises the text (``ClassifierTokeniser``), hashes its
/// n-grams (``NGramHasher``), adds the weights of the distinct buckets present to the bias and
/// returns the logistic probability, with the n-grams that pushed it up most. Deterministic,
/// linear in the input length, no I/O.
public struct TextClassifier: RiskModel {
    /// Where the trained model lives, relative to Waymark's `resources/` folder.
    public static let resourcePath = "safeguard/model/suicidal-language.json"

    /// How many contributing n-grams ``RiskModelScores/topFeatures`` lists at most.
    public static let explainedFeatureCount = 5

    /// The probability at or above which the trainer counted a message as suicidal.
    public let threshold: Double

    private let tokeniser: ClassifierTokeniser
    private let hasher: NGramHasher
    private let bias: Double
    /// The weights by bucket, only the non-zero ones stored; their bits (one per bucket, 32 KB
    /// that stay in cache) are read first, so buckets with no weight touch nothing else.
    let weights: SparseWeights

    /// The model's settings as read from its file (``ClassifierModelFile/weights`` left empty;
    /// the weights are ``weights``), kept so the precompiled artefact can be written.
    let settings: ClassifierModelFile

    /// Loads a model written by `Scripts/model/train.py` (`suicidal-language.json`).
    public init(modelData: Data) throws {
        var file: ClassifierModelFile
        do {
            file = try JSONDecoder().decode(ClassifierModelFile.self, from: modelData)
        } catch {
            throw TextClassifierError.unreadable(String(describing: error))
        }
        try Self.validate(file)
        var weights = [Double](repeating: 0, count: file.buckets)
        for (key, weight) in file.weights {
            guard let bucket = Int(key), bucket >= 0, bucket < file.buckets, weight.isFinite else {
                throw TextClassifierError.unreadable("bad weight entry \(key)")
            }
            weights[bucket] = weight
        }
        file.weights = [:]
        try self.init(settings: file, weights: weights)
    }

    /// A model from validated settings and its dense weights (one per bucket).
    init(settings file: ClassifierModelFile, weights: [Double]) throws {
        guard file.bias.isFinite else { throw TextClassifierError.unreadable("bias is not finite") }
        self.settings = file
        self.weights = SparseWeights(dense: weights)
        self.bias = file.bias
        self.threshold = file.threshold
        self.tokeniser = try ClassifierTokeniser(
            tables: file.normalisation, maxScalars: file.maxScalars, keepScalars: file.keepScalars)
        self.hasher = NGramHasher(
            buckets: UInt32(file.buckets), charMin: file.ngrams.chars[0], charMax: file.ngrams.chars[1],
            charWordCap: file.ngrams.charWordCap)
    }

    /// Checks everything but the weights: the versions and schemes this code implements, and limits.
    static func validate(_ file: ClassifierModelFile) throws {
        guard file.version == 1 else { throw TextClassifierError.unsupported("version \(file.version)") }
        guard file.hash == "fnv1a32-utf8" else { throw TextClassifierError.unsupported("hash \(file.hash)") }
        guard file.normalisation.name == "waymark-simple-1" else {
            throw TextClassifierError.unsupported("normalisation \(file.normalisation.name)")
        }
        guard file.ngrams.words == [1, 2, 3] else {
            throw TextClassifierError.unsupported("word n-grams \(file.ngrams.words)")
        }
        guard file.ngrams.chars.count == 2, file.ngrams.chars[0] >= 1,
            file.ngrams.chars[0] <= file.ngrams.chars[1], file.ngrams.charWordCap >= 1
        else {
            throw TextClassifierError.unsupported("character n-grams \(file.ngrams.chars)")
        }
        guard file.buckets > 0, file.buckets <= 1 << 24 else {
            throw TextClassifierError.unsupported("\(file.buckets) buckets")
        }
        guard file.keepScalars > 0, file.maxScalars >= 2 * file.keepScalars else {
            throw TextClassifierError.unsupported("input limits \(file.maxScalars)/\(file.keepScalars)")
        }
    }

    /// Scores one message: the logistic probability of suicidal language and the top n-grams.
    public func scores(for text: String) -> RiskModelScores {
        let words = tokeniser.flatWords(in: text)
        var seen = Set<UInt32>()
        var logit = bias
        var contributions: [(weight: Double, feature: NGramHasher.Feature)] = []
        hasher.forEachFeature(of: words) { bucket, feature in
            let weight = weights[Int(bucket)]
            guard weight != 0, seen.insert(bucket).inserted else { return }
            logit += weight
            if weight > 0 { contributions.append((weight, feature)) }
        }
        let probability = 1 / (1 + Foundation.exp(-logit))
        return RiskModelScores(
            suicidal: probability, topFeatures: explain(contributions, words: words.arrays))
    }

    /// The probability alone: the same sum without collecting the strongest n-grams.
    public func suicidalProbability(for text: String) -> Double {
        var scratch = ClassifierScratch()
        return suicidalProbability(for: text, scratch: &scratch)
    }

    /// The same, in arrays reused from `scratch`.
    public func suicidalProbability(for text: String, scratch: inout ClassifierScratch) -> Double {
        let words = tokeniser.flatWords(in: text, scratch: &scratch)
        var seen = scratch.buckets
        scratch.buckets = BucketSet()
        seen.removeAll()
        var logit = bias
        weights.withLookup { lookup in
            hasher.forEachFeature(of: words) { bucket, _ in
                guard let value = lookup.weight(Int(bucket)), seen.insert(bucket) else { return }
                logit += value
            }
        }
        scratch.buckets = seen
        scratch.recycle(words)
        return 1 / (1 + Foundation.exp(-logit))
    }

    /// The normalised words the model sees for `text` (for tests and the inspector).
    func normalisedWords(of text: String) -> [String] {
        tokeniser.words(in: text).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The hashed feature strings and buckets of `text`, in the trainer's order.
    func hashedFeatures(of text: String) -> [(feature: String, bucket: UInt32)] {
        let words = tokeniser.flatWords(in: text)
        let arrays = words.arrays
        var result: [(feature: String, bucket: UInt32)] = []
        hasher.forEachFeature(of: words) { bucket, feature in
            result.append((feature.hashedText(in: arrays, charWordCap: hasher.charWordCap), bucket))
        }
        return result
    }

    /// The display text of the strongest positive contributions, without repeats. Only the
    /// strongest few (and anything tied with them) are turned into strings.
    private func explain(
        _ contributions: [(weight: Double, feature: NGramHasher.Feature)], words: [[UInt8]]
    ) -> [String] {
        let strongest = contributions.sorted { $0.weight > $1.weight }
        var ranked: [(weight: Double, text: String)] = []
        var distinct = Set<String>()
        for (index, item) in strongest.enumerated() {
            if distinct.count >= Self.explainedFeatureCount && item.weight < strongest[index - 1].weight {
                break
            }
            let text = item.feature.displayText(in: words, charWordCap: hasher.charWordCap)
            ranked.append((item.weight, text))
            distinct.insert(text)
        }
        let ordered = ranked.sorted { $0.weight != $1.weight ? $0.weight > $1.weight : $0.text < $1.text }
        var result: [String] = []
        for item in ordered where !result.contains(item.text) {
            result.append(item.text)
            if result.count == Self.explainedFeatureCount { break }
        }
        return result
    }
}

/// The buckets already counted for one message: open addressing over a power-of-two table
/// (buckets are below 2²⁴, so `UInt32.max` marks a free slot), a Fibonacci hash instead of
/// `Set`'s SipHash. Answers exactly as `Set<UInt32>.insert(_:).inserted` would.
struct BucketSet {
    private var slots: [UInt32]
    private var shift: UInt64
    private var count = 0

    /// An empty set; its table is allocated at the first insert (an empty set kept in a scratch
    /// costs nothing).
    init() {
        slots = []
        shift = 64 - 8
    }

    /// Empties the set, keeping a table of the first size (a larger one grown for a long message
    /// is let go): the answers are those of a new set.
    mutating func removeAll() {
        if slots.count == 256 {
            if count > 0 {
                slots.withUnsafeMutableBufferPointer { $0.update(repeating: .max) }
            }
        } else {
            slots = []
        }
        shift = 64 - 8
        count = 0
    }

    /// Adds `bucket`; whether it was not there before.
    mutating func insert(_ bucket: UInt32) -> Bool {
        if slots.isEmpty { slots = [UInt32](repeating: .max, count: 256) }
        if 2 * (count + 1) > slots.count { grow() }
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: (UInt64(bucket) &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let slot = slots[index]
            if slot == bucket { return false }
            if slot == .max {
                slots[index] = bucket
                count += 1
                return true
            }
            index = (index + 1) & mask
        }
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt32](repeating: .max, count: old.count * 2)
        shift -= 1
        count = 0
        for bucket in old where bucket != .max { _ = insert(bucket) }
    }
}
