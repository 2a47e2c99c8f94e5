import ArgumentParser
import ChatCore
import Foundation
import Safeguard

/// `waymark replay`: the whole pipeline, no screen.
struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Run conversations through the whole pipeline and print the transcript.",
        discussion: """
            FILE has one user message per line (each line its own conversation), or, for a \
            .jsonl file, one conversation per line: {"id": …, "turns": [{"text": …}, …]} \
            (a line with just {"id", "text"} is a one-turn conversation).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, jsonl, markdown
    }

    @Option(help: "Output format: text, jsonl or markdown.")
    var format: Format = .text

    @Option(
        help: ArgumentHelp(
            "Also save each conversation for case review (Markdown, or JSON for .json; several "
                + "conversations get -ID before the extension). Files are new and readable only by you.",
            valueName: "PATH"))
    var export: String?

    @OptionGroup var responderOptions: ResponderOptions

    @Argument(help: "The conversations to replay.")
    var file: String

    func run() async throws {
        let environment = try PipelineEnvironment.load(options: responderOptions)
        environment.reportProblems()
        // Streamed a line at a time (a line is kept up to 1 MB, a turn up to 16,000
        // characters), so the file's size never decides how much memory the run takes.
        var reader: LineReader
        do {
            reader = try LineReader(path: file)
        } catch {
            throw ValidationError("Cannot read \(file): \(error)")
        }
        defer { reader.close() }
        let jsonl = file.hasSuffix(".jsonl")
        var writer = ReplayWriter(format: format)
        var badLines = 0
        var exports: [(id: String, entries: [TranscriptEntry])] = []
        while true {
            let next: LineReader.Line?
            do {
                next = try reader.next()
            } catch {
                writer.finish()
                throw ValidationError("Cannot read \(file): \(error)")
            }
            guard let line = next else { break }
            if line.wasCut {
                StandardStreams.complain(
                    "waymark replay: line \(line.number): longer than \(reader.maxLineBytes / 1024) KB; "
                        + (jsonl ? "skipped\n" : "only its start is replayed\n"))
                if jsonl {
                    badLines += 1
                    continue
                }
            }
            switch ReplayInput.parse(line: Data(line.bytes), number: line.number, jsonl: jsonl) {
            case nil:
                continue
            case .failure(let problem):
                badLines += 1
                StandardStreams.complain("waymark replay: \(problem)\n")
            case .success(let conversation):
                let session = environment.makeSession()
                var entries: [TranscriptEntry] = []
                for (index, turn) in conversation.turns.enumerated() {
                    let (text, wasCut) = ReplayInput.bounded(turn)
                    if wasCut {
                        StandardStreams.complain(
                            "waymark replay: line \(line.number), turn \(index + 1): longer than \(ReplayInput.maxTurnScalars) characters; only the first \(ReplayInput.maxTurnScalars) are replayed\n"
                        )
                    }
                    for await event in session.send(text) {
                        if case .entryAdded(let entry) = event {
                            entries.append(entry)
                        } else if case .entryUpdated(let entry) = event,
                            let index = entries.lastIndex(where: { $0.id == entry.id })
                        {
                            entries[index] = entry
                        }
                    }
                }
                writer.write(conversation: conversation.id, entries: entries)
                if export != nil { exports.append((conversation.id, entries)) }
            }
        }
        writer.finish()
        if let export {
            let header = ["responder": environment.responder.displayName]
            for (id, entries) in exports {
                let path = exports.count == 1 ? export : Self.path(export, id: id)
                do {
                    let written = try TranscriptExportWriter.write(
                        entries, to: path, header: header.merging(["conversation": id]) { $1 },
                        title: "Waymark replay: \(id)", includeOriginals: true)
                    StandardStreams.complain("waymark replay: saved \(written)\n")
                } catch {
                    StandardStreams.complain("waymark replay: \(error)\n")
                    badLines += 1
                }
            }
        }
        if badLines > 0 {
            throw ExitCode(1)
        }
    }

    /// `path` with `-id` before its extension (`out.md` → `out-c1.md`).
    static func path(_ path: String, id: String) -> String {
        let safeID = String(id.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" })
        let url = URL(fileURLWithPath: path)
        let ext = url.pathExtension
        let base = ext.isEmpty ? path : String(path.dropLast(ext.count + 1))
        return base + "-" + safeID + (ext.isEmpty ? "" : "." + ext)
    }
}
