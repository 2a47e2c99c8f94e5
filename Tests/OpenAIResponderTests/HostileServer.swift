import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The hostile OpenAI-compatible server (`Fixtures/hostile_server.py`), started once per test
/// process on 127.0.0.1. It exits by itself when this process ends (its stdin closes), or
/// after 15 minutes; every response it sends is bounded in time and size.
final class HostileServer: Sendable {
    let port: Int
    /// "Another host": where its redirects point.
    let otherPort: Int
    private let process: Process
    private let stdinPipe: Pipe

    static let shared: Result<HostileServer, FakeServerError> = {
        do {
            return .success(try HostileServer())
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

    /// The server's counters: `other_hits`, `other_with_key`, `flood_open`.
    func stats() async throws -> [String: Int] {
        let url = URL(string: "http://127.0.0.1:\(port)/stats") ?? URL(fileURLWithPath: "/")
        let (data, _) = try await URLSession.shared.data(from: url)
        return (try JSONSerialization.jsonObject(with: data) as? [String: Int]) ?? [:]
    }

    private init() throws {
        let script = CaptureFixtures.folder.appendingPathComponent("hostile_server.py")
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path]
        stdinPipe = Pipe()
        let stdoutPipe = Pipe()
        process.standardInput = stdinPipe
        process.standardOutput = stdoutPipe
        try process.run()
        var line = Data()
        for _ in 0..<200 {
            let byte = stdoutPipe.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty || byte == Data("\n".utf8) { break }
            line.append(byte)
        }
        let words = String(decoding: line, as: UTF8.self).split(separator: " ")
        guard words.count == 4, let port = Int(words[1]), let other = Int(words[3]) else {
            throw FakeServerError(
                description: "hostile server did not start: \(String(decoding: line, as: UTF8.self))")
        }
        self.port = port
        self.otherPort = other
    }
}
