import Foundation
import Safeguard

/// Builds the listener's reply for one turn from the phrasebook: pure, deterministic, fast.
///
/// It follows the safeguard's guidance for the turn and reads only `request.guidance` and the
/// message texts; it has no detection logic of its own beyond noticing topics and phrasing.
struct ListenerReplyComposer: Sendable {
    let lexicon: ListenerLexicon
    private var book: ListenerPhrasebook { lexicon.phrasebook }
    private var replies: ListenerPhrasebook.Replies { book.replies }

    init(phrasebook: ListenerPhrasebook) {
        lexicon = ListenerLexicon(phrasebook)
    }

    /// How many earlier messages from the person are read for topics and people to pick up:
    /// enough for a long conversation, bounded so each reply stays fast.
    static let memoryTurns = 24

    /// The reply text for `request`.
    func reply(to request: ChatRequest) -> String {
        if request.guidance.mode == .withheld { return replies.withheld }
        let messages = request.messages
        let turn = messages.filter { $0.role == .user }.count
        var context = Context(
            picker: VariantPicker(messages: messages, turn: turn),
            recentReplies: messages.filter { $0.role == .assistant }.suffix(3).map { $0.content.lowercased() }
        )
        context.previousOpener = messages.last(where: { $0.role == .assistant }).map(Self.openerKey) ?? ""

        guard let latestIndex = messages.lastIndex(where: { $0.role == .user }) else {
            return momentReply("empty", context: &context, mention: nil) ?? replies.withheld
        }
        let latest = ListenerReading(messages[latestIndex].content, lexicon: lexicon)
        let earlier = messages[..<latestIndex].filter { $0.role == .user }.suffix(Self.memoryTurns).map {
            ListenerReading($0.content, lexicon: lexicon)
        }
        // One question per turn: Waymark's support message this turn (after the person's) may
        // already ask one; then the reply ends on a statement.
        context.noQuestion = messages[(latestIndex + 1)...].contains { $0.content.contains("?") }
        let sinceLastTurn = messages[..<latestIndex].reversed().prefix { $0.role != .user }
        if sinceLastTurn.contains(where: { askedSafetyQuestion($0.content) }) {
            return safetyReply(latest, context: &context)
        }
        switch request.guidance.mode {
        case .strict:
            let thanked = !replies.strict.thanks.isEmpty && moment(for: latest, among: ["thanks"]) != nil
            return strictReply(thanked: thanked, context: &context)
        case .guided:
            if let courtesy = moment(for: latest, among: Self.courtesyMoments) {
                return momentReply(courtesy.id, context: &context, mention: nil) ?? replies.withheld
            }
            return guidedReply(categories: request.guidance.categories, context: &context)
        case .normal, .supportive, .withheld:
            return listeningReply(
                latest, earlier: earlier, supportive: request.guidance.mode == .supportive,
                previousEndedWithQuestion: messages[..<latestIndex].last?.content.hasSuffix("?") ?? false,
                context: &context)
        }
    }

    // MARK: - Choosing sentences

    /// What the reply so far must avoid: the previous opener and sentences used recently.
    struct Context {
        var picker: VariantPicker
        var recentReplies: [String]
        var previousOpener = ""
        var sentences: [String] = []
        /// The support message this turn asked a question: no sentence that is one.
        var noQuestion = false

        var isOpening: Bool { sentences.isEmpty }
    }

    /// Pick a variant whose placeholders can all be filled, avoiding the previous opener (for a
    /// first sentence) and sentences used in the last few replies; add it to the reply.
    @discardableResult
    private func add(
        _ options: [String], slot: String, fill: [String: String] = [:], strictly: Bool = false,
        context: inout Context
    ) -> Bool {
        let usable = options.filter { option in
            !(context.noQuestion && option.hasSuffix("?"))
                && Self.placeholders(in: option).allSatisfy { fill[$0] != nil }
        }
        let opening = context.isOpening
        let previous = context.previousOpener
        let recent = context.recentReplies
        let startsSoFar = Set(context.sentences.map(Self.openerKey))
        let accept = { (option: String) -> Bool in
            let text = Self.filled(option, with: fill)
            let key = Self.openerKey(text)
            if opening && key == previous { return false }
            if startsSoFar.contains(key) { return false }
            return !recent.contains { $0.contains(text.lowercased()) }
        }
        guard let chosen = context.picker.pick(usable, slot: slot, accept: accept) else { return false }
        if strictly && !accept(chosen) { return false }
        let text = Self.filled(chosen, with: fill)
        if opening && Self.openerKey(text) == previous { return false }
        context.sentences.append(text)
        return true
    }

