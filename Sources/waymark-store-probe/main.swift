// A test-only helper: writes history in a loop so a test can kill it with SIGKILL mid-write
// and then check that the database is intact and that every reported batch is there.
//
// Usage: waymark-store-probe DIRECTORY [BATCH_SIZE] [LABEL]
// Prints "writing N" just before batch N's transaction and "committed N" after it commits
// (both unbuffered), so the test can kill it while a transaction is in progress.
import ChatCore
import Foundation
import WaymarkStore

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: waymark-store-probe DIRECTORY [BATCH_SIZE] [LABEL]\n".utf8))
    exit(2)
}
let batchSize = arguments.count >= 3 ? Int(arguments[2]) ?? 50 : 50
let label = arguments.count >= 4 ? arguments[3] : "probe"
let padding = String(repeating: "steady words for padding ", count: 20)

do {
    let store = try WaymarkStore.open(directory: URL(fileURLWithPath: arguments[1]))
    try store.setHistoryEnabled(true)
    var batch = 0
    while true {
        batch += 1
        let messages = (0..<batchSize).map { index in
            HistoryMessage(
                conversation: "\(label)-\(batch % 7)", role: index.isMultiple(of: 2) ? .user : .assistant,
                text: "\(label) batch \(batch) message \(index) \(padding)", date: Date())
        }
        FileHandle.standardOutput.write(Data("writing \(batch)\n".utf8))
        try store.appendHistory(messages)
        // Unbuffered: the line reaches the pipe as soon as the batch has committed.
        FileHandle.standardOutput.write(Data("committed \(batch)\n".utf8))
    }
} catch {
    FileHandle.standardError.write(Data("probe failed: \(error)\n".utf8))
    exit(1)
}
