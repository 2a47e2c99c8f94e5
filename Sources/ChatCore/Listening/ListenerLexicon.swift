/// A phrasebook compiled for fast matching: word sets and phrase matchers, built once.
struct ListenerLexicon: Sendable {
    let phrasebook: ListenerPhrasebook
    let topicMatchers: [PhraseMatcher]
    let momentMatchers: [PhraseMatcher]
    let relationMatcher: PhraseMatcher
    /// Generalisation kinds in a stable order, with their matchers.
    let reframeMatchers: [(kind: String, matcher: PhraseMatcher)]
    let strengthMatcher: PhraseMatcher
    let adviceMatcher: PhraseMatcher
    let reassuranceMatcher: PhraseMatcher
    let safetyQuestionMatcher: PhraseMatcher
    let safetyYes: PhraseMatcher
    let safetyNo: PhraseMatcher
    let safetyUnsure: PhraseMatcher
    let firstPerson: Set<String>
    let secondPerson: Set<String>
    let clauseMarkers: Set<String>
    let auxiliaries: Set<String>
    let clauseBreaks: Set<String>
    let leadingFillers: Set<String>
    /// Filler phrases of several words ("i guess"), matched at the start of a phrase.
    let leadingFillerPhrases: PhraseMatcher
    let trailingFillers: Set<String>
    let negators: Set<String>
    let reframeNotAfter: Set<String>
    let continuers: Set<String>
    let questionOpenings: PhraseMatcher
    /// Words that name someone else: third-person pronouns and single-word relations.
    let otherPeople: Set<String>
    let selfWords: Set<String>
    let thirdPersonPronouns: Set<String>
    /// Words that can start a new clause after "and".
    let clauseSubjects: Set<String>
    let feltKinds: Set<String>
    let avoidInReflection: Set<String>
    /// Words written in lower case at the start of a reflected phrase.
    let lowerCaseStarts: Set<String>
    /// Every sentence of the reframe and guided-service lists, to notice them in earlier replies.
    let reframeSentences: [String]
    let serviceSentences: [String]

    /// Every non-ASCII word of every phrase list: other non-ASCII words can never match.
    let nonASCIIVocabulary: Set<String>

    init(_ book: ListenerPhrasebook) {
        phrasebook = book
        var lists: [[String]] = book.topics.map(\.keywords) + book.moments.map(\.phrases)
        lists += [book.language.relations, book.language.leadingFillers, book.replies.strengthTriggers]
        lists += [book.language.questionOpenings]
        lists += [
            book.replies.adviceTriggers, book.replies.reassuranceTriggers,
            book.replies.safety.questionMarkers,
        ]
        lists += [book.replies.safety.yes.triggers, book.replies.safety.no.triggers]
        lists += [book.replies.safety.unsure.triggers] + book.replies.reframeTriggers.values.map { $0 }
        nonASCIIVocabulary = Set(
            lists.joined().flatMap { ListenerText($0).keys }.filter { !$0.utf8.allSatisfy { $0 < 0x80 } })
        topicMatchers = book.topics.map { PhraseMatcher($0.keywords) }
        momentMatchers = book.moments.map { PhraseMatcher($0.phrases) }
        relationMatcher = PhraseMatcher(book.language.relations)
        reframeMatchers = book.replies.reframeTriggers.keys.sorted().map { kind in
            (kind, PhraseMatcher(book.replies.reframeTriggers[kind] ?? []))
        }
        strengthMatcher = PhraseMatcher(book.replies.strengthTriggers)
        adviceMatcher = PhraseMatcher(book.replies.adviceTriggers)
        reassuranceMatcher = PhraseMatcher(book.replies.reassuranceTriggers)
        safetyQuestionMatcher = PhraseMatcher(book.replies.safety.questionMarkers)
        safetyYes = PhraseMatcher(book.replies.safety.yes.triggers)
        safetyNo = PhraseMatcher(book.replies.safety.no.triggers)
        safetyUnsure = PhraseMatcher(book.replies.safety.unsure.triggers)
        let language = book.language
        func keys(_ words: [String]) -> Set<String> { Set(words.map { $0.lowercased() }) }
        firstPerson = keys(language.firstPerson)
        secondPerson = keys(language.secondPerson)
        clauseMarkers = keys(language.clauseMarkers)
        auxiliaries = keys(language.auxiliaries)
        clauseBreaks = keys(language.clauseBreaks)
        leadingFillers = keys(language.leadingFillers.filter { !$0.contains(" ") })
        leadingFillerPhrases = PhraseMatcher(language.leadingFillers.filter { $0.contains(" ") })
        trailingFillers = keys(language.trailingFillers)
        negators = keys(language.negators)
        reframeNotAfter = keys(language.reframeNotAfter)
        continuers = keys(language.continuers)
        questionOpenings = PhraseMatcher(language.questionOpenings)
        otherPeople = keys(language.thirdPerson).union(keys(language.relations.filter { !$0.contains(" ") }))
        selfWords = keys(language.selfWords)
        thirdPersonPronouns = keys(language.thirdPerson)
        clauseSubjects = selfWords.union(keys(language.thirdPerson)).union(keys(language.subjectWords))
        feltKinds = Set(book.replies.feltKinds)
        avoidInReflection = keys(language.avoidInReflection)
        var starts = keys(language.commonWords)
        starts.formUnion(language.pronouns.keys.map { $0.lowercased() })
        for topic in book.topics {
            for keyword in topic.keywords where !keyword.contains(" ") && !keyword.hasSuffix("*") {
                starts.insert(keyword.lowercased())
            }
        }
        lowerCaseStarts = starts
        reframeSentences = book.replies.reframes.keys.sorted().flatMap { book.replies.reframes[$0] ?? [] }
        serviceSentences = book.replies.guided.service
    }

    /// The keys to match with: non-ASCII words that no phrase contains become `""`, so each
    /// matcher hashes them cheaply (hashing non-ASCII text normalises it, which is slow).
    func matchKeys(_ keys: [String]) -> [String] {
        keys.map { key in
            key.utf8.allSatisfy({ $0 < 0x80 }) || nonASCIIVocabulary.contains(key) ? key : ""
        }
    }

    /// Whether a generalisation match is the person's own ("everyone hates me"), not part of a
    /// phrase like "in front of everyone" or "mum says I should".
    func isOwnGeneralisation(_ match: PhraseMatcher.Match, in keys: [String]) -> Bool {
        let before = match.range.lowerBound - 1
        return before < 0 || !reframeNotAfter.contains(keys[before])
    }
}
