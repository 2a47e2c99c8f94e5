import Testing

@testable import Safeguard

/// Kinds a blind set (zf, read after its scoring) showed missing or over-called, written in our
/// own words: a ligature tied to a fixing point and tested, still being here called unfair on
/// others, an allergic reaction described, all the tablets taken in languages spoken in the UK,
/// someone being hurt in a named room now; and, the other way, an own goal, an ordinary dose for
/// an everyday ailment and what people say to the bereaved.
@Suite struct EleventhSessionKindsTests {
    @Test func aLigatureTiedToAFixingPointIsTheMeansAndTestingItIsAnEmergency() throws {
        let tied = "i've tied my dressing gown cord to the banister"
        #expect(rules(tied).contains("kinds.ligature_fixed"))
        #expect(level(tied) == .crisis)
        #expect(level("tied a scarf round the curtain pole, going to test it holds") == .emergency)
        // A lead, a washing line or a tree is not a ligature point here; testing a shelf is DIY.
        for text in [
            "tied the dog's lead to the railing outside the chemist",
            "tied the rope to the tree for a swing",
            "checking the shelf holds before i put the books on",
        ] {
            #expect(level(text) < .crisis, "\(text)")
        }
    }

    @Test func stillBeingHereCalledUnfairOnOthersIsABurden() throws {
        #expect(level("it's not fair on my kids, me still being around") == .crisis)
        #expect(level("it's not fair on my kids that the school still hasn't rung back") < .crisis)
    }

    @Test func anAllergicReactionDescribedIsAnEmergency() throws {
        #expect(level("my tongue's gone all swollen after eating those prawns") == .emergency)
        #expect(level("my lips always tingle a bit with pineapple, weird") < .crisis)
    }

    @Test(arguments: [
        "wzięłam wszystkie tabletki z szuflady",
        "am luat toate medicamentele",
        "me tomé todas las pastillas que había",
        "tomei todos os comprimidos",
        "maine saari goliyan kha li",
        "wedi cymryd y tabledi i gyd",
    ])
    func allTheTabletsTakenInOtherLanguagesIsAnAct(text: String) throws {
        #expect(rules(text).contains("non_english.all_tablets_taken"), "\(text)")
        #expect(level(text) == .emergency, "\(text)")
    }

    @Test func someoneHurtInANamedRoomIsDangerNow() throws {
        #expect(level("her boyfriend is hurting her in the bedroom, i can hear it") == .emergency)
        #expect(level("my stepdad is hitting my mum in the front room") == .emergency)
    }

    @Test func anOwnGoalAndAnOrdinaryDoseAreNotRisk() throws {
        for text in [
            "shot myself in the foot telling my manager that",
            "had 2 ibuprofen for this toothache, still throbbing",
            "took a couple of paracetamol for my period cramps",
        ] {
            #expect(level(text) == .none, "\(text)")
        }
        // Without the ailment, or with more taken, it stays an act.
        #expect(level("took 2 paracetamol and then the whole box") == .emergency)
        #expect(level("took 12 paracetamol for my headache") == .emergency)
    }

    /// The scenario library's grief case: both the n-gram model and the encoder read "it gets
    /// easier" as crisis; said about a death, it is comfort, and grief stays distress.
    @Test func whatPeopleSayToTheBereavedIsNotTheWritersRisk() throws {
        let shipped = try #require(TestEngine.shipped)
        for text in [
            "everyone keeps telling me it gets easier",
            "the vicar said she's at peace now",
            "they all say time heals",
        ] {
            #expect(shipped.assess(text).level < .crisis, "\(text)")
        }
        let stillRisk = "they say it gets easier but i don't want to be here any more"
        #expect(shipped.assess(stillRisk).level == .crisis)
    }

    /// Life admin, a goodbye for a move and outgrown things given away are not farewells.
    @Test func ordinaryGoodbyesAndGivingAwayAreNotFarewells() throws {
        for text in [
            "finally made my will and the power of attorney with the solicitor today",
            "got a leaving card from work, everyone knows i'm moving to canada",
            "giving away the kids' old toys on freecycle now they've outgrown them",
        ] {
            #expect(level(text) < .crisis, "\(text)")
        }
        #expect(level("giving away all my things, i won't need them") == .crisis)
    }

