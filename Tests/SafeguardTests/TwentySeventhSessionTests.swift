import Foundation
import Testing
import WaymarkTestTraits

@testable import Safeguard

/// The twenty-seventh session (issue 11): "overdosed on" a food, a show or anything else that is
/// not a drug is an idiom, whatever the thing; the figurative lines could only list foods one by
/// one. A drug, a medicine, a number, "them", "whatever", a day or the place it happened within
/// six words after "on" keeps it an overdose. Our own wording.
@Suite(.ownThread) struct TwentySeventhSessionDoseTests {
    @Test(arguments: [
        "overdosed on jaffa cakes at my nan's again, no regrets",
        "we're overdosing on flapjacks and bake off tonight, don't judge",
        "swear i'm going to overdose on instant ramen before exams are over",
    ])
    func anOverdoseOfSomethingElseIsAnIdiom(text: String) throws {
        let shipped = try #require(TestEngine.shipped)
        let read = shipped.assess(text)
        #expect(read.level == .none, "\(text): \(read.level)")
        // The overdose phrase was read, and read as figurative: not missed.
        #expect(read.signals.contains { $0.modifiers.contains(.figurative) }, "\(read.signals)")
    }

    @Test(arguments: [
        ("i've overdosed on my mum's heart tablets about an hour ago", RiskLevel.emergency),
        ("she overdosed on the bathroom floor and isn't waking up", .emergency),
        ("gonna overdose on whatever is in the cupboard tonight", .emergency),
        ("overdosed on 30 of them and i feel sick", .emergency),
        ("i overdosed on", .emergency),
        ("thinking of overdosing on my insulin", .crisis),
    ])
    func aDoseWordAfterItKeepsTheOverdose(text: String, atLeast: RiskLevel) throws {
        let shipped = try #require(TestEngine.shipped)
        let read = shipped.assess(text)
        #expect(read.level >= atLeast, "\(text): \(read.level)")
        #expect(!read.signals.contains { $0.modifiers.contains(.figurative) }, "\(read.signals)")
    }

    @Test func theEngineReadsTheIdiomByNameWithItsClasses() throws {
        let lexicon = try #require(TestEngine.lexicon)
        #expect(lexicon.rule(named: SafeguardEngine.doseOfSomethingElseRule)?.role == .idiom)
        for name in ["@pills", "@drug", "@dose_word", "@weekday", "@daypart"] {
            #expect(Lexicon.engineClasses.contains(name))
            #expect(lexicon.classIndex[name] != nil, "\(name)")
        }
    }
}
