import Testing

@testable import Safeguard

/// Kinds two blind sets (zp: the moment it comes to a head and after; zq: worried about someone
/// else, danger from others; both read after their baseline) showed, written in our own words.
/// How an emergency ends: the aggressor gone or taken away, bleeding stopped and dressed, an
/// antidote given, someone found with nothing taken, the means binned or taken down; and, once
/// the danger was another person's, their coming back. How one starts in a few words: the means
/// ready or the place reached after a plan, someone locked in who will not answer, a door being
/// punched. And a misreading: tablets taken away from someone are not tablets swallowed.
@Suite struct ThirteenthSessionKindsTests {
    /// Danger from a partner passes when he goes or is taken away (the emergency floor lifts to
    /// crisis: one calmer turn is not yet sustained safety), and his coming back is danger again.
    @Test func dangerFromAPartnerPassesWhenHeGoesAndReturnsWhenHeComesBack() throws {
        let read = assessments([
            "my husband's been drinking since lunch and he's in one of his moods",
            "he's banging on the bedroom door now, i've wedged a chair under the handle",
            "he's gone out, heard the van pull away. i'm shaking",
            "what do i even do now, where would i even go",
            "oh god his van's back",
        ])
        #expect(read.map(\.level).dropFirst() == [.emergency, .crisis, .crisis, .emergency])
        #expect(read[2].stepsTaken.contains(.dangerGone))
        #expect(read[4].subject == .speaker)
        #expect(read[4].categories.contains(.abuse))
    }

    @Test func thePoliceTakingHimAwayEndsTheEmergency() throws {
        let read = levels([
            "my ex is kicking my front door in, the kids are upstairs",
            "police are here. they've got him in the back of the van",
        ])
        #expect(read == [.emergency, .crisis])
    }

    /// "He's back" means nothing on its own, and "he's gone" after talk of ending one's life is
    /// not safety: someone may now be alone.
    @Test func goneAndBackAreReadOnlyAgainstDangerFromSomeoneElse() throws {
        #expect(level("my brother's back from uni for christmas") < .crisis)
        #expect(level("he's back early from work so tea's at 6") < .crisis)
        let alone = assessments([
            "i don't want to be alive any more",
            "my boyfriend's got the tablets locked away but he's gone out now",
        ])
        #expect(alone.map(\.level) == [.crisis, .crisis])
        #expect(!alone[1].stepsTaken.contains(.dangerGone))
    }

    @Test func bleedingStoppedAndDressedLiftsTheEmergencyButKeepsTheRisk() throws {
        let read = levels([
            "cut tonight and it won't stop bleeding",
            "ok it's finally stopped. put steri strips on",
            "put the blade in the outside bin",
        ])
        #expect(read == [.emergency, .crisis, .crisis])
    }

    @Test func anAntidoteGivenOrBeingTakenInIsTreatment() throws {
        let naloxone = levels([
            "my flatmate's taken something, he won't wake up and his lips are going blue",
            "paramedics gave him naloxone and he's come round",
        ])
        #expect(naloxone == [.emergency, .crisis])
        let takenIn = levels([
            "my sister swallowed a load of her pills an hour ago",
            "the ambulance has taken her in, i'm following in the car",
        ])
        #expect(takenIn == [.emergency, .crisis])
    }

    @Test func foundWithNothingTakenIsFoundSafe() throws {
        let read = assessments([
            "my son's been searching how many of his tablets it takes to die",
            "he's locked in the bathroom and won't answer me",
            "got in. he hadn't taken anything, he's crying on the floor with me",
        ])
        #expect(read.map(\.level) == [.crisis, .emergency, .crisis])
        #expect(read[1].subject == .other)
        #expect(read[2].stepsTaken.contains(.foundSafe))
    }

    @Test func nobodyCanGetHoldOfSomeoneAfterAGoodbyeIsAnEmergency() throws {
        let read = levels([
            "my mate keeps saying he's a burden and everyone would be better off without him",
            "no one can get hold of him and his flat's empty",
        ])
        #expect(read == [.crisis, .emergency])
    }

