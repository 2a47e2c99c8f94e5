import Foundation
import Safeguard

/// Loads the safeguard's reviewed lexicon from the resources folder and builds the engine.
public enum SafeguardLoader {
    /// Folder of the lexicon inside `resources/`.
    public static let lexiconFolder = "safeguard/lexicon"

    /// The lexicon's rule files that must be there: a deleted file would otherwise take its
    /// rules out of the engine with no error. (New files are read too; add them here once they
    /// carry rules the safeguard depends on.) The special files and the word classes the
    /// engine reads are checked by ``Lexicon``.
    public static let requiredLexiconFiles = [
        "abuse.txt", "act.txt", "algospeak.txt", "bereavement.txt", "child.txt", "context_fiction.txt",
        "context_history.txt", "context_hypothetical.txt", "context_negation.txt", "context_pretext.txt",
        "conversation.txt", "crisis_kinds.txt", "distress.txt", "eating.txt", "explicit.txt", "farewell.txt",
        "figurative.txt", "harm_to_others.txt", "jokes.txt", "medical.txt", "medication.txt", "mention.txt",
        "method.txt", "non_english.txt", "passive.txt", "plan.txt", "psychosis.txt", "self_harm.txt",
        "sexual_violence.txt", "substance.txt", "trauma.txt", "uk_slang.txt",
        // The languages people in the UK write in besides English (the statistical layers read
        // English only, so these files are all the safeguard has for them).
        "non_english_kinds.txt", "lang_es_ar.txt", "lang_fr_it_ta.txt", "lang_ro_ur_pa.txt",
        "lang_so_gu_bn.txt", "lang_tr_lt_pt.txt",
        // Later life, long illness and caring (nineteenth session).
        "later_life.txt",
    ]

    /// Reads every `.txt` file of the lexicon folder (file name → contents); a missing required
    /// file is an error naming it.
    public static func lexiconFiles(from locator: ResourceLocator) throws -> [String: Data] {
        let folder = locator.url(lexiconFolder)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        if let missing = requiredLexiconFiles.first(where: { !names.contains($0) }) {
            throw ResourceDataError(file: "\(lexiconFolder)/\(missing)", message: "required file is missing")
        }
        var files: [String: Data] = [:]
        for name in names where name.hasSuffix(".txt") {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }

    /// The compiled lexicon.
    public static func loadLexicon(from locator: ResourceLocator) throws -> Lexicon {
        try Lexicon(files: lexiconFiles(from: locator))
    }

    /// The statistical model (`resources/safeguard/model/`). Required, like the encoder: the
    /// lexicon alone finds far fewer crises, so a missing or unreadable file is a load error
    /// (the chat then falls back to 999 and Samaritans only), never a quietly weaker engine.
    public static func loadModel(from locator: ResourceLocator) throws -> any RiskModel {
        try TextClassifier(modelData: locator.data(TextClassifier.resourcePath))
    }

    /// The lexicon and the model, through the precompiled cache (``SafeguardCache``): the text
    /// sources are read and hashed every launch, and compiled only when no cache file for that
    /// hash checks out (the fresh result is then stored). `cache: nil` always compiles the text.
    /// The result is the same either way (tested on every committed set).
    public static func loadCompiled(
        from locator: ResourceLocator, cache: SafeguardCache? = SafeguardCache.standard()
    ) throws -> (lexicon: Lexicon, model: TextClassifier) {
        let files = try lexiconFiles(from: locator)
        let modelData = try locator.data(TextClassifier.resourcePath)
        guard let cache else {
            return (try Lexicon(files: files), try TextClassifier(modelData: modelData))
        }
        let key = SafeguardCache.key(lexiconFiles: files, model: modelData)
        if let file = cache.map(key: key),
            let compiled = try? SafeguardArtefact.decode(file.bytes, payloadOffset: file.payloadOffset)
        {
            return compiled
        }
        let lexicon = try Lexicon(files: files)
        let model = try TextClassifier(modelData: modelData)
        cache.write(SafeguardArtefact.encode(lexicon: lexicon, model: model), key: key)
        return (lexicon, model)
    }

    /// The contextual encoder (`resources/safeguard/encoder/`). Required: an engine without it
    /// reads people far less well, so a missing or broken file is a load error, never a quiet
    /// fallback.
    public static func loadEncoder(from locator: ResourceLocator) throws -> ContextualEncoder {
        try ContextualEncoder(
            vocabulary: locator.data(ContextualEncoder.vocabularyPath),
            modelData: locator.data(ContextualEncoder.modelPath, mapped: true),
            thresholds: locator.data(ContextualEncoder.thresholdsPath),
            boundaryHead: locator.data(BoundaryHead.resourcePath))
    }

    /// The ready engine every command uses: the lexicon, the statistical model and the
    /// contextual encoder, so `waymark assess`, `eval`, `replay` and the chat all judge
    /// text the same way.
    public static func loadEngine(
        from locator: ResourceLocator, cache: SafeguardCache? = SafeguardCache.standard()
    ) throws -> SafeguardEngine {
        let compiled = try loadCompiled(from: locator, cache: cache)
        return SafeguardEngine(
            lexicon: compiled.lexicon, model: compiled.model, encoder: try loadEncoder(from: locator))
    }
}
