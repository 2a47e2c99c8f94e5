import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The fake OpenAI-compatible server (`Tests/OpenAIResponderTests/Fixtures/fake_openai_server.py`:
/// ordinary and hostile behaviours in one process), run as a child on 127.0.0.1 for the tests
/// and `waymark-bench`. It exits by itself when this process ends (its stdin closes) or after
/// an hour; every response it sends is bounded in time and size.
public final class FixtureServer: Sendable {
    public let port: Int
    /// A port on 127.0.0.1 where nothing listens.
    public let closedPort: Int
    /// "Another host": where the server's redirects point.
    public let otherPort: Int
    private let process: Process
    private let stdinPipe: Pipe

    /// The committed script.
    public static let script = RepositoryPaths.root.appendingPathComponent(
        "Tests/OpenAIResponderTests/Fixtures/fake_openai_server.py")

    /// The server for ordinary behaviours, one for the whole test process, started on first use.
    public static let shared = start()

    /// A second process of the same script for the hostile behaviours: a flood holds Python's
    /// interpreter lock, and must not starve the timed checks of the ordinary behaviours.
    public static let hostile = start()

    private static func start() -> Result<FixtureServer, FixtureServerError> {
        do {
            return .success(try FixtureServer(script: script))
        } catch let error as FixtureServerError {
            return .failure(error)
        } catch {
            return .failure(FixtureServerError(description: "\(error)"))
        }
    }

    /// The base URL for a behaviour (see the script's docstring).
    public func baseURL(_ mode: String) -> URL {
        URL(string: "http://127.0.0.1:\(port)/\(mode)/v1") ?? URL(fileURLWithPath: "/")
    }

    /// The server's counters: `pinging_open`, `flood_open`, `other_hits`, `other_with_key`.
    public func stats() async throws -> [String: Int] {
        let url = URL(string: "http://127.0.0.1:\(port)/stats") ?? URL(fileURLWithPath: "/")
        let (data, _) = try await URLSession.shared.data(from: url)
        return (try JSONSerialization.jsonObject(with: data) as? [String: Int]) ?? [:]
    }

    /// Start `script` and read its one line, "PORT <port> CLOSED <port> OTHER <port>".
    public init(script: URL) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path]
        stdinPipe = Pipe()
        let stdoutPipe = Pipe()
        process.standardInput = stdinPipe
        process.standardOutput = stdoutPipe
        try process.run()
        var line = Data()
        for _ in 0..<200 {  // a bounded read
            let byte = stdoutPipe.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty || byte == Data("\n".utf8) { break }
            line.append(byte)
        }
        let words = String(decoding: line, as: UTF8.self).split(separator: " ")
        guard words.count == 6, let port = Int(words[1]), let closed = Int(words[3]),
            let other = Int(words[5])
        else {
            throw FixtureServerError(
                description: "the fake server did not start: \(String(decoding: line, as: UTF8.self))")
        }
        self.port = port
        self.closedPort = closed
        self.otherPort = other
    }
}

/// Why the fake server could not start.
public struct FixtureServerError: Error, CustomStringConvertible {
    public var description: String

    public init(description: String) {
        self.description = description
    }
}

/// Nothing a terminal would act on: no ESC, no C0 or C1 controls (newlines only when
/// `allowingNewlines`), no bidirectional controls, no line or paragraph separators. For the
/// hostile-input tests (issue 13).
public func isInertText(_ text: String, allowingNewlines: Bool = false) -> Bool {
    !text.unicodeScalars.contains { scalar in
        let v = scalar.value
        return (v < 0x20 && !(allowingNewlines && v == 0x0A)) || (0x7F...0x9F).contains(v)
            || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
            || [0x200E, 0x200F, 0x061C, 0x2028, 0x2029].contains(v)
    }
}
