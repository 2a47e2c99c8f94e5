import Foundation
import Safeguard
import Testing

@testable import ChatCore

// MARK: - Helpers

/// The repository's `resources/` folder, found from this file's path.
private let resources = ResourceLocator(
    root: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("resources"))

private func makeListener() throws -> ListeningResponder {
    try ListeningResponder.load(from: resources)
}

/// A conversation driven turn by turn: each reply is appended as the assistant's message.
private struct Conversation {
    let listener: ListeningResponder
    var messages: [ChatMessage] = []

    init(_ listener: ListeningResponder) { self.listener = listener }

    /// Say something and get the listener's reply.
    @discardableResult
    mutating func say(_ text: String, guidance: ResponderGuidance = .normal) -> String {
        messages.append(ChatMessage(role: .user, content: text))
        let reply = listener.reply(to: ChatRequest(messages: messages, guidance: guidance))
        messages.append(ChatMessage(role: .assistant, content: reply))
        return reply
    }

    /// Add a message from the safeguard (shown to the responder as the assistant's).
    mutating func safeguard(_ text: String) {
        messages.append(ChatMessage(role: .assistant, content: text))
    }
}

private func sentences(_ text: String) -> Int {
    text.split(whereSeparator: { ".?!".contains($0) }).filter {
        $0.contains(where: \.isLetter)
    }.count
}

private func firstTwoWords(_ text: String) -> String {
    text.lowercased().split(separator: " ").prefix(2).joined(separator: " ")
}

private let strictGuidance = ResponderGuidance(mode: .strict, level: .crisis, categories: [.suicide])

// MARK: - Reflective listening

@Test func reflectsThePersonsWordsWithPronounsSwapped() throws {
    var chat = Conversation(try makeListener())
    let reply = chat.say("I'm so tired of my job, my manager keeps ignoring me.")
    #expect(
        reply.contains("your manager keeps ignoring you") || reply.contains("you're so tired of your job"))
    #expect(!reply.contains(" my "))
    #expect(!reply.lowercased().contains("i'm so tired"))
}

@Test func reflectsAShortPhraseNotTheWholeLongMessage() throws {
    let listener = try makeListener()
    let message =
        "So basically today started badly, the bus was late and it rained, and then at lunch "
        + "my friend cancelled on me again, and I feel like I'm always the one who makes the effort."
    let reply = listener.reply(to: ChatRequest(messages: [ChatMessage(role: .user, content: message)]))
    #expect(!reply.contains(message))
    #expect(!reply.contains("the bus was late and it rained, and then"))
    #expect(sentences(reply) <= 4)
}

@Test func turnsPronounsRoundCarefully() throws {
    let listener = try makeListener()
    let reflector = PhraseReflector(lexicon: ListenerLexicon(listener.phrasebook))
    let reading = ListenerReading("I was worried my mum hates me", lexicon: reflector.lexicon)
    #expect(reflector.bestPhrase(in: reading)?.text == "you were worried your mum hates you")
    let shouted = ListenerReading("I AM SO FED UP WITH MYSELF", lexicon: reflector.lexicon)
    #expect(reflector.bestPhrase(in: shouted)?.text == "you are so fed up with yourself")
}

@Test func validatesTheFeelingAndAsksAnOpenQuestion() throws {
    var chat = Conversation(try makeListener())
    let reply = chat.say("revision is making me so anxious, I can't focus on anything")
    #expect(reply.hasSuffix("?"))
    #expect((2...4).contains(sentences(reply)))
    let validations = try makeListener().phrasebook.topics.first { $0.id == "anxiety" }?.validations ?? []
    #expect(validations.contains { reply.contains($0) })
}

@Test func picksUpAPersonFromAnEarlierTurn() throws {
    var chat = Conversation(try makeListener())
    chat.say("My sister Priya and I had a massive row last night.")
    chat.say("yeah")
    let reply = chat.say("I just keep replaying it in my head, I don't know.")
    #expect(reply.contains("your sister Priya"))
}

@Test func picksUpATopicFromAnEarlierTurnWhenTheLatestIsVague() throws {
    var chat = Conversation(try makeListener())
    chat.say("Money has been so tight since the rent went up.")
    let reply = chat.say("Anyway today I went for a walk along the canal.")
    #expect(reply.contains("money worries"))
}

