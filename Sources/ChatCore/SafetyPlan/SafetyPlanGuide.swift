import Foundation

/// The reviewed words around a safety plan: section titles, prompts and examples, and the lines
/// the step-by-step interview says. Loaded from `resources/safety-plan/sections.json`.
public struct SafetyPlanGuide: Sendable, Equatable, Decodable {
    /// The words for one section.
    public struct Section: Sendable, Equatable, Decodable {
        public var id: SafetyPlanSection
        /// A short heading ("Warning signs").
        public var title: String
        /// The question asked when filling the section in.
        public var prompt: String
        /// A few made-up examples, to show the kind of thing that fits.
        public var examples: [String]

        public init(id: SafetyPlanSection, title: String, prompt: String, examples: [String]) {
            self.id = id
            self.title = title
            self.prompt = prompt
            self.examples = examples
        }
    }

    /// The plan's heading ("My safety plan").
    public var title: String
    /// Paragraphs said before the first section of the interview.
    public var intro: [String]
    /// Said when the interview ends with changes.
    public var outro: String
    /// Said when the interview ends without changes.
    public var outroUnsaved: String
    /// The offer made at `crisis` when the person has a plan ("Would it help to look at…").
    public var offerWithPlan: String
    /// The gentle offer to make a plan, for when the person has none.
    public var offerWithoutPlan: String
    /// Shown for a section with no entries.
    public var emptySection: String
    /// Heading above pre-filled service suggestions.
    public var suggestionsHeading: String
    /// A one-line reminder of the interview's commands.
    public var commandsHint: String
    /// "Step {n} of {total}: {title}".
    public var stepHeading: String
    /// "For example: {examples}".
    public var forExample: String
    /// Heading above the entries a section already has.
    public var soFar: String
    /// The question asked when a section starts.
    public var firstQuestion: String
    /// Short, warm lines said after an entry is added (used in turn).
    public var acknowledgements: [String]
    /// Said after an entry is removed.
    public var removed: String
    /// Said when an answer is already in the section.
    public var alreadyThere: String
    /// Said when "remove N" names a line that does not exist.
    public var notFound: String
    /// The short question after an entry has been added.
    public var nextQuestion: String
    /// The seven sections, in order.
    public var sections: [Section]

    /// The words for `section` (a plain fallback if the file lacks it).
    public func section(_ section: SafetyPlanSection) -> Section {
        sections.first(where: { $0.id == section })
            ?? Section(id: section, title: section.rawValue, prompt: "", examples: [])
    }

    /// Decode a guide from the JSON of `sections.json`.
    public init(data: Data) throws {
        self = try JSONDecoder().decode(SafetyPlanGuide.self, from: data)
    }

    /// The path of the guide inside the resources folder.
    public static let resourcePath = "safety-plan/sections.json"

    /// Load the guide from the resources folder.
    public static func load(from resources: ResourceLocator) throws -> SafetyPlanGuide {
        try SafetyPlanGuide(data: resources.data(resourcePath))
    }
}
