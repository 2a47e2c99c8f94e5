import Foundation
import Testing

@testable import Safeguard
import WaymarkTestTraits

/// The contextual encoder: tokenizer and forward pass pinned to the Python reference
/// (`resources/safeguard/encoder/golden.json`, written by `Scripts/model/encoder/train.py export`),
/// and the rules by which the engine takes its view.
@Suite(.ownThread) struct EncoderTests {
    struct GoldenCase: Decodable {
        var segments: [String]
        var windows: [[Int32]]
        var pooledFirstWindow: [Float]
        var crisis: Double
        var emergency: Double

        enum CodingKeys: String, CodingKey {
            case segments, windows, crisis, emergency
            case pooledFirstWindow = "pooled_first_window"
        }
    }

    static func golden() throws -> [GoldenCase] {
        try JSONDecoder().decode(
            [GoldenCase].self, from: TestResources.resource("safeguard/encoder/golden.json"))
    }

    @Test func theShippedEncoderLoads() throws {
        let encoder = try #require(TestEngine.encoder)
        #expect(encoder.tokenizer.count == 30_522)
        #expect(encoder.model.maxTokens == 128)
        #expect(encoder.thresholds.crisis > 0.5 && encoder.thresholds.crisis < 1)
        #expect(encoder.thresholds.emergency > 0.5 && encoder.thresholds.emergency < 1)
    }

    @Test func tokenIDsMatchThePythonReference() throws {
        let encoder = try #require(TestEngine.encoder)
        let cases = try Self.golden()
        #expect(cases.count >= 10)
        for item in cases {
            let message = try #require(item.segments.last)
            let windows = encoder.windows(message, previous: Array(item.segments.dropLast()))
            #expect(windows.ids == item.windows, "\(item.segments)")
        }
    }

    @Test func pooledVectorAndProbabilitiesMatchThePythonReference() throws {
        let encoder = try #require(TestEngine.encoder)
        for item in try Self.golden() {
            let first = try #require(item.windows.first)
            var pooled = [Float](repeating: 0, count: item.pooledFirstWindow.count)
            _ = pooled.withUnsafeMutableBufferPointer { encoder.model.probabilities(first, pooled: $0) }
            let worst = zip(pooled, item.pooledFirstWindow).map { abs($0 - $1) }.max() ?? 1
            #expect(worst < 2e-4, "pooled vector of \(item.segments) differs by \(worst)")
            let message = try #require(item.segments.last)
            let reading = encoder.read(message, previous: Array(item.segments.dropLast()))
            #expect(abs(reading.crisis - item.crisis) < 1e-3, "\(item.segments)")
            #expect(abs(reading.emergency - item.emergency) < 1e-3, "\(item.segments)")
        }
    }

    struct HeadGolden: Decodable {
        struct Case: Decodable {
            var segments: [String]
            var boundary: Double
            var topic: String
            var topicProbability: Double

            enum CodingKeys: String, CodingKey {
                case segments, boundary, topic
                case topicProbability = "topic_probability"
            }
        }
        var golden: [Case]
    }

    /// The boundary head (`boundary-head.json`, written by `Scripts/model/encoder/boundary_head.py`)
    /// reads the same as in Python: its probability and topic over every window.
    @Test func theBoundaryHeadMatchesThePythonReference() throws {
        let encoder = try #require(TestEngine.encoder)
        let head = try #require(encoder.boundaryHead, "the shipped encoder loads its boundary head")
        #expect(encoder.thresholds.boundary == head.cut)
        #expect(head.cut > 0.5 && head.cut < 1)
        #expect(!head.topics.contains(.suicide) && !head.topics.contains(.selfHarm))
        let file = try JSONDecoder().decode(
            HeadGolden.self, from: TestResources.resource(BoundaryHead.resourcePath))
        #expect(file.golden.count >= 8)
        var above = 0
        for item in file.golden {
            let message = try #require(item.segments.last)
            let reading = encoder.read(message, previous: Array(item.segments.dropLast()))
            let boundary = try #require(reading.boundary)
            #expect(abs(boundary - item.boundary) < 1e-3, "\(item.segments)")
            #expect(reading.topic?.rawValue == item.topic, "\(item.segments)")
            #expect(abs((reading.topicProbability ?? -1) - item.topicProbability) < 1e-3, "\(item.segments)")
            if boundary >= head.cut { above += 1 }
        }
        // The golden texts hold clear boundary topics and ordinary chat: both sides of the cut.
        #expect(above > 0 && above < file.golden.count)
    }

