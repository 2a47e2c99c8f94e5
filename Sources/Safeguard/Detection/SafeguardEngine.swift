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
    /// The model's bar when negation, history, "what if", a lowered phrase or a calmer turn is in
    /// the message.
    public static let modelThresholdInContext = 0.97

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
        let masks = lexicon.masks(for: tokens)
        let matches = lexicon.matches(tokens, masks: masks)
        let analyser = ContextAnalyser(lexicon: lexicon, tokens: tokens, masks: masks)
        var candidates = matches.isEmpty ? [] : analyser.analyse(matches)
        if let model, !tokens.isEmpty {
            addModelEvidence(
                model, text: text, tokens: tokens, masks: masks, matches: matches, candidates: &candidates)
        }
        let rules = lexicon.rules
        var decision = LevelDecision(
            signals: candidates, state: state, wordCount: tokens.count,
            ruleID: { index in
                index >= 0 && Int(index) < rules.count ? rules[Int(index)].id : "model.suicidal_language"
            })
        let outcome = decision.decide()
        let source = decision.signals.isEmpty ? SourceText.empty : SourceText(text)
        var signals: [Signal] = []
        let ordered = Self.inTextOrder(
            decision.signals.filter { $0.isEvidence && $0.applies }, tokenCount: tokens.count)
        for candidate in ordered {
            if candidate.level == .none && candidate.rule.level == .none {
                switch candidate.rule.role {
                case .affirm, .deescalate, .treated: continue
                default: break
                }
            }
            let first = tokens.isEmpty ? 0 : Int(tokens[Int(candidate.first)].start)
            let last = tokens.isEmpty ? source.scalarCount : Int(tokens[Int(candidate.last)].end)
            let start = min(first, source.scalarCount)
            let end = max(start, min(last, source.scalarCount))
            let signal = Signal(
                rule: decision.ruleID(candidate.rule.index), text: source.text(from: start, to: end),
                start: start,
                end: end, category: candidate.rule.categories.first, baseLevel: candidate.rule.level,
                level: candidate.level, modifiers: candidate.modifiers.all, subject: candidate.subject)
            signals.append(signal)
        }
        let assessment = Assessment(
            level: outcome.level, categories: outcome.categories, subject: outcome.subject,
            signals: signals, reasons: decision.reasons, settling: outcome.settling)
        return (assessment, outcome.state)
    }

    /// Candidates ordered by first word, then last word, then rule: a counting sort by first
    /// word (linear) and insertion sort within the few candidates sharing one.
    static func inTextOrder(_ candidates: [CandidateSignal], tokenCount: Int) -> [CandidateSignal] {
        guard candidates.count > 1 else { return candidates }
        var counts = [Int32](repeating: 0, count: tokenCount + 2)
        for candidate in candidates { counts[Int(candidate.first) + 1] += 1 }
        for index in 1..<counts.count { counts[index] += counts[index - 1] }
        var result = candidates
        var fill = counts
        for candidate in candidates {
            result[Int(fill[Int(candidate.first)])] = candidate
            fill[Int(candidate.first)] += 1
        }
        for group in 0..<tokenCount {
            let low = Int(counts[group])
            let high = Int(counts[group + 1])
            guard high - low > 1 else { continue }
            for index in (low + 1)..<high {
                let item = result[index]
                var position = index
                while position > low
                    && (result[position - 1].last, result[position - 1].rule.index) > (
                        item.last, item.rule.index
                    )
                {
                    result[position] = result[position - 1]
                    position -= 1
                }
                result[position] = item
            }
        }
        return result
    }

    /// Adds the statistical layer's view when the lexicon found no crisis-level evidence, the
    /// message is not figurative, fictional or quoted, and it talks about life, death, harm,
    /// means or farewells. Negation, history, a lowered phrase or a calmer turn raise the bar.
    private func addModelEvidence(
        _ model: any RiskModel, text: String, tokens: [NormalisedToken], masks: [ClassMask],
        matches: [RuleMatch], candidates: inout [CandidateSignal]
    ) {
        guard tokens.count >= 3 else { return }
        // A contextual signal (a time, "do it") is only crisis once the conversation says so:
        // it does not stand in for the model.
        if candidates.contains(where: { $0.level >= .crisis && !$0.rule.contextual }) { return }
        // The lexicon read a risk phrase and its context lowered it ("i'm not suicidal"): the
        // model reads the message without that phrase, and must be surer.
        var threshold = Self.modelThreshold
        var scored = text
        let lowered = candidates.filter { !$0.modifiers.isEmpty && $0.level < $0.rule.level }
        if !lowered.isEmpty {
            threshold = Self.modelThresholdInContext
            scored = Self.text(
                text,
                without: lowered.map { (Int(tokens[Int($0.first)].start), Int(tokens[Int($0.last)].end)) })
        }
        // Ordinary grief ("first christmas without him") reads like loss-of-life talk to the model;
        // the lexicon's grief rules decide these (its suicidal wordings in grief still apply).
        if candidates.contains(where: {
            $0.rule.categories.all.contains(.bereavement) && $0.level >= .distress
        }) {
            return
        }
        // "not joking", "not being dramatic": said to be meant. Their negation word negates
        // nothing, and laughter elsewhere does not make the message a joke.
        let earnest = matches.filter { lexicon.rules[Int($0.rule)].role == .earnest }
        let meantUpTo = earnest.map(\.last).max() ?? -1
        // Figurative, fictional or quoted talk is not the person's. Negation, history or "what if"
        // elsewhere in a message the lexicon found nothing in only ask the model to be surer
        // ("i'm not going to do anything but…" is still risk).
        let notTheirs: Set<ContextModifier> = [.fictional, .figurative, .quoted]
        let lowering: Set<ContextModifier> = [.negated, .historical, .hypothetical]
        for match in matches {
            let rule = lexicon.rules[Int(match.rule)]
            if rule.role == .idiom { return }
            if rule.role == .joke && match.first > meantUpTo { return }
            // Calmer, safer, found, being treated: the model must be surer to say otherwise.
            if rule.role == .deescalate || rule.role == .treated { threshold = Self.modelThresholdInContext }
            guard rule.role == .cue, let modifier = rule.modifier,
                !earnest.contains(where: { $0.first <= match.last && match.first <= $0.last })
            else { continue }
            if notTheirs.contains(modifier) { return }
            if lowering.contains(modifier) { threshold = Self.modelThresholdInContext }
        }
        // The model learnt from templates and also leans on words like "tonight" or "would": in
        // a message with no word about life, death, harm, means or farewells it must be surer.
        if lexicon.modelAnchorClass >= 0 && !masks.contains(where: { $0.contains(lexicon.modelAnchorClass) })
        {
            threshold = max(threshold, Self.modelThresholdInContext)
        }
        guard model.suicidalProbability(for: scored) >= threshold else { return }
        var rule = RuleTraits(lexicon.rules[0], index: -1)
        rule.role = .ideation
        rule.level = .crisis
        rule.subject = nil
        rule.modifier = nil
        rule.hyperbole = false
        rule.banter = false
        rule.contextual = false
        rule.ignoresNegation = false
        rule.ignoresHistory = false
        rule.ignoresFraming = false
        rule.categories = CategorySet([.suicide])
        var candidate = CandidateSignal(rule: rule, first: 0, last: Int32(tokens.count - 1))
        var sawSelf = false
        var sawOther = false
        for mask in masks {
            if lexicon.selfSubjectClass >= 0 && mask.contains(lexicon.selfSubjectClass) { sawSelf = true }
            if lexicon.otherSubjectClass >= 0 && mask.contains(lexicon.otherSubjectClass) { sawOther = true }
        }
        // "asking for a friend" does not move the risk to someone else.
        let pretext = matches.contains { lexicon.rules[Int($0.rule)].modifier == .pretext }
        if sawOther && !sawSelf && !pretext {
            candidate.subject = .other
            candidate.add(.otherPerson)
        }
        candidates.append(candidate)
    }

    /// The text with the given scalar ranges blanked out (for the model: a lowered phrase).
    static func text(_ text: String, without ranges: [(Int, Int)]) -> String {
        var scalars = Array(text.unicodeScalars)
        for (start, end) in ranges {
            let low = max(0, min(start, scalars.count))
            let high = max(low, min(end, scalars.count))
            for index in low..<high { scalars[index] = " " }
        }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }
}
