import Safeguard

/// The multi-phase scorecard of a labelled run: triggering, framing, referral and after.
public struct Scorecard: Sendable, Equatable {
    /// Whether the run was over conversations (adds the per-conversation figures and checks).
    public var conversations: Bool
    /// The `score.py` figures, exactly.
    public var triggering: TriggeringFigures
    /// Per level, category and tag, and the confusion matrix.
    public var breakdown: TriggeringBreakdown
    /// Framing checks (empty when no reference data was given).
    public var framing: [ReviewCheck]
    /// Referral checks (empty when no reference data was given).
    public var referral: [ReviewCheck]
    /// After checks (empty when no reference data was given).
    public var after: [ReviewCheck]
    /// Scenario expectation checks (only when scoring the demo scenarios).
    public var expectations: [ReviewCheck] = []
    /// Missed or over-called turns, in order.
    public var misses: [ScorecardMiss]
    /// Records that had no label (they take part in the framing, referral and after checks only).
    public var unlabelledTurns: Int

    public init(
        conversations: Bool, triggering: TriggeringFigures, breakdown: TriggeringBreakdown,
        framing: [ReviewCheck],
        referral: [ReviewCheck], after: [ReviewCheck], misses: [ScorecardMiss], unlabelledTurns: Int
    ) {
        self.conversations = conversations
        self.triggering = triggering
        self.breakdown = breakdown
        self.framing = framing
        self.referral = referral
        self.after = after
        self.misses = misses
        self.unlabelledTurns = unlabelledTurns
    }

    /// Score `records` (one per user turn, conversations' turns consecutive and in order).
    /// Without `reference`, only the triggering phase is computed. With `scenarios`, each
    /// scenario turn is also checked against its expected behaviour.
    public static func compute(
        records: [TurnRecord], conversations: Bool, reference: ReviewReference? = nil,
        scenarios: ScenarioLibrary? = nil
    ) -> Scorecard {
        let labelled = records.compactMap { record in record.gold.map { (record, $0) } }
        let pairs = labelled.map { (gold: $0.1, predicted: $0.0.assessment) }
        let grouped: [[(gold: GoldLabel, predicted: Assessment)]]? =
            conversations
            ? AfterChecks.groupedByItem(records).map { group in
                group.compactMap { record in record.gold.map { (gold: $0, predicted: record.assessment) } }
            }.filter { !$0.isEmpty } : nil
        // Every level disagreement, so the listing matches the per-level under/over counts.
        let misses = labelled.filter { $0.1.level != $0.0.assessment.level }.map {
            ScorecardMiss(
                itemID: $0.0.itemID, turn: $0.0.turn, text: $0.0.text, gold: $0.1, assessment: $0.0.assessment
            )
        }
        var card = Scorecard(
            conversations: conversations,
            triggering: TriggeringFigures.compute(pairs: pairs, conversations: grouped),
            breakdown: TriggeringBreakdown.compute(pairs: pairs),
            framing: reference.map { FramingChecks.run(records, phrases: $0.phrases) } ?? [],
            referral: reference.map { ReferralChecks.run(records, audience: $0.audience) } ?? [],
            after: reference.map {
                AfterChecks.run(records, conversations: conversations, phrases: $0.phrases)
            } ?? [],
            misses: misses, unlabelledTurns: records.count - labelled.count)
        if let scenarios { card.expectations = [scenarios.expectationCheck(records)] }
        return card
    }

    /// The phases with checks, in journey order, for reports.
    public var checkPhases: [(name: String, checks: [ReviewCheck])] {
        [("Framing", framing), ("Referral", referral), ("After", after), ("Scenarios", expectations)]
    }
}
