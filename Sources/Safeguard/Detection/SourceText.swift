/// The original message as UTF-8 with an index from Unicode-scalar offsets to byte offsets,
/// so the text of a signal is cut out in O(length of the signal).
struct SourceText {
    private let bytes: [UInt8]
    /// Byte offset of each scalar, plus one past the end; empty when every scalar is one byte
    /// (ASCII text, most chat messages), where a scalar offset is its byte offset.
    private let offsets: [Int32]
    /// Number of scalars.
    let scalarCount: Int

    static let empty = SourceText(bytes: [], offsets: [], scalarCount: 0)

    private init(bytes: [UInt8], offsets: [Int32], scalarCount: Int) {
        self.bytes = bytes
        self.offsets = offsets
        self.scalarCount = scalarCount
    }

    init(_ text: String) {
        let bytes = Array(text.utf8)
        self.bytes = bytes
        guard bytes.contains(where: { $0 >= 0x80 }) else {
            offsets = []
            scalarCount = bytes.count
            return
        }
        var offsets: [Int32] = []
        offsets.reserveCapacity(bytes.count + 1)
        for (index, byte) in bytes.enumerated() where byte & 0xC0 != 0x80 {
            offsets.append(Int32(index))
        }
        offsets.append(Int32(bytes.count))
        self.offsets = offsets
        scalarCount = offsets.count - 1
    }

    /// The text between two scalar offsets.
    func text(from start: Int, to end: Int) -> String {
        guard start < end, end <= scalarCount else { return "" }
        if offsets.isEmpty { return String(decoding: bytes[start..<end], as: UTF8.self) }
        return String(decoding: bytes[Int(offsets[start])..<Int(offsets[end])], as: UTF8.self)
    }
}
