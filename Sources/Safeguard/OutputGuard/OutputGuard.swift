import Foundation

/// Reviews a responder's reply, sentence by sentence, before it is displayed.
///
/// Removes method, dose and location details, encouragement of harm, claims to be human or a
/// clinician, and diagnoses; replaces non-UK or unknown helpline numbers with UK services and
/// an abrupt refusal with Waymark's framed referral; strips terminal control sequences. Works on
/// a stream: feed deltas to a `Review` and display what it releases.
public struct OutputGuard: Sendable {
    let reviewer: SentenceReviewer
    /// Shown in place of an abrupt refusal.
    public let refusalReplacement: String
    /// Shown in place of a sentence with a non-UK or unknown number.
    public let ukHelp: String
    /// Shown in place of a crisis reply that misread the person or went along with dying.
    public let crisisFallback: String
    /// Shown once where the first part of a reply was removed (`GuardRules.removalNote`).
    public let removalNote: String

    public init(rules: GuardRules, directory: ServiceDirectory, refusalReplacement: String, ukHelp: String) {
        self.reviewer = SentenceReviewer(
            rules: rules, allowedNumbers: directory.displayedNumberDigits,
            allowedAddresses: directory.displayedAddresses)
        self.crisisFallback =
            rules.crisisFallback.isEmpty
            ? "I'm here with you. I'd rather listen than guess: what's happening for you right now?"
            : rules.crisisFallback
        self.refusalReplacement = refusalReplacement
        self.ukHelp = ukHelp
        self.removalNote = rules.removalNote
    }

    /// Start reviewing one streamed reply.
    public func startReview(guidance: ResponderGuidance) -> Review {
        Review(guard: self, guidance: guidance)
    }

