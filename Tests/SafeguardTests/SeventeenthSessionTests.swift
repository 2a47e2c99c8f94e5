import Foundation
import Testing

@testable import Safeguard

/// Kinds read from set s's older person's conversation and the blind set xa (after the worst
/// moment of a conversation), written in our own words, each beside the wording it must leave
/// alone.
@Suite struct SeventeenthSessionKindsTests {
    static func read(_ text: String) throws -> Assessment {
        try #require(TestEngine.shipped).assess(text)
    }

    /// Being called a burden or told to die by someone is abuse of the writer, not the writer's
    /// own thoughts; the writer's own words beside them still count, and someone else's wish to
    /// die that they report is still theirs.
    @Test(arguments: [
        "my stepmum screams that i'm a burden and they'd all be better off without me",
        "he keeps saying he'd be better off with me dead",
        "my ex keeps telling me to kill myself",
        "she told me i'd be better off dead, in front of the kids",
    ])
    func hostileWordsAboutTheWriterAreAbuse(text: String) throws {
        let read = try Self.read(text)
        #expect(read.level == .boundary, "\(text): \(read.level)")
        #expect(read.categories == [.abuse], "\(text): \(read.categories)")
        #expect(read.subject == .speaker)
        #expect(read.signals.contains { $0.rule.hasPrefix("abuse.hostile_words") })
    }

    /// A head or voices telling someone to die, or a joke in a game, are not read as abuse.
    @Test func notAVoiceAndNotAJoke() throws {
        let voice = try Self.read("my head keeps telling me to top myself and it's getting louder")
        #expect(voice.level == .crisis && !voice.categories.contains(.abuse))
        #expect(try Self.read("the voices keep telling me i'm a burden").level == .crisis)
        #expect(try Self.read("some kid in voice chat told me to kys lol").level == .none)
    }

    @Test func theWritersOwnWordsAndOtherPeoplesWishesStillCount() throws {
        let own = try Self.read("he keeps telling me i'm a burden and honestly he's right, i want to die")
        #expect(own.level == .crisis)
        #expect(own.categories.contains(.suicide) && own.categories.contains(.abuse))
        #expect(own.subject == .speaker)
        let theirs = try Self.read("my dad keeps saying he'd be better off dead since mum went")
        #expect(theirs.level == .crisis)
        #expect(theirs.subject == .other)
        // Told to die, then their own uptake: the writer's risk too.
        let uptake = try Self.read(
            "my stepdad told me to go kill myself last night and honestly i might do it")
        #expect(uptake.level == .crisis && uptake.subject == .speaker)
        #expect(uptake.categories.contains(.suicide) && uptake.categories.contains(.abuse))
        let mine = try Self.read("i know i'm a burden to everyone")
        #expect(mine.level == .crisis && mine.subject == .speaker)
    }

    /// Danger from someone else, then a knife out, then the police taking them away: the danger
    /// is theirs (no suicide read into "got a knife"), and it is over once they are taken.
    @Test func aKnifeOutInADangerConversationIsThatDangerUntilTheyAreTaken() throws {
        let read = assessments([
            "my son lives with me and takes my pension. i'm frightened of him",
            "tonight he's been shouting and smashing things. he's got a knife out in the kitchen",
            "i rang 999, they're coming",
            "two officers came. he's gone with them",
        ])
        #expect(read.map(\.level).first == .boundary)
        #expect(read.count == 4 && read[1].level == .emergency)
        #expect(read.allSatisfy { !$0.categories.contains(.suicide) }, "\(read.map(\.categories))")
        #expect(read.last.map { $0.level < .emergency } == true)
        // A knife out for cooking, with nothing told about anyone, is nothing.
        #expect(level("dad's got the big knife out for the roast") < .crisis)
    }

    @Test func takenAwayByThePoliceIsTheDangerGone() {
        for gone in ["they've taken him away in the van", "he's been arrested", "she's gone with the police"]
        {
            let read = levels(["he's kicking the bedroom door in, i've locked myself in", gone])
            #expect(read == [.emergency, .crisis], "\(gone): \(read)")
        }
    }

