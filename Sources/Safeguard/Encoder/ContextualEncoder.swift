import Foundation

/// The safeguard's contextual layer: a fine-tuned MiniLM-class encoder that reads a message
/// with the two user turns before it and says how likely it is to be crisis-or-above and an
/// emergency.
///
/// Input packing mirrors `Scripts/model/encoder/model.py`: a message that fits is read as
/// `[CLS] turn₋₂ [SEP] turn₋₁ [SEP] message [SEP]`, the earlier turns filling what room is left
/// (nearest first, each cut to its last tokens); a longer message is read alone in overlapping
/// windows (at most `maxWindows`, spread evenly, always the first and the last) and the highest
/// reading is kept.
public struct ContextualEncoder: Sendable {
    public let tokenizer: WordPieceTokenizer
    public let model: TransformerEncoder
    public let thresholds: EncoderThresholds
    /// Its boundary head (a boundary topic, and which), when loaded.
    public let boundaryHead: BoundaryHead?

    /// `thresholds.boundary`, when not given, is the boundary head's own cut.
    public init(
        tokenizer: WordPieceTokenizer, model: TransformerEncoder, thresholds: EncoderThresholds,
        boundaryHead: BoundaryHead? = nil
    ) {
        self.tokenizer = tokenizer
        self.model = model
        // A head for another width is never used (the file loader refuses one outright).
        let head = boundaryHead?.hidden == model.hidden ? boundaryHead : nil
        var cuts = thresholds
        if let head {
            cuts.boundary = cuts.boundary ?? head.cut
            cuts.boundaryTopic = cuts.boundaryTopic ?? head.topicMinimum
        } else {
            cuts.boundary = nil
        }
        self.thresholds = cuts
        self.boundaryHead = head
    }

    /// Loads the files of `resources/safeguard/encoder/` (the boundary head when given).
    public init(vocabulary: Data, modelData: Data, thresholds: Data, boundaryHead: Data? = nil)
        throws(EncoderError)
    {
        guard let text = String(data: vocabulary, encoding: .utf8) else {
            throw .invalidVocabulary("vocab.txt is not UTF-8")
        }
        let tokenizer = try WordPieceTokenizer(vocabularyText: text)
        let model = try TransformerEncoder(modelData: modelData)
        guard tokenizer.count <= model.vocabularySize else {
            throw .invalidVocabulary("vocab.txt is larger than the model's vocabulary")
        }
        var head: BoundaryHead?
        if let boundaryHead {
            let loaded = try BoundaryHead(data: boundaryHead)
            guard loaded.hidden == model.hidden else {
                throw .invalidBoundaryHead(
                    "it reads \(loaded.hidden) inputs; the encoder gives \(model.hidden)")
            }
            head = loaded
        }
        self.init(
            tokenizer: tokenizer, model: model, thresholds: try EncoderThresholds(data: thresholds),
            boundaryHead: head)
    }

    /// Files of the encoder inside `resources/`.
    public static let vocabularyPath = "safeguard/encoder/vocab.txt"
    public static let modelPath = "safeguard/encoder/encoder.bin"
    public static let thresholdsPath = "safeguard/encoder/thresholds.json"

    /// Reads `message` with up to two earlier user turns (oldest first).
    public func read(_ message: String, previous: [String] = []) -> EncoderReading {
        let windows = self.windows(message, previous: previous)
        var crisis = 0.0
        var emergency = 0.0
        // The boundary head: the highest logit over the windows, and that window's topic.
        var boundary: (logit: Double, topic: RiskCategory, probability: Double)?
        var pooled = [Float](repeating: 0, count: boundaryHead == nil ? 0 : model.hidden)
        pooled.withUnsafeMutableBufferPointer { buffer in
            for window in windows.ids {
                let reading = model.probabilities(window, pooled: buffer)
                crisis = max(crisis, reading.crisis)
                emergency = max(emergency, reading.emergency)
                guard let boundaryHead else { continue }
                let vector = UnsafeBufferPointer(buffer)
                let logit = boundaryHead.logit(vector)
                if boundary.map({ logit > $0.logit }) ?? true {
                    let topic = boundaryHead.topic(vector)
                    boundary = (logit, topic.topic, topic.probability)
                }
            }
        }
        return EncoderReading(
            crisis: crisis, emergency: emergency, windows: windows.ids.count,
            tokens: windows.ids.map(\.count).max() ?? 0, truncated: windows.truncated,
            usedContext: windows.usedContext, boundary: boundary.map { TransformerEncoder.sigmoid($0.logit) },
            topic: boundary?.topic, topicProbability: boundary?.probability)
    }

