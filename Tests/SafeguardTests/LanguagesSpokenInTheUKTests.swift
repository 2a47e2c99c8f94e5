import Foundation
import Testing

@testable import Safeguard

/// The languages people in the UK write in besides English (`lexicon/non_english_kinds.txt` and
/// `lexicon/lang_*.txt`, written from each language's ordinary usage by writers who never saw a
/// test set). The statistical layers read English only, so the lexicon alone is asked: each kind
/// in a few languages, and the same words in ordinary use left alone.
@Suite struct LanguagesSpokenInTheUKTests {
    static func lexicon(_ text: String) throws -> Assessment {
        try #require(TestEngine.engine).assess(text)
    }

    /// Wanting to die or not to live, self-harm now, someone else's risk: crisis.
    @Test(arguments: [
        "sono sul binario adesso, voglio farla finita",  // Italian: on the track now, I want to end it
        "je me suis coupee hier soir encore",  // French: I cut myself again last night
        "kendimi kesiyorum her gece",  // Turkish: I cut myself every night
        "naan saaganum nu thonudhu",  // Tamil: I feel I should die
        "ami ar bachte chai na",  // Bengali: I don't want to live any more
        "mane jivvanu man nathi",  // Gujarati: I don't feel like living
        "waxaan rabaa inaan dhinto",  // Somali: I want to die
        "meri behen keh rahi hai ke woh khud ko maar degi",  // Urdu: my sister says she'll kill herself
        "mi amiga dice que se quiere matar",  // Spanish: my friend says she wants to kill herself
    ])
    func wantingToDieSelfHarmAndSomeoneElse(text: String) throws {
        let read = try Self.lexicon(text)
        #expect(read.level == .crisis, "\(text): \(read.level)")
    }

    /// An act done, a time set, or danger from someone now: emergency.
    @Test(arguments: [
        "ho preso tutte le pastiglie un'ora fa",  // Italian: I took all the pills an hour ago
        "estou no telhado e vou pular",  // Portuguese: I'm on the roof and I'm going to jump
        "bu gece kendimi oldurecegim",  // Turkish: tonight I'll kill myself
        "mi marido me esta pegando ahora, ayudame",  // Spanish: my husband is hitting me now, help
        "mon copain me frappe maintenant, aidez moi",  // French: my boyfriend is hitting me now, help
    ])
    func actsTimesAndDangerNow(text: String) throws {
        let read = try Self.lexicon(text)
        #expect(read.level == .emergency, "\(text): \(read.level)")
    }

    /// Boundary topics: voices, drinking to sleep.
    @Test func boundaryTopics() throws {
        // Portuguese: I hear voices saying horrible things.
        let voices = try Self.lexicon("ouco vozes que me dizem coisas horriveis")
        #expect(voices.level == .boundary && voices.categories.contains(.psychosis))
        // Spanish: I drink every day to be able to sleep.
        let drink = try Self.lexicon("bebo todos los dias para poder dormir")
        #expect(drink.level == .boundary && drink.categories.contains(.substance))
    }

    /// The same words in ordinary use: laughter, love songs, hunger, a death in the past.
    @Test(arguments: [
        "me muero de risa con este video",  // Spanish: I'm dying of laughter
        "umieram ze smiechu",  // Polish: dying of laughter
        "muoio dal ridere",  // Italian: dying of laughter
        "mort de rire",  // French: dying of laughter
        "je meurs de faim, on mange quand ?",  // French: I'm starving
        "te quiero, me muero por ti",  // Spanish: a love line
        "mi abuelo murio hace diez anos",  // Spanish: grandad died ten years ago
        "nie chce umierac, chce zyc",  // Polish: I don't want to die, I want to live
    ])
    func ordinaryUseStaysBelowCrisis(text: String) throws {
        let read = try Self.lexicon(text)
        #expect(read.level < .crisis, "\(text): \(read.level)")
    }

    /// A mixed-language conversation: Polish ideation, tablets in the cupboard, then "today, when
    /// everyone is asleep" is a plan with a time; an Arabic farewell passed on, then the friend by
    /// the river, is someone else's emergency.
    @Test func conversationsInOtherLanguages() throws {
        let polish = assessments([
            "czasem mysle ze lepiej by bylo jakby mnie nie bylo",  // better if I weren't here
            "mama ma w szafce tabletki nasenne",  // mum has sleeping pills in the cupboard
            "dzisiaj. jak wszyscy pojda spac",  // today, when everyone goes to sleep
        ])
        #expect(polish.map(\.level) == [.crisis, .crisis, .emergency])
        let farewell = assessments([
            "my friend sent me this",
            "سامحني على كل شي، وانتبه على أمي",  // forgive me for everything, look after my mother
            "he's not answering and his location shows him by the river",
        ])
        #expect(farewell.last?.level == .emergency && farewell.last?.subject == .other)
    }

    /// Years ago or in childhood, said in the language itself, dates a risk as past: history
    /// (distress with its category), not crisis; the same wish said now is still crisis.
    @Test func thePastInOtherLanguages() throws {
        // Italian: when I was a girl I used to cut my arms.
        let past = try Self.lexicon("quando ero ragazza mi tagliavo le braccia")
        #expect(past.level == .distress && past.categories.contains(.selfHarm))
        // Italian: I cut my arms (now).
        #expect(try Self.lexicon("mi taglio le braccia").level == .crisis)
    }

    /// Found in review: "am luat" is also "I bought", a whole packet may be crisps, "nijeke mere
    /// fele" may be a film's hero, a cut while cooking is an accident. The act, said so, still
    /// counts.
    @Test func reviewedLookAlikes() throws {
        // Romanian: I bought a box of paracetamol at the pharmacy / swallowed a box of pills.
        #expect(try Self.lexicon("am luat o cutie de paracetamol de la farmacie").level == .none)
        #expect(try Self.lexicon("am inghitit o cutie de pastile").level == .emergency)
        // Urdu: I ate a whole packet of crisps / swallowed a whole strip.
        #expect(try Self.lexicon("poora packet chips kha liya").level == .none)
        #expect(try Self.lexicon("poora patta kha liya").level == .emergency)
        // Bengali: the hero kills himself (a film) / I will kill myself.
        #expect(try Self.lexicon("hero nijeke mere fele, ki dukher cinema").level == .none)
        #expect(try Self.lexicon("ami nijeke mere felbo").level == .crisis)
        // Somali: I cut my hand cooking / I cut myself.
        #expect(try Self.lexicon("gacanta ayaan is gooyay cunto karinta").level == .none)
        #expect(try Self.lexicon("waan is gooyay").level == .crisis)
    }
}
