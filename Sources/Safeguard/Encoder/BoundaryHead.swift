import Foundation

/// The encoder's boundary head (`resources/safeguard/encoder/boundary-head.json`): two linear
/// heads on the encoder's pooled vector, fitted by `Scripts/model/encoder/boundary_head.py`
/// without touching the encoder itself. One says how likely a message is to be a boundary topic
/// (beyond peer support, no immediate danger) rather than ordinary chat or distress; the other
/// which topic (abuse, psychosis, an eating disorder…; never suicide or self-harm, which are the
/// crisis output's).
public struct BoundaryHead: Sendable, Equatable {
    /// Width of the pooled vector it reads (the encoder's hidden size).
    public let hidden: Int
    /// The pooled vector is multiplied by this before the heads (as the crisis head reads it).
    public let scale: Double
    /// At or above: a boundary, where nothing else read one (placed by leave-one-set-out
    /// cross-validation; see the file's `method`).
    public let cut: Double
    /// The topics it can name, in output order.
    public let topics: [RiskCategory]
    /// It names a topic only at or above this softmax probability; below it the boundary is a
    /// general one (the crisis line, not a specialist service for what may be the wrong topic).
    public let topicMinimum: Double
    let boundaryWeight: [Double]
    let boundaryBias: Double
    let topicWeight: [Double]  // topics × hidden
    let topicBias: [Double]

    /// File of the head inside `resources/`.
    public static let resourcePath = "safeguard/encoder/boundary-head.json"
    /// Topics it never names: the crisis output reads suicide and self-harm.
    static let notTopics: Set<RiskCategory> = [.suicide, .selfHarm]

    public init(
        hidden: Int, scale: Double, cut: Double, topics: [RiskCategory], topicMinimum: Double,
        boundaryWeight: [Double], boundaryBias: Double, topicWeight: [Double], topicBias: [Double]
    ) throws(EncoderError) {
        guard hidden > 0, boundaryWeight.count == hidden, topicWeight.count == topics.count * hidden,
            topicBias.count == topics.count, !topics.isEmpty
        else {
            throw .invalidBoundaryHead("weights do not match \(hidden) inputs and \(topics.count) topics")
        }
        guard cut > 0 && cut < 1, topicMinimum >= 0 && topicMinimum <= 1 else {
            throw .invalidBoundaryHead("the cut and the topic minimum must lie between 0 and 1")
        }
        guard scale.isFinite, scale > 0,
            (boundaryWeight + topicWeight + topicBias + [boundaryBias]).allSatisfy(\.isFinite)
        else { throw .invalidBoundaryHead("every number must be finite") }
        guard Set(topics).count == topics.count, Self.notTopics.isDisjoint(with: topics) else {
            throw .invalidBoundaryHead("topics must be distinct and never suicide or self-harm")
        }
        self.hidden = hidden
        self.scale = scale
        self.cut = cut
        self.topics = topics
        self.topicMinimum = topicMinimum
        self.boundaryWeight = boundaryWeight
        self.boundaryBias = boundaryBias
        self.topicWeight = topicWeight
        self.topicBias = topicBias
    }

    /// What the file says, before validation.
    struct Fields: Equatable {
        var format: String
        var hidden: Int
        var scale: Double
        var boundaryWeight: [Double]
        var boundaryBias: Double
        var cut: Double
        var names: [String]
        var topicWeight: [[Double]]
        var topicBias: [Double]
        var minProbability: Double
    }

    /// Reads `boundary-head.json` (the quick reader, else `JSONDecoder` for its error messages).
    public init(data: Data) throws(EncoderError) {
        let fields: Fields
        if let quick = Self.quickFields(data) {
            fields = quick
        } else {
            fields = try Self.decodedFields(data)
        }
        try self.init(fields: fields)
    }