    /// The token id windows for a message and its earlier turns.
    public func windows(_ message: String, previous: [String]) -> (
        ids: [[Int32]], truncated: Bool, usedContext: Bool
    ) {
        let width = model.maxTokens - 2
        let scalars = message.unicodeScalars
        if scalars.count > Self.longMessageScalars {
            return (spreadSlices(of: scalars, width: width), true, false)
        }
        let current = tokenizer.ids(message)
        if current.count > width {
            var starts = Array(Swift.stride(from: 0, to: current.count - width, by: model.stride))
            starts.append(current.count - width)
            var truncated = false
            if starts.count > model.maxWindows {
                let step = Double(starts.count - 1) / Double(model.maxWindows - 1)
                var picked: [Int] = []
                for index in 0..<model.maxWindows {
                    let start = starts[Int((Double(index) * step).rounded(.toNearestOrEven))]
                    if picked.last != start { picked.append(start) }
                }
                starts = picked
                truncated = true
            }
            let ids = starts.map { start in
                [tokenizer.classID] + current[start..<(start + width)] + [tokenizer.separatorID]
            }
            return (ids, truncated, false)
        }
        var budget = width - current.count
        var context: [Int32] = []
        for turn in previous.suffix(2).reversed() {
            if budget < 2 { break }
            var ids = tokenizer.ids(turn)
            if ids.isEmpty { continue }
            if ids.count + 1 > budget { ids = Array(ids[(ids.count - (budget - 1))...]) }
            context = ids + [tokenizer.separatorID] + context
            budget -= ids.count + 1
        }
        return ([[tokenizer.classID] + context + current + [tokenizer.separatorID]], false, !context.isEmpty)
    }
}

extension ContextualEncoder {
    /// Beyond this many scalars a message is not tokenized whole: the encoder reads
    /// `maxWindows` evenly spread slices of it, so its work is bounded whatever the length (the
    /// lexicon still reads every word).
    static let longMessageScalars = 2_048
    /// Scalars in one slice of a very long message (more than a window's worth of tokens).
    static let sliceScalars = 1_024
    /// Slices read in a very long message.
    static let slices = 8

    /// Windows over evenly spread slices of a very long message, each cut at white space.
    func spreadSlices(of scalars: String.UnicodeScalarView, width: Int) -> [[Int32]] {
        let total = scalars.count
        let count = Self.slices
        let step = max(1, (total - Self.sliceScalars) / max(1, count - 1))
        var windows: [[Int32]] = []
        var start = scalars.startIndex
        var offset = 0
        for _ in 0..<count {
            guard offset < total else { break }
            var low = start
            // Begin after white space so no word is read cut in half (except the first slice).
            if offset > 0 {
                while low < scalars.endIndex && !scalars[low].properties.isWhitespace {
                    low = scalars.index(after: low)
                }
            }
            let high =
                scalars.index(low, offsetBy: Self.sliceScalars, limitedBy: scalars.endIndex)
                ?? scalars.endIndex
            let ids = tokenizer.ids(String(scalars[low..<high]), limit: width)
            if !ids.isEmpty { windows.append([tokenizer.classID] + ids + [tokenizer.separatorID]) }
            offset += step
            start = scalars.index(start, offsetBy: step, limitedBy: scalars.endIndex) ?? scalars.endIndex
        }
        return windows
    }
}

/// What the encoder read in one message.
public struct EncoderReading: Sendable, Equatable, Codable {
    /// Probability that the message (in its context) is crisis or above.
    public var crisis: Double
    /// Probability that it is an emergency.
    public var emergency: Double
    /// Windows read (more than one for a long message).
    public var windows: Int
    /// Tokens in the longest window.
    public var tokens: Int
    /// A very long message was read in evenly spread windows, not in full.
    public var truncated: Bool
    /// Earlier turns were read with the message.
    public var usedContext: Bool
    /// Probability that it is a boundary topic rather than ordinary chat or distress (nil: no
    /// boundary head), and the topic the head reads most likely (never suicide or self-harm).
    public var boundary: Double?
    public var topic: RiskCategory?
    public var topicProbability: Double?

    public init(
        crisis: Double, emergency: Double, windows: Int = 1, tokens: Int = 0, truncated: Bool = false,
        usedContext: Bool = false, boundary: Double? = nil, topic: RiskCategory? = nil,
        topicProbability: Double? = nil
    ) {
        self.boundary = boundary
        self.topic = topic
        self.topicProbability = topicProbability
        self.crisis = crisis
        self.emergency = emergency
        self.windows = windows
        self.tokens = tokens
        self.truncated = truncated
        self.usedContext = usedContext
    }
}

