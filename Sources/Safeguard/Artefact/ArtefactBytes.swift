/// Little-endian writer for the precompiled safeguard artefact (``SafeguardArtefact``).
struct ArtefactWriter {
    private(set) var bytes: [UInt8] = []

    mutating func u8(_ value: UInt8) { bytes.append(value) }

    mutating func u32(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func u64(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func int(_ value: Int) { u64(UInt64(bitPattern: Int64(value))) }

    mutating func double(_ value: Double) { u64(value.bitPattern) }

    mutating func bool(_ value: Bool) { u8(value ? 1 : 0) }

    mutating func data(_ value: [UInt8]) {
        u32(UInt32(value.count))
        bytes.append(contentsOf: value)
    }

    mutating func string(_ value: String) { data(Array(value.utf8)) }

    mutating func optionalString(_ value: String?) {
        bool(value != nil)
        if let value { string(value) }
    }

    mutating func int32s(_ values: [Int32]) {
        u32(UInt32(values.count))
        bytes.reserveCapacity(bytes.count + values.count * 4)
        for value in values { u32(UInt32(bitPattern: value)) }
    }

    mutating func u32s(_ values: [UInt32]) {
        u32(UInt32(values.count))
        for value in values { u32(value) }
    }

    /// A table of plain values as they lie in memory (little-endian, no padding inside an
    /// element), after its count and zeros up to a multiple of 8 bytes from the payload's start,
    /// so a reader can view it in place in a mapped file.
    mutating func table<Element: BitwiseCopyable>(_ values: some Collection<Element>) {
        u32(UInt32(values.count))
        while bytes.count % 8 != 0 { bytes.append(0) }
        for value in values {
            withUnsafeBytes(of: value) { bytes.append(contentsOf: $0) }
        }
    }
}

/// Why an artefact could not be read: it is then ignored and the text sources compiled instead.
public struct ArtefactError: Error, CustomStringConvertible, Sendable {
    public var description: String
    init(_ description: String) { self.description = description }
}

/// Bounds-checked little-endian reader: every count is checked against the bytes left before
/// anything is allocated, so a corrupt or hostile file is an ``ArtefactError``, never a crash or a
/// huge allocation.
struct ArtefactReader {
    private let bytes: UnsafeRawBufferPointer
    private(set) var offset = 0
    /// What `bytes` lie in, when tables may be viewed in place rather than copied.
    private let owner: PinnedBytes?

    init(_ bytes: UnsafeRawBufferPointer, owner: PinnedBytes? = nil) {
        self.bytes = bytes
        self.owner = owner
    }

    var isAtEnd: Bool { offset == bytes.count }

    private mutating func take(_ count: Int) throws(ArtefactError) -> Int {
        guard count >= 0, count <= bytes.count - offset else { throw ArtefactError("truncated") }
        let start = offset
        offset += count
        return start
    }

    mutating func u8() throws(ArtefactError) -> UInt8 { bytes[try take(1)] }

    mutating func u32() throws(ArtefactError) -> UInt32 {
        let start = try take(4)
        return UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: start, as: UInt32.self))
    }

    mutating func u64() throws(ArtefactError) -> UInt64 {
        let start = try take(8)
        return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: start, as: UInt64.self))
    }

    mutating func int() throws(ArtefactError) -> Int {
        let value = Int64(bitPattern: try u64())
        guard value >= Int64(Int32.min), value <= Int64(Int32.max) else {
            throw ArtefactError("value out of range")
        }
        return Int(value)
    }

    mutating func double() throws(ArtefactError) -> Double { Double(bitPattern: try u64()) }

    mutating func bool() throws(ArtefactError) -> Bool {
        switch try u8() {
        case 0: return false
        case 1: return true
        default: throw ArtefactError("bad flag")
        }
    }

    /// A count of items of `size` bytes each, checked against what is left.
    mutating func count(itemSize: Int) throws(ArtefactError) -> Int {
        let count = Int(try u32())
        guard count <= (bytes.count - offset) / max(1, itemSize) else {
            throw ArtefactError("count out of range")
        }
        return count
    }

    mutating func data() throws(ArtefactError) -> [UInt8] {
        let count = try count(itemSize: 1)
        let start = try take(count)
        return Array(bytes[start..<start + count])
    }

    mutating func string() throws(ArtefactError) -> String {
        guard let text = String(validating: try data(), as: UTF8.self) else {
            throw ArtefactError("bad text")
        }
        return text
    }

    mutating func optionalString() throws(ArtefactError) -> String? {
        try bool() ? try string() : nil
    }

    mutating func int32s() throws(ArtefactError) -> [Int32] {
        let count = try count(itemSize: 4)
        let start = try take(count * 4)
        var values = [Int32](repeating: 0, count: count)
        values.withUnsafeMutableBytes { target in
            target.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[start..<start + count * 4]))
        }
        #if _endian(big)
            for index in values.indices { values[index] = Int32(littleEndian: values[index]) }
        #endif
        return values
    }

    mutating func u32s() throws(ArtefactError) -> [UInt32] {
        try int32s().map { UInt32(bitPattern: $0) }
    }

    /// A table written by ``ArtefactWriter/table(_:)``: a view into the owner's bytes when they
    /// are aligned for it, else a copy.
    mutating func table<Element: BitwiseCopyable>(_ type: Element.Type) throws(ArtefactError)
        -> ReadOnlyTable<Element>
    {
        let count = Int(try u32())
        _ = try take((8 - offset % 8) % 8)
        let stride = MemoryLayout<Element>.stride
        guard count <= (bytes.count - offset) / stride else { throw ArtefactError("count out of range") }
        let start = try take(count * stride)
        if let owner, let base = bytes.baseAddress, let ownerBase = owner.bytes.baseAddress,
            Int(bitPattern: base + start) % MemoryLayout<Element>.alignment == 0
        {
            return ReadOnlyTable(owner: owner, byteOffset: base + start - ownerBase, count: count)
        }
        var values: [Element] = []
        values.reserveCapacity(count)
        for index in 0..<count {
            values.append(bytes.loadUnaligned(fromByteOffset: start + index * stride, as: Element.self))
        }
        return ReadOnlyTable(values)
    }

    /// A raw-value enum written as its string.
    mutating func value<T: RawRepresentable>(_ type: T.Type) throws(ArtefactError) -> T
    where T.RawValue == String {
        guard let value = T(rawValue: try string()) else { throw ArtefactError("unknown \(T.self)") }
        return value
    }
}
