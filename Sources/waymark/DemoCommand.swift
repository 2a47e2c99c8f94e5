import ArgumentParser
import ChatCore
import Foundation
import Glibc
import WaymarkReview

/// `waymark demo`: lists the reviewed scenarios, or plays one for clinicians — on the chat
/// screen with the inspector open, or in plain line mode for a projector.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "List the demo scenarios, or play one for clinicians.",
        discussion: """
            With no NAME, lists the scenarios. With NAME, plays it on the chat screen (line mode with \
            --plain or when output is not a terminal) with the \
            inspector open: each message is typed at a readable pace, sent, and answered. Keys: \
            Space pause/resume, n or → next turn now, s skip to the end, Esc or q leave. \
            A scenario's own scripted replies are used when the backend is the built-in listener.
            """
    )

    @Argument(help: "The scenario to play (see the list).")
    var name: String?

    @Flag(help: "Plain line mode for a projector: labelled lines, no screen drawing.")
    var plain = false

    @Flag(help: "Side by side: what the responder alone would have said, and what Waymark shows.")
    var compare = false

    @Option(help: "Milliseconds per typed character (0 types at once).")
    var pace: Int = 25

    @Option(help: "Seconds to wait between turns (default 2.5, or 0 with --pace 0).")
    var pause: Double?

    @Option(
        help: ArgumentHelp(
            "After playing, save the transcript for review (Markdown, or JSON for .json).", valueName: "PATH")
    )
    var export: String?

    @OptionGroup var responderOptions: ResponderOptions

    func validate() throws {
        if pace < 0 { throw ValidationError("--pace must be 0 or more.") }
        if let pause, pause < 0 { throw ValidationError("--pause must be 0 or more.") }
    }

    func run() throws {
        let environment = try PipelineEnvironment.load(options: responderOptions)
        let library = try ScenarioLibrary.load(from: environment.locator)
        for problem in library.problems {
            StandardStreams.complain("waymark demo: \(problem)\n")
        }
        guard let name else {
            emit(Self.listing(library))
            return
        }
        guard let scenario = library.scenario(name) else {
            throw ValidationError(
                "No scenario named \(name). Scenarios: \(library.scenarios.map(\.id).joined(separator: ", "))."
            )
        }
        environment.reportProblems()
        let pacing = DemoPacing(
            perCharacter: .milliseconds(pace),
            betweenTurns: .milliseconds(Int((pause ?? (pace == 0 ? 0 : 2.5)) * 1000)))
        let setup = DemoSetup.make(
            scenario: scenario, environment: environment,
            wordDelay: pace == 0 ? .zero : .milliseconds(40))
        let entries: [TranscriptEntry]
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        if plain || isatty(STDOUT_FILENO) == 0 || isatty(STDIN_FILENO) == 0 || term.isEmpty || term == "dumb"
        {
            entries = DemoPlainPlayer(setup: setup, pacing: pacing, compare: compare, checks: library.checks)
                .play()
        } else {
            let result = try DemoScreen(setup: setup, pacing: pacing, compare: compare).run()
            entries = result.entries
            if result.code != 0 { throw ExitCode(result.code) }
        }
        if let export {
            let header = [
                "scenario": scenario.id, "responder": setup.responderName,
                "nation": setup.person.nation.rawValue,
            ]
            let written = try TranscriptExportWriter.write(
                entries, to: export, header: header, title: "Waymark demo: \(scenario.title)",
                includeOriginals: true)
            StandardStreams.complain("waymark demo: saved to \(written) (readable only by you)\n")
        }
    }

    /// The scenarios: id, title and what each demonstrates.
    static func listing(_ library: ScenarioLibrary) -> String {
        var lines = [
            "Demo scenarios (waymark demo NAME to play one; --plain for a projector; --compare):", "",
        ]
        for scenario in library.scenarios {
            lines.append(
                "\(scenario.id) — \(scenario.title) (\(scenario.turns.count) turns, \(scenario.nation))")
            lines.append("    \(scenario.demonstrates)")
        }
        return lines.joined(separator: "\n")
    }
}

/// How fast a demo plays.
struct DemoPacing: Sendable {
    /// Time per typed character (zero types a message at once).
    var perCharacter: Duration
    /// Time between one turn's reply and the next turn's typing.
    var betweenTurns: Duration
    /// Time between typing a message and sending it.
    var beforeSending: Duration { min(betweenTurns / 4, .milliseconds(800)) }
}
