import ChatCore

/// Draws a whole ``AppState`` into a ``CellGrid``: title, transcript or panel, status line,
/// input box and the help strip (always last, never covered).
///
/// Holds the transcript layout cache, so keep one renderer for the life of the screen.
public final class ScreenRenderer {
    /// What the renderer found while drawing, for the runtime to feed back into the state.
    public struct Report: Sendable, Equatable {
        /// The transcript scroll offset actually used.
        public var transcriptScroll: Int
        /// The panel scroll actually used.
        public var panelScroll: Int
    }

    public let cache = TranscriptLayoutCache()

    public init() {}

    /// Render the state into a fresh grid of the state's size.
    public func frame(_ state: AppState) -> (grid: CellGrid, report: Report) {
        var grid = CellGrid(rows: state.rows, cols: state.cols)
        let report = render(state, into: &grid)
        return (grid, report)
    }

    /// The frame to paint: renders, and when scrolling had gone past the content (a resize, a
    /// shorter panel) tells the state where it really is and renders again.
    public func paintableFrame(_ state: inout AppState) -> CellGrid {
        var (grid, report) = frame(state)
        if report.transcriptScroll != state.scrollOffset || report.panelScroll != state.panelScroll {
            _ = state.update(.viewClamped(transcript: report.transcriptScroll, panel: report.panelScroll))
            grid = frame(state).grid
        }
        return grid
    }

    /// Render the state into `grid` (which should be blank and of the state's size).
    @discardableResult
    public func render(_ state: AppState, into grid: inout CellGrid) -> Report {
        let layout = state.layout
        var report = Report(transcriptScroll: state.scrollOffset, panelScroll: state.panelScroll)
        renderTitle(state, in: layout.title, into: &grid)
        let split = DemoView.isSplit(state)
        if split {
            (report.transcriptScroll, report.panelScroll) = DemoView.render(
                state, in: layout.transcript, cache: cache, into: &grid)
        } else {
            report.transcriptScroll = TranscriptView(
                entries: state.shownEntries, scrollOffset: state.scrollOffset, unseenBelow: state.unseenBelow,
                cache: cache, pinnedEntryID: state.pinnedEntryID
            ).render(in: layout.transcript, into: &grid)
        }
        renderStatus(state, in: layout.status, into: &grid)
        if state.overlay == .planEditor, let planEditor = state.tools.planEditor, planEditor.isTyping {
            InputView(editor: planEditor.field, showsHint: false).render(in: layout.input, into: &grid)
        } else {
            InputView(editor: state.editor, showsHint: state.overlay == nil && state.demo == nil).render(
                in: layout.input, into: &grid)
        }
        if let overlay = state.overlay, !(split && overlay == .inspector && state.demo?.isComparing == false)
        {
            report.panelScroll = renderOverlay(overlay, state: state, in: layout.overlay, into: &grid)
        }
        HelpStripView(strip: state.helpStrip).render(in: layout.helpStrip, into: &grid)
        return report
    }

    // MARK: - Regions

    private func renderTitle(_ state: AppState, in rect: Rect, into grid: inout CellGrid) {
        guard !rect.isEmpty else { return }
        let style = CellStyle(.title, reverse: true)
        grid.fill(rect, style: style)
        let left =
            " Waymark · peer support" + (state.responderName.isEmpty ? "" : " · " + state.responderName)
        let right = "F1 help  F2 services  F3 inspector "
        let leftWidth = DisplayWidth.of(left)
        grid.put(
            left, row: rect.row, col: rect.col, maxColumns: rect.cols,
            style: CellStyle(.title, bold: true, reverse: true))
        let rightWidth = DisplayWidth.of(right)
        if leftWidth + rightWidth + 2 <= rect.cols {
            grid.put(right, row: rect.row, col: rect.col + rect.cols - rightWidth, style: style)
        } else if leftWidth + 10 <= rect.cols {
            grid.put("F1 help ", row: rect.row, col: rect.col + rect.cols - 8, style: style)
        }
    }

