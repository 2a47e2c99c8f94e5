import Safeguard
import Testing

@testable import WaymarkReview

@Suite struct AfterChecksTests {
    private let crisis = Assessment(level: .crisis, categories: [.suicide])
    private let calm = Assessment(level: .distress)

    private func run(_ records: [TurnRecord], conversations: Bool = true) throws -> [String: ReviewCheck] {
        let checks = AfterChecks.run(
            records, conversations: conversations, phrases: try ReviewTestSupport.reference().phrases)
        return Dictionary(uniqueKeysWithValues: checks.map { ($0.id, $0) })
    }

    @Test func aSafeguardMessageWithNoReplyNeedsAnInvitation() throws {
        let closed = TurnRecord(
            itemID: "c", turn: 1, text: "…", assessment: crisis, safeguardKind: "fullReferral",
            safeguardText: "Please call Samaritans on 116 123.")
        let open = TurnRecord(
            itemID: "o", turn: 1, text: "…", assessment: crisis, safeguardKind: "fullReferral",
            safeguardText: "Samaritans are there on 116 123. I'm still here if you want to keep talking.")
        let replied = TurnRecord(
            itemID: "r", turn: 1, text: "…", assessment: crisis, safeguardKind: "brief",
            safeguardText: "Shout: 85258.",
            replyText: "That sounds exhausting.")
        let checks = try run([closed, open, replied], conversations: false)
        let continues = try #require(checks["after.conversation_continues"])
        #expect(continues.passed == 2 && continues.failures.map(\.itemID) == ["c"])
        #expect(checks["after.check_in_offered"] == nil)  // single messages: no conversation checks
    }

    @Test func repeatedFullCardsAndMissingCheckInsAreFound() throws {
        let records = [
            TurnRecord(
                itemID: "k", turn: 1, text: "…", assessment: crisis, safeguardKind: "fullReferral",
                replyText: "x"),
            TurnRecord(
                itemID: "k", turn: 2, text: "…", assessment: crisis, safeguardKind: "fullReferral",
                replyText: "x"),
            TurnRecord(itemID: "k", turn: 3, text: "…", assessment: calm, replyText: "x"),
            TurnRecord(
                itemID: "m", turn: 1, text: "…", assessment: crisis, safeguardKind: "fullReferral",
                replyText: "x"),
            TurnRecord(
                itemID: "m", turn: 2, text: "…", assessment: calm, safeguardKind: "checkIn", replyText: "x"),
        ]
        let checks = try run(records)
        let repeated = try #require(checks["after.no_repeated_full_cards"])
        #expect(repeated.failures.map { "\($0.itemID)#\($0.turn)" } == ["k#2"])
        let checkIn = try #require(checks["after.check_in_offered"])
        #expect(checkIn.passed == 1 && checkIn.failures.map(\.itemID) == ["k"])
    }
}
