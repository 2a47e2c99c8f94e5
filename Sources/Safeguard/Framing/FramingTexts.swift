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

    private struct File: Decodable {
        var parts: [String: [String]]
        var quoteAvoidWords: [String]?
        var quoteAvoidRulePrefixes: [String]?
    }

    public init(
        parts: [String: [String]], quoteAvoidWords: [String] = [], quoteAvoidRulePrefixes: [String] = []
    ) {
        self.parts = parts
        self.quoteAvoidWords = quoteAvoidWords
        self.quoteAvoidRulePrefixes = quoteAvoidRulePrefixes
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
        for data in files {
            let file = try JSONDecoder().decode(File.self, from: data)
            for (name, variants) in file.parts {
                parts[name, default: []] += variants.filter { !$0.isEmpty }
            }
            avoid += file.quoteAvoidWords ?? []
            avoidRules += file.quoteAvoidRulePrefixes ?? []
        }
        self.init(parts: parts, quoteAvoidWords: avoid, quoteAvoidRulePrefixes: avoidRules)
    }

    /// The variants of a part (empty when missing).
    public func variants(_ part: String) -> [String] {
        parts[part] ?? []
    }
}