@Test func noticesWhenATopicKeepsComingBack() throws {
    var chat = Conversation(try makeListener())
    chat.say("My exams start in a fortnight and I've barely revised.")
    chat.say("My flatmates are loud every night.")
    let reply = chat.say("The revision timetable is just not working for me.")
    #expect(reply.contains("your studies"))
}

@Test func neverOpensTwoRepliesInARowTheSameWay() throws {
    var chat = Conversation(try makeListener())
    let turns = [
        "I've had an awful week at work.", "My boss keeps piling more on me.", "I feel useless.",
        "I can't sleep because of it.", "I'm so stressed all the time.", "My partner doesn't get it.",
        "We argue about money constantly.", "I just feel so low.", "I don't know what to do.",
        "Nobody listens to me.",
    ]
    var previous = ""
    for turn in turns {
        let reply = chat.say(turn)
        #expect(firstTwoWords(reply) != previous, "repeated opener: \(reply)")
        previous = firstTwoWords(reply)
    }
}

@Test func isDeterministicForTheSameConversation() throws {
    let listener = try makeListener()
    let turns = ["hi", "work has been rubbish", "my manager shouted at me in front of everyone", "thanks"]
    var first = Conversation(listener)
    var second = Conversation(listener)
    for turn in turns {
        #expect(first.say(turn) == second.say(turn))
    }
}

@Test func variesWordingAcrossDifferentConversations() throws {
    let listener = try makeListener()
    let openings = Set(
        [
            "I feel so lonely lately.", "I'm lonely since I moved.", "Feeling lonely again tonight.",
            "I'm really lonely.",
        ]
        .map { text in
            firstTwoWords(
                listener.reply(to: ChatRequest(messages: [ChatMessage(role: .user, content: text)])))
        })
    #expect(openings.count > 1)
}

@Test func supportsSomeoneWorriedAboutAnotherPerson() throws {
    let listener = try makeListener()
    var chat = Conversation(listener)
    let reply = chat.say("My flatmate has been really low lately, and I don't know how to help her.")
    let helping = listener.phrasebook.replies.helping
    #expect(helping.validations.contains { reply.contains($0) })
    #expect(helping.questions.contains { reply.contains($0) })
    let next = chat.say("she barely leaves her room")
    #expect((helping.validations + helping.questions).contains { next.contains($0) })
}

@Test func neverTreatsAWorryAsAStatement() throws {
    var chat = Conversation(try makeListener())
    let reply = chat.say("what if they all laugh at me tomorrow")
    #expect(!reply.contains("what if they all laugh at you"))
}

// MARK: - Reframing and strengths

@Test func gentlyQuestionsAGeneralisationOnceItHasListened() throws {
    var chat = Conversation(try makeListener())
    let first = chat.say("Everyone at work ignores me.")
    #expect(!first.contains("Is there anyone, even one person"))
    #expect(first.contains("everyone at work ignores you"))
    let felt = try makeListener().phrasebook.replies.feltReflections.map { String($0.prefix { $0 != "{" }) }
    #expect(felt.contains { first.hasPrefix($0) })
    chat.say("My manager is stressed and takes it out on the team.")
    let reply = chat.say("I always mess up presentations at work, everyone thinks I'm rubbish.")
    let book = try makeListener().phrasebook
    let prompts = book.replies.reframes.values.joined().map { String($0.prefix { $0 != "{" && $0 != "\"" }) }
    #expect(prompts.contains { !$0.isEmpty && reply.contains($0) })
}

@Test func answersSelfCriticismWithKindnessAndNeverEchoesIt() throws {
    let listener = try makeListener()
    var chat = Conversation(listener)
    chat.say("My driving test was this morning.")
    let reply = chat.say("I failed it again, I'm such a failure.")
    #expect(!reply.contains("you're such a failure"))
    let selfWorth = try #require(listener.phrasebook.topics.first { $0.id == "selfWorth" })
    let kind =
        selfWorth.openers + selfWorth.validations
        + (listener.phrasebook.replies.reframes["selfCriticism"] ?? [])
    #expect(kind.contains { reply.contains($0) })
}

@Test func noticesAStrength() throws {
    var chat = Conversation(try makeListener())
    let reply = chat.say("I was dreading it but I managed to get to my lecture today.")
    let strengths = try makeListener().phrasebook.replies.strengths
    #expect(strengths.contains { reply.contains($0) })
}

// MARK: - Moments

