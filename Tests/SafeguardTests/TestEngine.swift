import Foundation
import Safeguard

/// The repository's real lexicon, loaded once for all tests (found from this file's path).
enum TestEngine {
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let lexiconFiles: [String: Data] = {
        let folder = repositoryRoot.appendingPathComponent("resources/safeguard/lexicon")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var files: [String: Data] = [:]
        for name in names where name.hasSuffix(".txt") {
            files[name] = try? Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }()

    static let lexicon: Lexicon? = try? Lexicon(files: lexiconFiles)

    static let engine: SafeguardEngine? = lexicon.map { SafeguardEngine(lexicon: $0) }

    /// The engine as every command builds it: the lexicon with the statistical model.
    static let engineWithModel: SafeguardEngine? = {
        let url = repositoryRoot.appendingPathComponent("resources").appendingPathComponent(
            TextClassifier.resourcePath)
        guard let lexicon, let data = try? Data(contentsOf: url),
            let model = try? TextClassifier(modelData: data)
        else { return nil }
        return SafeguardEngine(lexicon: lexicon, model: model)
    }()

    /// The contextual encoder as shipped in `resources/safeguard/encoder/`.
    static let encoder: ContextualEncoder? = {
        let folder = repositoryRoot.appendingPathComponent("resources")
        func read(_ path: String) -> Data? { try? Data(contentsOf: folder.appendingPathComponent(path)) }
        guard let vocabulary = read(ContextualEncoder.vocabularyPath),
            let model = read(ContextualEncoder.modelPath),
            let thresholds = read(ContextualEncoder.thresholdsPath),
            let boundaryHead = read(BoundaryHead.resourcePath)
        else { return nil }
        return try? ContextualEncoder(
            vocabulary: vocabulary, modelData: model, thresholds: thresholds, boundaryHead: boundaryHead)
    }()

    /// The engine that ships: lexicon, statistical model and contextual encoder.
    static let shipped: SafeguardEngine? = {
        guard let withModel = engineWithModel, let encoder else { return nil }
        return SafeguardEngine(lexicon: withModel.lexicon, model: withModel.model, encoder: encoder)
    }()
}

/// A stand-in model that gives every message the same score (to test the engine's bars).
struct FixedScoreModel: RiskModel {
    let score: Double
    func scores(for text: String) -> RiskModelScores { RiskModelScores(suicidal: score) }
}