    /// A two-input head file, well formed unless one part is given otherwise.
    static func headJSON(
        format: String = "waymark-encoder-head-1", boundaryWeight: String = "[1,2]", cut: String = "0.9",
        topic: String = "abuse"
    ) -> String {
        #"{"format":"\#(format)","hidden":2,"scale":10,"#
            + #""boundary":{"weight":\#(boundaryWeight),"bias":0,"cut":\#(cut)},"#
            + #""topics":{"names":["\#(topic)"],"weight":[[1,2]],"bias":[0],"min_probability":0.5}}"#
    }

    @Test func aBrokenBoundaryHeadIsALoadErrorNeverAQuietFallback() throws {
        // The well-formed file loads, so each failure below is the one part changed.
        _ = try BoundaryHead(data: Data(Self.headJSON().utf8))
        let bad: [(String, String)] = [
            ("{}", "unreadable"),
            (Self.headJSON(format: "other"), "unknown format"),
            (Self.headJSON(boundaryWeight: "[1]"), "do not match"),
            (Self.headJSON(cut: "1.5"), "between 0 and 1"),
            (Self.headJSON(topic: "suicide"), "never suicide"),
            (Self.headJSON(topic: "gardening"), "unknown topic"),
        ]
        for (json, reason) in bad {
            #expect {
                try BoundaryHead(data: Data(json.utf8))
            } throws: { error in
                "\(error)".contains(reason)
            }
        }
        // A head for another encoder width is refused when the encoder is loaded.
        #expect(throws: EncoderError.self) {
            try ContextualEncoder(
                vocabulary: TestResources.resource(ContextualEncoder.vocabularyPath),
                modelData: TestResources.resource(ContextualEncoder.modelPath),
                thresholds: TestResources.resource(ContextualEncoder.thresholdsPath),
                boundaryHead: Data(Self.headJSON().utf8))
        }
    }

    @Test func aLongMessageIsReadInEvenlySpreadWindows() throws {
        let encoder = try #require(TestEngine.encoder)
        let long = String(repeating: "walked the dog and made tea ", count: 3000)
        let windows = encoder.windows(long, previous: ["earlier turn"])
        #expect(windows.ids.count == 8)
        #expect(windows.truncated)
        #expect(!windows.usedContext)
        #expect(windows.ids.allSatisfy { $0.count == encoder.model.maxTokens })
    }

    @Test func earlierTurnsFillTheRoomLeftNearestFirst() throws {
        let encoder = try #require(TestEngine.encoder)
        let windows = encoder.windows("tonight", previous: ["i have them here", "ok"])
        let ids = try #require(windows.ids.first)
        let tokenizer = encoder.tokenizer
        let expected =
            [tokenizer.classID] + tokenizer.ids("i have them here") + [tokenizer.separatorID]
            + tokenizer.ids("ok")
            + [tokenizer.separatorID] + tokenizer.ids("tonight") + [tokenizer.separatorID]
        #expect(ids == expected)
        #expect(windows.usedContext)
    }

    @Test func tokenizerHandlesHostileInput() throws {
        let encoder = try #require(TestEngine.encoder)
        let tokenizer = encoder.tokenizer
        #expect(tokenizer.ids("").isEmpty)
        #expect(tokenizer.ids("\u{0}\u{FFFD}\u{200D}\u{202E}").isEmpty)
        #expect(tokenizer.ids(String(repeating: "a", count: 101)) == [tokenizer.unknownID])
        #expect(tokenizer.ids("\u{1B}[2J") == tokenizer.ids("[2J"))
        let reading = encoder.read(String(repeating: "💀", count: 5000))
        #expect(reading.crisis >= 0 && reading.crisis <= 1)
    }

    // MARK: - Union rules (the real encoder with stand-in cuts)

    static func engine(
        crisis: Double, emergency: Double, crisisCorroborated: Double? = nil,
        emergencyCorroborated: Double? = nil, context: Double? = nil, boundary: Double = 0.999_999_9,
        boundaryTopic: Double? = nil
    ) throws -> SafeguardEngine {
        let shipped = try #require(TestEngine.shipped)
        let real = try #require(shipped.encoder)
        let encoder = ContextualEncoder(
            tokenizer: real.tokenizer, model: real.model,
            thresholds: EncoderThresholds(
                crisis: crisis, emergency: emergency, crisisCorroborated: crisisCorroborated,
                emergencyCorroborated: emergencyCorroborated, context: context, boundary: boundary,
                boundaryTopic: boundaryTopic),
            boundaryHead: real.boundaryHead)
        return SafeguardEngine(lexicon: shipped.lexicon, model: nil, encoder: encoder)
    }

    /// Nothing for the lexicon.
    static let anchored = "i made a cup of tea and sat in the garden thinking about life"

    @Test func atItsSureCutTheEncoderAddsCrisisTheLexiconMissed() throws {
        let sure = try Self.engine(crisis: 1e-9, emergency: 0.999_999_9)
        let assessment = sure.assess(Self.anchored)
        #expect(assessment.level == .crisis)
        #expect(assessment.signals.contains { $0.rule == "encoder.crisis" })
        #expect(assessment.reasons.contains { $0.hasPrefix("encoder: crisis") })
        let never = try Self.engine(crisis: 0.999_999_9, emergency: 0.999_999_9)
        #expect(never.assess(Self.anchored).level == .none)
    }

    @Test func itsEmergencyOutputRaisesCrisisToEmergency() throws {
        let both = try Self.engine(crisis: 1e-9, emergency: 1e-9)
        let assessment = both.assess(Self.anchored)
        #expect(assessment.level == .emergency)
        #expect(assessment.signals.contains { $0.rule == "encoder.emergency" })
        // Emergency alone, without crisis from the encoder or the lexicon, is not enough.
        let emergencyOnly = try Self.engine(crisis: 0.999_999_9, emergency: 1e-9)
        #expect(emergencyOnly.assess(Self.anchored).level == .none)
    }

    /// Low mood the lexicon reads as distress, and nothing else.
    static let distressOnly = "been feeling really low and tired all week"

    @Test func atItsCorroboratedCutTheEncoderCountsOnlyBesideOtherEvidence() throws {
        let lexiconOnly = try #require(TestEngine.engine)
        #expect(lexiconOnly.assess(Self.distressOnly).level == .distress)
        #expect(lexiconOnly.assess(Self.anchored).level == .none)
        let corroborated = try Self.engine(
            crisis: 0.999_999_9, emergency: 0.999_999_9, crisisCorroborated: 1e-9)
        let assessment = corroborated.assess(Self.distressOnly)
        #expect(assessment.level == .crisis)
        #expect(assessment.signals.contains { $0.rule == "encoder.crisis" })
        // Nothing for the other layers: nothing to corroborate.
        #expect(corroborated.assess(Self.anchored).level == .none)
    }

    /// A contextual phrase: a farewell only in a conversation about ending one's life.
    static let letterWritten = "wrote a note for my sister and left it on the side"

    @Test func atItsContextCutTheEncoderLetsContextualPhrasesCount() throws {
        let never = try Self.engine(crisis: 0.999_999_9, emergency: 0.999_999_9)
        #expect(never.assess(Self.letterWritten).level == .none)
        let context = try Self.engine(crisis: 0.999_999_9, emergency: 0.999_999_9, context: 1e-9)
        let assessment = context.assess(Self.letterWritten)
        #expect(assessment.level == .crisis)
        #expect(assessment.signals.contains { $0.rule == "farewell.letters_written" })
        #expect(assessment.reasons.contains { $0.contains("encoder's reading is the context") })
        // Context is not evidence: with no contextual phrase, nothing.
        #expect(context.assess(Self.anchored).level == .none)
        // Nor does it make a plan of its own: a door locked with the encoder's context alone is
        // not the "farewell with the person unreachable" emergency.
        #expect(context.assess("my little one locked herself in the bathroom again").level < .emergency)
    }

    @Test func corroborationDoesNotCountInLoweringContext() throws {
        let text = "years ago i felt really low and tired all the time"
        let lexiconOnly = try #require(TestEngine.engine)
        #expect(lexiconOnly.assess(text).signals.contains { $0.modifiers.contains(.historical) })
        let corroborated = try Self.engine(
            crisis: 0.999_999_9, emergency: 0.999_999_9, crisisCorroborated: 1e-9)
        #expect(corroborated.assess(text).level < .crisis)
    }

    @Test func itsEmergencyOutputNeverStandsInForItsCrisisReading() throws {
        let engine = try Self.engine(crisis: 0.999_999_9, emergency: 1e-9, crisisCorroborated: 0.999_999_9)
        #expect(engine.assess(Self.anchored).level == .none)
    }

    /// After an emergency the earlier turns are in what the encoder reads, so its emergency
    /// output adds nothing: an engine whose encoder always says "emergency" and one whose encoder
    /// never does decide the same.
    @Test func afterAnEmergencyItsEmergencyReadingDoesNotCount() throws {
        let always = try Self.engine(crisis: 1e-9, emergency: 1e-9)
        let never = try Self.engine(crisis: 1e-9, emergency: 0.999_999_9)
        let turns = ["my boyfriend has a knife and says he'll kill me", "i just feel so low about all of it"]
        var first = ConversationState()
        var second = ConversationState()
        var levels: [(RiskLevel, RiskLevel)] = []
        for turn in turns {
            let a = always.assess(turn, state: first)
            let b = never.assess(turn, state: second)
            first = a.state
            second = b.state
            levels.append((a.assessment.level, b.assessment.level))
        }
        #expect(levels[0].0 == .emergency)
        #expect(levels[1].1 < .emergency, "the premise: without the encoder's emergency, turn 2 is below it")
        #expect(levels[1].0 == levels[1].1)
    }

    /// Once a crisis is remembered, a turn whose own words hold nothing is not new risk from the
    /// earlier turns the encoder carries: its level stays by the conversation's memory, with no
    /// encoder signal (so the policy does not answer "thanks, that helped" as fresh risk). Before
    /// any crisis, the same reading still counts: that is how a slow build-up is caught.
    @Test func aRememberedCrisisIsNotReadAgainFromTheTurnsItCarries() throws {
        let sure = try Self.engine(crisis: 1e-9, emergency: 0.999_999_9)
        let calm = "going to make some toast and watch telly"
        var state = ConversationState()
        let first = sure.assess("i want to kill myself", state: state)
        #expect(first.assessment.level == .crisis)
        state = first.state
        let second = sure.assess(calm, state: state).assessment
        #expect(second.level == .crisis)
        #expect(!second.signals.contains { $0.rule.hasPrefix("encoder.") })
        let lexiconOnly = try #require(TestEngine.engine)
        let quiet = lexiconOnly.assess("rough day at work", state: ConversationState()).state
        #expect(quiet.floor < .crisis)
        #expect(sure.assess(calm, state: quiet).assessment.signals.contains { $0.rule == "encoder.crisis" })
    }

    /// At its boundary cut, where nothing else read a boundary or more, the boundary head's reading
    /// is a boundary on the topic it names; never above a crisis the lexicon read; and, like the
    /// encoder's other outputs, not read again from earlier turns once the conversation remembers
    /// a boundary and the turn's own words hold nothing.
    @Test func atItsBoundaryCutTheEncoderAddsTheBoundaryTopicItNames() throws {
        let always = try Self.engine(
            crisis: 0.999_999_9, emergency: 0.999_999_9, boundary: 1e-9, boundaryTopic: 0)
        let assessment = always.assess(Self.anchored)
        #expect(assessment.level == .boundary)
        let signal = try #require(assessment.signals.first { $0.rule == "encoder.boundary" })
        let topic = try #require(assessment.encoder?.topic)
        #expect(signal.category == topic)
        #expect(assessment.categories == [topic])
        #expect(![RiskCategory.suicide, .selfHarm].contains(topic))
        #expect(assessment.reasons.contains { $0.contains("boundary") && $0.contains(topic.rawValue) })
        // Not sure enough of the topic: a general boundary (no specialist service for a guess).
        let unsure = try Self.engine(
            crisis: 0.999_999_9, emergency: 0.999_999_9, boundary: 1e-9, boundaryTopic: 1)
        let general = unsure.assess(Self.anchored)
        #expect(general.level == .boundary)
        #expect(general.categories.isEmpty)
        let never = try Self.engine(crisis: 0.999_999_9, emergency: 0.999_999_9)
        #expect(never.assess(Self.anchored).level == .none)
        let crisis = always.assess("i want to kill myself")
        #expect(crisis.level == .crisis)
        #expect(!crisis.signals.contains { $0.rule == "encoder.boundary" })
        let state = always.assess("he hits me when he's been drinking", state: ConversationState()).state
        #expect(state.floor >= .boundary)
        let thanks = always.assess("ok thanks", state: state).assessment
        #expect(!thanks.signals.contains { $0.rule == "encoder.boundary" })
    }

    /// The shipped head and cut, on kinds the lexicon has no phrase for (probe-set messages k032,
    /// r026 and t155: money control, chewing and spitting, a voice under the radio), and on
    /// ordinary talk that must stay ordinary.
    @Test func theShippedBoundaryHeadReadsWhatTheLexiconMissesAndLeavesOrdinaryTalkAlone() throws {
        let engine = try #require(TestEngine.shipped)
        for (text, topic) in [
            (
                "my boyfriend makes me send him my bank statement every week and goes mad if i've bought anything",
                RiskCategory.abuse
            ),
            (
                "i chew food and spit it out so i get the taste without the calories. most days now. i hide the bags in my wardrobe",
                .eatingDisorder
            ),
            (
                "there's a voice under the music on the radio that says my name and what i'm doing. landlord must've put something in it",
                .psychosis
            ),
        ] {
            let assessment = engine.assess(text)
            // The head refit on the six-layer encoder's vectors (twenty-second session) leaves money
            // control below its cut: known until the next refit.
            withKnownIssue("six-layer head: money control below the boundary cut") {
                #expect(assessment.level == .boundary, "\(text)")
                #expect(assessment.signals.map(\.rule) == ["encoder.boundary"], "\(text)")
                #expect(assessment.categories == [topic], "\(text)")
            } when: {
                topic == .abuse
            }
        }
        for text in [
            "lovely walk by the river today, the dog loved it",
            "what time does the big tesco shut on sundays",
        ] {
            #expect(engine.assess(text).level == .none, "\(text)")
        }
    }

    @Test func figurativeFictionalOrQuotedTalkIsNeverTheEncoders() throws {
        let sure = try Self.engine(crisis: 1e-9, emergency: 1e-9, boundary: 1e-9)
        for text in [
            "this essay is killing me lol", "in my novel the detective finds the body in the lake",
        ] {
            let assessment = sure.assess(text)
            #expect(assessment.level < .boundary, "\(text)")
            #expect(assessment.encoder == nil, "\(text)")
        }
    }

    @Test func theEncoderReadsEachTurnWithTheTwoBeforeIt() throws {
        let engine = try #require(TestEngine.shipped)
        var state = ConversationState()
        for text in ["first", "second", "third"] {
            state = engine.assess(text, state: state).state
        }
        #expect(state.recentTurns == ["second", "third"])
        let reading = try #require(engine.assess("and now", state: state).assessment.encoder)
        #expect(reading.usedContext)
    }

    @Test func theShippedEngineRunsEveryLayer() throws {
        let engine = try #require(TestEngine.shipped)
        #expect(engine.model != nil)
        #expect(engine.encoder != nil)
        #expect(engine.assess("had a long day at work").encoder != nil)
    }
}
