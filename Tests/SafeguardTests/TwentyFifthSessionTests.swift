import Foundation
import Testing
import WaymarkTestTraits

@testable import Safeguard

/// The twenty-fifth session (issue 11): laughter or embarrassment is not a veto. People minimise
/// real risk with "lol" or "bit embarrassing but"; a joke marker used to silence the encoder for the
/// whole message. Now it asks the encoder to be surer, unless the joke is about the risk words the
/// lexicon read ("so embarrassing i want to die lol"). Our own wording.
@Suite(.ownThread) struct TwentyFifthSessionJokeTests {
    @Test func anActToldWithLaughterIsStillRead() throws {
        let shipped = try #require(TestEngine.shipped)
        let masked = shipped.assess(
            "haha think i overdid it with the tablets earlier, can't really feel my fingers")
        #expect(masked.level >= .crisis, "\(masked.level)")
        #expect(masked.reasons.contains { $0.contains("beside a joke marker") })
        let embarrassed = shipped.assess(
            "bit embarrassing but i took a double dose of everything in my dosette this morning "
                + "and my chest feels tight")
        #expect(embarrassed.level == .emergency, "\(embarrassed.level)")
    }

    @Test(arguments: [
        "omg so embarrassing i want to die lol",
        "i'm gonna kms lol this essay is killing me",
        "my mum's gonna kill me lol i dented the car",
        "lol i nearly died when he said that",
        "haha i could just end it all right now, three deadlines tomorrow",
    ])
    func aJokeAboutTheWordsStaysAJoke(text: String) throws {
        let shipped = try #require(TestEngine.shipped)
        let read = shipped.assess(text)
        #expect(read.level < .crisis, "\(text): \(read.level)")
    }

    @Test func theJokeMarkerRaisesTheGateAndSilencesOnlyTheModel() throws {
        let engine = try #require(TestEngine.engine)
        let lexicon = engine.lexicon
        func gate(_ text: String) -> LayerGate {
            let tokens = lexicon.normaliser.normalise(text).tokens
            let masks = lexicon.masks(for: tokens)
            return LayerGate(lexicon: lexicon, matches: lexicon.matches(tokens, masks: masks), masks: masks)
        }
        let joking = gate("took them all with my lunch lol")
        #expect(joking.joking && joking.raised && !joking.notTheirs)
        // An idiom still silences every layer.
        #expect(gate("i could die of embarrassment").notTheirs)
        let plain = gate("took them all with my lunch")
        #expect(!plain.joking && !plain.notTheirs)
    }
}

/// The twenty-fifth session (issue 11): "tonight's the night" is an evening out only when the event
/// is named, not beside a table, a date or an anniversary that can be a plan's setting.
@Suite(.ownThread) struct TwentyFifthSessionNightOutTests {
    @Test(arguments: [
        "tonight's the night. pills are all lined up on the table",
        "tomorrow's the day. the anniversary of when she died. i've got the rope",
    ])
    func aPlanAfterTheWordsIsStillAPlan(text: String) throws {
        let engine = try #require(TestEngine.engine)
        let read = engine.assess(text)
        #expect(read.level >= .crisis, "\(text): \(read.level)")
        #expect(!read.signals.contains { $0.modifiers.contains(.figurative) }, "\(text)")
    }

    @Test(arguments: [
        "tonight's the night, got a table booked for 8",
        "tomorrow's the day, the cup final, i'm dying to see it",
        "tonight's the night i propose, got the ring in my pocket",
        "saturday's the day, the wedding, wish me luck",
    ])
    func anEveningOutStaysOrdinary(text: String) throws {
        let engine = try #require(TestEngine.engine)
        #expect(engine.assess(text).level < .crisis, "\(text)")
    }
}

/// The twenty-fifth session (issue 11): "off the bed" is an idiom only as a jump off soft
/// furniture. A fall from the bed, or a chair as a hanging's step, is not an idiom.
@Suite(.ownThread) struct TwentyFifthSessionOffTheBedTests {
    @Test func aFallFromTheBedIsAFall() throws {
        let shipped = try #require(TestEngine.shipped)
        let read = shipped.assess(
            "fell off the bed at 3am and i can't get up, my hip really hurts and i'm 84")
        #expect(read.level >= .boundary, "\(read.level)")
        #expect(!read.signals.contains { $0.modifiers.contains(.figurative) })
    }

    @Test func aJumpOffTheSofaIsStillHyperbole() throws {
        let shipped = try #require(TestEngine.shipped)
        #expect(shipped.assess("i'm going to jump off the sofa lol the tension").level < .crisis)
    }
}