    private static let spinner: [Character] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]

    private func renderStatus(_ state: AppState, in rect: Rect, into grid: inout CellGrid) {
        guard !rect.isEmpty else { return }
        let text: String
        var style = CellStyle(.dim)
        if state.overlay == .intro {
            text = "Press Enter to start"
            style = CellStyle(.title, bold: true)
        } else if let demo = state.demo {
            text = demo.statusText
            style = CellStyle(.title, bold: true)
        } else if state.isReplying && !state.isCancelling {
            let frame = ScreenRenderer.spinner[state.spinnerFrame % ScreenRenderer.spinner.count]
            text = "Waymark is replying \(frame) · Esc stops"
            style = CellStyle(.assistant)
        } else if state.overlay == .planEditor, let planEditor = state.tools.planEditor {
            text = planEditor.hint
            style = CellStyle(.notice, bold: true)
        } else if let status = state.status {
            text = status
            style = CellStyle(.notice, bold: true)
        } else {
            text = ""
        }
        grid.repeatCharacter(
            "─", row: rect.row, col: rect.col, count: rect.cols, style: CellStyle(.border, dim: true))
        // While history is on, the status line says so at its right end, every session.
        let marker =
            state.tools.historyEnabled
            ? (state.tools.historyLocked ? " history locked · /unlock " : " history on ") : ""
        let markerWidth = DisplayWidth.of(marker)
        let room = rect.cols - (markerWidth > 0 && rect.cols >= 24 ? markerWidth + 1 : 0)
        if !text.isEmpty {
            let shown = " " + DisplayWidth.truncate(text, columns: max(0, room - 4)) + " "
            grid.put(shown, row: rect.row, col: rect.col + 1, maxColumns: room - 1, style: style)
        }
        if room < rect.cols {
            grid.put(
                marker, row: rect.row, col: rect.col + room, maxColumns: markerWidth,
                style: CellStyle(.notice, bold: true))
        }
    }

    private func renderOverlay(_ overlay: Overlay, state: AppState, in rect: Rect, into grid: inout CellGrid)
        -> Int
    {
        let footer = "Esc closes · PgUp/PgDn scroll"
        switch overlay {
        case .intro:
            return PanelView(
                title: "Welcome to Waymark",
                paragraphs: PanelContent.intro(state.introText, historyOn: state.tools.historyEnabled),
                footer: "Enter to start · F1 help", scroll: state.panelScroll
            ).render(in: rect, into: &grid)
        case .help:
            return PanelView(
                title: "Help · F1", paragraphs: PanelContent.help(strip: state.helpStrip), footer: footer,
                scroll: state.panelScroll
            ).render(in: rect, into: &grid)
        case .services:
            return PanelView(
                title: "UK services · F2",
                paragraphs: PanelContent.services(state.services, entries: state.entries),
                footer: footer, scroll: state.panelScroll
            ).render(in: rect, into: &grid)
        case .inspector:
            return PanelView(
                title: "Inspector · F3",
                paragraphs: PanelContent.inspector(
                    entries: state.entries, width: rect.cols - 4, showsOriginals: state.isClinicianMode),
                footer: footer, scroll: state.panelScroll
            ).render(in: rect, into: &grid)
        case .safetyPlan:
            guard let guide = state.tools.planGuide else { return 0 }
            return PanelView(
                title: "Your safety plan",
                paragraphs: PanelContent.safetyPlan(state.tools.savedPlan ?? SafetyPlan(), guide: guide),
                footer: "Esc closes · E edits · PgUp/PgDn scroll", scroll: state.panelScroll
            ).render(in: rect, into: &grid)
        case .planEditor:
            guard let planEditor = state.tools.planEditor else { return 0 }
            let (paragraphs, selected) = PanelContent.planEditor(planEditor)
            let width = max(1, rect.cols - 4)
            let before = paragraphs.prefix(selected).reduce(0) { $0 + $1.wrapped(width: width).count }
            let scroll = max(0, before - max(1, (rect.rows - 2) / 2))
            PanelView(
                title: "Safety plan · saved as you go", paragraphs: paragraphs,
                footer: "Esc closes", scroll: scroll
            ).render(in: rect, into: &grid)
            return state.panelScroll
        case .breathing:
            guard let breathing = state.tools.breathing else { return 0 }
            return PanelView(
                title: "Breathe · Esc ends",
                paragraphs: PanelContent.breathing(
                    breathing, reducedMotion: state.tools.reducedMotion, width: max(1, rect.cols - 4),
                    height: rect.rows - 2),
                footer: "Esc ends the exercise"
            ).render(in: rect, into: &grid)
        case .history:
            return PanelView(
                title: state.tools.historyTitle, paragraphs: PanelContent.history(state.tools.historyLines),
                footer: footer, scroll: state.panelScroll
            ).render(in: rect, into: &grid)
        case .confirmLongMessage:
            renderQuestion(
                title: "Send a long message?",
                lines: [
                    "Your message is \(state.editor.text.count) characters long. Send it to Waymark?",
                    "Enter or Y: send · Esc or N: keep editing",
                ], footer: "Enter sends · Esc keeps editing", in: rect, into: &grid)
            return state.panelScroll
        case .passphrase:
            renderQuestion(
                title: "Unlock your saved history",
                lines: [
                    "Type your passphrase. It isn't shown as you type.",
                    "Enter: unlock · Esc: cancel · Ctrl-U: start again",
                ], footer: "Enter unlocks · Esc cancels", in: rect, into: &grid)
            return state.panelScroll
        }
    }

    /// A small box across the middle of `rect` asking one question: `lines[0]` plain, the
    /// keys (`lines[1]`) in bold.
    private func renderQuestion(
        title: String, lines: [String], footer: String, in rect: Rect, into grid: inout CellGrid
    ) {
        let box = Rect(
            row: rect.row + max(0, rect.rows / 2 - 3), col: rect.col, rows: min(rect.rows, 6), cols: rect.cols
        )
        let paragraphs = lines.enumerated().map { index, line in
            index == 0 ? StyledText(line) : StyledText(line, CellStyle(bold: true))
        }
        _ = PanelView(title: title, paragraphs: paragraphs, footer: footer).render(in: box, into: &grid)
    }
}
