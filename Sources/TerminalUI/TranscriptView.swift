import ChatCore

/// The conversation, word-wrapped, bottom-anchored, drawing only the visible window.
///
/// Wrapped lines are cached per entry and width in a ``TranscriptLayoutCache``, so the cost
/// of a frame depends on the window's height (and the scroll distance), not on the length of
/// the conversation.
public struct TranscriptView {
    /// One wrapped, styled line of an entry.
    public struct Line: Sendable, Equatable {
        public var text: String
        public var style: CellStyle

        public init(_ text: String, _ style: CellStyle) {
            self.text = text
            self.style = style
        }
    }

    public var entries: ArraySlice<TranscriptEntry>
    public var scrollOffset: Int
    public var unseenBelow: Bool
    public var cache: TranscriptLayoutCache
    /// While following the conversation: an entry whose first line must stay in view (a
    /// support card), scrolling up just enough when what is below it is taller than the window.
    public var pinnedEntryID: Int?

    public init(
        entries: ArraySlice<TranscriptEntry>, scrollOffset: Int = 0, unseenBelow: Bool = false,
        cache: TranscriptLayoutCache = TranscriptLayoutCache(), pinnedEntryID: Int? = nil
    ) {
        self.entries = entries
        self.scrollOffset = scrollOffset
        self.unseenBelow = unseenBelow
        self.cache = cache
        self.pinnedEntryID = pinnedEntryID
    }

    /// Shown while the conversation is empty.
    public static let welcome =
        "Welcome. Type whatever is on your mind below and press Enter. F1 help · F2 services."

    /// Draw into `rect`; returns the scroll offset actually used (clamped to the content).
    @discardableResult
    public func render(in rect: Rect, into grid: inout CellGrid) -> Int {
        guard !rect.isEmpty else { return scrollOffset }
        let width = max(1, rect.cols - 1)  // one column of margin on the left
        if entries.isEmpty {
            // A one-line welcome that says what to do (not dim: it is the first thing to read).
            for (offset, line) in TextWrapper.wrap(TranscriptView.welcome, width: width).prefix(rect.rows)
                .enumerated()
            {
                grid.put(
                    line, row: rect.row + offset, col: rect.col + 1, maxColumns: width,
                    style: CellStyle(.assistant))
            }
            return 0
        }
        var scrollOffset = self.scrollOffset
        if scrollOffset == 0, rect.rows > 1, let pinned = pinnedEntryID,
            let start = entries.lastIndex(where: { $0.id == pinned })
        {
            let below = entries[start...].reduce(0) { $0 + cache.lines(for: $1, width: width).count }
            // The last row becomes the "more below" marker once scrolled.
            if below > rect.rows { scrollOffset = below - (rect.rows - 1) }
        }
        let scrolled = scrollOffset > 0
        // When scrolled up, the last row is the "more below" marker.
        let textRows = scrolled && rect.rows > 1 ? rect.rows - 1 : rect.rows
        // Walk back from the newest entry until enough lines are collected.
        var collected: [[Line]] = []
        var collectedIDs: [Int] = []
        var count = 0
        var index = entries.endIndex
        func collect(while condition: () -> Bool) {
            while index > entries.startIndex && condition() {
                index -= 1
                let lines = cache.lines(for: entries[index], width: width)
                collected.append(lines)
                collectedIDs.append(entries[index].id)
                count += lines.count
            }
        }
        // Keep the view still while scrolled up and the conversation grows below it: the line
        // that was at the top stays at the top, unless the person scrolled since.
        var requested = scrollOffset
        if scrollOffset > 0, let anchor = cache.anchor, anchor.scroll == scrollOffset, anchor.width == width {
            collect { !collectedIDs.contains(anchor.entryID) }
            if let position = collectedIDs.lastIndex(of: anchor.entryID) {
                let below = collected[..<position].reduce(0) { $0 + $1.count }
                requested = max(1, below + collected[position].count - anchor.line - textRows)
            }
        }
        collect { count < requested + textRows }
        let effectiveScroll = min(requested, max(0, count - textRows))
        // Flatten only what is visible: lines [count - effectiveScroll - textRows, count - effectiveScroll).
        let visibleEnd = count - effectiveScroll
        let visibleStart = max(0, visibleEnd - textRows)
        var row = rect.row
        var lineNumber = 0
        var newAnchor: TranscriptLayoutCache.Anchor?
        for (position, lines) in collected.enumerated().reversed() {
            for (lineIndex, line) in lines.enumerated() {
                defer { lineNumber += 1 }
                guard lineNumber >= visibleStart, lineNumber < visibleEnd else { continue }
                if lineNumber == visibleStart && effectiveScroll > 0 {
                    newAnchor = .init(
                        entryID: collectedIDs[position], line: lineIndex, scroll: effectiveScroll,
                        width: width)
                }
                grid.put(line.text, row: row, col: rect.col + 1, maxColumns: width, style: line.style)
                row += 1
            }
            if lineNumber >= visibleEnd { break }
        }
        cache.anchor = newAnchor
        if effectiveScroll > 0 && rect.rows > 1 {
            let marker =
                unseenBelow
                ? "↓ New messages below · PgDn to read them"
                : "↓ More below · PgDn to go down"
            let markerRow = rect.row + rect.rows - 1
            grid.fill(
                Rect(row: markerRow, col: rect.col, rows: 1, cols: rect.cols),
                style: CellStyle(.highlight, reverse: true))
            grid.put(
                DisplayWidth.truncate(marker, columns: rect.cols - 2), row: markerRow, col: rect.col + 1,
                maxColumns: rect.cols - 2, style: CellStyle(.highlight, bold: true, reverse: true))
        }
        return effectiveScroll
    }

