/// Applies chat-adapted NegEx/ConText to the evidence found in one message.
///
/// Context cues are lexicon rules with `role=cue` and a `modifier=`; their reach is bounded by
/// clause and sentence boundaries and a small word window, so the work per signal is bounded.
/// Context lowers a signal (negated, figurative, fictional, quoted → none; historical,
/// hypothetical → distress) but never removes another signal that co-occurs.
struct ContextAnalyser {
    let lexicon: Lexicon
    let tokens: [NormalisedToken]
    let layout: TextLayout

    /// Words before a signal a negation cue reaches.
    static let negationWindow: Int32 = 7
    /// Words after a signal a trailing negation ("…, and I said no") reaches.
    static let trailingNegationWindow: Int32 = 8
    /// Words before a signal searched for who it is about.
    static let subjectWindow = 10

    init(lexicon: Lexicon, tokens: [NormalisedToken]) {
        self.lexicon = lexicon
        self.tokens = tokens
        self.layout = TextLayout(tokens: tokens) { token in lexicon.token(token, isIn: "@clause_break") }
    }

    /// Candidates for every evidence match, with context applied.
    func analyse(_ matches: [RuleMatch]) -> [CandidateSignal] {
        var evidence: [CandidateSignal] = []
        var cues: [CandidateSignal] = []
        var idioms: [CandidateSignal] = []
        var pseudo: [CandidateSignal] = []
        var jokes: [CandidateSignal] = []
        var recurrences: [CandidateSignal] = []
        // Per rule, overlapping matches collapse into the longest (a match that starts no later
        // than the kept one and ends after it replaces it).
        var kept: [RuleMatch] = []
        var keptIndex: [Int32: Int] = [:]
        for match in matches {
            if let index = keptIndex[match.rule] {
                let previous = kept[index]
                if match.first <= previous.last {
                    if match.first <= previous.first && match.last >= previous.last { kept[index] = match }
                    continue
                }
            }
            keptIndex[match.rule] = kept.count
            kept.append(match)
        }
        for match in kept {
            let candidate = CandidateSignal(
                rule: lexicon.rules[Int(match.rule)], first: match.first, last: match.last)
            switch candidate.rule.role {
            case .cue: cues.append(candidate)
            case .idiom: idioms.append(candidate)
            case .pseudo: pseudo.append(candidate)
            case .joke: jokes.append(candidate)
            case .recurrence: recurrences.append(candidate)
            default: evidence.append(candidate)
            }
        }
        if evidence.isEmpty { return [] }
        // Negation words inside a pseudo-negation ("can't stop") or inside a risk phrase
        // ("don't want to live") are not cues.
        let strongSpans = evidence.filter { $0.rule.level >= .boundary }
        cues.removeAll { cue in
            if strongSpans.contains(where: { covers($0, cue) }) { return true }
            guard cue.rule.modifier == .negated else { return false }
            return pseudo.contains { overlaps($0, cue) }
        }
        cues.sort { $0.first < $1.first }
        var result: [CandidateSignal] = []
        result.reserveCapacity(evidence.count)
        let messageModifiers = Set(cues.filter { $0.rule.scope == .message }.compactMap { $0.rule.modifier })
        for var signal in evidence {
            applyCues(cues, to: &signal, messageModifiers: messageModifiers)
            if idioms.contains(where: { overlaps($0, signal) }) { signal.add(.figurative) }
            if signal.rule.hyperbole && jokes.contains(where: { nearJoke($0, signal) }) {
                signal.add(.figurative)
            }
            decideSubject(&signal)
            if signal.modifiers.contains(.historical)
                && (signal.rule.ignoresHistory
                    || recurrences.contains {
                        layout.sentence[Int($0.first)] == layout.sentence[Int(signal.first)]
                    })
            {
                signal.modifiers.removeAll { $0 == .historical }
            }
            if signal.modifiers.contains(.fictional) && signal.subject == .speaker && signal.subjectExplicit {
                // "I watched a film and now I want to die" is about the speaker, not the film.
                signal.modifiers.removeAll { $0 == .fictional }
            }
            lower(&signal)
            result.append(signal)
        }
        return result
    }

