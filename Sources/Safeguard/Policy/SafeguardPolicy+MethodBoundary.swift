extension SafeguardPolicy {
    /// The boundary to name this turn when the assessment shows a method, dose or means
    /// request (issue 18), worded so that it repeats no boundary sentence shown earlier in the
    /// conversation (the same fingerprints that keep whole messages from repeating).
    func methodBoundary(for assessment: Assessment, state: FollowUpState, seed: Int) -> MethodBoundary? {
        guard let kind = framer.methodRequest(in: assessment) else { return nil }
        let again = state.lastMethodBoundaryTurn != nil
        var text = framer.methodBoundaryText(kind, again: again, seed: seed)
        for attempt in 1..<8 where state.hasShown(text) {
            text = framer.methodBoundaryText(kind, again: again, seed: seed &+ attempt)
        }
        return MethodBoundary(kind: kind, again: again, text: text)
    }

    /// Remembers that the boundary was named (when the message shown carries it), so a later
    /// request gets `again` wording and no boundary sentence is shown twice.
    /// Returns whether it was named.
    func noteMethodBoundary(
        _ boundary: MethodBoundary, in message: SafeguardMessage?, state: inout FollowUpState
    )
        -> Bool
    {
        guard let text = message?.text, text.contains(boundary.text) else { return false }
        state.lastMethodBoundaryTurn = state.turn
        if !state.hasShown(boundary.text) { state.recordShown(boundary.text) }
        return true
    }

    /// The responder's guidance when Waymark names the boundary beside its reply: no second
    /// refusal, no details, stay with the person (`guidance.methodRequest`).
    func methodGuidance(_ guidance: ResponderGuidance) -> ResponderGuidance {
        var guided = guidance
        let extra = framing.variants("guidance.methodRequest")
        guided.instructions = extra + guided.instructions.filter { !extra.contains($0) }
        return guided
    }
}
