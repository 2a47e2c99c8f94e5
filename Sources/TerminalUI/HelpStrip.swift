import Safeguard

/// The always-visible crisis line at the bottom of the screen.
///
/// Items are dropped or shortened from the end as the terminal narrows; "999" and
/// "Samaritans 116 123" are always kept (on two rows if one is not wide enough). Every number
/// here is a confirmed or corroborated fact from the reviewed UK service directory.
public struct HelpStrip: Sendable, Equatable {
    /// The UK nation the person is in, for the nation-specific urgent route (the safeguard's).
    public typealias Nation = Safeguard.Nation

    public var nation: Nation?

    public init(nation: Nation? = nil) {
        self.nation = nation
    }

    /// The nation's own urgent mental-health route, if one is known.
    public var nationItem: String? {
        switch nation {
        case .england: "NHS 111, mental health option"
        case .scotland: "NHS 24: call 111"
        case .wales: "NHS 111 Wales, press 2"
        case .northernIreland: "Lifeline 0808 808 8000"
        case nil: nil
        }
    }

    /// The full strip on one line.
    public var fullText: String {
        ([danger, samaritansLong, shout] + (nationItem.map { [$0] } ?? [])).joined(separator: separator)
    }

    /// Printed to the terminal when the chat closes, so the numbers stay in view.
    public var exitText: String {
        "Help any time: "
            + (["999", samaritans, shout] + (nationItem.map { [$0] } ?? [])).joined(separator: separator)
    }

    /// How many rows the strip needs at `cols` columns (1, or 2 on very narrow terminals).
    public func rows(forCols cols: Int) -> Int {
        DisplayWidth.of(minimalOneLine) <= max(0, cols - 1) ? 1 : 2
    }

    /// The strip's rows for a width, longest variant that fits. The last column is left free
    /// (the bottom-right cell cannot be written by curses).
    public func lines(forCols cols: Int) -> [String] {
        let usable = max(0, cols - 1)
        var variants: [[String]] = []
        if let nationItem { variants.append([danger, samaritansLong, shout, nationItem]) }
        variants += [
            [danger, samaritansLong, shout],
            [danger, samaritans, shout],
            [danger, samaritansLong],
            [danger, samaritans],
            ["999", samaritans],
        ]
        for variant in variants {
            let line = variant.joined(separator: separator)
            if DisplayWidth.of(line) <= usable { return [line] }
        }
        return [
            DisplayWidth.truncate("In danger: 999", columns: usable),
            DisplayWidth.truncate(
                DisplayWidth.of(samaritans) <= usable ? samaritans : "116 123 Samaritans", columns: usable),
        ]
    }

    private let danger = "In danger now: 999"
    private let samaritansLong = "Samaritans 116 123 (free, 24/7)"
    private let samaritans = "Samaritans 116 123"
    private let shout = "Text SHOUT to 85258"
    private let separator = " · "
    private var minimalOneLine: String { "999" + separator + samaritans }
}
