import Foundation
import Testing

@testable import Safeguard

/// Issue 12: an age or a place said in the conversation routes the services.
@Suite struct PersonMentionsTests {
    let places: [String: Nation]

    init() throws {
        places = try PersonMentions.places(from: TestResources.resource("places/uk-places.json"))
    }

    @Test func agesSaidAboutThemselves() {
        #expect(PersonMentions.read("I'm 15 and my dad hits me", places: places).age == 15)
        #expect(PersonMentions.read("im only 14 tbh", places: places).ageBand == .under19)
        #expect(PersonMentions.read("i am 16 years old", places: places).age == 16)
        #expect(PersonMentions.read("i'm in year 10 at school", places: places).age == 14)
        #expect(PersonMentions.read("I’m fifteen", places: places).age == 15)
    }

    @Test func aSchoolYearSaidAsTheirsNow() {
        #expect(
            PersonMentions.read("year 10 is so much harder than year 9 honestly", places: places).age == 14)
        #expect(PersonMentions.read("i just started year 7 and i hate it", places: places).age == 11)
        #expect(PersonMentions.read("I'm starting year 12 next week", places: places).age == 16)
        for text in [
            "my son is in year 10", "i teach year 9 on fridays", "when i was in year 10 i got bullied",
            "she's starting year 7", "year 10 was the worst year of my life",
            "my daughter just started year 7",
            "year 2026 is nearly over", "year 10 at my school had a trip", "starting year 10 soon",
        ] {
            #expect(PersonMentions.read(text, places: places).age == nil, "\(text)")
        }
    }

    @Test func numbersThatAreNotAges() {
        for text in [
            "i'm 15 minutes late again", "i'm 10 quid short this week", "my brother is 15",
            "i'm 5 foot 2", "we were 20 down at half time", "I'm 2 pints in",
        ] {
            #expect(PersonMentions.read(text, places: places).age == nil, "\(text)")
        }
    }

    @Test func placesTheyLiveIn() {
        #expect(
            PersonMentions.read("things are rough in Glasgow right now", places: places).nation == .scotland)
        #expect(PersonMentions.read("back home in Cardiff with my mum", places: places).nation == .wales)
        #expect(PersonMentions.read("I live near Belfast", places: places).nation == .northernIreland)
        #expect(PersonMentions.read("we're from port talbot", places: places).nation == .wales)
    }

    @Test func placesTheyAreOnlyVisiting() {
        for text in [
            "going to Glasgow for the weekend", "on holiday in Cardiff", "my sister lives in Belfast",
            "visiting friends in Edinburgh",
        ] {
            #expect(PersonMentions.read(text, places: places).nation == nil, "\(text)")
        }
    }

    @Test func thePolicyUpdatesRoutingAndSaysWhy() throws {
        let policy = try TestResources.policy()
        let start = PersonSettings(nation: .england)
        let (young, note) = policy.settings(after: "i'm 14 and i hate it here", current: start)
        #expect(young.ageBand == .under19)
        #expect(note?.contains("under-19") == true)
        let (scottish, _) = policy.settings(after: "i'm in glasgow", current: young)
        #expect(scottish.nation == .scotland && scottish.ageBand == .under19)
        let (same, none) = policy.settings(after: "what a day", current: scottish)
        #expect(same == scottish && none == nil)
    }
}
