import Foundation
import Testing
import WaymarkTestTraits

@testable import Safeguard

/// The twenty-seventh session (issue 11): an idiom is set aside where the person says it is not a
/// figure of speech, and where it overlaps a phrase the lexicon marks `literal` (a threat to kill
/// the writer for leaving or telling holds "will kill me if"). Set aside, it no longer silences the
/// n-gram model and the encoder. Our own wording.
@Suite(.ownThread) struct TwentySeventhSessionLiteralTests {
    @Test(arguments: [
        ("the team meeting makes me want to die", "and this time that's not a meme"),
        ("the commute makes me want to kill myself", "and that's not a figure of speech anymore"),
    ])
    func sayingItIsNotAFigureOfSpeechSetsTheIdiomAside(idiom: String, denial: String) throws {
        let shipped = try #require(TestEngine.shipped)
        // Alone, the words are an idiom about a meeting or a commute.
        #expect(shipped.assess(idiom).level < .crisis, "\(idiom)")
        let text = idiom + " " + denial
        let read = shipped.assess(text)
        #expect(read.level >= .crisis, "\(text): \(read.level)")
        #expect(!read.signals.contains { $0.modifiers.contains(.figurative) }, "\(read.signals)")
    }

    @Test(arguments: [
        "my partner says he'll kill me if i leave him",
        "my wife said she would kill me if i told anyone",
        "he's parked outside the refuge, he says he'll kill me when i come out",
    ])
    func aThreatForLeavingOrTellingIsAbuseNotAnIdiom(text: String) throws {
        let shipped = try #require(TestEngine.shipped)
        let read = shipped.assess(text)
        #expect(read.level >= .boundary, "\(text): \(read.level)")
        #expect(read.categories.contains(.abuse))
        #expect(
            read.signals.contains {
                $0.rule == "abuse.threat_if_i_leave" && !$0.modifiers.contains(.figurative)
            },
            "\(read.signals)")
    }

    @Test(arguments: [
        "my mum will kill me if she finds out i dented the car",
        "my husband will kill me when he sees the card bill lol",
        "the heat makes me want to die, not even joking",
    ])
    func everydayIdiomsStayIdioms(text: String) throws {
        let shipped = try #require(TestEngine.shipped)
        #expect(shipped.assess(text).level < .boundary, "\(text)")
    }
}

/// The twenty-seventh session (issue 11): the risk said to be back ("the urges are back", "did it
/// again last night") reaches back over a history told earlier in the message; words about
/// something else being back do not. Our own wording.
@Suite(.ownThread) struct TwentySeventhSessionRiskBackTests {
    @Test(arguments: [
        "i tried to end my life when i was 17. i'm 30 now and the thoughts have come back since the divorce",
        "i self harmed all through sixth form, eight years clean. did it again last night",
    ])
    func aHistoryWithTheRiskBackIsNotHistory(text: String) throws {
        let shipped = try #require(TestEngine.shipped)
        let read = shipped.assess(text)
        #expect(read.level >= .crisis, "\(text): \(read.level)")
        #expect(!read.signals.contains { $0.modifiers.contains(.historical) }, "\(read.signals)")
    }

    @Test(arguments: [
        "i tried to end my life when i was 17. i'm 30 now and my confidence is back",
        "i self harmed all through sixth form, eight years clean. seeing my old friends again this weekend",
    ])
    func aHistoryWithSomethingElseBackStaysHistory(text: String) throws {
        let shipped = try #require(TestEngine.shipped)
        let read = shipped.assess(text)
        #expect(read.level < .crisis, "\(text): \(read.level)")
    }
}

/// The twenty-seventh session (issue 11): someone described as blue, grey or floppy and not
/// breathing, and naloxone asked for now, are emergencies; naloxone training, a kit, or naloxone
/// already given by paramedics are not. Our own wording.
@Suite(.ownThread) struct TwentySeventhSessionNotBreathingTests {
    @Test(arguments: [
        "my flatmate is grey and not breathing properly, i think she took something",
        "where's the narcan, he's gone really quiet on the bathroom floor",
        "is there any naloxone in the building, she's blue and snoring weird",
    ])
    func aDescribedOverdoseOrNaloxoneAskedForIsAnEmergency(text: String) throws {
        let shipped = try #require(TestEngine.shipped)
        let read = shipped.assess(text)
        #expect(read.level == .emergency, "\(text): \(read.level)")
        #expect(
            read.signals.contains {
                $0.rule == "medical.danger_described" || $0.rule == "medical.naloxone_now"
            },
            "\(read.signals)")
    }

    @Test(arguments: [
        "we all did naloxone training at the hostel today, everyone should carry a kit",
        "the naloxone kit at the hostel is out of date, who do we ask for a new one",
        "paramedics gave him the naloxone and he's awake and swearing at everyone",
        "i need to get a naloxone kit for the hostel before the training",
        "he is still not breathing through his nose since the op, bit annoying",
    ])
    func trainingKitsAndNaloxoneAlreadyGivenAreNot(text: String) throws {
        let shipped = try #require(TestEngine.shipped)
        #expect(shipped.assess(text).level < .crisis, "\(text)")
    }
}