    /// After a plan to die, "it's ready" and "i'm up in the loft" are the means set up and the
    /// place reached; in a conversation about baking, "it's ready" is a cake, even where the
    /// encoder reads the turn as heavy.
    @Test func theMeansReadyOrThePlaceReachedAfterAPlanIsAnEmergency() throws {
        #expect(
            levels(["been planning how to end it for weeks now", "it's ready"]) == [.crisis, .emergency])
        #expect(
            levels(["i don't want to be here any more, i've had enough", "i'm up in the loft now"]) == [
                .crisis, .emergency,
            ])
        // The shipped engine, whose encoder can read a short turn after others as heavy.
        let engine = try #require(TestEngine.shipped)
        var state = ConversationState()
        for turn in [
            "up since 4 for this wedding cake, three tiers and the top one's wonky",
            "if it collapses i'm emigrating",
            "it's ready. it's actually standing",
        ] {
            let result = engine.assess(turn, state: state)
            state = result.state
            #expect(result.assessment.level < .crisis, "\(turn)")
        }
        let down = levels([
            "i don't want to be here any more, i've had enough",
            "i'm up in the loft now",
            "came down. i've taken it down too",
        ])
        #expect(down == [.crisis, .emergency, .crisis])
    }

    @Test func punchingTheDoorIsDangerNow() throws {
        let assessment = try #require(TestEngine.engine).assess(
            "he's screaming and punching the door, i'm in the bathroom")
        #expect(assessment.level == .emergency)
        #expect(assessment.subject == .speaker)
    }

    /// Tablets taken off someone, or taken home, are not an overdose.
    @Test func tabletsTakenAwayAreNotTabletsSwallowed() throws {
        let read = assessments([
            "found a stash of my dad's sleeping tablets in his drawer, he keeps saying he's ready to go",
            "i've taken them home with me and he's coming to ours tonight",
        ])
        #expect(read.map(\.level) == [.crisis, .crisis])
        #expect(read[1].stepsTaken.contains(.meansAway))
        #expect(!read[1].signals.contains { $0.rule.hasPrefix("act.") })
    }

    /// A count of tablets swallowed is the writer's own act, not danger from someone else: help
    /// arriving lifts the emergency floor to crisis, never to a boundary.
    @Test func aCountOfTabletsSwallowedIsAnActOfTheWritersOwn() throws {
        let read = assessments([
            "took about 15 of my nan's sleeping tablets earlier",
            "my mum would kill me if she knew",
            "the paramedics are here",
        ])
        #expect(read[0].level == .emergency)
        #expect(!read[0].categories.contains(.harmToOthers))
        #expect(read[2].level == .crisis)
    }

    /// Where only the statistical layers read the level, the people the lexicon names say who is
    /// at risk; not when a named person is the danger (then it is the writer).
    @Test func whoIsAtRiskFollowsThePersonNamedWhenOnlyTheLayersReadTheLevel() throws {
        let engine = try #require(TestEngine.shipped)
        let friend = engine.assess(
            "my pal keeps texting me that he's got a rope in the boot and he's driving to the woods after his shift"
        )
        #expect(friend.level == .emergency)
        #expect(friend.subject == .other)
        let threatened = engine.assess(
            "my boyfriend's got a knife and he's saying if i leave he'll use it on me, i'm locked in the loo")
        #expect(threatened.level == .emergency)
        #expect(threatened.subject == .speaker)
    }

    /// A song mentioned beside real danger is not a quotation; its words told are.
    @Test func aSongBesideDangerIsNotAQuote() throws {
        let engine = try #require(TestEngine.shipped)
        let danger = engine.assess(
            "my cousin's on the phone, he's on the edge of the multi storey roof and says he's jumping when the song finishes"
        )
        #expect(danger.level == .emergency)
        #expect(danger.subject == .other)
        for text in [
            "in this song she sings about wanting to die",
            "the song goes 'i just wanna die' and everyone was screaming it at the gig",
            "my favourite song is about wanting to disappear",
        ] {
            #expect(engine.assess(text).level < .crisis, "\(text)")
        }
    }
}