@Test func answersHonestlyWhenAskedIfItIsABot() throws {
    var chat = Conversation(try makeListener())
    let reply = chat.say("wait are you a real person??")
    #expect(reply.contains("AI companion"))
    #expect(reply.contains("not a person") || reply.contains("not a human"))
}

@Test func handlesGreetingsThanksAndGoodbyes() throws {
    var chat = Conversation(try makeListener())
    let hello = chat.say("hiya")
    #expect(hello.hasSuffix("?"))
    chat.say("my cat has been poorly and I've been worried")
    let thanks = chat.say("thanks, that helps")
    #expect(thanks.contains("glad") || thanks.contains("welcome") || thanks.contains("Any time"))
    let bye = chat.say("ok I'm off to bed, night")
    #expect(bye.lowercased().contains("take care") || bye.contains("Look after yourself"))
}

@Test func explainsWhatItCanDo() throws {
    var chat = Conversation(try makeListener())
    let reply = chat.say("what can you do?")
    #expect(reply.contains("listen"))
}

@Test func handlesVeryShortReplies() throws {
    var chat = Conversation(try makeListener())
    chat.say("Things with my dad are tense.")
    for short in ["yeah", "idk", "ok", "no"] {
        let reply = chat.say(short)
        #expect(!reply.isEmpty)
        #expect(sentences(reply) <= 3)
        #expect(!reply.contains("{"))
    }
}

@Test func exploresOptionsWhenAskedForAdvice() throws {
    var chat = Conversation(try makeListener())
    let reply = chat.say("My landlord wants me out by next month, what should I do?")
    let advice = try makeListener().phrasebook.replies.advice
    #expect(advice.contains { reply.contains($0) })
    #expect(!reply.lowercased().contains("you should"))
}

@Test func sharesGoodNews() throws {
    var chat = Conversation(try makeListener())
    let reply = chat.say("I passed my driving test this morning!")
    #expect(reply.contains("brilliant") || reply.contains("good news") || reply.contains("lovely"))
    #expect(!reply.contains("sounds really hard"))
    #expect(!reply.contains("I'm sorry"))
}

@Test func negatedGoodNewsIsNotCelebrated() throws {
    var chat = Conversation(try makeListener())
    let reply = chat.say("I'm not happy at all, everything feels flat and grey.")
    #expect(!reply.contains("brilliant"))
    #expect(!reply.contains("celebrate"))
}

@Test func summarisesAVeryLongMessageInsteadOfQuotingIt() throws {
    var chat = Conversation(try makeListener())
    let paragraph =
        "Work has been relentless and my manager keeps adding deadlines. Money is tight because the rent "
        + "went up again, and I feel lonely most evenings since my best friend moved away. "
    let reply = chat.say(String(repeating: paragraph, count: 8))
    #expect(reply.count < 400)
    #expect(reply.contains("work") || reply.contains("money worries"))
    #expect(!reply.contains("relentless and your manager keeps adding deadlines. Money"))
}

// MARK: - Odd input

@Test func handlesEmptyEmojiGibberishAndHugeInput() throws {
    let listener = try makeListener()
    func reply(_ text: String) -> String {
        listener.reply(to: ChatRequest(messages: [ChatMessage(role: .user, content: text)]))
    }
    #expect(!reply("").isEmpty)
    #expect(!reply("   \n ...").isEmpty)
    #expect(reply("😭😭😭").contains("sad") || reply("😭😭😭").contains("rough"))
    #expect(!reply("🫠🌀").isEmpty)
    let gibberish = listener.phrasebook.moments.first { $0.id == "gibberish" }?.replies ?? []
    #expect(gibberish.contains(reply("asdfghjkl qwrtp")))
    #expect(!gibberish.contains(reply("I'm fine thanks")))
    let huge = String(repeating: "I feel awful and alone. ", count: 45_000)  // about 1 MB
    #expect(huge.utf8.count > 1_000_000)
    let hugeReply = reply(huge)
    #expect(!hugeReply.isEmpty && hugeReply.count < 500)
    let odd = "\u{202E}Z\u{0335}\u{0336}a\u{0337}l\u{0338}g\u{0339}o \u{200D}\u{FE0F} é̂ 中文 العربية 🏳️‍🌈 \u{0000}"
    #expect(!reply(odd).isEmpty)
    #expect(!reply(String(repeating: "a", count: 1_100_000)).isEmpty)
}

