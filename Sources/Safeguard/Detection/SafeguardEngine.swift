/// Reads a user's message in the context of the conversation and decides how serious it is.
///
/// Pure and deterministic: no I/O, no clock. Layers: normalise → match the lexicon (one pass
/// over a token trie) → apply context (negation, history, hypothetical, fiction, someone
/// else, figurative, quotes) → optional statistical layer → level decision with the
/// conversation state.
public struct SafeguardEngine: Sendable {
    public let lexicon: Lexicon
    public let model: (any RiskModel)?

    /// Score at or above which the model's view counts as evidence.
    public static let modelThreshold = 0.85

    public init(lexicon: Lexicon, model: (any RiskModel)? = nil) {
        self.lexicon = lexicon
        self.model = model
    }

    /// Assesses one message as the first turn of a fresh conversation.
    public func assess(_ text: String) -> Assessment {
        assess(text, state: ConversationState()).assessment
    }

    /// Assesses one turn given the conversation so far; returns the assessment and the new state.
    public func assess(_ text: String, state: ConversationState) -> (
        assessment: Assessment, state: ConversationState
    ) {
        let normalised = lexicon.normaliser.normalise(text)
        let tokens = normalised.tokens
        let matches = lexicon.matches(tokens)
        let analyser = ContextAnalyser(lexicon: lexicon, tokens: tokens)
        var candidates = matches.isEmpty ? [] : analyser.analyse(matches)
        if let model, !tokens.isEmpty {
            addModelEvidence(model, text: text, tokens: tokens, matches: matches, candidates: &candidates)
        }
        var decision = LevelDecision(signals: candidates, state: state, wordCount: tokens.count)
        let outcome = decision.decide()
        let scalars = decision.signals.isEmpty ? [] : Array(text.unicodeScalars)
        var signals: [Signal] = []
        for candidate in decision.signals where candidate.isEvidence && candidate.applies {
            if candidate.level == .none && candidate.rule.level == .none
                && [.affirm, .deescalate, .treated].contains(candidate.rule.role)
            {
                continue
            }
            let first = tokens.isEmpty ? 0 : Int(tokens[Int(candidate.first)].start)
            let last = tokens.isEmpty ? scalars.count : Int(tokens[Int(candidate.last)].end)
            let start = min(first, scalars.count)
            let end = max(start, min(last, scalars.count))
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[start..<end])
            let signal = Signal(
                rule: candidate.rule.id, text: String(view), start: start, end: end,
                category: candidate.rule.categories.first, baseLevel: candidate.rule.level,
                level: candidate.level, modifiers: candidate.modifiers, subject: candidate.subject)
            if !signals.contains(signal) { signals.append(signal) }
        }
        signals.sort { ($0.start, $0.end, $0.rule) < ($1.start, $1.end, $1.rule) }
        let assessment = Assessment(
            level: outcome.level, categories: outcome.categories, subject: outcome.subject,
            signals: signals, reasons: decision.reasons)
        return (assessment, outcome.state)
    }

    /// Adds the statistical layer's view when the lexicon found no crisis-level evidence and no
    /// context says the message is figurative, negated, historical or fictional.
    private func addModelEvidence(
        _ model: any RiskModel, text: String, tokens: [NormalisedToken], matches: [RuleMatch],
        candidates: inout [CandidateSignal]
    ) {
        guard tokens.count >= 3 else { return }
        if candidates.contains(where: { $0.level >= .crisis }) { return }
        if candidates.contains(where: { !$0.modifiers.isEmpty && $0.level < $0.rule.level }) { return }
        for match in matches {
            let rule = lexicon.rules[Int(match.rule)]
            if rule.role == .idiom || rule.role == .joke { return }
            if rule.role == .cue, let modifier = rule.modifier,
                [.negated, .historical, .fictional, .figurative, .quoted, .hypothetical].contains(modifier)
            {
                return
            }
        }
        let scores = model.scores(for: text)
        guard scores.suicidal >= Self.modelThreshold else { return }
        let rule = LexiconRule(
            id: "model.suicidal_language", categories: [.suicide], level: .crisis, role: .ideation,
            subject: nil, modifier: nil, scope: .before, hyperbole: false, contextual: false,
            ignoresNegation: false, ignoresHistory: false, ignoresFraming: false, file: "model")
        var candidate = CandidateSignal(rule: rule, first: 0, last: Int32(tokens.count - 1))
        var sawSelf = false
        var sawOther = false
        for token in tokens {
            if lexicon.token(token, isIn: "@self_subject") { sawSelf = true }
            if lexicon.token(token, isIn: "@other_subject") { sawOther = true }
        }
        if sawOther && !sawSelf {
            candidate.subject = .other
            candidate.add(.otherPerson)
        }
        candidates.append(candidate)
    }
}
