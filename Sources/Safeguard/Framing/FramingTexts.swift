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
        var parts: [String: [String]]
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

    /// Decode one framing file.
    public init(data: Data) throws {
        try self.init(files: [data])
    }

    /// Decode and merge several framing files.
    public init(files: [Data]) throws {
        var parts: [String: [String]] = [:]
        var avoid: [String] = []
        var avoidRules: [String] = []
        var groups: [String: [String]] = [:]
        var edges: [String] = []
        for data in files {
            let file = try JSONDecoder().decode(File.self, from: data)
            for (name, variants) in file.parts {
                parts[name, default: []] += variants.filter { !$0.isEmpty }
            }
            avoid += file.quoteAvoidWords ?? []
            avoidRules += file.quoteAvoidRulePrefixes ?? []
            edges += file.quoteAvoidEdgeWords ?? []
            for (name, prefixes) in file.ruleGroups ?? [:] {
                groups[name, default: []] += prefixes
            }
        }
        self.init(
            parts: parts, quoteAvoidWords: avoid, quoteAvoidRulePrefixes: avoidRules, ruleGroups: groups,
            quoteAvoidEdgeWords: edges)
    }

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
