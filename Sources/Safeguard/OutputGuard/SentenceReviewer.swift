import Foundation

/// Checks one sentence of a reply against the guard rules.
struct SentenceReviewer: Sendable {
    /// What is wrong with a sentence, most serious first.
    enum Finding: Sendable, Equatable {
        case method, encouragement, claim, diagnosis, refusal, nonUKNumber, unknownNumber
        /// An email or web address that is not in the service directory (often invented).
        case unknownAddress
        /// At crisis: the reply misread the person (condolences for a death nobody mentioned).
        case misreading
        /// At crisis: wording that could read as going along with dying.
        case crisisUnsafe
    }

    let refusals: [[String]]
    let claims: [[String]]
    let claimKinds: ClaimMatcher
    let methods: [[String]]
    let encouragement: [[String]]
    let nonUKPhrases: [[String]]
    let methodRules: [CompiledPair]
    let diagnosisRules: [CompiledPair]
    let doseWords: Set<String>
    let heightUnits: Set<String>
    let heightContext: Set<String>
    let numberWords: Set<String>
    let nonUKNumbers: Set<String>
    let nonUKPrefixes: [String]
    let phoneContext: Set<String>
    let allowedNumbers: Set<String>
    let allowedAddresses: Set<String>
    let crisisMisreadings: [[String]]
    let crisisUnsafe: [[String]]
    let crisisSubstances: Set<String>

    struct CompiledPair: Sendable {
        var leads: [[String]]
        var follows: [[String]]
        var window: Int
        var notAfter: [[String]] = []
    }

    init(rules: GuardRules, allowedNumbers: Set<String>, allowedAddresses: Set<String> = []) {
        func compile(_ phrases: [String]) -> [[String]] {
            phrases.map { Self.tokens($0) }.filter { !$0.isEmpty }
        }
        func pairs(_ rules: [GuardRules.PairRule]) -> [CompiledPair] {
            rules.map {
                CompiledPair(
                    leads: compile($0.leads), follows: compile($0.follows), window: $0.window,
                    notAfter: compile($0.notAfter ?? []))
            }
        }
        refusals = compile(rules.refusalPhrases)
        claims = compile(rules.claimPhrases)
        claimKinds = ClaimMatcher(rules.claimKinds)
        methods = compile(rules.methodPhrases)
        encouragement = compile(rules.encouragementPhrases)
        nonUKPhrases = compile(rules.nonUKPhrases)
        methodRules = pairs(rules.methodRules)
        diagnosisRules = pairs(rules.diagnosisRules)
        doseWords = Set(rules.doseWords.flatMap { Self.tokens($0) })
        heightUnits = Set(rules.heightUnits.flatMap { Self.tokens($0) })
        heightContext = Set(rules.heightContext.flatMap { Self.tokens($0) })
        numberWords = Set(rules.numberWords.flatMap { Self.tokens($0) })
        nonUKNumbers = Set(rules.nonUKNumbers.map { String($0.filter(\.isNumber)) })
        nonUKPrefixes = rules.nonUKPrefixes.map { String($0.filter(\.isNumber)) }
        phoneContext = Set(rules.phoneContextWords.flatMap { Self.tokens($0) })
        self.allowedNumbers = allowedNumbers
        self.allowedAddresses = allowedAddresses
        crisisMisreadings = compile(rules.crisisMisreadingPhrases)
        crisisUnsafe = compile(rules.crisisUnsafePhrases)
        crisisSubstances = Set(rules.crisisSubstanceWords.flatMap { Self.tokens($0) })
    }

    /// The findings for a sentence (empty when it is fine).
    func review(_ sentence: String, strict: Bool, bereavementMentioned: Bool = false) -> [Finding] {
        let words = Self.tokens(sentence)
        guard !words.isEmpty else { return [] }
        var findings: [Finding] = []
        if strict {
            if !bereavementMentioned, containsAny(crisisMisreadings, in: words) {
                findings.append(.misreading)
            }
            if containsAny(crisisUnsafe, in: words) { findings.append(.crisisUnsafe) }
        }
        if containsAny(methods, in: words) || matchesPair(methodRules, in: words) || hasDose(words)
            || hasHeight(words, strict: strict)
            || (strict && words.contains { crisisSubstances.contains($0) })
        {
            findings.append(.method)
        }
        if containsAny(encouragement, in: words) { findings.append(.encouragement) }
        if containsAny(claims, in: words) || claimKinds.claims(words) { findings.append(.claim) }
        if matchesPair(diagnosisRules, in: words) || claimKinds.diagnoses(words) {
            findings.append(.diagnosis)
        }
        if containsAny(refusals, in: words) { findings.append(.refusal) }
        if containsAny(nonUKPhrases, in: words) { findings.append(.nonUKNumber) }
        findings += numberFindings(sentence, words: words)
        if hasUnknownAddress(sentence) { findings.append(.unknownAddress) }
        return findings
    }

    /// Whether the sentence has an email or web address that the directory does not show.
    func hasUnknownAddress(_ sentence: String) -> Bool {
        for word in sentence.split(whereSeparator: \.isWhitespace) {
            let lower = word.lowercased()
            let isEmail = lower.contains("@") && lower.split(separator: "@").last?.contains(".") == true
            let isWeb = lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("www.")
            guard isEmail || isWeb else { continue }
            if !allowedAddresses.contains(ServiceDirectory.bareAddress(String(word))) { return true }
        }
        return false
    }

    // MARK: - Words