/// A small deterministic generator, so the fuzz inputs are the same on every run.
private struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Test func oddInputsAlwaysGetAShortCleanReply() throws {
    let listener = try makeListener()
    let pieces = [
        "I", "my", "me", "always", "never", "nobody", "should", "exam", "mum", "Priya", "😭", "🎉", "?", "!",
        ",",
        ".", "\n", "don't", "I'm", "useless", "work", "and", "but", "so", "é̂", "中文", "\u{202E}", "\u{200D}",
        "\u{FE0F}", "’", "'", "\"", "—", "123", "٣", "ｆｕｌｌ", "ѕаd", "lol", "yeah", "hi", "thanks", "bye",
    ]
    var generator = SplitMix(state: 42)
    var conversation = Conversation(listener)
    for round in 0..<300 {
        if round % 12 == 0 { conversation = Conversation(listener) }
        let count = Int.random(in: 0...30, using: &generator)
        let text = (0..<count).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined(
            separator: " ")
        let modes: [ResponderGuidance] = [.normal, strictGuidance, ResponderGuidance(mode: .supportive)]
        let reply = conversation.say(text, guidance: modes[round % modes.count])
        #expect(!reply.isEmpty)
        #expect(!reply.contains("{") && !reply.contains("}"), "placeholder in: \(reply)")
        #expect(!reply.contains { $0.isNumber }, "number in: \(reply)")
        #expect(reply.count < 600)
    }
}

@Test func repliesWithNoUserMessage() throws {
    let reply = try makeListener().reply(to: ChatRequest(messages: []))
    #expect(!reply.isEmpty)
}

// MARK: - Guidance modes

@Test func strictReplyIsCalmPresentAndInvitesThemToKeepTalking() throws {
    let listener = try makeListener()
    var chat = Conversation(listener)
    chat.say("Everything is too much, I always ruin everything.")
    let reply = chat.say(
        "I don't want to be here anymore, I've been thinking about how", guidance: strictGuidance)
    let lower = reply.lowercased()
    for probe in ["how would", "how will", "what method", "plan", "how many", "when will", "where would"] {
        #expect(!lower.contains(probe))
    }
    let reframes = listener.phrasebook.replies.reframes.values.joined()
    #expect(!reframes.contains { reply.contains($0.prefix(30)) })
    #expect(lower.contains("i'm here") || lower.contains("on your own"))
    #expect(reply.hasSuffix("?"))
    #expect(!reply.contains("thinking about how"))
    #expect(sentences(reply) <= 3)
}

@Test func strictRepliesVaryTheirOpener() throws {
    var chat = Conversation(try makeListener())
    var previous = ""
    for text in ["I can't cope", "it's all too much", "I just want it to stop", "nobody would care"] {
        let reply = chat.say(text, guidance: strictGuidance)
        #expect(firstTwoWords(reply) != previous)
        previous = firstTwoWords(reply)
    }
}

@Test func guidedReplyStaysWithinScopeAndPointsToTheService() throws {
    let listener = try makeListener()
    var chat = Conversation(listener)
    let guidance = ResponderGuidance(mode: .guided, level: .boundary, categories: [.eatingDisorder])
    let reply = chat.say(
        "I've been skipping meals for weeks and making myself sick after dinner", guidance: guidance)
    #expect(!reply.contains("skipping meals"))
    #expect(!reply.contains("making yourself sick"))
    #expect(listener.phrasebook.replies.guided.service.contains { reply.contains($0) })
    #expect(reply.contains("right now") || reply.contains("this moment"))
    let later = chat.say("I don't really want to call anyone", guidance: guidance)
    #expect(!listener.phrasebook.replies.guided.service.contains { later.contains($0) })
}

@Test func withheldTurnGetsOneBriefLine() throws {
    let reply = try makeListener().reply(
        to: ChatRequest(
            messages: [ChatMessage(role: .user, content: "anything")],
            guidance: ResponderGuidance(mode: .withheld, level: .emergency)))
    #expect(reply == "I'm here with you.")
}

