import Foundation

/// Reviewed wording Waymark composes its messages from (`resources/framing/*.json`).
///
/// Each file is `{"about": "…", "parts": {"name": ["variant", …]}}`; files are merged, a later
/// file adding variants to a part of the same name. Variants may use `{placeholders}`.
public struct FramingTexts: Sendable, Equatable {
    /// Variants per part name.
    public var parts: [String: [String]]
    /// Words that must not be quoted back to the person (method and means words).
    public var quoteAvoidWords: [String]
    /// Signal rule families whose matched text is never quoted back (method, plan, …).
    public var quoteAvoidRulePrefixes: [String]
    /// Words a quoted phrase may not start or end with: such a phrase is a fragment.
    public var quoteAvoidEdgeWords: [String]
    /// Named groups of signal rule-id prefixes the framing reads a situation from
    /// (`taken`: an act done; `answersSafetyQuestion`: words that already say they are thinking
    /// of ending their life).
    public var ruleGroups: [String: [String]]

    private struct File: Decodable {
        enum CodingKeys: String, CodingKey, CaseIterable {
            case parts, quoteAvoidWords, quoteAvoidRulePrefixes, ruleGroups, quoteAvoidEdgeWords
        }

        var parts: [String: [String]]?
        var quoteAvoidWords: [String]?
        var quoteAvoidRulePrefixes: [String]?
        var ruleGroups: [String: [String]]?
        var quoteAvoidEdgeWords: [String]?
    }

    public init(
        parts: [String: [String]], quoteAvoidWords: [String] = [], quoteAvoidRulePrefixes: [String] = [],
        ruleGroups: [String: [String]] = [:], quoteAvoidEdgeWords: [String] = []
    ) {
        self.parts = parts
        self.quoteAvoidWords = quoteAvoidWords
        self.quoteAvoidRulePrefixes = quoteAvoidRulePrefixes
        self.ruleGroups = ruleGroups
        self.quoteAvoidEdgeWords = quoteAvoidEdgeWords
    }

    /// Decode and merge the framing files (`name` is the file's path inside `resources/`, used in
    /// errors). Every required part, word list and rule group must be given, with at least one
    /// entry, and no file may hold a key, part or group the code does not read: without them a
    /// message would quietly lose a line (an emergency message its "call 999"). Throws
    /// ``ResourceDataError`` naming the file and the part.
    public init(files: [(name: String, data: Data)]) throws {
        var parts: [String: [String]] = [:]
        var lists: [File.CodingKeys: [String]] = [:]
        var groups: [String: [String]] = [:]
        let known = Set(File.CodingKeys.allCases.map(\.rawValue))
        for (name, data) in files {
            let file = try ResourceDataError.decode(File.self, from: data, file: name, known: known)
            for (part, variants) in file.parts ?? [:] {
                guard Self.requiredParts.contains(part) || Self.optionalParts.contains(part) else {
                    throw ResourceDataError(file: name, key: part, message: "unknown part (misspelt?)")
                }
                parts[part, default: []] += variants.filter { !$0.isEmpty }
            }
            for (group, prefixes) in file.ruleGroups ?? [:] {
                guard Self.ruleGroupNames.contains(group) else {
                    throw ResourceDataError(file: name, key: group, message: "unknown rule group (misspelt?)")
                }
                groups[group, default: []] += prefixes
            }
            for (key, list) in [
                (File.CodingKeys.quoteAvoidWords, file.quoteAvoidWords),
                (.quoteAvoidRulePrefixes, file.quoteAvoidRulePrefixes),
                (.quoteAvoidEdgeWords, file.quoteAvoidEdgeWords),
            ] {
                if let list { lists[key, default: []] += list }
            }
        }
        let folder = ResourceDataError.folder(of: files, fallback: "framing")
        if let part = Self.requiredParts.sorted().first(where: { (parts[$0] ?? []).isEmpty }) {
            throw ResourceDataError(
                file: folder, key: part, message: "required framing part missing or empty")
        }
        if let group = Self.ruleGroupNames.sorted().first(where: { (groups[$0] ?? []).isEmpty }) {
            throw ResourceDataError(file: folder, key: group, message: "required rule group missing or empty")
        }
        for key in [File.CodingKeys.quoteAvoidWords, .quoteAvoidRulePrefixes, .quoteAvoidEdgeWords]
        where (lists[key] ?? []).isEmpty {
            throw ResourceDataError(
                file: folder, key: key.rawValue, message: "required word list missing or empty")
        }
        self.init(
            parts: parts, quoteAvoidWords: lists[.quoteAvoidWords] ?? [],
            quoteAvoidRulePrefixes: lists[.quoteAvoidRulePrefixes] ?? [], ruleGroups: groups,
            quoteAvoidEdgeWords: lists[.quoteAvoidEdgeWords] ?? [])
    }