    /// Add an opener from `options`, falling back to the plain openers if every option would
    /// repeat the previous reply's opening words.
    private func addOpener(
        _ options: [String], slot: String, fill: [String: String] = [:], context: inout Context
    ) {
        if add(options, slot: slot, fill: fill, context: &context) { return }
        if add(replies.plainOpeners, slot: "plain-opener", context: &context) { return }
        let fallback = replies.plainOpeners[
            context.picker.start("plain-opener", count: replies.plainOpeners.count)]
        context.sentences.append(fallback)
    }

    private static func placeholders(in template: String) -> [String] {
        var names: [String] = []
        var rest = template[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    private static func filled(_ template: String, with fill: [String: String]) -> String {
        var text = template
        for (name, value) in fill { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        guard let letter = text.firstIndex(where: \.isLetter), text[letter].isLowercase,
            text.distance(from: text.startIndex, to: letter) <= 1
        else { return text }
        return text[..<letter] + text[letter].uppercased() + text[text.index(after: letter)...]
    }

    /// The first two words of a reply, lower-cased: what "the same opener" means.
    static func openerKey(_ message: ChatMessage) -> String { openerKey(message.content) }

    static func openerKey(_ text: String) -> String {
        ListenerText(String(text.prefix(200))).tokens.filter { !$0.isEmoji }.prefix(2).map(\.key)
            .joined(separator: " ")
    }

    private func finish(_ context: inout Context) -> String {
        // When the support message asked this turn's question, the reply still ends by keeping
        // the conversation open: with a statement that Waymark is here, if it has none yet.
        if context.noQuestion {
            let reply = context.sentences.joined(separator: " ").lowercased()
            let open = Self.openEndings.contains { reply.contains($0) }
            if !open { add(replies.strict.invitations, slot: "statement-invitation", context: &context) }
        }
        return context.sentences.joined(separator: " ")
    }

    /// The invitations to use: a question when this turn has none yet, otherwise a statement
    /// (the lists hold both).
    private static func invitations(_ options: [String], _ context: Context) -> [String] {
        options.filter { $0.hasSuffix("?") != context.noQuestion }
    }

    /// Words that already keep the conversation open without a question.
    private static let openEndings = ["i'm here", "still here", "with you", "keep talking", "listening"]

    // MARK: - Moments

    private func momentReply(_ id: String, context: inout Context, mention: String?) -> String? {
        guard let moment = book.moments.first(where: { $0.id == id }) else { return nil }
        var fill: [String: String] = [:]
        if let mention { fill["mention"] = mention }
        addOpener(moment.replies, slot: "moment-\(id)", fill: fill, context: &context)
        return finish(&context)
    }

    /// The first moment (in phrasebook order) found in the message, when the moments' phrases
    /// together leave at most that moment's `maxOtherWords` words uncovered.
    private func moment(
        for reading: ListenerReading, among ids: Set<String>? = nil
    ) -> ListenerPhrasebook.Moment? {
        let keys = reading.keys
        let hasConcern = reading.hasConcern(in: book)
        var covered = Set<Int>()
        var found: [(index: Int, longest: Int)] = []
        for (index, moment) in book.moments.enumerated() where !moment.phrases.isEmpty {
            let matches = lexicon.momentMatchers[index].matches(in: keys)
            guard !matches.isEmpty else { continue }
            for match in matches { covered.formUnion(match.range) }
            found.append((index, matches.map(\.range.count).max() ?? 0))
        }
        let uncovered = keys.count - covered.count
        // The moment with the longest phrase wins ("what are you up to" over "what are you").
        let ordered = found.enumerated().sorted {
            ($1.element.longest, $0.offset) < ($0.element.longest, $1.offset)
        }
        for (_, entry) in ordered {
            let moment = book.moments[entry.index]
            if let ids, !ids.contains(moment.id) { continue }
            if moment.yieldsToTopics && hasConcern { continue }
            if uncovered <= moment.maxOtherWords { return moment }
        }
        return nil
    }

    // MARK: - Listening (normal and supportive)

    private func listeningReply(
        _ latest: ListenerReading, earlier: [ListenerReading], supportive: Bool,
        previousEndedWithQuestion: Bool, context: inout Context
    ) -> String {
        let earlierMention = recall(from: earlier, besides: latest.mentions(in: book))
        switch latest.shape {
        case .empty:
            return momentReply("empty", context: &context, mention: nil) ?? replies.withheld
        case .emojiOnly:
            if let topic = latest.topics.map({ book.topics[$0.topic] }).first(where: {
                !$0.emojiReplies.isEmpty
            }) {
                addOpener(topic.emojiReplies, slot: "emoji-\(topic.id)", context: &context)
                return finish(&context)
            }
            if let moment = moment(for: latest) {
                return momentReply(moment.id, context: &context, mention: nil) ?? replies.withheld
            }
            return momentReply("emojiOnly", context: &context, mention: nil) ?? replies.withheld
        case .words:
            break
        }
        if let moment = moment(for: latest) {
            let mention = previousEndedWithQuestion ? nil : earlierMention
            return momentReply(moment.id, context: &context, mention: mention) ?? replies.withheld
        }
        if latest.looksLikeGibberish {
            return momentReply("gibberish", context: &context, mention: nil) ?? replies.withheld
        }
        if latest.text.wordCount >= replies.longMessage.minWords {
            return longReply(latest, context: &context)
        }
        let happy = latest.topics(of: .happy, in: book)
        let feelings = latest.topics(of: .feeling, in: book)
        if let good = happy.first, feelings.isEmpty, latest.generalisation == nil, !supportive {
            let hadConcerns = earlier.contains { $0.hasConcern(in: book) }
            return happyReply(latest, topic: good, afterConcerns: hadConcerns, context: &context)
        }
        return concernReply(
            latest, earlier: earlier, earlierMention: earlierMention, supportive: supportive,
            context: &context)
    }

    /// Something from earlier turns to pick up: the most recent person or area of life not
    /// mentioned now, else the most recent feeling.
    private func recall(from earlier: [ListenerReading], besides current: [String]) -> String? {
        let troubled = earlier.filter { $0.hasConcern(in: book) }
        let people = troubled.reversed().lazy.flatMap { reading in
            reading.relations + reading.topics(of: .area, in: self.book).map(\.mention)
        }
        if let mention = people.first(where: { !current.contains($0) }) { return mention }
        let feelings = earlier.reversed().lazy.flatMap {
            $0.topics(of: .feeling, in: self.book).map(\.mention)
        }
        return feelings.first { !current.contains($0) }
    }

    private func concernReply(
        _ latest: ListenerReading, earlier: [ListenerReading], earlierMention: String?, supportive: Bool,
        context: inout Context
    ) -> String {
        let areas = latest.topics(of: .area, in: book)
        // A short message, or one that starts like a continuation or refers back to someone
        // ("he", "they"), carries on from the previous one ("he was my best friend" after "my dog
        // died"), so it keeps that topic when it names none of its own.
        let continues =
            latest.text.wordCount <= 6
            || latest.text.tokens.first.map { lexicon.continuers.contains($0.key) } == true
            || latest.keys.contains { lexicon.thirdPersonPronouns.contains($0) }
        let carried =
            continues
            ? earlier.suffix(2).reversed().lazy.compactMap { $0.leadingTopic(in: self.book) }.first : nil
        let main = latest.leadingTopic(in: book) ?? carried
        let concern = main != nil
        let listenedBefore = earlier.contains { $0.hasConcern(in: book) }
        let own = latest.leadingTopic(in: book)
        let recentTopics = ([latest] + earlier.suffix(2)).flatMap { reading in
            reading.topics.map { self.book.topics[$0.topic] }
        }
        let mayReframe = recentTopics.allSatisfy(\.reframe)

        // 1. Reflect their words, or name the topic, or just acknowledge.
        if let phrase = PhraseReflector(lexicon: lexicon).bestPhrase(in: latest) {
            let options =
                phrase.isSweeping
                ? replies.feltReflections : concern ? replies.reflections : replies.neutralReflections
            addOpener(options, slot: "reflection", fill: ["phrase": phrase.text], context: &context)
        } else if let own {
            addOpener(own.openers, slot: "opener-\(own.id)", context: &context)
        } else if !latest.asksForAdvice && !latest.asksForReassurance {
            addOpener(replies.plainOpeners, slot: "plain-opener", context: &context)
        }

        // 2. Validate the feeling (or the situation); support a helper when it is someone else's.
        let helping =
            latest.feelingsAreSomeoneElses(in: book)
            || (earlier.suffix(2).contains { $0.feelingsAreSomeoneElses(in: book) }
                && (own == nil || latest.keys.contains { lexicon.otherPeople.contains($0) }))
        if helping {
            add(replies.helping.validations, slot: "helping-validation", context: &context)
        } else if let main {
            add(main.validations, slot: "validation-\(main.id)", context: &context)
        } else if supportive {
            add(replies.validations, slot: "validation", context: &context)
        }

        // 3. One extra: a gentle reframe (once we have listened first), a strength noticed, or a
        //    topic that keeps coming back.
        var closed = false
        let reframedRecently = context.recentReplies.contains { reply in
            lexicon.reframeSentences.contains { reply.contains(Self.filledKey($0)) }
        }
        if latest.asksForAdvice {
            // The advice prompt is two sentences; keep the reply short.
        } else if latest.asksForReassurance {
            // The reassurance prompt is two sentences too.
        } else if let generalisation = latest.generalisation, listenedBefore || supportive, !reframedRecently,
            mayReframe,
            let options = replies.reframes[generalisation.kind]
        {
            closed = add(
                options, slot: "reframe-\(generalisation.kind)", fill: ["word": generalisation.words],
                context: &context)
        } else if latest.showsStrength {
            add(replies.strengths, slot: "strength", context: &context)
        } else if let main, main.kind == .area, earlier.count >= 2,
            earlier.dropLast().contains(where: { $0.mentions(in: book).contains(main.mention) }),
            earlier.last?.mentions(in: book).contains(main.mention) == false
        {
            add(replies.continuity, slot: "continuity", fill: ["mention": main.mention], context: &context)
        }

        // 4. An open question: their dilemma, an earlier topic, or the topic at hand (a broad
        //    feeling such as feeling low gives way to the area of life it is about).
        if !closed {
            if latest.asksForReassurance || latest.asksForAdvice {
                let options = latest.asksForReassurance ? replies.reassurance : replies.advice
                if context.isOpening {
                    addOpener(options, slot: "advice", context: &context)
                } else {
                    add(options, slot: "advice", context: &context)
                }
            } else if helping {
                add(replies.helping.questions, slot: "helping-question", context: &context)
            } else if !concern, let earlierMention {
                add(replies.recalls, slot: "recall", fill: ["mention": earlierMention], context: &context)
            } else if let main {
                let asked = main.kind == .feeling ? (areas.first { $0.weight > main.weight } ?? main) : main
                add(asked.questions, slot: "question-\(asked.id)", context: &context)
            } else if supportive {
                add(replies.questions, slot: "question", context: &context)
            } else {
                add(replies.neutralQuestions, slot: "neutral-question", context: &context)
            }
        }
        return finish(&context)
    }

    /// The fixed start of a template (before any placeholder), lower-cased, for spotting reuse.
    private static func filledKey(_ template: String) -> String {
        String(template.prefix { $0 != "{" }.prefix(40)).lowercased()
    }

    private func happyReply(
        _ latest: ListenerReading, topic: ListenerPhrasebook.Topic, afterConcerns: Bool,
        context: inout Context
    ) -> String {
        if let phrase = PhraseReflector(lexicon: lexicon).bestPhrase(in: latest), !phrase.isSweeping,
            phrase.text.split(separator: " ").count >= 4
        {
            addOpener(
                replies.happyReflections, slot: "happy-reflection", fill: ["phrase": phrase.text],
                context: &context)
        } else {
            addOpener(topic.openers, slot: "opener-\(topic.id)", context: &context)
        }
        add(topic.validations, slot: "validation-\(topic.id)", context: &context)
        if afterConcerns {
            add(replies.happyQuestionsAfterDistress, slot: "happy-after", context: &context)
        } else {
            add(topic.questions, slot: "question-\(topic.id)", context: &context)
        }
        return finish(&context)
    }

    private func longReply(_ latest: ListenerReading, context: inout Context) -> String {
        let long = replies.longMessage
        addOpener(long.openers, slot: "long-opener", context: &context)
        let mentions = Array(latest.themes(in: book).prefix(3))
        if !mentions.isEmpty {
            add(long.themes, slot: "long-theme", fill: ["topics": Self.list(mentions)], context: &context)
        }
        add(long.questions, slot: "long-question", context: &context)
        return finish(&context)
    }

    /// "a", "a and b", "a, b and c".
    private static func list(_ items: [String]) -> String {
        guard let last = items.last else { return "" }
        if items.count == 1 { return last }
        return items.dropLast().joined(separator: ", ") + " and " + last
    }

    // MARK: - Guided, strict, safety answers

    /// Moments answered as they are even on a guided turn: they need no exploring.
    private static let courtesyMoments: Set<String> = [
        "thanks", "goodbye", "greeting", "bot", "capabilities",
    ]

    private func guidedReply(categories: [RiskCategory], context: inout Context) -> String {
        let guided = replies.guided
        let specific =
            categories.lazy.compactMap { guided.byCategory[$0.rawValue] }.first { !$0.isEmpty } ?? []
        if !add(specific, slot: "guided-ack", strictly: true, context: &context) {
            addOpener(guided.general, slot: "guided-general", context: &context)
        }
        let offered = context.recentReplies.contains { reply in
            guided.service.contains { reply.contains($0.lowercased()) }
        }
        add(offered ? guided.serviceAgain : guided.service, slot: "guided-service", context: &context)
        add(Self.invitations(guided.questions, context), slot: "guided-question", context: &context)
        return finish(&context)
    }

    private func strictReply(thanked: Bool, context: inout Context) -> String {
        let strict = replies.strict
        addOpener(thanked ? strict.thanks : strict.acknowledgements, slot: "strict-ack", context: &context)
        add(strict.presence, slot: "strict-presence", context: &context)
        add(Self.invitations(strict.invitations, context), slot: "strict-invitation", context: &context)
        return finish(&context)
    }

    private func askedSafetyQuestion(_ text: String) -> Bool {
        lexicon.safetyQuestionMatcher.occurs(in: lexicon.matchKeys(ListenerText(text).keys))
    }

    private func safetyReply(_ latest: ListenerReading, context: inout Context) -> String {
        let safety = replies.safety
        let keys = latest.keys
        func longest(_ matcher: PhraseMatcher) -> Int {
            matcher.matches(in: keys).map(\.range.count).max() ?? 0
        }
        let options: [String]
        let yes = longest(lexicon.safetyYes)
        let no = longest(lexicon.safetyNo)
        if longest(lexicon.safetyUnsure) > 0 {
            options = safety.unsure.replies
        } else if (!keys.isEmpty && lexicon.safetyYes.longestMatch(in: keys, at: 0) != nil)
            || (yes > 0 && yes >= no)
        {
            options = safety.yes.replies
        } else if no > 0 {
            options = safety.no.replies
        } else {
            options = safety.other
        }
        addOpener(options, slot: "safety", context: &context)
        return finish(&context)
    }
}
