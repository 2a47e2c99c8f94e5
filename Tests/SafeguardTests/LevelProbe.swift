import Safeguard
import Testing

/// A probe for the lexicon: a message, the level it must get and the categories it must include.
struct LevelProbe: Sendable, CustomTestStringConvertible {
    let text: String
    let level: RiskLevel
    let categories: [RiskCategory]

    var testDescription: String { text }

    /// Checks the probe against the repository's lexicon.
    func check() throws {
        let assessment = try #require(TestEngine.engine).assess(text)
        #expect(assessment.level == level, "\(text): \(assessment.level)")
        for category in categories {
            #expect(assessment.categories.contains(category), "\(text): \(assessment.categories)")
        }
    }
}
