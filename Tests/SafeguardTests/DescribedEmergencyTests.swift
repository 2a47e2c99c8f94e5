import Testing

@testable import Safeguard

/// Kinds found missing or over-called by the sixth session's read sets (p, q), in our own words:
/// medical emergencies described rather than named (colour, breathing, collapse with confusion,
/// heart-attack signs in plain words), and "last"/"final" as everyday words, which alone were
/// read as a farewell (and with "tonight" as an emergency). Lexicon only.
@Suite struct DescribedEmergencyTests {
    static let emergencies: [LevelProbe] = [
        LevelProbe(
            text: "dad's gone a funny grey colour and sweaty, says it's indigestion", level: .emergency,
            categories: [.medical]),
        LevelProbe(
            text: "tight chest since lunch and now my jaw aches and i'm clammy", level: .emergency,
            categories: [.medical]),
        LevelProbe(
            text: "he fell in the bathroom, he's on the floor and not making sense", level: .emergency,
            categories: [.medical]),
        LevelProbe(
            text: "my nan's fingertips are turning blue and she's wheezing", level: .emergency,
            categories: [.medical]),
        LevelProbe(
            text: "found him on the sofa, he's barely breathing and there are cans everywhere",
            level: .emergency, categories: [.medical]),
        LevelProbe(
            text: "i could see her lying on the floor through the kitchen window", level: .emergency,
            categories: [.medical]),
        LevelProbe(
            text: "i can't wake her up, she took something at the party", level: .emergency,
            categories: [.medical]),
    ]

    static let calm: [LevelProbe] = [
        LevelProbe(
            text: "the last video in the series goes up tonight, so excited", level: .none, categories: []),
        LevelProbe(
            text: "final letter from the bank arrived today, account closed", level: .none, categories: []),
        LevelProbe(text: "last message from me tonight, off to bed, night all", level: .none, categories: []),
        LevelProbe(
            text: "went a bit pale and sweaty in the sauna so i got out", level: .none, categories: []),
        LevelProbe(text: "found my glasses on the floor behind the sofa", level: .none, categories: []),
        LevelProbe(
            text: "my final words on the matter: pineapple belongs on pizza", level: .none, categories: []),
    ]

    /// In a conversation about ending one's life, a last message is still a farewell.
    @Test func aLastMessageInSuicidalTalkIsAFarewell() throws {
        let assessment = try #require(TestEngine.engine).assess(
            "i don't want to be alive anymore. this is my last message to anyone")
        #expect(assessment.level >= .crisis)
        #expect(assessment.signals.contains { $0.rule == "farewell.last_words" })
    }

    @Test(arguments: emergencies) func medicalEmergenciesDescribedInPlainWords(_ probe: LevelProbe) throws {
        try probe.check()
    }

    @Test(arguments: calm) func everydayLastsAndPaleFacesStayCalm(_ probe: LevelProbe) throws {
        try probe.check()
    }
}
