import Testing

@testable import Safeguard

/// Boundary topics, everyday distress and danger now in wordings the first lexicon missed, found
/// by kind on a blind probe set (these sentences are our own): each kind must get its level and
/// category, and its everyday look-alikes must not.
@Suite struct TopicKindsTests {
    static let everydayLookAlikes: [String] = [
        "i heard my name called at the doctor's and nearly missed it",
        "weighed the flour twice because the recipe was in ounces",
        "a can of coke and a packet of crisps, the dream",
        "my brother keeps smoking in the garden and mum hates it",
        "the bath water went pink because of my new bath bomb",
        "that cut is healing nicely now",
        "she's punching above her weight with him lol",
        "i'm on the bridge, be at yours in five",
        "thinking about jumping on the train to leeds",
        "i'm not suicidal, just knackered",
        "said goodbye to my office today after 20 years",
        "quickest way to go to the shops from here?",
        "my mum will kill me if i don't wake up on time",
        "gonna shoot my shot at the christmas party",
        "i've decided how i'm going to decorate the lounge",
        "is paracetamol or ibuprofen better for a migraine, which is kinder on your stomach",
        "my gran keeps mixing up her blood pressure tablets, any tips for a pill organiser",
        "does talking to someone about suicide put the idea in their head",
        "i took everything in the cupboard to the charity shop",
        "wish i had the guts to tell my boss what i think",
        "overdosed on chocolate again, every easter",
        "the puppy is trying to end my life with these 4am wake ups",
    ]

    typealias Probe = LevelProbe

    static let probes: [Probe] = [
        Probe(
            text: "i keep hearing a woman calling my name when nobody is home", level: .boundary,
            categories: [.psychosis]),
        Probe(
            text: "there are figures moving in the corner of the room at night", level: .boundary,
            categories: [.psychosis]),
        Probe(
            text: "strangers in the shop keep giving signals to me, as if they know what i did",
            level: .boundary,
            categories: [.psychosis]),
        Probe(
            text: "since i tried ketamine the world feels fake, like a film", level: .boundary,
            categories: [.psychosis]),
        Probe(
            text: "i weigh myself about ten times a day now", level: .boundary, categories: [.eatingDisorder]),
        Probe(
            text: "found diet pills and laxatives hidden in my daughter's drawer", level: .boundary,
            categories: [.eatingDisorder]),
        Probe(
            text: "ket every weekend has turned into ket most nights", level: .boundary,
            categories: [.substance]),
        Probe(
            text: "how do i quit the coke before it gets worse", level: .boundary, categories: [.substance]
        ),
        Probe(
            text: "my brother keeps smoking spice and collapsed last week", level: .boundary,
            categories: [.substance]),
        Probe(
            text: "he told me that if i leave he will make sure i never see the kids", level: .boundary,
            categories: [.abuse]),
        Probe(
            text: "my boyfriend pushed me against the fridge, is that really abuse", level: .boundary,
            categories: [.abuse]),
        Probe(
            text: "a lad in my form comes in with bruises and says his dad gets angry", level: .boundary,
            categories: [.abuse]),
        Probe(
            text: "my stepbrother used to touch me when i was small", level: .boundary,
            categories: [.sexualViolence]),
        Probe(
            text: "someone shared my nudes in a group chat at work", level: .boundary,
            categories: [.sexualViolence]),
        Probe(
            text: "whenever a door slams i'm back in that flat with him", level: .boundary,
            categories: [.trauma]),
        Probe(
            text: "lost my husband in june and it's getting worse, i can't eat", level: .boundary,
            categories: [.bereavement]),
        Probe(
            text: "is it normal for my antidepressant to make me this dizzy", level: .boundary,
            categories: [.medication]),
        Probe(
            text: "haven't had a single proper conversation since i moved here", level: .distress,
            categories: []),
        Probe(text: "honestly i'm just tired of pretending i'm ok", level: .distress, categories: []),
        Probe(
            text: "i've already taken the lot, just wanted to say it to someone", level: .emergency,
            categories: [.suicide]),
        Probe(
            text: "cut really deep tonight and i can see the fat", level: .emergency, categories: [.selfHarm]),
        Probe(
            text: "my stepdad is punching mum downstairs right now", level: .emergency, categories: [.abuse]),
        Probe(text: "he's trying to kick the back door in", level: .emergency, categories: [.abuse]),
        Probe(text: "can't stop thinking about overdosing lately", level: .crisis, categories: [.suicide]),
        Probe(
            text: "been daydreaming about stepping out in front of the bus", level: .crisis,
            categories: [.suicide]),
        Probe(
            text: "i keep hoping the scan shows something terminal", level: .crisis, categories: [.suicide]),
        Probe(text: "rubbed my arms with sandpaper until they bled", level: .crisis, categories: []),
        Probe(
            text: "smashed my fist into the mirror till my knuckles bled", level: .crisis,
            categories: [.selfHarm]
        ),
        Probe(
            text: "my little sister has been cutting her legs again", level: .crisis, categories: [.selfHarm]),
        Probe(
            text: "he just texted that he has taken something and now he's gone silent", level: .emergency,
            categories: [.suicide]),
        Probe(
            text: "i'm stood on the viaduct. it's a long way down", level: .emergency, categories: [.suicide]),
        Probe(
            text: "sat at the edge of the quarry working up to it", level: .emergency, categories: [.suicide]),
        Probe(
            text: "i've rehomed my dog and sorted out my passwords for my brother", level: .crisis,
            categories: [.suicide]),
        Probe(
            text: "i'm not suicidal i just lie awake wishing i was dead", level: .crisis,
            categories: [.suicide]),
    ]

