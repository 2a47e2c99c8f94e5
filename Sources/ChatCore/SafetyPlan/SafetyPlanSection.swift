/// One of the seven steps of a Stanley–Brown safety plan, in the order they are filled in.
public enum SafetyPlanSection: String, Sendable, Codable, CaseIterable, Hashable {
    /// Thoughts, feelings, situations or behaviours that tell the person a crisis may be starting.
    case warningSigns = "warning_signs"
    /// Things the person can do on their own to cope (internal coping strategies).
    case copingStrategies = "coping_strategies"
    /// People and social places that take the person's mind off things.
    case distractions = "distractions"
    /// People the person can ask for help.
    case peopleToAsk = "people_to_ask"
    /// Professionals and services the person can contact (suggestions come from the directory).
    case professionals = "professionals"
    /// Making the person's surroundings safer (means safety).
    case saferEnvironment = "safer_environment"
    /// The person's reasons for living.
    case reasonsForLiving = "reasons_for_living"
}
