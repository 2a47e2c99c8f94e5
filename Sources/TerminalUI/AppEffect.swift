/// Something the runtime must do after an ``AppEvent`` was applied. Compared with `==` in tests.
public enum AppEffect: Sendable, Equatable {
    /// Send the person's message to the conversation (one turn).
    case send(String)
    /// Stop the reply that is streaming.
    case cancelReply
    /// Leave the chat (the terminal is restored by the runtime).
    case quit
    /// Write the transcript as Markdown (mode 0600) to `path`, or to a default file name.
    case export(path: String?)
}
