import Foundation

/// Reads a user's message in the context of the conversation and decides how serious it is.
///
/// Pure and deterministic: no I/O, no clock. Layers: normalise → match the lexicon (one pass
/// over a token trie) → apply context (negation, history, hypothetical, fiction, someone
/// else, figurative, quotes) → the statistical layers (the n-gram model; the contextual encoder,
/// which reads the message with the two user turns before it) → level decision with the
/// conversation state.
public struct SafeguardEngine: Sendable {
    public let lexicon: Lexicon
    public let model: (any RiskModel)?
    /// The contextual encoder (`nil` only in tests of the other layers).
    public let encoder: ContextualEncoder?

    /// Score at or above which the model's view counts as evidence.
    public static let modelThreshold = 0.85
    /// The model's bar when negation, history, "what if", a lowered phrase or a calmer turn is in
    /// the message.
    public static let modelThresholdInContext = 0.97
    /// Below this crisis reading of the same message, read without earlier turns, the encoder
    /// overrules the n-gram model's crisis evidence: the model reads words ("hospital", "taken
    /// over my life", "cutting"), the encoder reads them in their sentence, and where it reads
    /// them this far from crisis the model alone is most often wrong (twenty-sixth session, read
    /// sets: false alarms 240 -> 201, crisis 5060 -> 5058; at 0.10 crisis fell by 3). Later turns
    /// keep the model: the encoder's reading there carries the earlier turns, and a remembered
    /// crisis is what a later risky turn leans on.
    public static let encoderOverrulesModelBelow = 0.05

    /// Rule index of the n-gram model's evidence, and of the encoder's.
    static let modelRuleIndex: Int32 = -1
    static let encoderCrisisRuleIndex: Int32 = -2
    static let encoderEmergencyRuleIndex: Int32 = -3
    static let encoderBoundaryRuleIndex: Int32 = -4

    /// The rule for someone who was the danger coming back ("he's back", "car's back"): read
    /// only once danger from another person has passed in the conversation, so its matches are
    /// dropped before anything else sees them in any other turn.
    static let dangerBackRule = "conversation.danger_back"
    private let dangerBackIndex: Int32?
    /// The rule for the person who hurts the writer arriving or turning violent now ("his car's
    /// just pulled up", "he's back early and he's drunk"): read only once the conversation holds
    /// abuse of the writer, so its matches are dropped in every other turn.
    static let abuserArrivingRule = "conversation.abuser_arriving"
    private let abuserArrivingIndex: Int32?
    /// Ordinary grief (firsts without someone, missing them, setting a place for them): read with
    /// earlier turns, the encoder must be surer to call it a crisis (`addEncoderEvidence`).
    static let everydayGriefRule = "bereavement.everyday_grief"
    private let everydayGriefIndex: Int32?
    /// A number followed by one of these is a measure, not an age (`@measure_unit`; "is 8 weeks",
    /// "i'm 6 foot 2"), and a number of years followed by when (`@duration_unit` then
    /// `@after_duration`: "its 2 year today since") is time gone by: an age marker (`role=minor`)
    /// read there is dropped.
    private let measureUnits: MeasureClasses
    /// Words that deny a figure of speech ("that's not a figure of speech", "for once that's not a
    /// meme"): where they are, the message's idioms are set aside (``setAsideIdioms(in:)``).
    static let notFigurativeRule = "context.not_figurative"
    private let notFigurativeIndex: Int32?
    /// A threat to kill the writer for leaving or telling ("says he'll kill me if i leave"): the
    /// idioms it overlaps ("will kill me if", "husband … will kill me") are set aside.
    static let threatForLeavingRule = "abuse.threat_if_i_leave"
    private let threatForLeavingIndex: Int32?
    /// The person who hurts the writer coming back with a threat or a time ("when he's back i'm
    /// dead"): read only where the message or an earlier turn tells abuse of the writer
    /// (``tellsAbuseOfTheWriter(_:)``); where read, the idioms it overlaps are set aside.
    static let threatWhenBackRule = "abuse.threat_when_back"
    private let threatWhenBackIndex: Int32?
    /// Every rule the engine reads by name: the shipped lexicon must define each one (a load
    /// error otherwise, see `Lexicon.init(files:requiring:)`).
    static let rulesReadByName = [
        dangerBackRule, abuserArrivingRule, everydayGriefRule, notFigurativeRule, threatForLeavingRule,
        threatWhenBackRule,
    ]
    /// Words that open a question, and the word after one that offers a time instead
    /// (`@question_opener`, `@time_offer`; `-1` in a lexicon built for a test without them).
    private let questionOpenerClass: Int
    private let timeOfferClass: Int

