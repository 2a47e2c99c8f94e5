import Foundation

/// A MiniLM-class BERT encoder with a two-output head, in pure Swift.
///
/// Token + position + type-0 embeddings and LayerNorm; per layer, 12-head self-attention
/// (one fused query/key/value product), residual + LayerNorm, a GELU (erf) feed-forward layer,
/// residual + LayerNorm; mean pooling over every token, L2 normalisation, × `scale`, then a
/// linear head: logit 0 = crisis or above, logit 1 = emergency.
///
/// Matrix products run on transposed float32 weights (input × output) in blocks of four tokens
/// by sixteen outputs with SIMD8 accumulators; all scratch memory for one reading is one
/// allocation, nothing is allocated per token.
public struct TransformerEncoder: Sendable {
    struct Layer: Sendable {
        var qkv: [Float]  // hidden × 3·hidden, transposed
        var qkvBias: [Float]
        var attentionOutput: [Float]  // hidden × hidden
        var attentionOutputBias: [Float]
        var attentionNormWeight: [Float]
        var attentionNormBias: [Float]
        var intermediate: [Float]  // hidden × intermediate
        var intermediateBias: [Float]
        var output: [Float]  // intermediate × hidden
        var outputBias: [Float]
        var outputNormWeight: [Float]
        var outputNormBias: [Float]
    }

    let hidden: Int
    let heads: Int
    let intermediateSize: Int
    let epsilon: Float
    let scale: Float
    /// Longest input, special tokens included.
    public let maxTokens: Int
    /// Tokens between the starts of two windows of a long message.
    public let stride: Int
    /// Most windows read in one message.
    public let maxWindows: Int
    public let layerCount: Int
    let vocabularySize: Int
    private let wordValues: [Int8]
    private let wordScales: [Float]
    private let positions: [Float]
    private let type0: [Float]
    private let embeddingNormWeight: [Float]
    private let embeddingNormBias: [Float]
    private let layers: [Layer]
    private let headWeight: [Float]  // 2 × hidden
    private let headBias: [Float]

    /// Loads the model file.
    public init(modelData: Data) throws(EncoderError) {
        let file = try EncoderModelFile(data: modelData)
        let header = file.header
        hidden = header.hidden
        heads = header.heads
        intermediateSize = header.intermediate
        epsilon = Float(header.layerNormEps)
        scale = Float(header.scale)
        maxTokens = header.maxTokens
        stride = header.stride
        maxWindows = header.maxWindows
        layerCount = header.layers
        vocabularySize = header.vocabulary
        let words = try file.quantised("embeddings.word", rows: header.vocabulary, columns: hidden)
        wordValues = words.values
        wordScales = words.scales
        positions = try file.floats("embeddings.position", count: header.positions * hidden)
        type0 = try file.floats("embeddings.type0", count: hidden)
        embeddingNormWeight = try file.floats("embeddings.norm.weight", count: hidden)
        embeddingNormBias = try file.floats("embeddings.norm.bias", count: hidden)
        var layers: [Layer] = []
        for index in 0..<header.layers {
            let prefix = "layer\(index)."
            let hidden = self.hidden
            func linear(_ name: String, rows: Int, columns: Int) throws(EncoderError) -> [Float] {
                let matrix = try file.quantised(prefix + name, rows: rows, columns: columns)
                return Self.transposedDequantised(
                    matrix.values, scales: matrix.scales, rows: rows, columns: columns)
            }
            let query = try linear("query.weight", rows: hidden, columns: hidden)
            let key = try linear("key.weight", rows: hidden, columns: hidden)
            let value = try linear("value.weight", rows: hidden, columns: hidden)
            var qkv = [Float](repeating: 0, count: hidden * 3 * hidden)
            for row in 0..<hidden {
                for column in 0..<hidden {
                    qkv[row * 3 * hidden + column] = query[row * hidden + column]
                    qkv[row * 3 * hidden + hidden + column] = key[row * hidden + column]
                    qkv[row * 3 * hidden + 2 * hidden + column] = value[row * hidden + column]
                }
            }
            let qkvBias =
                try file.floats(prefix + "query.bias", count: hidden)
                + file.floats(prefix + "key.bias", count: hidden)
                + file.floats(prefix + "value.bias", count: hidden)
            layers.append(
                Layer(
                    qkv: qkv, qkvBias: qkvBias,
                    attentionOutput: try linear("attention_output.weight", rows: hidden, columns: hidden),
                    attentionOutputBias: try file.floats(prefix + "attention_output.bias", count: hidden),
                    attentionNormWeight: try file.floats(prefix + "attention_norm.weight", count: hidden),
                    attentionNormBias: try file.floats(prefix + "attention_norm.bias", count: hidden),
                    intermediate: try linear(
                        "intermediate.weight", rows: header.intermediate, columns: hidden),
                    intermediateBias: try file.floats(
                        prefix + "intermediate.bias", count: header.intermediate),
                    output: try linear("output.weight", rows: hidden, columns: header.intermediate),
                    outputBias: try file.floats(prefix + "output.bias", count: hidden),
                    outputNormWeight: try file.floats(prefix + "output_norm.weight", count: hidden),
                    outputNormBias: try file.floats(prefix + "output_norm.bias", count: hidden)))
        }
        self.layers = layers
        headWeight = try file.floats("head.weight", count: 2 * hidden)
        headBias = try file.floats("head.bias", count: 2)
    }

