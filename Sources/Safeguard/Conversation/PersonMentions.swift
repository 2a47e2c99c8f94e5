import Foundation

/// An age or a UK nation the person says about themselves in a message ("i'm 14", "in year
/// 10", "back home in Cardiff"), read so the services offered fit them for the rest of the
/// conversation.
///
/// Plain word matching, linear in the message: an age needs "i'm"/"i am"/"im" (optionally "only",
/// "just", "nearly") before a number from 10 to 99 that is not followed by a unit ("i'm 15
/// minutes late" is not an age), "i'm in year N" (UK school years 7–13) or a school year said
/// as theirs now ("year 10 is so hard", "i just started year 7"); a place needs a word
/// that puts the person there before it ("in", "from", "near", "live in", "home in") and no
/// "holiday", "trip", "visiting", "going" or someone else ("my sister lives in") just before.
public struct PersonMentions: Sendable, Equatable {
    /// The age said, if any.
    public var age: Int?
    /// The nation of the place said, if any.
    public var nation: Nation?
    /// The place as written, for the inspector.
    public var place: String?

    public init(age: Int? = nil, nation: Nation? = nil, place: String? = nil) {
        self.age = age
        self.nation = nation
        self.place = place
    }

    /// Whether nothing was said.
    public var isEmpty: Bool { age == nil && nation == nil }

    /// The age band for the age said.
    public var ageBand: AgeBand? {
        guard let age else { return nil }
        return AgeBand.allCases.first { age >= $0.lowestAge && age <= $0.highestAge }
    }

    static let ageLeads: Set<String> = ["im", "i'm", "iam"]
    static let softeners: Set<String> = ["only", "just", "nearly", "almost", "turning", "now"]
    static let units: Set<String> = [
        "minutes", "minute", "mins", "min", "hours", "hour", "hrs", "seconds", "secs", "days", "day", "weeks",
        "week", "months", "month", "quid", "pounds", "pound", "p", "pence", "percent", "stone", "st", "kg",
        "kilos", "lbs", "miles", "mile", "times", "cm", "ft", "feet", "foot", "inches", "k", "grand", "pints",
        "pint", "calories", "cals", "mg", "ml", "units", "points", "pts", "floors", "steps", "down", "behind",
        "out", "x", "am", "pm", "oclock", "o'clock", "places", "hundred", "thousand", "percent", "years",
    ]
    static let numberWords: [String: Int] = [
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    ]
    static let placeLeads: Set<String> = ["in", "from", "near", "outside", "nr"]
    static let notHome: Set<String> = [
        "holiday", "holidays", "trip", "visiting", "visit", "going", "went", "go", "gone", "flying", "flew",
        "weekend", "conference", "travelling", "traveling", "moving", "move", "drove", "driving",
        // Someone else lives there ("my sister lives in Belfast").
        "he", "she", "they", "sister", "brother", "mum", "mam", "mom", "dad", "friend", "mate", "nan", "gran",
        "son", "daughter", "partner", "boyfriend", "girlfriend", "husband", "wife", "cousin", "aunt",
        "auntie",
        "uncle", "lives", "grew",
    ]

