import Foundation

/// The built-in listener's reviewed wording and word lists, decoded from `resources/listener/*.json`.
///
/// Decoding only: reading the files is done by ``ListeningResponder/load(from:pace:)``. The JSON
/// has four sections — `language`, `topics`, `moments`, `replies` — which may live in one
/// document or be spread over several files (each section in exactly one file).
public struct ListenerPhrasebook: Sendable, Equatable {
    /// How words are read and turned round (I → you).
    public var language: Language
    /// Topics and feelings the listener notices, in priority order.
    public var topics: [Topic]
    /// Conversational moments answered on their own (greetings, thanks, …), in the order checked.
    public var moments: [Moment]
    /// The sentences replies are built from.
    public var replies: Replies

    /// A phrasebook that cannot be used.
    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        /// A section is missing from every file.
        case missingSection(String)
        /// A section appears in more than one file.
        case duplicateSection(String)
        /// A file is not a JSON object.
        case notAnObject(String)
        /// A list of sentences that must have at least one entry is empty.
        case emptyList(String)

        public var description: String {
            switch self {
            case .missingSection(let name): "The listener phrasebook has no \"\(name)\" section."
            case .duplicateSection(let name):
                "The listener section \"\(name)\" appears in more than one file."
            case .notAnObject(let name): "The listener file \(name) is not a JSON object."
            case .emptyList(let name): "The listener list \"\(name)\" is empty."
            }
        }
    }

    /// The section names, in the order they are checked.
    static let sectionNames = ["language", "topics", "moments", "replies"]

    /// Decode a phrasebook from one JSON document holding every section.
    public init(data: Data) throws {
        let object = try JSONSerialization.jsonObject(with: data)
        guard let dictionary = object as? [String: Any] else { throw Problem.notAnObject("(data)") }
        for name in Self.sectionNames where dictionary[name] == nil {
            throw Problem.missingSection(name)
        }
        let sections = try JSONDecoder().decode(Sections.self, from: data)
        self.language = sections.language
        self.topics = sections.topics
        self.moments = sections.moments
        self.replies = sections.replies
        try validate()
    }

    /// Decode a phrasebook from several JSON files (name → bytes), each holding some sections.
    /// Keys starting with `_` (comments) are ignored.
    public init(files: [String: Data]) throws {
        var merged: [String: Any] = [:]
        for name in files.keys.sorted() {
            guard let data = files[name],
                let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            else { throw Problem.notAnObject(name) }
            for (key, value) in object where !key.hasPrefix("_") {
                if merged[key] != nil { throw Problem.duplicateSection(key) }
                merged[key] = value
            }
        }
        let combined = try JSONSerialization.data(withJSONObject: merged)
        try self.init(data: combined)
    }

    /// Create a phrasebook from its parts (tests, tools).
    public init(language: Language, topics: [Topic], moments: [Moment], replies: Replies) throws {
        self.language = language
        self.topics = topics
        self.moments = moments
        self.replies = replies
        try validate()
    }

    private struct Sections: Decodable {
        var language: Language
        var topics: [Topic]
        var moments: [Moment]
        var replies: Replies
    }

    /// Every list a reply may be drawn from must have at least one sentence.
    private func validate() throws {
        let required: [(String, [String])] = [
            ("replies.reflections", replies.reflections),
            ("replies.feltReflections", replies.feltReflections),
            ("replies.neutralReflections", replies.neutralReflections),
            ("replies.plainOpeners", replies.plainOpeners),
            ("replies.validations", replies.validations),
            ("replies.questions", replies.questions),
            ("replies.neutralQuestions", replies.neutralQuestions),
            ("replies.strengths", replies.strengths),
            ("replies.recalls", replies.recalls),
            ("replies.continuity", replies.continuity),
            ("replies.advice", replies.advice),
            ("replies.reassurance", replies.reassurance),
            ("replies.happyReflections", replies.happyReflections),
            ("replies.happyQuestionsAfterDistress", replies.happyQuestionsAfterDistress),
            ("replies.helping.validations", replies.helping.validations),
            ("replies.helping.questions", replies.helping.questions),
            ("replies.longMessage.openers", replies.longMessage.openers),
            ("replies.longMessage.themes", replies.longMessage.themes),
            ("replies.longMessage.questions", replies.longMessage.questions),
            ("replies.guided.general", replies.guided.general),
            ("replies.guided.service", replies.guided.service),
            ("replies.guided.serviceAgain", replies.guided.serviceAgain),
            ("replies.guided.questions", replies.guided.questions),
            ("replies.strict.acknowledgements", replies.strict.acknowledgements),
            ("replies.strict.presence", replies.strict.presence),
            ("replies.strict.invitations", replies.strict.invitations),
            ("replies.safety.yes.replies", replies.safety.yes.replies),
            ("replies.safety.no.replies", replies.safety.no.replies),
            ("replies.safety.unsure.replies", replies.safety.unsure.replies),
            ("replies.safety.other", replies.safety.other),
        ]
        for (name, list) in required where list.isEmpty { throw Problem.emptyList(name) }
        for (kind, list) in replies.reframes where list.isEmpty {
            throw Problem.emptyList("replies.reframes.\(kind)")
        }
        for topic in topics {
            if topic.openers.isEmpty { throw Problem.emptyList("topics.\(topic.id).openers") }
            if topic.validations.isEmpty { throw Problem.emptyList("topics.\(topic.id).validations") }
            if topic.questions.isEmpty { throw Problem.emptyList("topics.\(topic.id).questions") }
        }
        for moment in moments where moment.replies.isEmpty {
            throw Problem.emptyList("moments.\(moment.id).replies")
        }
    }
}

