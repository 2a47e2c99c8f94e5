/// One check of the framing, referral or after phase: how many turns passed, failed, and which.
public struct ReviewCheck: Sendable, Equatable {
    /// A turn (or conversation) that failed the check.
    public struct Failure: Sendable, Equatable {
        public var itemID: String
        /// The user turn (1-based); for per-conversation checks, the turn where it went wrong.
        public var turn: Int
        /// What was wrong, in plain words.
        public var detail: String

        public init(itemID: String, turn: Int, detail: String) {
            self.itemID = itemID
            self.turn = turn
            self.detail = detail
        }
    }

    /// Stable identifier (`framing.asks_about_safety`).
    public var id: String
    /// What the check looks for, for people.
    public var title: String
    public var passed: Int
    public var failed: Int
    public var failures: [Failure]

    public init(id: String, title: String, passed: Int = 0, failed: Int = 0, failures: [Failure] = []) {
        self.id = id
        self.title = title
        self.passed = passed
        self.failed = failed
        self.failures = failures
    }

    /// Turns (or conversations) the check applied to.
    public var checked: Int { passed + failed }

    /// `passed / checked`, rounded to 4 places; `nil` when nothing was checked.
    public var passRate: Double? { ScoreFigure.ratio(passed, checked) }

    /// Count one checked turn.
    mutating func record(_ ok: Bool, _ record: TurnRecord, _ detail: @autoclosure () -> String) {
        if ok {
            passed += 1
        } else {
            failed += 1
            failures.append(Failure(itemID: record.itemID, turn: record.turn, detail: detail()))
        }
    }
}
