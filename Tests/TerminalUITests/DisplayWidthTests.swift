import Testing

@testable import TerminalUI

@Suite struct DisplayWidthTests {
    init() { _ = utf8Locale }

    @Test(arguments: [
        ("hello", 5), ("héllo", 5), ("e\u{301}", 1), ("中文", 4), ("ｶﾅ", 2), ("😀", 2), ("한국어", 6), ("", 0),
    ])
    func widthIsTheWcwidthSum(text: String, expected: Int) {
        #expect(DisplayWidth.of(text) == expected)
    }

    /// Issue 15, bug 4: clusters are kept whole and measured as one wide character each.
    static let clusters = "👩\u{200D}👩\u{200D}👧 👍🏽 🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F} 🇬🇧 ☀️"

    @Test func sanitizeKeepsEmojiClustersWhole() {
        #expect(DisplayWidth.sanitize(Self.clusters) == Self.clusters)
        #expect(DisplayWidth.sanitize("❤️") == "❤️")
        #expect(DisplayWidth.sanitize("👨‍👩‍👧 ok") == "👨‍👩‍👧 ok")
    }

    @Test func emojiClustersAreMeasuredAsTheTerminalDrawsThem() {
        for cluster in Self.clusters.split(separator: " ") {
            #expect(DisplayWidth.of(cluster) == 2, "\(cluster)")
        }
        #expect(DisplayWidth.of(Self.clusters) == 14)
        #expect(DisplayWidth.of("e\u{301}") == 1)  // combining marks still add nothing
        #expect(ClusterWidths.Kind(Character("👍🏽")) == .modifierSequence)
        #expect(ClusterWidths.Kind(Character("☀️")) == .presentationSequence)
        #expect(ClusterWidths.Kind(Character("🇬🇧")) == .regionalFlag)
        #expect(ClusterWidths.Kind(Character("e\u{301}")) == nil)
    }

    @Test func aCellHoldsAWholeCluster() {
        var grid = CellGrid(rows: 1, cols: 20)
        #expect(grid.put(Self.clusters, row: 0, col: 0) == 14)
        #expect(grid.line(0) == Self.clusters)
        #expect(grid[0, 0].text == "👩\u{200D}👩\u{200D}👧" && grid[0, 1].text.isEmpty)
        #expect(grid[0, 12].text == "☀️")
        // A cluster that would straddle the edge is not drawn in half.
        var narrow = CellGrid(rows: 1, cols: 3)
        narrow.put("a👍🏽b", row: 0, col: 0)
        #expect(narrow.line(0) == "a👍🏽")
    }

    @Test func sanitizeRemovesControlsAndExpandsTabs() {
        #expect(DisplayWidth.sanitize("a\tb") == "a   b")
        #expect(DisplayWidth.sanitize("x\u{1B}[2Jy") == "x\u{FFFD}[2Jy")
        #expect(DisplayWidth.sanitize("bell\u{7}") == "bell\u{FFFD}")
        #expect(DisplayWidth.sanitize("keep\nlines") == "keep\nlines")
        #expect(DisplayWidth.sanitize("cafe\u{301}") == "cafe\u{301}")
    }

    @Test func prefixAndTruncateNeverSplitWideCharacters() {
        #expect(DisplayWidth.prefix("ab中文", columns: 3) == "ab")
        #expect(DisplayWidth.prefix("ab中文", columns: 4) == "ab中")
        #expect(DisplayWidth.suffix("中文ab", columns: 3) == "ab")
        #expect(DisplayWidth.truncate("hello world", columns: 6) == "hello…")
        #expect(DisplayWidth.truncate("short", columns: 6) == "short")
    }
}
