import Foundation
import Testing
import WaymarkTestTraits

@testable import Safeguard

/// The twentieth session's retrained encoder, and the two places its reading is held back.
@Suite(.ownThread) struct TwentiethSessionEncoderTests {
    /// One word read on its own is the lexicon's to judge: the encoder reads it (its reading is
    /// still shown) but adds no evidence. A word the lexicon knows keeps its level, and one word
    /// after earlier turns is still read with them.
    @Test func oneWordOnItsOwnIsTheLexiconsToJudge() throws {
        let shipped = try #require(TestEngine.shipped)
        for word in ["stop", "sorry", "please", "hurts", "idk"] {
            let read = shipped.assess(word)
            #expect(read.level < .crisis, "\(word): \(read.level)")
            #expect(read.encoder != nil, "\(word): the reading is still shown")
            #expect(!read.signals.contains { $0.rule.hasPrefix("encoder.") }, "\(word)")
        }
        #expect(shipped.assess("kms").level >= .crisis)
        let tonight = converse(
            ["i've got all my tablets saved up and i want to die", "tonight"], engine: shipped)
        #expect(tonight.last?.level == .emergency)
    }

    /// Ordinary grief in the turn's own words asks the encoder to be surer: read with "first
    /// christmas without my da", "i keep setting a place for him" stays distress. Grief with the
    /// words of not wanting to be here is still crisis.
    @Test func ordinaryGriefAsksTheEncoderToBeSurer() throws {
        let shipped = try #require(TestEngine.shipped)
        let grief = converse(
            [
                "first christmas without my da. everyone keeps saying it gets easier",
                "i keep setting a place for him at the table without thinking",
            ], engine: shipped)
        #expect(grief.map(\.level) == [.distress, .distress])
        let risk = converse(
            [
                "first christmas without my da",
                "miss him so much. don't see the point in being here without him",
            ], engine: shipped)
        #expect(risk.last?.level == .crisis)
        // A death only mentioned is not ordinary grief: the usual cut holds.
        let mentioned = converse(
            [
                "been a rubbish few months, not sleeping",
                "sat in the kitchen for an hour looking at my nan's old painkillers, the ones she had before she died, thinking how it'd all just stop",
            ], engine: shipped)
        #expect(mentioned.last?.level == .crisis)
    }

    /// Later in a conversation, before any emergency and with no step towards safety, the
    /// encoder's very sure emergency (its alone bars) is enough without the lexicon's words:
    /// danger from a partner arriving now. A turn that says the danger has gone is not raised.
    @Test func dangerArrivingLaterNeedsNoListedWords() throws {
        let shipped = try #require(TestEngine.shipped)
        let arriving = converse(
            [
                "my husband hits me when he's had a drink",
                // (Not "he's just come in": since the twenty-fourth session the lexicon reads
                // that, `conversation.abuser_arriving`; these words are the encoder's alone.)
                "he's stumbling round the landing really drunk and shouting my name",
            ],
            engine: shipped)
        #expect(arriving.last?.level == .emergency)
        #expect(arriving.last?.signals.contains { $0.rule == "encoder.emergency" } == true)
        // Help for that danger, not for ending one's life ("put it out of reach").
        #expect(arriving.last?.categories.contains(.suicide) == false)
        #expect(arriving.last?.categories.contains(.abuse) == true)
        let gone = converse(
            [
                "my husband hits me when he's had a drink",
                "he's gone out now and my sister's with me, i'm safe",
            ],
            engine: shipped)
        #expect(gone.last.map { $0.level < .emergency } == true)
    }
}