// MARK: - Sections

extension ListenerPhrasebook {
    /// How the listener reads words and turns the person's phrases round.
    public struct Language: Sendable, Equatable, Codable {
        /// First-person words and their second-person forms ("my" → "your").
        public var pronouns: [String: String]
        /// Verb forms changed right after "I" ("was" → "were").
        public var afterFirstPerson: [String: String]
        /// Casual spellings tidied when reflecting ("dont" → "don't").
        public var spellings: [String: String]
        /// Words that mark the person talking about themselves.
        public var firstPerson: [String]
        /// Words that make a phrase unsafe to turn round ("you", "we").
        public var secondPerson: [String]
        /// Words that show a phrase is a clause worth reflecting (verbs, "I'm").
        public var clauseMarkers: [String]
        /// Helper verbs and intensifiers that carry no content ("I am", "I've got").
        public var auxiliaries: [String]
        /// Openings that make a clause a question even without a question mark ("what if").
        public var questionOpenings: [String]
        /// Words that start a new clause ("but", "because").
        public var clauseBreaks: [String]
        /// Words dropped from the start of a reflected phrase ("so", "honestly").
        public var leadingFillers: [String]
        /// Words dropped from the end of a reflected phrase ("lol", "tbh").
        public var trailingFillers: [String]
        /// Words that negate what follows ("not happy").
        public var negators: [String]
        /// Words after which "everyone", "should" … are not the person's own generalisation
        /// ("in front of everyone", "mum says I should").
        public var reframeNotAfter: [String]
        /// Words never repeated back (diagnoses, method words, swearing, links).
        public var avoidInReflection: [String]
        /// Common words written in lower case when they start a reflected phrase.
        public var commonWords: [String]
        /// People and pets the listener remembers ("my sister" → "your sister").
        public var relations: [String]
        /// How a remembered person is named back: `{relation}` ("your {relation}" → "your sister").
        public var relationMention: String
        /// First words that show a message carries on from the previous one ("he", "that").
        public var continuers: [String]
        /// Words for someone else ("he", "they"); with ``relations``, they show a feeling is
        /// someone else's when the clause has none of ``selfWords``.
        public var thirdPerson: [String]
        /// Words that make the person the subject of a clause ("I", "me").
        public var selfWords: [String]
        /// Other words that can start a clause ("my", "it", "everyone"): a long sentence is split
        /// at "and" only before one of these, ``selfWords`` or ``thirdPerson``.
        public var subjectWords: [String]
    }

    /// A topic or feeling the listener notices.
    public struct Topic: Sendable, Equatable, Codable {
        /// What the topic is.
        public enum Kind: String, Sendable, Equatable, Codable {
            /// A feeling (validated first).
            case feeling
            /// An area of life (asked about).
            case area
            /// Good news, shared rather than soothed.
            case happy
        }

        public var id: String
        public var kind: Kind
        /// Whether phrases with these keywords may be echoed back (not for harsh words about oneself).
        public var reflect: Bool
        /// How specific the topic is: the most specific topic found leads the reply.
        public var weight: Int
        /// Whether sweeping words may be gently questioned while this topic is present.
        public var reframe: Bool
        /// Whether the feeling is always the person's own, even in a sentence about someone else
        /// (grief: "my dog died").
        public var alwaysTheirOwn: Bool
        /// Completes "Earlier you mentioned …".
        public var mention: String
        /// Whole words or phrases; a trailing `*` matches the start of a word.
        public var keywords: [String]
        /// First sentences when none of the person's words can be reflected.
        public var openers: [String]
        public var validations: [String]
        public var questions: [String]
        /// Replies when the message is only emoji that show this feeling.
        public var emojiReplies: [String]

        public init(
            id: String, kind: Kind, reflect: Bool = true, weight: Int = 1, reframe: Bool = true,
            alwaysTheirOwn: Bool = false, mention: String, keywords: [String], openers: [String],
            validations: [String], questions: [String], emojiReplies: [String] = []
        ) {
            self.id = id
            self.kind = kind
            self.reflect = reflect
            self.weight = weight
            self.reframe = reframe
            self.alwaysTheirOwn = alwaysTheirOwn
            self.mention = mention
            self.keywords = keywords
            self.openers = openers
            self.validations = validations
            self.questions = questions
            self.emojiReplies = emojiReplies
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decode(String.self, forKey: .id)
            kind = try container.decode(Kind.self, forKey: .kind)
            reflect = try container.decodeIfPresent(Bool.self, forKey: .reflect) ?? true
            weight = try container.decodeIfPresent(Int.self, forKey: .weight) ?? 1
            reframe = try container.decodeIfPresent(Bool.self, forKey: .reframe) ?? true
            alwaysTheirOwn = try container.decodeIfPresent(Bool.self, forKey: .alwaysTheirOwn) ?? false
            mention = try container.decode(String.self, forKey: .mention)
            keywords = try container.decode([String].self, forKey: .keywords)
            openers = try container.decode([String].self, forKey: .openers)
            validations = try container.decode([String].self, forKey: .validations)
            questions = try container.decode([String].self, forKey: .questions)
            emojiReplies = try container.decodeIfPresent([String].self, forKey: .emojiReplies) ?? []
        }
    }

