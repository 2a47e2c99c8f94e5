import Testing

@testable import Safeguard

/// Fresh sentences (written for these tests, not taken from the eval set or the scenarios) for
/// kinds of language the engine must generalise to: danger now, coercive control, passive
/// ideation, current and recovered self-harm, method questions in fiction, psychosis-like
/// experiences, restriction for control, everyday distress and grief; and benign traps.
@Suite struct GeneralisationTests {
    static let everydayTiredness: [String] = [
        "i'm so tired i could sleep for a week",
        "my partner handles the bills because she's better with money",
    ]

    static let benignTraps: [String] = [
        "we're having a roast tonight with the family",
        "going out for pizza tonight with my mates",
        "dinner at my mum's tonight",
        "can't wait for the match tonight",
        "this meeting is killing me",
        "my boss will kill me if i'm late again lol",
        "i cut the grass yesterday",
        "i hurt my back lifting boxes",
        "burned my hand on the kettle this morning",
        "i'm writing a novel about a detective in leeds",
        "my character dies at the end of the book",
        "i watched a documentary about voices in radio history",
        "i heard my neighbours arguing through the wall",
        "my mum checks the weather every morning",
        "i skipped breakfast because i was running late",
        "i only eat chocolate at christmas",
        "the tv was on all night",
        "i can't wait to sleep in on saturday",
        "i'm dying to see that film",
        "my dad's at the door with the shopping",
        "my ex texted asking about the dog",
        "i love how the radio plays my favourite songs",
        "i'll go to sleep early tonight",
        "my phone tracks my steps",
        "the kids are at their dad's tonight",
        "my friend is tracking her spending in an app",
        "i deleted my instagram to focus on exams",
        "made a cake for my nan's birthday",
        "we're getting a chinese tonight",
        "my nan's coming round tonight for tea",
        "the voices in the choir sounded amazing",
        "i let myself have a lie in on sunday",
        "i've been watching the new series on netflix",
        "my mum gives me pocket money every saturday",
        "my best friend has my location on find my friends so she knows i got home",
        "i skip breakfast most days, never hungry in the morning",
        "i used to cut my own hair during lockdown",
        "it's been ages since i last cut my fringe",
        "i burned the toast worse than usual this morning",
        "this song is literally about me lol",
        "uni is so much fun this term",
        "the neighbours were banging on the wall about the music",
        "the government is raising taxes again",
        "my dad gives me money for the week when i'm at uni",
        "i only let myself have pudding on sundays haha",
        "i'm going to sleep and not waking up till noon tomorrow lol",
        "i can't wait to get home and go to sleep",
        "my little sister is driving me mad",
        "followed a recipe for curry tonight",
        "i've been hearing good things about that show",
        "my novel's villain poisons the king in chapter three",
        "i hurt myself playing football again last night",
        "my dog went back to his old habits of chewing shoes",
        "i always know where my kids are thanks to the app",
        "we went out for tea and i felt really full after",
        "the radio said there'll be rain tomorrow",
        "my manager said the project is going well",
        "i made a cup of tea and sat in the garden thinking about life",
    ]

    typealias Probe = LevelProbe

