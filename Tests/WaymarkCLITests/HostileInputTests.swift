import Foundation
import Testing
import WaymarkTesting
import WaymarkTestTraits

/// Issue 13 on the real binary: broken pipes and closed descriptors end quietly, outside text
/// is filtered before it is shown, a mistyped --base-url stops the run, and credentials in a
/// base URL are masked. Each test fails on the code before the fix.
@Suite(
    .ownThread, .enabled(if: DemoCommandTests.binaryExists, "needs swift build"), .timeLimit(.minutes(3)),
    .serialized)
struct HostileInputTests {
    /// Runs `script` with bash (`$W` is the binary, `$D` a fresh folder); returns the status
    /// and what bash itself wrote to stdout and stderr. It waits synchronously: the suites run
    /// each test on a thread of its own (`.ownThread`), so the shared pool is not held.
    static func bash(_ script: String, files: [String: Data] = [:]) throws -> (
        status: Int32, stdout: String, stderr: String
    ) {
        let folder = try DemoCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, data) in files { try data.write(to: folder.appendingPathComponent(name)) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = folder
        process.environment = [
            "PATH": "/usr/bin:/bin", "HOME": folder.path, "XDG_CONFIG_HOME": folder.path + "/config",
            "WAYMARK_RESOURCES": RepositoryPaths.resources.path, "W": TmuxHarness.binary, "D": folder.path,
        ]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both to the end (what reaches bash's own streams here is small), then reap.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: stdout, as: UTF8.self),
            String(decoding: stderr, as: UTF8.self)
        )
    }

    /// Lines whose output is far larger than a pipe holds (about 200 KB for replay, which is
    /// slow per conversation, and 300 KB for assess).
    static let manyLines = Data(
        ((0..<20).map { "line \($0): " + String(repeating: "the walk home was nice today ", count: 90) }
            + (0..<3000).map { "line \($0): had a long day at work but the walk home was nice" })
            .joined(separator: "\n").utf8)

    static let hostile =
        "look \u{1B}]52;c;SGFja2Vk\u{07}\u{1B}[2J \u{202E}gnirts desrever\u{202C} \u{200F}\u{061C}\u{2028}end"

    // MARK: 4. Broken pipes and closed descriptors

    @Test(arguments: ["replay --format jsonl", "assess --format json"])
    func aReaderThatGoesAwayEndsTheRunQuietlyWith141(command: String) async throws {
        let result = try Self.bash(
            "\"$W\" \(command) lines.txt | head -2 >/dev/null; exit ${PIPESTATUS[0]}",
            files: ["lines.txt": Self.manyLines])
        #expect(result.status == 141)
        #expect(result.stderr.isEmpty, "\(result.stderr)")
    }