    /// The parts Waymark's messages are composed from: each must be in the framing files.
    public static let requiredParts: Set<String> = {
        var names: Set<String> = [
            "acknowledge.general", "acknowledge.other", "acknowledge.quote",
            "afterCalm.remind", "afterEmergency.remind", "afterEmergency.remind999", "afterEmergency.stay",
            "afterEmergency.still",
            "alternatives",
            "boundary.method.again", "boundary.method.direct", "boundary.method.hypothetical",
            "boundary.method.offer.pretext", "boundary.method.offer.thirdPerson", "boundary.method.pretext",
            "boundary.method.question.pretext", "boundary.method.question.thirdPerson",
            "boundary.method.services", "boundary.method.thirdPerson",
            "brief.boundary", "brief.crisis", "checkIn", "checkIn.soon", "continue",
            "emergency.also", "emergency.meansAway", "emergency.notAlone.public", "emergency.safePlace",
            "emergency.safePlace.public", "emergency.taken", "emergency.waiting.beforeActing",
            "emergency.waiting.public",
            "firstStep.boundary", "firstStep.boundaryGeneral", "firstStep.crisis", "firstStep.other",
            "guidance.afterEmergency", "guidance.boundary", "guidance.crisis", "guidance.distress",
            "guidance.emergency", "guidance.emergencyFollowUp", "guidance.methodRequest",
            "guidance.questionAsked", "guidance.stepTaken", "guidance.subject.other",
            "honesty.boundary", "honesty.crisis", "honesty.other",
            "offer.grounding", "offer.safetyPlan", "reminder",
            "safety.brief", "safety.other", "safety.question", "safety.told", "ukHelp",
            "validate.boundary", "validate.crisis", "validate.other",
        ]
        // The emergency message's lines, for the person, for danger from someone, for another person.
        for line in [
            "emergency.again.lead", "emergency.boundary", "emergency.followUp", "emergency.lead",
            "emergency.notAlone", "emergency.stay", "emergency.waiting",
        ] {
            for suffix in ["", ".danger", ".other"] { names.insert(line + suffix) }
        }
        for step in StepTaken.allCases { names.insert("afterEmergency.step.\(step.rawValue)") }
        // Every topic is acknowledged in its own words; every topic but `medical` has its own
        // guidance for the responder.
        for category in RiskCategory.allCases {
            names.insert("acknowledge.\(category.rawValue)")
            if category != .medical { names.insert("guidance.category.\(category.rawValue)") }
        }
        return names
    }()

    /// Parts the code reads when present and does without (nothing more to say) when absent.
    public static let optionalParts: Set<String> = ["guidance.none", "guidance.category.medical"]

    /// The rule groups the framing reads a situation from.
    public static let ruleGroupNames: Set<String> = [
        "taken", "answersSafetyQuestion", "inPublic", "methodThirdPersonCues", "methodPretextCues",
        "methodHypotheticalCues",
    ]

    /// Whether a signal's rule id starts with one of the prefixes of a rule group.
    public func rule(_ ruleID: String, isIn group: String) -> Bool {
        let rule = ruleID.lowercased()
        return (ruleGroups[group] ?? []).contains { rule.hasPrefix($0.lowercased()) }
    }

    /// The variants of a part (empty when missing).
    public func variants(_ part: String) -> [String] {
        parts[part] ?? []
    }
}
