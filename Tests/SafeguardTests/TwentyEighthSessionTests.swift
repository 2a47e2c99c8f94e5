import Foundation
import Testing
import WaymarkTestTraits

@testable import Safeguard

/// The twenty-eighth session (issue 11): "training", "first aid" and "placement" name a course only
/// when the words say so; bare, they name where someone is or what they do, and risk said beside
/// them is the person's. Our own wording.
@Suite(.ownThread) struct TwentyEighthSessionCourseWordTests {
    @Test(arguments: [
        ("got home from training and cut too deep, it won't stop bleeding", RiskLevel.emergency),
        ("necked the whole packet of co-codamol from the first aid kit at work an hour ago", .emergency),
        ("sat in the car park after training and i don't see the point in being alive anymore", .crisis),
        ("on placement all week and every night i think about ending my life", .crisis),
    ])
    func aCourseWordNamingAPlaceLowersNothing(text: String, level: RiskLevel) throws {
        let shipped = try #require(TestEngine.shipped)
        let read = shipped.assess(text)
        #expect(read.level >= level, "\(text): \(read.level)")
        #expect(!read.signals.contains { $0.modifiers.contains(.fictional) }, "\(read.signals)")
    }

    @Test(arguments: [
        "did my first aid course today, we learnt what to do when someone has taken an overdose",
        "suicide awareness training at work this morning, the bit on asking directly about suicide was good",
        "mental health nursing placement q: how do you ask someone if they want to kill themselves",
        "the training video showed someone cutting too deep and how to pack the wound",
    ])
    func aCourseStaysACourse(text: String) throws {
        let shipped = try #require(TestEngine.shipped)
        let read = shipped.assess(text)
        #expect(read.level < .crisis, "\(text): \(read.level)")
    }
}

/// The twenty-eighth session (issue 11): something taken with its purpose told is an act done;
/// self-harm started again after a recovery is current; relief at one's own death said as a
/// condition is a passive wish. Our own wording.
@Suite(.ownThread) struct TwentyEighthSessionKindsTests {
    @Test(arguments: [
        "mixed my tablets with vodka to end it, getting really sleepy",
        "swallowed the lot so i don't wake up, sorry",
    ])
    func takenWithItsPurposeIsAnAct(text: String) throws {
        let shipped = try #require(TestEngine.shipped)
        let read = shipped.assess(text)
        #expect(read.level == .emergency, "\(text): \(read.level)")
        #expect(read.signals.contains { $0.rule == "act.taken_to_end_it" }, "\(read.signals)")
    }

    @Test(arguments: [
        "i never took anything to end it, i was just trying to sleep",
        "the pudding was to die for, took my nan for her birthday",
    ])
    func deniedOrFigurativeIsNotAnAct(text: String) throws {
        let shipped = try #require(TestEngine.shipped)
        let read = shipped.assess(text)
        #expect(read.level < .emergency, "\(text): \(read.level)")
    }

    @Test(arguments: [
        "eighteen months free from self harm and then i relapsed after the funeral",
        "i stopped cutting at uni but the urges have come back this winter",
    ])
    func selfHarmStartedAgainIsCurrent(text: String) throws {
        let shipped = try #require(TestEngine.shipped)
        let read = shipped.assess(text)
        #expect(read.level >= .crisis, "\(text): \(read.level)")
        #expect(read.categories.contains(.selfHarm), "\(read.categories)")
        // The lexicon's own reading, not the layers' (the encoder reads the first one too).
        #expect(
            read.signals.contains { $0.rule == "self_harm.recent_terse" && $0.modifiers.isEmpty },
            "\(read.signals)")
    }

    @Test(arguments: [
        ("picked my lip till it bled then did my legs with a compass", true),
        ("did my thighs again last night", true),
        ("did my arms and back at the gym then a long swim", false),
    ])
    func didMyArmIsCuttingWhereTheBladeOrAgainIsSaid(text: String, isSelfHarm: Bool) throws {
        let shipped = try #require(TestEngine.shipped)
        let read = shipped.assess(text)
        #expect((read.level >= .crisis) == isSelfHarm, "\(text): \(read.level)")
        // Cutting, not the n-gram model's suicide reading of "did my thighs".
        #expect(read.categories.contains(.selfHarm) == isSelfHarm, "\(text): \(read.categories)")
    }

    @Test func aRecoveryWithSomethingElseStartedStaysARecovery() throws {
        let shipped = try #require(TestEngine.shipped)
        let text = "two years free from self harm and i started a pottery class"
        #expect(shipped.assess(text).level < .crisis, "\(text)")
    }

    @Test(arguments: [
        "if i dropped dead at my desk tomorrow i'd honestly be relieved",
        "it'd be a relief if i didn't wake up",
    ])
    func reliefAtOnesOwnDeathIsAPassiveWish(text: String) throws {
        let shipped = try #require(TestEngine.shipped)
        let read = shipped.assess(text)
        #expect(read.level >= .crisis, "\(text): \(read.level)")
        #expect(
            read.signals.contains { $0.rule == "passive.relief_if_dead" && $0.modifiers.isEmpty },
            "\(read.signals)")
    }
}

