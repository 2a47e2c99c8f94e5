import Testing

@testable import Safeguard

/// The hot path keeps sets of roles and categories as bits, at positions written out by hand in
/// `SignalRole.position` and `RiskCategory.position`; they must be the order of declaration
/// (which `<` and the output order promise) and distinct, or two roles would share a bit.
@Suite struct DeclarationOrderTests {
    @Test func rolePositionsAreTheOrderOfDeclaration() {
        for (offset, role) in SignalRole.allCases.enumerated() {
            #expect(role.position == offset, "\(role)")
        }
        #expect(SignalRole.allCases.count <= 32, "RoleSet holds 32 roles")
    }

    @Test func categoryPositionsAreTheOrderOfDeclaration() {
        for (offset, category) in RiskCategory.allCases.enumerated() {
            #expect(category.position == offset, "\(category)")
        }
        #expect(RiskCategory.ordered == RiskCategory.allCases)
        #expect(RiskCategory.allCases.count <= 16, "CategorySet holds 16 categories")
    }

    /// The shared UTF-8 decoder gives Swift's own scalars, for every length of encoding.
    @Test func utf8ScalarsDecodeAsSwiftDecodesThem() {
        var text = "plain ascii, é ß ñ, — “ ” € 中文 テスト, 😂 🏴󠁧󠁢󠁳󠁣󠁴󠁿 \u{10FFFF}"
        var decoded: [UInt32] = []
        text.withUTF8 { bytes in
            var position = 0
            while position < bytes.count {
                let (value, length) = UTF8Scalar.decode(bytes, at: position)
                decoded.append(value)
                position += length
            }
        }
        #expect(decoded == text.unicodeScalars.map(\.value))
    }
}
