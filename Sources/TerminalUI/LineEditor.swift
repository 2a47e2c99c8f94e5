/// The message being typed: multi-line, grapheme-safe, with history.
///
/// A gap buffer of two strings: the text before the cursor and after it. Scalars typed one by
/// one (a combining mark after its base letter) merge into the previous grapheme cluster, and
/// Backspace removes a whole cluster.
public struct LineEditor: Sendable, Equatable {
    /// Text before the cursor.
    public private(set) var beforeCursor: String = ""
    /// Text after the cursor.
    public private(set) var afterCursor: String = ""
    /// Sent messages, oldest first.
    public private(set) var history: [String] = []
    /// Position while browsing history (`nil` = editing a new message).
    private var historyIndex: Int?
    /// What was being typed before browsing history started.
    private var draft: String = ""
    /// Text removed by Ctrl-K/U/W, for Ctrl-Y.
    public private(set) var killBuffer: String = ""

    public init(text: String = "") {
        beforeCursor = text
    }

    /// The whole message.
    public var text: String { beforeCursor + afterCursor }

    /// True when nothing is typed.
    public var isEmpty: Bool { beforeCursor.isEmpty && afterCursor.isEmpty }

    /// Replace everything, cursor at the end.
    public mutating func setText(_ text: String) {
        beforeCursor = text
        afterCursor = ""
    }

    /// Insert text at the cursor.
    public mutating func insert(_ text: String) {
        beforeCursor.append(text)
        historyIndex = nil
    }

    /// Insert one character; a combining scalar merges into the cluster before it.
    public mutating func insert(_ character: Character) {
        beforeCursor.unicodeScalars.append(contentsOf: character.unicodeScalars)
        historyIndex = nil
    }

    /// Delete the grapheme cluster before the cursor.
    public mutating func backspace() {
        if !beforeCursor.isEmpty { beforeCursor.removeLast() }
    }

    /// Delete the grapheme cluster after the cursor.
    public mutating func deleteForward() {
        if !afterCursor.isEmpty { afterCursor.removeFirst() }
    }

    public mutating func moveLeft() {
        guard let last = beforeCursor.popLast() else { return }
        afterCursor.insert(last, at: afterCursor.startIndex)
    }

    public mutating func moveRight() {
        guard !afterCursor.isEmpty else { return }
        beforeCursor.append(afterCursor.removeFirst())
    }

    /// Start of the current line (Home, Ctrl-A).
    public mutating func moveToLineStart() {
        while let last = beforeCursor.last, last != "\n" { moveLeft() }
    }

    /// End of the current line (End, Ctrl-E).
    public mutating func moveToLineEnd() {
        while let first = afterCursor.first, first != "\n" { moveRight() }
    }

    /// Back to the start of the previous word.
    public mutating func moveWordLeft() {
        while let last = beforeCursor.last, !isWordCharacter(last) { moveLeft() }
        while let last = beforeCursor.last, isWordCharacter(last) { moveLeft() }
    }

    /// Forward to the end of the next word.
    public mutating func moveWordRight() {
        while let first = afterCursor.first, !isWordCharacter(first) { moveRight() }
        while let first = afterCursor.first, isWordCharacter(first) { moveRight() }
    }

    /// Delete from the cursor to the end of the line (Ctrl-K); at a line end, join lines.
    public mutating func killToLineEnd() {
        if afterCursor.first == "\n" {
            afterCursor.removeFirst()
            return
        }
        let end = afterCursor.firstIndex(of: "\n") ?? afterCursor.endIndex
        killBuffer = String(afterCursor[..<end])
        afterCursor.removeSubrange(..<end)
    }

    /// Delete from the start of the line to the cursor (Ctrl-U).
    public mutating func killToLineStart() {
        let start =
            beforeCursor.lastIndex(of: "\n").map { beforeCursor.index(after: $0) } ?? beforeCursor.startIndex
        killBuffer = String(beforeCursor[start...])
        beforeCursor.removeSubrange(start...)
    }

    /// Delete the word before the cursor (Ctrl-W).
    public mutating func killWordBackward() {
        var removed = ""
        while let last = beforeCursor.last, last == " " || last == "\t" {
            removed.insert(beforeCursor.removeLast(), at: removed.startIndex)
        }
        while let last = beforeCursor.last, last != " ", last != "\n" {
            removed.insert(beforeCursor.removeLast(), at: removed.startIndex)
        }
        killBuffer = removed
    }

    /// Insert the last killed text (Ctrl-Y).
    public mutating func yank() {
        beforeCursor.append(killBuffer)
    }

    /// Whether the cursor is on the first line of a multi-line message.
    public var isOnFirstLine: Bool { !beforeCursor.contains("\n") }

    /// Whether the cursor is on the last line of a multi-line message.
    public var isOnLastLine: Bool { !afterCursor.contains("\n") }

    /// Move up one line, keeping the column (by clusters); false when already on the first.
    @discardableResult
    public mutating func moveUp() -> Bool {
        guard !isOnFirstLine else { return false }
        let column = currentColumn
        moveToLineStart()
        moveLeft()  // onto the previous line's end
        moveToLineStart()
        moveRight(by: column)
        return true
    }

    /// Move down one line, keeping the column; false when already on the last.
    @discardableResult
    public mutating func moveDown() -> Bool {
        guard !isOnLastLine else { return false }
        let column = currentColumn
        moveToLineEnd()
        moveRight()
        moveRight(by: column)
        return true
    }

    /// Clusters between the start of the line and the cursor.
    public var currentColumn: Int {
        var count = 0
        for character in beforeCursor.reversed() {
            if character == "\n" { break }
            count += 1
        }
        return count
    }

    private mutating func moveRight(by count: Int) {
        var moved = 0
        while moved < count, let first = afterCursor.first, first != "\n" {
            moveRight()
            moved += 1
        }
    }

    // MARK: - History

    /// Record a sent message and clear the editor.
    public mutating func commit() -> String {
        let sent = text
        if !sent.isEmpty, history.last != sent { history.append(sent) }
        if history.count > 500 { history.removeFirst(history.count - 500) }
        beforeCursor = ""
        afterCursor = ""
        historyIndex = nil
        draft = ""
        return sent
    }

    /// Clear the editor without recording anything.
    public mutating func clear() {
        beforeCursor = ""
        afterCursor = ""
        historyIndex = nil
    }

    /// Show the previous sent message; false when there is none.
    @discardableResult
    public mutating func historyPrevious() -> Bool {
        guard !history.isEmpty else { return false }
        let next: Int
        if let index = historyIndex {
            guard index > 0 else { return false }
            next = index - 1
        } else {
            draft = text
            next = history.count - 1
        }
        historyIndex = next
        setText(history[next])
        return true
    }

    /// Show the next sent message, or the draft after the newest; false when not browsing.
    @discardableResult
    public mutating func historyNext() -> Bool {
        guard let index = historyIndex else { return false }
        if index + 1 < history.count {
            historyIndex = index + 1
            setText(history[index + 1])
        } else {
            historyIndex = nil
            setText(draft)
        }
        return true
    }

    private func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_" || character == "'"
    }
}
