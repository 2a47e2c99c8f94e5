import Testing

@testable import Safeguard

/// Kinds a blind set (zk, read after its scoring) showed missing or over-called, written in our
/// own words: being followed in public now, an order broken, self-harm by burning, hair-pulling
/// and food withheld as punishment, a deep burn, farewells and settled decisions without risk
/// words, means set up, the place of danger in a conversation about ending one's life; and the
/// other way, exasperation as a condition on a chore, a last message "for tonight", goodbye to an
/// overdraft or a flat, a rope bought for climbing. Plus two conversation kinds from the policy
/// suite: danger to a sister is not the writer's suicide plan, and "bruised but ok" is found safe.
@Suite struct TwelfthSessionKindsTests {
    @Test(arguments: [
        "this man has followed me off the bus, he's still there",
        "some bloke got off at my stop too and he's walking behind me now, the street's empty",
        "guy on the late train keeps moving seats to sit closer to me",
        "he leaned in and whispered i know where you live",
        "my ex is outside my work right now and there's a restraining order",
    ])
    func followedOrCorneredInPublicNowIsDangerToTheWriter(text: String) throws {
        let assessment = try #require(TestEngine.engine).assess(text)
        #expect(assessment.level == .emergency, "\(text)")
        #expect(assessment.subject == .speaker, "\(text)")
    }

    @Test(arguments: [
        "my daughter followed me off the bus to get the house keys lol",
        "i know where you live, see you at 7 for tea",
        "got a restraining order against him two years ago, all quiet since",
        "my dog follows me from room to room",
    ])
    func followingThatIsOrdinaryStaysCalm(text: String) throws {
        #expect(level(text) < .crisis, "\(text)")
    }

    @Test func selfHarmByBurningHairPullingAndWithheldFoodIsCurrentSelfHarm() throws {
        for text in [
            "held the lighter against my wrist again tonight",
            "pulled my hair out in clumps because i hate myself, there's a bald patch",
            "i'm not allowed to eat if i've messed up at work, so nothing today",
            "i only let myself eat when i've earned it",
        ] {
            #expect(level(text) == .crisis, "\(text)")
        }
        // Everyday burns and hair-pulling as a figure of speech stay calm.
        for text in [
            "burnt my hand on the iron doing the school shirts",
            "pulled my hair out over this crossword lol",
            "i don't get to eat lunch when i'm on the tills",
        ] {
            #expect(level(text) < .crisis, "\(text)")
        }
    }

    @Test func aDeepBurnDescribedIsAnEmergency() throws {
        #expect(level("the burn from the pan has gone white and leathery") == .emergency)
        #expect(level("my new boots are black leather") < .crisis)
    }

    @Test(arguments: [
        "strangely calm today, i've made up my mind",
        "i won't be around to walk him for much longer, can you take him",
        "i don't intend to see another birthday",
        "i can't see myself carrying on past christmas",
        "cleared the loan so nobody is left with the debt",
        "none of this matters where i'm going",
    ])
    func farewellsAndSettledDecisionsWithoutRiskWords(text: String) throws {
        #expect(level(text) >= .crisis, "\(text)")
    }

    @Test(arguments: [
        "the decision's made, we're moving to cardiff, such a relief",
        "exams finished, i can finally rest now",
        "i won't be around tomorrow, i'm at my mum's",
    ])
    func decisionsAndRestInOrdinaryLifeStayCalm(text: String) throws {
        #expect(level(text) < .crisis, "\(text)")
    }

    /// A date with a wish not to live on is crisis, not an emergency plan.
    @Test func notSeeingPastADateIsNotYetAPlan() throws {
        #expect(level("it's christmas next week. can't see myself carrying on past that") == .crisis)
    }