    @Test(arguments: ["replay", "assess --format json"])
    func aClosedStandardOutputIsOneLineNotACrash(command: String) async throws {
        let result = try Self.bash(
            "\"$W\" \(command) lines.txt >&-", files: ["lines.txt": Data("hello there\n".utf8)])
        #expect(result.status == 1)
        #expect(result.stderr.contains("standard output is closed"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    }

    @Test func aClosedStandardInputIsOneLineForAssess() async throws {
        let result = try Self.bash("\"$W\" assess --format json <&-")
        #expect(result.status != 0 && result.status != 132 && result.status < 128)
        #expect(result.stderr.contains("standard input is closed"), "\(result.stderr)")
    }

    @Test func replayWithAClosedStandardInputStillRuns() async throws {
        let result = try Self.bash(
            "\"$W\" replay --format jsonl lines.txt <&-", files: ["lines.txt": Data("hello there\n".utf8)])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"role\": \"user\""))
    }

    // MARK: 3. Outside text is filtered before it is shown

    @Test(arguments: ["text", "markdown"])
    func replayEchoesThePersonsTextAndIDsFiltered(format: String) async throws {
        let id = Self.jsonString("c\u{1B}[2J1\u{202E}")
        let line = "{\"id\": \(id), \"text\": \(Self.jsonString(Self.hostile))}\n"
        let result = try Self.bash(
            "\"$W\" replay --format \(format) chats.jsonl", files: ["chats.jsonl": Data(line.utf8)])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("gnirts desrever"))
        #expect(isInertText(result.stdout, allowingNewlines: true), "\(result.stdout.debugDescription)")
    }

    @Test func theMarkdownExportIsFiltered() async throws {
        let id = Self.jsonString("x\u{1B}]0;title\u{07}")
        let line = "{\"id\": \(id), \"text\": \(Self.jsonString(Self.hostile))}\n"
        let result = try Self.bash(
            "\"$W\" replay --format jsonl --export case.md chats.jsonl >/dev/null && cat case.md",
            files: ["chats.jsonl": Data(line.utf8)])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("gnirts desrever"))
        #expect(isInertText(result.stdout, allowingNewlines: true), "\(result.stdout.debugDescription)")
    }

    @Test func assessTextSpansAreFiltered() async throws {
        let text = "i want to \u{1B}[31mdie\u{1B}[0m tonight \u{202E}gnirts desrever"
        let result = try Self.bash(
            "\"$W\" assess --format text in.txt", files: ["in.txt": Data((text + "\n").utf8)])
        #expect(result.stdout.contains("level:"))
        #expect(isInertText(result.stdout, allowingNewlines: true), "\(result.stdout.debugDescription)")
    }

    // MARK: 10. A mistyped --base-url stops the run

    @Test func aMistypedBaseURLFlagStopsTheRun() async throws {
        let result = try Self.bash(
            "\"$W\" replay --backend openai --base-url 'htp//127.0.0.1:8080/v1' lines.txt",
            files: ["lines.txt": Data("hello there\n".utf8)])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--base-url"), "\(result.stderr)")
        #expect(!result.stdout.contains("hello there"))
    }

    // MARK: 11. Credentials in the base URL are masked

    @Test func credentialsInTheBaseURLAreMaskedByConfig() async throws {
        let shown = try Self.bash("\"$W\" config --base-url 'http://someone:pa55word@127.0.0.1:9/v1'")
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("***@127.0.0.1:9/v1"))
        #expect(!shown.stdout.contains("pa55word") && !shown.stderr.contains("pa55word"))
        let environment = try Self.bash(
            "WAYMARK_OPENAI_BASE_URL='ftp://someone:pa55word@127.0.0.1:9/v1' \"$W\" config")
        #expect(!environment.stdout.contains("pa55word") && !environment.stderr.contains("pa55word"))
    }

    private static func jsonString(_ text: String) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: [text])) ?? Data("[\"\"]".utf8)
        return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
    }
}

/// The rest of issue 13's list for `assess` and `eval`.
@Suite(
    .ownThread, .enabled(if: DemoCommandTests.binaryExists, "needs swift build"), .timeLimit(.minutes(3)),
    .serialized)
struct HostileInputMoreTests {
    @Test func evalMissesQuoteTheSetFiltered() async throws {
        // A crisis message labelled "none": an over-call, listed with its text by --misses.
        let item =
            "{\"id\": \"m\\u001b[2J1\", \"text\": \"i want to kill myself tonight \\u001b]52;c;SGk=\\u0007 \\u202egnirts desrever\", "
            + "\"level\": \"none\", \"categories\": [], \"subject\": \"none\"}\n"
        let result = try HostileInputTests.bash(
            "\"$W\" eval --misses set.jsonl", files: ["set.jsonl": Data(item.utf8)])
        #expect(result.stdout.contains("gnirts desrever"), "\(result.stdout)")
        #expect(isInertText(result.stdout, allowingNewlines: true), "\(result.stdout.debugDescription)")
    }

