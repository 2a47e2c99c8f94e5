import Foundation

/// A person's own safety plan (Stanley–Brown): for each section, a list of entries in their words.
///
/// A pure value: edit it with ``update(_:)``, render it with ``SafetyPlanRenderer``, fill it in
/// step by step with ``SafetyPlanInterview``, and save it with the store.
public struct SafetyPlan: Sendable, Equatable, Codable {
    /// One change to a plan, as data (so the screen and line mode can share the same edits).
    public enum Edit: Sendable, Equatable {
        /// Add an entry at the end of a section (blank text and duplicates, ignoring case, are ignored).
        case add(String, to: SafetyPlanSection)
        /// Replace the entry at `index` (0-based) in a section; blank text removes it.
        case replace(index: Int, in: SafetyPlanSection, with: String)
        /// Remove the entry at `index` (0-based) from a section.
        case remove(index: Int, from: SafetyPlanSection)
        /// Move an entry within a section.
        case move(from: Int, to: Int, in: SafetyPlanSection)
        /// Set a section's entries all at once (blank entries are dropped).
        case set([String], for: SafetyPlanSection)
        /// Empty one section.
        case clear(SafetyPlanSection)
    }

    /// Entries per section; a section with no entries is absent.
    public private(set) var entries: [SafetyPlanSection: [String]]
    /// When the plan was last changed by ``update(_:)`` (set by the caller's clock), if known.
    public var updated: Date?

    /// An empty plan.
    public init() {
        self.entries = [:]
        self.updated = nil
    }

    /// A plan with the given entries (blank entries are dropped, text is trimmed).
    public init(entries: [SafetyPlanSection: [String]], updated: Date? = nil) {
        self.entries = [:]
        self.updated = updated
        for (section, list) in entries {
            apply(.set(list, for: section))
        }
    }

    /// The entries of one section, in order.
    public subscript(section: SafetyPlanSection) -> [String] {
        entries[section] ?? []
    }

    /// Whether no section has any entry.
    public var isEmpty: Bool {
        entries.values.allSatisfy(\.isEmpty)
    }

    /// The number of entries across all sections.
    public var entryCount: Int {
        entries.values.reduce(0) { $0 + $1.count }
    }

    /// Apply one edit. Returns whether the plan changed; out-of-range indices change nothing.
    @discardableResult
    public mutating func update(_ edit: Edit, at date: Date? = nil) -> Bool {
        let before = entries
        apply(edit)
        let changed = before != entries
        if changed, let date { updated = date }
        return changed
    }

    private mutating func apply(_ edit: Edit) {
        switch edit {
        case .add(let text, let section):
            let clean = Self.clean(text)
            guard !clean.isEmpty, !Self.contains(self[section], clean) else { return }
            entries[section, default: []].append(clean)
        case .replace(let index, let section, let text):
            guard self[section].indices.contains(index) else { return }
            let clean = Self.clean(text)
            if clean.isEmpty {
                entries[section]?.remove(at: index)
            } else {
                entries[section]?[index] = clean
            }
        case .remove(let index, let section):
            guard self[section].indices.contains(index) else { return }
            entries[section]?.remove(at: index)
        case .move(let from, let to, let section):
            var list = self[section]
            guard list.indices.contains(from), list.indices.contains(to) else { return }
            let item = list.remove(at: from)
            list.insert(item, at: to)
            entries[section] = list
        case .set(let list, let section):
            var cleaned: [String] = []
            for item in list.map(Self.clean) where !item.isEmpty && !Self.contains(cleaned, item) {
                cleaned.append(item)
            }
            entries[section] = cleaned
        case .clear(let section):
            entries[section] = nil
        }
        if entries[sectionOf: edit]?.isEmpty == true {
            entries[sectionOf: edit] = nil
        }
    }

    /// Whether `list` already has `item`, ignoring case.
    private static func contains(_ list: [String], _ item: String) -> Bool {
        list.contains { $0.caseInsensitiveCompare(item) == .orderedSame }
    }

    /// Trim whitespace, fold line breaks and tabs into single spaces, and drop control
    /// characters (so nothing typed can move the cursor or recolour a terminal later).
    static func clean(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.properties.generalCategory == .control {
                scalars.append(scalar.properties.isWhitespace ? " " : "\u{FFFD}")
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    // MARK: - Codable (sections keyed by their stable raw names)

    private enum CodingKeys: String, CodingKey {
        case version
        case sections
        case updated
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let raw = try container.decodeIfPresent([String: [String]].self, forKey: .sections) ?? [:]
        var entries: [SafetyPlanSection: [String]] = [:]
        for (key, list) in raw {
            // Unknown sections (from a newer version) are ignored rather than failing the whole plan.
            if let section = SafetyPlanSection(rawValue: key) { entries[section] = list }
        }
        self.init(entries: entries, updated: try container.decodeIfPresent(Date.self, forKey: .updated))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(1, forKey: .version)
        var raw: [String: [String]] = [:]
        for (section, list) in entries where !list.isEmpty { raw[section.rawValue] = list }
        try container.encode(raw, forKey: .sections)
        try container.encodeIfPresent(updated, forKey: .updated)
    }
}

extension Dictionary where Key == SafetyPlanSection, Value == [String] {
    /// The entries of the section an edit touches.
    fileprivate subscript(sectionOf edit: SafetyPlan.Edit) -> [String]? {
        get { self[edit.section] }
        set { self[edit.section] = newValue }
    }
}

extension SafetyPlan.Edit {
    /// The section this edit changes.
    public var section: SafetyPlanSection {
        switch self {
        case .add(_, let section), .replace(_, let section, _), .remove(_, let section),
            .move(_, _, let section), .set(_, let section), .clear(let section):
            return section
        }
    }
}
