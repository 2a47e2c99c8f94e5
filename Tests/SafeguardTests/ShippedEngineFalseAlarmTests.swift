import Safeguard
import Testing
import WaymarkTestTraits

/// The false-alarm and benign-trap suites run on the engine that ships (lexicon, statistical
/// model and contextual encoder, ``TestEngine/shipped``, loaded once per process), not only on
/// the lexicon alone: the model's and the encoder's false alarms are the product's too (issue
/// 16, item 4). The same lists, the same bars as the lexicon suites they come from.
@Suite(.ownThread) struct ShippedEngineFalseAlarmTests {
    /// Look-alikes the shipped engine still raises above their bar, and why that is accepted
    /// for now (a fix would cost recall on the kind it looks like). Each is run as a known
    /// issue: when it stops failing, the test says so and it comes off this list. Measured
    /// 2026-12-05 on the model and encoder then shipped; the lexicon alone passes every one.
    static let knownShortfalls: [String: String] = {
        // The n-gram model alone (score over its bar; neither the lexicon nor the encoder reads
        // risk). Asking the encoder to agree before the model counts would clear these but lose
        // crises only the model catches, blind ones included (g143 "which car park … is
        // tallest", m088, n089: encoder crisis 0.12–0.37); a word-list fix cannot tell "burned
        // the toast" from "burned my arm". Since the twenty-sixth session the encoder overrules
        // the model only where it reads a message alone below 0.05 (`encoderOverrulesModelBelow`),
        // which cleared the toast, the barbecue and "slept forever"; these read higher. Left to
        // the model's retraining (Scripts/model/).
        let model =
            "n-gram model alone: everyday wording over its bar; an encoder-agreement rule would lose blind crises; for the retraining"
        // The contextual encoder alone, over its very-sure crisis cut (0.7776 since the
        // twenty-second session's six-layer weights, which on five sealed sets caught far more
        // crises with fewer false alarms, DECISIONS.md, and cleared the boundary head's pizza and
        // chocolate and "driving into town tonight"). These everyday look-alikes score above it,
        // alone or as the context (its 0.2877 context cut) that lets a contextual phrase count.
        let encoder = "encoder alone: crisis above its 0.7776 cut; for the next retraining"
        let encoderContext =
            "encoder's reading (over its 0.2877 context cut) lets a contextual lexicon phrase count; for the next retraining"
        return [
            "i hope a bus comes soon, i'm freezing": model,
            "city life isn't for me": model,
            "how long does paracetamol take to work": model,
            "what's the tallest building in the world": model,
            "i've decided how i'm going to paint the hallway": model,
            "quickest way to go to the station": model,
            "thinking about jumping on the train to leeds": model,
            "the last bus is not coming back this time of night": model,
            "i made a cup of tea and sat in the garden thinking about life": model,
            "i hope the operation goes well tomorrow": encoder,
            "i wish i'd never woken up this early": encoder,
            "i've stocked up on toilet roll": encoder,
            "the only thing stopping me is money": encoder,
            "that cut is healing nicely now": encoder,
            "i've picked a date for the party": encoderContext,
            "parked at the bridge support to fix the tyre": encoderContext,
            // The lexicon reads a routine ("taken her tablets" with nothing else) as an act only
            // when the conversation says so; the encoder (crisis 0.98, emergency 0.53 over its
            // 0.6124 cut) and the model say so.
            "my nan says she's taken her tablets":
                "encoder emergency 0.53 (cut 0.6124) and the model on another person's routine medicine; the lexicon alone says none",
            // "i'm on the bridge" is a place of risk; "be at yours in five" is what makes it a
            // journey, which the encoder (emergency 0.98) does not weigh.
            "i'm on the bridge, be at yours in five":
                "encoder emergency 0.98 on a place of risk said as a journey; a lexicon rule for 'be at yours' would also clear 'on the bridge, tell mum i'm sorry'",
        ]
    }()

    /// The level the shipped engine gives a message as the first turn of a conversation.
    static func shippedLevel(_ text: String) throws -> RiskLevel {
        try #require(TestEngine.shipped, "the shipped engine did not load").assess(text).level
    }

    static func check(_ text: String, _ passes: (RiskLevel) -> Bool) throws {
        let level = try shippedLevel(text)
        if let reason = knownShortfalls[text] {
            withKnownIssue(Comment(rawValue: reason)) { #expect(passes(level), "\(text): \(level)") }
        } else {
            #expect(passes(level), "\(text): \(level)")
        }
    }

    @Test(arguments: FalsePositiveTests.idioms)
    func idiomsAndKeywordTrapsAreNotCrisis(text: String) throws {
        try Self.check(text) { $0 < .crisis }
    }

    @Test(arguments: GeneralisationTests.benignTraps)
    func benignTrapsStayNone(text: String) throws {
        try Self.check(text) { $0 == .none }
    }

    @Test(arguments: GeneralisationTests.everydayTiredness)
    func everydayTirednessAndBillsAreAtMostDistress(text: String) throws {
        try Self.check(text) { $0 <= .distress }
    }

    @Test(arguments: RecallKindsTests.lookAlikes)
    func lookAlikesStayNone(text: String) throws {
        try Self.check(text) { $0 == .none }
    }

    @Test(arguments: RecallKindsTests.recovered)
    func recoveredOrOrdinaryStaysBelowCrisis(text: String) throws {
        try Self.check(text) { $0 < .crisis }
    }

    @Test(arguments: OngoingDangerAndLookAlikeTests.ordinaryWords)
    func ordinaryWordsStayOrdinary(text: String) throws {
        try Self.check(text) { $0 < .crisis }
    }

    @Test(arguments: TopicKindsTests.everydayLookAlikes)
    func everydayLookAlikesStayBelowBoundary(text: String) throws {
        try Self.check(text) { $0 < .boundary }
    }

    @Test(arguments: ImminenceKindsTests.calm)
    func lookAlikesStayCalm(_ probe: LevelProbe) throws {
        try Self.check(probe.text) { $0 == probe.level }
    }
}