    @Test func assessJSONLinesKeepsOneOutputLinePerInputLineWithLineNumbers() async throws {
        let input = "{\"text\": \"hello\"}\n\n{\"text\": oops}\n   \n{\"id\": 5, \"text\": \"bye\"}\n"
        let result = try HostileInputTests.bash(
            "\"$W\" assess --jsonl in.jsonl", files: ["in.jsonl": Data(input.utf8)])
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 5, "\(result.stdout)")
        #expect(result.status == 1)
        #expect(lines.count == 5 && lines[1].contains("\"line\": 2") && lines[1].contains("skipped"))
        #expect(lines.count == 5 && lines[2].contains("\"line\": 3") && lines[2].contains("error"))
        #expect(lines.count == 5 && lines[4].contains("\"id\": 5"))
    }
}

/// Issue 13 #6 and the fuzz test: `assess` and `replay` stream their input and bound the
/// work per message, whatever the file holds. Memory is measured (the child's peak resident
/// size, from `getrusage` in a fresh Python parent), never time.
@Suite(
    .ownThread, .enabled(if: DemoCommandTests.binaryExists, "needs swift build"), .timeLimit(.minutes(5)),
    .serialized)
struct HostileInputSizeTests {
    /// Runs `waymark ARGS` under a Python parent that prints the child's peak RSS in KB on its
    /// last stderr line.
    static func measured(_ arguments: String, files: [String: Data]) throws -> (
        status: Int32, stdout: String, stderr: String, peakKB: Int
    ) {
        let script =
            "python3 -c 'import resource,subprocess,sys; r=subprocess.run(sys.argv[1:]).returncode; "
            + "sys.stderr.write(\"\\nPEAK %d\\n\" % resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(r)' "
            + "\"$W\" \(arguments)"
        let result = try HostileInputTests.bash(script, files: files)
        let peak =
            result.stderr.split(separator: "\n").last { $0.hasPrefix("PEAK ") }
            .flatMap { Int($0.dropFirst(5)) } ?? Int.max
        return (result.status, result.stdout, result.stderr, peak)
    }

    /// 50 MB on one line (what made `assess` peak at 1.5–2 GB).
    static let hugeLine: Data = {
        var data = Data(capacity: 50 << 20)
        let piece = Data("had a long day but the walk home was nice ".utf8)
        while data.count < 50 << 20 { data.append(piece) }
        data.append(Data("i want to end my life tonight\n".utf8))
        return data
    }()

    @Test func assessOnAHugeSingleLineStaysSmallAndSaysWhatWasCut() async throws {
        let result = try Self.measured(
            "assess --format json huge.txt", files: ["huge.txt": Self.hugeLine])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(result.stdout.contains("\"note\""))
        #expect(result.stdout.contains("only its first 1024 KB"))
        #expect(result.peakKB < 600 * 1024, "peak \(result.peakKB) KB")
    }