    /// Reads the age and place a message says about the person. `places` maps lower-case place
    /// names (one or more words) to nations.
    public static func read(_ text: String, places: [String: Nation]) -> PersonMentions {
        let words = words(of: text)
        var found = PersonMentions()
        let longestPlace = places.keys.map { $0.split(separator: " ").count }.max() ?? 1
        for index in words.indices {
            let word = words[index]
            // "i'm 15", "i am only 14", "im 16 and"
            let lead =
                ageLeads.contains(word)
                ? index + 1
                : (word == "i" && index + 1 < words.count && words[index + 1] == "am" ? index + 2 : nil)
            if found.age == nil, var at = lead {
                while at < words.count, softeners.contains(words[at]) { at += 1 }
                if at < words.count, let age = Int(words[at]) ?? numberWords[words[at]],
                    (10...99).contains(age)
                {
                    let next = at + 1 < words.count ? words[at + 1] : ""
                    let yearsOld = next == "years" && at + 2 < words.count && words[at + 2] == "old"
                    if !units.contains(next) || yearsOld { found.age = age }
                }
                // "i'm in year 10"
                if at + 2 < words.count, words[at] == "in", words[at + 1] == "year",
                    let year = Int(words[at + 2]), (7...13).contains(year)
                {
                    found.age = year + 4
                }
            }
            // "year 10 is so much harder", "i just started year 7": a school year said as theirs now
            if found.age == nil, let year = schoolYear(words, at: index) { found.age = year + 4 }
            // "in Glasgow", "back home in Cardiff", "i live near Belfast"
            if found.nation == nil, placeLeads.contains(word) {
                let before = words[max(0, index - 3)..<index]
                if before.contains(where: notHome.contains) { continue }
                for length in stride(from: longestPlace, through: 1, by: -1)
                where index + length < words.count {
                    let name = words[(index + 1)...(index + length)].joined(separator: " ")
                    if let nation = places[name] {
                        found.nation = nation
                        found.place = name
                        break
                    }
                }
            }
        }
        return found
    }

    /// Words after "year N" at the start of a message that make it the writer's year now.
    static let yearNow: Set<String> = ["is", "has", "sucks", "so", "exams", "mocks", "options", "are"]
    /// Words before "year N" that start or are in it.
    static let intoYear: Set<String> = ["starting", "started", "start", "into", "doing"]
    /// The writer, a few words before starting a year ("i just started year 7").
    static let yearSpeaker: Set<String> = ["i", "i'm", "im", "i've", "ive"]
    /// Words near "year N" that make it someone else's, or the past.
    static let notTheirYearNow: Set<String> = [
        "son", "daughter", "kid", "kids", "child", "children", "brother", "sister", "he", "she", "he's",
        "she's", "they", "they're", "his", "her", "their", "teach", "teacher", "teaching", "was", "were",
        "when", "back", "used",
    ]

    /// A UK school year (7–13) said as the writer's own now: "year 10 is so much harder than
    /// year 9" opening a message, or "i just started year 7" ("i"/"i'm" within a few words before
    /// a word of starting); never someone else's ("my son's starting year 7") or the past ("when
    /// i was in year 10", "year 10 was the worst").
    static func schoolYear(_ words: [String], at index: Int) -> Int? {
        guard words[index] == "year", index + 1 < words.count, let year = Int(words[index + 1]),
            (7...13).contains(year)
        else { return nil }
        let before = words[max(0, index - 4)..<index]
        guard !before.contains(where: notTheirYearNow.contains) else { return nil }
        if index == 0 {
            return index + 2 < words.count && yearNow.contains(words[index + 2]) ? year : nil
        }
        guard intoYear.contains(words[index - 1]), before.contains(where: yearSpeaker.contains) else {
            return nil
        }
        return year
    }

    /// Lower-case words (letters, digits and apostrophes), straight apostrophes only.
    static func words(of text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if character == "'" || character == "’" {
                current.append("'")
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "'")) }
    }
}

extension PersonMentions {
    /// Decodes `resources/places/uk-places.json` (`{"places": {"scotland": ["glasgow", …]}}`)
    /// into place name → nation.
    public static func places(from data: Data) throws -> [String: Nation] {
        struct File: Decodable { var places: [String: [String]] }
        let file = try JSONDecoder().decode(File.self, from: data)
        var places: [String: Nation] = [:]
        for (key, names) in file.places {
            guard let nation = Nation(rawValue: key) else {
                throw ResourceDataError(file: "places/uk-places.json", key: key, message: "unknown nation")
            }
            for name in names { places[name.lowercased()] = nation }
        }
        return places
    }
}
