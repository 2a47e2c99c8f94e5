import Foundation

/// Reads `resources/safeguard/encoder/encoder.bin`, written by `Scripts/model/encoder/model.py`.
///
/// Layout: the 8 bytes `WMENC001`, a little-endian UInt32 header length, the JSON header, zero
/// padding to a multiple of 64 bytes; then the tensors, each at `offset` bytes after that point.
/// `int8rows` tensors hold int8 values row by row with a float32 scale per row (at `scales`);
/// `f32` tensors hold little-endian float32 values.
struct EncoderModelFile: Sendable {
    struct Header: Decodable, Sendable {
        var format: String
        var layers: Int
        var hidden: Int
        var heads: Int
        var intermediate: Int
        var vocabulary: Int
        var positions: Int
        var layerNormEps: Double
        var maxTokens: Int
        var stride: Int
        var maxWindows: Int
        var scale: Double
        var tensors: [Tensor]

        enum CodingKeys: String, CodingKey {
            case format, layers, hidden, heads, intermediate, vocabulary, positions, stride, scale, tensors
            case layerNormEps = "layer_norm_eps"
            case maxTokens = "max_tokens"
            case maxWindows = "max_windows"
        }
    }

    struct Tensor: Decodable, Sendable {
        var name: String
        var kind: String
        var shape: [Int]
        var offset: Int
        var scales: Int?
    }

    static let magic = Array("WMENC001".utf8)
    static let alignment = 64

    let header: Header
    private let data: Data
    private let dataStart: Int
    private let tensors: [String: Tensor]

    init(data: Data) throws(EncoderError) {
        let bytes = [UInt8](data.prefix(12))
        guard bytes.count == 12, Array(bytes[0..<8]) == Self.magic else {
            throw .invalidModelFile("not a Waymark encoder file")
        }
        let length = Int(bytes[8]) | Int(bytes[9]) << 8 | Int(bytes[10]) << 16 | Int(bytes[11]) << 24
        guard length > 0, 12 + length <= data.count else { throw .invalidModelFile("truncated header") }
        let headerData = data.subdata(in: (data.startIndex + 12)..<(data.startIndex + 12 + length))
        do {
            header = try JSONDecoder().decode(Header.self, from: headerData)
        } catch {
            throw .invalidModelFile("unreadable header (\(error))")
        }
        guard header.format == "waymark-encoder-1" else {
            throw .invalidModelFile("unknown format \(header.format)")
        }
        guard header.hidden > 0, header.heads > 0, header.hidden % header.heads == 0, header.hidden % 16 == 0,
            header.intermediate % 16 == 0, header.layers > 0, header.maxTokens >= 8,
            header.maxTokens <= header.positions, header.stride > 0, header.maxWindows > 0
        else { throw .invalidModelFile("inconsistent dimensions") }
        let unpadded = 12 + length
        dataStart = unpadded + (Self.alignment - unpadded % Self.alignment) % Self.alignment
        self.data = data
        var table: [String: Tensor] = [:]
        for tensor in header.tensors { table[tensor.name] = tensor }
        tensors = table
    }

    /// A float32 tensor with the expected number of values.
    func floats(_ name: String, count: Int) throws(EncoderError) -> [Float] {
        guard let tensor = tensors[name], tensor.kind == "f32", tensor.shape.reduce(1, *) == count else {
            throw .invalidModelFile("missing or mis-shaped tensor \(name)")
        }
        return try readFloats(at: tensor.offset, count: count, name: name)
    }

    /// Where an int8 tensor of `rows` × `columns` and its per-row float32 scales lie in the
    /// file's bytes (byte offsets from the start of the file), checked to lie inside it.
    func quantisedLocation(_ name: String, rows: Int, columns: Int) throws(EncoderError) -> (
        values: Int, scales: Int
    ) {
        guard let tensor = tensors[name], tensor.kind == "int8rows", tensor.shape == [rows, columns],
            let scalesOffset = tensor.scales
        else { throw .invalidModelFile("missing or mis-shaped tensor \(name)") }
        let values = dataStart + tensor.offset
        let scales = dataStart + scalesOffset
        guard tensor.offset >= 0, scalesOffset >= 0, values + rows * columns <= data.count,
            scales + rows * 4 <= data.count
        else { throw .invalidModelFile("tensor \(name) runs past the end of the file") }
        return (values, scales)
    }

    /// Where a float32 tensor with the expected number of values lies (byte offset from the
    /// start of the file), checked to lie inside it.
    func floatLocation(_ name: String, count: Int) throws(EncoderError) -> Int {
        guard let tensor = tensors[name], tensor.kind == "f32", tensor.shape.reduce(1, *) == count else {
            throw .invalidModelFile("missing or mis-shaped tensor \(name)")
        }
        let start = dataStart + tensor.offset
        guard tensor.offset >= 0, start + count * 4 <= data.count else {
            throw .invalidModelFile("tensor \(name) runs past the end of the file")
        }
        return start
    }

    private func readFloats(at offset: Int, count: Int, name: String) throws(EncoderError) -> [Float] {
        let start = dataStart + offset
        guard offset >= 0, start + count * 4 <= data.count else {
            throw .invalidModelFile("tensor \(name) runs past the end of the file")
        }
        return data.withUnsafeBytes { raw in
            (0..<count).map { index in
                Float(
                    bitPattern: UInt32(
                        littleEndian: raw.loadUnaligned(fromByteOffset: start + index * 4, as: UInt32.self)))
            }
        }
    }
}
