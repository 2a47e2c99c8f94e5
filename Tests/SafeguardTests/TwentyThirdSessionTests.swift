import Foundation
import Testing
import WaymarkTestTraits

@testable import Safeguard

/// The twenty-third session: how long a wish to die has lasted is not the idiom "to die for".
@Suite(.ownThread) struct TwentyThirdSessionWishForAWhileTests {
    /// A wish to die with how long it has lasted is a crisis. "to die for" and "dying for" are
    /// idioms only with no length of time after them.
    @Test func aWishToDieForWeeksIsACrisis() throws {
        let shipped = try #require(TestEngine.shipped)
        for text in [
            "i've wanted to die for weeks",
            "honestly i have wanted to die for months now",
            "been wanting to die for days and i'm so tired",
            "i've felt like dying for a while",
        ] {
            let read = shipped.assess(text)
            #expect(read.level == .crisis, "\(text): \(read.level)")
            #expect(read.categories.contains(.suicide), "\(text)")
        }
    }

    @Test func theIdiomsStayOrdinary() throws {
        let shipped = try #require(TestEngine.shipped)
        for text in [
            "the sticky toffee pudding at that pub is to die for",
            "i'm dying for a brew after that meeting",
            "she's got a kitchen to die for, been wanting one like it for ages",
        ] {
            #expect(shipped.assess(text).level < .crisis, "\(text)")
        }
    }
}

/// The twenty-third session: a goodbye someone sent the writer is the sender's risk, even where
/// the encoder reads the message and "me" is the nearest pronoun.
@Suite(.ownThread) struct TwentyThirdSessionGoodbyeSentTests {
    @Test func aGoodbyeSentToTheWriterIsTheSendersRisk() throws {
        let shipped = try #require(TestEngine.shipped)
        for text in [
            "my brother sent me a goodbye text and his phone is off",
            "my mate sent me a goodbye message an hour ago and now nothing",
        ] {
            let read = shipped.assess(text)
            #expect(read.level >= .crisis, "\(text): \(read.level)")
            #expect(read.subject == .other, "\(text): \(read.subject)")
        }
        // A goodbye before a move abroad stays ordinary.
        let moving = "my flatmate sent me a goodbye message before she flew to sydney"
        #expect(shipped.assess(moving).level < .crisis)
    }
}
