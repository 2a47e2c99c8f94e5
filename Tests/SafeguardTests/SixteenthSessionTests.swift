import Foundation
import Testing

@testable import Safeguard

/// The sixteenth session: the encoder's emergency output on its own in a message read without
/// earlier turns.
@Suite struct SixteenthSessionEncoderTests {
    static func engine(alone: (emergency: Double, crisis: Double)?) throws -> SafeguardEngine {
        let shipped = try #require(TestEngine.shipped)
        let real = try #require(shipped.encoder)
        let encoder = ContextualEncoder(
            tokenizer: real.tokenizer, model: real.model,
            thresholds: EncoderThresholds(
                crisis: 0.999_999_9, emergency: 0.999_999_9, boundary: 0.999_999_9, emergencyAlone: alone),
            boundaryHead: real.boundaryHead)
        return SafeguardEngine(lexicon: shipped.lexicon, model: nil, encoder: encoder)
    }

    /// Nothing for the lexicon (as in `EncoderTests`).
    static let anchored = "i made a cup of tea and sat in the garden thinking about life"

    @Test func aSureEmergencyOutputCountsOnItsOwnInAFirstMessage() throws {
        let alone = try Self.engine(alone: (1e-9, 1e-9))
        let assessment = alone.assess(Self.anchored)
        #expect(assessment.level == .emergency)
        #expect(assessment.signals.contains { $0.rule == "encoder.emergency" })
        #expect(assessment.reasons.contains { $0.hasPrefix("encoder:") && $0.contains("on its own at") })
        // Off, or with its bar above the reading: nothing (the other cuts are out of reach).
        #expect(try Self.engine(alone: nil).assess(Self.anchored).level == .none)
        #expect(try Self.engine(alone: (0.999_999_9, 1e-9)).assess(Self.anchored).level == .none)
        #expect(try Self.engine(alone: (1e-9, 0.999_999_9)).assess(Self.anchored).level == .none)
    }

    /// With earlier turns in what it read (twentieth session): only before any emergency in the
    /// conversation and in a turn that tells no step towards safety. After an emergency its
    /// reading stays high once the danger has passed ("police are here"), so never there.
    @Test func withEarlierTurnsOnlyBeforeAnEmergencyAndWithoutACalmerStep() throws {
        let alone = try Self.engine(alone: (1e-9, 1e-9))
        let first = alone.assess("hiya", state: ConversationState())
        let later = alone.assess(Self.anchored, state: first.state)
        #expect(later.assessment.level == .emergency)
        #expect(later.assessment.signals.contains { $0.rule == "encoder.emergency" })
        let afterEmergency = alone.assess(Self.anchored, state: later.state)
        #expect(!afterEmergency.assessment.signals.contains { $0.rule == "encoder.emergency" })
        let calmer = alone.assess("i feel a bit calmer now. \(Self.anchored)", state: first.state)
        #expect(!calmer.assessment.signals.contains { $0.rule == "encoder.emergency" })
    }

    @Test func notInFigurativeOrJokingTalk() throws {
        let alone = try Self.engine(alone: (1e-9, 1e-9))
        #expect(alone.assess("this essay is killing me lol").level < .crisis)
    }

    @Test func theShippedCutsReadDangerFromSomeoneElseNow() throws {
        let shipped = try #require(TestEngine.shipped)
        let cuts = try #require(shipped.encoder?.thresholds.emergencyAlone)
        #expect(cuts.emergency > (shipped.encoder?.thresholds.emergency ?? 1))
        // Written for this test: danger now from another person that no lexicon phrase reads
        // (only the encoder's signal), each beside its look-alike (the same people, nothing
        // happening).
        for (danger, calm) in [
            (
                "her new boyfriend has taken my little cousin upstairs and locked the door, she's six",
                "her new boyfriend has taken my little cousin to the park to play football, she's six"
            ),
            (
                "a man grabbed my friend's arm at the bus stop and is pulling her towards his van",
                "a man helped my friend with her bags at the bus stop and carried them to his van"
            ),
        ] {
            let read = shipped.assess(danger)
            #expect(read.level == .emergency, "\(danger)")
            #expect(read.signals.map(\.rule) == ["encoder.emergency"], "\(danger)")
            #expect(read.subject == .other, "\(danger)")
            #expect(shipped.assess(calm).level < .crisis, "\(calm)")
        }
    }

    @Test func thresholdsFileKeepsTheAloneCutsTogetherAndInRange() throws {
        func cuts(_ extra: String) throws -> EncoderThresholds {
            let json =
                #"{"crisis":0.9,"emergency":0.84,"crisis_corroborated":0.9,"emergency_corroborated":0.7,"context":0.65"#
                + extra + "}"
            return try EncoderThresholds(data: Data(json.utf8))
        }
        #expect(try cuts("").emergencyAlone == nil)
        let both = try cuts(#","emergency_alone":0.92,"emergency_alone_crisis":0.7"#)
        #expect(both.emergencyAlone?.emergency == 0.92)
        #expect(both.emergencyAlone?.crisis == 0.7)
        #expect(throws: EncoderError.self) { try cuts(#","emergency_alone":0.92"#) }
        // Looser than the emergency cut, or a crisis bar below the context cut: refused.
        #expect(throws: EncoderError.self) {
            try cuts(#","emergency_alone":0.8,"emergency_alone_crisis":0.7"#)
        }
        #expect(throws: EncoderError.self) {
            try cuts(#","emergency_alone":0.92,"emergency_alone_crisis":0.5"#)
        }
        #expect(throws: EncoderError.self) {
            try cuts(#","emergency_alone":1.0,"emergency_alone_crisis":0.7"#)
        }
    }
}

/// Kinds the blind set zy showed after its baseline (danger from someone else, now and not now),
/// written in our own words, each beside the everyday wording it must leave alone.
@Suite struct SixteenthSessionKindsTests {
    static func read(_ text: String) throws -> Assessment {
        try #require(TestEngine.shipped).assess(text)
    }

