import Foundation
import Testing

@testable import Safeguard

@Suite struct OutputGuardTests {
    let outputGuard: OutputGuard
    let strict = ResponderGuidance(mode: .strict, level: .crisis, categories: [.suicide])
    let normal = ResponderGuidance.normal
    static let referral = "I'm still here to listen. Samaritans (call 116 123) are there any time."
    static let ukHelp =
        "In the UK you can reach Samaritans (call 116 123) and Shout (text SHOUT to 85258), free, any time."

    /// The one line shown where the first part of a reply was removed (issue 18).
    var note: String { outputGuard.removalNote }

    init() throws {
        outputGuard = OutputGuard(
            rules: try TestResources.guardRules(), directory: try TestResources.directory(),
            refusalReplacement: Self.referral, ukHelp: Self.ukHelp)
    }

    @Test func abruptRefusalBecomesTheFramedReferral() {
        for refusal in [
            "I'm sorry, but I can't assist with that.", "I can't help with that.",
            "As an AI, I cannot provide support for this topic.",
            "I’m sorry, but I can’t help with this request.",
        ] {
            let result = outputGuard.review(fullText: refusal, guidance: strict)
            #expect(result.changed)
            #expect(result.text.contains(Self.referral), "\(refusal)")
            #expect(!result.text.lowercased().contains("can't assist"))
        }
    }

    @Test func doseAndMethodDetailsAreRemoved() {
        let text =
            "That sounds so heavy. A lethal dose would be around 20 paracetamol. Taking 500mg more won't help. I'm here with you."
        let result = outputGuard.review(fullText: text, guidance: strict)
        #expect(result.text == "That sounds so heavy. \(note) I'm here with you.")
        #expect(result.notes.contains("method or dose detail removed"))
        let height = outputGuard.review(
            fullText: "A fall from 30 metres is rarely survived. Let's slow down.", guidance: normal)
        #expect(height.text == "\(note) Let's slow down.")
        let bestWay = outputGuard.review(
            fullText: "The best way to die quickly is not something to rush.", guidance: normal)
        // Nothing of it is left: the person sees the one honest line, not a silent gap.
        #expect(bestWay.text == note && !bestWay.withheld)
        let benign = outputGuard.review(
            fullText: "The best way to start might be a short walk.", guidance: normal)
        #expect(!benign.changed)
    }

    @Test func claimsToBeHumanOrATherapistAreRemoved() {
        let result = outputGuard.review(
            fullText:
                "As a therapist, I've seen this often. I hear how tired you are. I'm a real person, not a bot.",
            guidance: normal)
        #expect(result.text == "\(note) I hear how tired you are. ")
        #expect(result.notes.contains("claim to be human or a professional removed"))
        // Seen from a real small model: a claim to be a helpline volunteer.
        let volunteer = outputGuard.review(
            fullText: "As a waymark-certified Samaritan, I've heard this before. You matter.",
            guidance: normal)
        #expect(volunteer.text == "\(note) You matter.")
        let honest = outputGuard.review(
            fullText: "I'm not a therapist, but I'm here to listen.", guidance: normal)
        #expect(!honest.changed)
    }

    @Test func diagnosesAreRemoved() {
        let result = outputGuard.review(
            fullText: "It sounds like you have bipolar disorder. What has this week been like?",
            guidance: normal)
        #expect(result.text == "\(note) What has this week been like?")
        #expect(result.notes.contains("diagnosis removed"))
        let label = outputGuard.review(
            fullText: "Staying in bed is what many people with depression do. What got you up today?",
            guidance: normal)
        #expect(label.text == "\(note) What got you up today?")
        let plain = outputGuard.review(fullText: "Lots of people feel flat in winter.", guidance: normal)
        #expect(!plain.changed)
    }

