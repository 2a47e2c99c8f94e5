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

    private var anchors: [Anchor] = [Anchor(unit: 0, scalar: 0, span: 0)]
    private var cursor = 0

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
        if unit < anchors[cursor].unit { cursor = 0 }
        while cursor + 1 < anchors.count && anchors[cursor + 1].unit <= unit { cursor += 1 }
        let anchor = anchors[cursor]
        return anchor.span > 0 ? anchor.scalar : anchor.scalar + (unit - anchor.unit)
    }
}
