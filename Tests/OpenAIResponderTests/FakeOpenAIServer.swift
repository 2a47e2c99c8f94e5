import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

#if canImport(Glibc)
    import Glibc
#endif

/// The fake OpenAI-compatible server (`Fixtures/fake_openai_server.py`), started once per
/// test process on 127.0.0.1. It exits by itself when this process ends (its stdin closes).
final class FakeOpenAIServer: Sendable {
    let port: Int
    /// A port on 127.0.0.1 where nothing listens.
    let closedPort: Int
    private let process: Process
    private let stdinPipe: Pipe

    static let shared: Result<FakeOpenAIServer, FakeServerError> = {
        do {
            return .success(try FakeOpenAIServer())
        } catch let error as FakeServerError {
            return .failure(error)
        } catch {
            return .failure(FakeServerError(description: "\(error)"))
        }
    }()

    /// The base URL for a behaviour (see the script's docstring).
    func baseURL(_ mode: String) -> URL {
        URL(string: "http://127.0.0.1:\(port)/\(mode)/v1") ?? URL(fileURLWithPath: "/")
    }

    /// How many "pinging" responses are still connected (the server's own count).
    func pingingOpen() async throws -> Int {
        let url = URL(string: "http://127.0.0.1:\(port)/stats") ?? URL(fileURLWithPath: "/")
        let (data, _) = try await URLSession.shared.data(from: url)
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Int]
        return object?["pinging_open"] ?? -1
    }

    private init() throws {
        let script = CaptureFixtures.folder.appendingPathComponent("fake_openai_server.py")
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path]
        stdinPipe = Pipe()
        let stdoutPipe = Pipe()
        process.standardInput = stdinPipe
        process.standardOutput = stdoutPipe
        try process.run()
        // One line: "PORT <port> CLOSED <port>"; bounded read.
        var line = Data()
        for _ in 0..<200 {
            let byte = stdoutPipe.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty || byte == Data("\n".utf8) { break }
            line.append(byte)
        }
        let words = String(decoding: line, as: UTF8.self).split(separator: " ")
        guard words.count == 4, let port = Int(words[1]), let closed = Int(words[3]) else {
            throw FakeServerError(
                description: "fake server did not start: \(String(decoding: line, as: UTF8.self))")
        }
        self.port = port
        self.closedPort = closed
    }
}

/// Why the fake server could not start.
struct FakeServerError: Error, CustomStringConvertible {
    var description: String
}