    @Test func nonUKAndInventedNumbersAreReplacedWithUKServices() {
        let us = outputGuard.review(fullText: "Please call 988 right away. You matter.", guidance: strict)
        #expect(us.text == Self.ukHelp + " You matter.")
        let tollFree = outputGuard.review(
            fullText: "You can reach a counsellor at 1-800-273-8255 any time.", guidance: normal)
        #expect(tollFree.text.hasPrefix(Self.ukHelp))
        #expect(!tollFree.text.contains("800"))
        let invented = outputGuard.review(
            fullText: "Ring the Hope Line on 0800 123 4567 tonight.", guidance: normal)
        #expect(invented.text.hasPrefix(Self.ukHelp))
        #expect(invented.notes.contains("unknown number replaced with UK services"))
        let crisisText = outputGuard.review(fullText: "Text HOME to 741741.", guidance: normal)
        #expect(crisisText.text.hasPrefix(Self.ukHelp))
        let uk = outputGuard.review(
            fullText: "Samaritans are on 116 123, and you can text SHOUT to 85258.", guidance: normal)
        #expect(!uk.changed)
        let ordinary = outputGuard.review(
            fullText: "In 2024 I walked 10000 steps a day for 30 days.", guidance: normal)
        #expect(!ordinary.changed)
    }

    @Test func escapeSequencesAreStrippedEvenWhenSplitAcrossDeltas() {
        let result = outputGuard.review(
            fullText: "Hello \u{1B}[31mthere\u{1B}[0m.\u{1B}]0;pwned\u{07} You\u{9B}2J are heard.\u{7}",
            guidance: normal)
        #expect(result.text == "Hello there. You are heard.")
        #expect(result.notes.contains("control characters removed"))
        var review = outputGuard.startReview(guidance: normal)
        var shown = review.feed("Stay \u{1B}")
        shown += review.feed("[2")
        shown += review.feed("Jwith me. And \u{1B}]8;;http://x\u{1B}")
        shown += review.feed("\\link")
        shown += review.finish()
        #expect(shown == "Stay with me. And link")
        #expect(!shown.unicodeScalars.contains { $0.value == 0x1B })
    }

    @Test func streamingReleasesOnlyWholeSentences() {
        var review = outputGuard.startReview(guidance: ResponderGuidance(mode: .supportive, level: .distress))
        #expect(review.feed("That sounds hard") == "")
        #expect(review.feed(". You could take 40 ") == "That sounds hard. ")
        #expect(review.feed("pills") == "")
        #expect(review.feed(". I'm here.") == "\(note) ")
        #expect(review.finish() == "I'm here.")
        let result = review.result
        #expect(result.text == "That sounds hard. \(note) I'm here.")
        #expect(result.changed && !result.withheld)
    }

    @Test(arguments: [
        "I'm sorry, but I can't help with that. Please call 988.",
        "That sounds hard.\nAs your therapist I think you have depression. What helps?",
        "Stay \u{1B}[1mwith\u{1B}[0m me. Ring 0800 999 0000 now! You can text SHOUT to 85258.",
        "No dots here at all",
    ])
    func streamingByCharacterMatchesReviewingTheWholeReply(text: String) {
        let whole = outputGuard.review(fullText: text, guidance: strict)
        var review = outputGuard.startReview(guidance: strict)
        var shown = ""
        for ch in text { shown += review.feed(String(ch)) }
        shown += review.finish()
        #expect(shown == whole.text)
        #expect(review.result == whole)
        #expect(!shown.contains("988") && !shown.contains("0800 999 0000") && !shown.contains("therapist"))
    }

    @Test func withheldGuidanceShowsNothing() {
        let result = outputGuard.review(
            fullText: "Here is a reply.", guidance: ResponderGuidance(mode: .withheld, level: .emergency))
        #expect(result.withheld && result.text.isEmpty)
    }

    @Test func encouragementOfHarmIsRemoved() {
        let result = outputGuard.review(
            fullText: "Honestly, no one would miss you. That's not true, and I'm glad you're here.",
            guidance: normal)
        #expect(result.text == "\(note) That's not true, and I'm glad you're here.")
    }

