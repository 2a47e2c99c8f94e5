import Foundation
import Testing
import WaymarkTestTraits

@testable import Safeguard

/// The twenty-first session: who is at risk, read from an age and not from a measure.
@Suite(.ownThread) struct TwentyFirstSessionAgeTests {
    private func readsAnAge(_ text: String, _ engine: SafeguardEngine) -> Bool {
        engine.assess(text).signals.contains { $0.rule == "child.age" }
    }

    /// A number after "is" or "i'm" is an age only when nothing measured follows it: weeks on a
    /// waiting list, a height, minutes to a train, years since a death, a weight in stone.
    @Test func aMeasureIsNotAnAge() throws {
        let shipped = try #require(TestEngine.shipped)
        for text in [
            "the waiting list for therapy is 9 weeks now",
            "im 6 foot 3 so nobody believes she hits me",
            "the next bus is 4 mins away",
            "i'm 2 hours from home and my phone's on 5%",
            "it's 3 years since my wife died and the house is so quiet",
            "it is 7 years since the crash",
            "i'm 8 stone and still feel huge",
        ] {
            #expect(!readsAnAge(text, shipped), "\(text)")
        }
    }

    /// Ages are still read: before a boundary, "and", "now", "years" or any word that is not a measure.
    @Test func anAgeIsStillAnAge() throws {
        let shipped = try #require(TestEngine.shipped)
        for text in [
            "i'm 14 and i hate myself",
            "my son is 12 and he's being bullied",
            "she's 16. she won't talk to me",
            "he is 15 now and taller than me",
            "i'm 13, please don't tell my mum",
            "he's 11 years and scared of his dad",
            "im 13 im hiding in the bathroom",
            "i'm 16 if that matters",
            "she's 5 weeks old and won't stop crying",
            "the baby's gone all floppy, he's 3 months",
        ] {
            #expect(readsAnAge(text, shipped), "\(text)")
        }
    }

    /// An anniversary told in dialect ("its 2 year today since…") is not a child: the widower's
    /// crisis two turns later is not routed to children's services.
    @Test func anAnniversaryIsNotAChildInTheConversation() throws {
        let shipped = try #require(TestEngine.shipped)
        let turns = converse(
            [
                "its 4 year today since Jean went. house is that quiet",
                "i've had my life. don't see much point carrying on now she's gone",
            ], engine: shipped)
        #expect(turns.last.map { $0.level >= .crisis } == true)
        #expect(turns.contains { $0.categories.contains(.childSafeguarding) } == false)
    }
}

/// Someone collapsed is a person: "he's blue", "mum is cold and…", "found unconscious". A thing
/// that is blue, cold or not responding is not an emergency.
@Suite(.ownThread) struct TwentyFirstSessionCollapseTests {
    @Test func thingsAreNotPeopleCollapsed() throws {
        let shipped = try #require(TestEngine.shipped)
        for text in [
            "my new car is blue",
            "the house is cold and damp, the heating's gone again",
            "the app is not responding again",
            "my laptop is unresponsive after the update",
            "my hands are blue from the cold, forgot my gloves",
        ] {
            let read = shipped.assess(text)
            #expect(!read.signals.contains { $0.rule == "act.other_collapsed" }, "\(text)")
            #expect(read.level < .crisis, "\(text): \(read.level)")
        }
    }

    @Test func aPersonCollapsedIsStillAnEmergency() throws {
        let shipped = try #require(TestEngine.shipped)
        for text in [
            "my dad is unresponsive on the kitchen floor",
            "she's cold and not breathing",
            "he's blue round the lips",
            "found him cold and blue in bed this morning",
            "mum's not responding",
            "he was found unconscious in the park",
        ] {
            let read = shipped.assess(text)
            #expect(read.level == .emergency, "\(text): \(read.level)")
        }
    }
}

/// A family day out "so high up" is not a child taken by someone high.
@Suite(.ownThread) struct TwentyFirstSessionLookAlikeTests {
    @Test func aDayOutHighUpIsNotAChildTakenBySomeoneHigh() throws {
        let shipped = try #require(TestEngine.shipped)
        let outing = shipped.assess("took my kids up ben nevis, we were so high we were above the clouds")
        #expect(!outing.signals.contains { $0.rule == "child.danger_now_told" })
        #expect(outing.level < .crisis)
        let taken = shipped.assess("he's taken my son and he's high on something, won't say where they are")
        #expect(taken.level == .emergency)
    }
}