/// The twenty-eighth session (issue 11): boundary topics told in the words people use — a medicine
/// taken over what the box says, a drug or drink as the routine that gets someone through, unwanted
/// pictures of pushing or dropping something on someone, and grief that stops life told by a
/// ritual. Our own wording.
@Suite(.ownThread) struct TwentyEighthSessionBoundaryTests {
    @Test(arguments: [
        (
            "been taking way more tramadol than the packet says for my knee, eight or nine a day",
            RiskCategory.medication
        ),
        ("a bit of coke before every match now to calm my nerves", .substance),
        ("i picture dropping it on my mate at the gym. i don't want to, it scares me", .harmToOthers),
        (
            "since my brother died i walk to where it happened every night and stand there for hours",
            .bereavement
        ),
    ])
    func aBoundaryTopicInEverydayWords(text: String, category: RiskCategory) throws {
        let shipped = try #require(TestEngine.shipped)
        let read = shipped.assess(text)
        #expect(read.level >= .boundary, "\(text): \(read.level)")
        #expect(read.categories.contains(category), "\(text): \(read.categories)")
    }

    @Test(arguments: [
        "a glass of wine most nights with tea, lovely",
        "the box says two every four hours, is that right for my knee",
        "dropping the kids at school then straight to work",
    ])
    func everydayWordsStayCalm(text: String) throws {
        let shipped = try #require(TestEngine.shipped)
        #expect(shipped.assess(text).level < .boundary, "\(text)")
    }
}

/// The twenty-eighth session (issue 11): a history told earlier in a sentence reaches a later
/// clause told in the past with no time of its own; a later clause with its own time, or told in
/// the present, is current. Our own wording.
@Suite(.ownThread) struct TwentyEighthSessionPastClauseTests {
    @Test(arguments: [
        "a good few years back i lost the business and thought about ending it. i'm in a much better place now",
        "had a rough patch at uni a couple of years back, tried to kill myself. doing really well these days",
    ])
    func aLaterClauseToldInThePastIsTheSameHistory(text: String) throws {
        let shipped = try #require(TestEngine.shipped)
        let read = shipped.assess(text)
        #expect(read.level < .crisis, "\(text): \(read.level)")
        #expect(read.signals.contains { $0.modifiers.contains(.historical) }, "\(read.signals)")
    }

    @Test(arguments: [
        "a few years back i lost the business and last night i thought about ending it",
        "years ago my stepdad hit us and i want to kill myself",
        "a couple of years back i was in hospital, thought about ending it again this week",
    ])
    func aLaterClauseWithItsOwnTimeIsCurrent(text: String) throws {
        let shipped = try #require(TestEngine.shipped)
        let read = shipped.assess(text)
        #expect(read.level >= .crisis, "\(text): \(read.level)")
    }
}

/// The twenty-eighth session (issue 12 in part): the person who hurts the writer coming back,
/// told in a first message that itself tells the abuse, is danger now; the same words without
/// abuse told are an everyday idiom. Our own wording.
@Suite(.ownThread) struct TwentyEighthSessionAbuserArrivingTests {
    @Test(arguments: [
        "he put his hands round my throat last night and now he's at the pub. says when he gets back i'm dead",
        "she pinned me down and hit me this morning, she'll be back in half an hour",
    ])
    func theAbuserComingBackAfterAbuseToldIsDangerNow(text: String) throws {
        let shipped = try #require(TestEngine.shipped)
        let read = shipped.assess(text)
        #expect(read.level == .emergency, "\(text): \(read.level)")
        #expect(read.subject == .speaker, "\(read.subject)")
        #expect(read.categories.contains(.abuse), "\(read.categories)")
        #expect(read.signals.contains { $0.rule == SafeguardEngine.threatWhenBackRule }, "\(read.signals)")
    }

    @Test(arguments: [
        "my dad will kill me when he gets home and sees the scratch on the car",
        "when she's back from uni we're dead excited to see her",
    ])
    func withoutAbuseToldItIsAnIdiom(text: String) throws {
        let shipped = try #require(TestEngine.shipped)
        #expect(shipped.assess(text).level < .boundary, "\(text)")
    }
}

/// The twenty-eighth session, last round (issue 11): kinds read in yd and ye after their end
/// figures — a threat for ringing anyone, one's own dialysis or insulin stopped for good, tablets
/// kept instead of taken, understanding now why people end it, hoping an illness finishes the job.
/// Our own wording.
@Suite(.ownThread) struct TwentyEighthSessionLastRoundTests {
    @Test(arguments: [
        (
            "she said she'd kill me if i call anyone. she's in the kitchen", RiskLevel.boundary,
            "abuse.threat_if_i_leave"
        ),
        ("i've stopped my insulin on purpose and told no one", .crisis, "medication.own_treatment_stopped"),
        ("putting my tramadol in a jar instead of taking them, 40 so far", .crisis, "kinds.stockpile"),
        ("after this year i understand now why people kill themselves", .crisis, "passive.fresh_wordings6"),
        ("hoping this flu finishes me off honestly", .crisis, "passive.fresh_wordings6"),
    ])
    func readAsTheirKind(text: String, level: RiskLevel, rule: String) throws {
        let shipped = try #require(TestEngine.shipped)
        let read = shipped.assess(text)
        #expect(read.level >= level, "\(text): \(read.level)")
        // By the lexicon's own rule: the encoder alone reads several of these already.
        #expect(read.signals.contains { $0.rule == rule && $0.modifiers.isEmpty }, "\(read.signals)")
    }

    @Test(arguments: [
        "my nan will kill me if i ring her during corrie",
        "i get it now why people do it, cold water swimming is brilliant",
        "hope the rain stops so i can finish the job on the fence",
    ])
    func everydayWordsStayCalm(text: String) throws {
        let shipped = try #require(TestEngine.shipped)
        #expect(shipped.assess(text).level < .crisis, "\(text)")
    }
}