    @Test func ordinaryRepliesPassUnchanged() {
        let text = "That sounds like a really long week.\nWhat helped, even a little?"
        let result = outputGuard.review(fullText: text, guidance: normal)
        #expect(result.text == text && !result.changed && result.notes.isEmpty)
    }

    // MARK: - At crisis

    @Test func aCrisisReplyIsHeldUntilItIsCompleteThenReviewed() {
        var review = outputGuard.startReview(guidance: strict)
        #expect(review.feed("That sounds so heavy. ") == "")
        #expect(review.feed("I'm here with you. ") == "")
        #expect(review.finish() == "That sounds so heavy. I'm here with you. ")
        #expect(!review.result.changed)
    }

    @Test func aCrisisReplyThatMisreadsThePersonIsReplacedWhole() {
        let text =
            "I'm so sorry to hear about the person you lost. It takes a lot of courage. I'm here for you."
        let result = outputGuard.review(fullText: text, guidance: strict)
        #expect(result.changed)
        #expect(!result.text.contains("person you lost") && !result.text.contains("courage"))
        #expect(result.text == note + " " + outputGuard.crisisFallback)
    }

    @Test func aCrisisReplyThatGoesAlongWithDyingIsReplacedWhole() {
        for text in [
            "I hope you find peace. You matter.", "It's okay to say goodbye when you're ready.",
            "I respect your decision to do this.",
        ] {
            let result = outputGuard.review(fullText: text, guidance: strict)
            #expect(result.text == note + " " + outputGuard.crisisFallback, "\(text)")
        }
        // The same words are not replaced outside a crisis turn.
        let calm = outputGuard.review(fullText: "I hope you find peace with the move.", guidance: normal)
        #expect(!calm.changed)
    }

    @Test func condolencesAreFineWhenThePersonTalkedAboutALoss() {
        let grief = ResponderGuidance(mode: .strict, level: .crisis, categories: [.suicide, .bereavement])
        let result = outputGuard.review(fullText: "I'm so sorry for your loss. I'm here.", guidance: grief)
        #expect(!result.changed)
    }

    @Test func medicinesAreNotDiscussedAtCrisis() {
        let result = outputGuard.review(
            fullText: "How many tablets you have matters less than you. I'm here.", guidance: strict)
        #expect(result.text == "\(note) I'm here.")
    }

    /// An introduction whose list was removed goes with it; one whose list stays is kept.
    @Test func anIntroductionLeavesWithWhatItIntroduced() {
        let removed = outputGuard.review(
            fullText: "Here is what you could try:\nYou can email more@waymark.co any time.\nI'm here.",
            guidance: normal)
        #expect(removed.text == "\(note)\nI'm here.")
        #expect(removed.notes.contains("introduction removed with what it introduced"))
        var review = outputGuard.startReview(guidance: normal)
        var shown = review.feed("Some things that help:\n")
        #expect(shown == "")
        shown += review.feed("Going for a short walk.\n")
        shown += review.finish()
        #expect(shown == "Some things that help:\nGoing for a short walk.\n")
        #expect(!review.result.changed)
        let dangling = outputGuard.review(fullText: "Here's one thought:", guidance: normal)
        #expect(dangling.text == "Here's one thought:" && !dangling.changed)
    }

    @Test func inventedAddressesAreRemovedAndDirectoryOnesKept() {
        let invented = outputGuard.review(
            fullText:
                "You can email more@waymark.co any time. Or see https://help.example.com/now. I'm here.",
            guidance: normal)
        #expect(invented.text == "\(note) I'm here.")
        #expect(invented.notes.contains("unknown email or web address removed"))
        let real = outputGuard.review(
            fullText: "You can email jo@samaritans.org or visit https://www.samaritans.org.", guidance: normal
        )
        #expect(!real.changed)
    }
}