    public init(lexicon: Lexicon, model: (any RiskModel)? = nil, encoder: ContextualEncoder? = nil) {
        self.lexicon = lexicon
        self.model = model
        self.encoder = encoder
        dangerBackIndex = lexicon.ruleIndex(named: Self.dangerBackRule)
        abuserArrivingIndex = lexicon.ruleIndex(named: Self.abuserArrivingRule)
        everydayGriefIndex = lexicon.ruleIndex(named: Self.everydayGriefRule)
        measureUnits = MeasureClasses(lexicon)
        notFigurativeIndex = lexicon.ruleIndex(named: Self.notFigurativeRule)
        threatForLeavingIndex = lexicon.ruleIndex(named: Self.threatForLeavingRule)
        threatWhenBackIndex = lexicon.ruleIndex(named: Self.threatWhenBackRule)
        questionOpenerClass = lexicon.classIndex["@question_opener"] ?? -1
        timeOfferClass = lexicon.classIndex["@time_offer"] ?? -1
    }

    /// The id shown for a rule index (lexicon rules, or one of the statistical layers).
    func ruleID(_ index: Int32) -> String { Self.ruleID(index, rules: lexicon.rules) }

    /// The same, from the rules alone (what the level decision keeps: not the whole engine,
    /// whose copy would retain every table of the lexicon for each message).
    static func ruleID(_ index: Int32, rules: [LexiconRule]) -> String {
        if index >= 0 && Int(index) < rules.count { return rules[Int(index)].id }
        switch index {
        case Self.encoderCrisisRuleIndex: return "encoder.crisis"
        case Self.encoderEmergencyRuleIndex: return "encoder.emergency"
        case Self.encoderBoundaryRuleIndex: return "encoder.boundary"
        default: return "model.suicidal_language"
        }
    }

    /// Assesses one message as the first turn of a fresh conversation.
    public func assess(_ text: String) -> Assessment {
        assess(text, state: ConversationState()).assessment
    }

    /// Assesses one turn given the conversation so far; returns the assessment and the new state.
    public func assess(_ text: String, state: ConversationState) -> (
        assessment: Assessment, state: ConversationState
    ) {
        var scratch = AssessScratch()
        return assess(text, state: state, scratch: &scratch)
    }