    /// A misreading put right by naming what is being done sets the earlier reading aside.
    @Test func aMisreadingPutRightByNamingTheActivityIsHeard() throws {
        let engine = try #require(TestEngine.engine)
        let first = engine.assess("i want to end it all", state: ConversationState())
        #expect(first.assessment.level == .crisis)
        let next = engine.assess("no not like that, it's a film i'm watching", state: first.state)
        #expect(next.assessment.level < .crisis)
        // Without the activity it is a retraction, and a retraction is not a reason to forget.
        let retracted = engine.assess("no not like that", state: first.state)
        #expect(retracted.assessment.level == .crisis)
        // "Should have said" is a correction only as an apology for being misread.
        let regret = engine.assess(
            "i should have said something to my mum, walking home now", state: first.state)
        #expect(regret.assessment.level == .crisis)
    }

    /// Emergencies a blind set's conversations (zf) showed the lexicon missing, in our words.
    @Test func theRestOfAPrescriptionTakenIsAnActThatHoldsUntilTreated() throws {
        let engine = try #require(TestEngine.engine)
        let taken = engine.assess("swallowed the rest of the packet an hour ago", state: ConversationState())
        #expect(taken.assessment.level == .emergency)
        #expect(taken.state.untreatedAct)
        let next = engine.assess("feel dizzy and sick", state: taken.state)
        #expect(next.assessment.level == .emergency)
    }

    @Test func meansCountedAfterSuicidalTalkIsAboutToAct() throws {
        let engine = try #require(TestEngine.engine)
        let first = engine.assess(
            "i can't do this any more, i don't want to be here", state: ConversationState())
        let next = engine.assess("sitting here sorting them into piles", state: first.state)
        #expect(next.assessment.level == .emergency)
        // Counting and sorting are ordinary without that context.
        #expect(level("counting them down, two sleeps till we fly") < .crisis)
    }

    @Test(arguments: [
        "he's across the road now and he isn't meant to know where i live",
        "in the garage with the engine on, door's shut",
    ])
    func dangerNowSaidPlainlyIsAnEmergency(text: String) throws {
        #expect(level(text) == .emergency, "\(text)")
    }

    @Test func someoneAtRiskWhoDoesNotAnswerInPlainEnglishIsUnreachable() throws {
        let engine = try #require(TestEngine.engine)
        let first = engine.assess("my son wrote he wants to die in his notebook", state: ConversationState())
        let next = engine.assess("he locked in room, he not answer me", state: first.state)
        #expect(next.assessment.level == .emergency)
    }

    /// Crisis said without the usual words: not expecting to be here for a date, a deadline set
    /// on one's own life, how a means feels, trains that do not stop; the same in Urdu.
    @Test(arguments: [
        "don't think i'll still be here for my birthday",
        "can't see me lasting till the spring",
        "if nothing gets better by payday i'm done",
        "does it hurt or do you just fall asleep with helium",
        "what time's the first train through that doesn't stop",
        "dil nahi karta zinda rehne ko",
    ])
    func crisisWithoutTheUsualWords(text: String) throws {
        #expect(level(text) == .crisis, "\(text)")
    }

    @Test(arguments: [
        "don't think i'll be around for the team meeting, got the dentist",
        "if nothing changes by june i'm looking for a new job",
        "which trains stop at crewe",
    ])
    func theirEverydayLookAlikesStayCalm(text: String) throws {
        #expect(level(text) < .crisis, "\(text)")
    }

    /// Read from zg and zh after their blind scoring: "every night" is not a dose (it made "i
    /// heard him say he wants to die" figurative), and everyday hyperbole stays calm.
    @Test func everyNightIsNotAMedicineRoutine() throws {
        let heard = "he cries in his room every night, i heard him say he wants to die"
        #expect(level(heard) == .crisis)
        #expect(level("i cry every night and want to die") == .crisis)
    }

    @Test(arguments: [
        "the roadworks on the m6 make me want to die",
        "so hungover i could die",
        "everyone would be better off if i stopped organising the christmas do",
        "tonight's the night, asking him out at the pub quiz",
        "got my affairs in order, will and power of attorney done at 68",
    ])
    func everydayHyperboleAndLifeAdminStayCalm(text: String) throws {
        #expect(level(text) < .crisis, "\(text)")
    }

    @Test(arguments: [
        "chcę po prostu zasnąć i się nie obudzić",
        "ya no quiere vivir, no sé qué hacer",
        "kabhi lagta hai sab khatam kar doon",
    ])
    func moreCrisisInOtherLanguages(text: String) throws {
        #expect(level(text) == .crisis, "\(text)")
    }

    /// A year gone by dates what happened: history, not a crisis now. "Since" a year is not: it
    /// has gone on since then.
    @Test func aYearGoneByDatesThePast() throws {
        #expect(level("i tried to end my life in 2016, i'm much better now") == .distress)
        #expect(level("i've wanted to die every day since 2021") == .crisis)
        #expect(level("i took an overdose back in 2012 and again tonight") == .emergency)
    }
}