    static let probes: [Probe] = [
        Probe(
            text: "my dad's home drunk and kicking my bedroom door, i'm 13", level: .emergency,
            categories: [.childSafeguarding]),
        Probe(
            text: "i'm 12 and my stepdad is hitting me right now", level: .emergency,
            categories: [.childSafeguarding]),
        Probe(
            text: "mum's boyfriend is drunk and screaming at my little brother, i'm 15 and scared",
            level: .emergency, categories: [.childSafeguarding]),
        Probe(
            text: "im 14 and my dad has locked me in my room and he's really angry", level: .emergency,
            categories: [.childSafeguarding]),
        Probe(
            text: "my ex is outside my flat shouting and says he'll hurt me", level: .emergency,
            categories: [.abuse]),
        Probe(text: "he's outside the house right now with a knife", level: .emergency, categories: [.abuse]),
        Probe(
            text: "my husband is banging on the bathroom door and i'm hiding in here", level: .emergency,
            categories: [.abuse]),
        Probe(
            text: "she's threatening me with a knife in the kitchen right now", level: .emergency,
            categories: [.abuse]),
        Probe(
            text: "my ex just turned up at my door screaming, i'm terrified he'll hurt me", level: .emergency,
            categories: [.abuse]),
        Probe(
            text: "my husband takes my wages every month and gives me an allowance", level: .boundary,
            categories: [.abuse]),
        Probe(
            text: "my girlfriend keeps my bank card and i have to ask her for money", level: .boundary,
            categories: [.abuse]),
        Probe(
            text: "he takes my whole pay packet and gives me pocket money", level: .boundary,
            categories: [.abuse]),
        Probe(text: "my partner checks my phone every night", level: .boundary, categories: [.abuse]),
        Probe(
            text: "my boyfriend tracks my location on his phone all the time", level: .boundary,
            categories: [.abuse]),
        Probe(
            text: "she reads all my messages and gets angry if i delete any", level: .boundary,
            categories: [.abuse]),
        Probe(text: "he won't let me see my friends anymore", level: .boundary, categories: [.abuse]),
        Probe(
            text: "my husband doesn't let me visit my family on my own", level: .boundary,
            categories: [.abuse]),
        Probe(text: "he put a tracker on my car", level: .boundary, categories: [.abuse]),
        Probe(
            text: "my partner sulks for days whenever i see my sister without him", level: .boundary,
            categories: [.abuse]),
        Probe(
            text: "sometimes i wish i could go to sleep and never wake up", level: .crisis,
            categories: [.suicide]),
        Probe(
            text: "i'd be fine if i went to bed tonight and didn't wake up", level: .crisis,
            categories: [.suicide]),
        Probe(text: "i wish i could just not exist", level: .crisis, categories: [.suicide]),
        Probe(text: "i just want to stop existing", level: .crisis, categories: [.suicide]),
        Probe(
            text: "it would be easier if i fell asleep and didn't wake up", level: .crisis,
            categories: [.suicide]),
        Probe(text: "i hope i don't wake up tomorrow", level: .crisis, categories: [.suicide]),
        Probe(text: "i don't see the point in living anymore", level: .crisis, categories: [.suicide]),
        Probe(text: "i don't see the point in anything anymore", level: .distress, categories: []),
        Probe(text: "honestly i can't see the point of any of it lately", level: .distress, categories: []),
        Probe(text: "cut again last night", level: .crisis, categories: [.selfHarm]),
        Probe(text: "i hurt myself again yesterday", level: .crisis, categories: [.selfHarm]),
        Probe(text: "burned myself with a lighter last night", level: .crisis, categories: [.selfHarm]),
        Probe(text: "relapsed with my self harm last night", level: .crisis, categories: [.selfHarm]),
        Probe(text: "started cutting again this week", level: .crisis, categories: [.selfHarm]),
        Probe(text: "i've been cutting again", level: .crisis, categories: [.selfHarm]),
        Probe(text: "scratched my arms till they bled again", level: .crisis, categories: [.selfHarm]),
        Probe(text: "i self harmed again this morning", level: .crisis, categories: [.selfHarm]),
        Probe(text: "i used to cut but i'm two years clean now", level: .distress, categories: [.selfHarm]),
        Probe(text: "i haven't self harmed in eighteen months", level: .distress, categories: [.selfHarm]),
        Probe(text: "four years since i last hurt myself", level: .distress, categories: [.selfHarm]),
        Probe(
            text: "for my novel, how many sleeping pills would kill someone", level: .crisis,
            categories: [.suicide]),
        Probe(
            text: "writing a story, how much paracetamol would be a fatal dose", level: .crisis,
            categories: [.suicide]),
        Probe(
            text: "for a screenplay i'm writing, what dose of insulin would kill a person", level: .crisis,
            categories: [.suicide]),
        Probe(
            text: "asking for a book, how many tablets does it take to not wake up", level: .crisis,
            categories: [.suicide]),
        Probe(
            text: "i can hear voices when nobody is in the room", level: .boundary, categories: [.psychosis]),
        Probe(text: "i think i'm being followed everywhere i go", level: .boundary, categories: [.psychosis]),
        Probe(text: "someone is putting thoughts into my head", level: .boundary, categories: [.psychosis]),
        Probe(text: "the radio is sending me messages", level: .boundary, categories: [.psychosis]),
        Probe(
            text: "people on the telly are talking about me specifically", level: .boundary,
            categories: [.psychosis]),
        Probe(
            text: "i'm sure my neighbours are watching me through the walls", level: .boundary,
            categories: [.psychosis]),
        Probe(
            text: "there are cameras in my flat watching me, i know it", level: .boundary,
            categories: [.psychosis]),
        Probe(text: "i only let myself eat an apple a day", level: .boundary, categories: [.eatingDisorder]),
        Probe(text: "i skip meals so i feel in control", level: .boundary, categories: [.eatingDisorder]),
        Probe(text: "i hate myself after i eat anything", level: .boundary, categories: [.eatingDisorder]),
        Probe(text: "i only allow myself one meal a day", level: .boundary, categories: [.eatingDisorder]),
        Probe(
            text: "eating makes me feel so disgusting i skip dinner most days", level: .boundary,
            categories: [.eatingDisorder]),
        Probe(
            text: "i've cut my food down to almost nothing to feel in control", level: .boundary,
            categories: [.eatingDisorder]),
        Probe(text: "work is so stressful i can't switch off", level: .distress, categories: []),
        Probe(text: "i'm exhausted by everything lately", level: .distress, categories: []),
        Probe(text: "feeling really low this week", level: .distress, categories: []),
        Probe(text: "my manager keeps piling work on me and i'm drowning", level: .distress, categories: []),
        Probe(text: "so stressed about my deadlines i can't sleep", level: .distress, categories: []),
        Probe(text: "everything just feels heavy at the moment", level: .distress, categories: []),
        Probe(text: "first christmas without my dad", level: .distress, categories: [.bereavement]),
        Probe(text: "i miss my nan so much", level: .distress, categories: [.bereavement]),
        Probe(
            text: "it's been a year since mum died and i still cry every day", level: .distress,
            categories: [.bereavement]),
        Probe(
            text: "first birthday without my grandad tomorrow", level: .distress, categories: [.bereavement]),
        Probe(
            text: "i've taken a whole packet of paracetamol", level: .emergency,
            categories: [.suicide, .medication]),
        Probe(
            text: "swallowed a load of my sleeping pills an hour ago", level: .emergency,
            categories: [.suicide, .medication]),
        Probe(
            text: "took all my antidepressants at once", level: .emergency,
            categories: [.suicide, .medication]),
        Probe(
            text: "my ex is in the garden trying to get in and i'm scared", level: .emergency,
            categories: [.abuse]),
        Probe(
            text: "he's on his way over and said he's going to kill me", level: .emergency,
            categories: [.abuse]),
        Probe(
            text: "i'm 11 and mum's boyfriend is hitting me now", level: .emergency,
            categories: [.childSafeguarding]),
        Probe(
            text: "my wife controls all the money and i have to ask for bus fare", level: .boundary,
            categories: [.abuse]),
        Probe(
            text: "he made me give him my passwords and checks my emails", level: .boundary,
            categories: [.abuse]),
        Probe(
            text: "my boyfriend gets angry if i go out with my mates without him", level: .boundary,
            categories: [.abuse]),
        Probe(text: "he doesn't let me have my own bank account", level: .boundary, categories: [.abuse]),
        Probe(text: "i just want to go to sleep forever", level: .crisis, categories: [.suicide]),
        Probe(text: "sometimes i wish i'd never wake up", level: .crisis, categories: [.suicide]),
        Probe(text: "i wish i didn't exist", level: .crisis, categories: [.suicide]),
        Probe(text: "i'd rather not be here anymore", level: .crisis, categories: [.suicide]),
        Probe(text: "i burnt my arm with a lighter last night", level: .crisis, categories: [.selfHarm]),
        Probe(text: "been hurting myself again", level: .crisis, categories: [.selfHarm]),
        Probe(
            text: "i've started scratching myself again till it bleeds", level: .crisis,
            categories: [.selfHarm]),
        Probe(text: "hit myself again last night till i bruised", level: .crisis, categories: [.selfHarm]),
        Probe(
            text: "i used to self harm as a teenager but i'm doing well now", level: .distress,
            categories: [.selfHarm]),
        Probe(
            text: "for a short story, what's the lethal dose of paracetamol", level: .crisis,
            categories: [.suicide]),
        Probe(
            text: "in my book the character overdoses, how many pills would she need", level: .crisis,
            categories: [.suicide]),
        Probe(
            text: "i can hear people talking about me when no one is there", level: .boundary,
            categories: [.psychosis]),
        Probe(
            text: "my thoughts are being broadcast to everyone", level: .boundary, categories: [.psychosis]),
        Probe(
            text: "the adverts on the radio are about me and they're telling me things", level: .boundary,
            categories: [.psychosis]),
        Probe(
            text: "i think the government is monitoring me through my phone", level: .boundary,
            categories: [.psychosis]),
        Probe(
            text: "i feel so guilty after eating i skip the next meal", level: .boundary,
            categories: [.eatingDisorder]),
        Probe(
            text: "i won't let myself have dinner until i've run 10k", level: .boundary,
            categories: [.eatingDisorder]),
        Probe(
            text: "i only let myself have black coffee until the evening", level: .boundary,
            categories: [.eatingDisorder]),
        Probe(text: "i'm so burnt out from work", level: .distress, categories: []),
        Probe(text: "everything is getting on top of me", level: .distress, categories: []),
        Probe(text: "christmas is hard since my grandad died", level: .distress, categories: [.bereavement]),
        Probe(
            text: "i really miss my mum, she died last spring", level: .distress, categories: [.bereavement]),
        Probe(
            text: "i'm 14, my dad's drunk and he's just smashed the door in", level: .emergency,
            categories: [.childSafeguarding]),
        Probe(
            text: "my partner has a knife and won't let me leave the kitchen", level: .emergency,
            categories: [.abuse]),
        Probe(text: "i keep hoping i just won't wake up one morning", level: .crisis, categories: [.suicide]),
        Probe(text: "honestly it'd be a relief to not exist", level: .crisis, categories: [.suicide]),
        Probe(text: "i wish i could fall asleep forever", level: .crisis, categories: [.suicide]),
        Probe(text: "i did it again last night, the cutting", level: .crisis, categories: [.selfHarm]),
        Probe(text: "my arms are a mess from last night", level: .crisis, categories: [.selfHarm]),
        Probe(text: "went back to cutting after six months clean", level: .crisis, categories: [.selfHarm]),
        Probe(text: "he makes me hand over my wages every friday", level: .boundary, categories: [.abuse]),
        Probe(
            text: "she tracks my phone and goes mad if i'm late home", level: .boundary, categories: [.abuse]),
        Probe(
            text: "i keep hearing whispering when nobody is there", level: .boundary, categories: [.psychosis]
        ),
        Probe(
            text: "i'm convinced someone is following me home every night", level: .boundary,
            categories: [.psychosis]),
        Probe(text: "i feel like i have to earn my food", level: .boundary, categories: [.eatingDisorder]),
        Probe(
            text: "i make rules about what i can eat and panic if i break them", level: .boundary,
            categories: [.eatingDisorder]),
        Probe(text: "i'm knackered and fed up with everything", level: .distress, categories: []),
        Probe(
            text: "it's the anniversary of dad's death next week and i'm dreading it", level: .distress,
            categories: [.bereavement]),
        Probe(
            text:
                "quick one for a murder mystery i'm plotting: how much insulin would be enough to kill someone",
            level: .crisis, categories: [.suicide]),
        Probe(
            text: "asking for my thriller, how many sleeping tablets would she have to take to die",
            level: .crisis, categories: [.suicide, .medication]),
        Probe(
            text: "i swallowed the whole box of my co-codamol about twenty minutes ago", level: .emergency,
            categories: [.suicide, .medication]),
        Probe(
            text:
                "so the weekend was good, we went to the coast and had chips on the pier and the kids loved the arcade, work is the same as ever and my boss is still a nightmare, but honestly i've started to feel like everyone would be better off without me, anyway what do you think about getting a dog",
            level: .crisis, categories: [.suicide]),
        Probe(
            text:
                "lovely day at the park with my niece, she's getting so big. my tea was burnt though. and i cut myself again when i got home, it's still bleeding a bit. anyway how was your day",
            level: .crisis, categories: [.selfHarm]),
        Probe(
            text: "there's a voice that comments on everything i do", level: .boundary,
            categories: [.psychosis]),
        Probe(
            text: "my husband has taken my car keys and phone so i can't go anywhere", level: .boundary,
            categories: [.abuse]),
    ]