    /// The sentences of `text` that give a method, dose or location detail by the guard's own
    /// rules (for checks that nothing shown to the person carries one).
    public static func methodDetails(in text: String, rules: GuardRules) -> [String] {
        let reviewer = SentenceReviewer(rules: rules, allowedNumbers: [])
        var sentences: [String] = []
        for line in text.split(whereSeparator: \.isNewline) {
            var sentence = ""
            for character in line {
                sentence.append(character)
                if ".!?".contains(character) {
                    sentences.append(sentence)
                    sentence = ""
                }
            }
            sentences.append(sentence)
        }
        return sentences.filter { reviewer.review($0, strict: false).contains(.method) }
            .map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// Review a whole reply at once.
    public func review(fullText: String, guidance: ResponderGuidance) -> GuardResult {
        var review = startReview(guidance: guidance)
        _ = review.feed(fullText)
        _ = review.finish()
        return review.result
    }

    /// The review of one reply, fed incrementally.
    public struct Review: Sendable {
        let outputGuard: OutputGuard
        let guidance: ResponderGuidance
        var filter = ControlSequenceFilter()
        var buffer = ""
        var released = ""
        var sawContent = false
        var replacedRefusal = false
        var gaveUKHelp = false
        /// A sentence introducing what follows ("Here are some steps:"), held until the next
        /// sentence is reviewed: if that one is removed, the introduction goes too.
        var heldLeadIn: String?
        /// The last sentence reviewed was removed (not replaced).
        var removedLast = false
        /// The removal note has been shown in this reply.
        var toldOfRemoval = false
        var notes: [String] = []
        var changed = false

        /// Longest run without a sentence end before it is reviewed anyway.
        static let maxPending = 2000

        init(guard outputGuard: OutputGuard, guidance: ResponderGuidance) {
            self.outputGuard = outputGuard
            self.guidance = guidance
        }

        /// Feed the next piece of the reply; returns reviewed text that may be displayed now
        /// (whole sentences only).
        public mutating func feed(_ delta: String) -> String {
            if guidance.mode == .withheld {
                if !delta.isEmpty { sawContent = true }
                return ""
            }
            let clean = filter.feed(delta)
            buffer += clean
            // At crisis the reply is reviewed whole before anything is shown: a reply that
            // misreads the person must not be half-shown.
            if guidance.mode == .strict {
                if !clean.isEmpty { sawContent = true }
                return ""
            }
            var out = ""
            while let cut = sentenceEnd(in: buffer) {
                let sentence = String(buffer[..<cut])
                buffer = String(buffer[cut...])
                out += pass(sentence)
            }
            if buffer.count > Self.maxPending {
                out += pass(buffer)
                buffer = ""
            }
            released += out
            return out
        }

        /// The reply has ended: review and release what is left.
        public mutating func finish() -> String {
            guard guidance.mode != .withheld else { return "" }
            if guidance.mode == .strict { return finishWhole() }
            let rest = buffer
            buffer = ""
            let out = (rest.isEmpty ? "" : pass(rest)) + dropHeldLeadIn()
            released += out
            return out
        }

        /// The result so far (complete after `finish()`).
        public var result: GuardResult {
            var notes = self.notes
            var changed = self.changed
            if filter.removedSomething {
                notes.insert("control characters removed", at: 0)
                changed = true
            }
            if guidance.mode == .withheld {
                return GuardResult(
                    text: "", changed: sawContent, withheld: true,
                    notes: notes + ["reply withheld: the responder is not used this turn"])
            }
            let empty = released.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            return GuardResult(text: released, changed: changed, withheld: empty && sawContent, notes: notes)
        }

        /// Review a crisis reply as a whole: sentence by sentence as usual, but if any sentence
        /// misread the person or went along with dying, the whole reply is replaced.
        mutating func finishWhole() -> String {
            var pending = buffer
            buffer = ""
            var sentences: [String] = []
            while let cut = sentenceEnd(in: pending) {
                sentences.append(String(pending[..<cut]))
                pending = String(pending[cut...])
            }
            if !pending.isEmpty { sentences.append(pending) }
            let bereavement = guidance.categories.contains(.bereavement)
            let wholeReplyProblem = sentences.contains { sentence in
                let findings = outputGuard.reviewer.review(
                    sentence, strict: true, bereavementMentioned: bereavement)
                return findings.contains(.misreading) || findings.contains(.crisisUnsafe)
            }
            var out = ""
            if wholeReplyProblem {
                sawContent = true
                changed = true
                note("reply replaced: it misread the person or could read as going along with harm")
                out = outputGuard.crisisFallback
                if !outputGuard.removalNote.isEmpty {
                    toldOfRemoval = true
                    out = outputGuard.removalNote + " " + out
                }
            } else {
                for sentence in sentences { out += pass(sentence) }
                out += dropHeldLeadIn()
            }
            released += out
            return out
        }

        func sentenceEnd(in text: String) -> String.Index? {
            var index = text.startIndex
            while index < text.endIndex {
                let c = text[index]
                let next = text.index(after: index)
                if c == "\n" { return next }
                if ".!?…".contains(c) {
                    guard next < text.endIndex else { return nil }
                    let following = text[next]
                    if following == " " || following == "\n" {
                        return text.index(after: next)
                    }
                }
                index = next
            }
            return nil
        }

        /// Review one sentence, holding back an introduction until what it introduces is known
        /// to be shown (so no "Here's what you can take:" is left with its list removed).
        mutating func pass(_ sentence: String) -> String {
            if sentence.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                if heldLeadIn != nil {
                    heldLeadIn? += sentence
                    return ""
                }
                return sentence
            }
            let reviewed = reviewSentence(sentence)
            let shown = !reviewed.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            var out = ""
            if let lead = heldLeadIn {
                heldLeadIn = nil
                if shown {
                    out += lead
                } else {
                    note("introduction removed with what it introduced")
                }
            }
            if removedLast && !toldOfRemoval && !outputGuard.removalNote.isEmpty {
                // One honest line where the first gap would be, instead of a silent gap.
                toldOfRemoval = true
                note("the person was told that details were left out")
                let trailing = String(sentence.reversed().prefix { $0 == " " || $0 == "\n" }.reversed())
                out += outputGuard.removalNote + trailing
            }
            if shown && Self.isLeadIn(reviewed) {
                heldLeadIn = reviewed
                return out
            }
            return out + reviewed
        }

        /// The reply ended right after an introduction: nothing it introduced is left (an
        /// untouched reply is released as it was).
        mutating func dropHeldLeadIn() -> String {
            guard let lead = heldLeadIn else { return "" }
            heldLeadIn = nil
            guard changed else { return lead }
            note("introduction removed with what it introduced")
            return ""
        }

        static func isLeadIn(_ sentence: String) -> Bool {
            sentence.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix(":")
        }

        mutating func reviewSentence(_ sentence: String) -> String {
            guard !sentence.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return sentence }
            sawContent = true
            let trailing = String(sentence.reversed().prefix { $0 == " " || $0 == "\n" }.reversed())
            let findings = outputGuard.reviewer.review(
                sentence, strict: guidance.mode == .strict,
                bereavementMentioned: guidance.categories.contains(.bereavement))
            removedLast = false
            guard !findings.isEmpty else { return sentence }
            changed = true
            removedLast = true
            if findings.contains(.method) {
                note("method or dose detail removed")
                return ""
            }
            if findings.contains(.encouragement) {
                note("encouragement of harm removed")
                return ""
            }
            if findings.contains(.claim) {
                note("claim to be human or a professional removed")
                return ""
            }
            if findings.contains(.diagnosis) {
                note("diagnosis removed")
                return ""
            }
            if findings.contains(.refusal) {
                note("refusal replaced with Waymark's referral")
                removedLast = false
                guard !replacedRefusal else { return "" }
                replacedRefusal = true
                return outputGuard.refusalReplacement + (trailing.isEmpty ? " " : trailing)
            }
            if findings.contains(.misreading) || findings.contains(.crisisUnsafe) {
                note("sentence removed: it misread the person or could read as going along with harm")
                return ""
            }
            if findings.contains(.unknownAddress) {
                note("unknown email or web address removed")
                return ""
            }
            if findings.contains(.nonUKNumber) || findings.contains(.unknownNumber) {
                note(
                    findings.contains(.nonUKNumber)
                        ? "non-UK number replaced with UK services"
                        : "unknown number replaced with UK services")
                removedLast = false
                guard !gaveUKHelp else { return "" }
                gaveUKHelp = true
                return outputGuard.ukHelp + (trailing.isEmpty ? " " : trailing)
            }
            removedLast = false
            return sentence
        }

        mutating func note(_ text: String) {
            if !notes.contains(text) { notes.append(text) }
        }
    }
}
