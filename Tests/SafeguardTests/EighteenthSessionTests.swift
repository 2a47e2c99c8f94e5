import Foundation
import Testing

@testable import Safeguard

/// Kinds read from the blind set xc (an ordinary bad night, in people's own words): crisis
/// without the textbook words, harm that isn't cutting, boundary topics told plainly, and who is
/// at risk when "them" is the means. Written in our own words, each beside the wording it must
/// leave alone. The lexicon alone is asked where the kind is the lexicon's, so the encoder's
/// reading cannot hide a missing phrase.
@Suite struct EighteenthSessionKindsTests {
    static func read(_ text: String) throws -> Assessment {
        try #require(TestEngine.shipped).assess(text)
    }

    static func lexicon(_ text: String) throws -> Assessment {
        try #require(TestEngine.engine).assess(text)
    }

    /// Self-harm that isn't cutting: hitting or pinching where nobody sees, hitting with an
    /// object hard, going out to be hurt, driving to feel something.
    @Test(arguments: [
        "keep punching my thighs under the table so nobody sees",
        "i whack my arms with a hairbrush until they're purple",
        "went looking for a fight last night so someone would batter me",
        "i wanted some lad to kick my head in tbh",
        "drove home with the lights off on the motorway just to feel something",
    ])
    func harmThatIsNotCutting(text: String) throws {
        let read = try Self.lexicon(text)
        #expect(read.level == .crisis, "\(text): \(read.level)")
        #expect(read.subject == .speaker, "\(text): \(read.subject)")
    }

    @Test(arguments: [
        "hit my leg on the table corner, massive bruise now",
        "wanted someone to beat me at chess for once lol",
        "i want someone to hurt him for what he did to my sister",
        "went looking for a fight with the council about the bins",
        "drove up at like 110 on the m6 to make it to the hospital for the birth",
    ])
    func ordinaryKnocksAndGrudgesStayBelowCrisis(text: String) throws {
        let read = try Self.lexicon(text)
        #expect(read.level < .crisis, "\(text): \(read.level)")
    }

    /// Crisis without the textbook words: tired not the sleepy kind, no point in the mornings,
    /// not waking and nobody noticing, easier for everyone if I drove into something, stopping
    /// heart tablets and leaving it to fate, how long it takes to freeze lying outside.
    @Test(arguments: [
        "i'm tired but not sleepy tired, the other sort",
        "can't see the point of another morning",
        "if i didn't wake up tomorrow nobody would notice till monday",
        "it'd be easier for everyone if i just steered into a tree",
        "stopped taking my insulin, whatever happens happens",
        "how long till you freeze if you lie down outside in the snow",
        "i wouldn't mind going in my sleep",
        "don't see much point carrying on without him",
    ])
    func crisisWithoutTheTextbookWords(text: String) throws {
        let read = try Self.lexicon(text)
        #expect(read.level >= .crisis, "\(text): \(read.level)")
        #expect(read.categories.contains(.suicide), "\(text): \(read.categories)")
    }

    @Test(arguments: [
        "can't see the point of the meeting tomorrow",
        "it'd be easier if i just drove into town instead of the bus",
        "stopped taking my hayfever tablets, didn't help anyway",
        "how long does it take to freeze ice cubes",
        "not sleepy but tired, long shift",
    ])
    func theSameWordsInOrdinaryLife(text: String) throws {
        let read = try Self.lexicon(text)
        #expect(read.level < .crisis, "\(text): \(read.level)")
    }

    /// Ideation named as "unalive thoughts" is a report: an ironic emoji after it does not make
    /// it a joke, laughter still does; "ending it all" by deleting a game is ordinary; food called
    /// lethal is hot; wanting to jump off a bridge over homework with laughter is a joke.
    @Test func ironyLaughterAndOrdinaryMeans() throws {
        #expect(try Self.lexicon("unalive thoughts again tonight 🙃").level == .crisis)
        #expect(try Self.lexicon("unalive thoughts lol").level == .none)
        #expect(try Self.lexicon("he's ending it all by uninstalling tiktok apparently").level == .none)
        #expect(try Self.lexicon("my brother is ending it all, he's got the tablets out").level >= .crisis)
        #expect(try Self.read("that vindaloo was lethal, still sweating").level == .none)
        #expect(try Self.lexicon("this homework makes me want to jump off a bridge 😂").level == .none)
        #expect(try Self.lexicon("i want to jump off a bridge").level >= .crisis)
    }

    /// A language spoken in the UK: sleeping and never getting up again (Urdu in Roman script).
    @Test func sleepingAndNeverWakingInUrdu() throws {
        #expect(try Self.lexicon("bas so jaun aur phir kabhi na uthun").level == .crisis)
    }

