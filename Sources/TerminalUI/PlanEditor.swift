import ChatCore
import Foundation

/// The `/plan` form editor: the plan's sections, a selected row (a section's heading or one of
/// its entries) and a ``LineEditor`` field for adding or changing an entry.
public struct PlanEditor: Sendable, Equatable {
    /// What the editor is doing.
    public enum Mode: Sendable, Equatable {
        /// Moving between sections and entries.
        case browsing
        /// Typing a new entry for the selected section.
        case adding
        /// Changing the entry at this index of the selected section.
        case editing(Int)
    }

    /// What a key did, for the screen.
    public enum Outcome: Sendable, Equatable {
        /// Nothing the screen must act on.
        case none
        /// The plan changed: save it.
        case changed
        /// The person closed the editor.
        case close
    }

    /// The plan being edited.
    public var plan: SafetyPlan
    /// Titles, prompts and examples.
    public let guide: SafetyPlanGuide
    /// Services to suggest in the professionals section (display strings from the directory).
    public let suggestions: [String]
    /// The sections, in order.
    public let sections: [SafetyPlanSection] = SafetyPlanSection.allCases
    /// The selected section.
    public private(set) var sectionIndex = 0
    /// The selected entry of that section, or `nil` for its heading.
    public private(set) var entryIndex: Int?
    /// Browsing, adding or editing.
    public private(set) var mode: Mode = .browsing
    /// The text being typed when adding or editing.
    public var field = LineEditor()

    public init(plan: SafetyPlan, guide: SafetyPlanGuide, suggestions: [String] = []) {
        self.plan = plan
        self.guide = guide
        self.suggestions = suggestions
    }

    /// The selected section.
    public var section: SafetyPlanSection { sections[sectionIndex] }

    /// Whether the field is open (keys go to the ``LineEditor``).
    public var isTyping: Bool { mode != .browsing }

    /// One line of key hints for the current mode.
    public var hint: String {
        switch mode {
        case .browsing:
            var hint = "↑/↓ move · Tab section · Enter add/edit · D delete · Esc close"
            if section == .professionals && !suggestions.isEmpty {
                hint += " · 1-\(suggestions.count) add"
            }
            return hint
        case .adding: return "Type one thing for \(guide.section(section).title) · Enter adds · Esc cancels"
        case .editing: return "Change the entry · Enter saves · Esc cancels"
        }
    }

    /// Apply one key. `date` stamps the plan when it changes.
    public mutating func handle(_ key: Key, at date: Date = Date()) -> Outcome {
        isTyping ? handleField(key, at: date) : handleBrowsing(key, at: date)
    }

    // MARK: - Browsing

    private mutating func handleBrowsing(_ key: Key, at date: Date) -> Outcome {
        switch key {
        case .escape, .character("q"):
            return .close
        case .up, .character("k"):
            moveUp()
        case .down, .character("j"):
            moveDown()
        case .tab, .right, .pageDown:
            select(section: min(sectionIndex + 1, sections.count - 1))
        case .left, .pageUp:
            select(section: max(sectionIndex - 1, 0))
        case .home:
            select(section: 0)
        case .end:
            select(section: sections.count - 1)
        case .character("a"), .character("A"), .character("+"):
            startAdding()
        case .enter, .character("e"), .character("E"):
            if let entryIndex {
                mode = .editing(entryIndex)
                field = LineEditor(text: plan[section][entryIndex])
            } else {
                startAdding()
            }
        case .character("d"), .character("D"), .delete, .backspace:
            guard let entryIndex else { return .none }
            guard plan.update(.remove(index: entryIndex, from: section), at: date) else { return .none }
            let count = plan[section].count
            self.entryIndex = count == 0 ? nil : min(entryIndex, count - 1)
            return .changed
        case .character(let digit) where digit.isASCII && digit.isNumber:
            guard section == .professionals, let number = digit.wholeNumberValue,
                (1...suggestions.count).contains(number)
            else { return .none }
            let suggestion = suggestions[number - 1]
            guard !plan[section].contains(suggestion),
                plan.update(.add(suggestion, to: section), at: date)
            else { return .none }
            entryIndex = plan[section].count - 1
            return .changed
        default:
            break
        }
        return .none
    }

    private mutating func startAdding() {
        mode = .adding
        field = LineEditor()
    }

    private mutating func select(section index: Int) {
        sectionIndex = index
        entryIndex = nil
    }

    private mutating func moveUp() {
        if let entryIndex {
            self.entryIndex = entryIndex > 0 ? entryIndex - 1 : nil
        } else if sectionIndex > 0 {
            sectionIndex -= 1
            let count = plan[section].count
            entryIndex = count > 0 ? count - 1 : nil
        }
    }

    private mutating func moveDown() {
        let count = plan[section].count
        let next = (entryIndex ?? -1) + 1
        if next < count {
            entryIndex = next
        } else if sectionIndex < sections.count - 1 {
            select(section: sectionIndex + 1)
        }
    }

    // MARK: - The field

    private mutating func handleField(_ key: Key, at date: Date) -> Outcome {
        switch key {
        case .escape:
            mode = .browsing
            field = LineEditor()
        case .enter:
            return commitField(at: date)
        case .character(let character): field.insert(character)
        case .backspace, .control("h"): field.backspace()
        case .delete, .control("d"): field.deleteForward()
        case .left, .control("b"): field.moveLeft()
        case .right, .control("f"): field.moveRight()
        case .wordLeft, .alt("b"): field.moveWordLeft()
        case .wordRight, .alt("f"): field.moveWordRight()
        case .home, .control("a"): field.moveToLineStart()
        case .end, .control("e"): field.moveToLineEnd()
        case .control("k"): field.killToLineEnd()
        case .control("u"): field.killToLineStart()
        case .control("w"): field.killWordBackward()
        case .control("y"): field.yank()
        default: break
        }
        return .none
    }

    /// Pasted text goes into the field (newlines become spaces: one entry is one line).
    public mutating func paste(_ text: String) {
        guard isTyping else { return }
        field.insert(String(text.map { $0.isNewline ? " " : $0 }))
    }

    private mutating func commitField(at date: Date) -> Outcome {
        let text = field.text.trimmingWhitespace()
        let current = mode
        mode = .browsing
        field = LineEditor()
        switch current {
        case .browsing:
            return .none
        case .adding:
            guard !text.isEmpty, plan.update(.add(text, to: section), at: date) else { return .none }
            entryIndex = plan[section].count - 1
            return .changed
        case .editing(let index):
            guard !text.isEmpty, plan.update(.replace(index: index, in: section, with: text), at: date)
            else { return .none }
            return .changed
        }
    }
}
