import ChatCore
import Testing

@testable import TerminalUI

@Suite struct TranscriptViewTests {
    init() { _ = utf8Locale }

    private func entries(_ count: Int) -> [TranscriptEntry] {
        (1...count).map { Sample.reply($0, "line \($0)", turn: $0) }
    }

    @Test func showsTheNewestLinesAtTheBottom() {
        var grid = CellGrid(rows: 4, cols: 20)
        TranscriptView(entries: entries(5)[...]).render(in: grid.bounds, into: &grid)
        #expect(grid.lines == ["", " Waymark", "   line 5", ""])
    }

    @Test func scrolledUpShowsNewMessagesBelowMarker() {
        var grid = CellGrid(rows: 4, cols: 30)
        let used = TranscriptView(entries: entries(5)[...], scrollOffset: 3, unseenBelow: true).render(
            in: grid.bounds, into: &grid)
        #expect(used == 3)
        #expect(grid.lines == [" Waymark", "   line 4", "", " ↓ New messages below · PgDn…"])
    }

    @Test func scrollIsClampedAtTheTop() {
        var grid = CellGrid(rows: 5, cols: 20)
        let used = TranscriptView(entries: entries(2)[...], scrollOffset: 100).render(
            in: grid.bounds, into: &grid)
        #expect(used == 2)
        #expect(grid.lines[0] == " Waymark")
    }

    @Test func streamingReplyShowsItIsStillComing() {
        var grid = CellGrid(rows: 3, cols: 20)
        TranscriptView(entries: [Sample.reply(1, "Thinking", turn: 1, status: .streaming)][...]).render(
            in: grid.bounds, into: &grid)
        #expect(grid.lines == [" Waymark", "   Thinking …", ""])
    }

    @Test func cacheRewrapsOnlyChangedEntries() {
        let cache = TranscriptLayoutCache()
        var grid = CellGrid(rows: 10, cols: 20)
        var list = entries(3)
        TranscriptView(entries: list[...], cache: cache).render(in: grid.bounds, into: &grid)
        #expect(cache.count == 3)
        list[2].text = "changed text"
        grid.clear()
        TranscriptView(entries: list[...], cache: cache).render(in: grid.bounds, into: &grid)
        #expect(grid.lines.contains("   changed text"))
    }

    @Test func onlyTheVisibleWindowIsLaidOutForLongTranscripts() {
        let cache = TranscriptLayoutCache()
        var grid = CellGrid(rows: 10, cols: 40)
        TranscriptView(entries: entries(10_000)[...], cache: cache).render(in: grid.bounds, into: &grid)
        #expect(cache.count < 10)
    }

    @Test func controlCharactersInMessagesCannotMoveTheCursor() {
        var grid = CellGrid(rows: 3, cols: 30)
        TranscriptView(entries: [Sample.user(1, "a\u{1B}[2Jb\tc", turn: 1)][...]).render(
            in: grid.bounds, into: &grid)
        #expect(grid.lines[1] == "   a\u{FFFD}[2Jb  c")
    }
}

@Suite struct TranscriptScrollAnchorTests {
    init() { _ = utf8Locale }

    @Test func viewStaysStillWhileTheConversationGrowsBelow() {
        let cache = TranscriptLayoutCache()
        var list = (1...6).map { Sample.reply($0, "line \($0)", turn: $0) }
        var grid = CellGrid(rows: 4, cols: 30)
        let first = TranscriptView(entries: list[...], scrollOffset: 6, cache: cache).render(
            in: grid.bounds, into: &grid)
        let before = grid.lines
        list.append(Sample.reply(7, "line 7", turn: 7))
        list[5].text = "line 6 grew\nonto two lines"
        grid.clear()
        let second = TranscriptView(entries: list[...], scrollOffset: first, unseenBelow: true, cache: cache)
            .render(
                in: grid.bounds, into: &grid)
        #expect(second == first + 4)  // 3 new lines of entry 7, 1 more line of entry 6
        #expect(Array(grid.lines.prefix(3)) == Array(before.prefix(3)))
        #expect(grid.lines[3].contains("New messages below"))
    }
}
