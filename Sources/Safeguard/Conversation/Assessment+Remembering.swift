extension Assessment {
    /// The assessment with what the conversation state knows about this turn: the level of the
    /// message's own words (before the floor) and the steps towards safety it mentions.
    ///
    /// Pass the state returned with the assessment by `SafeguardEngine.assess(_:state:)`. The
    /// policy reads these to tell a turn carried by earlier risk from one with risk of its own.
    public func remembering(_ state: ConversationState) -> Assessment {
        var copy = self
        copy.turnLevel = state.lastTurnLevel
        copy.stepsTaken = state.lastStepsTaken
        return copy
    }
}
