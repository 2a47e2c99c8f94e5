import Foundation

/// The phrase lists the framing and after checks look for (`resources/review/framing-checks.json`).
public struct FramingPhrases: Sendable, Equatable, Decodable {
    /// One list: `any` must have a phrase present; `none` must have none present.
    public struct PhraseList: Sendable, Equatable, Decodable {
        public var title: String
        public var any: [String]?
        public var none: [String]?
    }

    public var validates: PhraseList
    public var explainsBoundary: PhraseList
    public var asksAboutSafety: PhraseList
    public var refusalPhrases: PhraseList
    public var jargon: PhraseList
    public var invitesContinuing: PhraseList
    /// Phrases that name the method boundary ("won't give", "won't share"): checked on turns whose
    /// assessment shows a method, dose or means request. Optional in older files.
    public var namesBoundary: PhraseList?

    enum CodingKeys: String, CodingKey {
        case validates
        case explainsBoundary = "explains_boundary"
        case asksAboutSafety = "asks_about_safety"
        case refusalPhrases = "refusal_phrases"
        case jargon
        case invitesContinuing = "invites_continuing"
        case namesBoundary = "names_boundary"
    }

    /// Decode the JSON file's bytes.
    public static func decode(_ data: Data) throws -> FramingPhrases {
        try JSONDecoder().decode(FramingPhrases.self, from: data)
    }

    /// The phrases of `phrases` found in `text`, on whole words, case-insensitively.
    public static func matches(_ phrases: [String], in text: String) -> [String] {
        let haystack = normalised(text)
        return phrases.filter { haystack.contains(normalised($0)) }
    }

    /// How many sentences of `text` hold at least one of `phrases` (a phrase said twice in one
    /// sentence counts once; the same boundary said in two sentences counts twice).
    public static func sentencesMatching(_ phrases: [String], in text: String) -> Int {
        var count = 0
        var sentence = ""
        for character in text + "\n" {
            if ".!?\n".contains(character) {
                if !matches(phrases, in: sentence).isEmpty { count += 1 }
                sentence = ""
            } else {
                sentence.append(character)
            }
        }
        return count
    }

    /// Lower-case, curly apostrophes straightened, every run of characters other than
    /// letters, digits and apostrophes turned into one space, padded with spaces so that
    /// `contains(" phrase ")` matches whole words only.
    static func normalised(_ text: String) -> String {
        var out = " "
        var lastWasSpace = true
        for character in text.lowercased() {
            let mapped: Character = (character == "\u{2019}" || character == "\u{2018}") ? "'" : character
            if mapped.isLetter || mapped.isNumber || mapped == "'" {
                out.append(mapped)
                lastWasSpace = false
            } else if !lastWasSpace {
                out.append(" ")
                lastWasSpace = true
            }
        }
        if !lastWasSpace { out.append(" ") }
        return out
    }
}
