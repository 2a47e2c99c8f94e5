import Testing

@testable import Safeguard

/// The modifiers on the signal covering the marked span.
func modifiers(_ marked: String) -> [ContextModifier]? {
    let input = MarkedText(marked)
    guard let engine = TestEngine.engine else {
        Issue.record("the safeguard engine did not load")
        return nil
    }
    return engine.assess(input.text).signals.first {
        $0.start == input.start && $0.end == input.end
    }?
    .modifiers
}

@Suite struct ContextAnalyserTests {
    @Test func negationLowersToNone() {
        #expect(modifiers("i'm not [[suicidal]], just knackered")?.contains(.negated) == true)
        #expect(level("i'm not suicidal, just knackered") < .boundary)
        #expect(
            level(
                "i would never [[kill myself]]".replacingOccurrences(of: "[[", with: "").replacingOccurrences(
                    of: "]]", with: "")) < .crisis)
    }

    @Test func negationDoesNotEraseACoOccurringSignal() {
        #expect(level("i'm not going to do anything but i'd be glad if i didn't wake up") == .crisis)
        #expect(level("i'm not okay and i want to die") == .crisis)
        #expect(level("i can't stop thinking about killing myself") == .crisis)
    }

    @Test func negationStopsAtClauseBoundaries() {
        #expect(level("no, i want to die") == .crisis)
        #expect(level("not today, but i do want to end my life") == .crisis)
    }

    @Test func historyLowersToDistressAndKeepsTheCategory() throws {
        let engine = try #require(TestEngine.engine)
        let past = engine.assess("i used to self harm, three years clean now")
        #expect(past.level == .distress)
        #expect(past.categories == [.selfHarm])
        #expect(modifiers("i [[used to self harm]], three years clean now")?.contains(.historical) == true)
        #expect(level("two years clean and i'm self harming again") == .crisis)
        #expect(level("i haven't self harmed in over a year") == .distress)
        #expect(engine.assess("i attempted when i was 17, that's 12 years ago now").categories == [.suicide])
    }

    @Test func hypotheticalLowersStatementsButNotMethodQuestions() {
        #expect(modifiers("what if i [[killed myself]]")?.contains(.hypothetical) == true)
        #expect(level("what if i killed myself") == .distress)
        #expect(level("hypothetically, how many co-codamol would it take") == .crisis)
    }

    @Test func fictionStudyAndNewsLower() {
        #expect(level("in the novel the main character kills herself") == .none)
        #expect(level("my essay is on suicide prevention in prisons") < .boundary)
        #expect(level("we watched a film where a girl self harms") == .none)
    }

    @Test func fictionDoesNotHideTheSpeaker() {
        #expect(level("watched a sad film and now i want to kill myself") == .crisis)
    }

    @Test func someoneElseIsSubjectOther() throws {
        let engine = try #require(TestEngine.engine)
        let friend = engine.assess("my best friend says she wants to die")
        #expect(friend.level == .crisis)
        #expect(friend.subject == .other)
        #expect(modifiers("my dad keeps saying he'd be [[better off dead]]")?.contains(.otherPerson) == true)
        #expect(engine.assess("my partner has been looking up ways to die").subject == .other)
        #expect(
            engine.assess("if someone wanted to die, where would they go so nobody finds them").subject
                == .speaker)
        #expect(engine.assess("my girlfriend self harms and i found fresh cuts on her arm").subject == .other)
    }

    @Test func askingForAFriendDoesNotRelax() throws {
        let engine = try #require(TestEngine.engine)
        let asked = engine.assess("asking for a friend, what's a fatal dose of codeine")
        #expect(asked.level == .crisis)
        #expect(asked.subject == .speaker)
    }

    @Test func figurativeIdiomsAndBanter() {
        #expect(
            modifiers("i could [[die of embarrassment]]") == nil
                || level("i could die of embarrassment") == .none)
        #expect(level("ugh i want to die, spilt coffee on my white top 😂") == .none)
        #expect(level("kill me now, three more hours of this training") == .none)
        #expect(level("i'd rather die than go to that reunion") == .none)
        #expect(level("if the trains strike again i'm topping myself haha") == .none)
        #expect(level("i'm not joking, i want to kill myself") == .crisis)
        #expect(level("i'll kill him if he eats my chips again") < .boundary)
    }

    @Test func quotesAndLyrics() {
        #expect(level("singing along to that song about wanting to die in the car lol") == .none)
        #expect(
            modifiers("the chorus goes '[[i want to die]]' and it's so catchy")?.contains(.quoted) == true)
    }

    @Test func scopeIsBoundedBySentences() {
        #expect(level("i watched a film last week. i want to kill myself") == .crisis)
        #expect(level("used to love football. now i want to die") == .crisis)
    }
}
