import ChatCore
import Foundation

@testable import OpenAIResponder

/// One whole reply from `responder`: the text streamed and, when it ended in one, the failure
/// (shared by the hostile-server and socket-transport suites).
func collectReply(
    _ responder: OpenAIResponder, to request: ChatRequest
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
