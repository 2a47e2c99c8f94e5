import ArgumentParser
import ChatCore
import Foundation
import Safeguard

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `waymark assess`: the safeguard alone, for clinicians, researchers and test harnesses.
struct AssessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess",
        abstract: "Assess messages with the safeguard alone (no responder).",
        discussion: """
            Input: one message per line of UTF-8 text (each line a fresh conversation); with \
            --jsonl one JSON object per line with "text" (an "id" is copied to the output); with \
            --conversations one {"id": …, "turns": [{"text": …}, …]} per line, each turn assessed \
            with everything before it. Output: one JSON object per input line, in order \
            (plain input prints JSON when stdout is not a terminal or with --format json). A line \
            that is not valid UTF-8 or not valid JSON gets {"error": …}; the run continues and \
            exits non-zero at the end. A single argument that is not a file is assessed as text \
            and explained in words.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }

    @Flag(help: "Each input line is a JSON object with \"text\" (and optionally \"id\").")
    var jsonl = false

    @Flag(help: "Each input line is a conversation: {\"id\": …, \"turns\": [{\"text\": …}, …]}.")
    var conversations = false

    @Option(help: "Output format for plain input: text or json.")
    var format: Format?

    @Argument(help: "A file (or - for stdin), or one message to assess. Default: stdin.")
    var input: String?

    /// For `waymark-bench` only (hidden): assess with the lexicon and the n-gram model, without
    /// the contextual encoder, to measure the layers that run on every message end to end. Says
    /// so on standard error; never a way to assess people (DECISIONS.md, issue 14).
    @Flag(name: .customLong("bench-without-encoder"), help: .hidden)
    var benchWithoutEncoder = false

    func run() throws {
        if input == nil || input == "-", StandardStreams.inputIsClosed {
            throw AssessFailure("standard input is closed")  // before the slow engine load
        }
        // A person at a terminal is told what to type, and each line is answered at once.
        let typing = (input == nil || input == "-") && isatty(0) != 0
        if benchWithoutEncoder {
            StandardStreams.complain(
                "benchmark mode: the contextual encoder is off; not for assessing people\n")
        }
        if typing {
            StandardStreams.complain(
                "Type a message and press Enter to assess it (each line on its own); Ctrl-D ends.\n"
                    + "For one message: waymark assess \"some text\". More: waymark assess --help\n")
        }
        guard let locator = ResourceLocator.locate() else {
            throw AssessFailure("cannot find the resources folder (set WAYMARK_RESOURCES)")
        }
        let engine: SafeguardEngine
        do {
            if benchWithoutEncoder {
                // The encoder is not loaded at all: its load is not part of what this measures.
                let compiled = try SafeguardLoader.loadCompiled(from: locator)
                engine = SafeguardEngine(lexicon: compiled.lexicon, model: compiled.model)
            } else {
                engine = try SafeguardLoader.loadEngine(from: locator)
            }
        } catch {
            throw AssessFailure("cannot load the safeguard lexicon: \(error)")
        }
        // Conversations are played as the chat plays them: with the policy's plan, so the
        // safety question it asks is remembered (``SafeguardConversation``).
        var policy: SafeguardPolicy?
        if conversations {
            do {
                policy = try SafeguardResources.loadPolicy(from: locator)
            } catch {
                throw AssessFailure("cannot load the safeguard policy: \(error)")
            }
        }
        if let input, input != "-", !jsonl, !conversations, !FileManager.default.fileExists(atPath: input) {
            let assessment = engine.assess(input)
            if format == .json {
                StandardStreams.say(AssessmentJSON.object(assessment, id: nil) + "\n")
            } else {
                StandardStreams.say(AssessmentText.describe(assessment) + "\n")
            }
            return
        }
        // The input is streamed a line at a time (a line is kept up to 1 MB), so its size
        // never decides how much memory the run takes.
        var reader: LineReader
        if let input, input != "-" {
            do {
                reader = try LineReader(path: input)
            } catch {
                throw AssessFailure("cannot read \(input): \(error)")
            }
        } else {
            reader = LineReader(standardInputWithMaxLineBytes: LineReader.defaultMaxLineBytes)
        }
        defer { reader.close() }
        // The options read once: each read of an ArgumentParser property goes through its wrapper.
        let jsonl = self.jsonl
        let conversations = self.conversations
        let json = jsonl || conversations || format == .json || (format == nil && isatty(1) == 0)
        var failed = false
        // One buffered writer: the output is built as UTF-8 bytes and written in blocks.
        var output: [UInt8] = []
        output.reserveCapacity(1 << 17)
        // The engine's working arrays, reused from one message to the next.
        var scratch = AssessScratch()
        func add(_ text: String) {
            output.append(contentsOf: text.utf8)
            output.append(0x0A)
        }
        while true {
            let next: LineReader.Line?
            do {
                next = try reader.next()
            } catch {
                StandardStreams.say(Data(output))
                throw AssessFailure("cannot read \(input ?? "standard input"): \(error)")
            }
            guard let line = next else { break }
            let number = line.number
            let text: String
            if let decoded = String(validating: line.bytes, as: UTF8.self) {
                text = decoded
            } else {
                add(AssessmentJSON.error("line is not valid UTF-8", line: number))
                failed = true
                continue
            }
            let cutNote =
                line.wasCut
                ? "the line is longer than \(reader.maxLineBytes / 1024) KB; only its first \(reader.maxLineBytes / 1024) KB was assessed"
                : nil
            if (conversations || jsonl) && line.wasCut {
                add(
                    AssessmentJSON.error("line is longer than \(reader.maxLineBytes / 1024) KB", line: number)
                )
                failed = true
            } else if (conversations || jsonl) && Self.isBlank(text) {
                // Still one output line per input line, so outputs line up with inputs.
                add(AssessmentJSON.skippedBlank(line: number))
            } else if conversations, let policy {
                add(assessConversation(text, engine: engine, policy: policy, line: number, failed: &failed))
            } else if jsonl {
                assessJSONLine(
                    text, engine: engine, line: number, failed: &failed, to: &output, scratch: &scratch)
                output.append(0x0A)
            } else {
                let bounded = BoundedAssessment.assess(text, engine: engine, scratch: &scratch)
                let note = [cutNote, bounded.note].compactMap { $0 }.joined(separator: "; ")
                if json {
                    add(AssessmentJSON.object(bounded.assessment, id: nil, note: note))
                } else {
                    add(AssessmentText.describe(bounded.assessment, note: note) + "\n")
                }
            }
            if typing || output.count > 1 << 16 {
                StandardStreams.say(Data(output))
                output.removeAll(keepingCapacity: true)
            }
        }
        StandardStreams.say(Data(output))
        if failed { throw ExitCode(1) }
    }

    /// Whether every character of `text` is whitespace. A line with any ASCII byte that is not
    /// whitespace is not blank (that byte starts its character, or follows a prepended mark
    /// that is not whitespace either), which decides almost every line without walking its
    /// characters.
    static func isBlank(_ text: String) -> Bool {
        let decided = text.utf8.contains { $0 < 0x80 && !(0x09...0x0D ~= $0 || $0 == 0x20) }
        return decided ? false : text.allSatisfy(\.isWhitespace)
    }

    private func parseObject(_ text: String) -> [String: Any]? {
        guard !JSONDepth.isTooDeep(text.utf8),
            let object = try? JSONSerialization.jsonObject(
                with: Data(text.utf8), options: [.fragmentsAllowed])
        else { return nil }
        return object as? [String: Any]
    }

    /// Appends the output line (without its newline) for one `--jsonl` input line.
    private func assessJSONLine(
        _ text: String, engine: SafeguardEngine, line: Int, failed: inout Bool, to output: inout [UInt8],
        scratch: inout AssessScratch
    ) {
        // The plain shape of a line is read in one pass and its object written straight into
        // the output; anything else goes through Foundation as before (same errors, same ids).
        if let fields = JSONLineFields.read(text) {
            let bounded = BoundedAssessment.assess(fields.text, engine: engine, scratch: &scratch)
            AssessmentJSON.append(
                bounded.assessment, idJSON: fields.id, note: bounded.note ?? "", to: &output)
            return
        }
        output.append(
            contentsOf: slowJSONLine(text, engine: engine, line: line, failed: &failed, scratch: &scratch)
                .utf8)
    }

    /// The output line for a `--jsonl` line that is not of the plain shape (Foundation reads it).
    private func slowJSONLine(
        _ text: String, engine: SafeguardEngine, line: Int, failed: inout Bool, scratch: inout AssessScratch
    ) -> String {
        guard let object = parseObject(text) else {
            failed = true
            return AssessmentJSON.error("line is not a valid JSON object", line: line)
        }
        guard let message = object["text"] as? String else {
            failed = true
            return AssessmentJSON.error("object has no \"text\" string", id: object["id"], line: line)
        }
        let bounded = BoundedAssessment.assess(message, engine: engine, scratch: &scratch)
        return AssessmentJSON.object(bounded.assessment, id: object["id"], note: bounded.note ?? "")
    }

    private func assessConversation(
        _ text: String, engine: SafeguardEngine, policy: SafeguardPolicy, line: Int, failed: inout Bool
    ) -> String {
        guard let object = parseObject(text) else {
            failed = true
            return AssessmentJSON.error("line is not a valid JSON object", line: line)
        }
        guard let turns = object["turns"] as? [Any] else {
            failed = true
            return AssessmentJSON.error("object has no \"turns\" array", id: object["id"], line: line)
        }
        var conversation = Self.conversation(engine: engine, policy: policy)
        var results: [String] = []
        for turn in turns {
            let message: String
            if let dictionary = turn as? [String: Any], let value = dictionary["text"] as? String {
                message = value
            } else if let value = turn as? String {
                message = value
            } else {
                failed = true
                return AssessmentJSON.error("a turn has no \"text\" string", id: object["id"], line: line)
            }
            let assessment = conversation.take(message, now: Date(), offers: Self.chatOffers).assessment
            let note = BoundedAssessment.note(scalarCount: message.unicodeScalars.count)
            results.append(AssessmentJSON.object(assessment, id: nil, note: note ?? ""))
        }
        var line = "{"
        if let id = object["id"] { line += "\"id\": \(AssessmentJSON.value(id)), " }
        line += "\"turns\": [\(results.joined(separator: ", "))]}"
        return line
    }
}

extension AssessCommand {
    /// What the chat offers after a referral when no safety plan is saved (ConversationSetup).
    static let chatOffers: SupportOffers = [.grounding]

    /// A conversation played as the chat plays it, each turn read in bounded windows.
    static func conversation(engine: SafeguardEngine, policy: SafeguardPolicy) -> SafeguardConversation {
        SafeguardConversation(
            engine: engine, policy: policy, settings: PersonSettings(),
            reading: { text, state in
                let outcome = BoundedAssessment.assess(text, engine: engine, state: state)
                return (outcome.assessment, outcome.state)
            })
    }
}

/// A failure of `waymark assess` before any input is read (printed without the usage text).
struct AssessFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