@Test func respondsWithCareToAnAnswerToTheSafetyQuestion() throws {
    let listener = try makeListener()
    var chat = Conversation(listener)
    chat.say("I feel like there's no point to anything", guidance: strictGuidance)
    chat.safeguard("It sounds like you're in a lot of pain. Are you thinking about ending your life?")
    let yes = chat.say("yeah sometimes", guidance: strictGuidance)
    #expect(listener.phrasebook.replies.safety.yes.replies.contains(yes))

    var other = Conversation(listener)
    other.safeguard("Are you thinking about ending your life?")
    let no = other.say("no, not like that. just exhausted")
    #expect(listener.phrasebook.replies.safety.no.replies.contains(no))
}

@Test func supportiveModeAlwaysValidates() throws {
    let listener = try makeListener()
    var chat = Conversation(listener)
    let reply = chat.say(
        "today was a lot", guidance: ResponderGuidance(mode: .supportive, level: .distress))
    #expect(listener.phrasebook.replies.validations.contains { reply.contains($0) })
}

// MARK: - Never says what it must not

@Test func neverSaysWhatItMustNot() throws {
    let listener = try makeListener()
    let conversations: [[(String, ResponderGuidance)]] = [
        [
            ("hello", .normal), ("I have depression and anxiety", .normal),
            ("call me on 07700 900123 or 988", .normal),
            ("I think I might have ADHD, what should I do?", .normal),
            ("can you help me", .normal), ("are you a therapist?", .normal),
        ],
        [
            ("I've got the pills here", strictGuidance), ("how many would it take", strictGuidance),
            ("yes", strictGuidance),
        ],
        [
            (
                "he hits me when he's drunk",
                ResponderGuidance(mode: .guided, level: .boundary, categories: [.abuse])
            ),
            ("I can't leave", ResponderGuidance(mode: .guided, level: .boundary, categories: [.abuse])),
        ],
    ]
    let forbidden = [
        "988", "911", "741741", "you have depression", "you have anxiety", "you have adhd", "i'm a therapist",
        "i am a therapist", "i'm a doctor", "i'm a counsellor", "i'm human", "i am human",
        "i'm a real person",
        "i can't help with that", "i cannot help", "i'm unable to help", "diagnos", "pills", "tablets",
    ]
    for turns in conversations {
        var chat = Conversation(listener)
        for (text, guidance) in turns {
            let reply = chat.say(text, guidance: guidance).lowercased()
            for phrase in forbidden { #expect(!reply.contains(phrase), "\(phrase) in: \(reply)") }
            let hasNumber = reply.contains { $0.isNumber }
            #expect(!hasNumber, "a number in: \(reply)")
        }
    }
}

@Test func phrasebookSentencesHaveNoNumbersOrClaims() throws {
    let book = try makeListener().phrasebook
    let replies = book.replies
    var sentences: [String] = [replies.withheld]
    sentences += replies.reflections + replies.plainOpeners + replies.validations + replies.questions
    sentences += replies.neutralQuestions + replies.strengths + replies.recalls + replies.continuity
    sentences += replies.advice + replies.happyReflections + replies.happyQuestionsAfterDistress
    sentences += replies.longMessage.openers + replies.longMessage.themes + replies.longMessage.questions
    sentences += Array(replies.reframes.values.joined())
    sentences += Array(replies.guided.byCategory.values.joined())
    sentences += replies.guided.general + replies.guided.service + replies.guided.serviceAgain
    sentences += replies.guided.questions + replies.strict.acknowledgements + replies.strict.presence
    sentences += replies.strict.invitations + replies.safety.other + replies.safety.yes.replies
    sentences += replies.safety.no.replies + replies.safety.unsure.replies
    sentences += book.moments.flatMap(\.replies)
    sentences += book.topics.flatMap { $0.openers + $0.validations + $0.questions + $0.emojiReplies }
    #expect(sentences.count > 150)
    for sentence in sentences {
        #expect(!sentence.contains { $0.isNumber }, "a number in: \(sentence)")
        for claim in [
            "I'm a therapist", "I'm human", "I am a person", "I'm a counsellor", "you have depression",
        ] {
            #expect(!sentence.contains(claim), "\(claim) in: \(sentence)")
        }
        for american in ["color", "realize", "apologize", "mom ", "program "] {
            #expect(!sentence.lowercased().contains(american), "\(american) in: \(sentence)")
        }
    }
}

// MARK: - Streaming and loading

@Test func streamsWordSizedDeltasThatJoinToTheReply() async throws {
    let listener = try makeListener()
    let request = ChatRequest(messages: [
        ChatMessage(role: .user, content: "I'm nervous about my interview tomorrow")
    ])
    var pieces: [String] = []
    var finished = false
    for try await event in listener.respond(to: request) {
        switch event {
        case .delta(let text): pieces.append(text)
        case .done: finished = true
        }
    }
    #expect(finished)
    #expect(pieces.count > 3)
    #expect(pieces.allSatisfy { $0.trimmingCharacters(in: .whitespaces).split(separator: " ").count == 1 })
    #expect(pieces.joined() == listener.reply(to: request))
    #expect(listener.displayName == "built-in listener")
}

@Test func streamsAtAPaceWhenAsked() async throws {
    let listener = ListeningResponder(phrasebook: try makeListener().phrasebook, pace: .milliseconds(1))
    var text = ""
    for try await event in listener.respond(
        to: ChatRequest(messages: [ChatMessage(role: .user, content: "hi")]))
    {
        if case .delta(let piece) = event { text += piece }
    }
    #expect(text == listener.reply(to: ChatRequest(messages: [ChatMessage(role: .user, content: "hi")])))
}

@Test func cancellingAPacedReplyStopsTheStream() async throws {
    let listener = ListeningResponder(phrasebook: try makeListener().phrasebook, pace: .milliseconds(200))
    let request = ChatRequest(messages: [
        ChatMessage(role: .user, content: "I've had a really long week at work")
    ])
    let words = listener.reply(to: request).split(separator: " ").count
    let consumer = Task {
        var count = 0
        for try await event in listener.respond(to: request) {
            if case .delta = event { count += 1 }
        }
        return count
    }
    try await Task.sleep(for: .milliseconds(300))
    consumer.cancel()
    let received = try await consumer.value
    #expect(received < words)
}

@Test func phrasebookRejectsAnEmptyList() throws {
    let book = try makeListener().phrasebook
    var replies = book.replies
    replies.strict.invitations = []
    #expect(throws: ListenerPhrasebook.Problem.emptyList("replies.strict.invitations")) {
        try ListenerPhrasebook(
            language: book.language, topics: book.topics, moments: book.moments, replies: replies)
    }
}

