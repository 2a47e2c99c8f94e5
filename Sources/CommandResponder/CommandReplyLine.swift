/// One JSON line the program writes to its standard output: `{"delta": "…"}`,
/// `{"done": true}` or `{"error": "…"}`. Other keys are ignored.
struct CommandReplyLine: Decodable, Sendable {
    var delta: String?
    var done: Bool?
    var error: String?
}