    /// A PyTorch `Linear` weight (output rows × input columns, int8 with a scale per row) as
    /// float32 in input-major order.
    private static func transposedDequantised(_ values: [Int8], scales: [Float], rows: Int, columns: Int)
        -> [Float]
    {
        var result = [Float](repeating: 0, count: rows * columns)
        for row in 0..<rows {
            let scale = scales[row]
            for column in 0..<columns {
                result[column * rows + row] = Float(values[row * columns + column]) * scale
            }
        }
        return result
    }

    /// The two probabilities (crisis or above, emergency) for one window of token ids
    /// (`[CLS] … [SEP]`, at most `maxTokens`), and the pooled vector when asked for.
    public func probabilities(_ ids: [Int32], pooled: UnsafeMutableBufferPointer<Float>? = nil) -> (
        crisis: Double, emergency: Double
    ) {
        let tokens = min(ids.count, maxTokens)
        guard tokens > 0 else { return (0, 0) }
        let hidden = self.hidden
        let wide = 3 * hidden
        // One allocation for every buffer of this reading.
        let sizes = [
            tokens * hidden, tokens * wide, tokens * hidden, tokens * hidden, tokens * intermediateSize,
            tokens + 8, hidden,
        ]
        let scratch = UnsafeMutablePointer<Float>.allocate(capacity: sizes.reduce(0, +))
        defer { scratch.deallocate() }
        var cursor = scratch
        var buffers: [UnsafeMutablePointer<Float>] = []
        for size in sizes {
            buffers.append(cursor)
            cursor += size
        }
        let state = buffers[0]
        let qkv = buffers[1]
        let context = buffers[2]
        let projected = buffers[3]
        let wideBuffer = buffers[4]
        let scores = buffers[5]
        let mean = buffers[6]

        embed(ids, tokens: tokens, into: state)
        for layer in layers {
            Self.matmul(state, layer.qkv, layer.qkvBias, qkv, tokens: tokens, input: hidden, output: wide)
            attend(qkv, tokens: tokens, scores: scores, into: context)
            Self.matmul(
                context, layer.attentionOutput, layer.attentionOutputBias, projected, tokens: tokens,
                input: hidden, output: hidden)
            addAndNormalise(
                projected, into: state, tokens: tokens, weight: layer.attentionNormWeight,
                bias: layer.attentionNormBias)
            Self.matmul(
                state, layer.intermediate, layer.intermediateBias, wideBuffer, tokens: tokens, input: hidden,
                output: intermediateSize)
            Self.gelu(wideBuffer, count: tokens * intermediateSize)
            Self.matmul(
                wideBuffer, layer.output, layer.outputBias, projected, tokens: tokens,
                input: intermediateSize,
                output: hidden)
            addAndNormalise(
                projected, into: state, tokens: tokens, weight: layer.outputNormWeight,
                bias: layer.outputNormBias)
        }
        for column in 0..<hidden { mean[column] = 0 }
        for token in 0..<tokens {
            let row = state + token * hidden
            for column in 0..<hidden { mean[column] += row[column] }
        }
        var norm: Float = 0
        for column in 0..<hidden {
            mean[column] /= Float(tokens)
            norm += mean[column] * mean[column]
        }
        let factor = scale / max(norm.squareRoot(), 1e-12)
        for column in 0..<hidden { mean[column] *= factor }
        if let pooled {
            for column in 0..<min(hidden, pooled.count) { pooled[column] = mean[column] / scale }
        }
        var logits: [Float] = [headBias[0], headBias[1]]
        headWeight.withUnsafeBufferPointer { weights in
            for output in 0..<2 {
                var sum: Float = 0
                for column in 0..<hidden { sum += weights[output * hidden + column] * mean[column] }
                logits[output] += sum
            }
        }
        return (Self.sigmoid(Double(logits[0])), Self.sigmoid(Double(logits[1])))
    }