    @Test(arguments: probes)
    func kindsGetTheirLevelAndCategory(probe: Probe) throws {
        try probe.check()
    }

    @Test(arguments: everydayLookAlikes)
    func everydayLookAlikesStayBelowBoundary(text: String) throws {
        let engine = try #require(TestEngine.engine)
        #expect(engine.assess(text).level < .boundary, "\(text)")
    }

    /// A meeting arranged by someone met online is an emergency only when a child is involved.
    @Test func aMeetingArrangedOnlineIsAnEmergencyForAChild() {
        let child = converse([
            "this lad i've been talking to on discord is 20 and i'm 13",
            "he's driving to my town later to meet me at the shops",
        ]).map(\.level)
        #expect(child == [.boundary, .emergency])
        let adult = converse(["my friend is driving to my town later to meet me at the shops"]).map(\.level)
        #expect(adult == [.none])
    }

    /// A friend found and safe brings an emergency back to crisis (remembered, not forgotten).
    @Test func aFriendFoundSafeComesBackToCrisis() {
        let levels = converse([
            "my mate texted me goodbye and said sorry for everything",
            "he's not answering his phone and nobody knows where he is",
            "the police found him, he's safe and they've taken him to hospital",
        ]).map(\.level)
        #expect(levels.last == .crisis)
        #expect(levels.contains(.emergency))
    }

    @Test func wantingToBeWhereSomeoneWhoDiedIsIsCrisis() throws {
        let engine = try #require(TestEngine.engine)
        #expect(engine.assess("since dad died i keep wishing i could go where he has gone").level == .crisis)
        #expect(engine.assess("i just want to see my mum again, she's on holiday").level < .crisis)
    }

    /// Someone else's words reported right after "she said" / "he texted" are about them; the
    /// person's own words later in the sentence, and "asking for a friend", stay theirs.
    @Test func reportedSpeechIsAboutTheOtherPerson() throws {
        let engine = try #require(TestEngine.engine)
        let reported = engine.assess("my daughter is 14 and wrote 'i just want to die' in her diary")
        #expect(reported.level == .crisis && reported.subject == .other)
        let quoted = engine.assess("my boyfriend messaged me 'i'm done with being alive' and won't pick up")
        #expect(quoted.subject == .other)
        let own = engine.assess("my dad said i should get help because i want to die")
        #expect(own.subject == .speaker)
        let model = try #require(TestEngine.engineWithModel)
        #expect(
            model.assess("how many of my sleeping tablets would be fatal, asking for a friend").subject
                == .speaker)
    }

    /// A dose question, then an amount: the amount is read against the question.
    @Test func anAmountAfterADoseQuestionIsAnAct() {
        let levels = converse([
            "how many of my sleeping tablets could someone take all at once",
            "i've already had 12",
        ]).map(\.level)
        #expect(levels == [.crisis, .emergency])
        #expect(converse(["i've already had 12"]).map(\.level) == [.none])
    }

    @Test func sayingItOutrightIsAnEmergency() throws {
        let engine = try #require(TestEngine.engine)
        #expect(engine.assess("i was going to do it tonight").level == .emergency)
        #expect(engine.assess("honestly i don't see any point in carrying on").level == .crisis)
    }

    /// "That was 20 years ago." dates the sentence before it.
    @Test func aDateInTheNextSentenceMakesItHistory() throws {
        let engine = try #require(TestEngine.engine)
        let past = engine.assess(
            "i tried to take my own life at 22. that was 15 years ago and i'm doing well now")
        #expect(past.level < .crisis)
        #expect(engine.assess("i tried to take my own life last night").level >= .crisis)
    }

    /// Everyday medicine questions keep the statistical model out (it reads medicine words as
    /// risk): even a model sure of risk does not make them crisis.
    @Test func everydayMedicineQuestionsKeepTheModelOut() throws {
        let lexicon = try #require(TestEngine.lexicon)
        let sure = SafeguardEngine(lexicon: lexicon, model: FixedScoreModel(score: 0.99))
        for text in [
            "is paracetamol or ibuprofen better for a migraine, which is kinder on your stomach",
            "my gran keeps mixing up her blood pressure tablets, any tips for a pill organiser",
        ] {
            #expect(sure.assess(text).level < .crisis, "\(text)")
        }
        // Control: without an everyday-medicine phrase the stand-in model does count.
        #expect(sure.assess("how long do antibiotics take to work on a chest infection").level == .crisis)
    }
}
