import Synchronization

/// How many columns the terminal gives the emoji clusters that `wcwidth` cannot measure (it
/// counts per scalar: 👍🏽 = 4, a ZWJ family = 6, ☀️ = 1). Terminals differ: most current ones
/// draw each of these as one wide (2-column) character, tmux 3.3 draws 👍🏽 as 4 and ☀️ as 1.
/// The chat measures its terminal once at start (``NcursesTerminal``'s width probe) and sets
/// ``current``, so the screen's layout matches what is really drawn; tests and line mode use
/// ``unicode``.
public struct ClusterWidths: Sendable, Equatable {
    /// The kinds of cluster whose width depends on the terminal.
    public enum Kind: Sendable, CaseIterable {
        /// Emoji joined by U+200D (👩‍👩‍👧).
        case zwjSequence
        /// An emoji with a skin-tone modifier (👍🏽).
        case modifierSequence
        /// A flag written with tag characters (🏴󠁧󠁢󠁳󠁣󠁴󠁿).
        case tagSequence
        /// A flag written as two regional indicators (🇬🇧).
        case regionalFlag
        /// A character with the emoji presentation selector U+FE0F (☀️, ❤️, 1️⃣).
        case presentationSequence

        /// A sample to measure the terminal with.
        public var sample: String {
            switch self {
            case .zwjSequence: "👩\u{200D}👩\u{200D}👧"
            case .modifierSequence: "👍🏽"
            case .tagSequence: "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}"
            case .regionalFlag: "🇬🇧"
            case .presentationSequence: "☀\u{FE0F}"
            }
        }

        /// The kind of a cluster of more than one scalar, or `nil` when `wcwidth` summed per
        /// scalar already measures it (a letter with combining marks, a Hangul syllable…).
        public init?(_ character: Character) {
            let scalars = character.unicodeScalars
            guard let first = scalars.first, scalars.count > 1 else { return nil }
            let isEmoji = first.properties.isEmoji
            if isEmoji, scalars.contains(where: { $0.value == 0x200D }) {
                self = .zwjSequence
            } else if scalars.contains(where: { (0xE0020...0xE007F).contains($0.value) }) {
                self = .tagSequence
            } else if (0x1F1E6...0x1F1FF).contains(first.value) {
                self = .regionalFlag
            } else if scalars.contains(where: { (0x1F3FB...0x1F3FF).contains($0.value) }) {
                self = .modifierSequence
            } else if isEmoji, scalars.contains(where: { $0.value == 0xFE0F }) {
                self = .presentationSequence
            } else {
                return nil
            }
        }
    }

    public var zwjSequence: Int
    public var modifierSequence: Int
    public var tagSequence: Int
    public var regionalFlag: Int
    public var presentationSequence: Int

    public init(
        zwjSequence: Int = 2, modifierSequence: Int = 2, tagSequence: Int = 2, regionalFlag: Int = 2,
        presentationSequence: Int = 2
    ) {
        self.zwjSequence = zwjSequence
        self.modifierSequence = modifierSequence
        self.tagSequence = tagSequence
        self.regionalFlag = regionalFlag
        self.presentationSequence = presentationSequence
    }

    /// Each such cluster one wide character (Unicode's emoji presentation, UTS #51), as most
    /// current terminals draw them.
    public static let unicode = ClusterWidths()

    /// The width for a kind.
    public subscript(kind: Kind) -> Int {
        get {
            switch kind {
            case .zwjSequence: zwjSequence
            case .modifierSequence: modifierSequence
            case .tagSequence: tagSequence
            case .regionalFlag: regionalFlag
            case .presentationSequence: presentationSequence
            }
        }
        set {
            switch kind {
            case .zwjSequence: zwjSequence = newValue
            case .modifierSequence: modifierSequence = newValue
            case .tagSequence: tagSequence = newValue
            case .regionalFlag: regionalFlag = newValue
            case .presentationSequence: presentationSequence = newValue
            }
        }
    }

    /// The widths of the terminal in use: set once when the chat screen starts (before the first
    /// frame is laid out), read by ``DisplayWidth``.
    public static var current: ClusterWidths {
        get { stored.withLock { $0 } }
        set { stored.withLock { $0 = newValue } }
    }

    private static let stored = Mutex(ClusterWidths.unicode)
}
