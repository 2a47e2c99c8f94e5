import Testing

@Suite struct FalsePositiveTests {
    static let idioms: [String] = [
        "these shoes are killing me",
        "absolutely killing it at work this month",
        "i'm dying to see the new exhibition",
        "my sister will literally end me if i break her straighteners",
        "cutting a slice of cake for the kids",
        "i could murder a bacon sandwich",
        "dead tired after the night shift",
        "we need more skilled people on the team",
        "the skillet is still hot",
        "how do i kill a stuck process in linux",
        "that comedian absolutely killed it",
        "i cut myself shaving this morning",
        "burnt myself on the oven tray, ouch",
        "career suicide to reply-all to that email",
        "our ops team is on a suicide mission with this deadline",
        "i'm dead 💀 that video",
        "my phone died on the bus",
        "gonna jump off a cliff in minecraft lol",
        "dyeing my hair pink tomorrow",
        "i want to dye my hair blue",
        "my brother says he'll kill me if i touch his xbox lol",
        "she's going to kill me when she sees this mess 😂",
        "i nearly died laughing at the panto",
        "the suspense is killing me",
        "hanging after last night, never again",
        "off to get the cat neutered today",
    ]

    @Test(arguments: idioms)
    func idiomsAndKeywordTrapsAreNotCrisis(text: String) {
        #expect(level(text) < .crisis, "\(text)")
    }

    @Test func wholeWordsOnly() {
        #expect(level("skilled killjoy dieticians") == .none)
        #expect(level("the overdoser album is great") < .crisis)
    }
}