    /// A conversational moment answered on its own.
    public struct Moment: Sendable, Equatable, Codable {
        public var id: String
        /// Whole-word phrases that show the moment.
        public var phrases: [String]
        /// How many other words the message may have and still be this moment.
        public var maxOtherWords: Int
        /// Whether the moment steps aside when the message also names a feeling or topic.
        public var yieldsToTopics: Bool
        public var replies: [String]
    }

    /// The sentences replies are built from.
    public struct Replies: Sendable, Equatable, Codable {
        /// First sentences that carry the person's words: `{phrase}`.
        public var reflections: [String]
        /// First sentences for a phrase with a sweeping word, as the person's experience.
        public var feltReflections: [String]
        /// Generalisation kinds whose phrases are reflected with ``feltReflections``.
        public var feltKinds: [String]
        /// First sentences for everyday messages that name no concern: `{phrase}`.
        public var neutralReflections: [String]
        /// First sentences when nothing can be reflected.
        public var plainOpeners: [String]
        public var validations: [String]
        public var questions: [String]
        /// Questions for everyday, untroubled messages.
        public var neutralQuestions: [String]
        /// Generalisation kind → the words that show it.
        public var reframeTriggers: [String: [String]]
        /// Generalisation kind → gentle prompts (`{word}`).
        public var reframes: [String: [String]]
        public var strengthTriggers: [String]
        public var strengths: [String]
        /// Picking up an earlier topic: `{mention}`.
        public var recalls: [String]
        /// Noticing a topic has come up again: `{mention}`.
        public var continuity: [String]
        public var adviceTriggers: [String]
        public var advice: [String]
        /// "Am I overreacting?" and similar.
        public var reassuranceTriggers: [String]
        public var reassurance: [String]
        public var longMessage: LongMessage
        /// First sentences for good news that carry the person's words: `{phrase}`.
        public var happyReflections: [String]
        public var happyQuestionsAfterDistress: [String]
        /// When the feeling is someone else's and the person wants to help them.
        public var helping: Helping
        public var guided: Guided
        public var strict: Strict
        /// The single line used if the listener is called on a withheld turn.
        public var withheld: String
        public var safety: Safety
    }

    /// Replies to very long messages.
    public struct LongMessage: Sendable, Equatable, Codable {
        /// Messages with at least this many words are summarised, not reflected.
        public var minWords: Int
        public var openers: [String]
        /// `{topics}`: the themes found.
        public var themes: [String]
        public var questions: [String]
    }

    /// Replies for someone worried about another person.
    public struct Helping: Sendable, Equatable, Codable {
        public var validations: [String]
        public var questions: [String]
    }

    /// Replies on boundary topics, after a specialist service was signposted.
    public struct Guided: Sendable, Equatable, Codable {
        /// Risk category raw value → acknowledgements.
        public var byCategory: [String: [String]]
        public var general: [String]
        /// Encouragement to reach the service offered.
        public var service: [String]
        /// Shorter lines once the service has been mentioned.
        public var serviceAgain: [String]
        public var questions: [String]
    }

    /// Replies at crisis, beside the safeguard's own message.
    public struct Strict: Sendable, Equatable, Codable {
        public var acknowledgements: [String]
        public var presence: [String]
        public var invitations: [String]
        /// First sentences when the person thanks the listener.
        public var thanks: [String]

        public init(
            acknowledgements: [String], presence: [String], invitations: [String], thanks: [String] = []
        ) {
            self.acknowledgements = acknowledgements
            self.presence = presence
            self.invitations = invitations
            self.thanks = thanks
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            acknowledgements = try container.decode([String].self, forKey: .acknowledgements)
            presence = try container.decode([String].self, forKey: .presence)
            invitations = try container.decode([String].self, forKey: .invitations)
            thanks = try container.decodeIfPresent([String].self, forKey: .thanks) ?? []
        }
    }

    /// Answers to the safeguard's direct safety question.
    public struct Safety: Sendable, Equatable, Codable {
        /// Phrases that show the previous message asked the safety question.
        public var questionMarkers: [String]
        public var yes: SafetyAnswer
        public var no: SafetyAnswer
        public var unsure: SafetyAnswer
        /// Replies when the answer is something else.
        public var other: [String]
    }

    /// One kind of answer to the safety question.
    public struct SafetyAnswer: Sendable, Equatable, Codable {
        public var triggers: [String]
        public var replies: [String]
    }
}