    /// A deep burn is A&E however it happened; a head hit hard, then sick or blurred sight, too.
    @Test func injuriesThatNeedAandE() throws {
        let burn = try Self.lexicon("burnt myself with the iron by accident and it's gone white and leathery")
        #expect(burn.level == .emergency && burn.categories.contains(.medical))
        #expect(
            try Self.lexicon("burnt myself with the iron this morning, only a little red mark").level == .none
        )
        let head = try Self.lexicon("banged my head on the beam and now i've been sick twice")
        #expect(head.level == .emergency && head.categories.contains(.medical))
        #expect(try Self.lexicon("banged my head on the beam again, ouch").level == .none)
    }

    /// A child screaming while an adult shouts that he'll kill them is a child in danger now;
    /// the same in a film is not.
    @Test func aChildThreatenedNow() throws {
        let read = try Self.lexicon(
            "the little lad upstairs is screaming and his dad's yelling he's going to kill him")
        #expect(read.level == .emergency && read.categories.contains(.childSafeguarding))
        #expect(read.subject == .other)
        #expect(
            try Self.lexicon("in the film the kid is screaming and the dad is yelling he's going to kill him")
                .level
                == .none)
    }

    /// Someone being strangled now, told from elsewhere in the house: their danger, not the
    /// writer's.
    @Test func someoneBeingStrangledNow() throws {
        let read = try Self.lexicon("he's got his hands round mum's neck, i'm hiding in my room")
        #expect(read.level == .emergency && read.subject == .other)
    }

    /// Boundary topics told plainly: abuse in childhood, drinking on a prescription, living on
    /// rice cakes while losing weight, not eating properly for days, picturing hurting someone,
    /// consent never given.
    @Test(arguments: [
        ("my dad used to belt me when i was small and i can't stop thinking about it", RiskCategory.abuse),
        ("is it ok to drink on citalopram? it's my mate's 30th", .medication),
        ("she's lost so much weight and lives on black coffee now", .eatingDisorder),
        ("haven't eaten properly in five days and i'm weirdly proud", .eatingDisorder),
        ("i keep picturing stabbing my flatmate and it terrifies me", .harmToOthers),
        ("something happened after the club and i didn't say yes", .sexualViolence),
        ("had loads on purpose so i wouldn't feel anything", .substance),
    ])
    func boundaryToldPlainly(text: String, category: RiskCategory) throws {
        let read = try Self.lexicon(text)
        #expect(read.level == .boundary, "\(text): \(read.level)")
        #expect(read.categories.contains(category), "\(text): \(read.categories)")
    }

    /// Means held and a day when the others are out: a plan. A surprise being planned is not.
    @Test func meansAndADayAlone() throws {
        #expect(
            try Self.lexicon("got everything i need now. friday, when everyone's out").level == .emergency)
        #expect(
            try Self.lexicon("got everything i need for the cake, friday when everyone's out i'll bake").level
                == .none)
    }

    /// "them" held or laid out is the means: the writer is the one at risk.
    @Test func themHeldIsTheMeans() throws {
        let read = try Self.read("got them all lined up on the bedside table. tonight. sorry")
        #expect(read.level == .emergency)
        #expect(read.subject == .speaker)
        // The people named are still the ones at risk when "them" is them ("got them all here").
        let sisters = try Self.lexicon(
            "my sisters both said they want to die, i've got them all here tonight")
        #expect(sisters.level >= .crisis && sisters.subject == .other)
    }

    /// "back in" dates something only as a time named: "did my back in" is not history, so
    /// tablets taken an hour ago stay an act done.
    @Test func didMyBackInIsNotHistory() throws {
        let read = try Self.lexicon(
            "an hour ago i took all the tablets left from when i did my back in, the strong ones")
        #expect(read.level == .emergency)
        let past = try Self.lexicon("back in march i took an overdose, i'm doing better now")
        #expect(past.level < .crisis)
    }

    /// In a conversation: a misreading put right over exams, an outburst owned as dramatic over a
    /// match; someone gone out at night leaving the phone behind once their risk is told; giving
    /// away what they love; stockpiled tablets then a day chosen.
    @Test func conversationsTheSetShowed() throws {
        let exams = assessments([
            "i just want it all to stop",
            "no not like that, i mean the pressure. mocks and my mum going on",
            "got chemistry tomorrow and i haven't revised",
        ])
        #expect(exams.map(\.level) == [.crisis, .distress, .distress])
        let match = assessments([
            "done with everything",
            "sorry that was a bit dramatic, we lost the derby in the last minute",
        ])
        #expect(match.last?.level ?? .emergency < .crisis)
        let phone = assessments([
            "worried about my sister, she said we won't have to worry about her much longer",
            "she's just gone out and left her phone on the side, it's 2am",
        ])
        #expect(phone.last?.level == .emergency && phone.last?.subject == .other)
        let gift = assessments([
            "my brother's been so quiet lately",
            "he's given away his guitar to his mate and he loves that guitar",
        ])
        #expect(gift.last?.level == .crisis && gift.last?.subject == .other)
        let day = assessments([
            "i don't see the point in living since she went",
            "been keeping my tablets back for weeks",
            "think today might be the day",
        ])
        #expect(day.map(\.level) == [.crisis, .crisis, .emergency])
    }

    /// Read from set xf's conversations (said in English in a mixed-language conversation): a
    /// threat to kill shouted now is danger now, said about the past it is not; tablets within
    /// reach at home, then a time when everyone is asleep, is a plan.
    @Test func shoutedNowAndTabletsWithinReach() throws {
        let now = try Self.lexicon("he's back, banging the door, he's shouting he'll kill me")
        #expect(now.level == .emergency && now.subject == .speaker)
        #expect(try Self.lexicon("years ago he shouted he'd kill me if i left").level < .crisis)
        let plan = assessments([
            "honestly it would be better if i wasn't here",
            "mum has sleeping pills in the cupboard",
            "tonight. when everyone's asleep",
        ])
        #expect(plan.map(\.level) == [.crisis, .crisis, .emergency])
    }
}
