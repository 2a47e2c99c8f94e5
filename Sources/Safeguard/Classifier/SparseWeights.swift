/// The n-gram model's weights by bucket, holding only the non-zero ones.
///
/// A bit per bucket says which buckets have a weight; a weight's place among the stored ones is
/// the number of set bits before its bucket (a running count per 64 buckets plus one popcount).
/// The dense table was 2 MB of anonymous memory (one `Double` per bucket, most of them zero);
/// this keeps the non-zero weights, the 32 KB of bits (already read first on the scoring path)
/// and 16 KB of counts. Reads give exactly the dense table's values.
struct SparseWeights: Sendable {
    /// Number of buckets.
    let count: Int
    private let present: [UInt64]
    /// Set bits in `present` before each of its words.
    private let before: [UInt32]
    /// The non-zero weights in bucket order.
    private let values: [Double]

    init(dense: [Double]) {
        count = dense.count
        var present = [UInt64](repeating: 0, count: (dense.count + 63) / 64)
        var values: [Double] = []
        for (bucket, weight) in dense.enumerated() where weight != 0 {
            present[bucket >> 6] |= 1 << UInt64(bucket & 63)
            values.append(weight)
        }
        var before = [UInt32](repeating: 0, count: present.count)
        var running: UInt32 = 0
        for (index, word) in present.enumerated() {
            before[index] = running
            running += UInt32(word.nonzeroBitCount)
        }
        self.present = present
        self.before = before
        self.values = values
    }

    /// Number of non-zero weights.
    var nonZeroCount: Int { values.count }

    /// The weight of a bucket (0 when it has none).
    subscript(bucket: Int) -> Double {
        guard bucket >= 0, bucket < count else { return 0 }
        return withLookup { $0.weight(bucket) ?? 0 }
    }

    /// Every bucket's weight, dense (for writing the artefact and for tests).
    var dense: [Double] {
        var result = [Double](repeating: 0, count: count)
        var next = 0
        for (index, word) in present.enumerated() {
            var rest = word
            while rest != 0 {
                result[index << 6 + rest.trailingZeroBitCount] = values[next]
                next += 1
                rest &= rest - 1
            }
        }
        return result
    }

    /// The tables seen through unsafe pointers, valid only inside ``withLookup(_:)`` (a struct
    /// the scoring loop calls directly: a closure per feature was not inlined).
    struct Lookup {
        fileprivate let present: UnsafeBufferPointer<UInt64>
        fileprivate let before: UnsafeBufferPointer<UInt32>
        fileprivate let values: UnsafeBufferPointer<Double>

        /// A bucket's weight, or `nil` when it has none (buckets must be below `count`).
        @inline(__always)
        func weight(_ bucket: Int) -> Double? {
            let word = present[bucket >> 6]
            let bit = UInt64(1) << UInt64(bucket & 63)
            guard word & bit != 0 else { return nil }
            return values[Int(before[bucket >> 6]) + (word & (bit &- 1)).nonzeroBitCount]
        }
    }

    /// Calls `body` with a ``Lookup`` over the tables.
    @inline(__always)
    func withLookup<Result>(_ body: (Lookup) -> Result) -> Result {
        present.withUnsafeBufferPointer { present in
            before.withUnsafeBufferPointer { before in
                values.withUnsafeBufferPointer { values in
                    body(Lookup(present: present, before: before, values: values))
                }
            }
        }
    }
}
