import Testing
import WaymarkTesting

@testable import Safeguard

@Suite("The model's sparse weights")
struct SparseWeightsTests {
    /// Random dense tables (mostly zero, some runs, some full words of weights, odd sizes): every
    /// bucket reads back exactly, through the subscript, the scoring lookup and `dense`.
    @Test func readsBackEveryBucketOfRandomTables() throws {
        var generator = SeededGenerator(seed: 14)
        for size in [1, 63, 64, 65, 1000, 4096, 70_001] {
            var dense = [Double](repeating: 0, count: size)
            for bucket in 0..<size where Int.random(in: 0..<10, using: &generator) < 3 {
                dense[bucket] = Double.random(in: -3...3, using: &generator)
            }
            if size >= 128 {
                for bucket in 64..<128 { dense[bucket] = Double(bucket) / 7 }
            }
            let weights = SparseWeights(dense: dense)
            #expect(weights.count == size)
            #expect(weights.nonZeroCount == dense.filter { $0 != 0 }.count)
            #expect(weights.dense == dense)
            let misread = (0..<size).first { weights[$0] != dense[$0] }
            #expect(misread == nil, "bucket \(misread ?? -1) of \(size)")
            let looked = weights.withLookup { lookup in (0..<size).map { lookup.weight($0) } }
            let mislooked = (0..<size).first { looked[$0] != (dense[$0] == 0 ? nil : dense[$0]) }
            #expect(mislooked == nil, "bucket \(mislooked ?? -1) of \(size)")
            #expect(weights[-1] == 0)
            #expect(weights[size] == 0)
        }
    }
}
