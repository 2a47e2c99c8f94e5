/// The original message as UTF-8 with an index from Unicode-scalar offsets to byte offsets,
/// so the text of a signal is cut out in O(length of the signal).
struct SourceText {
    private let bytes: [UInt8]
    /// Byte offset of each scalar, plus one past the end.
    private let offsets: [Int32]

    static let empty = SourceText(bytes: [], offsets: [0])

    private init(bytes: [UInt8], offsets: [Int32]) {
        self.bytes = bytes
        self.offsets = offsets
    }

    init(_ text: String) {
        let bytes = Array(text.utf8)
        var offsets: [Int32] = []
        offsets.reserveCapacity(bytes.count + 1)
        for (index, byte) in bytes.enumerated() where byte & 0xC0 != 0x80 {
            offsets.append(Int32(index))
        }
        offsets.append(Int32(bytes.count))
        self.bytes = bytes
        self.offsets = offsets
    }

    /// Number of scalars.
    var scalarCount: Int { offsets.count - 1 }

    /// The text between two scalar offsets.
    func text(from start: Int, to end: Int) -> String {
        guard start < end, end < offsets.count else { return "" }
        return String(decoding: bytes[Int(offsets[start])..<Int(offsets[end])], as: UTF8.self)
    }
}
