import ArgumentParser
import ChatCore
import Foundation
import Safeguard

/// `waymark resources`: the UK service directory as the app shows it.
struct ResourcesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resources",
        abstract: "List the UK support services Waymark shows, with how to reach them and hours.",
        discussion: """
            Only confirmed or corroborated details are shown; hours that could not be confirmed \
            read "check the website". "Open now" is computed in UK time (Europe/London). \
            In danger now: call 999. Samaritans: 116 123 (free, 24/7).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(help: "Only services for this nation: england, scotland, wales, northern-ireland.")
    var nation: String?

    @Option(help: "Only services matched for this topic (a safeguard category, e.g. self_harm, abuse).")
    var topic: String?

    @Flag(help: "Only services open now (UK time).")
    var openNow = false

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Option(help: ArgumentHelp("Use this time (ISO 8601) instead of now.", visibility: .hidden))
    var at: String?

    func validate() throws {
        if let nation, Nation(rawValue: nation) == nil {
            throw ValidationError(
                "Unknown nation '\(nation)'. Use england, scotland, wales or northern-ireland.")
        }
        if let topic, RiskCategory(rawValue: topic) == nil {
            let all = RiskCategory.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("Unknown topic '\(topic)'. Use one of: \(all).")
        }
        if let at, ISO8601DateFormatter().date(from: at) == nil {
            throw ValidationError("--at must be an ISO 8601 time such as 2026-11-22T21:30:00Z.")
        }
    }

    func run() throws {
        guard let locator = ResourceLocator.locate() else {
            throw ValidationError("Waymark's resources folder was not found (set WAYMARK_RESOURCES).")
        }
        let directory = try SafeguardResources.loadDirectory(from: locator)
        let now = at.flatMap { ISO8601DateFormatter().date(from: $0) } ?? Date()
        let nationFilter = nation.flatMap(Nation.init(rawValue:))
        let topicFilter = topic.flatMap(RiskCategory.init(rawValue:))
        var services = directory.services(nation: nationFilter, topic: topicFilter)
            .filter { !$0.displayedChannels.isEmpty }
        if openNow { services = services.filter { $0.isOpen(at: now) == true } }
        let listing = ResourcesListing(
            directory: directory, services: services, nation: nationFilter, now: now)
        switch format {
        case .text: StandardStreams.say(listing.text())
        case .json: StandardStreams.say(try listing.json() + "\n")
        }
    }
}
