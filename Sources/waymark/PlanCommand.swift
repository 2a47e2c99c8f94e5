import ArgumentParser
import ChatCore
import Foundation
import Safeguard
import WaymarkStore

/// `waymark plan`: show, fill in step by step, export or delete the person's safety plan.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show, make or change your safety plan (kept on this computer only).",
        discussion: """
            With no options, shows your plan. --edit goes through the seven sections step by step \
            (type one thing per line; Enter on its own moves on; "stop" finishes). --export prints \
            the plan as Markdown or plain text to save or print; with no plan it prints a blank one \
            to fill in by hand.
            """)

    /// The export formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case markdown
        case text
    }

    @OptionGroup var storeOptions: StoreOptions

    @Flag(help: "Print the plan to save or print (Markdown unless --format text).")
    var export = false

    @Option(help: "The format for --export or showing: markdown or text.")
    var format: Format?

    @Flag(help: "Make or change the plan step by step.")
    var edit = false

    @Flag(help: "Delete your saved safety plan.")
    var delete = false

    @Option(help: "Wrap plain text at this many columns.")
    var width: Int = 72

    func validate() throws {
        if [export, edit, delete].filter({ $0 }).count > 1 {
            throw ValidationError("Choose one of --export, --edit or --delete.")
        }
    }

    func run() throws {
        let store = try storeOptions.openStore()
        if delete {
            let deleted = try store.deleteSafetyPlan()
            ConsoleText.say(
                deleted ? "Your safety plan has been deleted." : "There was no saved safety plan to delete.")
            return
        }
        let resources = try storeOptions.resources()
        let guide = try SafetyPlanGuide.load(from: resources)
        let plan = try store.loadSafetyPlan()
        if edit {
            try runInterview(plan: plan ?? SafetyPlan(), guide: guide, store: store, resources: resources)
            return
        }
        let renderer = SafetyPlanRenderer(guide: guide)
        let updated = plan?.updated.map { "Last updated \(ConsoleText.day($0))" }
        if export {
            let plan = plan ?? SafetyPlan()
            switch format ?? .markdown {
            case .markdown: ConsoleText.say(renderer.markdown(plan, updatedText: updated))
            case .text: ConsoleText.say(renderer.text(plan, width: width, updatedText: updated))
            }
            return
        }
        guard let plan, !plan.isEmpty else {
            ConsoleText.say([
                "You haven't made a safety plan yet.",
                "`waymark plan --edit` takes you through it step by step, whenever you're ready.",
            ])
            return
        }
        switch format ?? .text {
        case .markdown: ConsoleText.say(renderer.markdown(plan, updatedText: updated))
        case .text: ConsoleText.say(renderer.text(plan, width: width, updatedText: updated))
        }
    }

    /// The step-by-step prompt on standard input and output; saves when anything changed.
    private func runInterview(
        plan: SafetyPlan, guide: SafetyPlanGuide, store: WaymarkStore, resources: ResourceLocator
    ) throws {
        var interview = SafetyPlanInterview(
            plan: plan, guide: guide,
            serviceSuggestions: Self.serviceSuggestions(try store.settings().nation, resources: resources))
        var turn = interview.opening()
        while true {
            ConsoleText.say(turn.lines)
            guard let question = turn.question else { break }
            ConsoleText.say(question)
            ConsoleText.prompt("> ")
            // End of input finishes the interview, keeping what was added.
            let answer = readLine(strippingNewline: true) ?? "stop"
            turn = interview.answer(answer, at: Date())
            if interview.hasChanges {
                // Save as we go, so closing the terminal part-way loses nothing.
                try store.saveSafetyPlan(interview.plan)
            }
        }
    }

    /// Services to offer in the "professionals and services" section, as display strings.
    ///
    /// From the service directory's crisis route for the person's nation (England when not
    /// set), confirmed or corroborated contacts only; none when the directory can't be read.
    static func serviceSuggestions(_ nation: String?, resources: ResourceLocator) -> [String] {
        guard let directory = try? SafeguardResources.loadDirectory(from: resources) else { return [] }
        let settings = PersonSettings(nation: nation.flatMap(Nation.init(rawValue:)) ?? .england)
        return SafetyPlanSuggestions.services(directory: directory, settings: settings)
    }
}
