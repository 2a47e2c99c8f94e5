import Testing

@testable import Safeguard

@Suite struct NormaliserTests {
    private func words(_ text: String) -> [String] {
        guard let lexicon = TestEngine.lexicon else {
            Issue.record("the lexicon did not load")
            return []
        }
        return lexicon.normaliser.normalise(text).words
    }

    @Test func foldsCaseAndCompatibilityForms() {
        #expect(words("I WANT TO DIE") == ["i", "want", "to", "die"])
        #expect(words("ｋｉｌｌ ｍｙｓｅｌｆ") == ["kill", "myself"])
        #expect(words("𝐤𝐢𝐥𝐥 myself") == ["kill", "myself"])
    }

    @Test func readsHomoglyphs() {
        // Cyrillic і, ѕ, с, а, Greek ο.
        #expect(words("ѕuісіdаl") == ["suicidal"])
        #expect(words("kill mysеlf") == ["kill", "myself"])
    }

    @Test func readsLeetspeak() {
        #expect(words("k1ll mys3lf") == ["kill", "myself"])
        #expect(words("$uicidal") == ["suicidal"])
        #expect(words("s3lf h4rm") == ["self", "harm"])
        #expect(words("sui*cidal") == ["suicidal"])
        #expect(words("k!ll") == ["kill"])
    }

    @Test func mergesSpacedDottedAndDashedLetters() {
        #expect(words("k i l l myself") == ["kill", "myself"])
        #expect(words("k.i.l.l myself") == ["kill", "myself"])
        #expect(words("s-u-i-c-i-d-a-l") == ["suicidal"])
        #expect(words("k i l l m y s e l f") == ["kill", "myself"])
    }

    @Test func leavesOrdinarySingleLettersAlone() {
        #expect(words("a b c") == ["a", "b", "c"])
    }

    @Test func foldsStretchedLetters() {
        #expect(words("diiiieee") == ["die"])
        #expect(words("killlll") == ["kill"])
    }

    @Test func expandsContractionsWithAndWithoutApostrophes() {
        #expect(words("don’t") == ["do", "not"])
        #expect(words("dont") == ["do", "not"])
        #expect(words("i can't") == ["i", "can", "not"])
        #expect(words("won't") == ["will", "not"])
        #expect(words("i'm") == ["i", "am"])
        #expect(words("wanna") == ["want", "to"])
    }

    @Test func correctsCommonMisspellings() {
        #expect(words("sucidal") == ["suicidal"])
        #expect(words("suiside") == ["suicide"])
        #expect(words("myslef") == ["myself"])
        #expect(words("thinkin") == ["thinking"])
    }

    @Test func readsEmojiWithMeaning() {
        #expect(words("💊") == ["pills"])
        #expect(words("⚰️") == ["coffin"])
        #expect(words("🔪🩸") == ["knife", "blood"])
    }

    @Test func mapsSpansBackToOriginalScalars() throws {
        let lexicon = try #require(TestEngine.lexicon)
        let text = "😭 k.i.l.l myself"
        let normalised = lexicon.normaliser.normalise(text)
        let kill = try #require(normalised.tokens.first { lexicon.normaliser.table.text($0.id) == "kill" })
        #expect(kill.start == 2)
        #expect(kill.end == 9)
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[Int(kill.start)..<Int(kill.end)])) == "k.i.l.l")
    }

    @Test func marksSentenceAndClauseBoundaries() throws {
        let lexicon = try #require(TestEngine.lexicon)
        let tokens = lexicon.normaliser.normalise("fine, thanks. you?").tokens
        #expect(tokens.map(\.breakBefore) == [0, 1, 2])
    }
}
