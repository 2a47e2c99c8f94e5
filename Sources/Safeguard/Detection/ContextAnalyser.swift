/// Applies chat-adapted NegEx/ConText to the evidence found in one message.
///
/// Context cues are lexicon rules with `role=cue` and a `modifier=`; their reach is bounded by
/// clause and sentence boundaries and a small word window, so the work per signal is bounded.
/// Context lowers a signal (negated, figurative, fictional, quoted → none; historical,
/// hypothetical → distress) but never removes another signal that co-occurs.
struct ContextAnalyser {
    /// The lexicon's rule traits and the class indices the analyser reads (not the whole
    /// lexicon: copying that would retain each of its tables for every message).
    let traits: [RuleTraits]
    let classes: SubjectClasses
    /// Words that tell a clause in the past, and words that give it a time of its own
    /// (``toldInThePast(_:clause:)``).
    let pastVerbClass: Int
    let recentWordClass: Int
    let tokens: [NormalisedToken]
    let masks: [ClassMask]
    /// (A `var` only so ``AnalyserScratch/recycle(_:)`` can move its arrays out.)
    var layout: TextLayout

    /// Words before a signal a negation cue reaches.
    static let negationWindow: Int32 = 7
    /// Words after a signal a trailing negation ("…, and I said no") reaches.
    static let trailingNegationWindow: Int32 = 8
    /// Words before a signal searched for who it is about.
    static let subjectWindow = 10
    /// Words before a signal, back to its clause's start, searched for a past verb.
    static let pastClauseReach = 4
    /// Words after a signal a joke marker in the next sentence still reaches ("… lol").
    static let jokeReach: Int32 = 3
    /// How close reported words must follow "she said" / "he texted" to be theirs.
    static let reportedSpeechReach: Int32 = 3
    /// How far into a quotation opened right after reported speech its words are still theirs.
    static let quotedSpeechReach: Int32 = 40

    /// Its sentence and clause tables are arrays moved out of `scratch` (give them back with
    /// ``AnalyserScratch/recycle(_:)`` once done).
    init(
        lexicon: borrowing Lexicon, tokens: [NormalisedToken], masks: [ClassMask],
        scratch: inout AnalyserScratch
    ) {
        self.traits = lexicon.traits
        self.classes = SubjectClasses(lexicon)
        self.pastVerbClass = lexicon.pastVerbClass
        self.recentWordClass = lexicon.recentWordClass
        self.tokens = tokens
        self.masks = masks
        let clauseBreak = lexicon.clauseBreakClass
        var index = 0
        self.layout = TextLayout(
            tokens: tokens, reusing: Normaliser.take(&scratch.sentence), Normaliser.take(&scratch.clause),
            Normaliser.take(&scratch.sentenceStart)
        ) { _ in
            defer { index += 1 }
            return clauseBreak >= 0 && masks[index].contains(clauseBreak)
        }
    }

    @inline(__always)
    private func token(_ index: Int, isIn classIndex: Int) -> Bool {
        classIndex >= 0 && masks[index].contains(classIndex)
    }

    /// Whether a signal's clause tells it in the past: a word of `@past_verb` from the clause's
    /// start to the signal's second word (at most `pastClauseReach` words), and no word of
    /// `@recent_word` ("tonight", "now", "again", "last night"…) anywhere in the clause.
    private func toldInThePast(_ signal: CandidateSignal, clause: Int32) -> Bool {
        let past = pastVerbClass
        guard past >= 0 else { return false }
        var start = Int(signal.first)
        while start > 0, layout.clause[start - 1] == clause, Int(signal.first) - start < Self.pastClauseReach
        {
            start -= 1
        }
        let verbEnd = min(Int(signal.first) + 1, Int(signal.last))
        guard (start...verbEnd).contains(where: { token($0, isIn: past) }) else { return false }
        var index = start
        while index < tokens.count, layout.clause[index] == clause {
            if token(index, isIn: recentWordClass) { return false }
            index += 1
        }
        return true
    }

