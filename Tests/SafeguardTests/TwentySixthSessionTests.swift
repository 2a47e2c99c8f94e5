import Foundation
import Testing
import WaymarkTestTraits

@testable import Safeguard

/// The twenty-sixth session (issue 11): the n-gram model reads words ("taken over my life",
/// "hospital", "cutting"), the encoder reads them in their sentence. Where the encoder, reading
/// the same message on its own, puts crisis far down, the model's crisis evidence is not heard.
/// Later turns keep the model. Our own wording.
@Suite(.ownThread) struct TwentySixthSessionModelOverruleTests {
    @Test(arguments: [
        "the allotment has taken over my whole life, the courgettes are winning",
        "the gym has taken over my whole life, my legs are dead",
    ])
    func anEverydayMessageTheModelAloneReadsAsCrisisIsNotOne(text: String) throws {
        // The model on its own reads these as crisis: the overrule is what changes them.
        let withModel = try #require(TestEngine.engineWithModel)
        #expect(withModel.assess(text).signals.contains { $0.rule == "model.suicidal_language" })
        let shipped = try #require(TestEngine.shipped)
        let read = shipped.assess(text)
        #expect(read.level < .crisis, "\(text): \(read.level)")
        #expect(!read.signals.contains { $0.rule == "model.suicidal_language" })
        #expect(read.reasons.contains { $0.hasPrefix("n-gram model: not heard, the encoder reads crisis") })
    }

    @Test(arguments: [
        "i keep looking at the bottle of pills in the cupboard and thinking how easy it would be",
        "nobody would notice if i just wasn't here anymore",
    ])
    func whereTheEncoderAgreesTheModelStillSpeaks(text: String) throws {
        let shipped = try #require(TestEngine.shipped)
        let read = shipped.assess(text)
        #expect(read.level >= .crisis, "\(text): \(read.level)")
        #expect(read.signals.contains { $0.rule == "model.suicidal_language" })
        #expect(!read.reasons.contains { $0.hasPrefix("n-gram model: not heard") })
        #expect((read.encoder?.crisis ?? 0) >= SafeguardEngine.encoderOverrulesModelBelow)
    }

    @Test func aLaterTurnKeepsTheModel() throws {
        let shipped = try #require(TestEngine.shipped)
        let first = shipped.assess(
            "back from the garden centre, bought far too many seedlings", state: ConversationState())
        let later = shipped.assess(
            "the allotment has taken over my whole life, the courgettes are winning", state: first.state)
        #expect(later.assessment.signals.contains { $0.rule == "model.suicidal_language" })
        #expect(!later.assessment.reasons.contains { $0.hasPrefix("n-gram model: not heard") })
    }
}

/// The twenty-sixth session (issue 11): a lecture, a seminar, a lesson or an essay is the work
/// (a fiction and study cue) only when the words say what it is on; bare, it is where someone goes
/// or a long message, and risk said beside it is the person's own. Tracks are a song's only after
/// a word that makes them so, never the train tracks. Our own wording.
@Suite(.ownThread) struct TwentySixthSessionStudyWordTests {
    @Test(arguments: [
        "my housemate keeps saying she wants to die and she's stopped going to lectures",
        "one of my students left the seminar saying she's ending it today and now she won't pick up",
        "sorry for the essay, took the whole box of co-codamol about an hour ago",
    ])
    func riskBesideWhereSomeoneGoesIsRead(text: String) throws {
        let engine = try #require(TestEngine.engine)
        let read = engine.assess(text)
        #expect(read.level >= .crisis, "\(text): \(read.level)")
        #expect(!read.signals.contains { $0.modifiers.contains(.fictional) }, "\(text)")
    }

    @Test func trainTracksAreAPlaceNotASong() throws {
        let text = "my brother's gone down to the railway tracks by the park, said he's done"
        let shipped = try #require(TestEngine.shipped)
        let read = shipped.assess(text)
        // Read as a quote, the message silenced the encoder (no reading) and was none.
        #expect(read.encoder != nil)
        #expect(read.level >= .crisis, "\(read.level)")
    }

    @Test(arguments: [
        "our lecture today was on suicide prevention in prisons, really hard going",
        "essay on self-harm in adolescents due friday, any good sources?",
        "essay question: why did the poet take her own life",
        "kms if this lecture goes on any longer",
        "seminar about the werther effect tomorrow, need to read two papers",
        "the tracks by that band that make me want to die are all on one album",
    ])
    func theWorkItselfStaysTheWork(text: String) throws {
        let engine = try #require(TestEngine.engine)
        let read = engine.assess(text)
        #expect(read.level < .crisis, "\(text): \(read.level)")
    }
}