    // MARK: - Layout of one entry

    /// The lines of one entry at a width (uncached).
    public static func layout(_ entry: TranscriptEntry, width: Int) -> [Line] {
        let text = DisplayWidth.sanitize(entry.text)
        var lines: [Line] = []
        switch entry.role {
        case .user:
            lines.append(Line("You", CellStyle(.user, bold: true)))
            for line in TextWrapper.wrap(text, width: max(1, width - 2)) {
                lines.append(Line("  " + line, CellStyle(.user)))
            }
            // Sent, and not yet read by the safeguard (see ``AppState/showPendingMessage(_:)``).
            if entry.status == .streaming { lines.append(Line("  checking…", CellStyle(.dim, dim: true))) }
        case .assistant:
            lines.append(Line("Waymark", CellStyle(.assistant, bold: true)))
            var body = TextWrapper.wrap(text, width: max(1, width - 2))
            if entry.status == .streaming {
                if text.isEmpty {
                    body = ["…"]
                } else if let last = body.last, DisplayWidth.of(last) + 2 <= width - 2 {
                    body[body.count - 1] = last + " …"
                } else {
                    body.append("…")
                }
            }
            for line in body {
                lines.append(Line("  " + line, CellStyle(.assistant)))
            }
            switch entry.status {
            case .cancelled: lines.append(Line("  (reply stopped)", CellStyle(.dim, dim: true)))
            case .failed: lines.append(Line("  (no reply: the responder failed)", CellStyle(.warning)))
            case .streaming, .complete: break
            }
        case .safeguard:
            lines += card(text, width: width)
        case .notice:
            let wrapped = TextWrapper.wrap(text, width: max(1, width - 2))
            for (offset, line) in wrapped.enumerated() {
                lines.append(Line((offset == 0 ? "· " : "  ") + line, CellStyle(.notice, dim: true)))
            }
        }
        lines.append(Line("", .normal))
        return lines
    }

    /// A safeguard message as a framed card that stays in the transcript.
    static func card(_ text: String, width: Int) -> [Line] {
        let style = CellStyle(.safeguard, bold: false)
        let title = " Support · Waymark "
        guard width >= 12 else {
            return TextWrapper.wrap("! " + text, width: max(1, width)).map {
                Line($0, CellStyle(.safeguard, bold: true))
            }
        }
        let inner = width - 4
        var lines: [Line] = []
        let titleWidth = DisplayWidth.of(title)
        let top =
            titleWidth + 3 <= width
            ? "┌─" + title + String(repeating: "─", count: width - 3 - titleWidth) + "┐"
            : "┌" + String(repeating: "─", count: width - 2) + "┐"
        lines.append(Line(top, CellStyle(.safeguard, bold: true)))
        for line in TextWrapper.wrap(text, width: inner) {
            let padding = String(repeating: " ", count: max(0, inner - DisplayWidth.of(line)))
            lines.append(Line("│ " + line + padding + " │", style))
        }
        lines.append(
            Line("└" + String(repeating: "─", count: width - 2) + "┘", CellStyle(.safeguard, bold: true)))
        return lines
    }
}