    /// For spans, the largest `last` among spans starting at or before each token: a span
    /// [a, b] is covered by one of them when `reach[a] >= b`, and overlaps one when
    /// `reach[b] >= a`. Linear, so checks stay O(1) per signal on adversarial input.
    /// The spans are those of `spans` and `more` that pass `include` (no filtered or joined
    /// array is built: each would be one more allocation per message).
    /// Written into `reach` (one entry per token), part of the message's scratch space.
    private func fill(
        _ reach: UnsafeMutableBufferPointer<Int32>, of spans: [CandidateSignal],
        and more: [CandidateSignal] = [],
        where include: (CandidateSignal) -> Bool = { _ in true }
    ) {
        reach.update(repeating: -1)
        if spans.isEmpty && more.isEmpty { return }
        for span in spans where include(span) && span.last > reach[Int(span.first)] {
            reach[Int(span.first)] = span.last
        }
        for span in more where include(span) && span.last > reach[Int(span.first)] {
            reach[Int(span.first)] = span.last
        }
        for index in reach.indices.dropFirst() where reach[index - 1] > reach[index] {
            reach[index] = reach[index - 1]
        }
    }

    /// Whether every idiom the signal overlaps lies inside it and is shorter: for a `literal` rule
    /// ("rather die than eat again" holds the idiom "rather die than") the idiom does not lower it.
    /// With no idiom starting before the signal, `idiomReach[first]` is the longest idiom starting
    /// at its first token: reaching exactly its last token means an idiom with the same span,
    /// which lowers it too, unless the rule `covers` (then that span is its own).
    private func containsIdiomsOnly(
        _ signal: CandidateSignal, idiomReach: UnsafeMutableBufferPointer<Int32>
    ) -> Bool {
        let first = Int(signal.first)
        let startsBefore = first > 0 && idiomReach[first - 1] >= signal.first
        let endsAfter = idiomReach[Int(signal.last)] > signal.last
        return !startsBefore && !endsAfter
            && (signal.rule.coversInner || idiomReach[first] != signal.last)
    }

    /// Whether any match is evidence (not a context cue, idiom, joke marker or the like): with
    /// none, ``analyse(_:)`` finds nothing, so the engine skips building an analyser (its
    /// sentence and clause tables) for the many messages with cues alone.
    static func anyEvidence(in matches: [RuleMatch], traits: [RuleTraits]) -> Bool {
        matches.contains { match in
            switch traits[Int(match.rule)].role {
            case .cue, .idiom, .pseudo, .joke, .earnest, .recurrence, .habitual: false
            default: true
            }
        }
    }

