/// Working arrays the engine reuses from one message to the next: the normaliser's folded
/// bytes, raw words and tokens, the class masks, the trie's matches, and the n-gram
/// model's words and counted buckets. A caller that assesses many messages in a row (the
/// `assess` pipeline, a benchmark) owns one and passes it to
/// ``SafeguardEngine/assess(_:state:scratch:)``: each array keeps its capacity, so a message
/// costs a dozen fewer allocations. It is a plain value owned by its caller (never shared
/// between tasks, no lock); a caller without one (the chat) gets fresh arrays for each message,
/// as before. Reuse never changes a result: every array is emptied before it is filled.
public struct AssessScratch: Sendable {
    var units: [UInt8] = []
    var raw: [RawWord] = []
    var tokens: [NormalisedToken] = []
    var word: [UInt8] = []
    var ids: [Int32] = []
    var masks: [ClassMask] = []
    var matches: [RuleMatch] = []
    var classifier = ClassifierScratch()
    var analyser = AnalyserScratch()

    public init() {}
}

/// The context analyser's per-message arrays (part of ``AssessScratch``): its candidates by
/// role, the kept matches, and its sentence and clause tables.
struct AnalyserScratch: Sendable {
    var evidence: [CandidateSignal] = []
    var cues: [CandidateSignal] = []
    var idioms: [CandidateSignal] = []
    var pseudo: [CandidateSignal] = []
    var jokes: [CandidateSignal] = []
    var recurrences: [CandidateSignal] = []
    var habituals: [CandidateSignal] = []
    var earnest: [CandidateSignal] = []
    var kept: [RuleMatch] = []
    var sentence: [Int32] = []
    var clause: [Int32] = []
    var sentenceStart: [Int32] = []

    /// Takes back an analyser's sentence and clause tables (it is not read after this): moved
    /// out by swapping, where assigning copied each (a retain, and a release when the analyser
    /// went).
    mutating func recycle(_ analyser: consuming ContextAnalyser) {
        swap(&sentence, &analyser.layout.sentence)
        swap(&clause, &analyser.layout.clause)
        swap(&sentenceStart, &analyser.layout.sentenceStart)
    }
}

/// The n-gram model's per-message arrays (part of ``AssessScratch``).
public struct ClassifierScratch: Sendable {
    var current: [UInt8] = []
    var bytes: [UInt8] = []
    var ends: [Int] = []
    var buckets = BucketSet()

    public init() {}
}

extension AssessScratch {
    /// Takes back the arrays a normalised text was built in (once the text is no longer read).
    mutating func recycle(_ text: NormalisedText) {
        units = text.units
        tokens = text.tokens
    }
}

extension ClassifierScratch {
    /// Takes back the arrays the model's words were built in.
    mutating func recycle(_ words: ClassifierWords) {
        bytes = words.bytes
        ends = words.ends
    }
}