    /// An act told with the care it is already getting is in medical hands: crisis, and not held
    /// at emergency on the turns after it.
    @Test func anActToldWithItsCareIsNotAnUntreatedAct() {
        let read = assessments([
            "my best mate keeps saying she wants to die",
            "her mum rang. she'd taken a load of tablets but they got to her in time",
            "honestly i get it. i feel like that most nights",
        ])
        #expect(read.map(\.level) == [.crisis, .crisis, .crisis])
        // The last turn is the writer's own risk.
        #expect(read.map(\.subject) == [.other, .other, .speaker])
        #expect(assessments(["i feel like that most nights"]).first?.level ?? .none < .crisis)
        #expect(level("took a load of tablets an hour ago") == .emergency)
    }

    /// A message to the wrong chat, explained, sets aside a danger read as happening now.
    @Test func aMessageForAnotherChatExplainedComesBackDown() {
        let read = levels([
            "he's got a knife and he's coming up the stairs",
            "omg sorry wrong chat 😂 was texting my sister about the film we're watching",
            "why do i watch these",
        ])
        #expect(read.first == .emergency)
        #expect(read.dropFirst().allSatisfy { $0 < .crisis }, "\(read)")
        // Without the film, "wrong chat" explains nothing.
        #expect(
            levels(["he's got a knife and he's coming up the stairs", "sorry wrong chat"]).last == .emergency)
    }

    /// Ordinary plans with alarming words: a climb with a rope and a harness, a jigsaw "or die
    /// trying", a GP "fitting me in", tablets put up high for a crawling baby.
    @Test(arguments: [
        "got the rope, got the harness, tonight's the night i finally lead climb at the wall",
        "tonight's the night i finish this 1000 piece jigsaw or die trying",
        "slept ok. the gp's fitting me in at 11",
        "put the calpol and my tablets up in the top cupboard now the baby's crawling",
    ])
    func ordinaryPlansStayCalm(text: String) {
        #expect(level(text) < .crisis, "\(text)")
    }

    @Test func theirRiskStillCounts() {
        #expect(level("got the rope. tonight's the night") == .emergency)
        #expect(level("my son is fitting and not responding") == .emergency)
    }

    /// A time that means the end of this conversation ("when you've gone") with intent and means
    /// told; at a station after looking up the fast train.
    @Test func whenThisChatEndsAndAtTheStation() {
        #expect(
            levels([
                "i want to die. i've got a full box of sleeping tablets",
                "i'm going to take them when you've gone",
            ]).last == .emergency)
        #expect(
            levels([
                "i don't want to be alive anymore",
                "checked the times, the fast one comes through at ten past",
                "i'm at the station now",
            ]).last == .emergency)
        #expect(level("i'm at the station now") < .crisis)
        // A plan's place, not danger that holds: the next calmer turn is read on its own words.
        #expect(
            levels([
                "i don't want to be alive anymore",
                "checked the times, the fast one comes through at ten past",
                "i'm at the station now", "i walked back out to the car park, i don't know why",
            ]).last == .crisis)
    }

    /// Someone else's stated plan to take all their tablets, with a time: an emergency for them.
    @Test func aFriendsPlanWithATimeIsTheirEmergency() throws {
        let read = try Self.read("my friend told me at lunch she's gonna take all her pills after school")
        #expect(read.level == .emergency)
        #expect(read.subject == .other)
    }

    /// A child heard being hurt, then silence.
    @Test func aChildHeardBeingHurtThenSilence() throws {
        let read = try Self.read(
            "they're screaming at the toddler next door, there was a thud and now it's gone quiet")
        #expect(read.level == .emergency)
        #expect(read.subject == .other)
        #expect(
            level("next door's toddler was screaming about bath time then it went quiet, bless") < .crisis)
    }

    /// The plain wish, said last or with "still"; mid-sentence about a place it is not.
    @Test func stillWishingNotToBeHere() {
        #expect(level("put them in the bin. still wish i wasnt here tbh") == .crisis)
        #expect(level("i wish i wasn't here at this party, it's dead") < .crisis)
    }
}