    @Test func theMeansSetUpInALoftOrAGarageIsAnEmergency() throws {
        let turns = assessments([
            "i don't want to be here any more", "i'm in the garage. it's already set up",
        ])
        #expect(turns[1].level == .emergency)
        #expect(
            level("my brother rang to say he's going out to the garage with the hosepipe")
                == .emergency)
        #expect(level("the knot on the parcel? it's tied already") < .emergency)
    }

    @Test func thePlaceOfDangerCountsOnceEndingOnesLifeIsTalkedOf() throws {
        let turns = assessments([
            "i can't keep going, i want it all to stop",
            "i'm at the reservoir now",
        ])
        #expect(turns[1].level == .emergency)
        #expect(turns[1].signals.map(\.rule).contains("plan.at_the_place_contextual"))
        let walk = assessments(["lovely morning for it", "i'm at the reservoir now with the dog"])
        #expect(walk[1].level < .crisis)
    }

    @Test(arguments: [
        "if i have to rewrite this report one more time i'm jumping off the office roof",
        "if i get one more email about the christmas party i'm walking into the sea",
        "one more spreadsheet and i'm throwing myself off the balcony",
        "ok that's my last message for tonight, off to bed",
        "last time i'll bother you about my essay, promise",
        "bye bye overdraft, paid it off today",
        "last night in the old house, sad saying goodbye to it",
        "got the rope today, 60 metres, can't wait for the crag",
    ])
    func exasperationLastMessagesAndOrdinaryGoodbyesStayCalm(text: String) throws {
        #expect(level(text) < .crisis, "\(text)")
    }

    /// The exasperation idiom is a chore done again, not another day lived.
    @Test func oneMoreDayLikeThisIsNotAChore() throws {
        #expect(level("if i have one more day like this i'm jumping off the bridge") >= .crisis)
        // Hearing or seeing someone again is not a chore: it may be the person they fear.
        #expect(level("if i hear his voice one more time i'm killing myself") >= .crisis)
        #expect(
            level("this is the last time i'll bother anyone. thank you for everything") >= .crisis)
    }

    /// A joke about a chore at the start does not hold the rest of the conversation at crisis.
    @Test func aChoreJokeDoesNotHoldTheConversation() throws {
        let turns = assessments([
            "if i have to reformat this thesis one more time i'm jumping off the library roof",
            "anyway, supervisor wants chapter 3 rewritten",
            "putting a film on with a glass of red",
        ])
        for turn in turns { #expect(turn.level < .crisis) }
    }

    /// Danger to someone else told by a helper: "heading there" is going to help, not a plan of
    /// the writer's own, and "bruised but ok" is her found safe.
    @Test func aHelperHeadingToSomeoneInDangerIsNotTheWritersPlan() throws {
        let turns = assessments([
            "my sister just rang crying, her boyfriend's locked her in and he's threatening her",
            "police are on their way. i'm in the car heading there too",
            "she's ok. shaken but ok. how do i help her leave him",
        ])
        #expect(turns[0].level == .emergency)
        #expect(turns[1].subject == .other)
        #expect(!turns[1].categories.contains(.suicide))
        #expect(turns[2].level == .crisis)
        // Not knowing whether she is ok is not her found safe.
        let unsure = assessments([
            "my flatmate's boyfriend is hitting her in the next room right now",
            "i don't know if she's ok",
        ])
        #expect(unsure[1].level == .emergency)
    }

    /// Followed on a night bus, then safe: somewhere staffed, the man gone on, home with the door
    /// locked. The danger passes and the conversation settles (not stuck at emergency).
    @Test func followedThenSafeIsNotStuckAtEmergency() throws {
        let turns = assessments([
            "some guy on the night bus keeps moving seats to sit closer to me",
            "got off at the petrol station, he stayed on. the woman at the till let me wait inside",
            "taxi's coming, still shaking",
            "home now, door's locked. thanks",
        ])
        #expect(turns[0].level == .emergency)
        #expect(turns[1].level < .emergency)
        #expect(turns[3].level <= .distress)
    }

    /// A child in danger now, told by a parent: the child is the one at risk (subject other).
    @Test(arguments: [
        "my partner is shaking the baby, she won't stop crying",
        "his dad has taken our son from school and he's drunk, says i'll never see him again",
        "my 13 year old has run off with a man she met on snapchat",
        "my little boy is locked in the car in this heat and i can't find the keys",
    ])
    func aChildInDangerNowToldByAParent(text: String) throws {
        let assessment = try #require(TestEngine.engine).assess(text)
        #expect(assessment.level == .emergency, "\(text)")
        #expect(assessment.subject == .other, "\(text)")
        #expect(assessment.categories.contains(.childSafeguarding), "\(text)")
    }

    @Test(arguments: [
        "my mum picked up the kids from school, she's taking them to the park",
        "shake the baby's bottle before you feed her",
        "left my sunglasses in the car in this heat, they've melted",
    ])
    func childcareThatIsOrdinaryStaysCalm(text: String) throws {
        #expect(level(text) < .crisis, "\(text)")
    }

    /// Someone else's joke reported is their words, in quotation marks or not; the person's own
    /// words later in the message are still theirs.
    @Test func aJokeSomeoneElseMadeIsReportedNotMeant() throws {
        #expect(
            level("a lad at work joked about 'throwing himself under a bus' when it was late")
                < .crisis)
        #expect(
            level("my boss joked about jumping off the roof when the server went down") < .crisis)
        #expect(
            level("someone joked about killing myself and it hit hard, i want to kill myself")
                == .crisis)
    }

    /// Out the other side now: a past risk told with recovery.
    @Test func outTheOtherSideDatesThePast() throws {
        let text = "had a rough spell last spring, really thought about ending it. out the other side now"
        #expect(level(text) == .distress)
        #expect(level("i thought about ending it last night") == .crisis)
    }

    /// Method-seeking by getting a sedative in quantity without a prescription, or by asking
    /// whether the live rail kills; danger at home said in code.
    @Test func meansWithoutAPrescriptionAndTheLiveRailAreMethodQuestions() throws {
        #expect(level("where can i buy loads of zopiclone without a prescription") == .crisis)
        #expect(level("does the third rail kill you instantly") == .crisis)
        #expect(level("the third rail on my model railway keeps shorting") < .crisis)
        #expect(
            level("where can i get a lot of insulin for my dad's pump, pharmacy's shut") < .crisis)
    }

    @Test func dangerAtHomeSaidInCodeIsAnEmergency() throws {
        let text = "all good here (it isn't. he's home. can't talk. don't reply with anything obvious)"
        #expect(level(text) == .emergency)
        #expect(level("he's here, can't talk, at the pub with the lads, ring you later") < .crisis)
    }

    /// In a first message, someone "here now" is not a calmer turn: the encoder is not asked to
    /// be surer, so an older person pushed over by her son is read at crisis or more.
    @Test func someoneHereNowInAFirstMessageIsNotACalmerTurn() throws {
        let engine = try #require(TestEngine.shipped)
        let text =
            "my son is here now, drunk and shouting. he's taken my purse and pushed me over. "
            + "he's in the kitchen. i'm frightened"
        #expect(engine.assess(text).level >= .crisis)
    }

    /// Danger that goes on for many turns (an ex breaking an order, then texting, then outside):
    /// every follow-up is worded afresh; none is shown twice word for word (zk's replay found the
    /// fourth and fifth identical: three-variant pools moved in lockstep).
    @Test func aLongEmergencyNeverRepeatsAMessageWordForWord() throws {
        var chat = try PolicyConversation()
        chat.send(
            "my ex is outside my work right now and there's a restraining order",
            "security are walking me to my car",
            "he's just texted from a new number. 'nice flat'",
            "he's outside the house now",
            "i can hear him at the door",
            "he's still out there banging",
            "still there, i'm in the bathroom")
        let messages = chat.messages
        #expect(messages.count >= 6)
        #expect(Set(messages).count == messages.count, "\(messages)")
    }

    /// Asking "for a friend", then "ok it's me. there's no friend": the risk is the writer's from
    /// then on, and the help is worded for them, not "call 999 for them".
    @Test func theFriendTurnsOutToBeTheWriter() throws {
        let turns = assessments([
            "my friend took a whole strip of her amitriptyline an hour ago",
            "ok it's me. there's no friend",
            "i'm just sleepy",
        ])
        #expect(turns[0].subject == .other)
        #expect(turns[1].subject == .speaker)
        #expect(turns[2].subject == .speaker)
        #expect(turns[2].level == .emergency)
    }

    /// Emergencies in conversations said in a few plain words (read from zl and zm): a threat
    /// that the writer is next after violence, someone trying the handle, someone who will not
    /// come round, a tight chest with the heart racing.
    @Test(arguments: [
        "he smashed the plates and shouted i'm next",
        "she's trying the handle now",
        "shook him and he didn't open his eyes",
        "he's passed out on the bathroom floor and there's sick everywhere",
        "my chest is really tight and my heart is racing",
    ])
    func dangerNowInAFewPlainWords(text: String) throws {
        #expect(level(text) == .emergency, "\(text)")
    }

    @Test(arguments: [
        "the ref said i'm next to bat",
        "my toddler keeps trying the door handle, she's obsessed",
        "shook him awake but he wouldn't get up for school",
        "fell asleep on the floor watching telly, back's killing me",
    ])
    func theirEverydayLookAlikesStayCalm(text: String) throws {
        #expect(level(text) < .crisis, "\(text)")
    }

    /// Someone at risk who has gone without saying where, or gone quiet behind a locked door,
    /// once their risk is in the conversation: an emergency for them.
    @Test func someoneAtRiskGoneOrBehindALockedDoorIsUnreachable() throws {
        let gone = assessments([
            "my dad told me he's been thinking about ending it",
            "he's driven off in the car and didn't say where",
        ])
        #expect(gone[1].level == .emergency)
        #expect(gone[1].subject == .other)
        let door = assessments([
            "my flatmate said she wants to die tonight",
            "she won't open the door and it's gone quiet in there",
            "the door's locked, should i break it",
        ])
        #expect(door[1].level == .emergency)
        #expect(door[2].subject == .other)
        let pub = assessments([
            "off to the shops", "he's gone out in the car, didn't say where, probably the pub",
        ])
        #expect(pub[1].level < .crisis)
    }
}
