/// The chat screen's demo layouts: in compare mode, the responder alone (left) beside what
/// Waymark shows (right); otherwise, on wide screens, the conversation beside the open
/// inspector, so a clinician can narrate both.
struct DemoView {
    /// The narrowest transcript area split into two columns.
    static let minimumSplitColumns = 100

    /// Whether `state` is drawn in two columns (and the inspector, if open, on the right).
    static func isSplit(_ state: AppState) -> Bool {
        guard let demo = state.demo else { return false }
        if demo.isComparing { return state.layout.transcript.cols >= 40 }
        return state.overlay == .inspector && state.layout.transcript.cols >= minimumSplitColumns
    }

    /// Draw both columns into `rect`; returns the transcript and panel scrolls actually used.
    static func render(
        _ state: AppState, in rect: Rect, cache: TranscriptLayoutCache, into grid: inout CellGrid
    ) -> (transcript: Int, panel: Int) {
        guard let demo = state.demo else { return (state.scrollOffset, state.panelScroll) }
        let leftCols = rect.cols / 2
        // One column of air between the two sides.
        let left = Rect(row: rect.row, col: rect.col, rows: rect.rows, cols: max(0, leftCols - 1))
        let right = Rect(row: rect.row, col: rect.col + leftCols, rows: rect.rows, cols: rect.cols - leftCols)
        if demo.isComparing {
            PanelView(
                title: "Responder alone (no safeguard)", paragraphs: aloneParagraphs(demo),
                footer: "what the responder would have said", scroll: Int.max / 2
            ).render(in: left, into: &grid)
            let used = labelledTranscript(state, title: "Waymark shows", in: right, cache: cache, into: &grid)
            return (used, state.panelScroll)
        }
        let used = labelledTranscript(state, title: "Conversation", in: left, cache: cache, into: &grid)
        let panel = PanelView(
            title: "Inspector · F3",
            paragraphs: PanelContent.inspector(
                entries: state.entries, width: right.cols - 4, showsOriginals: state.isClinicianMode),
            footer: "clinician view", scroll: state.panelScroll
        ).render(in: right, into: &grid)
        return (used, panel)
    }

    /// The left column of compare mode: each turn's message and the responder's own reply.
    static func aloneParagraphs(_ demo: DemoPlayback) -> [StyledText] {
        var result: [StyledText] = []
        for turn in demo.turnTexts.keys.sorted() {
            if !result.isEmpty { result.append(.blank) }
            result.append(StyledText("Turn \(turn)", CellStyle(.title, bold: true)))
            result.append(
                StyledText("You: " + (demo.turnTexts[turn] ?? ""), CellStyle(.user), hangingIndent: 5))
            if let reply = demo.aloneReplies[turn] {
                result.append(
                    StyledText("Responder alone: " + reply, CellStyle(.assistant), hangingIndent: 2))
            } else {
                result.append(StyledText("Responder alone: …", CellStyle(.dim)))
            }
        }
        if result.isEmpty { result.append(StyledText("Nothing yet.", CellStyle(.dim))) }
        return result
    }

    private static func labelledTranscript(
        _ state: AppState, title: String, in rect: Rect, cache: TranscriptLayoutCache,
        into grid: inout CellGrid
    ) -> Int {
        guard rect.rows > 1 else { return state.scrollOffset }
        grid.put(
            " " + DisplayWidth.truncate(title, columns: max(0, rect.cols - 2)), row: rect.row, col: rect.col,
            maxColumns: rect.cols, style: CellStyle(.title, bold: true))
        let body = Rect(row: rect.row + 1, col: rect.col, rows: rect.rows - 1, cols: rect.cols)
        return TranscriptView(
            entries: state.shownEntries, scrollOffset: state.scrollOffset, unseenBelow: state.unseenBelow,
            cache: cache
        ).render(in: body, into: &grid)
    }
}