    /// Danger now from other people: threatened outside the home, a weapon waved in the street,
    /// someone heard being hurt, a child shut in a room with an adult, papers taken and not let
    /// out, pushed over and unable to get up, the house being smashed with someone in the room.
    @Test(arguments: [
        ("two lads at my front door saying they're going to stab me when i come out", Subject.speaker),
        ("some bloke by the cashpoint swinging a knife at people, we're in the shop", .speaker),
        ("i can hear the woman next door getting battered, she's screaming", .other),
        ("he's getting hit again and it's happening right now, i can hear it through the floor", .other),
        ("her stepdad has just gone into my niece's bedroom and shut the door", .other),
        ("they took our passports at the farm and we're locked in at night, not let out", .speaker),
        ("my son shoved me down in the hall and i can't get up, been here since lunch", .speaker),
        ("he's wrecking the front room, my sister is in there with him", .speaker),
    ])
    func dangerFromSomeoneElseNowIsAnEmergency(text: String, subject: Subject) throws {
        let read = try Self.read(text)
        #expect(read.level == .emergency, "\(text): \(read.level)")
        #expect(read.subject == subject, "\(text): \(read.subject)")
    }

    @Test(arguments: [
        "my mum's going to kill me when i get in, i've lost my keys again",
        "the film had a man swinging a machete at zombies, proper daft",
        "i can hear next door's kids getting told off for the telly again",
        "the dog went into my sister's room and we shut the door so it'd stay off the sofa",
        "renewing my passport, it's not let me upload the photo",
        "pushed the trolley over the kerb and couldn't get it up the step",
        "we're redoing the kitchen, the builders are smashing the old tiles up",
    ])
    func theSameWordsInEverydayTalkAreNot(text: String) throws {
        let read = try Self.read(text)
        #expect(read.level < .crisis, "\(text): \(read.level)")
    }

    /// Raped minutes ago is danger and harm now; a rape told as over is the specialist topic.
    @Test func aRapeJustNowIsAnEmergency() throws {
        #expect(try Self.read("he raped me just now and he's asleep in the next room").level == .emergency)
        let past = try Self.read("i was raped at uni years ago and i've never told anyone")
        #expect(past.level == .boundary)
        #expect(past.categories.contains(.sexualViolence))
    }

    /// Forced marriage: being made to marry is a boundary with its own service; a flight out
    /// tomorrow to a wedding the person does not want is an emergency; a family wedding abroad is
    /// not a risk.
    @Test func forcedMarriage() throws {
        let made = try Self.read("my family are forcing me to marry my cousin and i'm only 18")
        #expect(made.level == .boundary && made.categories.contains(.abuse))
        #expect(
            try Self.read("i don't want to get married and they've booked the flight for tomorrow").level
                == .emergency)
        #expect(try Self.read("off to lahore tomorrow for my cousin's wedding, can't wait").level < .crisis)
    }

    /// Polish: someone at the door threatening to kill the writer.
    @Test func polishDangerAtTheDoor() throws {
        #expect(try Self.read("stoi pod drzwiami i mówi że mnie zabije").level == .emergency)
        #expect(try Self.read("paczka stoi pod drzwiami od rana").level < .crisis)
    }

    /// Danger rising in a conversation already about danger from someone else (footsteps on the
    /// stairs with shouting, a chair wedged against the door); the same words in a house where
    /// nothing is wrong are not danger. Lexicon only: the rule needs the conversation, not the
    /// encoder.
    @Test func dangerRisingNeedsDangerFromSomeoneElseFirst() throws {
        #expect(
            levels([
                "my stepdad hits my mum when he's had a drink", "he's coming up the stairs shouting my name",
            ])
                == [.boundary, .emergency])
        let chair = assessments([
            "my son takes my pension and said i'd be sorry if i told anyone",
            "i've wedged the chair against my bedroom door, he's back from the pub shouting",
        ])
        #expect(chair.map(\.level) == [.boundary, .emergency])
        #expect(chair.last?.signals.contains { $0.rule == "abuse.danger_rising" } == true)
        #expect(
            levels(["what's for tea", "mum's coming up the stairs shouting that tea's ready"]) == [
                .none, .none,
            ])
        #expect(
            levels([
                "the cat keeps getting in at night", "i've put a chair against the door so she can't get in",
            ])
                == [.none, .none])
        // Without the conversation, the words alone are not read as danger by the lexicon.
        #expect(level("he's coming up the stairs shouting my name") < .crisis)
    }

    /// Outside the house of the person they mean to hurt, with a weapon: harm to someone else now.
    @Test func aWeaponAtTheirDoorIsAnEmergency() throws {
        let read = try Self.read("got my dad's hammer in the car, parked outside his house")
        #expect(read.level == .emergency)
        #expect(read.categories.contains(.harmToOthers))
        #expect(level("got the hammer back from my dad's, it's in the car outside his house") < .crisis)
    }
}