    /// Candidates for every evidence match, with context applied; the working arrays are moved
    /// out of `scratch` and given back (emptied before use; only the returned array is new).
    func analyse(_ matches: [RuleMatch], scratch: inout AnalyserScratch) -> [CandidateSignal] {
        var evidence = Normaliser.take(&scratch.evidence)
        var cues = Normaliser.take(&scratch.cues)
        var idioms = Normaliser.take(&scratch.idioms)
        var pseudo = Normaliser.take(&scratch.pseudo)
        var jokes = Normaliser.take(&scratch.jokes)
        var recurrences = Normaliser.take(&scratch.recurrences)
        var habituals = Normaliser.take(&scratch.habituals)
        var earnest = Normaliser.take(&scratch.earnest)
        // Per rule, overlapping matches merge into one span (their union).
        var kept = Normaliser.take(&scratch.kept)
        defer {
            scratch.evidence = evidence
            scratch.cues = cues
            scratch.idioms = idioms
            scratch.pseudo = pseudo
            scratch.jokes = jokes
            scratch.recurrences = recurrences
            scratch.habituals = habituals
            scratch.earnest = earnest
            scratch.kept = kept
        }
        // The last kept match of each rule: a look back over the few kept so far in a short
        // message, a dictionary in a long one (linear either way).
        var keptIndex: [Int32: Int] = [:]
        let lookBack = matches.count <= 32
        for match in matches {
            var last: Int?
            if lookBack {
                var index = kept.count - 1
                while index >= 0 && kept[index].rule != match.rule { index -= 1 }
                if index >= 0 { last = index }
            } else {
                last = keptIndex[match.rule]
            }
            if let index = last {
                let previous = kept[index]
                if match.first <= previous.last {
                    kept[index].first = min(previous.first, match.first)
                    kept[index].last = max(previous.last, match.last)
                    continue
                }
            }
            if !lookBack { keptIndex[match.rule] = kept.count }
            kept.append(match)
        }
        for match in kept {
            let candidate = CandidateSignal(
                rule: traits[Int(match.rule)], first: match.first, last: match.last)
            switch candidate.rule.role {
            case .cue: cues.append(candidate)
            case .idiom: idioms.append(candidate)
            case .pseudo: pseudo.append(candidate)
            case .joke: jokes.append(candidate)
            case .earnest: earnest.append(candidate)
            case .recurrence: recurrences.append(candidate)
            case .habitual: habituals.append(candidate)
            default:
                evidence.append(candidate)
                // Someone else's words: the risk phrases inside them are set aside as by an idiom.
                if candidate.rule.coversInner { idioms.append(candidate) }
            }
        }
        if evidence.isEmpty { return [] }
        let count = tokens.count
        let sentences = layout.sentenceStart.count
        // The message's tables (three reaches, the next joke, and the first cue and three flags
        // per sentence) in one temporary allocation, on the stack for a chat message: nine
        // arrays were nine allocations per message.
        let size = 4 * count + 1 + 4 * sentences
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: size) { scratch in
            scratch.initialize(repeating: 0)
            func table(_ offset: Int, _ length: Int) -> UnsafeMutableBufferPointer<Int32> {
                UnsafeMutableBufferPointer(rebasing: scratch[offset..<(offset + length)])
            }
            let strongReach = table(0, count)
            let pseudoReach = table(count, count)
            let idiomReach = table(2 * count, count)
            let nextJoke = table(3 * count, count + 1)
            let perSentence = 4 * count + 1
            let firstCue = table(perSentence, sentences)
            let jokeSentence = table(perSentence + sentences, sentences)
            let laughSentence = table(perSentence + 2 * sentences, sentences)
            let recurrenceSentence = table(perSentence + 3 * sentences, sentences)
            // Cues inside a risk phrase ("don't want to live") are part of it, and negation words
            // inside a pseudo-negation ("can't stop") are not cues.
            fill(strongReach, of: evidence) { $0.rule.level >= .boundary }
            fill(pseudoReach, of: pseudo, and: earnest)
            cues.removeAll { cue in
                if strongReach[Int(cue.first)] >= cue.last { return true }
                return cue.rule.modifier == .negated && pseudoReach[Int(cue.last)] >= cue.first
            }
            cues.sort { $0.first < $1.first }
            // "not joking", "no kidding" are pseudo-negations, not jokes; and once the person says
            // they mean it, laughter or a 😭 before that does not make it a joke. Laughter after it
            // ("not even joking 😂") is the last word, and still a joke.
            jokes.removeAll { pseudoReach[Int($0.last)] >= $0.first }
            var meantUpTo: Int32 = -1
            for mark in earnest { meantUpTo = max(meantUpTo, mark.last) }
            jokes.removeAll { $0.first <= meantUpTo }
            // Index of the first cue in or after each sentence (linear sweep).
            var cursor = 0
            for (sentenceIndex, start) in layout.sentenceStart.enumerated() {
                while cursor < cues.count && cues[cursor].first < start { cursor += 1 }
                firstCue[sentenceIndex] = Int32(cursor)
            }
            fill(idiomReach, of: idioms)
            for joke in jokes where joke.rule.modifier == .figurative {
                laughSentence[Int(layout.sentence[Int(joke.first)])] = 1
            }
            for joke in jokes { jokeSentence[Int(layout.sentence[Int(joke.first)])] = 1 }
            // A mark with `scope=message` says the risk itself is back ("the thoughts are back",
            // "did it again last night"): it reaches every signal before it in the message, so a
            // history told in an earlier sentence is not history ("when i was 16 i tried to kill
            // myself. i'm 23 now and the thoughts are back").
            var riskBackUpTo: Int32 = -1
            for mark in recurrences {
                recurrenceSentence[Int(layout.sentence[Int(mark.first)])] = 1
                if mark.rule.scope == .message { riskBackUpTo = max(riskBackUpTo, mark.last) }
            }
            // Where each sentence's first routine marker starts ("some nights when everyone's asleep").
            // Kept per clause: "sometimes i feel like this but tonight i'll do it" still has its time.
            var habitualStart: [Int32: Int32] = [:]
            for mark in habituals {
                let clause = layout.clause[Int(mark.first)]
                habitualStart[clause] = min(habitualStart[clause] ?? Int32.max, mark.first)
            }
            nextJoke.update(repeating: Int32.max)
            for joke in jokes where joke.first < nextJoke[Int(joke.first)] {
                nextJoke[Int(joke.first)] = joke.first
            }
            for index in stride(from: tokens.count - 1, through: 0, by: -1)
            where nextJoke[index + 1] < nextJoke[index] {
                nextJoke[index] = nextJoke[index + 1]
            }
            var result: [CandidateSignal] = []
            // Room for the statistical layers' candidates too (the model's, the encoder's), which
            // the engine appends: growing the array would copy it.
            result.reserveCapacity(evidence.count + 2)
            var messageModifiers = ModifierSet()
            for cue in cues where cue.rule.scope == .message {
                if let modifier = cue.rule.modifier { messageModifiers.insert(modifier) }
            }
            // Read through a constant: passing the captured variable to `applyCues` retained and
            // released it for each signal.
            let sortedCues = cues
            for var signal in evidence {
                let sentence = Int(layout.sentence[Int(signal.first)])
                if signal.rule.role == .time,
                    let routine = habitualStart[layout.clause[Int(signal.first)]], routine <= signal.first
                {
                    continue
                }
                applyCues(sortedCues, firstCue: firstCue, to: &signal, messageModifiers: messageModifiers)
                if idiomReach[Int(signal.last)] >= signal.first
                    && !(signal.rule.ignoresInnerIdioms
                        && containsIdiomsOnly(signal, idiomReach: idiomReach))
                {
                    signal.add(.figurative)
                }
                if signal.rule.banter && laughSentence[sentence] != 0 { signal.add(.figurative) }
                if signal.rule.hyperbole {
                    let after = Int(signal.last) + 1
                    if jokeSentence[sentence] != 0
                        || (after <= tokens.count && nextJoke[after] - signal.last <= Self.jokeReach)
                    {
                        signal.add(.figurative)
                    }
                }
                decideSubject(&signal)
                if signal.modifiers.contains(.historical)
                    && (signal.rule.ignoresHistory || recurrenceSentence[sentence] != 0
                        || signal.first <= riskBackUpTo)
                {
                    signal.modifiers.remove(.historical)
                }
                if signal.modifiers.contains(.fictional) && signal.subject == .speaker
                    && signal.subjectExplicit
                {
                    // "I watched a film and now I want to die" is about the speaker, not the film.
                    signal.modifiers.remove(.fictional)
                }
                lower(&signal)
                result.append(signal)
            }
            return result
        }
    }

    // MARK: - Spans

    private func covers(_ outer: CandidateSignal, _ inner: CandidateSignal) -> Bool {
        outer.first <= inner.first && inner.last <= outer.last
    }

    // MARK: - Cues

    private func applyCues(
        _ cues: [CandidateSignal], firstCue: UnsafeMutableBufferPointer<Int32>,
        to signal: inout CandidateSignal,
        messageModifiers: ModifierSet
    ) {
        signal.modifiers.bits |= messageModifiers.bits
        let sentence = layout.sentence[Int(signal.first)]
        let clause = layout.clause[Int(signal.first)]
        // Cues from the start of the previous sentence to the end of the next: "that was 20 years
        // ago." looks back one.
        let high = layout.sentenceEnd(sentence + 1, tokenCount: tokens.count)
        // First cue from the previous sentence on, from the per-sentence index built in `analyse`.
        let lo = Int(firstCue[Int(max(0, sentence - 1))])
        var index = lo
        var examined = 0
        while index < cues.count, cues[index].first < high, examined < 64 {
            let cue = cues[index]
            index += 1
            examined += 1
            guard let modifier = cue.rule.modifier, cue.rule.scope != .message else { continue }
            if covers(signal, cue) { continue }
            let cueSentence = layout.sentence[Int(cue.first)]
            let sameSentence = cueSentence == sentence
            switch modifier {
            case .negated:
                if cue.rule.scope == .after {
                    if sameSentence && cue.first > signal.last
                        && cue.first - signal.last <= Self.trailingNegationWindow
                    {
                        signal.add(.negated)
                    }
                } else if cue.first < signal.first && layout.clause[Int(cue.first)] == clause
                    && signal.first - cue.last <= Self.negationWindow
                {
                    signal.add(.negated)
                }
            case .historical:
                if sameSentence && (layout.clause[Int(cue.first)] == clause || cue.first > signal.last) {
                    signal.add(.historical)
                } else if sameSentence && cue.last < signal.first && toldInThePast(signal, clause: clause) {
                    // "a few years back i went through a dark time and thought about ending it":
                    // a later clause told in the past, with no time of its own, is the same story.
                    signal.add(.historical)
                } else if cue.rule.scope == .after && cueSentence == sentence + 1 {
                    signal.add(.historical)
                }
            case .hypothetical:
                if cue.rule.scope == .sentence {
                    if sameSentence { signal.add(.hypothetical) }
                } else if cue.first < signal.first && layout.clause[Int(cue.first)] == clause
                    && signal.first - cue.last <= 10
                {
                    signal.add(.hypothetical)
                }
            case .fictional:
                if sameSentence || cueSentence == sentence - 1 { signal.add(.fictional) }
            case .figurative, .quoted:
                if cue.rule.scope == .before {
                    // Reaching only the words right after it ("joked about 'jumping in front of
                    // a train'"), in its clause or in quotation marks opened there: the person's
                    // own words later are their own.
                    if cue.last < signal.first
                        && (layout.clause[Int(cue.first)] == clause || tokens[Int(signal.first)].quoted)
                        && signal.first - cue.last <= Self.reportedSpeechReach
                    {
                        signal.add(modifier)
                    }
                } else if sameSentence {
                    signal.add(modifier)
                }
            case .otherPerson:
                // Reported speech ("she texted", "he said"): the words right after it are theirs,
                // and so is a quotation opened right after it, to its end, across sentences ("my
                // mate texted 'i'm done. can't do this anymore'"), up to `quotedSpeechReach` words
                // (a bounded walk: the check stays constant per signal).
                guard cue.last < signal.first else { break }
                let distance = signal.first - cue.last
                if sameSentence && distance <= Self.reportedSpeechReach {
                    signal.add(.otherPerson)
                } else if tokens[Int(signal.first)].quoted && distance <= Self.quotedSpeechReach,
                    let open = (Int(cue.last) + 1...Int(signal.first)).first(where: { tokens[$0].quoted }),
                    open - Int(cue.last) <= Int(Self.reportedSpeechReach) + 1,
                    (open...Int(signal.first)).allSatisfy({ tokens[$0].quoted })
                {
                    signal.add(.otherPerson)
                }
            case .pretext, .contextual:
                if sameSentence { signal.add(modifier) }
            }
        }
    }

    // MARK: - Subject

    private func decideSubject(_ signal: inout CandidateSignal) {
        if let fixed = signal.rule.subject {
            signal.subject = fixed
            signal.subjectExplicit = true
            signal.subjectStrength = 2
            if fixed == .other { signal.add(.otherPerson) }
            return
        }
        // Their own words, reported: "my son said 'i wish i was dead'".
        if signal.modifiers.contains(.otherPerson) {
            signal.subject = .other
            signal.subjectExplicit = true
            signal.subjectStrength = 2
            return
        }
        // Method questions about "someone" or "people" are about the person asking, and a
        // pretext ("asking for a friend") does not move the risk to someone else.
        let generic = signal.rule.role == .method ? classes.genericPersonClass : -1
        if signal.rule.role == .method && signal.modifiers.contains(.pretext) {
            signal.subject = .speaker
            return
        }
        var sawOther = false
        for index in Int(signal.first)...Int(signal.last) {
            if token(index, isIn: classes.selfInPhraseClass) {
                signal.subject = .speaker
                signal.subjectExplicit = true
                signal.subjectStrength = 2
                return
            }
            if token(index, isIn: classes.otherInPhraseClass) && !token(index, isIn: generic)
                && !isThingHeld(index)
            {
                sawOther = true
            }
        }
        if sawOther {
            signal.subject = .other
            signal.subjectExplicit = true
            signal.subjectStrength = 2
            signal.add(.otherPerson)
            return
        }
        let sentenceStart = layout.sentenceStart[Int(layout.sentence[Int(signal.first)])]
        // A boundary topic with nobody named in its own sentence takes the person from the
        // sentences before it ("my boyfriend's been off for weeks. drinking every night"). Crisis
        // and above do not: "she left. can't go on" is the writer's, and asking them is the
        // safe mistake.
        let searchFrom = signal.rule.level == .boundary ? 0 : Int(sentenceStart)
        var index = Int(signal.first) - 1
        var steps = 0
        // Who a goodbye was sent to is not who is leaving: "i sent him a message saying goodbye".
        let skipsRecipients = signal.rule.role == .farewell
        while index >= searchFrom, steps < Self.subjectWindow {
            if skipsRecipients && token(index, isIn: classes.recipientClass) {
                index -= 1
                steps += 1
                continue
            }
            if token(index, isIn: classes.selfSubjectClass) {
                signal.subjectExplicit = true
                signal.subjectStrength = 1
                break
            }
            if token(index, isIn: classes.otherSubjectClass) && !token(index, isIn: generic)
                && !isThingHeld(index)
            {
                signal.subject = .other
                signal.subjectExplicit = true
                signal.subjectStrength = 1
                signal.add(.otherPerson)
                return
            }
            index -= 1
            steps += 1
        }
        signal.subject = .speaker
    }

    private func isThingHeld(_ index: Int) -> Bool { classes.isThingHeld(masks, at: index) }

    // MARK: - Lowering

    private func lower(_ signal: inout CandidateSignal) {
        let rule = signal.rule
        if rule.ignoresFraming
            && (signal.modifiers.contains(.fictional) || signal.modifiers.contains(.figurative)
                || signal.modifiers.contains(.quoted) || signal.modifiers.contains(.hypothetical))
        {
            signal.modifiers.remove(.fictional)
            signal.modifiers.remove(.quoted)
            signal.modifiers.remove(.hypothetical)
            signal.modifiers.remove(.figurative)
            signal.add(.pretext)
        }
        if rule.ignoresNegation { signal.modifiers.remove(.negated) }
        let mods = signal.modifiers
        // "I haven't self-harmed in a year" is negated *and* historical: resolved past history.
        let pastOnly = mods.contains(.negated) && mods.contains(.historical)
        if mods.contains(.figurative) || mods.contains(.fictional) || mods.contains(.quoted)
            || (mods.contains(.negated) && !pastOnly)
        {
            signal.level = .none
            signal.active = false
        } else if mods.contains(.historical) || mods.contains(.hypothetical) {
            signal.level = min(signal.level, .distress)
            signal.active = false
        }
    }
}

