extension Framer {
    /// The kind of method, dose or means request the assessment shows, if any: someone else
    /// (a third person, or "asking for a friend") first, then a pretext ("for a novel", "just
    /// curious"), then a what-if, else direct. Read from the assessment's signals and context
    /// cues (rule groups `methodThirdPersonCues`, `methodPretextCues`, `methodHypotheticalCues`).
    public func methodRequest(in assessment: Assessment) -> MethodRequest? {
        let asked = assessment.methodRequestSignals
        guard !asked.isEmpty else { return nil }
        func cued(_ group: String) -> Bool {
            assessment.cues.contains { texts.rule($0, isIn: group) }
        }
        let someoneElse =
            assessment.subject == .other
            || asked.contains { $0.subject == .other || $0.modifiers.contains(.otherPerson) }
        if someoneElse || cued("methodThirdPersonCues") { return .thirdPerson }
        if cued("methodPretextCues") { return .pretext }
        if cued("methodHypotheticalCues") { return .hypothetical }
        if asked.contains(where: { $0.modifiers.contains(.pretext) }) { return .pretext }
        return .direct
    }

    /// The sentences naming the boundary for a request of this kind: what was asked, that
    /// Waymark won't give it, and why (`boundary.method.again` once it was named before).
    public func methodBoundaryText(_ kind: MethodRequest, again: Bool, seed: Int) -> String {
        let part = "boundary.method." + (again ? "again" : kind.partSuffix)
        let text = pick(part, seed)
        return text.isEmpty ? pick("boundary.method.direct", seed) : text
    }

    /// The safety question for a method request: worded for a pretext or someone else ("if
    /// any of this is about you, …", never an accusation), else the usual direct question.
    func methodSafetyQuestion(_ boundary: MethodBoundary, full: Bool, seed: Int) -> String {
        let worded = pick("boundary.method.question.\(boundary.kind.partSuffix)", seed)
        if !worded.isEmpty { return worded }
        return pick(full ? "safety.question" : "safety.brief", seed)
    }

    /// What Waymark can do instead, for a pretext or someone else (a statement, never a question).
    func methodOffer(_ boundary: MethodBoundary, seed: Int) -> String {
        pick("boundary.method.offer.\(boundary.kind.partSuffix)", seed, statementOnly: true)
    }
}