@Test func phrasebookDecodesFromOneDocumentOrSeveralFiles() throws {
    let folder = resources.url(ListeningResponder.resourceFolder)
    var files: [String: Data] = [:]
    var merged: [String: Any] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".json")
    {
        let data = try resources.data("\(ListeningResponder.resourceFolder)/\(name)")
        files[name] = data
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        merged.merge(object) { first, _ in first }
    }
    let fromFiles = try ListenerPhrasebook(files: files)
    let fromData = try ListenerPhrasebook(data: try JSONSerialization.data(withJSONObject: merged))
    #expect(fromFiles == fromData)
    #expect(fromFiles.topics.count >= 14)
    var duplicated = files
    duplicated["zz-extra.json"] = Data(#"{"topics": []}"#.utf8)
    #expect(throws: ListenerPhrasebook.Problem.duplicateSection("topics")) {
        try ListenerPhrasebook(files: duplicated)
    }
    var missing = files
    missing = missing.filter { !$0.key.hasPrefix("replies") }
    #expect(throws: ListenerPhrasebook.Problem.missingSection("replies")) {
        try ListenerPhrasebook(files: missing)
    }
}

// MARK: - Sample transcript (printed when LISTENER_TRANSCRIPT is set)

@Test func sampleTranscriptReadsNaturally() throws {
    var chat = Conversation(try makeListener())
    let turns: [(String, ResponderGuidance)] = [
        ("hey", .normal),
        ("I've got my nursing exams in two weeks and I'm panicking, I haven't revised properly", .normal),
        ("my mum keeps asking how it's going and I just lie and say it's fine", .normal),
        ("I always leave everything to the last minute, I'm useless", .normal),
        ("I did make a timetable last night though", .normal),
        ("what should I do about my mum?", .normal),
        ("yeah", .normal),
        ("thanks, that actually helps", .normal),
    ]
    var lines: [String] = []
    for (text, guidance) in turns {
        let reply = chat.say(text, guidance: guidance)
        lines.append("> \(text)\n  \(reply)")
        #expect(!reply.contains("{") && !reply.contains("}"))
        #expect(sentences(reply) <= 4)
    }
    if ProcessInfo.processInfo.environment["LISTENER_TRANSCRIPT"] != nil {
        print(lines.joined(separator: "\n"))
    }
}