    /// Lower-cased words; letters and digits are split apart ("500mg" → "500", "mg").
    static func tokens(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var currentIsDigit = false
        func flush() {
            let trimmed = current.trimmingApostrophes
            if !trimmed.isEmpty { words.append(trimmed) }
            current = ""
        }
        for ch in text.lowercased() {
            let c: Character = (ch == "’" || ch == "‘") ? "'" : ch
            if c.isNumber {
                if !current.isEmpty && !currentIsDigit { flush() }
                currentIsDigit = true
                current.append(c)
            } else if c.isLetter || c == "'" {
                if !current.isEmpty && currentIsDigit { flush() }
                currentIsDigit = false
                current.append(c)
            } else {
                flush()
            }
        }
        flush()
        return words
    }

    func containsAny(_ phrases: [[String]], in words: [String]) -> Bool {
        phrases.contains { Self.find($0, in: words, from: 0) != nil }
    }

    static func find(_ phrase: [String], in words: [String], from start: Int) -> Int? {
        guard !phrase.isEmpty, words.count >= phrase.count, start <= words.count - phrase.count else {
            return nil
        }
        for i in start...(words.count - phrase.count) {
            var ok = true
            for (j, w) in phrase.enumerated() where words[i + j] != w {
                ok = false
                break
            }
            if ok { return i }
        }
        return nil
    }

    func matchesPair(_ rules: [CompiledPair], in words: [String]) -> Bool {
        for rule in rules {
            for lead in rule.leads {
                var from = 0
                while let at = Self.find(lead, in: words, from: from) {
                    if Self.endsWithAny(rule.notAfter, in: words, at: at) {
                        from = at + 1
                        continue
                    }
                    let after = at + lead.count
                    let end = min(words.count, after + rule.window)
                    if after < end {
                        let windowWords = Array(words[after..<end])
                        if rule.follows.contains(where: { Self.find($0, in: windowWords, from: 0) != nil }) {
                            return true
                        }
                    }
                    from = at + 1
                }
            }
        }
        return false
    }

    /// Whether one of `phrases` ends just before `index`, allowing one word between ("if you
    /// really have" is still "if").
    static func endsWithAny(_ phrases: [[String]], in words: [String], at index: Int) -> Bool {
        phrases.contains { phrase in
            (0...1).contains { gap in
                let start = index - gap - phrase.count
                return start >= 0 && Array(words[start..<(start + phrase.count)]) == phrase
            }
        }
    }

    func isNumberWord(_ word: String) -> Bool {
        word.allSatisfy(\.isNumber) || numberWords.contains(word)
    }

    func hasDose(_ words: [String]) -> Bool {
        for (i, word) in words.enumerated() where isNumberWord(word) {
            let end = min(words.count, i + 4)
            if words[(i + 1)..<end].contains(where: { doseWords.contains($0) }) { return true }
        }
        return false
    }

    func hasHeight(_ words: [String], strict: Bool) -> Bool {
        let context = strict || words.contains(where: { heightContext.contains($0) })
        guard context else { return false }
        for (i, word) in words.enumerated() where isNumberWord(word) {
            let end = min(words.count, i + 3)
            if words[(i + 1)..<end].contains(where: { heightUnits.contains($0) }) { return true }
        }
        return false
    }

    // MARK: - Numbers

    /// Runs of digits (with spaces, hyphens, dots or brackets between them) that look like
    /// phone numbers and are not numbers Waymark's directory shows.
    func numberFindings(_ sentence: String, words: [String]) -> [Finding] {
        var findings: [Finding] = []
        let contextInSentence = words.contains(where: { phoneContext.contains($0) })
        for run in Self.digitRuns(sentence) {
            let digits = run.digits
            if nonUKNumbers.contains(digits)
                || nonUKPrefixes.contains(where: { digits.hasPrefix($0) && digits.count >= 10 })
            {
                findings.append(.nonUKNumber)
                continue
            }
            if allowedNumbers.contains(digits) { continue }
            if digits.count >= 10 {
                findings.append(.unknownNumber)
            } else if digits.count >= 5, contextInSentence {
                findings.append(.unknownNumber)
            } else if digits.count >= 3, let before = run.wordBefore, phoneContext.contains(before) {
                findings.append(.unknownNumber)
            }
        }
        return findings
    }

    struct DigitRun {
        var digits: String
        var wordBefore: String?
    }

    static func digitRuns(_ text: String) -> [DigitRun] {
        var runs: [DigitRun] = []
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            guard chars[i].isNumber, chars[i].isASCII else {
                i += 1
                continue
            }
            // A "+" or "(" just before belongs to the number.
            let start = i
            var digits = ""
            var lastDigit = i
            var j = i
            while j < chars.count {
                let c = chars[j]
                if c.isNumber && c.isASCII {
                    digits.append(c)
                    lastDigit = j
                    j += 1
                } else if " -.()".contains(c), j + 1 < chars.count,
                    chars[j + 1].isNumber
                        || (chars[j + 1] == "(" && j + 2 < chars.count && chars[j + 2].isNumber)
                        || (c == " " && chars[j + 1] == "(")
                {
                    j += 1
                } else {
                    break
                }
            }
            let prefix = String(chars[0..<start])
            let before = tokens(prefix).last
            runs.append(DigitRun(digits: digits, wordBefore: before))
            i = max(lastDigit + 1, i + 1)
        }
        return runs
    }
}

extension String {
    fileprivate var trimmingApostrophes: String {
        var s = Substring(self)
        while s.first == "'" { s = s.dropFirst() }
        while s.last == "'" { s = s.dropLast() }
        return String(s)
    }
}