/// The encoder's cuts, recomputed after every retrain
/// (`resources/safeguard/encoder/thresholds.json`). Two tiers: a very-sure cut at which the
/// encoder's reading counts on its own, and a lower corroborated cut at which it counts only
/// when the lexicon or the n-gram model found something in the same message (a distress word,
/// a boundary topic, a crisis signal): two weaker readings that agree. A third, lower cut is
/// context only: there the lexicon's contextual phrases (a letter, a goodbye, a lorry), which
/// never count alone, count as they would in a conversation about ending one's life.
public struct EncoderThresholds: Sendable, Equatable {
    /// At or above: very sure the message is crisis or above.
    public var crisis: Double
    /// At or above: an emergency (raises crisis to emergency).
    public var emergency: Double
    /// At or above, with the other layers' evidence of distress or more: crisis.
    public var crisisCorroborated: Double
    /// At or above, with the other layers' evidence of crisis or more: emergency.
    public var emergencyCorroborated: Double
    /// At or above: suicidal context for the lexicon's contextual phrases (not evidence itself).
    public var context: Double
    /// At or above, where nothing else read a boundary or more: a boundary on the topic the
    /// boundary head names (nil: no boundary head; its cut lives in `boundary-head.json`).
    public var boundary: Double?
    /// The boundary head names its topic at or above this probability, else the boundary is a
    /// general one (nil: the head's own `min_probability`).
    public var boundaryTopic: Double?
    /// The emergency output counted on its own in a message read without earlier turns: at or
    /// above `emergency` with the crisis output at or above `crisis` (below its very-sure cut).
    /// Nil: off (the emergency output only raises a crisis the other cuts found).
    public var emergencyAlone: (emergency: Double, crisis: Double)?

    public static func == (left: Self, right: Self) -> Bool {
        left.crisis == right.crisis && left.emergency == right.emergency
            && left.crisisCorroborated == right.crisisCorroborated
            && left.emergencyCorroborated == right.emergencyCorroborated && left.context == right.context
            && left.boundary == right.boundary && left.boundaryTopic == right.boundaryTopic
            && left.emergencyAlone?.emergency == right.emergencyAlone?.emergency
            && left.emergencyAlone?.crisis == right.emergencyAlone?.crisis
    }

    public init(
        crisis: Double, emergency: Double, crisisCorroborated: Double? = nil,
        emergencyCorroborated: Double? = nil, context: Double? = nil, boundary: Double? = nil,
        boundaryTopic: Double? = nil, emergencyAlone: (emergency: Double, crisis: Double)? = nil
    ) {
        self.emergencyAlone = emergencyAlone
        self.boundary = boundary
        self.boundaryTopic = boundaryTopic
        self.crisis = crisis
        self.emergency = emergency
        self.crisisCorroborated = min(crisis, crisisCorroborated ?? crisis)
        self.emergencyCorroborated = min(emergency, emergencyCorroborated ?? emergency)
        self.context = min(crisis, context ?? crisis)
    }

    init(data: Data) throws(EncoderError) {
        struct File: Decodable {
            var crisis: Double
            var emergency: Double
            var crisisCorroborated: Double
            var emergencyCorroborated: Double
            var context: Double
            var emergencyAlone: Double?
            var emergencyAloneCrisis: Double?

            enum CodingKeys: String, CodingKey {
                case crisis, emergency, context
                case crisisCorroborated = "crisis_corroborated"
                case emergencyCorroborated = "emergency_corroborated"
                case emergencyAlone = "emergency_alone"
                case emergencyAloneCrisis = "emergency_alone_crisis"
            }
        }
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: data)
        } catch {
            throw .invalidThresholds("unreadable (\(error))")
        }
        let cuts = [
            file.crisis, file.emergency, file.crisisCorroborated, file.emergencyCorroborated, file.context,
        ]
        guard cuts.allSatisfy({ $0 > 0 && $0 < 1 }) else {
            throw .invalidThresholds("cuts must lie between 0 and 1")
        }
        guard file.crisisCorroborated <= file.crisis, file.emergencyCorroborated <= file.emergency,
            file.context <= file.crisis
        else {
            throw .invalidThresholds("a corroborated or context cut must not be above its very-sure cut")
        }
        var alone: (emergency: Double, crisis: Double)?
        switch (file.emergencyAlone, file.emergencyAloneCrisis) {
        case (nil, nil): alone = nil
        case (let emergency?, let crisis?):
            // Surer than the emergency cut, and a crisis reading above the context cut: never
            // looser than what already counts.
            guard emergency < 1, emergency >= file.emergency, crisis < file.crisis, crisis >= file.context
            else {
                throw .invalidThresholds(
                    "emergency_alone must lie between the emergency cut and 1, and emergency_alone_crisis "
                        + "between the context and crisis cuts")
            }
            alone = (emergency, crisis)
        default:
            throw .invalidThresholds("emergency_alone and emergency_alone_crisis go together")
        }
        self.init(
            crisis: file.crisis, emergency: file.emergency, crisisCorroborated: file.crisisCorroborated,
            emergencyCorroborated: file.emergencyCorroborated, context: file.context, emergencyAlone: alone)
    }
}
