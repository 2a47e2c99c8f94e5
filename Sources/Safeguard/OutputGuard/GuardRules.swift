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

    /// Decode one rules file.
    public init(data: Data) throws {
        try self.init(files: [data])
    }

    /// Decode and merge several rules files.
    public init(files: [Data]) throws {
        self.init()
        for data in files {
            let file = try JSONDecoder().decode(File.self, from: data)
            refusalPhrases += file.refusalPhrases ?? []
            claimPhrases += file.claimPhrases ?? []
            if let kinds = file.claimKinds { claimKinds = kinds }
            diagnosisRules += file.diagnosisRules ?? []
            methodPhrases += file.methodPhrases ?? []
            methodRules += file.methodRules ?? []
            doseWords += file.doseWords ?? []
            heightUnits += file.heightUnits ?? []
            heightContext += file.heightContext ?? []
            numberWords += file.numberWords ?? []
            encouragementPhrases += file.encouragementPhrases ?? []
            nonUKNumbers += file.nonUKNumbers ?? []
            nonUKPrefixes += file.nonUKPrefixes ?? []
            nonUKPhrases += file.nonUKPhrases ?? []
            phoneContextWords += file.phoneContextWords ?? []
            crisisMisreadingPhrases += file.crisisMisreadingPhrases ?? []
            crisisUnsafePhrases += file.crisisUnsafePhrases ?? []
            crisisSubstanceWords += file.crisisSubstanceWords ?? []
            if let fallback = file.crisisFallback, !fallback.isEmpty { crisisFallback = fallback }
            if let note = file.removalNote, !note.isEmpty { removalNote = note }
        }
    }
}