/// Kinds from the blind set xb, read after its end-of-session scoring.
@Suite struct SeventeenthSessionReadAfterScoringTests {
    /// A quotation opened right after "texted" or "said" is theirs to its end, across sentences;
    /// the writer's own quotation after "i said" is the writer's.
    @Test func aQuotationAfterReportedSpeechIsTheirs() throws {
        let shipped = try #require(TestEngine.shipped)
        for text in [
            "my mate just texted 'i'm done. can't do this anymore' and now he's not replying",
            "my dad said on the phone 'i'd be better off dead' and hung up",
        ] {
            let read = shipped.assess(text)
            #expect(read.level >= .crisis, "\(text)")
            #expect(read.subject == .other, "\(text): \(read.subject)")
        }
        let mine = shipped.assess("he said 'just do it' and i said 'i want to die'")
        #expect(mine.level >= .crisis && mine.subject == .speaker)
        // Crisis, not an emergency: no plan, means or time is told. (The twentieth session's
        // encoder read the urging "just do it" as about to happen; the twenty-second session's
        // six-layer encoder does not.)
        #expect(mine.level == .crisis)
    }

    @Test func tooMuchFeedForTheTomatoesIsNotAnOverdose() {
        #expect(level("think i've overdosed the tomatoes with feed, the leaves are going yellow") == .none)
        #expect(level("my brother overdosed on the free samples in costco, 11 bits of cheese") == .none)
        #expect(level("i've overdosed on my tablets") == .emergency)
    }

    /// "Ambulance just pulled up" is help arrived: an act told earlier is in care.
    @Test func anAmbulancePullingUpIsHelpArrived() {
        let read = levels(["i've taken 30 paracetamol", "the ambulance just pulled up"])
        #expect(read == [.emergency, .crisis])
    }
}

/// While help is on its way after emergency words with nothing taken, the waiting advice never
/// tells the person to show what they took; after an act, it does.
@Suite struct SeventeenthSessionWaitingTests {
    @Test func waitingBeforeAnythingIsTakenSaysNothingAboutWhatWasTaken() throws {
        var chat = try PolicyConversation()
        chat.send(
            "i'm standing on the edge of the bridge and i'm going to jump",
            "i called 999, police are on their way")
        let waiting = try #require(chat.plans.last?.message)
        #expect(waiting.kind == .emergency)
        // Every line of the wait after an act names what was taken or used.
        for afterAct in ["took", "taken", "packets", "whatever you used"] {
            #expect(!waiting.text.contains(afterAct), "\(waiting.text)")
        }
        #expect(waiting.text.contains("999"))
    }

    @Test func waitingAfterAnActTellsThemToShowWhatWasTaken() throws {
        var chat = try PolicyConversation()
        chat.send("took a load of tablets about an hour ago", "ok the ambulance is on its way")
        let waiting = try #require(chat.plans.last?.message)
        #expect(waiting.kind == .emergency)
        let mentions = ["took", "packets", "whatever you used"].contains { waiting.text.contains($0) }
        #expect(mentions, "\(waiting.text)")
    }
}

/// A long run of turns held at crisis with nothing new in them: the one-line message moves on
/// two "digits" of the seed, so it is never shown twice word for word (found in the blind set
/// xb after its scoring: the sixth turn repeated the fourth).
@Suite struct SeventeenthSessionHeldTurnTests {
    @Test func heldTurnsNeverRepeatAMessage() throws {
        var chat = try PolicyConversation()
        chat.send(
            "my dad said on the phone he'd be better off dead and hung up on me",
            "he's 82 and lives on his own on the farm, i'm in london",
            "rang back three times, no answer",
            "the neighbour's been round, he was out feeding the chickens",
            "she said he'd been crying about mum, it's her anniversary",
            "i'm driving up first thing tomorrow, staying the week",
            "i'll pack tonight",
            "he used to take me fishing on the river",
            "sorry i'm rambling")
        let shown = chat.messages
        #expect(shown.count >= 5, "\(shown.count) messages")
        let repeated = shown.indices.filter { index in shown[..<index].contains(shown[index]) }
        #expect(repeated.isEmpty, "turns \(repeated): \(repeated.map { shown[$0] })")
    }
}