    static func sigmoid(_ value: Double) -> Double { 1 / (1 + exp(-value)) }

    // MARK: - Layers

    private func embed(_ ids: [Int32], tokens: Int, into state: UnsafeMutablePointer<Float>) {
        let hidden = self.hidden
        wordValues.withUnsafeBufferPointer { words in
            positions.withUnsafeBufferPointer { positions in
                for token in 0..<tokens {
                    var id = Int(ids[token])
                    if id < 0 || id >= vocabularySize { id = 0 }
                    let scale = wordScales[id]
                    let row = state + token * hidden
                    for column in 0..<hidden {
                        row[column] =
                            Float(words[id * hidden + column]) * scale + positions[token * hidden + column]
                            + type0[column]
                    }
                }
            }
        }
        for token in 0..<tokens {
            Self.layerNorm(
                state + token * hidden, count: hidden, weight: embeddingNormWeight, bias: embeddingNormBias,
                epsilon: epsilon)
        }
    }

    /// Multi-head self-attention over the fused query/key/value rows (no padding: one sequence).
    private func attend(
        _ qkv: UnsafeMutablePointer<Float>, tokens: Int, scores: UnsafeMutablePointer<Float>,
        into context: UnsafeMutablePointer<Float>
    ) {
        let hidden = self.hidden
        let wide = 3 * hidden
        let size = hidden / heads
        let scaleFactor = 1 / Float(size).squareRoot()
        for head in 0..<heads {
            let offset = head * size
            for query in 0..<tokens {
                let q = qkv + query * wide + offset
                var highest = -Float.infinity
                for key in 0..<tokens {
                    let k = qkv + key * wide + hidden + offset
                    let score = Self.dot(q, k, count: size) * scaleFactor
                    scores[key] = score
                    highest = max(highest, score)
                }
                var total: Float = 0
                for key in 0..<tokens {
                    let weight = Foundation.exp(scores[key] - highest)
                    scores[key] = weight
                    total += weight
                }
                let out = context + query * hidden + offset
                for column in 0..<size { out[column] = 0 }
                let inverse = 1 / total
                for key in 0..<tokens {
                    let v = qkv + key * wide + 2 * hidden + offset
                    let weight = scores[key] * inverse
                    var column = 0
                    while column + 8 <= size {
                        let sum =
                            UnsafeRawPointer(out + column).loadUnaligned(as: SIMD8<Float>.self)
                            + SIMD8<Float>(repeating: weight)
                            * UnsafeRawPointer(v + column).loadUnaligned(as: SIMD8<Float>.self)
                        UnsafeMutableRawPointer(out + column).storeBytes(of: sum, as: SIMD8<Float>.self)
                        column += 8
                    }
                    while column < size {
                        out[column] += weight * v[column]
                        column += 1
                    }
                }
            }
        }
    }

    private func addAndNormalise(
        _ addend: UnsafeMutablePointer<Float>, into state: UnsafeMutablePointer<Float>, tokens: Int,
        weight: [Float], bias: [Float]
    ) {
        for index in 0..<(tokens * hidden) { state[index] += addend[index] }
        for token in 0..<tokens {
            Self.layerNorm(
                state + token * hidden, count: hidden, weight: weight, bias: bias, epsilon: epsilon)
        }
    }

    static func layerNorm(
        _ row: UnsafeMutablePointer<Float>, count: Int, weight: [Float], bias: [Float], epsilon: Float
    ) {
        var sum: Float = 0
        for index in 0..<count { sum += row[index] }
        let mean = sum / Float(count)
        var variance: Float = 0
        for index in 0..<count {
            let centred = row[index] - mean
            variance += centred * centred
        }
        let inverse = 1 / (variance / Float(count) + epsilon).squareRoot()
        for index in 0..<count { row[index] = (row[index] - mean) * inverse * weight[index] + bias[index] }
    }

