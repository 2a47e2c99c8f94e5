import Safeguard
import ArgumentParser
import ChatCore
import Foundation
import WaymarkReview

extension ScorecardFormat: ExpressibleByArgument {}

/// `waymark eval FILE`: runs a labelled set through the whole pipeline and prints the
/// scorecard by phase (triggering, framing, referral, after).
struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score the safeguard on a labelled JSONL set, phase by phase.",
        discussion: """
            FILE uses the shared evaluation formats: one message per line ({"id", "text", "level", \
            "categories", "subject", "tags"}) or one conversation per line ({"id", "turns": [...]}, \
            detected automatically). Every item runs through the whole turn pipeline.

            The triggering figures are exactly those of the shared score.py: in the text format each \
            is an unindented "name: value" line, so `grep -E '^[a-z0-9_]+: '` diffs against score.py. \
            Then recall and false alarms per level, category and tag, a confusion matrix, and the \
            framing, referral and after checks (phrase lists and service table in resources/review/).

            --format html writes a self-contained page (inline CSS and SVG, no scripts, no network). \
            Reports contain message text: --output files are created with mode 0600.

            --scenarios runs every demo scenario as a labelled conversation and adds a check that \
            each turn behaves as its scenario expects (message kind, services).

            Lines that are not valid JSON or not valid items are reported on stderr; the run \
            continues and exits 1 at the end.
            """
    )

    @Argument(help: "Labelled JSONL file (messages or conversations).")
    var file: String?

    @Flag(
        help:
            "Score the demo scenarios (resources/scenarios) instead of a file, each turn against its expectations."
    )
    var scenarios = false

    @Flag(help: "Read FILE as conversations (normally detected from the first line).")
    var conversations = false

    @Option(help: "Report format.")
    var format: ScorecardFormat = .text

    @Option(
        help: ArgumentHelp(
            "Write the report to PATH (mode 0600) instead of standard output.", valueName: "path"))
    var output: String?

    @Flag(help: "List every missed or over-called turn with the safeguard's explanation.")
    var misses = false

    @OptionGroup var responderOptions: ResponderOptions

    func validate() throws {
        if scenarios == (file != nil) {
            throw ValidationError("give either FILE or --scenarios")
        }
    }

    func run() async throws {
        let resources = ResourceLocator.locate()
        var items: [EvalItem]
        var isConversations: Bool
        var invalidLines: [EvalFile.InvalidLine] = []
        var library: ScenarioLibrary?
        let source: String
        if let file {
            let url = URL(fileURLWithPath: file)
            let data: Data
            do {
                data = try LineReader.readAll(path: file)
            } catch {
                throw ValidationError("cannot read \(file): \(error)")
            }
            let evalFile = EvalFile.decode(data, conversations: conversations ? true : nil)
            for invalid in evalFile.invalidLines {
                StandardStreams.complain("waymark eval: \(file): \(invalid)\n")
            }
            (items, isConversations, invalidLines) = (
                evalFile.items, evalFile.isConversations, evalFile.invalidLines
            )
            source = url.lastPathComponent
        } else {
            guard let resources else { throw ValidationError("resources/ not found: no scenarios to run") }
            let loaded = try ScenarioLibrary.load(from: resources)
            for problem in loaded.problems {
                StandardStreams.complain("waymark eval: scenario \(problem)\n")
            }
            (items, isConversations, library) = (loaded.evalItems, true, loaded)
            source = "demo scenarios"
            if !loaded.problems.isEmpty {
                invalidLines.append(EvalFile.InvalidLine(line: 0, reason: "scenario"))
            }
        }
        let environment = try PipelineEnvironment.load(options: responderOptions)
        environment.reportProblems()
        let (records, replies) = try await runPipeline(items: items, environment: environment)
        var reference: ReviewReference?
        if let resources {
            do {
                reference = try ReviewReference.load(from: resources)
            } catch {
                StandardStreams.complain(
                    "waymark eval: review data unreadable (\(error)); framing/referral/after skipped\n")
            }
        } else {
            StandardStreams.complain(
                "waymark eval: resources/ not found; framing/referral/after checks skipped\n")
        }
        let card = Scorecard.compute(
            records: records, conversations: isConversations, reference: reference, scenarios: library)
        let renderer = ScorecardRenderer(
            source: source, includeMisses: misses, failuresPerCheck: misses ? Int.max : 5)
        // Misses quote the set's messages and ids: shown free of control sequences.
        let report = ExternalText.shown(renderer.render(card, format: format))
        if let output {
            // The same rules as exports: a new file only (never overwritten, never through a
            // link, never a FIFO that would block), readable only by its owner.
            do {
                try TranscriptExportWriter.createPrivate(Data(report.utf8), at: output)
            } catch {
                throw ValidationError("\(error)")
            }
        } else {
            StandardStreams.say(Data(report.utf8))
        }
        if items.isEmpty {
            StandardStreams.complain("waymark eval: the input has no items to score\n")
            throw ExitCode(1)
        }
        if replies.asked > 0, replies.failed == replies.asked {
            StandardStreams.complain(
                "waymark eval: every one of the \(replies.asked) replies failed (see the notices above); the scores say nothing about the backend\n"
            )
            throw ExitCode(1)
        }
        if !invalidLines.isEmpty {
            throw ExitCode(1)
        }
    }
}
