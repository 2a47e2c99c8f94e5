import Foundation
import Testing

@testable import Safeguard

/// Kinds two blind sets showed after their baseline (zt: coming down, or not; zu: sounds
/// dangerous and isn't, sounds ordinary and is), written in our own words, each beside the
/// everyday wording it must leave alone.
@Suite struct FifteenthSessionKindsTests {
    /// Self-harm by heat held to the body, marks burnt on, and an elastic band that has stopped
    /// being enough; not a kitchen accident or a watch strap.
    @Test(arguments: [
        ("pressed my hand against the hob till it blistered", true),
        ("kept my arm on the radiator until it burnt, again", true),
        ("burnt little lines into my thigh with a lighter last night", true),
        ("flicked the hair tie on my wrist till there was a welt and it isn't enough now", true),
        ("burnt my hand on the hob getting the tray out, ouch", false),
        ("put my hand on the radiator to warm up, it's freezing in here", false),
        ("snapped the band on my watch, need a new strap", false),
    ])
    func selfHarmByHeatAndBands(text: String, risky: Bool) throws {
        let read = try #require(TestEngine.shipped).assess(text)
        #expect((read.level >= .crisis) == risky, "\(text): \(read.level)")
        if risky { #expect(read.categories.contains(.selfHarm)) }
    }

    /// A blade held to the body now is an act in progress; a knife where knives belong is not.
    @Test func aBladeHeldToTheBodyNowIsAnEmergency() throws {
        #expect(
            try #require(TestEngine.shipped).assess("i've got the razor against my arm right now").level
                == .emergency)
        // The twenty-second session's six-layer encoder reads this kitchen as crisis 0.81 and
        // emergency 0.75 (over its 0.7776 and 0.6124 cuts): a false 999 it was shipped with, for
        // its blind gains (DECISIONS.md). Known until its next retraining or a kitchen rule.
        let kitchen = try #require(TestEngine.shipped).assess(
            "the knife is on the chopping board, tea's nearly ready")
        withKnownIssue("six-layer encoder: crisis 0.81 and emergency 0.75 on a kitchen knife") {
            #expect(kitchen.level < .crisis)
        }
    }

    /// Still being alive said as a regret; still being somewhere said as a nuisance.
    @Test func stillAliveAsARegretIsPassiveIdeation() throws {
        #expect(level("still alive unfortunately") == .crisis)
        #expect(level("still at work unfortunately, the train's delayed again") < .crisis)
    }

    /// A message left for later that says where to find them, and a last call to hear a voice:
    /// the writer's own goodbye. Finding someone at a festival, or a voicemail of someone who has
    /// died, are not.
    @Test func farewellsWithoutRiskWords() throws {
        let left = assessments(["left a note for my brother telling him where to find me"])[0]
        #expect(left.level >= .crisis && left.subject == .speaker)
        let voice = assessments(["phoned my dad just to hear his voice one last time"])[0]
        #expect(voice.level == .crisis && voice.subject == .speaker)
        #expect(level("told her where to find me at the festival, by the burger van") < .crisis)
        #expect(level("listened to his old voicemail, miss him so much") < .crisis)
    }

    /// A goodbye letter to a class, a will among the paperwork: ordinary on their own; in a
    /// conversation about ending one's life they are a farewell.
    @Test func goodbyeLettersAndWillsNeedTheConversation() throws {
        #expect(level("writing a goodbye letter to my year 11s, last day on friday") < .crisis)
        #expect(level("made my will and sorted the pension forms, proper adulting") < .crisis)
        let told = levels([
            "i don't want to be alive any more", "i've made my will and written a goodbye letter",
        ])
        #expect(told == [.crisis, .crisis])
    }

    /// "Done", "did" and "had" are a drug taken only with the drug named.
    @Test(arguments: [
        ("had three coffees before the interview and my heart's racing", false),
        ("done my first half marathon, can't feel my legs", false),
        ("done a line and now my heart is going mental", true),
        ("took two of them and i can't breathe properly", true),
    ])
    func aReactionNeedsSomethingTaken(text: String, emergency: Bool) throws {
        #expect((level(text) == .emergency) == emergency, "\(text)")
    }

    /// "At 52" is an age, not a time: after suicidal talk it does not make an emergency.
    @Test func anAgeIsNotATime() throws {
        #expect(levels(["i don't want to be here any more", "i feel so old at 52"]) == [.crisis, .crisis])
        #expect(
            levels(["i don't want to be here any more", "i'm doing it at 11 o'clock"]).last == .emergency)
    }

    /// Someone who cannot be woken properly is an emergency.
    @Test func cannotWakeProperlyIsAnEmergency() throws {
        #expect(level("my dad's on the sofa and i can't wake him properly") == .emergency)
    }

    /// Stepping back from the edge and going to a friend's resolves the danger of the place: the
    /// level comes down to crisis (the risk remembered), not held at emergency.
    @Test func steppingBackFromTheEdgeEndsTheEmergency() throws {
        let read = assessments([
            "i'm on the multistorey roof right at the edge, i'm going to jump",
            "ok i've stepped back onto the path. walking to the bus stop",
            "on the bus home. my mate's meeting me",
        ])
        #expect(read.map(\.level) == [.emergency, .crisis, .crisis])
        #expect(read[1].stepsTaken.contains(.safePlace))
    }

    /// Someone else's tablets taken, in a conversation about ending one's life; the same words
    /// about a headache are not an overdose.
    @Test func someoneElsesTabletsTakenInContext() throws {
        #expect(
            levels(["i want to die tonight", "i've just taken some of my nan's tablets"]) == [
                .crisis, .emergency,
            ])
        #expect(level("took some of my mum's paracetamol for this headache") < .emergency)
    }

    /// "Police are on their way" without "the" is help on its way.
    @Test func policeOnTheirWayIsHelpReached() throws {
        let read = assessments([
            "my sister's ex has locked her in and he's threatening her",
            "police are on their way round now",
        ])
        #expect(read[1].stepsTaken.contains(.reachedHelp))
    }
}
