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
