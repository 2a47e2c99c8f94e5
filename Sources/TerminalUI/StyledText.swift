/// Text with styles, for panels: a paragraph made of runs, wrapped by display width.
public struct StyledText: Sendable, Equatable {
    /// A piece of text in one style.
    public struct Run: Sendable, Equatable {
        public var text: String
        public var style: CellStyle

        public init(_ text: String, _ style: CellStyle = .normal) {
            self.text = text
            self.style = style
        }
    }

    public var runs: [Run]
    /// Columns continuation lines are indented by.
    public var hangingIndent: Int

    public init(_ runs: [Run], hangingIndent: Int = 0) {
        self.runs = runs
        self.hangingIndent = hangingIndent
    }

    public init(_ text: String, _ style: CellStyle = .normal, hangingIndent: Int = 0) {
        self.init([Run(text, style)], hangingIndent: hangingIndent)
    }

    /// An empty line.
    public static let blank = StyledText("")

    /// Wrap into lines of runs at most `width` columns wide (sanitized).
    public func wrapped(width: Int) -> [[Run]] {
        var characters: [Character] = []
        var styles: [CellStyle] = []
        for run in runs {
            for character in DisplayWidth.sanitize(run.text) {
                characters.append(character)
                styles.append(run.style)
            }
        }
        let widths = characters.map { DisplayWidth.of($0) }
        let firstRanges = TextWrapper.ranges(characters, widths: widths, width: max(1, width))
        guard hangingIndent > 0, firstRanges.count > 1, width > hangingIndent + 4 else {
            return firstRanges.map { runs(characters, styles, $0) }
        }
        // Re-wrap the rest at the narrower width, behind the indent.
        var result = [runs(characters, styles, firstRanges[0])]
        var restStart = firstRanges[1].lowerBound
        while restStart < characters.count, characters[restStart] == " " { restStart += 1 }
        let rest = Array(characters[restStart...])
        let restStyles = Array(styles[restStart...])
        let restWidths = Array(widths[restStart...])
        let indent = Run(String(repeating: " ", count: hangingIndent))
        for range in TextWrapper.ranges(rest, widths: restWidths, width: width - hangingIndent) {
            result.append([indent] + runs(rest, restStyles, range))
        }
        return result
    }

    private func runs(_ characters: [Character], _ styles: [CellStyle], _ range: Range<Int>) -> [Run] {
        var result: [Run] = []
        for index in range {
            if let last = result.last, last.style == styles[index] {
                result[result.count - 1].text.append(characters[index])
            } else {
                result.append(Run(String(characters[index]), styles[index]))
            }
        }
        return result
    }
}

extension CellGrid {
    /// Draw styled runs on one row, clipped to `maxColumns`. Returns columns used.
    @discardableResult
    public mutating func put(runs: [StyledText.Run], row: Int, col: Int, maxColumns: Int) -> Int {
        var used = 0
        for run in runs {
            guard used < maxColumns else { break }
            used += put(run.text, row: row, col: col + used, maxColumns: maxColumns - used, style: run.style)
        }
        return used
    }
}
