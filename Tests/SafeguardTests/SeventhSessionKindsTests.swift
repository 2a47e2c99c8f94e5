import Testing

@testable import Safeguard

/// Kinds the seventh session's sets (s, t, u) showed missing or over-called, in our own words:
/// restriction, risk-taking, strangulation, plain-words medical danger, languages spoken in the
/// UK, and the everyday look-alikes (letters, goodbyes, ropes, kilometres). Lexicon only.
@Suite struct SeventhSessionKindsTests {
    static let crises: [LevelProbe] = [
        LevelProbe(
            text: "not had a drop of water since friday, want to see how bad it gets", level: .crisis,
            categories: [.selfHarm]),
        LevelProbe(
            text: "binned my heart pills on monday. if it stops it stops", level: .crisis,
            categories: [.selfHarm]),
        LevelProbe(
            text: "stepped out into the traffic on purpose after work, didn't care", level: .crisis,
            categories: [.suicide]),
        LevelProbe(
            text: "keep picking fights in town so someone would do me some damage", level: .crisis,
            categories: [.suicide]),
        LevelProbe(
            text: "bought a new pack of blades today, not for shaving", level: .crisis, categories: []),
        LevelProbe(
            text: "the kids would be better off with the life insurance honestly", level: .crisis,
            categories: [.suicide]),
        LevelProbe(text: "nebenoriu gyventi, viskas per sunku", level: .crisis, categories: [.suicide]),
        LevelProbe(text: "artık ölmek istiyorum", level: .crisis, categories: [.suicide]),
        LevelProbe(text: "nu mai vreau să trăiesc", level: .crisis, categories: [.suicide]),
        LevelProbe(text: "most nights i wish i wasn't here any more", level: .crisis, categories: [.suicide]),
        LevelProbe(
            text: "relapsed on saturday after six months clean from sh", level: .crisis, categories: []),
        LevelProbe(
            text: "how long would someone last without their insulin before it kills them", level: .crisis,
            categories: []),
    ]

    static let emergencies: [LevelProbe] = [
        LevelProbe(
            text: "no food or water for four days now and i keep blacking out", level: .emergency,
            categories: [.medical]),
        LevelProbe(
            text: "he had his hands round my throat tonight and it hurts to swallow", level: .emergency,
            categories: [.abuse]),
        LevelProbe(
            text: "sat by the slip road waiting for a lorry", level: .emergency, categories: [.suicide]),
        LevelProbe(
            text: "my grandad is diabetic and he's slurring and can't stand up", level: .emergency,
            categories: [.medical]),
        LevelProbe(
            text: "the baby got into the cupboard and swallowed some dishwasher liquitabs", level: .emergency,
            categories: [.medical]),
        LevelProbe(text: "woh abhi mujhe maar raha hai", level: .emergency, categories: [.abuse]),
        LevelProbe(
            text: "wo chilla raha hai, bola tujhe khatam kar dunga", level: .emergency, categories: [.abuse]),
    ]

    static let calm: [LevelProbe] = [
        LevelProbe(
            text: "writing letters for each of my godchildren to open when they turn 18", level: .none,
            categories: []),
        LevelProbe(
            text: "we signed a goodbye card for the caretaker who's retiring", level: .none, categories: []),
        LevelProbe(text: "gave my old xbox to my nephew, he'll use it more", level: .none, categories: []),
        LevelProbe(text: "this humidity is making me want to die", level: .none, categories: []),
        LevelProbe(text: "revision is actually unaliving me", level: .none, categories: []),
        LevelProbe(text: "finally tried top rope at the climbing wall", level: .none, categories: []),
        LevelProbe(text: "nicked my thumb peeling potatoes, blood everywhere", level: .none, categories: []),
        LevelProbe(text: "ran 10 kms this morning", level: .none, categories: []),
        LevelProbe(
            text: "my dissertation looks at slang like unalive and sewerslide on tiktok", level: .none,
            categories: []),
        LevelProbe(text: "not eating or drinking till sunset, it's ramadan", level: .none, categories: []),
        LevelProbe(
            text: "i'd like someone to ask if i'm ok without me having to say it", level: .none,
            categories: []),
    ]

    @Test(arguments: crises) func crisesSaidWithoutTheUsualWords(_ probe: LevelProbe) throws {
        try probe.check()
    }

    @Test(arguments: emergencies) func emergenciesSaidPlainly(_ probe: LevelProbe) throws {
        try probe.check()
    }

    @Test(arguments: calm) func everydayLookAlikesStayCalm(_ probe: LevelProbe) throws {
        try probe.check()
    }

    /// Overdose taken vs planned: "taking" is an act only with a now.
    @Test func takingIsAnActOnlyWithANow() throws {
        let engine = try #require(TestEngine.engine)
        let now = engine.assess("i'm taking all my tablets right now")
        #expect(now.level == .emergency)
        #expect(now.signals.contains { $0.rule == "act.taking_now" })
        let planned = engine.assess("i'm taking all my tablets tonight when he's on nights")
        #expect(!planned.signals.contains { $0.role == .act })
    }

    /// An emergency, then the means put back: the next turn is not held at emergency.
    @Test func aKnifeInOnesOwnHandPutBackIsNotDangerInProgress() throws {
        let engine = try #require(TestEngine.engine)
        var state = ConversationState()
        let first = engine.assess(
            "i've got a knife in my hand and i'm going to do it right now", state: state)
        #expect(first.assessment.level == .emergency)
        state = first.state
        let second = engine.assess("i put it back in the drawer", state: state)
        #expect(second.assessment.level < .emergency)
        state = second.state
        let third = engine.assess("i'm getting it out again, i can't stop myself", state: state)
        #expect(third.assessment.level == .emergency)
    }

    /// A misreading put right, naming what was meant, sets the earlier reading aside; "not like
    /// that" alone does not, and nor does anything after an act.
    @Test func aMisreadingPutRightIsHeard() throws {
        let heard = levels([
            "i'm going to end it tonight", "no not like that, i meant with my boyfriend",
            "gonna do it face to face after work",
        ])
        #expect(heard == [.emergency, .distress, .distress])
        let retracted = levels([
            "i want to kill myself", "no not like that lol", "i'm going to do it tonight",
        ])
        #expect(retracted == [.crisis, .crisis, .emergency])
        let afterAnAct = levels(["i've taken 30 paracetamol", "i meant with my boyfriend"])
        #expect(afterAnAct == [.emergency, .emergency])
    }

    /// A message quoted from someone else ("it just says …") is about them.
    @Test func aQuotedMessageIsAboutWhoeverSentIt() throws {
        let assessment = try #require(TestEngine.engine).assess(
            "her snap just says 'sorry for everything, love you all'")
        #expect(assessment.level >= .crisis)
        #expect(assessment.subject == .other)
    }

    /// "Last year" is history: a recovered overdose is not an emergency.
    @Test func lastYearIsHistory() {
        #expect(level("took an overdose last year and i'm in a much better place now") < .crisis)
    }
}
