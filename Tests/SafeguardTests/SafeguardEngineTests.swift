import Testing

@testable import Safeguard

/// Assesses a marked message and checks the level and that a signal of the rule family
/// covers exactly the marked span.
func expectSpan(
    _ marked: String, rule: String, level: RiskLevel, category: RiskCategory? = nil,
    subject: Subject? = nil, sourceLocation: SourceLocation = #_sourceLocation
) {
    guard let engine = TestEngine.engine else {
        Issue.record("lexicon failed to load", sourceLocation: sourceLocation)
        return
    }
    let input = MarkedText(marked)
    let assessment = engine.assess(input.text)
    #expect(assessment.level == level, "\(input.text)", sourceLocation: sourceLocation)
    let hit = assessment.signals.first {
        $0.rule.hasPrefix(rule) && $0.start == input.start && $0.end == input.end
    }
    #expect(
        hit != nil,
        "no \(rule) signal at \(input.start)..<\(input.end) in \(assessment.signals.map { ($0.rule, $0.start, $0.end) })",
        sourceLocation: sourceLocation)
    if let category { #expect(assessment.categories.contains(category), sourceLocation: sourceLocation) }
    if let subject { #expect(assessment.subject == subject, sourceLocation: sourceLocation) }
}

/// The assessments of turns read in order as one conversation (with what the state remembers
/// of each: its own level, the steps it took), recording Waymark's safety question after the
/// turns listed (an engine that did not load is a failed test).
func assessments(
    _ turns: [String], askedAfter: Set<Int> = [], sourceLocation: SourceLocation = #_sourceLocation
) -> [Assessment] {
    guard let engine = TestEngine.engine else {
        Issue.record("the safeguard engine did not load", sourceLocation: sourceLocation)
        return []
    }
    var state = ConversationState()
    var read: [Assessment] = []
    for (index, turn) in turns.enumerated() {
        let result = engine.assess(turn, state: state)
        state = result.state
        read.append(result.assessment.remembering(result.state))
        if askedAfter.contains(index) { state.recordSafeguardAskedSafetyQuestion() }
    }
    return read
}

/// The levels of turns assessed in order as one conversation (see ``assessments(_:askedAfter:sourceLocation:)``).
func levels(_ turns: [String], askedAfter: Set<Int> = [], sourceLocation: SourceLocation = #_sourceLocation)
    -> [RiskLevel]
{
    assessments(turns, askedAfter: askedAfter, sourceLocation: sourceLocation).map(\.level)
}

/// The level of a message as the first turn of a conversation (an engine that did not load is
/// a failed test, never a passing level).
func level(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> RiskLevel {
    guard let engine = TestEngine.engine else {
        Issue.record("the safeguard engine did not load", sourceLocation: sourceLocation)
        return .none
    }
    return engine.assess(text).level
}

/// The rule ids of a message's signals as the first turn of a conversation (an engine that did
/// not load is a failed test).
func rules(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
    guard let engine = TestEngine.engine else {
        Issue.record("the safeguard engine did not load", sourceLocation: sourceLocation)
        return []
    }
    return engine.assess(text).signals.map(\.rule)
}

@Suite struct SafeguardEngineTests {
    @Test func explicitStatements() {
        expectSpan(
            "honestly i [[want to kill myself]]", rule: "explicit.", level: .crisis, category: .suicide)
        expectSpan("been feeling [[really suicidal]] lately", rule: "explicit.suicidal", level: .crisis)
        expectSpan("i keep [[thinking about ending my life]]", rule: "explicit.end_my_life", level: .crisis)
    }

    @Test func passiveIdeation() {
        expectSpan(
            "they'd all be [[better off without me]] tbh", rule: "passive.better_off", level: .crisis,
            category: .suicide)
        expectSpan("some days i [[hope i don't wake up]]", rule: "passive.not_wake_up", level: .crisis)
        expectSpan("i'm just [[so tired of existing]]", rule: "passive.tired_of_living", level: .crisis)
        expectSpan("[[what's the point of carrying on]]", rule: "passive.no_point", level: .crisis)
        expectSpan("i [[wish i could disappear forever]]", rule: "passive.disappear", level: .crisis)
        expectSpan(
            "off to spain friday and i [[hope the flight goes down]]", rule: "passive.wish_death_event",
            level: .crisis)
    }

    @Test func ukSlangAndAlgospeak() {
        expectSpan("might just [[top myself]]", rule: "uk_slang.top_myself", level: .crisis)
        expectSpan("thinking of [[doing myself in]]", rule: "uk_slang.do_myself_in", level: .crisis)
        expectSpan("i [[want to end it all]]", rule: "uk_slang.end_it", level: .crisis)
        expectSpan("keep [[thinking about unaliving myself]]", rule: "algospeak.unalive", level: .crisis)
        expectSpan("[[sewerslide]] is all i think about", rule: "algospeak.sewerslide", level: .crisis)
        expectSpan("[[gonna kms]]", rule: "algospeak.kms", level: .crisis)
        expectSpan("ready to [[ctb]]", rule: "algospeak.ctb", level: .crisis)
    }

    @Test func methodSeekingIncludingPretexts() throws {
        expectSpan(
            "[[how many ibuprofen would it take to not wake up]]", rule: "method.lethal_amount",
            level: .crisis,
            subject: .speaker)
        expectSpan(
            "for a story i'm writing, [[what's a lethal dose of insulin]]", rule: "method.lethal_amount",
            level: .crisis)
        expectSpan("[[how high does a bridge need to be to die]]", rule: "method.height", level: .crisis)
        let pretext = try #require(TestEngine.engine).assess(
            "asking for a friend: what's the quickest way to die")
        #expect(pretext.level == .crisis)
        #expect(pretext.signals.contains { $0.modifiers.contains(.pretext) })
    }

    @Test func planMeansTimeMakeAnEmergency() {
        expectSpan("[[got the tablets lined up]] for tonight", rule: "plan.means_pills", level: .emergency)
        expectSpan("i'm doing it [[tonight]]. the pills are saved up", rule: "plan.time", level: .emergency)
        #expect(level("i've been stockpiling my meds") == .crisis)
    }

    @Test func actsDone() {
        expectSpan(
            "i've [[taken 30 paracetamol]]", rule: "act.overdose_taken", level: .emergency, category: .medical
        )
        expectSpan(
            "i [[cut too deep]] and it won't stop bleeding", rule: "act.serious_injury", level: .emergency)
        #expect(level("i've taken an overdose but i don't want to die now") == .emergency)
    }

    @Test func farewellBehaviour() {
        expectSpan("i've [[given away all my games]]", rule: "farewell.giving_away", level: .crisis)
        expectSpan("[[wrote the letters]] last night", rule: "farewell.letters", level: .crisis)
        // Letters and goodbyes are everyday things too: alone they are not a farewell.
        #expect(level("wrote a note for the new owners about the boiler") == .none)
        #expect(level("writing handover letters for everyone before i start the new job") == .none)
        #expect(level("we wrote a goodbye card for our neighbour who is moving to spain") == .none)
    }

    @Test func selfHarm() {
        expectSpan(
            "[[i cut again]] last night", rule: "self_harm.cutting", level: .crisis, category: .selfHarm)
        expectSpan("the [[urge to self harm is bad]]", rule: "self_harm", level: .crisis)
        expectSpan(
            "[[burnt myself with the lighter on purpose]]", rule: "self_harm.hurting", level: .crisis)
    }

    @Test func boundaryTopics() {
        expectSpan(
            "he [[checks my phone]] every night", rule: "abuse.coercive_control", level: .boundary,
            category: .abuse)
        expectSpan("he [[put his hands round my neck]]", rule: "abuse.strangulation", level: .boundary)
        expectSpan("i think i [[was sexually assaulted]]", rule: "sexual_violence.assault", level: .boundary)
        expectSpan(
            "i've been [[making myself sick]] after tea", rule: "eating.purging", level: .boundary,
            category: .eatingDisorder)
        expectSpan("[[the voices are]] louder today", rule: "psychosis.voices", level: .boundary)
        expectSpan("[[still getting flashbacks]] from the fire", rule: "trauma.flashbacks", level: .boundary)
        expectSpan("i [[drink every night]] now", rule: "substance.drinking", level: .boundary)
        expectSpan("[[can i drink alcohol on sertraline]]", rule: "medication.dose", level: .boundary)
        expectSpan(
            "we had a [[miscarriage]] in may", rule: "bereavement.complicated", level: .boundary,
            category: .bereavement)
        expectSpan(
            "i keep getting [[images of hurting my]] baby", rule: "harm_to_others.intrusive",
            level: .boundary,
            category: .harmToOthers)
        expectSpan(
            "[[i fainted in]] the shop", rule: "medical.collapse", level: .boundary, category: .medical)
    }

    @Test func childSafeguarding() throws {
        let flashing = try #require(TestEngine.engine).assess("a man flashed me on the way home. i'm 13")
        #expect(flashing.level == .boundary)
        #expect(flashing.categories.contains(.childSafeguarding))
        #expect(level("my brother is 12 and he's gone to meet a man he met online") == .emergency)
    }

    @Test func dangerFromAnotherPersonNow() {
        #expect(level("he's got a knife and he's saying he'll kill me") == .emergency)
        #expect(level("he has locked me in the bedroom and taken my phone") == .emergency)
    }

    @Test func nonEnglishPlainStatements() {
        #expect(level("dwi isio marw") >= .crisis)  // Welsh
        #expect(level("chcę umrzeć") >= .crisis)  // Polish
        #expect(level("quiero morir") >= .crisis)  // Spanish
        #expect(level("main marna chahta hoon") >= .crisis)  // Urdu, Latin script
        #expect(level("tnę się") >= .crisis)  // Polish self-harm
    }

    @Test func distressWithinScope() {
        #expect(level("so stressed about uni, i can't cope with all these deadlines") == .distress)
        #expect(level("feeling really low and lonely tonight") == .distress)
    }

    @Test func everyAssessmentExplainsItself() throws {
        let engine = try #require(TestEngine.engine)
        let assessment = engine.assess("i want to die")
        #expect(!assessment.reasons.isEmpty)
        #expect(assessment.signals.allSatisfy { !$0.rule.isEmpty && $0.start < $0.end })
        #expect(engine.assess("lovely weather").reasons == ["no risk signals"])
    }

    @Test func theStatisticalModelIsOnlyExtraEvidence() throws {
        /// Fairly sure (0.9) whenever it sees a risk word (a stand-in for the real model).
        struct RiskWordModel: RiskModel {
            func scores(for text: String) -> RiskModelScores {
                RiskModelScores(
                    suicidal: ["suicidal", "over", "killing", "without me", "grey"].contains {
                        text.contains($0)
                    } ? 0.9 : 0.1)
            }
        }
        let lexicon = try #require(TestEngine.lexicon)
        let engine = SafeguardEngine(lexicon: lexicon, model: RiskWordModel())
        #expect(engine.assess("everything feels grey and i want it all to be over").level == .crisis)
        // Without a word about life, death, harm, means or farewells 0.9 is not enough.
        #expect(engine.assess("everything feels grey and far away lately").level < .crisis)
        #expect(engine.assess("this essay is killing me lol").level == .none)
        #expect(engine.assess("i'm not suicidal at all").level == .none)
    }

    /// A negation elsewhere in a message the lexicon found nothing in does not silence the
    /// model; it only raises the bar.
    @Test func negationElsewhereRaisesTheModelsBar() throws {
        let lexicon = try #require(TestEngine.lexicon)
        let text =
            "i won't do anything stupid but the world would keep turning without me, that feels like peace"
        let sure = SafeguardEngine(lexicon: lexicon, model: FixedScoreModel(score: 0.99))
        let unsure = SafeguardEngine(lexicon: lexicon, model: FixedScoreModel(score: 0.9))
        #expect(sure.assess(text).level == .crisis)
        #expect(unsure.assess(text).level < .crisis)
        #expect(
            unsure.assess("the world would keep turning without me, that feels like peace").level == .crisis)
        // Calmer or safer: the same bar.
        #expect(unsure.assess("i feel a bit better now, the worst is over for tonight").level < .crisis)
    }
}