    @Test(arguments: probes)
    func kindsOfLanguageGetTheirLevelAndCategories(probe: Probe) throws {
        try probe.check()
    }

    @Test(arguments: benignTraps)
    func benignTrapsStayNone(text: String) {
        #expect(level(text) == .none, "\(text)")
    }

    @Test(arguments: everydayTiredness)
    func everydayTirednessAndBillsAreAtMostDistress(text: String) {
        #expect(level(text) <= .distress, "\(text)")
    }

    /// Saying it is meant ("not joking", "i mean it") cancels laughter before it; laughter after
    /// it ("not even joking 😂") is still the last word.
    @Test(arguments: [
        ("honestly want to die so bad 😭 not kidding", RiskLevel.crisis),
        ("i want to die lol. i mean it though", .crisis),
        ("i want to die lol", .none),
        ("this queue makes me want to die, not even joking 😂", .none),
    ])
    func meaningItCancelsEarlierLaughter(text: String, expected: RiskLevel) {
        #expect(level(text) == expected, "\(text)")
    }

    /// The statistical layer is not silenced by the negation word in "not being dramatic" or
    /// "not joking"; a real negation still keeps it out.
    @Test func theModelStillReadsEarnestMessages() throws {
        let engine = try #require(TestEngine.engineWithModel)
        for text in [
            "I'm not being dramatic. i really want my life to end now",
            "not joking, i genuinely want my existence to end",
        ] {
            #expect(engine.assess(text).level >= .crisis, "\(text)")
        }
        #expect(engine.assess("i'm not suicidal, just worn out by work").level < .crisis)
        #expect(engine.assess("I'm not being dramatic. i really want my life to end now lol").level < .crisis)
    }

