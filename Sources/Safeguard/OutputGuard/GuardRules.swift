import Foundation

/// The reviewed word lists the output guard checks replies against (`resources/guard/*.json`).
///
/// Phrases are matched on whole words after lower-casing and splitting on anything that is not
/// a letter, digit or apostrophe (digits and letters are split apart, so "500mg" is "500 mg").
public struct GuardRules: Sendable, Equatable, Codable {
    /// A lead phrase followed, within `window` words, by one of `follows`.
    public struct PairRule: Sendable, Equatable, Codable {
        public var leads: [String]
        public var follows: [String]
        public var window: Int
        /// Words or phrases that, just before the lead, make it a hedge or a condition rather
        /// than a statement ("if you have depression", "whether you have").
        public var notAfter: [String]?

        public init(leads: [String], follows: [String], window: Int, notAfter: [String]? = nil) {
            self.leads = leads
            self.follows = follows
            self.window = window
            self.notAfter = notAfter
        }
    }

    /// Abrupt refusals to replace with Waymark's framed referral.
    public var refusalPhrases: [String] = []
    /// Claims to be human or a professional.
    public var claimPhrases: [String] = []
    /// Claims and first-person diagnoses matched by kind (see ``ClaimKinds``).
    public var claimKinds = ClaimKinds()
    /// Diagnoses ("you have" … "depression").
    public var diagnosisRules: [PairRule] = []
    /// Method details and method seeking ("lethal dose", "best way to" … "die").
    public var methodPhrases: [String] = []
    public var methodRules: [PairRule] = []
    /// Units and substances that make a number a dose.
    public var doseWords: [String] = []
    /// Units that make a number a height or distance.
    public var heightUnits: [String] = []
    /// Words that make a height a method detail.
    public var heightContext: [String] = []
    /// Number words counted like digits for doses ("twenty pills").
    public var numberWords: [String] = []
    /// Encouragement of harm.
    public var encouragementPhrases: [String] = []
    /// Crisis numbers from outside the UK (digits only).
    public var nonUKNumbers: [String] = []
    /// Digit prefixes of non-UK numbers (e.g. "1800").
    public var nonUKPrefixes: [String] = []
    /// Names of non-UK crisis services.
    public var nonUKPhrases: [String] = []
    /// Words that make a run of digits a phone number.
    public var phoneContextWords: [String] = []
    /// At crisis: phrases that show the reply misread the person (condolences for a death
    /// nobody mentioned). The whole reply is replaced.
    public var crisisMisreadingPhrases: [String] = []
    /// At crisis: phrases that could read as going along with dying ("find peace", "say goodbye").
    public var crisisUnsafePhrases: [String] = []
    /// At crisis: words about medicines and amounts; sentences with them are removed.
    public var crisisSubstanceWords: [String] = []
    /// What is shown instead of a crisis reply that had to be replaced as a whole.
    public var crisisFallback: String = ""
    /// The one short line shown where part of a reply was removed (once per reply), so the
    /// person meets an honest note instead of a silent gap; empty: nothing is said.
    public var removalNote: String = ""

    public init() {}

    private struct File: Decodable {
        enum CodingKeys: String, CodingKey, CaseIterable {
            case refusalPhrases, claimPhrases, claimKinds, diagnosisRules, methodPhrases, methodRules,
                doseWords
            case heightUnits, heightContext, numberWords, encouragementPhrases, nonUKNumbers
            case nonUKPrefixes, nonUKPhrases, phoneContextWords, crisisMisreadingPhrases
            case crisisUnsafePhrases, crisisSubstanceWords, crisisFallback, removalNote
        }

        var refusalPhrases: [String]?
        var claimPhrases: [String]?
        var claimKinds: ClaimKinds?
        var diagnosisRules: [PairRule]?
        var methodPhrases: [String]?
        var methodRules: [PairRule]?
        var doseWords: [String]?
        var heightUnits: [String]?
        var heightContext: [String]?
        var numberWords: [String]?
        var encouragementPhrases: [String]?
        var nonUKNumbers: [String]?
        var nonUKPrefixes: [String]?
        var nonUKPhrases: [String]?
        var phoneContextWords: [String]?
        var crisisMisreadingPhrases: [String]?
        var crisisUnsafePhrases: [String]?
        var crisisSubstanceWords: [String]?
        var crisisFallback: String?
        var removalNote: String?
    }

