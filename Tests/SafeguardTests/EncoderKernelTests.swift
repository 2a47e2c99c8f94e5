import Foundation
import Testing

@testable import Safeguard

/// The encoder's arithmetic kernels against plain reference arithmetic: the int8 matrix product
/// read in place (every block shape, chunk boundary and tail), and the error function in GELU.
@Suite struct EncoderKernelTests {
    /// A fixed-seed generator, so a failure can be reproduced.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state ^ (state >> 29)
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5, 7, 8, 31, 32, 33, 37, 70])
    func theQuantisedProductMatchesAPlainProduct(tokens: Int) {
        var random = SeededGenerator(state: UInt64(tokens))
        let inputs = 48
        let outputs = 6
        let stride = outputs + 3
        let x = (0..<(tokens * inputs)).map { _ in Float.random(in: -2...2, using: &random) }
        let values = (0..<(outputs * inputs)).map { _ in Int8.random(in: -127...127, using: &random) }
        let scales = (0..<outputs).map { _ in Float.random(in: 0.001...0.02, using: &random) }
        let bias = (0..<outputs).map { _ in Float.random(in: -1...1, using: &random) }
        var y = [Float](repeating: .nan, count: tokens * stride)
        var panel = [Float](repeating: 0, count: TransformerEncoder.panelRows * inputs)
        x.withUnsafeBufferPointer { x in
            values.withUnsafeBufferPointer { values in
                scales.withUnsafeBytes { scales in
                    bias.withUnsafeBufferPointer { bias in
                        y.withUnsafeMutableBufferPointer { y in
                            panel.withUnsafeMutableBufferPointer { panel in
                                TransformerEncoder.product(
                                    x.baseAddress!, tokens: tokens, inputs: inputs, outputs: outputs,
                                    values: values.baseAddress!, scales: scales.baseAddress!,
                                    bias: bias.baseAddress!, into: y.baseAddress!, stride: stride,
                                    panel: panel.baseAddress!)
                            }
                        }
                    }
                }
            }
        }
        var worst = 0.0
        for token in 0..<tokens {
            for output in 0..<outputs {
                var sum = 0.0
                for input in 0..<inputs {
                    sum += Double(x[token * inputs + input]) * Double(values[output * inputs + input])
                }
                let expected = Double(bias[output]) + Double(scales[output]) * sum
                worst = max(worst, abs(Double(y[token * stride + output]) - expected))
            }
            // Columns past the outputs are the caller's and stay untouched.
            let untouched = y[(token * stride + outputs)..<(token * stride + stride)].allSatisfy { $0.isNaN }
            #expect(untouched)
        }
        #expect(worst < 1e-4, "largest difference \(worst)")
    }

    @Test func theErrorFunctionFollowsTheExactOne() {
        var worst = 0.0
        for step in -6_000...6_000 {
            let x = Float(step) / 1_000
            let approximate = TransformerEncoder.erf(SIMD4(repeating: x))[0]
            worst = max(worst, abs(Double(approximate) - Foundation.erf(Double(x))))
        }
        #expect(worst < 1e-6, "largest difference \(worst)")
    }

    @Test func geluCoversEveryValueIncludingATail() {
        let inputs: [Float] = [-5, -1.5, -0.25, 0, 0.3, 1, 2.5, 7, -0.01, 0.5, 3]
        var values = inputs
        values.withUnsafeMutableBufferPointer { TransformerEncoder.gelu($0.baseAddress!, count: $0.count) }
        for (x, y) in zip(inputs, values) {
            let exact = 0.5 * Double(x) * (1 + Foundation.erf(Double(x) / 2.0.squareRoot()))
            #expect(abs(Double(y) - exact) < 1e-5, "gelu(\(x)) = \(y), expected \(exact)")
        }
    }
}