    @Test func replayOnAHugeSingleLineStaysSmallAndSaysWhatWasCut() async throws {
        let result = try Self.measured(
            "replay --format jsonl huge.txt", files: ["huge.txt": Self.hugeLine])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("only its start is replayed"))
        #expect(result.stderr.contains("only the first 16000"))
        #expect(result.peakKB < 600 * 1024, "peak \(result.peakKB) KB")
    }

    /// Seeded random lines: bytes, escapes, deep nesting, long lines, broken UTF-8.
    static func fuzzLines(seed: UInt64, count: Int) -> [Data] {
        var generator = SeededGenerator(seed: seed)
        var lines: [Data] = []
        for index in 0..<count {
            switch index % 6 {
            case 0:
                lines.append(
                    Data(
                        (0..<Int.random(in: 1...300, using: &generator)).map { _ in
                            var byte = UInt8.random(in: 0...255, using: &generator)
                            if byte == 0x0A { byte = 0x20 }
                            return byte
                        }))
            case 1:
                lines.append(
                    Data("{\"id\": \"e\\u001b[2J\", \"text\": \"\\u001b]52;c;SGk=\\u0007 hi \\u202e\"}".utf8))
            case 2:
                lines.append(
                    Data(
                        (String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8
                    ))
            case 3:
                lines.append(
                    Data(
                        ("{\"text\": " + String(repeating: "{\"a\": ", count: 50_000) + "1"
                            + String(repeating: "}", count: 50_000) + "}").utf8))
            case 4:
                lines.append(Data(("{\"text\": \"" + String(repeating: "sad ", count: 600_000) + "\"}").utf8))
            default:
                lines.append(Data([0x7B, 0x22, 0xFF, 0xFE, 0xC3, 0x28, 0x22, 0x7D]))
            }
        }
        return lines
    }

    @Test func fuzzedJSONLinesNeverCrashAssessAndKeepOneLinePerInputLine() async throws {
        let lines = Self.fuzzLines(seed: 13, count: 24)
        let input = lines.reduce(into: Data()) {
            $0.append($1); $0.append(0x0A)
        }
        let result = try Self.measured("assess --jsonl fuzz.jsonl", files: ["fuzz.jsonl": input])
        #expect(result.status == 0 || result.status == 1, "\(result.stderr)")
        #expect(
            result.stdout.split(separator: "\n", omittingEmptySubsequences: false).count == lines.count + 1)
        #expect(isInertText(result.stdout, allowingNewlines: true))
        #expect(result.peakKB < 600 * 1024, "peak \(result.peakKB) KB")
    }

    @Test func fuzzedLinesNeverCrashReplay() async throws {
        let lines = Self.fuzzLines(seed: 7, count: 12)
        let input = lines.reduce(into: Data()) {
            $0.append($1); $0.append(0x0A)
        }
        let result = try Self.measured("replay --format text fuzz.jsonl", files: ["fuzz.jsonl": input])
        #expect(result.status == 0 || result.status == 1, "\(result.stderr)")
        #expect(isInertText(result.stdout, allowingNewlines: true))
        #expect(result.peakKB < 600 * 1024, "peak \(result.peakKB) KB")
    }
}

/// The rest of issue 13's smaller list for `eval`.
@Suite(
    .ownThread, .enabled(if: DemoCommandTests.binaryExists, "needs swift build"), .timeLimit(.minutes(3)),
    .serialized)
struct HostileEvalTests {
    static let item = Data(
        "{\"id\": \"a\", \"text\": \"had a nice walk\", \"level\": \"none\", \"categories\": [], \"subject\": \"none\"}\n"
            .utf8)

    @Test func evalOutputNeverOverwritesOrFollowsALink() async throws {
        let result = try HostileInputTests.bash(
            "echo keep > mine.txt; ln mine.txt hard.txt; mkfifo pipe;"
                + " \"$W\" eval --output hard.txt set.jsonl; a=$?; \"$W\" eval --output pipe set.jsonl; b=$?;"
                + " cat mine.txt; echo \"$a $b\"",
            files: ["set.jsonl": Self.item])
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first == "keep", "\(result.stdout)")
        let statuses = (lines.last ?? "").split(separator: " ").compactMap { Int($0) }
        #expect(statuses.count == 2 && !statuses.contains(0), "\(result.stdout) \(result.stderr)")
    }

    @Test func evalOnAnEmptySetOrAFolderFailsSayingWhy() async throws {
        let empty = try HostileInputTests.bash(
            "\"$W\" eval empty.jsonl", files: ["empty.jsonl": Data()])
        #expect(empty.status != 0)
        #expect(empty.stderr.contains("no items"), "\(empty.stderr)")
        let folder = try HostileInputTests.bash("mkdir sets; \"$W\" eval sets")
        #expect(folder.status != 0)
        #expect(folder.stderr.contains("folder"), "\(folder.stderr)")
        #expect(!folder.stderr.contains("NSCocoaErrorDomain"))
    }
}