    // MARK: - Spans

    private func overlaps(_ a: CandidateSignal, _ b: CandidateSignal) -> Bool {
        a.first <= b.last && b.first <= a.last
    }

    private func covers(_ outer: CandidateSignal, _ inner: CandidateSignal) -> Bool {
        outer.first <= inner.first && inner.last <= outer.last
    }

    private func nearJoke(_ joke: CandidateSignal, _ signal: CandidateSignal) -> Bool {
        if layout.sentence[Int(joke.first)] == layout.sentence[Int(signal.first)] { return true }
        return joke.first > signal.last && joke.first - signal.last <= 3
    }

    // MARK: - Cues

    private func applyCues(
        _ cues: [CandidateSignal], to signal: inout CandidateSignal, messageModifiers: Set<ContextModifier>
    ) {
        for modifier in messageModifiers { signal.add(modifier) }
        let sentence = layout.sentence[Int(signal.first)]
        let clause = layout.clause[Int(signal.first)]
        let low = layout.sentenceStart[Int(max(0, sentence - 1))]
        let high = layout.sentenceEnd(sentence, tokenCount: tokens.count)
        // Binary search for the first cue at or after `low`.
        var lo = 0
        var hi = cues.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if cues[mid].first < low { lo = mid + 1 } else { hi = mid }
        }
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
                if sameSentence { signal.add(modifier) }
            case .pretext, .contextual, .otherPerson:
                if sameSentence { signal.add(modifier) }
            }
        }
    }

    // MARK: - Subject

    private func decideSubject(_ signal: inout CandidateSignal) {
        if let fixed = signal.rule.subject {
            signal.subject = fixed
            signal.subjectExplicit = true
            if fixed == .other { signal.add(.otherPerson) }
            return
        }
        var sawOther = false
        for index in Int(signal.first)...Int(signal.last) {
            if lexicon.token(tokens[index], isIn: "@self_in_phrase") {
                signal.subject = .speaker
                signal.subjectExplicit = true
                return
            }
            if lexicon.token(tokens[index], isIn: "@other_in_phrase") { sawOther = true }
        }
        if sawOther {
            signal.subject = .other
            signal.subjectExplicit = true
            signal.add(.otherPerson)
            return
        }
        let sentenceStart = layout.sentenceStart[Int(layout.sentence[Int(signal.first)])]
        var index = Int(signal.first) - 1
        var steps = 0
        while index >= Int(sentenceStart), steps < Self.subjectWindow {
            let token = tokens[index]
            if lexicon.token(token, isIn: "@self_subject") {
                signal.subjectExplicit = true
                break
            }
            if lexicon.token(token, isIn: "@other_subject") {
                signal.subject = .other
                signal.subjectExplicit = true
                signal.add(.otherPerson)
                return
            }
            index -= 1
            steps += 1
        }
        signal.subject = .speaker
    }

    // MARK: - Lowering

    private func lower(_ signal: inout CandidateSignal) {
        let rule = signal.rule
        let framing: [ContextModifier] = [.fictional, .figurative, .quoted, .hypothetical]
        if rule.ignoresFraming && signal.modifiers.contains(where: { framing.contains($0) }) {
            signal.modifiers.removeAll { [.fictional, .quoted, .hypothetical].contains($0) }
            signal.add(.pretext)
        }
        if rule.ignoresNegation { signal.modifiers.removeAll { $0 == .negated } }
        let mods = signal.modifiers
        if mods.contains(.figurative) || mods.contains(.fictional) || mods.contains(.quoted)
            || mods.contains(.negated)
        {
            signal.level = .none
            signal.active = false
        } else if mods.contains(.historical) || mods.contains(.hypothetical) {
            signal.level = min(signal.level, .distress)
            signal.active = false
        }
    }
}