/// The word classes that say who a signal is about (`-1` when the lexicon has none).
struct SubjectClasses {
    let selfSubjectClass: Int
    let otherSubjectClass: Int
    let selfInPhraseClass: Int
    let otherInPhraseClass: Int
    let genericPersonClass: Int
    let recipientClass: Int
    let thingPronounClass: Int
    let handlingVerbClass: Int
    let thingFollowClass: Int

    init(_ lexicon: borrowing Lexicon) {
        selfSubjectClass = lexicon.selfSubjectClass
        otherSubjectClass = lexicon.otherSubjectClass
        selfInPhraseClass = lexicon.selfInPhraseClass
        otherInPhraseClass = lexicon.otherInPhraseClass
        genericPersonClass = lexicon.genericPersonClass
        recipientClass = lexicon.recipientClass
        thingPronounClass = lexicon.thingPronounClass
        handlingVerbClass = lexicon.handlingVerbClass
        thingFollowClass = lexicon.thingFollowClass
    }

    /// "them" held or set out ("got them all lined up", "counted them out"): the means, not
    /// a person at risk. A word of `@handling_verb` before it and one of `@thing_follow` after.
    func isThingHeld(_ masks: [ClassMask], at index: Int) -> Bool {
        index > 0 && index + 1 < masks.count && thingPronounClass >= 0
            && masks[index].contains(thingPronounClass)
            && handlingVerbClass >= 0 && masks[index - 1].contains(handlingVerbClass)
            && thingFollowClass >= 0 && masks[index + 1].contains(thingFollowClass)
    }
}
