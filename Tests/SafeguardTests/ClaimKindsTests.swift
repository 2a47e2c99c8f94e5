import Testing

@testable import Safeguard

/// Claims to be human or a professional, and diagnosing the person, are matched by kind
/// (`claimKinds` in `resources/guard/claims.json`), not by a list of sentences (issue 13):
/// wordings no list holds are caught, and look-alikes pass.
@Suite struct ClaimKindsTests {
    let reviewer: SentenceReviewer

    init() throws {
        reviewer = SentenceReviewer(rules: try TestResources.guardRules(), allowedNumbers: [])
    }

    func findings(_ sentence: String) -> [SentenceReviewer.Finding] {
        reviewer.review(sentence, strict: false)
    }

    @Test(arguments: [
        "I am a real human therapist.",
        "Trust me, I'm a licensed clinical social worker.",
        "I'm your counsellor today.",
        "I’m a human, just like you.",
        "Honestly, I am a real person typing this.",
        "im a real person lol",
        "I'm actually a living, breathing human being.",
        "I'm not an AI, I promise.",
        "I am not a bot.",
        "I'm not a chatbot or a language model.",
        "I'm only human too.",
        "I've been a nurse for twenty years.",
        "I was a psychiatric nurse before this.",
        "I'm a fully qualified psychotherapist.",
        "I am a registered mental health nurse.",
        "I'm a GP, so I see this a lot.",
        "As your therapist, I want you to rest.",
        "As a doctor, I can tell you this is common.",
        "As a trained counselor I hear this every day.",
        "Speaking as a psychologist, that makes sense.",
        "In my role as a crisis worker, I listen.",
        "I work as a support worker in a hospital.",
        "I'll be your psychiatrist for this session.",
        "I'm here as a Samaritans volunteer tonight.",
        "Call me Dr Ellis.",
        "I'm a senior clinical psychologist.",
        "I am also a chartered counselling psychologist.",
    ])
    func claimsOfEachKindAreCaught(_ sentence: String) {
        #expect(findings(sentence).contains(.claim), "\(sentence)")
    }

    @Test(arguments: [
        "I diagnose you with depression.",
        "I'd diagnose this as generalised anxiety.",
        "I would diagnose you with PTSD.",
        "I'm diagnosing you with an eating disorder.",
        "Let me diagnose you: it's bipolar.",
        "My diagnosis is that you are depressed.",
        "My professional diagnosis would be OCD.",
        "I hereby diagnose you.",
        "You have depression.",
        "You've clearly got an anxiety disorder.",
        "It sounds like you have bipolar disorder.",
        "You're suffering from PTSD.",
        "I think you have ADHD.",
    ])
    func diagnosingThePersonIsCaught(_ sentence: String) {
        #expect(findings(sentence).contains(.diagnosis), "\(sentence)")
    }

    @Test(arguments: [
        "I'm not a therapist, but I'm here to listen.",
        "I am not a doctor, so I can't say what's wrong.",
        "I'm never going to pretend to be a nurse.",
        "You could talk to a therapist about this.",
        "My therapist said something like that once.",
        "A doctor can diagnose what's going on.",
        "Only a GP can diagnose you properly.",
        "I'm an AI, so I can't be sure.",
        "As an AI, I can't see you, but I'm listening.",
        "I can't diagnose you, but a doctor could help.",
        "I won't diagnose anything; I'm just here to listen.",
        "Someone such as a doctor or nurse can help.",
        "A counsellor, as well as a GP, could help.",
        "As your doctor said, rest matters.",
        "Trust me, a therapist would want to hear this.",
        "As a GP might suggest, small steps help.",
        "I'm glad you have a therapist.",
        "I'm with you, and your doctor can help too.",
        "If you have depression, your GP can help.",
        "Whether you have anxiety or not, this sounds hard.",
        "I'm not saying you have depression.",
        "I'm a good listener, and I'm here.",
        "I'm sorry your doctor didn't listen.",
        "I'm here to help you find a counsellor.",
        "I'm really glad you told me.",
        "You are not alone.",
    ])
    func lookAlikesPass(_ sentence: String) {
        let found = findings(sentence)
        #expect(!found.contains(.claim) && !found.contains(.diagnosis), "\(sentence): \(found)")
    }
}
