#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Read-only bytes that stay valid while this object lives: a file mapped read-only (its pages
/// are the file's, shared and dropped under memory pressure, not the process's own heap) or a
/// heap copy.
public final class PinnedBytes: @unchecked Sendable {
    /// The bytes (never written through).
    public let bytes: UnsafeRawBufferPointer
    private let mapped: Bool

    /// Maps the first `length` bytes of an open file read-only. The caller keeps the file from
    /// being changed in place (the safeguard cache only ever renames whole new files into place).
    public init?(mapping descriptor: Int32, length: Int) {
        guard length > 0 else { return nil }
        let address = mmap(nil, length, PROT_READ, MAP_PRIVATE, descriptor, 0)
        guard let address, address != MAP_FAILED else { return nil }
        bytes = UnsafeRawBufferPointer(start: UnsafeRawPointer(address), count: length)
        mapped = true
    }

    /// A heap copy of `source`, aligned for any table element.
    public init(copying source: UnsafeRawBufferPointer) {
        let copy = UnsafeMutableRawPointer.allocate(byteCount: max(1, source.count), alignment: 16)
        if let base = source.baseAddress, source.count > 0 {
            copy.copyMemory(from: base, byteCount: source.count)
        }
        bytes = UnsafeRawBufferPointer(start: copy, count: source.count)
        mapped = false
    }

    /// Whether the bytes are a mapped file rather than a heap copy.
    public var isMapped: Bool { mapped }

    deinit {
        guard let base = bytes.baseAddress else { return }
        if mapped {
            munmap(UnsafeMutableRawPointer(mutating: base), bytes.count)
        } else {
            base.deallocate()
        }
    }
}

/// A read-only table of plain values, either owned or viewed in place inside ``PinnedBytes``
/// (a mapped precompiled artefact), so the matching tables of a loaded lexicon need not be
/// copied onto the heap. Reads are bounds-checked like an array's.
struct ReadOnlyTable<Element: BitwiseCopyable>: RandomAccessCollection, @unchecked Sendable {
    private let owner: PinnedBytes
    private let base: UnsafePointer<Element>
    let count: Int

    /// A table holding a copy of `elements`.
    init(_ elements: [Element]) {
        let owner = elements.withUnsafeBytes { PinnedBytes(copying: $0) }
        self.init(owner: owner, byteOffset: 0, count: elements.count)
    }

    /// A view of `count` elements at `byteOffset` in `owner` (aligned for `Element`, in bounds).
    init(owner: PinnedBytes, byteOffset: Int, count: Int) {
        precondition(count >= 0 && byteOffset >= 0)
        precondition(byteOffset + count * MemoryLayout<Element>.stride <= owner.bytes.count)
        let address = owner.bytes.baseAddress! + byteOffset
        precondition(Int(bitPattern: address) % MemoryLayout<Element>.alignment == 0)
        self.owner = owner
        self.base = address.assumingMemoryBound(to: Element.self)
        self.count = count
    }

    /// Whether this table reads a mapped file in place (no copy of its own).
    var isMappedView: Bool { owner.isMapped }

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    @inline(__always)
    subscript(position: Int) -> Element {
        precondition(UInt(bitPattern: position) < UInt(bitPattern: count), "table index out of range")
        return base[position]
    }

    /// Calls `body` with the elements (valid only inside the call).
    @inline(__always)
    func withUnsafeBufferPointer<Result>(_ body: (UnsafeBufferPointer<Element>) throws -> Result) rethrows
        -> Result
    {
        try withExtendedLifetime(owner) { try body(UnsafeBufferPointer(start: base, count: count)) }
    }
}