    /// GELU with the exact error function, as BERT uses it.
    static func gelu(_ values: UnsafeMutablePointer<Float>, count: Int) {
        let inverseRoot2: Float = 0.707_106_781_186_547_6
        for index in 0..<count {
            let x = values[index]
            values[index] = 0.5 * x * (1 + Foundation.erf(x * inverseRoot2))
        }
    }

    static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count: Int) -> Float {
        var accumulator = SIMD8<Float>()
        var index = 0
        while index + 8 <= count {
            accumulator +=
                UnsafeRawPointer(a + index).loadUnaligned(as: SIMD8<Float>.self)
                * UnsafeRawPointer(b + index).loadUnaligned(as: SIMD8<Float>.self)
            index += 8
        }
        var sum = accumulator.sum()
        while index < count {
            sum += a[index] * b[index]
            index += 1
        }
        return sum
    }

    /// `y[t][o] = bias[o] + Σ_i x[t][i] · w[i][o]` with `w` input-major; `output` a multiple of 16.
    static func matmul(
        _ x: UnsafePointer<Float>, _ weights: [Float], _ bias: [Float], _ y: UnsafeMutablePointer<Float>,
        tokens: Int, input: Int, output: Int
    ) {
        weights.withUnsafeBufferPointer { weightBuffer in
            bias.withUnsafeBufferPointer { biasBuffer in
                guard let w = weightBuffer.baseAddress, let b = biasBuffer.baseAddress else { return }
                matmulBlocks(x, w, b, y, tokens: tokens, input: input, output: output)
            }
        }
    }

    @inline(__always)
    private static func matmulBlocks(
        _ x: UnsafePointer<Float>, _ w: UnsafePointer<Float>, _ b: UnsafePointer<Float>,
        _ y: UnsafeMutablePointer<Float>, tokens: Int, input: Int, output: Int
    ) {
        let rowBytes = output * MemoryLayout<Float>.stride
        var token = 0
        while token < tokens {
            let present = min(4, tokens - token)
            let x0 = x + token * input
            let x1 = x + min(token + 1, tokens - 1) * input
            let x2 = x + min(token + 2, tokens - 1) * input
            let x3 = x + min(token + 3, tokens - 1) * input
            var column = 0
            while column < output {
                var a00 = SIMD8<Float>()
                var a01 = SIMD8<Float>()
                var a10 = SIMD8<Float>()
                var a11 = SIMD8<Float>()
                var a20 = SIMD8<Float>()
                var a21 = SIMD8<Float>()
                var a30 = SIMD8<Float>()
                var a31 = SIMD8<Float>()
                var pointer = UnsafeRawPointer(w + column)
                for index in 0..<input {
                    let w0 = pointer.loadUnaligned(as: SIMD8<Float>.self)
                    let w1 = pointer.loadUnaligned(fromByteOffset: 32, as: SIMD8<Float>.self)
                    let v0 = SIMD8<Float>(repeating: x0[index])
                    a00 += v0 * w0
                    a01 += v0 * w1
                    let v1 = SIMD8<Float>(repeating: x1[index])
                    a10 += v1 * w0
                    a11 += v1 * w1
                    let v2 = SIMD8<Float>(repeating: x2[index])
                    a20 += v2 * w0
                    a21 += v2 * w1
                    let v3 = SIMD8<Float>(repeating: x3[index])
                    a30 += v3 * w0
                    a31 += v3 * w1
                    pointer += rowBytes
                }
                let biasPointer = UnsafeRawPointer(b + column)
                let b0 = biasPointer.loadUnaligned(as: SIMD8<Float>.self)
                let b1 = biasPointer.loadUnaligned(fromByteOffset: 32, as: SIMD8<Float>.self)
                let base = y + token * output + column
                store(a00 + b0, a01 + b1, at: base)
                if present > 1 { store(a10 + b0, a11 + b1, at: base + output) }
                if present > 2 { store(a20 + b0, a21 + b1, at: base + 2 * output) }
                if present > 3 { store(a30 + b0, a31 + b1, at: base + 3 * output) }
                column += 16
            }
            token += 4
        }
    }

    @inline(__always)
    private static func store(
        _ low: SIMD8<Float>, _ high: SIMD8<Float>, at target: UnsafeMutablePointer<Float>
    ) {
        let raw = UnsafeMutableRawPointer(target)
        raw.storeBytes(of: low, as: SIMD8<Float>.self)
        raw.storeBytes(of: high, toByteOffset: 32, as: SIMD8<Float>.self)
    }
}
