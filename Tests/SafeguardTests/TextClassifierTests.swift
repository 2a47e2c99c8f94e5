import Foundation
import Testing

@testable import Safeguard

/// Loads the trained model and the trainer's golden file from `resources/safeguard/model/`.
private enum ModelFixture {
    static let resources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("resources")
    static let directory = resources.appendingPathComponent("safeguard/model")

    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: directory.appendingPathComponent(name))
    }

    static func classifier() throws -> TextClassifier {
        try TextClassifier(
            modelData: Data(contentsOf: resources.appendingPathComponent(TextClassifier.resourcePath)))
    }

    struct Golden: Decodable {
        struct Feature: Decodable {
            var feature: String
            var bucket: UInt32
        }

        struct Case: Decodable {
            var text: String
            var tokens: [String]
            var features: [Feature]
            var probability: Double
        }

        var cases: [Case]
    }

    static func golden() throws -> Golden {
        try JSONDecoder().decode(Golden.self, from: data("golden.json"))
    }
}

@Test func normalisationMatchesTheTrainer() throws {
    let classifier = try ModelFixture.classifier()
    let golden = try ModelFixture.golden()
    #expect(golden.cases.count >= 20)
    for item in golden.cases {
        #expect(classifier.normalisedWords(of: item.text) == item.tokens, "\(item.text)")
    }
}

@Test func featureHashingMatchesTheTrainer() throws {
    let classifier = try ModelFixture.classifier()
    for item in try ModelFixture.golden().cases {
        let swift = classifier.hashedFeatures(of: item.text).prefix(item.features.count)
        #expect(swift.map(\.feature) == item.features.map(\.feature), "\(item.text)")
        #expect(swift.map(\.bucket) == item.features.map(\.bucket), "\(item.text)")
    }
}

@Test func fnv1aMatchesPublishedVectors() {
    #expect(NGramHasher.fnv1a([UInt8]()) == 0x811C_9DC5)
    #expect(NGramHasher.fnv1a(Array("a".utf8)) == 0xE40C_292C)
    #expect(NGramHasher.fnv1a(Array("foobar".utf8)) == 0xBF9C_F968)
}

@Test func probabilitiesMatchTheTrainer() throws {
    let classifier = try ModelFixture.classifier()
    for item in try ModelFixture.golden().cases {
        let swift = classifier.scores(for: item.text).suicidal
        #expect(abs(swift - item.probability) < 1e-6, "\(item.text): \(swift) vs \(item.probability)")
        // The engine's fast path gives the same number.
        #expect(classifier.suicidalProbability(for: item.text) == swift, "\(item.text)")
    }
}

@Test func normalisationFoldsObfuscation() throws {
    let classifier = try ModelFixture.classifier()
    #expect(classifier.normalisedWords(of: "I’M SOOOO T1R3D") == ["im", "soo", "tired"])
    #expect(classifier.normalisedWords(of: "k.i.l.l me") == ["kill", "me"])
    #expect(classifier.normalisedWords(of: "a b c") == ["abc"])
    #expect(classifier.normalisedWords(of: "a b") == ["a", "b"])
    #expect(classifier.normalisedWords(of: "ѕuісіdаl") == ["suicidal"])
    #expect(classifier.normalisedWords(of: "ｕｎａｌｉｖｅ 24/7") == ["unalive", "0", "0"])
    #expect(classifier.normalisedWords(of: "tea⚰️time") == ["tea", "coffin", "time"])
}

@Test func separatesClearRiskFromFigurativeTalk() throws {
    let classifier = try ModelFixture.classifier()
    let risky = [
        "honestly i just don't want to be alive anymore",
        "everybody in my life would cope better if i was gone for good",
        "thinking i might top myself this weekend",
        "how many of my sleeping tablets would it take to not wake up",
        "cut myself again last night, couldn't stop",
        "want to unalive myself fr",
    ]
    let figurative = [
        "this dissertation is actually killing me",
        "i'm dying to see the new series",
        "could murder a chippy tea right now",
        "my nan's going to kill me if i'm late for dinner",
        "absolutely killing it at work this week",
        "i'm not suicidal, just really tired of my commute",
        "i used to want to die years ago but i'm doing loads better now",
        "i'm writing an essay on suicide prevention in schools",
    ]
    for text in risky {
        #expect(classifier.scores(for: text).suicidal >= classifier.threshold, "\(text)")
    }
    for text in figurative {
        #expect(classifier.scores(for: text).suicidal < classifier.threshold, "\(text)")
    }
}

@Test func explainsWithTheNGramsThatContributed() throws {
    let classifier = try ModelFixture.classifier()
    let scores = classifier.scores(for: "i just want to die")
    #expect(!scores.topFeatures.isEmpty)
    #expect(scores.topFeatures.count <= TextClassifier.explainedFeatureCount)
    #expect(scores.topFeatures.contains { $0.contains("die") })
    #expect(classifier.scores(for: "").topFeatures.isEmpty)
}

@Test func isDeterministic() throws {
    let first = try ModelFixture.classifier()
    let second = try ModelFixture.classifier()
    let text = "idk, my lot would manage fine without me tbh 😔"
    #expect(first.scores(for: text) == second.scores(for: text))
    #expect(first.scores(for: text) == first.scores(for: text))
}

@Test func survivesHugeAndOddInputs() throws {
    let classifier = try ModelFixture.classifier()
    let inputs = [
        "",
        " \n\t ",
        String(repeating: "a", count: 200_000),
        String(repeating: "kill ", count: 50_000),
        String(repeating: "💀", count: 30_000),
        String(repeating: "e\u{301}", count: 30_000),
        "\u{0}\u{7}\u{1B}[31m\u{FEFF}\u{202E}",
        String(repeating: "k i ", count: 40_000),
        String(repeating: "1234567890@$", count: 10_000),
    ]
    for text in inputs {
        let scores = classifier.scores(for: text)
        #expect(scores.suicidal >= 0 && scores.suicidal <= 1)
        #expect(scores.suicidal.isFinite)
    }
}

@Test func longInputsKeepOnlyTheirEnds() throws {
    let classifier = try ModelFixture.classifier()
    let filler = String(repeating: "the bus was late and the tea was cold. ", count: 3_000)
    let tail = "i want to die"
    let long = "hello " + filler + tail
    #expect(long.unicodeScalars.count > 40_000)
    let words = classifier.normalisedWords(of: long)
    #expect(words.suffix(4) == ["i", "want", "to", "die"])
    #expect(words.first == "hello")
    #expect(words.count < 2 * 20_000)
}

@Test func rejectsDataThatIsNotAModel() throws {
    #expect(throws: TextClassifierError.self) { try TextClassifier(modelData: Data("{}".utf8)) }
    #expect(throws: TextClassifierError.self) { try TextClassifier(modelData: Data([0xFF, 0x00])) }
    var object = try #require(
        JSONSerialization.jsonObject(with: ModelFixture.data("suicidal-language.json")) as? [String: Any])
    object["version"] = 99
    let changed = try JSONSerialization.data(withJSONObject: object)
    #expect(throws: TextClassifierError.unsupported("version 99")) {
        try TextClassifier(modelData: changed)
    }
}
