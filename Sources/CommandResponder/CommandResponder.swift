import ChatCore
import Foundation
import Safeguard
import Subprocess

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A responder that runs any program and talks JSON lines with it (see
/// `docs/COMMAND-BACKEND.md`): one request line `{"messages": […], "guidance": {…}}` on its
/// standard input, then `{"delta": "…"}` lines, ending with `{"done": true}` (or
/// `{"error": "…"}`), on its standard output. One process per reply.
///
/// Spawned with swift-subprocess: `Foundation.Process` started from async code on Linux
/// hands the child a blocked signal mask. A program that exits early, prints something
/// else or falls silent becomes one ``ResponderFailure``; cancelling the consuming task
/// kills the program.
///
/// The program runs in its own process group, and the whole group is ended with it (so its
/// children never outlive it), with a cleaned environment (see
/// ``Configuration/programEnvironment(from:)``). Its output is bounded: line length, reply
/// size and total time.
public struct CommandResponder: Responder {
    /// Which program to run and how long to wait for it.
    public let configuration: Configuration
    /// Waymark's standing system prompt, passed to the program as `"system"` when set.
    public let systemPrompt: String?
    /// Where the variables passed to the program are read.
    private let environment: [String: String]

    public init(
        configuration: Configuration, systemPrompt: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.configuration = configuration
        self.systemPrompt = systemPrompt
        self.environment = environment
        Self.ignoreBrokenPipes()
    }

    public var displayName: String {
        configuration.displayName ?? configuration.programName
    }

    public func respond(to request: ChatRequest) -> AsyncThrowingStream<ResponseEvent, any Error> {
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: ResponseEvent.self)
        let task = Task {
            do {
                try await converse(about: request, output: continuation)
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }

    /// The request line written to the program for `request` (JSON, one line, with `\n`).
    public func requestLine(for request: ChatRequest) throws -> [UInt8] {
        let line = CommandRequestLine(
            messages: request.messages, guidance: request.guidance, system: systemPrompt)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(line)) + [0x0A]
    }

    // MARK: - Talking to the program

    /// How the program's output ended.
    private enum Ending: Sendable {
        case done
        case endOfOutput
    }

    /// What each concurrent part of the exchange reports.
    private enum PartResult: Sendable {
        case standardErrorTail([UInt8])
        case watchdogStood
    }

    private func converse(
        about request: ChatRequest, output: AsyncThrowingStream<ResponseEvent, any Error>.Continuation
    ) async throws {
        guard let program = configuration.argv.first, !program.isEmpty else {
            throw ResponderFailure.noProgram()
        }
        let name = configuration.programName
        let line = try requestLine(for: request)
        let reaped = CompletionFlag()
        let result: ExecutionResult<(Ending, [UInt8]), SequenceOutput, SequenceOutput>
        // A name with a slash is a path, used as it is; a bare name is looked up on PATH.
        let executable: Executable = program.contains("/") ? .path(.init(program)) : .name(program)
        var environmentValues: [Environment.Key: String] = [:]
        for (name, value) in configuration.programEnvironment(from: environment) {
            if let key = Environment.Key(rawValue: name) { environmentValues[key] = value }
        }
        var platformOptions = PlatformOptions()
        platformOptions.processGroupID = 0  // its own group, so the group can be ended
        do {
            result = try await run(
                executable, arguments: Arguments(Array(configuration.argv.dropFirst())),
                environment: .custom(environmentValues), platformOptions: platformOptions,
                input: .inputWriter, output: .sequence, error: .sequence
            ) { execution in
                try await exchange(with: execution, line: line, output: output, reaped: reaped)
            }
            reaped.set()
            // Anything the program started and left behind goes with it.
            kill(-result.processIdentifier.value, SIGKILL)
        } catch let failure as ResponderFailure {
            reaped.set()
            throw failure
        } catch let error as SubprocessError {
            reaped.set()
            if Task.isCancelled { throw CancellationError() }
            if error.code == .executableNotFound || error.code == .spawnFailed {
                throw ResponderFailure.programNotFound(program)
            }
            throw ResponderFailure.programIOFailed(name)
        } catch {
            reaped.set()
            if Task.isCancelled { throw CancellationError() }
            throw error
        }
        try Task.checkCancellation()
        let (ending, standardError) = result.closureResult
        if case .done = ending { return }
        let status: String
        switch result.terminationStatus {
        case .exited(let code):
            status = code == 0 ? "exited" : "exited with status \(code)"
        case .signaled(let signal):
            status = "was stopped by signal \(signal)"
        }
        throw ResponderFailure.programExited(
            name, status: status, stderrLine: Self.lastLine(of: standardError))
    }

    private func exchange(
        with execution: Execution<CustomWriteInput, SequenceOutput, SequenceOutput>, line: [UInt8],
        output: AsyncThrowingStream<ResponseEvent, any Error>.Continuation, reaped: CompletionFlag
    ) async throws -> (Ending, [UInt8]) {
        let pid = execution.processIdentifier.value
        /// Ends the program and everything it started (its process group).
        let endGroup: @Sendable () -> Void = {
            kill(-pid, SIGKILL)
            kill(pid, SIGKILL)
        }
        return try await withTaskCancellationHandler {
            try await exchangeParts(
                with: execution, line: line, output: output, reaped: reaped, endGroup: endGroup)
        } onCancel: {
            endGroup()
        }
    }

    private func exchangeParts(
        with execution: Execution<CustomWriteInput, SequenceOutput, SequenceOutput>, line: [UInt8],
        output: AsyncThrowingStream<ResponseEvent, any Error>.Continuation, reaped: CompletionFlag,
        endGroup: @escaping @Sendable () -> Void
    ) async throws -> (Ending, [UInt8]) {
        let name = configuration.programName
        let deadline = OutputDeadline(
            firstOutput: configuration.firstOutputTimeout, idle: configuration.idleTimeout,
            total: configuration.totalTimeout)
        let firstOutputTimeout = configuration.firstOutputTimeout
        let idleTimeout = configuration.idleTimeout
        let totalTimeout = configuration.totalTimeout
        let maxReplyBytes = configuration.maxReplyBytes

        return try await withThrowingTaskGroup(of: PartResult.self) { group in
            group.addTask {
                var tail: [UInt8] = []
                for try await buffer in execution.standardError {
                    buffer.withUnsafeBytes { tail.append(contentsOf: $0) }
                    if tail.count > 4096 { tail.removeFirst(tail.count - 2048) }
                }
                return .standardErrorTail(tail)
            }
            group.addTask {
                switch await deadline.waitForExpiry() {
                case nil:
                    return .watchdogStood
                case .total:
                    endGroup()
                    throw ResponderFailure.programTookTooLong(name, seconds: totalTimeout)
                case .idle:
                    endGroup()
                    throw ResponderFailure.programSilent(name, seconds: idleTimeout, started: true)
                case .firstOutput:
                    endGroup()
                    throw ResponderFailure.programSilent(name, seconds: firstOutputTimeout, started: false)
                }
            }

            // A program that exits without reading its input makes this write fail: the exit
            // status then tells the story.
            _ = try? await execution.standardInputWriter.write(line)
            try? await execution.standardInputWriter.finish()

            var ending = Ending.endOfOutput
            var replyBytes = 0
            let lines = execution.standardOutput.strings(
                separatedBy: .unicodeScalarSequence(["\n"]),
                bufferingPolicy: .maxLineLength(configuration.maxLineBytes))
            do {
                reading: for try await text in lines {
                    // A cancelled reply (/quit, Esc) stops here, not after a flood of lines.
                    try Task.checkCancellation()
                    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
                    if trimmed.isEmpty { continue }
                    guard
                        let reply = try? JSONDecoder().decode(CommandReplyLine.self, from: Data(trimmed.utf8))
                    else {
                        endGroup()
                        throw ResponderFailure.programGarbage(name)
                    }
                    if let error = reply.error {
                        endGroup()
                        throw ResponderFailure.programReportedError(name, Self.shortened(error))
                    }
                    if let delta = reply.delta, !delta.isEmpty {
                        replyBytes += delta.utf8.count
                        if replyBytes > maxReplyBytes {
                            endGroup()
                            throw ResponderFailure.programReplyTooLong(name, limit: maxReplyBytes)
                        }
                        // Only words restart the idle deadline (not blank or empty lines).
                        deadline.noteOutput()
                        output.yield(.delta(delta))
                    }
                    if reply.done == true {
                        guard replyBytes > 0 else {
                            endGroup()
                            throw ResponderFailure.programEmptyReply(name)
                        }
                        ending = .done
                        break reading
                    }
                }
            } catch let failure as ResponderFailure {
                deadline.finish()
                throw failure
            } catch is CancellationError {
                endGroup()
                deadline.finish()
                throw CancellationError()
            } catch let error as SubprocessError where error.code == .outputLimitExceeded {
                endGroup()
                deadline.finish()
                throw ResponderFailure.programLineTooLong(name, limit: configuration.maxLineBytes)
            } catch {
                endGroup()
                deadline.finish()
                throw ResponderFailure.programGarbage(name)
            }
            deadline.finish()

            // The reply is complete (or the output ended): a program that lingers, and
            // anything it started, get a short grace period, then the group is ended.
            if case .done = ending {
                output.yield(.done)
                output.finish()
            }
            Task {
                try? await Task.sleep(for: .seconds(2))
                if !reaped.isSet() { endGroup() }
            }

            var standardError: [UInt8] = []
            for try await part in group {
                if case .standardErrorTail(let tail) = part { standardError = tail }
            }
            return (ending, standardError)
        }
    }

    private static func lastLine(of bytes: [UInt8]) -> String? {
        let text = String(decoding: bytes, as: UTF8.self)
        guard
            let line = text.split(whereSeparator: \.isNewline).last(where: { !$0.allSatisfy(\.isWhitespace) })
        else { return nil }
        return shortened(String(line))
    }

    /// One line, at most 160 characters, free of control sequences (``ExternalText``).
    private static func shortened(_ text: String) -> String {
        ExternalText.quoted(text)
    }

    /// Writing to a program that already exited must fail with `EPIPE`, not kill Waymark
    /// with `SIGPIPE` (swift-subprocess does not ignore it).
    private static func ignoreBrokenPipes() {
        _ = brokenPipesIgnored
    }

    private static let brokenPipesIgnored: Bool = {
        signal(SIGPIPE, SIG_IGN)
        return true
    }()
}
