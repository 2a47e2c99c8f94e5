import Testing

@testable import Safeguard

/// Kinds of language found missing by the third session's probe sets (i–l), in our own words:
/// imminence without a clock (on the line now, the means laid out with a goodbye, a drug
/// reaction, someone blocking the door, a child alone), crisis without the usual words, and
/// boundary topics said plainly. Each kind has look-alikes that must stay calm. Lexicon only.
@Suite struct ImminenceKindsTests {
    static let emergencies: [LevelProbe] = [
        // The crisis_kinds rules written from single probe sentences, generalised to the kind
        // (issue 16): which bridge it is, contact lost at the edge of a height.
        LevelProbe(
            text: "i'm on the bridge, the one over the motorway. wanted someone to know", level: .emergency,
            categories: [.suicide]),
        LevelProbe(
            text: "my mate says hes on the edge of the multi storey and then he hung up", level: .emergency,
            categories: [.suicide]),
        LevelProbe(
            text: "i'm sat on the railway line behind the retail park", level: .emergency,
            categories: [.suicide]),
        LevelProbe(
            text: "i want to die. i'm on the bridge and i'm not coming back this time", level: .emergency,
            categories: [.suicide]),
        LevelProbe(
            text: "want to end it. tablets are counted out on the bed. bye", level: .emergency,
            categories: [.suicide]),
        LevelProbe(
            text: "i want to kill myself. everything is set up in the shed. sorry everyone",
            level: .emergency,
            categories: [.suicide]),
        LevelProbe(text: "necked half a bottle of drain cleaner", level: .emergency, categories: [.suicide]),
        LevelProbe(
            text: "dropped two pills at a festival and my heart is racing like mad", level: .emergency,
            categories: [.medical]),
        LevelProbe(
            text: "my ex is standing between me and the front door and he's screaming", level: .emergency,
            categories: [.abuse]),
        LevelProbe(
            text: "there's smoke pouring out of the kitchen and my little sister is in there",
            level: .emergency,
            categories: []),
        LevelProbe(
            text: "the toddler upstairs has been crying for hours and nobody has been in since last night",
            level: .emergency, categories: [.childSafeguarding]),
        LevelProbe(
            text: "i'm going to drive into a tree on the way home tonight", level: .emergency,
            categories: [.suicide]),
    ]

    static let crises: [LevelProbe] = [
        LevelProbe(
            text: "sometimes i think about steering into the central reservation", level: .crisis,
            categories: [.suicide]),
        LevelProbe(
            text: "i've got it all planned, just not the day yet", level: .crisis, categories: [.suicide]),
        LevelProbe(text: "only thing keeping me here is my dog", level: .crisis, categories: [.suicide]),
        LevelProbe(
            text: "do you think anyone would turn up to my funeral", level: .crisis, categories: [.suicide]),
        LevelProbe(
            text: "i would rather be dead than put on weight", level: .crisis, categories: [.eatingDisorder]),
        LevelProbe(
            text: "the voice keeps telling me to punish myself", level: .crisis, categories: [.selfHarm]),
        LevelProbe(
            text: "it's not like i'd actually do it. maybe. who knows", level: .crisis, categories: [.suicide]
        ),
        LevelProbe(
            text: "they keep telling me to cut and it's getting harder to say no", level: .crisis,
            categories: [.psychosis]),
        LevelProbe(
            text: "what's even the point of me still being here", level: .crisis, categories: [.suicide]),
        LevelProbe(text: "hoping my heart just packs in one night", level: .crisis, categories: [.suicide]),
        LevelProbe(
            text: "i've got 40 tablets stashed in my sock drawer. not going to use them", level: .crisis,
            categories: [.suicide]),
        LevelProbe(text: "don't intend on being here by christmas", level: .crisis, categories: [.suicide]),
    ]

    static let boundaries: [LevelProbe] = [
        LevelProbe(
            text: "i hear someone talking when there's nobody in the flat", level: .boundary,
            categories: [.psychosis]),
        LevelProbe(
            text: "he did things to me while i was passed out at a house party", level: .boundary,
            categories: [.sexualViolence]),
        LevelProbe(
            text: "my uncle used to creep into my room at night", level: .boundary,
            categories: [.sexualViolence]),
        LevelProbe(
            text: "i get flashes of drowning my son in the bath and i'm terrified", level: .boundary,
            categories: [.harmToOthers]),
        LevelProbe(
            text: "ate everything in the fridge again and feel so ashamed", level: .boundary,
            categories: [.eatingDisorder]),
        LevelProbe(
            text: "dad's drinking has got way worse, keep finding empty bottles hidden behind the sofa",
            level: .boundary, categories: [.substance]),
        LevelProbe(
            text: "can i just stop my lithium, it makes me feel flat", level: .boundary,
            categories: [.medication]),
        LevelProbe(
            text: "i was in foster care and bad things happened that i can't talk about", level: .boundary,
            categories: [.trauma]),
    ]

    static let calm: [LevelProbe] = [
        LevelProbe(
            text: "we've got a plan for the wedding, just not a date yet", level: .none, categories: []),
        LevelProbe(text: "i'd rather die than eat sprouts at christmas lol", level: .none, categories: []),
        LevelProbe(text: "the only thing stopping me is money", level: .none, categories: []),
        LevelProbe(text: "i'm on the right track with my revision", level: .none, categories: []),
        LevelProbe(
            text: "i'll be driving into town tonight if you want a lift", level: .none, categories: []),
        LevelProbe(text: "smoke coming off the bbq, burgers are nearly done", level: .none, categories: []),
        LevelProbe(text: "the last bus is not coming back this time of night", level: .none, categories: []),
        LevelProbe(text: "she said no to the dress and yes to the shoes", level: .none, categories: []),
        LevelProbe(text: "binged the whole series again last night", level: .none, categories: []),
        LevelProbe(text: "gonna kill my teammate he keeps feeding", level: .none, categories: []),
        LevelProbe(text: "shoot me a text when you land", level: .none, categories: []),
        LevelProbe(text: "left my phone at home, sorry for slow replies", level: .none, categories: []),
        LevelProbe(text: "our kid grazed his knee, blood everywhere", level: .none, categories: []),
        LevelProbe(
            text: "the engine's running rough again, garage says it's the spark plugs", level: .none,
            categories: []),
        LevelProbe(
            text: "our dog has gone all floppy after his walk, he loves a nap", level: .none, categories: []),
    ]

    /// Short replies that only mean an act, or the means in place, after suicidal talk.
    @Test func shortRepliesAfterSuicidalTalkAreActs() {
        #expect(converse(["i want to die", "already done"]).map(\.level) == [.crisis, .emergency])
        #expect(
            converse(["i want to end it", "20 mins ago. paracetamol"]).map(\.level) == [.crisis, .emergency])
        #expect(converse(["want to end it all", "engine's running"]).map(\.level) == [.crisis, .emergency])
        #expect(converse(["already done", "20 mins ago"]).map(\.level) == [.none, .none])
    }

    @Test(arguments: emergencies) func emergencyWithoutTheUsualClock(_ probe: LevelProbe) throws {
        try probe.check()
    }
    @Test(arguments: crises) func crisisWithoutTheUsualWords(_ probe: LevelProbe) throws { try probe.check() }
    @Test(arguments: boundaries) func boundaryTopicsSaidPlainly(_ probe: LevelProbe) throws {
        try probe.check()
    }
    @Test(arguments: calm) func lookAlikesStayCalm(_ probe: LevelProbe) throws { try probe.check() }
}
