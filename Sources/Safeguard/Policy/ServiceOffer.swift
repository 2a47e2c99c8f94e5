/// One service offered to the person: who, how to reach them, whether it is free, the hours.
public struct ServiceOffer: Sendable, Equatable {
    public var serviceID: String
    public var name: String
    /// The channels to show, most direct first (calls, texts, chat, then the rest).
    public var channels: [ContactChannel]
    /// `nil` when the cost is not established.
    public var isFree: Bool?
    /// Verified hours, or "hours not confirmed: check the website".
    public var hoursText: String
    /// Whether it is open at the time of matching; `nil` when the hours are not known.
    public var isOpenNow: Bool?
    /// When the details were last checked (YYYY-MM-DD).
    public var checked: String
    /// The risk categories the service specialises in.
    public var topics: [RiskCategory]

    public init(
        serviceID: String, name: String, channels: [ContactChannel], isFree: Bool?, hoursText: String,
        isOpenNow: Bool?, checked: String, topics: [RiskCategory] = []
    ) {
        self.serviceID = serviceID
        self.name = name
        self.channels = channels
        self.isFree = isFree
        self.hoursText = hoursText
        self.isOpenNow = isOpenNow
        self.checked = checked
        self.topics = topics
    }

    /// Whether one of the channels is a text message or web chat (for people who cannot phone).
    public var hasTextOption: Bool {
        channels.contains { $0.kind == .text || $0.kind == .webchat }
    }

    /// Whether `words` (a message's lower-case words) name this service: its number as they
    /// would write it ("111", "116 123", "85258"), or its name before any bracket or dash —
    /// all of it when it is several words ("anxiety uk", "breathing space"), or one word of at
    /// least seven letters ("samaritans", "childline", "papyrus"; never "calm", "beat" or "mind",
    /// which are everyday words).
    public func isNamed(in words: [String]) -> Bool {
        var numbers: Set<String> = []
        for index in words.indices where words[index].allSatisfy(\.isNumber) {
            numbers.insert(words[index])
            if index + 1 < words.count, words[index + 1].allSatisfy(\.isNumber) {
                numbers.insert(words[index] + words[index + 1])
            }
        }
        for channel in channels where channel.kind == .call || channel.kind == .text {
            let digits = String((channel.dial ?? channel.value).filter(\.isNumber))
            if digits.count >= 3, numbers.contains(digits) { return true }
        }
        var base = name.lowercased()
        for cut in [" (", " - ", " / "] {
            if let range = base.range(of: cut) { base = String(base[..<range.lowerBound]) }
        }
        let nameWords = PersonMentions.words(of: base)
        guard let first = nameWords.first else { return false }
        if nameWords.count == 1 {
            return first.count >= 7 && first.allSatisfy(\.isLetter) && words.contains(first)
        }
        guard words.count >= nameWords.count else { return false }
        // Compared in place: a pasted megabyte is ~200,000 words, and an array per position
        // would be as many allocations.
        return (0...(words.count - nameWords.count)).contains {
            words[$0] == first && words[$0..<($0 + nameWords.count)].elementsEqual(nameWords)
        }
    }

    /// How to reach it, e.g. "call 116 123 or email jo@samaritans.org".
    public var howToReach: String {
        let actions = channels.prefix(2).map { lowerFirst($0.action) }
        return actions.joined(separator: " or ")
    }

    /// A one-line summary: "Samaritans: call 116 123 (free, 24/7)".
    public var summary: String {
        var facts: [String] = []
        if isFree == true { facts.append("free") }
        facts.append(isOpenNow == false ? "closed now, \(hoursText)" : hoursText)
        return "\(name): \(howToReach) (\(facts.joined(separator: ", ")))"
    }

    private func lowerFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        let rest = text.dropFirst()
        // Keep acronyms and names ("NHS 24", "SHOUT") as they are.
        if let second = rest.first, second.isUppercase { return text }
        return first.lowercased() + rest
    }
}
