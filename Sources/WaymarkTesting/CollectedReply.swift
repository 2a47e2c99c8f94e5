import ChatCore
import Foundation

/// One whole reply from `responder`: the text streamed and, when it ended in one, the failure
/// (shared by the hostile-server, hostile-program and socket-transport suites).
public func collectReply(
    _ responder: some Responder, to request: ChatRequest
) async -> (text: String, failure: ResponderFailure?) {
    var text = ""
    do {
        for try await event in responder.respond(to: request) {
            if case .delta(let piece) = event { text += piece }
        }
        return (text, nil)
    } catch let failure as ResponderFailure {
        return (text, failure)
    } catch {
        return (text, ResponderFailure(.badResponse, "unexpected \(type(of: error))"))
    }
}

/// Runs blocking work (a child process, a long wait) on a thread of its own and awaits it, so
/// slow runs never hold one of the few threads the other tests' async work runs on (on a
/// 2-core machine, two blocked tests stall every timed async check).
public func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread {
            continuation.resume(with: Result { try body() })
        }
        thread.start()
    }
}
