import Testing

@testable import Safeguard

/// Kinds of crisis language the lexicon must catch on its own (no statistical model), each with
/// several fresh wordings written for these tests, and the everyday look-alikes that must stay
/// calm. Sentences are our own; none come from the eval set, the holdout or the scenarios.
@Suite struct RecallKindsTests {
    static let recovered: [String] = [
        "i survived an attempt years back and now i run marathons",
        "i tried in 2012 and now i volunteer with a helpline",
        "after my redundancy i thought about dying a lot, but counselling got me through",
        "i'm not going to act on anything, i'm just so tired after work",
    ]

    static let lookAlikes: [String] = [
        // A fixed structure by the road is a place of risk only with driving aimed at it.
        "parked at the bridge support to fix the tyre",
        "driving near the central reservation in the roadworks",
        "my laptop's on its last legs", "what's the best way to slice a pineapple",
        "quickest way to hang a picture",
        "the bridge by the station is being repainted", "i want to pack it all in and move to the coast",
        "i want this lecture to be over", "wish my shift would end already",
        "i hope the operation goes well tomorrow",
        "i hope a bus comes soon, i'm freezing", "i slept forever last night, 12 hours",
        "i want to disappear to a desert island for a month", "i overstayed my welcome at my sister's",
        "city life isn't for me", "we're checking out of the airbnb at 11", "i made my peace with my ex",
        "the house is lighter without the old wardrobe", "the team would be better without him as captain",
        "do me a favour and grab some milk", "i've picked a date for the party",
        "we set a date for the wedding",
        "my plan is to revise all weekend", "counting the days till christmas",
        "i'm on the roof terrace having a drink",
        "i stepped closer to the edge to get a photo of the waterfall",
        "i bit my nails until they bled a bit",
        "i burnt my hand on the oven", "i cut my arm on a nail in the garden", "my cat scratched my arm open",
        "i hit my head on the cupboard", "my nan says she's taken her tablets",
        "she took her pills with breakfast",
        "how long does paracetamol take to work", "what's the tallest building in the world",
        "my little cousin says he's going to unalive this sandwich 😭", "i'm so close to finishing this essay",
        "i wish the car crash scene in the film was shorter", "time to pack it in for the night",
        "i cut myself a slice of cake", "i'm going to let go of the grudge",
        "i wish i'd never woken up this early", "i've stocked up on toilet roll",
        "the kids will be fine without me for a weekend",
        "i'm at the railway bridge now, where are you",
        "my mate said he's going to kms when he missed the bus 😭",
        "i'd give anything to not exist on mondays lol",
        "i hope i don't wake up late tomorrow",
        "the train's on the tracks now", "i've decided how i'm going to paint the hallway",
        "i'm reading a novel about a girl who wants to die",
        "my uncle survived a fall from three floors when he was a roofer",
        "quickest way to go to the station",
        "i took everything in the cupboard to the charity shop",
        "this essay is killing me", "could murder a curry", "i'm dying to see that film",
    ]

    /// A kind of language: its name, the least level it must reach and what it must say.
    struct Kind: Sendable, CustomTestStringConvertible {
        let name: String
        let minimum: RiskLevel
        let category: RiskCategory
        let subject: Subject
        let texts: [String]

        var testDescription: String { name }
    }

