import Foundation
import Testing

@testable import Safeguard

@Suite struct LexiconTests {
    private func lexicon(_ rules: String, classes: String = "") throws -> Lexicon {
        try Lexicon(files: ["rules.txt": Data(rules.utf8), "classes.txt": Data(classes.utf8)], requiring: [])
    }

    private func rules(_ lexicon: Lexicon, _ text: String) -> [String] {
        SafeguardEngine(lexicon: lexicon).assess(text).signals.map(\.rule)
    }

    /// Alternations expand into copies of the same tail; the compiled trie merges them (a
    /// minimal automaton) and every alternative still matches with its own span.
    @Test func sharedTailsAreMergedAndStillMatch() throws {
        let lexicon = try lexicon(
            """
            rule test.tail category=suicide level=crisis role=ideation
            {really|truly|honestly|just} {want|wish|need} to {die|be gone|not exist}
            """)
        // 4 × 3 alternatives would need 12 copies of each tail without merging.
        #expect(lexicon.trie.nodeCount < 16)
        for (text, span) in [
            ("i really want to die", "really want to die"),
            ("honestly need to be gone", "honestly need to be gone"),
            ("oh just wish to not exist", "just wish to not exist"),
        ] {
            let signal = SafeguardEngine(lexicon: lexicon).assess(text).signals.first
            #expect(signal?.rule == "test.tail", "\(text)")
            #expect(signal?.text == span, "\(text)")
        }
        #expect(rules(lexicon, "i want to die").isEmpty)
    }

    @Test func theRepositoryLexiconLoads() throws {
        let lexicon = try #require(TestEngine.lexicon)
        #expect(lexicon.rules.count > 100)
        #expect(Set(lexicon.rules.map(\.id)).count == lexicon.rules.count)
    }

    @Test func alternativesOptionalWordsAndGaps() throws {
        let lexicon = try lexicon(
            """
            rule test.alt category=suicide level=crisis role=ideation
            want to {die|be dead}
            better off {without me|if i was gone}
            really? sad
            taken ~2 @pills
            """, classes: "@pills = tablets pills")
        #expect(rules(lexicon, "i want to be dead") == ["test.alt"])
        #expect(rules(lexicon, "better off if i was gone") == ["test.alt"])
        #expect(rules(lexicon, "so sad") == ["test.alt"])
        #expect(rules(lexicon, "taken all my tablets") == ["test.alt"])
        #expect(rules(lexicon, "taken the big blue tablets").isEmpty)
    }

    @Test func matchesWholeWordsOnly() throws {
        let lexicon = try lexicon("rule test.kill level=crisis role=ideation\nkill")
        #expect(rules(lexicon, "kill").count == 1)
        #expect(rules(lexicon, "skilled killer overkill").isEmpty)
    }

    @Test func boundaryAnchor() throws {
        let lexicon = try lexicon("rule test.enough level=crisis role=ideation\nhad enough $")
        #expect(rules(lexicon, "i've had enough.").count == 1)
        #expect(rules(lexicon, "i've had enough of this rain").isEmpty)
    }

    /// A pattern word that normalises to no word would make its slot optional: "is #minor {and|,}"
    /// matched "is 8" in "the list is 8 weeks". It is a load error naming the line; `$` is the
    /// boundary, and an empty alternative (`{and|}`) is the way to write an optional word.
    @Test func aPatternWordThatIsNoWordIsAnError() throws {
        for bad in ["{and|,} more", "bad day {=|means} nothing", "a - b"] {
            do {
                _ = try lexicon("rule test.x level=crisis role=ideation\nok\n\(bad)")
                Issue.record("\(bad) must fail")
            } catch let error as LexiconError {
                #expect(error.line == 3, "\(bad)")
                #expect(error.message.contains("not a word"), "\(bad)")
            }
        }
        let optional = try lexicon("rule test.x level=crisis role=ideation\nhad enough {and|} more")
        #expect(rules(optional, "had enough more").count == 1)
        #expect(rules(optional, "had enough and more").count == 1)
    }

    @Test func reportsErrorsWithFileAndLine() {
        #expect(throws: LexiconError.self) { try lexicon("rule test.x level=loud role=ideation\nword") }
        #expect(throws: LexiconError.self) { try lexicon("rule test.x level=crisis role=ideation\n{a|b") }
        #expect(throws: LexiconError.self) { try lexicon("word before rule") }
        #expect(throws: LexiconError.self) { try lexicon("rule test.x level=crisis role=ideation\n@nope") }
        do {
            _ = try lexicon(
                "rule test.x level=crisis role=ideation\nok\nrule test.x level=crisis role=ideation")
            Issue.record("duplicate rule ids must fail")
        } catch let error as LexiconError {
            #expect(error.line == 3)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
