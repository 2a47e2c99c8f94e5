import Foundation
import Testing
import WaymarkTestTraits

@testable import Safeguard

/// The twenty-second session: an overdose that nearly happened did not happen. It is a suicidal
/// crisis told, not an act to send 999 for and hold the conversation at emergency.
@Suite(.ownThread) struct TwentySecondSessionNearMissTests {
    /// "Nearly" or "almost" before the act: crisis, never emergency, and no act rule counts.
    @Test func anOverdoseNearlyTakenIsACrisisNotAnAct() throws {
        let shipped = try #require(TestEngine.shipped)
        for text in [
            "awful night. i so nearly took the lot",
            "i almost swallowed all my tablets last night",
            "i nearly took an overdose on sunday",
            "came so close to taking them last night",
            "i nearly overdosed at the weekend and nobody knows",
        ] {
            let read = shipped.assess(text)
            #expect(read.level == .crisis, "\(text): \(read.level)")
            #expect(read.categories.contains(.suicide), "\(text)")
            #expect(!read.signals.contains { $0.role == .act && $0.level > .none }, "\(text)")
        }
    }

    /// The act itself is still an emergency, "nearly" elsewhere in the message or not.
    @Test func anOverdoseTakenIsStillAnEmergency() throws {
        let shipped = try #require(TestEngine.shipped)
        for text in [
            "i took an overdose about an hour ago",
            "i've taken the lot. it was nearly an hour ago",
            "swallowed all my tablets, nearly 40 of them",
        ] {
            #expect(shipped.assess(text).level == .emergency, "\(text)")
        }
    }

    /// Everyday near misses with the same verbs stay ordinary.
    @Test func everydayNearMissesStayOrdinary() throws {
        let shipped = try #require(TestEngine.shipped)
        for text in [
            "nearly took the whole box of biscuits to the office lol",
            "nearly overdosed on coffee before the interview",
            "my dog almost swallowed a sock again",
            "i almost took the wrong bus home",
        ] {
            #expect(shipped.assess(text).level < .crisis, "\(text)")
        }
    }

    /// Said in a conversation and then put in context ("i didn't though"), the turns after it are
    /// held at crisis as after any suicidal crisis, not at emergency as after an untreated act.
    @Test func aNearMissDoesNotHoldTheConversationAtEmergency() throws {
        let shipped = try #require(TestEngine.shipped)
        let turns = converse(
            [
                "worst night in ages. i nearly took an overdose",
                "i didn't though. rang my brother instead and we talked till 2",
                "bit calmer today, seeing the gp later",
            ], engine: shipped)
        #expect(turns.first?.level == .crisis)
        #expect(turns.allSatisfy { $0.level != .emergency })
    }
}

/// Help arriving or taking over, in words the lexicon did not know: the emergency floor lifts to
/// crisis (the risk remembered) instead of "call 999" on every turn after it.
@Suite(.ownThread) struct TwentySecondSessionHelpArrivedTests {
    @Test func helpInOtherWordsEndsTheEmergencyFloor() throws {
        let shipped = try #require(TestEngine.shipped)
        for step in [
            "they've taken him in, i'm sat in the hall",
            "they're taking her to the infirmary",
            "her obs are fine, they think she fainted",
            "the paramedic reckons it's a panic attack",
        ] {
            let turns = converse(
                [
                    "my dad has collapsed in the garden and he's not responding",
                    "999 are on their way",
                    step,
                ], engine: shipped)
            #expect(turns.first?.level == .emergency, "\(step)")
            #expect(turns.last?.level == .crisis, "\(step): \(String(describing: turns.last?.level))")
        }
    }

    /// The same words with nothing untreated are nothing new: no level comes from them.
    @Test func helpWordsAloneAreNotRisk() throws {
        let shipped = try #require(TestEngine.shipped)
        for text in [
            "they took her to the infirmary for her hip op", "her obs are fine, the vet was pleased",
        ] {
            #expect(shipped.assess(text).level < .crisis, "\(text)")
        }
    }
}

/// After an emergency reached without a time (the means held), a time given next is the plan's
/// missing part: an emergency again. After one reached with a time, only a bare time counts, so
/// "can we just talk now" stays a request to talk.
@Suite(.ownThread) struct TwentySecondSessionTimeAfterEmergencyTests {
    @Test func aTimeAfterAnUntimedEmergencyIsTheMissingPart() throws {
        let shipped = try #require(TestEngine.shipped)
        let turns = converse(
            [
                "i can't keep going like this",
                "i've been putting my tablets by for weeks, got a lot saved",
                "after the wedding on saturday",
            ], engine: shipped)
        #expect(turns.last?.level == .emergency)
    }

    @Test func afterATimedEmergencyOnlyABareTimeCounts() throws {
        let shipped = try #require(TestEngine.shipped)
        let turns = converse(
            [
                "the tablets are out and tonight is the night",
                "can we just talk for a bit now",
            ], engine: shipped)
        #expect(turns.first?.level == .emergency)
        #expect(turns.last?.level == .crisis)
    }
}