    /// The fields by the small JSON reader, or `nil` when it cannot read them all.
    static func quickFields(_ data: Data) -> Fields? {
        guard let file = JSONValue.parse(data), let boundary = file["boundary"], let topics = file["topics"],
            let format = file["format"]?.string, let hidden = file["hidden"]?.int,
            let scale = file["scale"]?.double, let boundaryWeight = boundary["weight"]?.doubles,
            let boundaryBias = boundary["bias"]?.double, let cut = boundary["cut"]?.double,
            let nameValues = topics["names"]?.array, let rows = topics["weight"]?.array,
            let topicBias = topics["bias"]?.doubles, let minProbability = topics["min_probability"]?.double
        else { return nil }
        var names: [String] = []
        for value in nameValues {
            guard let name = value.string else { return nil }
            names.append(name)
        }
        var topicWeight: [[Double]] = []
        for row in rows {
            guard let values = row.doubles else { return nil }
            topicWeight.append(values)
        }
        return Fields(
            format: format, hidden: hidden, scale: scale, boundaryWeight: boundaryWeight,
            boundaryBias: boundaryBias, cut: cut, names: names, topicWeight: topicWeight,
            topicBias: topicBias,
            minProbability: minProbability)
    }

    /// The fields by Foundation's `JSONDecoder`.
    static func decodedFields(_ data: Data) throws(EncoderError) -> Fields {
        struct File: Decodable {
            struct Boundary: Decodable {
                var weight: [Double]
                var bias: Double
                var cut: Double
            }
            struct Topics: Decodable {
                var names: [String]
                var weight: [[Double]]
                var bias: [Double]
                var minProbability: Double

                enum CodingKeys: String, CodingKey {
                    case names, weight, bias
                    case minProbability = "min_probability"
                }
            }
            var format: String
            var hidden: Int
            var scale: Double
            var boundary: Boundary
            var topics: Topics
        }
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: data)
        } catch {
            throw .invalidBoundaryHead("unreadable (\(error))")
        }
        return Fields(
            format: file.format, hidden: file.hidden, scale: file.scale, boundaryWeight: file.boundary.weight,
            boundaryBias: file.boundary.bias, cut: file.boundary.cut, names: file.topics.names,
            topicWeight: file.topics.weight, topicBias: file.topics.bias,
            minProbability: file.topics.minProbability)
    }

    init(fields file: Fields) throws(EncoderError) {
        guard file.format == "waymark-encoder-head-1" else {
            throw .invalidBoundaryHead("unknown format \(file.format)")
        }
        var topics: [RiskCategory] = []
        for name in file.names {
            guard let category = RiskCategory(rawValue: name) else {
                throw .invalidBoundaryHead("unknown topic \(name)")
            }
            topics.append(category)
        }
        guard file.topicWeight.allSatisfy({ $0.count == file.hidden }) else {
            throw .invalidBoundaryHead("a topic row is not \(file.hidden) wide")
        }
        try self.init(
            hidden: file.hidden, scale: file.scale, cut: file.cut, topics: topics,
            topicMinimum: file.minProbability, boundaryWeight: file.boundaryWeight,
            boundaryBias: file.boundaryBias, topicWeight: file.topicWeight.flatMap { $0 },
            topicBias: file.topicBias)
    }

    /// The boundary logit for one window's pooled (L2-normalised) vector.
    func logit(_ pooled: UnsafeBufferPointer<Float>) -> Double {
        var logit = boundaryBias
        for column in 0..<hidden { logit += boundaryWeight[column] * Double(pooled[column]) * scale }
        return logit
    }

    /// The most likely topic for one window's pooled vector, and its softmax probability.
    func topic(_ pooled: UnsafeBufferPointer<Float>) -> (topic: RiskCategory, probability: Double) {
        var logits = topicBias
        for topic in topics.indices {
            let row = topic * hidden
            for column in 0..<hidden {
                logits[topic] += topicWeight[row + column] * Double(pooled[column]) * scale
            }
        }
        let highest = logits.max() ?? 0
        let total = logits.reduce(0) { $0 + exp($1 - highest) }
        let best = logits.firstIndex(of: highest) ?? 0
        return (topics[best], 1 / total)
    }
}