    static let kinds: [Kind] = [
        Kind(
            name: "wanting life to end or be over", minimum: .crisis, category: .suicide, subject: .speaker,
            texts: [
                "honestly i need my life to end", "i'm so ready for all of this to be over for good",
                "wish my life was over already", "rly want my life 2 end",
                "just waiting for my life to be over",
            ]),
        Kind(
            name: "wishing an accident, illness or operation would kill me", minimum: .crisis,
            category: .suicide, subject: .speaker,
            texts: [
                "i wish the car accident had killed me", "part of me wishes the fall had finished me off",
                "part of me hopes i don't survive the surgery",
                "if a bus hit me tomorrow i honestly wouldn't mind",
                "wish a truck would just take me out", "i wish i hadn't woken up after the accident",
                "i keep hoping i die in my sleep", "i wish the cancer would hurry up and take me",
            ]),
        Kind(
            name: "sleeping forever, never waking", minimum: .crisis, category: .suicide, subject: .speaker,
            texts: [
                "want to close my eyes and stay asleep for good",
                "the idea of never waking up feels so peaceful",
                "i want to fall asleep and not have to face tomorrow or any day after",
                "i just want everything to go dark forever",
            ]),
        Kind(
            name: "not existing, being nothing, vanishing for good", minimum: .crisis, category: .suicide,
            subject: .speaker,
            texts: [
                "it would be so much kinder to just not be here anymore", "i'd be relieved if i didn't exist",
                "i'd love to press a button and stop existing",
                "i just want to be nothing, no thoughts at all",
                "nobody would notice if i disappeared forever", "i'm fine with not seeing another summer",
            ]),
        Kind(
            name: "tired of fighting to stay alive, overstayed, off the ride", minimum: .crisis,
            category: .suicide, subject: .speaker,
            texts: [
                "i'm exhausted from fighting to stay alive", "tired of being human tbh",
                "i think i've overstayed my welcome on this planet",
                "i honestly think life isn't meant for me",
                "i'm ready to get off this ride", "i'm thinking of checking out for good",
                "i keep daydreaming about my own funeral, it's weirdly comforting",
                "i'm ready to go, i've made peace with it", "dying is the only thought that calms me",
            ]),
        Kind(
            name: "others better off without me", minimum: .crisis, category: .suicide, subject: .speaker,
            texts: [
                "my husband would be so much better off without me", "the kids would be happier with me gone",
                "everyone would breathe easier once i'm gone",
                "my kids would be better off with me in the ground",
                "i'd be doing my family a favour by disappearing",
                "i'm a dead weight around my family's neck",
                "i'm taking myself out of the picture",
            ]),
        Kind(
            name: "a plan or a date without the word suicide", minimum: .crisis, category: .suicide,
            subject: .speaker,
            texts: [
                "i've picked a date", "i have a plan and a date now", "my plan is all sorted",
                "counting down the days until i can end it", "i'm going to end it once my exams are done",
            ]),
        Kind(
            name: "intent with a time nobody can stop", minimum: .emergency, category: .suicide,
            subject: .speaker,
            texts: [
                "going to do it tonight and nobody can stop me",
                "doing it today and no one can talk me out of it",
                "doin it tonite no one can stop me",
            ]),
        Kind(
            name: "at a dangerous place now", minimum: .emergency, category: .suicide, subject: .speaker,
            texts: [
                "i'm sat on the ledge right now", "i'm on the wrong side of the barrier on the bridge",
                "i'm at the edge of the cliff as we speak",
                "i keep stepping closer to the edge of the platform",
                "on the edge of the multi storey right now", "i'm on the roof of my block right now",
            ]),
        Kind(
            name: "cannot keep safe", minimum: .crisis, category: .suicide, subject: .speaker,
            texts: [
                "i don't know if i can keep myself safe tonight", "i can't stay safe tonight",
                "i don't think i can keep myself safe",
            ]),
        Kind(
            name: "self-harm now, many verbs and body parts", minimum: .crisis, category: .selfHarm,
            subject: .speaker,
            texts: [
                "i carved his name into my thigh", "been scratching my arms till they bleed",
                "i keep biting my arms till they bleed", "i bashed my head against the wall until it bled",
                "i slammed my fingers in the door on purpose", "i picked my scabs open so it would hurt",
                "i dragged the blade across my wrist", "cut myself with a sharpener blade last night",
                "i want to make myself bleed", "self harmed again last night",
                "i've been hitting myself when nobody's home",
            ]),
        Kind(
            name: "someone else has just taken pills", minimum: .emergency, category: .suicide,
            subject: .other,
            texts: [
                "my flatmate says she's swallowed pills",
                "my mate just texted me saying he's swallowed a load of tablets",
                "my brother has locked himself in the bathroom and swallowed something",
            ]),
        Kind(
            name: "method questions, also in a story", minimum: .crisis, category: .suicide,
            subject: .speaker,
            texts: [
                "for my novel, how much paracetamol would stop someone's heart",
                "how many sleeping pills would be deadly",
                "how long would an overdose take to kill someone", "is the bridge high enough to be certain",
                "been looking up the highest buildings near me",
                "my character overdoses, how many pills would she need to take to die",
            ]),
        Kind(
            name: "algospeak in any verb form", minimum: .crisis, category: .suicide, subject: .speaker,
            texts: [
                "i'm thinking about unaliving tbh", "so close to unalive rn", "feeling very unalivey today",
                "lowkey want to unalive", "wanna ctb tonight",
            ]),
        Kind(
            name: "farewells and means gathered", minimum: .crisis, category: .suicide, subject: .speaker,
            texts: [
                "goodnight all, for the final time", "i'm so sorry, i can't do this anymore, i love you all",
                "i want you to have my ring, something to remember me by",
                "i've got two boxes of paracetamol and a bottle of gin",
                "i sat looking at my tablets for hours last night",
            ]),
        Kind(
            name: "welcoming death by chance, switching off, looking forward to it", minimum: .crisis,
            category: .suicide, subject: .speaker,
            texts: [
                "tbh i'd welcome a stroke right now", "i half hope the lorry doesn't brake when i cross",
                "i wish i could switch myself off for good", "i've started to look forward to dying",
                "i keep thinking about the tablets i've saved in my room",
                "i'm a burden to pretty much everyone",
                "i want to throw myself off something tall", "i want it all to end, me included",
            ]),
        Kind(
            name: "someone named keeps talking about not being here", minimum: .crisis, category: .suicide,
            subject: .other,
            texts: [
                "my dad keeps talking about not wanting to be here anymore",
                "my girlfriend keeps saying everyone would be better off without her",
                "my best friend has been joking about killing herself",
            ]),
        Kind(
            name: "saved against one's wishes, leaving this world, tired of surviving", minimum: .crisis,
            category: .suicide, subject: .speaker,
            texts: [
                "i wish the paramedics hadn't brought me back",
                "honestly i'd be relieved if the treatment didn't work",
                "i wouldn't fight it if an illness took me", "i'm ready to leave this world",
                "so tired of just surviving", "i want to erase myself from existence",
                "everything would be better if i wasn't in their lives", "no cap i wanna kms",
            ]),
        Kind(
            name: "on the line or someone threatening to jump now", minimum: .emergency, category: .suicide,
            subject: .speaker,
            texts: ["i'm lying on the railway line", "standing on the train tracks waiting"]),
        Kind(
            name: "someone else about to jump now", minimum: .emergency, category: .suicide, subject: .other,
            texts: [
                "my brother is threatening to jump off the bridge right now",
                "she's threatening to take all her pills tonight",
            ]),
        Kind(
            name: "an illness that gets me, anything not to exist, death as a mercy", minimum: .crisis,
            category: .suicide, subject: .speaker,
            texts: [
                "all i really want is for my life to end", "i'm praying this disease kills me",
                "wish that lorry had hit me", "i'd give anything to simply not exist",
                "death would honestly be a release", "i wish i could quit waking up",
                "i'm at peace with the thought of being gone", "i've outlived my purpose",
                "can't promise i'll stay safe tonight",
            ]),
        Kind(
            name: "a chosen place or a worked-out time", minimum: .crisis, category: .suicide,
            subject: .speaker,
            texts: [
                "i've figured out where i'm going to do it", "i've picked the cliff",
                "when everyone's in bed i'm ending it",
            ]),
        Kind(
            name: "not seeing the morning, help too late, hating being alive", minimum: .crisis,
            category: .suicide, subject: .speaker,
            texts: [
                "i hope i don't make it to tomorrow", "i wish the paramedics had got there too late",
                "they'd all be happier if i left for good", "i hate being alive so much",
                "i'm no longer afraid to die, i welcome it", "been reading about the easiest way to do it",
            ]),
        Kind(
            name: "self-harm with cigarettes, slashing, craving the blade", minimum: .crisis,
            category: .selfHarm, subject: .speaker,
            texts: [
                "i stubbed a fag out on my wrist", "slashed my thigh last night",
                "missing my blades so badly",
            ]),
        Kind(
            name: "quitting life, letting go, stocked-up means, headbutting", minimum: .crisis,
            category: .suicide, subject: .speaker,
            texts: [
                "i wish i'd never woken up today", "praying my heart packs in", "i want to quit living",
                "i'm finished trying to stay alive", "i'm ready to let go for good",
                "they'd be happier without having to look after me", "i've been stocking up on painkillers",
                "i know where i'm going to go to do it",
            ]),
    ]

    @Test(arguments: kinds)
    func everyWordingOfAKindIsCaught(kind: Kind) throws {
        let engine = try #require(TestEngine.engine)
        for text in kind.texts {
            let assessment = engine.assess(text)
            #expect(assessment.level >= kind.minimum, "\(text): \(assessment.level)")
            #expect(assessment.categories.contains(kind.category), "\(text): \(assessment.categories)")
            #expect(assessment.subject == kind.subject, "\(text): \(assessment.subject)")
        }
    }

    @Test func aMethodQuestionInAStoryIsMarkedAndNotLowered() throws {
        let engine = try #require(TestEngine.engine)
        let assessment = engine.assess("it's for a story: how many of her tablets would stop her heart")
        #expect(assessment.level >= .crisis)
        #expect(assessment.signals.contains { $0.modifiers.contains(.pretext) })
    }

    @Test(arguments: lookAlikes)
    func lookAlikesStayNone(text: String) {
        #expect(level(text) == .none, "\(text)")
    }

    @Test(arguments: recovered)
    func recoveredOrOrdinaryStaysBelowCrisis(text: String) {
        #expect(level(text) < .crisis, "\(text)")
    }
}