    /// The same, in working arrays reused from `scratch` (owned by the caller, which passes the
    /// same one for each message it assesses: fewer allocations, the same assessment).
    public func assess(_ text: String, state: ConversationState, scratch: inout AssessScratch) -> (
        assessment: Assessment, state: ConversationState
    ) {
        let tokens = lexicon.normaliser.tokens(of: text, scratch: &scratch)
        var masks = Normaliser.take(&scratch.masks)
        lexicon.masks(for: tokens, into: &masks)
        var matches = lexicon.matches(tokens, masks: masks, scratch: &scratch)
        Self.setAside(dangerBackIndex, unless: state.dangerLeft, from: &matches)
        Self.setAside(abuserArrivingIndex, unless: state.abuseOfTheWriterTold, from: &matches)
        Self.setAside(
            threatWhenBackIndex, unless: state.abuseOfTheWriterTold || tellsAbuseOfTheWriter(matches),
            from: &matches)
        setAsideIdioms(in: &matches)
        // An age marker whose number is a measure ("is 8 weeks") is not an age.
        // (Read first, removed only when one is there: see ``setAside(_:unless:from:)``.)
        let traits = lexicon.traits
        if measureUnits.anyMeasuredAge(in: matches, traits: traits, tokens: tokens, masks: masks) {
            matches.removeAll {
                traits[Int($0.rule)].role == .minor
                    && measureUnits.isMeasure($0, tokens: tokens, masks: masks)
            }
        }
        var candidates: [CandidateSignal] = []
        if ContextAnalyser.anyEvidence(in: matches, traits: traits) {
            let analyser = ContextAnalyser(
                lexicon: lexicon, tokens: tokens, masks: masks, scratch: &scratch.analyser)
            candidates = analyser.analyse(matches, scratch: &scratch.analyser)
            scratch.analyser.recycle(consume analyser)
        }
        let gate = LayerGate(lexicon: lexicon, matches: matches, masks: masks)
        // (Tested for nil, not bound: binding copied the model's existential, a retain and a
        // release of its box and an outlined copy for every message.)
        if model != nil, !tokens.isEmpty {
            addModelEvidence(
                text: text, tokens: tokens, masks: masks, matches: matches, gate: gate,
                candidates: &candidates, scratch: &scratch.classifier)
        }
        var reading: EncoderReading?
        var modelOverruled = false
        // A step towards safety asks the encoder to be surer only in a turn after others (a
        // calmer turn): in a first message "my son is here now shouting, he pushed me over" is not
        // someone arriving to help. Negation, history and "what if" still ask it to be surer.
        var encoderGate = gate
        if state.recentTurns.isEmpty { encoderGate.calmerStep = false }
        // A joke about a risk phrase ("so embarrassing i want to die lol": the lexicon made it
        // figurative) is the lexicon's to judge: the encoder reads the words, not the laughter.
        // Beside a joke about nothing the lexicon reads, the encoder speaks at its raised cuts.
        let jokeAboutRisk = gate.joking && candidates.contains { $0.modifiers.contains(.figurative) }
        if let encoder, !tokens.isEmpty, !gate.notTheirs, !jokeAboutRisk {
            let found = encoder.read(text, previous: state.recentTurns)
            reading = found
            if state.recentTurns.isEmpty, found.crisis < Self.encoderOverrulesModelBelow,
                candidates.contains(where: { $0.rule.index == Self.modelRuleIndex })
            {
                candidates.removeAll { $0.rule.index == Self.modelRuleIndex }
                modelOverruled = true
            }
            addEncoderEvidence(
                found, thresholds: encoder.thresholds, gate: encoderGate,
                withEarlierTurns: !state.recentTurns.isEmpty, emergencySeen: state.emergencySeen,
                remembered: state.floor,
                tokens: tokens, masks: masks, matches: matches, candidates: &candidates)
        }
        var decision = LevelDecision(
            signals: candidates, state: state, wordCount: tokens.count, rules: lexicon.rules)
        // Read only where it can matter: a short reply with a time (see `LevelDecision.bareTime`).
        if tokens.count <= LevelDecision.shortTimeReply, candidates.contains(where: { $0.rule.role == .time })
        {
            decision.opensWithQuestion = opensWithQuestion(masks)
        }
        if let reading, let encoder {
            let cut = encoderGate.raised ? Self.surer(encoder.thresholds.context) : encoder.thresholds.context
            // In a conversation about danger from another person (and no suicidal risk told), the
            // encoder's high reading is that danger, not ending one's life: "i'm heading there"
            // after a sister locked in is going to help, not to a bridge.
            decision.encoderContext = reading.crisis >= cut && !state.dangerFromOthersOnly
        }
        var outcome = decision.decide()
        outcome.state.remember(turn: text)
        if let reading, let encoder {
            decision.reasons.append(
                Self.explanation(reading, thresholds: encoder.thresholds, alone: state.recentTurns.isEmpty))
            if gate.joking {
                decision.reasons.append(
                    "encoder: beside a joke marker, so it had to be surer (its cuts raised)")
            }
            if modelOverruled {
                decision.reasons.append(
                    "n-gram model: not heard, the encoder reads crisis \(Self.figure(reading.crisis)) "
                        + "(below \(Self.figure(Self.encoderOverrulesModelBelow)))")
            }
        } else if encoder != nil, jokeAboutRisk {
            decision.reasons.append("encoder: not read, the joke is about the risk words the lexicon read")
        }
        let source = decision.signals.isEmpty ? SourceText.empty : SourceText(text)
        let ordered = Self.inTextOrder(decision.signals, tokenCount: tokens.count) {
            $0.isEvidence && $0.applies
        }
        var signals: [Signal] = []
        signals.reserveCapacity(ordered.count)
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
                level: candidate.level, modifiers: candidate.modifiers.all, subject: candidate.subject,
                role: candidate.rule.role)
            signals.append(signal)
        }
        let assessment = Assessment(
            level: outcome.level, categories: outcome.categories, subject: outcome.subject,
            signals: signals, reasons: decision.reasons, settling: outcome.settling, encoder: reading,
            cues: cueIDs(matches))
        scratch.tokens = tokens
        scratch.masks = masks
        scratch.matches = matches
        return (assessment, outcome.state)
    }

    /// Ids of the context cue rules among the matches, each once, in order of first match.
    func cueIDs(_ matches: [RuleMatch]) -> [String] {
        var ids: [String] = []
        for match in matches where lexicon.traits[Int(match.rule)].role == .cue {
            let id = ruleID(match.rule)
            if !ids.contains(id) { ids.append(id) }
        }
        return ids
    }

    /// The candidates that pass `include`, ordered by first word, then last word, then rule (a
    /// stable order: equal keys keep their order). A few (a chat message's) are sorted by
    /// insertion in one array; more by a counting sort by first word (linear) and insertion sort
    /// within the few candidates sharing one. Both give the same stable order.
    static func inTextOrder(
        _ candidates: [CandidateSignal], tokenCount: Int, where include: (CandidateSignal) -> Bool
    ) -> [CandidateSignal] {
        var kept: [CandidateSignal] = []
        for candidate in candidates where include(candidate) {
            if kept.isEmpty { kept.reserveCapacity(candidates.count) }
            kept.append(candidate)
        }
        guard kept.count > 1 else { return kept }
        if kept.count <= 32 {
            insertionSort(&kept, 0..<kept.count)
            return kept
        }
        return inTextOrder(kept, tokenCount: tokenCount)
    }

    /// Idioms that are not idioms here: every idiom of a message that says it is not a figure of
    /// speech, and an idiom overlapping a threat to kill the writer for leaving or telling ("my
    /// husband says he'll kill me if i leave" holds "will kill me if" and overlaps "husband … will
    /// kill me"). Set aside, such an idiom lowers nothing and no longer keeps the n-gram model and
    /// the encoder from reading the message. (Only these: other `literal` rules keep the idioms
    /// they hold, which still lower the signals around them — "i nearly took an overdose" is a
    /// crisis, not an overdose taken.)
    private func setAsideIdioms(in matches: inout [RuleMatch]) {
        var denied = false
        var threat = false
        for match in matches {
            if match.rule == notFigurativeIndex { denied = true }
            if match.rule == threatForLeavingIndex || match.rule == threatWhenBackIndex { threat = true }
        }
        guard denied || threat else { return }
        let traits = lexicon.traits
        let threats =
            denied
            ? [] : matches.filter { $0.rule == threatForLeavingIndex || $0.rule == threatWhenBackIndex }
        matches.removeAll { idiom in
            guard traits[Int(idiom.rule)].role == .idiom else { return false }
            return denied || threats.contains { $0.first <= idiom.last && idiom.first <= $0.last }
        }
    }

    /// Whether the message itself tells abuse of the writer at boundary or more ("he had his hands
    /// round my neck earlier"): then `abuse.threat_when_back` ("when he's back i'm dead") is read
    /// in it, as after an earlier turn that told it (twenty-eighth session). Matches only, before
    /// context; looked for only where a match of that rule is there at all.
    private func tellsAbuseOfTheWriter(_ matches: [RuleMatch]) -> Bool {
        guard let threatWhenBackIndex, matches.contains(where: { $0.rule == threatWhenBackIndex }) else {
            return false
        }
        let traits = lexicon.traits
        return matches.contains { match in
            let rule = traits[Int(match.rule)]
            return match.rule != threatWhenBackIndex && rule.categories.contains(.abuse)
                && rule.level >= .boundary && rule.subject != .other && rule.role != .idiom
        }
    }

    /// Drops the matches of a rule read only in some conversations (`conversation.danger_back`,
    /// `conversation.abuser_arriving`, `abuse.threat_when_back`) when this one is not such a
    /// conversation. Checked before removing: the matches share the scratch's storage, and a
    /// mutation would copy it for every message.
    @inline(__always)
    private static func setAside(_ rule: Int32?, unless readable: Bool, from matches: inout [RuleMatch]) {
        guard let rule, !readable, matches.contains(where: { $0.rule == rule }) else { return }
        matches.removeAll { $0.rule == rule }
    }

    /// Sorts `range` of `candidates` by first word, last word, rule; stable.
    @inline(__always)
    private static func insertionSort(_ candidates: inout [CandidateSignal], _ range: Range<Int>) {
        guard range.count > 1 else { return }
        for index in (range.lowerBound + 1)..<range.upperBound {
            let item = candidates[index]
            var position = index
            while position > range.lowerBound
                && (
                    candidates[position - 1].first, candidates[position - 1].last,
                    candidates[position - 1].rule.index
                )
                    > (item.first, item.last, item.rule.index)
            {
                candidates[position] = candidates[position - 1]
                position -= 1
            }
            candidates[position] = item
        }
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
        // Within a group every candidate has the same first word.
        for group in 0..<tokenCount { insertionSort(&result, Int(counts[group])..<Int(counts[group + 1])) }
        return result
    }

    /// Adds the n-gram model's view when the lexicon found no crisis-level evidence, the
    /// message is not figurative, fictional or quoted, and it talks about life, death, harm,
    /// means or farewells. Negation, history, a lowered phrase or a calmer turn raise the bar.
    private func addModelEvidence(
        text: String, tokens: [NormalisedToken], masks: [ClassMask],
        matches: [RuleMatch], gate: LayerGate, candidates: inout [CandidateSignal],
        scratch: inout ClassifierScratch
    ) {
        guard tokens.count >= 3, !gate.notTheirs, !gate.joking else { return }
        // A contextual signal (a time, "do it") is only crisis once the conversation says so:
        // it does not stand in for the model.
        if candidates.contains(where: { $0.level >= .crisis && !$0.rule.contextual }) { return }
        // The lexicon read a risk phrase and its context lowered it ("i'm not suicidal"): the
        // model reads the message without that phrase, and must be surer.
        var threshold = gate.raised ? Self.modelThresholdInContext : Self.modelThreshold
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
            $0.rule.categories.contains(.bereavement) && $0.level >= .distress
        }) {
            return
        }
        // The model learnt from templates and also leans on words like "tonight" or "would": in
        // a message with no word about life, death, harm, means or farewells it must be surer.
        if !gate.anchored { threshold = max(threshold, Self.modelThresholdInContext) }
        // The model read in place (optional chaining on the stored property: no copy of it).
        guard let probability = model?.suicidalProbability(for: scored, scratch: &scratch),
            probability >= threshold
        else { return }
        candidates.append(
            layerCandidate(
                index: Self.modelRuleIndex, level: .crisis, categories: [.suicide], tokens: tokens,
                masks: masks,
                matches: matches))
    }

    /// Adds the contextual encoder's view: at its very-sure cut it is crisis evidence where the
    /// lexicon found less; at its lower corroborated cut only where the other layers found
    /// distress or more in the same message (two weaker readings that agree; never in lowering
    /// context). Its emergency output, when sure (or corroborated by a crisis the lexicon read),
    /// raises a crisis (its own or the lexicon's) to an emergency. Never in figurative, fictional
    /// or quoted talk; negation, history, "what if" or a calmer turn ask it to be surer. Later in
    /// a conversation its own emergency reading is not enough: it reads each turn with the two
    /// before it, so an earlier emergency or plan is still in what it reads ("i put it back in the
    /// drawer" straight after "a knife in my hand, right now"); there an emergency needs the
    /// turn's own words, and after an emergency it is the lexicon's alone. Once the conversation
    /// remembers a crisis, a turn whose own words hold nothing ("thanks, that helped, going to make
    /// some toast") is not read as new risk from the earlier turns it carries: the remembered
    /// risk already keeps its level, and new risk needs the turn's own words.
    /// One word read on its own gives it nothing to go on, and ordinary grief in the turn's own
    /// words asks it to be surer (see the comments below).
    /// Its boundary output, where nothing else read a boundary or more, is a boundary on the topic
    /// it names (abuse, psychosis, an eating disorder…; never suicide or self-harm, which are its
    /// crisis output's), under the same rules; with earlier turns, not where the conversation
    /// already remembers a boundary and the turn's own words hold nothing.
    private func addEncoderEvidence(
        _ reading: EncoderReading, thresholds: EncoderThresholds, gate: LayerGate, withEarlierTurns: Bool,
        emergencySeen: Bool, remembered: RiskLevel, tokens: [NormalisedToken], masks: [ClassMask],
        matches: [RuleMatch], candidates: inout [CandidateSignal]
    ) {
        // One word read on its own ("stop", "sorry", "please") is too little for it to judge:
        // there the lexicon alone speaks. With earlier turns it reads them too ("tonight").
        if !withEarlierTurns && tokens.count < 2 { return }
        func cut(_ value: Double) -> Double { gate.raised ? Self.surer(value) : value }
        let found = candidates.filter { $0.applies && $0.isEvidence && !$0.rule.contextual }
        let lexiconLevel = found.map(\.level).max() ?? .none
        let ownWordsHoldNothing = withEarlierTurns && lexiconLevel < .distress
        // Its very sure emergency with a sure crisis reading (the alone bars).
        let veryLikelyEmergency =
            thresholds.emergencyAlone.map {
                reading.emergency >= cut($0.emergency) && reading.crisis >= cut($0.crisis)
            } ?? false
        // Later in a conversation with no emergency yet and no step towards safety told, the same
        // bars say the danger has come now ("he's just come in really drunk and he's shouting my
        // name" after abuse was told): the turn's own words need not name it.
        let laterEmergency = withEarlierTurns && !emergencySeen && !gate.calmerStep && veryLikelyEmergency
        if ownWordsHoldNothing && remembered >= .crisis && !laterEmergency { return }
        // Ordinary grief told in the turn's own words, read with earlier turns ("i keep setting a
        // place for him" after "first christmas without my da": the lexicon's everyday grief, and
        // nothing above distress): missing someone who died is near the words of wanting to die,
        // and each turn of it adds to what the encoder reads, so it must be surer before it calls
        // grief a crisis. A message read on its own keeps the usual cut ("lost my husband in the
        // spring … i wouldn't mind not waking up"), and so does a death only mentioned ("my nan's
        // old painkillers, the ones she had before she died … how it'd all just stop").
        let griefOnly =
            withEarlierTurns && lexiconLevel == .distress && everydayGriefIndex != nil
            && found.contains { $0.rule.index == everydayGriefIndex }
        // Corroboration never counts in lowering context: there only the (raised) sure cut does.
        let corroborates = !gate.raised
        let sure = reading.crisis >= (griefOnly ? Self.surer(cut(thresholds.crisis)) : cut(thresholds.crisis))
        let corroborated =
            corroborates && !griefOnly && reading.crisis >= thresholds.crisisCorroborated
            && lexiconLevel >= .distress
        let sureEmergency = reading.emergency >= cut(thresholds.emergency)
        // Its emergency output never stands in for its crisis reading: at the margin it read
        // "the kids are at their dad's tonight" as an emergency with crisis only 0.73.
        let crisis = sure || corroborated
        let emergencyReading =
            sureEmergency
            || (corroborates && reading.emergency >= thresholds.emergencyCorroborated
                && lexiconLevel >= .crisis)
        // With earlier turns in what it read, its emergency needs the turn's own words (distress
        // or more, crisis for its corroborated cut); after an emergency in the conversation it
        // does not count at all: that emergency is in what it reads, and only the turn's own
        // words (the lexicon) can say the danger is here again.
        let allowed =
            !withEarlierTurns
            ? (lexiconLevel >= .crisis || crisis)
            : !emergencySeen && (lexiconLevel >= .crisis || (crisis && lexiconLevel >= .distress))
        // Read on its own (no earlier turns), a very sure emergency output with a crisis reading
        // above the alone bar counts by itself: danger now from someone else ("mum's boyfriend
        // just went into my little sister's room and shut the door") is what its emergency
        // output knows and its crisis output half-knows. With earlier turns, only as
        // `laterEmergency` allows: after an emergency its reading stays high once the danger has
        // passed ("police are here").
        let alone = !withEarlierTurns && veryLikelyEmergency
        let emergency = (emergencyReading && allowed) || alone || laterEmergency
        let level: RiskLevel
        if emergency && lexiconLevel < .emergency {
            level = .emergency
        } else if crisis && lexiconLevel < .crisis {
            level = .crisis
        } else if !crisis, lexiconLevel < .boundary, !(ownWordsHoldNothing && remembered >= .boundary),
            let boundaryCut = thresholds.boundary, let probability = reading.boundary,
            probability >= cut(boundaryCut)
        {
            level = .boundary
        } else {
            return
        }
        // The topic the lexicon read (abuse, a child…), or suicide when it read none. For a
        // boundary: the lexicon's topic (never suicide or self-harm: that would be the crisis
        // output's), else the one the boundary head names when it is sure enough, else none (a
        // general boundary: the crisis line, not a specialist service for the wrong topic).
        var categories: [RiskCategory] = []
        for candidate in found where candidate.level >= .distress {
            for category in candidate.rule.categories where !categories.contains(category) {
                if level == .boundary && BoundaryHead.notTopics.contains(category) { continue }
                categories.append(category)
            }
        }
        if level == .boundary {
            if categories.isEmpty, let topic = reading.topic,
                (reading.topicProbability ?? 0) >= (thresholds.boundaryTopic ?? 1)
            {
                categories = [topic]
            }
        } else if categories.isEmpty {
            // Its own emergency without a sure crisis reading, or a later turn's emergency (its
            // crisis output also reads danger from someone else as crisis): the topic the head
            // names when it is danger from someone (abuse, a child, sexual violence, harm to
            // others) and sure, so the help is for that danger, not for ending one's life.
            if (alone && !crisis) || laterEmergency, let topic = reading.topic,
                CategorySet.dangerFromOthers.contains(topic),
                (reading.topicProbability ?? 0) >= (thresholds.boundaryTopic ?? 1)
            {
                categories = [topic]
            } else {
                categories = [.suicide]
            }
        }
        let index =
            switch level {
            case .emergency: Self.encoderEmergencyRuleIndex
            case .crisis: Self.encoderCrisisRuleIndex
            default: Self.encoderBoundaryRuleIndex
            }
        var candidate = layerCandidate(
            index: index, level: level, role: level == .boundary ? .topic : .ideation, categories: categories,
            tokens: tokens, masks: masks, matches: matches)
        // Who is at risk: the lexicon reads that from the phrase itself ("my friend has taken…"),
        // which is surer than the encoder's whole-message guess from pronouns.
        // A contextual farewell says who is leaving ("messaged me saying sorry and goodbye");
        // other contextual phrases do not ("his old insulin pens" are not him at risk).
        let readers = candidates.filter {
            $0.applies && $0.isEvidence && $0.level >= .distress
                && (!$0.rule.contextual || $0.rule.role == .farewell)
        }
        // A rule that says whose risk it is ("sent me a goodbye message": the sender's) is surer
        // than a pronoun read near another match at the same level.
        if let strongest = readers.max(by: {
            ($0.level, $0.rule.subject == nil ? 0 : 1, $0.subjectStrength)
                < ($1.level, $1.rule.subject == nil ? 0 : 1, $1.subjectStrength)
        }) {
            candidate.subject = strongest.subject
            candidate.subjectExplicit = strongest.subjectExplicit
            candidate.subjectStrength = strongest.subjectStrength
            candidate.modifiers = ModifierSet()
            if strongest.subject == .other { candidate.add(.otherPerson) }
        } else if candidate.subject != .other,
            candidates.contains(where: { $0.applies && $0.namesSomeoneElseUnreachable })
        {
            // Nothing else says who, but someone else cannot be reached ("she's at hers, i'm not
            // with her. she's not answering"): the risk the encoder reads is theirs, not the
            // writer's (its pronoun guess saw "i'm" as well as "she").
            candidate.subject = .other
            candidate.add(.otherPerson)
        }
        candidates.append(candidate)
    }

    /// Halfway from a cut to certainty: the bar in lowering context.
    static func surer(_ cut: Double) -> Double { cut + (1 - cut) / 2 }

    /// A statistical layer's evidence over the whole message; about someone else when only
    /// other people are named (but "asking for a friend" does not move the risk).
    private func layerCandidate(
        index: Int32, level: RiskLevel, role: SignalRole = .ideation, categories: [RiskCategory],
        tokens: [NormalisedToken], masks: [ClassMask], matches: [RuleMatch]
    ) -> CandidateSignal {
        let rule = RuleTraits(layer: index, role: role, level: level, categories: categories)
        var candidate = CandidateSignal(rule: rule, first: 0, last: Int32(tokens.count - 1))
        var sawSelf = false
        var sawOther = false
        let classes = SubjectClasses(lexicon)
        for (index, mask) in masks.enumerated() {
            if lexicon.selfSubjectClass >= 0 && mask.contains(lexicon.selfSubjectClass) { sawSelf = true }
            if lexicon.otherSubjectClass >= 0 && mask.contains(lexicon.otherSubjectClass)
                && !classes.isThingHeld(masks, at: index)
            {
                sawOther = true
            }
        }
        let pretext = matches.contains { lexicon.traits[Int($0.rule)].modifier == .pretext }
        if sawOther && !sawSelf && !pretext {
            candidate.subject = .other
            candidate.add(.otherPerson)
        }
        return candidate
    }

    /// A reading or cut to two places, as the explanations show them.
    static func figure(_ value: Double) -> String { String(format: "%.2f", value) }

    /// The encoder's reading in words, for the inspector and `assess` explanations.
    static func explanation(_ reading: EncoderReading, thresholds: EncoderThresholds, alone: Bool)
        -> String
    {
        var text =
            "encoder: crisis \(figure(reading.crisis)) (cut \(figure(thresholds.crisis))), emergency "
            + "\(figure(reading.emergency)) (cut \(figure(thresholds.emergency)))"
        // In a message read without earlier turns (`alone`), where its emergency output reached
        // the bars at which it counts on its own, say so: the inspector shows why an emergency came
        // from it (the bars are halfway to certainty in lowering context, as every cut is).
        if alone, let bars = thresholds.emergencyAlone, reading.emergency >= bars.emergency,
            reading.crisis >= bars.crisis
        {
            text += ", on its own at \(figure(bars.emergency)) with crisis at or above \(figure(bars.crisis))"
        }
        if let boundary = reading.boundary, let cut = thresholds.boundary {
            text += ", boundary \(figure(boundary)) (cut \(figure(cut)))"
            if let topic = reading.topic, let probability = reading.topicProbability {
                text += ", most likely about \(topic.rawValue) (\(figure(probability)))"
            }
        }
        if reading.usedContext { text += ", read with the earlier turns" }
        if reading.windows > 1 { text += ", \(reading.windows) windows" }
        if reading.truncated { text += " spread over a very long message" }
        return text
    }

    /// Whether a message's words (their class masks) open with a question word, unless the
    /// second offers a time ("what about tonight"). Read only for a short reply with a time.
    func opensWithQuestion(_ masks: [ClassMask]) -> Bool {
        guard questionOpenerClass >= 0, let first = masks.first, first.contains(questionOpenerClass) else {
            return false
        }
        return !(masks.count > 1 && timeOfferClass >= 0 && masks[1].contains(timeOfferClass))
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

/// The word classes that tell a measure from an age (see `SafeguardEngine.measureUnits`); `-1`
/// for a class a lexicon built for a test does not define (the shipped one must: `engineClasses`).
struct MeasureClasses: Sendable {
    let unit: Int
    let duration: Int
    let afterDuration: Int

    init(_ lexicon: borrowing Lexicon) {
        unit = lexicon.classIndex["@measure_unit"] ?? -1
        duration = lexicon.classIndex["@duration_unit"] ?? -1
        afterDuration = lexicon.classIndex["@after_duration"] ?? -1
    }

    var defined: Bool { unit >= 0 && duration >= 0 && afterDuration >= 0 }

    /// Whether any age marker (`role=minor`) among `matches` has a measure for its number.
    func anyMeasuredAge(
        in matches: [RuleMatch], traits: [RuleTraits], tokens: [NormalisedToken], masks: [ClassMask]
    ) -> Bool {
        guard defined else { return false }
        for match in matches where traits[Int(match.rule)].role == .minor {
            if isMeasure(match, tokens: tokens, masks: masks) { return true }
        }
        return false
    }

    /// Whether the match ends on its number and a measure follows ("is 8 weeks"), or ends on a
    /// number of years, or its years, and when follows ("its 2 year today"). A measure inside the
    /// match is the pattern's own ("she's 3 weeks old": a baby).
    func isMeasure(_ match: RuleMatch, tokens: [NormalisedToken], masks: [ClassMask]) -> Bool {
        let last = Int(match.last)
        var index = last
        while index >= Int(match.first) && tokens[index].number < 0 { index -= 1 }
        guard index >= Int(match.first), index + 1 < tokens.count else { return false }
        let next = masks[index + 1]
        if index == last && next.contains(unit) { return true }
        return last <= index + 1 && next.contains(duration) && index + 2 < tokens.count
            && masks[index + 2].contains(afterDuration)
    }
}
