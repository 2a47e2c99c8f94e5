/// A rule whose pattern matched a run of tokens (inclusive token indices).
struct RuleMatch: Sendable, Equatable {
    var rule: Int32
    var first: Int32
    var last: Int32
}
