import Foundation
import Testing
import WaymarkTestTraits

@testable import Safeguard

/// The nineteenth session's kinds, in our own words, each beside the wording it must leave alone.
@Suite(.ownThread) struct NineteenthSessionKindsTests {
    /// "Them" held is the people just named (children, grandchildren, pets in one's care), not the
    /// means: after talk of being better off dead, "i've got them with me tonight" about the kids
    /// is not a plan with means and a time. With the means told, or no one named, it still is.
    @Test func themHeldIsThePeopleJustNamed() {
        let kids = assessments([
            "i keep thinking i'd be better off dead",
            "my kids are with their dad, i've got them with me tonight though",
        ])
        #expect(kids.last?.level == .crisis)
        #expect(
            kids.last?.signals.contains { $0.rule == "plan.means_contextual" && $0.level >= .crisis } == false
        )
        let grandkids = assessments([
            "i want to die", "the grandkids are staying, i have them overnight so i'll be ok",
        ])
        #expect(grandkids.last.map { $0.level < .emergency } == true)
        let tablets = assessments([
            "i've been saving my tablets, i want to end it", "i've got them with me tonight",
        ])
        #expect(tablets.last?.level == .emergency)
        let unnamed = assessments(["i keep thinking i'd be better off dead", "i've got them with me tonight"])
        #expect(unnamed.last?.level == .emergency)
    }

    /// Where stored means are kept, then "now", is a state, not a time to act: the means are told
    /// (crisis) but not an emergency. Means in front of the person now, or "take them now", are.
    @Test func storedMeansNowIsAStateNotATime() {
        let drawer = assessments([
            "i've been thinking about ending my life", "i have a box of tablets saved up in the drawer now",
        ])
        #expect(drawer.last?.level == .crisis)
        let inFront = assessments([
            "i've been thinking about ending my life", "i have the tablets in front of me now",
        ])
        #expect(inFront.last?.level == .emergency)
        let taking = assessments([
            "i've been thinking about ending my life", "i've got them saved up, i'm going to take them now",
        ])
        #expect(taking.last?.level == .emergency)
    }

    static func lexicon(_ text: String) throws -> Assessment {
        try #require(TestEngine.engine).assess(text)
    }

    /// Later life, long illness and caring (`later_life.txt`, written by someone who saw no test
    /// data): a life felt finished said as a wish to go, tablets put by, treatment or food stopped
    /// to die sooner, a carer ending it for both of them.
    @Test(arguments: [
        "It's time I went, I'm no use to anyone now",
        "I've outstayed my welcome on this earth and I'd be glad to go",
        "if i was a dog they'd have put me down by now",
        "stopped taking my heart pills so it'll be over sooner",
        "been squirrelling my oramorph away for when it gets too much",
        "not having any more chemo, i just want to be allowed to die",
        "i think it would be kinder if we both went together, i can't look after him any more",
    ])
    func laterLifeWishesToGo(text: String) throws {
        #expect(try Self.lexicon(text).level >= .crisis, "\(text)")
    }

    /// Emergencies said mildly: a fall and on the floor, a face dropped, a parent with dementia
    /// missing at night, someone being hit at home now.
    @Test(arguments: [
        "i fell in the kitchen and can't get up, phone's on the side",
        "mum's fallen and i can't get her up, she's 84",
        "been lying on the floor since last night, pressed my pendant but nobody came",
        "his face has gone all to one side and his words are slurred, came on just now",
        "dad has dementia and he's gone missing, it's dark and cold",
        "he's just slapped my mum in the kitchen",
    ])
    func laterLifeEmergenciesSaidMildly(text: String) throws {
        #expect(try Self.lexicon(text).level == .emergency, "\(text)")
    }

    /// The same words in ordinary later life stay below crisis; a carer's fear of hurting the
    /// person cared for is a boundary (intrusive thoughts), and money taken is abuse.
    @Test func laterLifeLookAlikesAndBoundaries() throws {
        for text in [
            "he's pushing my buttons today, honestly",
            "i fell asleep in the chair and now i can't move my neck, so stiff",
            "i was on the floor for hours sorting the photos, my knees",
            "mum has dementia and she got out of the car at the garden centre, gave me a fright",
            "my son is taking money out for his holiday",
            "i've put a bit by for the funeral, don't want the kids paying",
            "not having any more of that awful soup lol",
            // A denial keeps its negation: the refusal phrases negate nothing only as refusals.
            "not taking my tablets to overdose, don't worry about me",
        ] {
            #expect(try Self.lexicon(text).level < .crisis, "\(text)")
        }
        let carer = try Self.lexicon("I'm frightened I'll hurt mum, I nearly lost my temper with her")
        #expect(carer.level == .boundary && carer.categories.contains(.harmToOthers))
        let money = try Self.lexicon("my grandson keeps taking my pension, i'm frightened of him")
        #expect(money.level == .boundary && money.categories.contains(.abuse))
    }
}
