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
