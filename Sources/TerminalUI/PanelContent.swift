import ChatCore
import Foundation
import Safeguard

/// What each panel says: the intro, F1 help, F2 services and the F3 inspector, as paragraphs.
public enum PanelContent {
    // MARK: - Intro

    /// The intro text as paragraphs, from light Markdown: `#` headings, `-` bullets, `**bold**`,
    /// blank lines between paragraphs (lines inside a paragraph are joined).
    /// The intro (and `/about`) when history is on: its privacy paragraph, which says nothing is
    /// saved, gives way to what is really happening.
    public static func intro(_ text: String, historyOn: Bool) -> [StyledText] {
        let paragraphs = intro(text)
        guard historyOn else { return paragraphs }
        let notice = StyledText(inline(historyOnNotice))
        let plain = paragraphs.map { $0.runs.map(\.text).joined() }
        if let index = plain.firstIndex(where: { $0.contains("saved unless you turn history on") }) {
            var result = paragraphs
            result[index] = notice
            return result
        }
        return [notice, .blank] + paragraphs
    }

    /// Said on the intro and `/about` while history is on.
    public static let historyOnNotice =
        "**History is on:** what you write here is saved on this computer. "
        + "/history off stops saving; /forget deletes what is saved."

    public static func intro(_ text: String) -> [StyledText] {
        var result: [StyledText] = []
        var paragraph: String?
        var isBullet = false
        func flush() {
            guard let current = paragraph else { return }
            result.append(
                StyledText(inline(isBullet ? "• " + current : current), hangingIndent: isBullet ? 2 : 0))
            paragraph = nil
            isBullet = false
        }
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(rawLine).trimmingWhitespace()
            if line.isEmpty {
                flush()
                if result.last != .blank && !result.isEmpty { result.append(.blank) }
            } else if line.hasPrefix("#") {
                flush()
                let heading = String(line.drop(while: { $0 == "#" || $0 == " " }))
                result.append(StyledText(heading.filter { $0 != "*" }, CellStyle(.title, bold: true)))
            } else if line.hasPrefix("- ") || line.hasPrefix("* ") {
                flush()
                paragraph = String(line.dropFirst(2))
                isBullet = true
            } else if let current = paragraph {
                paragraph = current + " " + line
            } else {
                paragraph = line
            }
        }
        flush()
        while result.last == .blank { result.removeLast() }
        return result
    }

    /// `**bold**` becomes bold runs; backticks are dropped.
    static func inline(_ text: String) -> [StyledText.Run] {
        var runs: [StyledText.Run] = []
        var bold = false
        for (index, part) in text.filter({ $0 != "`" }).components(separatedBy: "**").enumerated() {
            if index > 0 { bold.toggle() }
            if !part.isEmpty { runs.append(.init(part, CellStyle(bold: bold))) }
        }
        return runs
    }

    // MARK: - Help

    /// F1: every key and command, and where to get help now.
    public static func help(strip: HelpStrip) -> [StyledText] {
        let keys: [(String, String)] = [
            ("Enter", "send"),
            ("Alt-Enter, Ctrl-J", "new line in the message"),
            ("←/→, Alt-B/Alt-F", "move by character / by word"),
            ("Home/End, Ctrl-A/E", "start / end of the line"),
            ("Ctrl-K, Ctrl-U", "delete to end / start of line"),
            ("Ctrl-W", "delete the word before the cursor"),
            ("↑/↓", "previous / next message you sent"),
            ("PgUp/PgDn, wheel", "scroll the conversation"),
            ("Esc", "stop a reply; close a panel"),
            ("F1 / F2 / F3", "help / services / inspector"),
            ("Ctrl-C", "stop a reply, or leave"),
            ("Ctrl-D", "leave (when the message is empty)"),
        ]
        var result: [StyledText] = [StyledText("Keys", CellStyle(.title, bold: true))]
        for (key, meaning) in keys {
            result.append(
                StyledText([.init(pad(key, 20), CellStyle(bold: true)), .init(meaning)], hangingIndent: 20))
        }
        result.append(.blank)
        result.append(StyledText("Commands", CellStyle(.title, bold: true)))
        for (name, summary) in AppState.commands {
            result.append(
                StyledText([.init(pad(name, 20), CellStyle(bold: true)), .init(summary)], hangingIndent: 20))
        }
        result.append(.blank)
        result.append(StyledText("If you are in danger now", CellStyle(.title, bold: true)))
        result.append(StyledText(strip.fullText, CellStyle(.help, bold: true)))
        result.append(StyledText("Waymark is peer support, not a crisis or medical service."))
        return result
    }

    private static func pad(_ text: String, _ columns: Int) -> String {
        text + String(repeating: " ", count: max(1, columns - DisplayWidth.of(text)))
    }

    // MARK: - Services

    /// F2: the services, those offered in this conversation first.
    public static func services(_ services: [ServiceLine], entries: [TranscriptEntry]) -> [StyledText] {
        let offeredIDs = Set(entries.filter { $0.role == .safeguard }.flatMap(\.services))
        let offered = services.filter { offeredIDs.contains($0.id) }
        let others = services.filter { !offeredIDs.contains($0.id) }
        var result: [StyledText] = []
        if services.isEmpty {
            result.append(StyledText("The service directory could not be loaded."))
            result.append(StyledText("In danger now: call 999. Samaritans: 116 123 (free, 24/7)."))
            return result
        }
        if !offered.isEmpty {
            result.append(StyledText("Offered in this conversation", CellStyle(.title, bold: true)))
            for service in offered { result += describe(service) }
            result.append(.blank)
            result.append(StyledText("Other services", CellStyle(.title, bold: true)))
        }
        for service in others { result += describe(service) }
        return result
    }

    private static func describe(_ service: ServiceLine) -> [StyledText] {
        var details = [service.contact]
        if let hours = service.hours { details.append(hours) }
        var runs: [StyledText.Run] = [.init("  " + details.joined(separator: " · "))]
        switch service.openNow {
        case true?: runs.append(.init(" · open now", CellStyle(.assistant, bold: true)))
        case false?: runs.append(.init(" · closed now", CellStyle(.dim, dim: true)))
        case nil: break
        }
        return [StyledText(service.name, CellStyle(bold: true)), StyledText(runs, hangingIndent: 4)]
    }

    // MARK: - Inspector

    /// Turns shown in detail by the inspector (the newest).
    public static let inspectorTurnLimit = 30

    /// F3: per user turn, the safeguard's assessment with matched spans highlighted, its plan,
    /// and the conversation's risk over time. Replies the output guard changed are shown in
    /// their original form only in clinician mode (`showsOriginals`): the guard removes method
    /// details, so the person chatting never sees them, not even here.
    public static func inspector(entries: [TranscriptEntry], width: Int, showsOriginals: Bool = false)
        -> [StyledText]
    {
        let userIndices = entries.indices.filter { entries[$0].role == .user }
        let userEntries = userIndices.map { entries[$0] }
        var result: [StyledText] = []
        let levels = userEntries.map { $0.assessment?.level ?? .none }
        let sparkWidth = max(4, width - 18)
        result.append(
            StyledText([
                .init("Risk over time ", CellStyle(bold: true)),
                .init(sparkline(levels.suffix(sparkWidth)), CellStyle(.highlight, bold: true)),
            ]))
        result.append(
            StyledText("▁ none  ▂ distress  ▄ boundary  ▆ crisis  █ emergency", CellStyle(.dim, dim: true)))
        if userEntries.isEmpty {
            result.append(.blank)
            result.append(StyledText("No turns yet."))
            return result
        }
        if userEntries.count > inspectorTurnLimit {
            result.append(
                StyledText(
                    "Showing the latest \(inspectorTurnLimit) of \(userEntries.count) turns.",
                    CellStyle(.dim, dim: true)))
        }
        // Entries of a turn follow its user entry, up to the next user entry.
        let shown = Array(userIndices.suffix(inspectorTurnLimit))
        for (position, index) in shown.enumerated() {
            let end = position + 1 < shown.count ? shown[position + 1] : entries.endIndex
            let user = entries[index]
            let related = entries[(index + 1)..<end].filter { $0.turn == user.turn }
            result.append(.blank)
            result += inspect(user, related: related, showsOriginals: showsOriginals)
        }
        return result
    }

    private static func inspect(_ user: TranscriptEntry, related: [TranscriptEntry], showsOriginals: Bool)
        -> [StyledText]
    {
        let assessment = user.assessment ?? Assessment()
        var result: [StyledText] = []
        let categories = assessment.categories.map(\.rawValue).joined(separator: ", ")
        result.append(
            StyledText([
                .init("Turn \(user.turn) · ", CellStyle(.title, bold: true)),
                .init(assessment.level.rawValue, levelStyle(assessment.level)),
                .init(categories.isEmpty ? "" : " · " + categories),
                .init(" · subject " + assessment.subject.rawValue, CellStyle(.dim, dim: true)),
            ]))
        result.append(highlighted(user.text, signals: assessment.signals))
        for signal in assessment.signals {
            let modifiers =
                signal.modifiers.isEmpty
                ? "" : " · " + signal.modifiers.map(\.rawValue).joined(separator: ", ")
            let lowered = signal.level != signal.baseLevel ? " (from \(signal.baseLevel.rawValue))" : ""
            result.append(
                StyledText(
                    "  ◆ \(signal.rule) “\(signal.text)” → \(signal.level.rawValue)\(lowered)\(modifiers)",
                    CellStyle(.normal), hangingIndent: 4))
        }
        for reason in assessment.reasons {
            result.append(StyledText("  why: " + reason, CellStyle(.dim), hangingIndent: 7))
        }
        result += planLines(user.plan, related: related, showsOriginals: showsOriginals)
        return result
    }

    /// The turn's plan as the policy recorded it (level, the responder's guidance, the
    /// safeguard's message and services, and why), then what became of the reply.
    static func planLines(_ plan: TurnPlan?, related: [TranscriptEntry], showsOriginals: Bool) -> [StyledText]
    {
        var result: [StyledText] = []
        if let plan {
            var parts = ["level \(plan.level.rawValue)", "responder \(plan.guidance.mode.rawValue)"]
            if let message = plan.message {
                parts.append("message \(message.kind.rawValue)")
                if !message.serviceIDs.isEmpty {
                    parts.append("services: " + message.serviceIDs.joined(separator: ", "))
                }
            } else {
                parts.append("no safeguard message")
            }
            result.append(
                StyledText("  plan: " + parts.joined(separator: " · "), CellStyle(.dim), hangingIndent: 8))
            for reason in plan.reasons {
                result.append(StyledText("  plan why: " + reason, CellStyle(.dim), hangingIndent: 12))
            }
        }
        guard let reply = related.last(where: { $0.role == .assistant }) else {
            if plan?.guidance.mode == .withheld {
                result.append(StyledText("  reply: not asked (the safeguard speaks alone)", CellStyle(.dim)))
            }
            return result
        }
        result.append(StyledText("  reply: \(reply.status.rawValue)", CellStyle(.dim), hangingIndent: 4))
        if showsOriginals {
            result += originalReply(reply)
        } else if reply.originalText != nil || !reply.guardNotes.isEmpty {
            let why = reply.guardNotes.isEmpty ? "" : ": " + reply.guardNotes.joined(separator: "; ")
            result.append(
                StyledText(
                    "  reply changed by the output guard\(why) (the original is shown in clinician mode only)",
                    CellStyle(.dim), hangingIndent: 4))
        }
        return result
    }

    /// For a reply the output guard changed or withheld: the responder's own words, clearly
    /// labelled as a clinician-only view. Empty for replies shown as written.
    public static func originalReply(_ reply: TranscriptEntry) -> [StyledText] {
        guard let original = reply.originalText else { return [] }
        let why = reply.guardNotes.isEmpty ? "" : ": " + reply.guardNotes.joined(separator: "; ")
        var result = [
            StyledText(
                "  Original reply (changed by the output guard\(why)) — shown to clinicians only",
                CellStyle(.warning, bold: true), hangingIndent: 4)
        ]
        for line in original.split(separator: "\n", omittingEmptySubsequences: false) {
            result.append(StyledText("  ┃ " + line, CellStyle(.dim), hangingIndent: 4))
        }
        return result
    }

    /// The message with each signal's span (Unicode scalar offsets) highlighted.
    public static func highlighted(_ text: String, signals: [Signal]) -> StyledText {
        let scalars = Array(text.unicodeScalars)
        var marked = [Bool](repeating: false, count: scalars.count)
        for signal in signals {
            let lower = max(0, min(signal.start, scalars.count))
            let upper = max(lower, min(signal.end, scalars.count))
            for index in lower..<upper { marked[index] = true }
        }
        var runs: [StyledText.Run] = [.init("  ")]
        var current = ""
        var currentMarked = false
        let normal = CellStyle(.user)
        let highlight = CellStyle(.highlight, bold: true, reverse: true)
        for (index, scalar) in scalars.enumerated() {
            if marked[index] != currentMarked && !current.isEmpty {
                runs.append(.init(current, currentMarked ? highlight : normal))
                current = ""
            }
            currentMarked = marked[index]
            current.unicodeScalars.append(scalar)
        }
        if !current.isEmpty { runs.append(.init(current, currentMarked ? highlight : normal)) }
        return StyledText(runs, hangingIndent: 2)
    }

    /// One bar per turn: ▁ none, ▂ distress, ▄ boundary, ▆ crisis, █ emergency.
    public static func sparkline(_ levels: some Sequence<RiskLevel>) -> String {
        String(
            levels.map { level -> Character in
                switch level {
                case .none: "▁"
                case .distress: "▂"
                case .boundary: "▄"
                case .crisis: "▆"
                case .emergency: "█"
                }
            })
    }

    private static func levelStyle(_ level: RiskLevel) -> CellStyle {
        switch level {
        case .none: CellStyle(bold: true)
        case .distress: CellStyle(.notice, bold: true)
        case .boundary: CellStyle(.warning, bold: true)
        case .crisis, .emergency: CellStyle(.safeguard, bold: true, reverse: true)
        }
    }
}