    /// Keys whose value may be empty: an empty `removalNote` means nothing is said where part of
    /// a reply was removed. Every other key needs at least one entry.
    static let mayBeEmpty: Set<String> = ["removalNote"]

    /// Decode and merge the rules files (`name` is the file's path inside `resources/`, used in
    /// errors). Every key must be given by some file and hold at least one entry, and no file
    /// may hold a key the guard does not read: a missing or misspelt key would otherwise leave
    /// its check quietly doing nothing. Throws ``ResourceDataError`` naming the file and key.
    public init(files: [(name: String, data: Data)]) throws {
        self.init()
        var given: [String: String] = [:]
        let known = Set(File.CodingKeys.allCases.map(\.rawValue))
        for (name, data) in files {
            let file = try ResourceDataError.decode(File.self, from: data, file: name, known: known)
            let merged = merge(file)
            for key in merged.given { given[key] = name }
            if let key = merged.empty.subtracting(Self.mayBeEmpty).sorted().first {
                throw ResourceDataError(file: name, key: key, message: "is empty")
            }
        }
        let folder = ResourceDataError.folder(of: files, fallback: "guard")
        for key in File.CodingKeys.allCases.map(\.rawValue) where given[key] == nil {
            throw ResourceDataError(
                file: folder, key: key, message: "missing: no output-guard rules file gives it")
        }
    }

    /// Adds one file's lists; returns the keys it gave and those of them it left empty.
    private mutating func merge(_ file: File) -> (given: Set<String>, empty: Set<String>) {
        var keys: Set<String> = []
        var empty: Set<String> = []
        func add<T>(_ value: [T]?, _ key: File.CodingKeys, to list: inout [T]) {
            guard let value else { return }
            list += value
            keys.insert(key.rawValue)
            if value.isEmpty { empty.insert(key.rawValue) }
        }
        add(file.refusalPhrases, .refusalPhrases, to: &refusalPhrases)
        add(file.claimPhrases, .claimPhrases, to: &claimPhrases)
        if let kinds = file.claimKinds {
            claimKinds = kinds
            keys.insert(File.CodingKeys.claimKinds.rawValue)
        }
        add(file.diagnosisRules, .diagnosisRules, to: &diagnosisRules)
        add(file.methodPhrases, .methodPhrases, to: &methodPhrases)
        add(file.methodRules, .methodRules, to: &methodRules)
        add(file.doseWords, .doseWords, to: &doseWords)
        add(file.heightUnits, .heightUnits, to: &heightUnits)
        add(file.heightContext, .heightContext, to: &heightContext)
        add(file.numberWords, .numberWords, to: &numberWords)
        add(file.encouragementPhrases, .encouragementPhrases, to: &encouragementPhrases)
        add(file.nonUKNumbers, .nonUKNumbers, to: &nonUKNumbers)
        add(file.nonUKPrefixes, .nonUKPrefixes, to: &nonUKPrefixes)
        add(file.nonUKPhrases, .nonUKPhrases, to: &nonUKPhrases)
        add(file.phoneContextWords, .phoneContextWords, to: &phoneContextWords)
        add(file.crisisMisreadingPhrases, .crisisMisreadingPhrases, to: &crisisMisreadingPhrases)
        add(file.crisisUnsafePhrases, .crisisUnsafePhrases, to: &crisisUnsafePhrases)
        add(file.crisisSubstanceWords, .crisisSubstanceWords, to: &crisisSubstanceWords)
        func set(_ value: String?, _ key: File.CodingKeys, to text: inout String) {
            guard let value else { return }
            keys.insert(key.rawValue)
            if value.isEmpty { empty.insert(key.rawValue) } else { text = value }
        }
        set(file.crisisFallback, .crisisFallback, to: &crisisFallback)
        set(file.removalNote, .removalNote, to: &removalNote)
        return (keys, empty)
    }
}
