/// Maps positions in the folded byte buffer back to Unicode-scalar offsets of the original text.
///
/// Most scalars fold to exactly one byte, so the map stores only anchors where that stops being
/// true (a scalar dropped, or expanded like `😭` → ` xsobbing `) instead of one offset per byte.
/// Lookups must come in non-decreasing order (the tokeniser's order); each is amortised O(1).
struct OffsetMap {
    private struct Anchor {
        var unit: Int32
        var scalar: Int32
        /// Bytes the scalar at `scalar` expanded to (0: one byte per scalar from here on).
        var span: Int32
    }

    /// The anchors after the first (byte 0 is scalar 0, one byte per scalar from there), which is
    /// implied: a message that folds byte for byte (ASCII) allocates nothing.
    private var anchors: [Anchor] = []
    /// The anchor in use: 0 is the implied first, `n` is `anchors[n - 1]`.
    private var cursor = 0

    @inline(__always)
    private func anchor(_ index: Int) -> Anchor {
        index == 0 ? Anchor(unit: 0, scalar: 0, span: 0) : anchors[index - 1]
    }

    /// Records that scalar `scalar` folded to `count` bytes starting at byte `unit`.
    @inline(__always)
    mutating func record(scalar: Int32, unit: Int32, count: Int32) {
        if count == 1 { return }
        if count > 1 { anchors.append(Anchor(unit: unit, scalar: scalar, span: count)) }
        anchors.append(Anchor(unit: unit + count, scalar: scalar + 1, span: 0))
    }

    /// The scalar offset a byte came from.
    @inline(__always)
    mutating func scalar(at unit: Int32) -> Int32 {
        if anchors.isEmpty { return unit }
        if unit < anchor(cursor).unit { cursor = 0 }
        while cursor < anchors.count && anchors[cursor].unit <= unit { cursor += 1 }
        let current = anchor(cursor)
        return current.span > 0 ? current.scalar : current.scalar + (unit - current.unit)
    }
}
