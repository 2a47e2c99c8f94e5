import Foundation

/// A MiniLM-class BERT encoder with a two-output head, in pure Swift.
///
/// Token + position + type-0 embeddings and LayerNorm; per layer, 12-head self-attention
/// (one fused query/key/value product), residual + LayerNorm, a GELU (erf) feed-forward layer,
/// residual + LayerNorm; mean pooling over every token, L2 normalisation, × `scale`, then a
/// linear head: logit 0 = crisis or above, logit 1 = emergency.
///
/// The weights are read in place from the model file's bytes (the loader maps `encoder.bin`
/// read-only, so they cost no anonymous memory and are shared with the page cache): matrix
/// products widen two int8 output rows at a time to float32 and take four tokens × two outputs
/// per step in SIMD4 registers (see `product`); all scratch memory for one reading is one
/// allocation, nothing is allocated per token.
public struct TransformerEncoder: Sendable {
    /// A PyTorch `Linear` weight as the model file holds it: int8, one row per output (each
    /// row the output's weights over the inputs), a float32 scale per row; read in place.
    struct QuantisedMatrix: Sendable {
        /// Byte offsets of the values and the scales in the model file.
        var values: Int
        var scales: Int
        var outputs: Int
        var inputs: Int
        var bias: [Float]
    }

    struct Layer: Sendable {
        var query: QuantisedMatrix
        var key: QuantisedMatrix
        var value: QuantisedMatrix
        var attentionOutput: QuantisedMatrix
        var attentionNormWeight: [Float]
        var attentionNormBias: [Float]
        var intermediate: QuantisedMatrix
        var output: QuantisedMatrix
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
    /// The model file's bytes (a read-only mapping of `encoder.bin` when loaded from a file):
    /// the word embeddings, position embeddings and every matrix are read from here in place,
    /// never copied.
    private let bytes: Data
    private let wordValues: Int
    private let wordScales: Int
    private let positions: Int
    private let type0: [Float]
    private let embeddingNormWeight: [Float]
    private let embeddingNormBias: [Float]
    private let layers: [Layer]
    private let headWeight: [Float]  // 2 × hidden
    private let headBias: [Float]

    /// Reads the model file's bytes (kept, not copied: pass a mapped `Data` for large files).
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
        bytes = modelData
        let words = try file.quantisedLocation("embeddings.word", rows: header.vocabulary, columns: hidden)
        wordValues = words.values
        wordScales = words.scales
        positions = try file.floatLocation("embeddings.position", count: header.positions * hidden)
        type0 = try file.floats("embeddings.type0", count: hidden)
        embeddingNormWeight = try file.floats("embeddings.norm.weight", count: hidden)
        embeddingNormBias = try file.floats("embeddings.norm.bias", count: hidden)
        var layers: [Layer] = []
        for index in 0..<header.layers {
            let prefix = "layer\(index)."
            func linear(_ name: String, outputs: Int, inputs: Int) throws(EncoderError) -> QuantisedMatrix {
                let location = try file.quantisedLocation(
                    prefix + name + ".weight", rows: outputs, columns: inputs)
                return QuantisedMatrix(
                    values: location.values, scales: location.scales, outputs: outputs, inputs: inputs,
                    bias: try file.floats(prefix + name + ".bias", count: outputs))
            }
            let hidden = self.hidden
            layers.append(
                Layer(
                    query: try linear("query", outputs: hidden, inputs: hidden),
                    key: try linear("key", outputs: hidden, inputs: hidden),
                    value: try linear("value", outputs: hidden, inputs: hidden),
                    attentionOutput: try linear("attention_output", outputs: hidden, inputs: hidden),
                    attentionNormWeight: try file.floats(prefix + "attention_norm.weight", count: hidden),
                    attentionNormBias: try file.floats(prefix + "attention_norm.bias", count: hidden),
                    intermediate: try linear("intermediate", outputs: header.intermediate, inputs: hidden),
                    output: try linear("output", outputs: hidden, inputs: header.intermediate),
                    outputNormWeight: try file.floats(prefix + "output_norm.weight", count: hidden),
                    outputNormBias: try file.floats(prefix + "output_norm.bias", count: hidden)))
        }
        self.layers = layers
        headWeight = try file.floats("head.weight", count: 2 * hidden)
        headBias = try file.floats("head.bias", count: 2)
    }