    /// In a message with no word about life, death, harm, means or farewells (`@model_anchor`)
    /// the model must be much surer: everyday dread about tonight needs 0.97, not 0.85.
    @Test func theModelsBarRisesWithoutAnAnchorWord() throws {
        let lexicon = try #require(TestEngine.lexicon)
        for text in [
            "my housemates are going out for a curry tonight and i'm already dreading it",
            "the team are going for drinks tonight and honestly i'm dreading it",
        ] {
            let fairlySure = SafeguardEngine(lexicon: lexicon, model: FixedScoreModel(score: 0.9))
            let verySure = SafeguardEngine(lexicon: lexicon, model: FixedScoreModel(score: 0.98))
            #expect(fairlySure.assess(text).level < .crisis, "\(text)")
            #expect(verySure.assess(text).level == .crisis, "\(text)")
        }
        // The real model does not read these as risk at all.
        let real = try #require(TestEngine.engineWithModel)
        #expect(
            real.assess("my housemates are going out for a curry tonight and i'm dreading it").level < .crisis
        )
    }

    @Test func markedSpans() {
        expectSpan(
            "he [[takes my wages]] every month and gives me a bit back", rule: "abuse.everyday_control",
            level: .boundary, category: .abuse)
        expectSpan(
            "some days i wish i could [[go to sleep and not wake up]]", rule: "passive.", level: .crisis,
            category: .suicide)
        expectSpan(
            "i [[only let myself eat]] a banana on work days", rule: "eating.control", level: .boundary,
            category: .eatingDisorder)
        expectSpan(
            "it's like they're [[sending thoughts into my head]] at night", rule: "psychosis.",
            level: .boundary,
            category: .psychosis)
    }

    @Test func aTimeRightAfterYesToTheSafetyQuestionIsAnEmergency() {
        let turns = ["honestly i'm so tired of being alive", "yeah", "tomorrow night"]
        #expect(levels(turns, askedAfter: [0]) == [.crisis, .crisis, .emergency])
    }

    @Test func aMealTonightAfterRestrictionDoesNotEscalate() {
        let turns = [
            "i only allow myself one meal a day", "my mates want a takeaway tonight and i'm dreading it",
        ]
        #expect(levels(turns).last == .boundary)
    }

    @Test func aFriendSafeWithFamilyIsStillRemembered() {
        let turns = [
            "my mate posted a video saying sorry to everyone, he's done with fighting",
            "his mum is with him now and they're going to ring samaritans together",
        ]
        #expect(levels(turns) == [.crisis, .crisis])
    }

    @Test func aRoutineTimeIsNotATimeToAct() {
        let routine =
            "most evenings after everyone goes to bed i line up my tablets and think about taking every one"
        #expect(level(routine) == .crisis)
        #expect(level("sometimes i want to die but tonight i'm going to do it") == .emergency)
    }

    @Test func ordinaryGriefIsNotSuicidalRisk() throws {
        let assessment = try #require(TestEngine.engine).assess(
            "first easter without my grandma and the house feels so empty")
        #expect(assessment.level == .distress)
        #expect(assessment.categories == [.bereavement])
    }
}