    /// The two probabilities (crisis or above, emergency) for one window of token ids
    /// (`[CLS] … [SEP]`, at most `maxTokens`), and the pooled vector when asked for.
    public func probabilities(_ ids: [Int32], pooled: UnsafeMutableBufferPointer<Float>? = nil) -> (
        crisis: Double, emergency: Double
    ) {
        let tokens = min(ids.count, maxTokens)
        guard tokens > 0 else { return (0, 0) }
        return bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return (0, 0) }
            return forward(ids, tokens: tokens, file: base, pooled: pooled)
        }
    }

    private func forward(
        _ ids: [Int32], tokens: Int, file: UnsafeRawPointer, pooled: UnsafeMutableBufferPointer<Float>?
    ) -> (crisis: Double, emergency: Double) {
        let hidden = self.hidden
        let wide = 3 * hidden
        // One allocation for every buffer of this reading, each 64-byte aligned.
        let sizes = [
            tokens * hidden, tokens * wide, tokens * hidden, tokens * hidden, tokens * intermediateSize,
            tokens + 8, hidden, Self.panelRows * max(hidden, intermediateSize),
        ].map { ($0 + 15) / 16 * 16 }
        let scratch = UnsafeMutableRawPointer.allocate(
            byteCount: sizes.reduce(0, +) * MemoryLayout<Float>.stride, alignment: 64)
        defer { scratch.deallocate() }
        var cursor = scratch.bindMemory(to: Float.self, capacity: sizes.reduce(0, +))
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
        let panel = buffers[7]

        embed(ids, tokens: tokens, file: file, into: state)
        for layer in layers {
            for (part, matrix) in [layer.query, layer.key, layer.value].enumerated() {
                Self.product(
                    state, tokens: tokens, matrix, file: file, into: qkv + part * hidden, stride: wide,
                    panel: panel)
            }
            attend(qkv, tokens: tokens, scores: scores, into: context)
            Self.product(
                context, tokens: tokens, layer.attentionOutput, file: file, into: projected, stride: hidden,
                panel: panel)
            addAndNormalise(
                projected, into: state, tokens: tokens, weight: layer.attentionNormWeight,
                bias: layer.attentionNormBias)
            Self.product(
                state, tokens: tokens, layer.intermediate, file: file, into: wideBuffer,
                stride: intermediateSize, panel: panel)
            Self.gelu(wideBuffer, count: tokens * intermediateSize)
            Self.product(
                wideBuffer, tokens: tokens, layer.output, file: file, into: projected, stride: hidden,
                panel: panel)
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

    private func embed(
        _ ids: [Int32], tokens: Int, file: UnsafeRawPointer, into state: UnsafeMutablePointer<Float>
    ) {
        let hidden = self.hidden
        let words = (file + wordValues).assumingMemoryBound(to: Int8.self)
        let positions = file + self.positions
        for token in 0..<tokens {
            var id = Int(ids[token])
            if id < 0 || id >= vocabularySize { id = 0 }
            let scale = file.loadUnaligned(fromByteOffset: wordScales + id * 4, as: Float.self)
            let row = state + token * hidden
            for column in 0..<hidden {
                row[column] =
                    Float(words[id * hidden + column]) * scale
                    + positions.loadUnaligned(fromByteOffset: (token * hidden + column) * 4, as: Float.self)
                    + type0[column]
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

    /// GELU with the error function, as BERT uses it (``erf(_:)``, four values at a time).
    static func gelu(_ values: UnsafeMutablePointer<Float>, count: Int) {
        let inverseRoot2 = SIMD4<Float>(repeating: 0.707_106_781_186_547_6)
        var index = 0
        while index + 4 <= count {
            let raw = UnsafeMutableRawPointer(values + index)
            let x = raw.loadUnaligned(as: SIMD4<Float>.self)
            raw.storeBytes(of: 0.5 * x * (1 + erf(x * inverseRoot2)), as: SIMD4<Float>.self)
            index += 4
        }
        while index < count {
            let x = values[index]
            values[index] = 0.5 * x * (1 + erf(SIMD4<Float>(repeating: x * inverseRoot2[0]))[0])
            index += 1
        }
    }

    /// The error function in float32 as a rational approximation (the one Eigen and XLA use
    /// for `erf`), within a few float32 ulps of the exact value; saturates beyond ±4.
    @inline(__always)
    static func erf(_ value: SIMD4<Float>) -> SIMD4<Float> {
        let x = value.clamped(lowerBound: SIMD4(repeating: -4), upperBound: SIMD4(repeating: 4))
        let x2 = x * x
        var p = SIMD4<Float>(repeating: -2.726_142_258_013_06e-10)
        p = p * x2 + 2.770_681_424_959_02e-08
        p = p * x2 - 2.101_024_020_825_08e-06
        p = p * x2 - 5.692_506_394_623_46e-05
        p = p * x2 - 7.349_906_303_268_55e-04
        p = p * x2 - 2.954_599_808_540_25e-03
        p = p * x2 - 1.609_603_332_624_15e-02
        p *= x
        var q = SIMD4<Float>(repeating: -1.456_607_184_649_96e-05)
        q = q * x2 - 2.133_740_552_789_05e-04
        q = q * x2 - 1.682_826_974_382_03e-03
        q = q * x2 - 7.373_329_167_204_68e-03
        q = q * x2 - 1.426_473_905_141_89e-02
        return p / q
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

    // MARK: - Matrix products

    /// Output rows dequantised at a time into the panel.
    static let panelRows = 2
    /// Tokens whose inputs are swept per panel (their rows stay in the L2 cache).
    static let tokenChunk = 32

    /// `y[t][o] = bias[o] + scale[o] · Σ_i x[t][i] · q[o][i]` for the int8 matrix `q` read in
    /// place; `y` rows are `stride` floats apart. `panel` holds `panelRows × inputs` floats.
    ///
    /// Tokens are taken in chunks whose inputs stay in cache; for each pair of outputs the two
    /// int8 rows are widened to float32 once per chunk, then four tokens × two outputs are
    /// accumulated at a time in eight SIMD4 registers (a dot-product form: the weights are
    /// read in the file's output-major order, contiguously, and nothing is transposed).
    static func product(
        _ x: UnsafePointer<Float>, tokens: Int, _ matrix: QuantisedMatrix, file: UnsafeRawPointer,
        into y: UnsafeMutablePointer<Float>, stride: Int, panel: UnsafeMutablePointer<Float>
    ) {
        matrix.bias.withUnsafeBufferPointer { bias in
            guard let bias = bias.baseAddress else { return }
            product(
                x, tokens: tokens, inputs: matrix.inputs, outputs: matrix.outputs,
                values: (file + matrix.values).assumingMemoryBound(to: Int8.self),
                scales: file + matrix.scales,
                bias: bias, into: y, stride: stride, panel: panel)
        }
    }

    /// The product on raw pointers (`inputs` a multiple of 8, `outputs` even).
    static func product(
        _ x: UnsafePointer<Float>, tokens: Int, inputs: Int, outputs: Int, values: UnsafePointer<Int8>,
        scales: UnsafeRawPointer, bias: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>,
        stride: Int,
        panel: UnsafeMutablePointer<Float>
    ) {
        var first = 0
        while first < tokens {
            let end = min(tokens, first + tokenChunk)
            var output = 0
            while output < outputs {
                widen(values + output * inputs, into: panel, count: 2 * inputs)
                let scale0 = scales.loadUnaligned(fromByteOffset: output * 4, as: Float.self)
                let scale1 = scales.loadUnaligned(fromByteOffset: output * 4 + 4, as: Float.self)
                let bias0 = bias[output]
                let bias1 = bias[output + 1]
                var token = first
                while token + 4 <= end {
                    let sums = block(
                        x + token * inputs, x + (token + 1) * inputs, x + (token + 2) * inputs,
                        x + (token + 3) * inputs, panel, panel + inputs, count: inputs)
                    for row in 0..<4 {
                        let target = y + (token + row) * stride + output
                        target[0] = bias0 + scale0 * sums[2 * row]
                        target[1] = bias1 + scale1 * sums[2 * row + 1]
                    }
                    token += 4
                }
                while token < end {  // the last one to three tokens of the chunk
                    let sums = single(x + token * inputs, panel, panel + inputs, count: inputs)
                    let target = y + token * stride + output
                    target[0] = bias0 + scale0 * sums[0]
                    target[1] = bias1 + scale1 * sums[1]
                    token += 1
                }
                output += 2
            }
            first = end
        }
    }

    /// int8 → float32, eight at a time (`count` a multiple of 8).
    @inline(__always)
    private static func widen(
        _ source: UnsafePointer<Int8>, into target: UnsafeMutablePointer<Float>, count: Int
    ) {
        let from = UnsafeRawPointer(source)
        let to = UnsafeMutableRawPointer(target)
        var index = 0
        while index < count {
            let bytes = from.loadUnaligned(fromByteOffset: index, as: SIMD8<Int8>.self)
            to.storeBytes(
                of: SIMD8<Float>(SIMD8<Int32>(truncatingIfNeeded: bytes)), toByteOffset: index * 4,
                as: SIMD8<Float>.self)
            index &+= 8
        }
    }

    /// Dot products of four input rows with two weight rows: (x0·w0, x0·w1, x1·w0, …, x3·w1).
    @inline(__always)
    private static func block(
        _ x0: UnsafePointer<Float>, _ x1: UnsafePointer<Float>, _ x2: UnsafePointer<Float>,
        _ x3: UnsafePointer<Float>, _ w0: UnsafePointer<Float>, _ w1: UnsafePointer<Float>, count: Int
    ) -> SIMD8<Float> {
        var a00 = SIMD4<Float>()
        var a01 = SIMD4<Float>()
        var a10 = SIMD4<Float>()
        var a11 = SIMD4<Float>()
        var a20 = SIMD4<Float>()
        var a21 = SIMD4<Float>()
        var a30 = SIMD4<Float>()
        var a31 = SIMD4<Float>()
        let r0 = UnsafeRawPointer(x0)
        let r1 = UnsafeRawPointer(x1)
        let r2 = UnsafeRawPointer(x2)
        let r3 = UnsafeRawPointer(x3)
        let p0 = UnsafeRawPointer(w0)
        let p1 = UnsafeRawPointer(w1)
        var offset = 0
        let end = count * 4
        while offset < end {
            let v0 = p0.loadUnaligned(fromByteOffset: offset, as: SIMD4<Float>.self)
            let v1 = p1.loadUnaligned(fromByteOffset: offset, as: SIMD4<Float>.self)
            let u0 = r0.loadUnaligned(fromByteOffset: offset, as: SIMD4<Float>.self)
            a00 += u0 * v0
            a01 += u0 * v1
            let u1 = r1.loadUnaligned(fromByteOffset: offset, as: SIMD4<Float>.self)
            a10 += u1 * v0
            a11 += u1 * v1
            let u2 = r2.loadUnaligned(fromByteOffset: offset, as: SIMD4<Float>.self)
            a20 += u2 * v0
            a21 += u2 * v1
            let u3 = r3.loadUnaligned(fromByteOffset: offset, as: SIMD4<Float>.self)
            a30 += u3 * v0
            a31 += u3 * v1
            offset &+= 16
        }
        return SIMD8(
            a00.sum(), a01.sum(), a10.sum(), a11.sum(), a20.sum(), a21.sum(), a30.sum(), a31.sum())
    }

    /// Dot products of one input row with two weight rows.
    @inline(__always)
    private static func single(
        _ x: UnsafePointer<Float>, _ w0: UnsafePointer<Float>, _ w1: UnsafePointer<Float>, count: Int
    ) -> SIMD2<Float> {
        var a0 = SIMD4<Float>()
        var a1 = SIMD4<Float>()
        var b0 = SIMD4<Float>()
        var b1 = SIMD4<Float>()
        let r = UnsafeRawPointer(x)
        let p0 = UnsafeRawPointer(w0)
        let p1 = UnsafeRawPointer(w1)
        var offset = 0
        let end = count * 4
        while offset < end {
            let u = r.loadUnaligned(fromByteOffset: offset, as: SIMD4<Float>.self)
            let v = r.loadUnaligned(fromByteOffset: offset &+ 16, as: SIMD4<Float>.self)
            a0 += u * p0.loadUnaligned(fromByteOffset: offset, as: SIMD4<Float>.self)
            a1 += u * p1.loadUnaligned(fromByteOffset: offset, as: SIMD4<Float>.self)
            b0 += v * p0.loadUnaligned(fromByteOffset: offset &+ 16, as: SIMD4<Float>.self)
            b1 += v * p1.loadUnaligned(fromByteOffset: offset &+ 16, as: SIMD4<Float>.self)
            offset &+= 32
        }
        return SIMD2((a0 + b0).sum(), (a1 + b1).sum())
    }
}
