#!/usr/bin/env python3
"""Generate Waymark's labelled training corpus for the suicidal-language model.

Python 3 standard library only. Deterministic: a fixed seed, no set iteration.

Every sentence is built from compositional templates whose slots are filled from
hand-written pools, then wrapped (openers, closers, everyday context sentences so
that risk can be buried) and noised (text-speak, dropped apostrophes, typos,
stretched letters, case, emoji). Openers, closers, context sentences and noise are
shared by both labels, so the model can only separate the classes by what is said.

Labels:
  suicidal  current suicidal ideation (passive or active), method seeking (also
            behind pretexts), self-harm now, someone else in that state now.
  benign    everything else, including the hard traps: figurative idioms, banter,
            negations, recovery and past history, study/news/fiction, everyday
            stress and low mood, neutral third-person talk, other support topics.

Output: resources/safeguard/model/corpus.jsonl, one {"text", "label", "kind"} a line.
The sentences are written for this project; none is copied from any evaluation set.
"""

import json
import os
import random
import re

SEED = 20261122
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "resources", "safeguard", "model", "corpus.jsonl")

R = random.Random(SEED)

# ---------------------------------------------------------------------------
# Slot pools. A filler may itself contain {slots}. "" means "leave it out".
# ---------------------------------------------------------------------------
S = {
    # --- shared wrappers -------------------------------------------------
    "opener": ["", "", "", "", "", "", "honestly ", "tbh ", "ngl ", "idk ", "i just ", "so ",
               "so yeah ", "hi, ", "hey ", "not gonna lie ", "can i be honest, ", "i don't know how to say this but ",
               "right so ", "ok so ", "um ", "sorry but ", "the thing is ", "i think ", "to be fair ",
               "genuinely ", "lowkey ", "literally ", "hiya ", "evening. ", "morning ", "can i just say ",
               "i need to tell someone, ", "weird question but ", "random but ", "i know this sounds bad but "],
    "closer": ["", "", "", "", "", "", " tbh", " honestly", " lol", " idk", " rn", " x", "...", " if that makes sense",
               " anyway", " 😭", " 🙃", " 😔", " 💀", " 🥲", " ffs", " haha", " tho", " right now", " atm",
               " at this point", " ngl", " smh", " 😅", " i guess", " or whatever", " 🙂", " xx", " 😩"],
    "context": [
        "work was awful today", "my flatmate keeps leaving the dishes", "had a massive row with my mum",
        "got my results back", "the bus was late again", "it's been raining all week", "my manager is on my case",
        "haven't slept properly in days", "my boyfriend hasn't texted back", "uni is a lot right now",
        "payday can't come soon enough", "just got home from my shift", "the kids are finally in bed",
        "i've got a dentist appointment tomorrow", "my phone screen cracked", "rent went up again",
        "i've been off sick this week", "my mate cancelled on me again", "i've been on my own all weekend",
        "i had a job interview today", "the heating's broken", "my dad's been in hospital", "i'm sat in my car",
        "it's 3am and i can't sleep", "christmas is coming up", "my exams start next week",
        "i moved to a new city last month", "i've been scrolling for hours", "my girlfriend dumped me",
        "i got made redundant", "i just finished a 12 hour shift", "the house is a tip", "i'm on the train home",
        "my sixth form mocks are next week", "i failed my driving test", "my cat's been poorly",
        "been skint all month", "i've been drinking a bit tonight", "nobody's replied in the group chat",
        "i'm back at my parents for the week", "i had a gp appointment today", "i'm in the library",
        "my shift got cancelled", "i've been working from home all week", "it's my birthday tomorrow",
        "we had a fire drill at work", "my nan's coming to stay", "i just got out the shower",
        "the wifi keeps dropping", "i'm waiting for my tea to cook", "i've got a presentation monday",
    ],
    "time": ["", "", "tonight", "tomorrow", "today", "this week", "anymore", "right now", "lately",
             "this morning", "any more", "these days", "at the moment", "again"],
    "timefut": ["tonight", "tomorrow", "this weekend", "when everyone's asleep", "after work", "soon",
                "on friday", "later", "before my birthday", "this week"],
    "intens": ["", "", "really ", "so ", "just ", "honestly ", "actually ", "genuinely ", "properly ",
               "literally ", "seriously ", "well "],
    "feel": ["feel like", "think", "reckon", "keep thinking", "know", "feel"],
    "people": ["everyone", "my family", "my mum", "my kids", "my mates", "my friends", "my parents",
               "the people around me", "everybody", "my partner", "my girlfriend", "my boyfriend",
               "my husband", "my wife", "my flatmates", "my sister", "my brother", "the world"],
    "vehicle": ["bus", "car", "lorry", "train", "van", "truck"],
    "tired": ["tired", "sick", "exhausted", "done", "worn out", "fed up", "knackered"],
    "existing": ["existing", "being alive", "living", "being here", "waking up", "breathing", "life",
                 "everything", "trying", "pretending i'm ok", "fighting"],
    "disappear": ["disappear", "vanish", "stop existing", "not exist", "fade away", "not be here",
                  "go to sleep forever", "just not wake up", "cease to exist", "be gone"],
    "die_word": ["die", "be dead", "not be alive", "not exist anymore", "be gone", "end it", "end my life",
                 "kill myself", "stop living"],
    "kms": ["kms", "kill myself", "kil myself", "kill my self", "k1ll myself", "kms fr", "end myself",
            "unalive myself", "un alive myself", "unalive", "top myself", "do myself in", "off myself",
            "end it all", "end it", "end things", "end my life", "take my own life", "commit suicide",
            "self delete", "neck myself", "sewerslide", "sewer slide", "ctb", "catch the bus", "suicide",
            "s*icide", "su1cide", "sucide", "sui", "game end myself", "delete myself", "yeet myself off a bridge",
            "not be here anymore", "end my own life", "finish myself off", "do something stupid",
            "end everything"],
    "method_obj": ["pills", "paracetamol", "tablets", "sleeping pills", "my meds", "co-codamol",
                   "antidepressants", "painkillers", "ibuprofen", "insulin", "sertraline"],
    "lethal_q": [
        "how many {method_obj} would it take to {end_q}",
        "how many {method_obj} does it take to {end_q}",
        "what's a lethal dose of {method_obj}",
        "whats the lethal amount of {method_obj}",
        "how much {method_obj} would kill someone",
        "how much {method_obj} is fatal",
        "what's the most painless way to die",
        "whats the quickest way to {end_q}",
        "what is the easiest way to {end_q}",
        "how do people {end_q} without it hurting",
        "which way of dying hurts the least",
        "how high does a bridge need to be to {end_q}", "would jumping from {height} kill you",
        "how high do you have to fall from to {end_q}", "is {height} high enough to {end_q}",
        "how long does it take to bleed out", "which vein is best to cut to {end_q}",
        "is it painful to overdose on {method_obj}",
        "what happens if you take a whole box of {method_obj}",
        "how long does it take to die from {method_obj}",
        "can you die from taking loads of {method_obj}",
        "would {num} {method_obj} be enough to {end_q}",
        "what's the best way to {end_q} so it looks like an accident",
        "how do i get hold of enough {method_obj} to {end_q}",
        "which painless method is most reliable",
        "how many mg of {method_obj} is deadly",
        "where's the best place to {end_q} where nobody would find me",
    ],
    "end_q": ["die", "end it", "kill yourself", "not wake up", "end your life", "kill someone", "kill me",
              "make sure you don't wake up", "die in your sleep", "unalive yourself", "never wake up"],
    "num": ["20", "30", "50", "100", "twenty", "forty", "a hundred", "two boxes of", "a whole strip of"],
    "pretext": ["for a story i'm writing, ", "asking for a friend, ", "for a school project, ",
                "hypothetically, ", "just curious, ", "for research, ", "for my novel, ", "random question, ",
                "not for me but ", "for a character in my book, ", "purely out of interest, ",
                "asking for a mate, ", "for a script i'm working on, ", "in theory, ", ""],
    "sh_act": ["cut myself", "cut", "burned myself", "hurt myself", "hit myself", "scratched myself till it bled",
               "self harmed", "sh'd", "relapsed and cut", "used a blade on my arm", "punched the wall till my knuckles bled on purpose",
               "carved into my leg", "harmed myself", "cut my arms", "cut my thighs", "burnt my arm with a lighter",
               "pulled my hair out till it bled", "starved myself as punishment and cut", "did sh"],
    "sh_urge": ["cut", "hurt myself", "self harm", "sh", "burn myself", "cut again", "relapse", "feel the blade",
                "make myself bleed", "punish myself", "hurt myself again", "hit myself"],
    "third_m": ["my mate", "my brother", "my boyfriend", "my dad", "my son", "a lad on my course", "my best mate",
                "my husband", "my cousin", "my flatmate", "my friend", "a guy in my class", "my uncle", "my partner"],
    "third_f": ["my friend", "my sister", "my girlfriend", "my mum", "my daughter", "a girl in my class",
                "my best friend", "my wife", "my cousin", "my flatmate", "my nan", "my partner", "my step mum"],

    # --- benign pools ----------------------------------------------------
    "chore": ["essay", "dissertation", "commute", "job", "shift", "revision", "coursework", "hangover",
              "heat", "queue", "assignment", "presentation", "week", "deadline", "meeting", "traffic",
              "spreadsheet", "maths homework", "gym session", "cold", "this hill", "thesis", "stats module",
              "spin class", "night shift", "house move", "wedding planning", "tax return", "group project"],
    "body": ["feet", "legs", "back", "knees", "shoes", "new boots", "heels", "eyes", "shoulders", "arms"],
    "food": ["curry", "pint", "kebab", "chippy tea", "cuppa", "takeaway", "full english", "greggs",
             "pizza", "brew", "sunday roast", "bacon butty", "maccies", "nandos", "cheeky pint", "pasty"],
    "treat": ["see it", "go", "meet her", "hear about it", "try it", "see the new film", "see you", "tell you",
              "get home", "get my results", "see the match", "go on holiday", "see the baby", "watch the final",
              "know what happens next", "see taylor swift", "get these boots off", "open my presents"],
    "success": ["work", "the gym", "uni", "the quiz", "the interview", "netball", "five a side", "football",
                "my exams", "parkrun", "karaoke", "the pub quiz", "my new job", "the match", "that exam", "training"],
    "scold": ["my mum", "my dad", "my boss", "my nan", "my wife", "my husband", "my girlfriend", "the teacher",
              "my sister", "my landlord", "my coach", "my manager", "our kid", "my missus", "my fella"],
    "scold_why": ["i'm late again", "she sees this", "i forget the milk", "i scratch the car", "he finds out",
                  "i spend any more money", "i don't tidy my room", "i miss the bus again", "i eat the last biscuit",
                  "i break another mug", "i'm not back by 10", "i wear her jacket", "i lose my keys again",
                  "i forget her birthday", "i get another parking ticket"],
    "dead_thing": ["my phone", "my laptop", "my battery", "the plant", "my car battery", "the party", "the pub",
                   "my social life", "the town centre", "my headphones", "the telly", "the group chat", "my vape"],
    "stressor": ["exams", "work", "uni", "my job", "deadlines", "money", "this week", "revision", "my boss",
                 "moving house", "my dissertation", "my mocks", "the kids", "bills", "my driving test",
                 "the wedding", "christmas", "my landlord", "my placement", "gcses", "a levels", "my coursework"],
    "lowfeel": ["low", "flat", "down", "rubbish", "crap", "meh", "a bit off", "lonely", "anxious", "sad",
                "overwhelmed", "stressed", "drained", "fed up", "empty", "numb", "a bit lost", "wobbly",
                "teary", "on edge", "gutted", "shattered", "knackered"],
    "better": ["things are better now", "i'm in a much better place now", "i'm doing loads better",
               "i'm really happy these days", "therapy really helped", "i'm proud of how far i've come",
               "life's good now", "i've got proper support now", "i'm ok now", "i'm doing well",
               "i've not felt like that in ages", "it's been years since i felt that way", "i'm stable now",
               "my meds and my counsellor sorted me out", "i'm glad i'm still here",
               "i don't feel like that anymore", "i don't feel that way now", "those thoughts have gone"],
    "past": ["i used to", "years ago i used to", "when i was younger i used to", "at uni i used to",
             "back in school i used to", "a few years back i used to", "in my teens i used to",
             "last year i used to", "i once used to", "before i got help i used to"],
    "past_want": ["lie awake wishing i wouldn't wake up", "hope i wouldn't wake up", "want to die", "want to kill myself", "think about suicide", "self harm", "cut myself",
                  "feel suicidal", "wish i wasn't here", "think everyone would be better off without me",
                  "hurt myself", "not want to wake up", "want to end it all", "think about ending it"],
    "topic": ["suicide prevention", "self harm", "suicide rates in young men", "mental health stigma",
              "the samaritans", "men's mental health", "depression in teenagers", "the history of the samaritans",
              "why people self harm", "suicide in the nhs workforce", "grief after suicide", "postnatal depression",
              "safe messaging guidelines", "suicide in literature", "the werther effect", "crisis lines"],
    "study": ["writing an essay on", "doing a presentation on", "reading a paper about", "doing my dissertation on",
              "revising", "watched a documentary about", "listening to a podcast about", "my psychology lecture was on",
              "we had a training session at work on", "doing a poster on", "read an article about",
              "my nursing module covers", "researching"],
    "fiction": ["the character dies at the end", "the main character kills himself in the last chapter",
                "everyone dies in the final episode", "the villain gets killed off", "my favourite character died",
                "they killed off the best character", "the dog dies in that film, i'm not watching it",
                "in the book she takes her own life and it's handled really well", "the hero sacrifices himself",
                "the ending where he dies made me cry", "the plot's about a detective solving a murder",
                "the game lets you respawn when you die", "i died on the last level like ten times",
                "my sim died in a fire", "my character keeps dying in elden ring", "the show's about a suicide hotline",
                "it's a crime drama where someone poisons the vicar", "in the song he says he wants to die but it's about a breakup"],
    "neg_claim": ["i'm not suicidal", "im not suicidal", "i'm not going to hurt myself", "i don't want to die",
                  "i would never kill myself", "i'm not going to do anything stupid", "no i'm not thinking of ending it",
                  "i'm not going to do anything daft", "don't worry i'm safe", "i'm not in danger",
                  "i'm not having those thoughts", "i don't want to hurt myself", "i'm not planning anything",
                  "i'm not thinking about suicide", "nothing like that", "i'm not going to top myself or anything",
                  "i'm not gonna kms dw", "i'd never do anything to myself"],
    "neg_then": ["just tired", "just really stressed", "just need a rant", "just need a break", "i just feel a bit flat",
                 "just having a bad day", "just fed up with work", "i just want someone to talk to",
                 "i just hate my job", "just overwhelmed", "i just need to vent", "just knackered",
                 "i just miss my mum", "i'm just lonely", "just sad about the breakup", "just need to sleep"],
    "everyday": [
        "can dogs eat grapes", "what time does tesco shut on sundays", "anyone know a good film to watch",
        "how do i get red wine out of a carpet", "is it worth getting a railcard", "what should i make for tea",
        "how long do you boil an egg for", "my cat keeps bringing in frogs", "any tips for a first date",
        "how do i ask my boss for a pay rise", "best way to revise for a maths exam", "what's a good birthday present for my dad",
        "how do i stop procrastinating", "is it normal for a puppy to sleep this much", "how do i make friends at uni",
        "what's the weather doing this weekend", "how do i write a cover letter", "can you recommend a podcast",
        "how do i tell my flatmate to clean up", "is it rude to leave a group chat", "how do i unblock my sink",
        "what's the best way to learn spanish", "how many calories in a pint", "should i get a fringe",
        "my nephew's christening is sunday, what do i wear", "how do i fix a squeaky door", "how do you cook rice properly",
        "is the m6 toll worth it", "what's a good name for a hamster", "how do i get better at running",
        "tips for a long train journey", "how do i stop my glasses steaming up", "what's a good book for the holiday",
        "is it too late to start learning guitar", "my plants keep dying, what am i doing wrong",
        "how do i kill weeds without hurting the dog", "how do i kill a process in linux", "how do you kill time at an airport",
        "what's the best way to cut an onion", "how do i cut my own fringe", "is it safe to eat chicken a day out of date",
        "how do i stop my cat scratching the sofa", "what's a good comeback when someone says ur mum",
        "how do i tell my mum i'm moving out", "who won the match last night", "what's on telly tonight",
        "how do i get over jet lag", "whats the best meal deal in boots",
    ],
    "distress": [
        "i feel like a failure", "i'm so lonely", "nobody gets me", "i can't stop crying", "i had a panic attack on the bus",
        "i hate my job", "i can't sleep", "i feel like i'm drowning in work", "everything feels like too much",
        "i feel so stupid", "i miss my old friends", "i'm scared about the future", "my anxiety is through the roof",
        "i just feel numb", "i'm so stressed i can't eat", "i don't know what i'm doing with my life",
        "i feel invisible", "i think i'm burnt out", "i keep messing everything up", "i feel like nobody likes me",
        "i'm fed up of being skint", "i feel really low today", "i've been crying all day", "i feel useless",
        "my head's all over the place", "i'm worried i'm going to fail", "i can't be arsed with anything",
        "i feel like i'm not good enough", "i'm struggling a bit", "i've had the worst week", "i'm heartbroken",
        "i feel so alone in this city", "i hate myself for saying that to her", "i'm dreading tomorrow",
        "i just want a day off from my own brain", "i feel stuck", "i'm exhausted all the time",
        "i need to get out of this house", "everything's going wrong", "i feel like giving up on this course",
        "i want to quit my job", "i just want to hide under the duvet", "i want to run away to the seaside for a week",
        "i want to disappear for a bit and switch my phone off", "i wish i could sleep for a week",
        "i'm tired of this job", "i'm sick of being single", "i'm done with dating apps", "i can't do this course anymore",
        "i want this week to be over", "i just want it to stop raining", "i'm so tired of my boss",
        "part of me wants to move to another country and start again", "i feel like i'm letting everyone down",
    ],
    "other_topic": [
        "my partner checks my phone and won't let me see my mates", "my dad hits my mum when he's drunk",
        "i've been making myself sick after meals", "i keep counting every calorie and skipping lunch",
        "i think i'm drinking too much", "i've been hearing whispers when nobody's there",
        "my nan died last month and i can't stop thinking about her", "i keep having flashbacks to the crash",
        "can i take ibuprofen with my sertraline", "is it ok to drink on antidepressants",
        "someone at a party touched me and i didn't want it", "my ex keeps turning up at my work",
        "i'm worried about my mate's gambling", "i've been smoking weed every day to cope",
        "my step dad shouts at us all the time", "my grandad has dementia and doesn't recognise me",
        "i get intrusive thoughts that i might hurt someone and it scares me", "my dog died yesterday",
        "my uncle took his own life years ago and it still hits me at christmas",
        "i lost my best friend to suicide two years ago and i still miss her every day",
        "my partner threatened to kill me if i leave", "my mum's boyfriend scares me",
    ],
    "third_neutral": [
        "my gran passed away peacefully last year", "my friend's hamster died", "a lad from my school died in a crash years ago",
        "the news said suicide rates went up", "my mate's doing a charity run for the samaritans",
        "my sister works on a crisis line", "my friend is a mental health nurse", "my brother volunteers for mind",
        "my mum's doing a course on suicide awareness", "my dad says he's dying for a cuppa",
        "my flatmate said the exam killed her", "my mate said he'd kill me if i spoiled the ending",
        "my boyfriend's mum passed away", "my teacher talked about self harm in pshe", "my friend's recovering really well now",
        "my cousin used to self harm but she's doing amazing now", "my dad nearly died of covid but he's fine now",
    ],

    # --- benign idioms built from templates ---------------------------------
}

# ---------------------------------------------------------------------------
# Templates: (kind, weight, [templates]). Label decided by the list they are in.
# ---------------------------------------------------------------------------
POSITIVE = [
    ("passive", 9, [
        "i don't want to wake up {time}", "i dont want to wake up tomorrow", "i hope i don't wake up {time}",
        "i wish i could {disappear}", "i just want to {disappear}", "{people} would be better off without me",
        "{people} would be happier if i wasn't here", "i'm {intens}{tired} of {existing}",
        "i hope i get hit by a {vehicle}", "i wouldn't mind if a {vehicle} hit me", "there's no point carrying on",
        "no point in carrying on", "i want it all to stop permanently", "i want everything to stop for good",
        "i can't see a future", "i can't see a future for myself", "i'm ready to check out", "i'm ready to go",
        "i wish i'd never been born", "i wish i was never born", "i don't want to be here {time}",
        "i don't want to be alive {time}", "i don't want to exist {time}", "i just want to not exist",
        "i want to go to sleep and never wake up", "what's the point in living", "what's even the point of being alive",
        "there's no reason for me to be alive", "i'm such a burden, {people} would be relieved if i was gone",
        "i keep thinking about dying", "i think about death all the time", "i keep hoping i'll just die in my sleep",
        "i'm done with life", "i'm done with living", "life isn't worth living {time}", "i don't see the point in living",
        "i'd be glad if i didn't wake up", "if i died tomorrow i wouldn't care", "i wish i was dead",
        "i wish i could just die", "i wish something would just kill me", "i pray i don't wake up",
        "i wouldn't care if i died", "i want to be dead", "being dead would be easier", "death seems like the only way out",
        "it would be easier if i wasn't around", "nobody would even notice if i was gone for good",
        "i wish i had cancer so i could die", "i want to go to sleep forever", "i'm counting down till i can leave this world",
        "i'm a waste of space and should just be gone", "i don't think i'll be around much longer",
        "i won't be here by christmas", "i've said my goodbyes", "i've given my stuff away so it's all sorted",
        "i wrote letters for everyone, just in case", "i can't keep living like this, i want out for good",
        "i don't want to do life anymore", "i just want the pain to end forever", "i want to stop being alive",
        "i want to fall asleep and not wake up", "i keep looking at the traffic and thinking about stepping out",
        "part of me hopes something hits me when i cross the road", "i want to not be alive anymore",
        "i'd rather be dead than feel like this", "i hope the plane crashes", "i wish the cancer would take me",
        "i'm so tired of being alive", "i'm tired of life", "there's nothing left for me here",
        "this world doesn't need me", "i'm not meant to be here", "i'd be better off dead",
        "everyone would be better off if i was dead", "{people} would cope fine without me, better even",
        "i feel like dying {time}", "i want to die {time}", "dying sounds peaceful",
        "i'd welcome death", "i want my life to be over", "i just want to be gone", "i want out of this life",
        "i'm ready to leave this world", "i don't want to live {time}", "i don't wanna live anymore",
        "it's not worth it anymore, none of it, life i mean", "i've had enough of life",
        "i can't see myself getting older", "i don't see myself making it to 30", "i'm just waiting to die",
        "no one would miss me if i was gone", "nobody would care if i died", "i wish i could sleep forever",
        "i want to go be with my dad, i don't want to be here without him", "i want to join my mum in heaven",
    ]),
    ("explicit", 6, [
        "i want to {die_word}", "i want to {die_word} {time}", "i'm going to kill myself", "i'm going to end it {timefut}",
        "i'm suicidal", "i feel suicidal", "i've been feeling suicidal {time}", "i'm thinking about suicide",
        "i'm having suicidal thoughts", "i keep having thoughts of killing myself", "i want to end my life",
        "i'm going to take my own life", "i've been planning how to kill myself", "i think i'm going to do it {timefut}",
        "i can't stop thinking about killing myself", "i've decided to end it", "i'm going to end my life {timefut}",
        "i really want to die", "i just wanna die", "i want to die so bad", "i want to die i can't do this",
        "i'm going to do it {timefut}", "i've got a plan to end it", "i have the pills ready",
        "i've got everything ready to end it {timefut}", "suicide is the only option left", "i'm thinking of ending it all",
        "i think about killing myself every day", "i'm considering suicide", "i don't think i can stop myself {timefut}",
        "i've been looking up ways to die", "i've written my note", "i'm standing on the bridge",
        "i've taken all my tablets", "i just took a load of pills", "i want to die. i can't do this anymore",
        "i want to die, i mean it", "the urge to kill myself is really strong {time}",
    ]),
    ("slang", 7, [
        "i want to {kms}", "gonna {kms}", "i'm gonna {kms} {time}", "i might {kms}", "honestly might {kms}",
        "i feel like i'm going to {kms}", "thinking about {kms}", "been thinking about {kms} a lot",
        "want to {kms} so bad", "i'm close to {kms}", "might just {kms} {timefut}", "ready to {kms}",
        "i'm going to {kms} {timefut}", "i keep thinking i should just {kms}", "i just wanna {kms}",
        "i could {kms} {time} and nobody would care", "i want to {kms} i'm not joking", "i'm this close to {kms}",
        "don't think i can stop myself from {kms}", "i'm seriously considering {kms}",
        "i want to be unalive", "i wanna be unalive", "kms", "kms fr", "i wanna kms", "i'm gonna kms",
        "i want to ctb", "thinking of ctb {timefut}", "i'm going to ctb", "sewerslide is looking good rn",
        "thinking about sewerslide", "i'm gonna sewerslide", "i want to unalive myself", "thinking about unaliving myself",
        "i'm going to top myself", "i might as well top myself", "i'm gonna do myself in", "i want to do myself in",
        "i want to end it all", "i'm gonna end it all {timefut}", "ready to end it", "i just want to end it",
        "i'm going to end it", "want to neck myself", "i want to off myself", "i'm just gonna self delete",
        "time to catch the bus", "i'm catching the bus {timefut}", "feeling very sewerslidey",
        "having sui thoughts", "having su1cidal thoughts", "feeling suicidal af", "suicidal again",
        "feeling sui", "im so suicidal", "i wanna die lol", "i wanna die", "lemme die", "let me die",
        "someone just end me, i mean it, i'm done with life", "i want to die fr", "i want to d1e",
        "i wanna dye", "i want to dye, i mean die", "sucidal thoughts again", "suicidle thoughts are back",
        "i'm feeling sucidal", "i feel suisidal", "unalive thoughts again", "having unalive thoughts",
        "dwi eisiau marw", "dwi ddim eisiau byw", "dwi eisiau lladd fy hun",
        "⚰️ that's where i want to be", "just want to be in a 🪦", "i want to 🔫 myself",
    ]),
    ("method", 6, [
        "{lethal_q}", "{pretext}{lethal_q}", "{pretext}{lethal_q}?", "{lethal_q}? asking for a friend",
        "{lethal_q}, it's for a story", "{lethal_q}, not for me obviously", "quick question {lethal_q}",
        "{lethal_q} lol", "{pretext}how many {method_obj} is too many",
        "i've got a box of {method_obj}, {lethal_q}",
    ]),
    ("self_harm", 6, [
        "i {sh_act} {time}", "i just {sh_act}", "i {sh_act} again", "i've {intens}{sh_act} {time}",
        "i want to {sh_urge} so bad", "the urge to {sh_urge} is so strong {time}", "i really want to {sh_urge}",
        "i keep wanting to {sh_urge}", "i can't stop thinking about wanting to {sh_urge}", "i need to {sh_urge}",
        "i've been hurting myself", "i've been self harming again", "i relapsed {time}", "i relapsed after 100 days",
        "i'm going to {sh_urge} {timefut}", "i deserve to {sh_urge}", "i hurt myself because i deserved it",
        "my arms are a mess, i did it again {time}", "i cut deeper than usual {time}", "i hid the blades but i found them",
        "i've started cutting again", "i keep hitting my head against the wall till it hurts",
        "i burn myself when it gets too much", "i scratch my skin until it bleeds", "i've been cutting {time}",
        "sh urges are bad {time}", "i can't stop self harming", "the only thing that helps is hurting myself",
        "i cut {time} and it's still bleeding", "i want to hurt myself {time}", "i need the blade {time}",
        "i want to see myself bleed", "i broke my sharpener for the blade",
    ]),
    ("farewell_plan", 5, [
        "i've written letters for {people}", "i've written a letter for {people} to find", "this is goodbye",
        "i'm sorry for everything, this is goodbye", "thanks for everything, i won't be around after {timefut}",
        "i've said my goodbyes to {people}", "i've given {pet} to {neighbour}, it's all sorted",
        "please look after {pet} when i'm gone", "i've sorted my will and given my things away",
        "i've deleted my socials and said bye to everyone, it's easier this way", "i've picked a date",
        "i've chosen the day", "i know how and when i'm going to do it", "i've got a plan and i've set a date",
        "i've been saving up my {method_obj}", "i've got enough {method_obj} saved up now",
        "i've been stockpiling {method_obj} for weeks", "i bought a rope {ago_short}", "i've got a rope in my room",
        "i went to look at the {place} {ago_short}, to check", "i've checked how high the {place} is",
        "i'm at the {place} now", "i'm sat on the edge of the {place}", "i'm stood at the {place} and i'm going to jump",
        "i've got the {method_obj} in front of me", "i've got the blade out", "the {method_obj} are on the table, i'm ready",
        "i won't need {future_thing} because i won't be here", "no point planning {future_event}, i won't be around",
        "i won't be here for {future_event}", "this time next week i'll be gone", "goodnight everyone, for the last time",
        "last message from me, love you all", "i'm going to say goodbye properly {timefut}",
    ]),
    ("act_done", 3, [
        "i've taken {num} {method_obj}", "i took all my {method_obj} {ago_short}", "i've just swallowed a load of {method_obj}",
        "i've overdosed", "i've taken an overdose", "i took an overdose {ago_short}", "i swallowed everything in the cupboard",
        "i've taken too many {method_obj} on purpose", "i've cut too deep and it won't stop bleeding",
        "i've done it, i took the {method_obj}", "took a whole box of {method_obj} {ago_short}",
        "i've drunk a bottle of vodka and taken my {method_obj}", "i've hurt myself badly and there's blood everywhere",
    ]),
    ("wish_death", 5, [
        "i wish the {accident} had killed me", "i wish i hadn't survived the {accident}", "i'm gutted i woke up {time}",
        "every morning i'm disappointed i woke up", "i hope my heart just stops", "i hope my heart gives out in my sleep",
        "i hope i don't survive the {operation}", "secretly hoping the {operation} goes wrong and i don't wake up",
        "i'm not scared of dying, i'm scared of living", "dying doesn't scare me anymore, living does",
        "i'm {intens}{tired} of being a person", "{tired} of being me", "i'm {tired} of being alive",
        "i keep thinking about driving into {crash_into}", "thought about swerving into {crash_into} on the way home",
        "i keep thinking about stepping in front of the train", "i stand too close to the platform edge on purpose",
        "i keep thinking about jumping when i'm up high", "i picture my funeral and feel relieved",
        "i think about my funeral a lot and it feels peaceful", "if i could press a button and stop existing i would",
        "if someone offered me a way out of life i'd take it", "i hope god takes me {time}",
        "i'd be relieved if i got a terminal diagnosis", "every night i pray i won't wake up",
        "i don't want to deal with tomorrow or any day after it", "i can't face another day of being alive",
        "i want to fall asleep and never have to do another day",
    ]),
    ("frames", 8, [
        "{hedge}{wish_verb} {death_event}", "{hedge}{wish_verb} {death_event} {time}",
        "{often} i think about {death_topic}", "i {think_lots} about {death_topic} {time}",
        "i {feel} {people} would be {better_adj} without me", "{people} would be {better_adj} if i wasn't around",
        "there's no {point_noun} in {living_ger}", "there's no {point_noun} in {living_ger} anymore",
        "i can't {face_verb} another {period} of {existing}", "i can't {face_verb} another {period} like this, i want out",
        "i won't be around for {future_event}", "i won't make it to {future_event} and i'm ok with that",
        "i don't think i'll make it to {future_event}", "i've stopped planning for {future_event} because i won't be here",
        "i've been {research_verb} {method_topic}", "i was {research_verb} {method_topic} {ago_short}",
        "been {stock_verb} my {method_obj} {time}", "i've been {stock_verb} {method_obj} {time}",
        "i've been suicidal for {duration}", "i've been suicidal for {duration} and haven't told anyone",
        "i've wanted to die for {duration}", "i've felt like killing myself for {duration}",
        "thinking of ending things {timefut}", "i might just end things {timefut}", "i'm going to end things {timefut}",
        "i {sh_act} for the first time in {duration}", "broke my {duration} streak and {sh_act}",
        "i {sh_act} {ago_short} after {duration} clean", "i relapsed {ago_short} after {duration} clean",
        "i did something to myself {ago_short} on purpose", "i {hurt_on_purpose} on purpose {ago_short}",
        "i {hurt_on_purpose} on purpose to feel something", "i {hurt_on_purpose} because i deserved it",
    ]),
    ("other_act", 2, [
        "{third_f} has taken {num} {method_obj} and won't tell me why", "{third_m} took a load of {method_obj} {ago_short}",
        "i found {third_m} passed out next to empty {method_obj} packets", "{third_f} drank loads and swallowed her {method_obj}",
        "{third_m} is threatening to jump off the {place} right now", "{third_f} has cut herself badly and it won't stop",
        "{third_m} just messaged goodbye and now his phone's off", "{third_f} said she's taken something and she's slurring",
        "{third_m} has gone missing and left a note", "{third_f} is locked in the bathroom saying she wants to die",
    ]),
    ("resolve", 5, [
        "i'm going to go through with it {timefut}", "i've had enough, i'm going through with it", "tonight's the night",
        "{timefut}'s the night i think", "i've made up my mind, {timefut}", "it'll all be over {timefut}", "not long now",
        "i'm fine with not seeing {future_event}", "i'm at peace with not making it to {future_event}",
        "i won't have to deal with any of this after {timefut}", "this is the last {period} i'm doing this",
        "{people} would breathe easier with me {dead_euph}", "i'd be better off {dead_euph}", "i want to be {dead_euph}",
        "i just want to be {dead_euph} already", "i'd be doing {people} a favour by {exit_ger}",
        "it would be a kindness to everyone if i was {dead_euph}", "i'm planning to go up to the top of the {place} {timefut}",
        "i've got the {method_obj} lined up", "i've counted out the {method_obj}", "{method_obj} are lined up on my bed",
        "i'm going to the {place} {timefut} and i'm not coming back", "driving to the {place} now, i'm not coming home",
    ]),
    ("self_harm_body", 4, [
        "{sh_verb} my {sh_body} {time}", "i {sh_verb} my {sh_body} {ago_short}", "i {sh_verb} my {sh_body} again",
        "my {sh_body} are covered in {sh_marks}", "there are {sh_marks} all over my {sh_body}", "fresh {sh_marks} on my {sh_body} {time}",
        "i've been {sh_ger} my {sh_body}", "i keep {sh_ger} my {sh_body}", "i want to {sh_inf} my {sh_body} so bad",
        "had to hide my {sh_body} because of the {sh_marks}", "wearing long sleeves so nobody sees the {sh_marks}",
    ]),
    ("other_now", 3, [
        "{third_m} says he wants to kill himself", "{third_f} says she wants to kill herself",
        "{third_m} keeps talking about ending it", "{third_f} keeps saying she wants to die",
        "{third_m} just texted me that he's going to end it {timefut}", "{third_f} told me she's been cutting again",
        "{third_m} said everyone would be better off without him", "{third_f} said she doesn't want to wake up",
        "{third_m} is on the bridge and won't answer", "{third_f} has taken a load of pills",
        "{third_m} is suicidal and i don't know what to do", "i think {third_f} is going to kill herself",
        "{third_m} posted a goodbye message", "{third_f} said she's going to top herself",
        "{third_m} keeps asking how many pills it would take", "{third_f} is self harming and hiding it",
        "{third_m} gave all his stuff away and said goodbye", "{third_f} wants to unalive herself",
        "{third_m} {told_me} he's {he_plan}", "{third_f} {told_me} she's {she_plan}", "{third_m} is {he_plan}",
        "{third_f} is {she_plan} and i'm terrified", "{third_m} {told_me} he's {he_plan} and i don't know what to do",
        "i'm on the phone with {third_f}, she's {she_plan}",
    ]),
    ("mixed_negation", 4, [
        "{neg_claim} but i'd be glad if i didn't wake up", "{neg_claim} but i really want to die",
        "i'm not going to do anything {time} but i wish i was dead", "i won't do anything but i don't want to be here anymore",
        "{neg_claim} but sometimes i hope a {vehicle} hits me", "i'm fine, i'm fine. i just want to {disappear} forever",
        "i'm ok really, just wish i could stop existing", "i'm not going to act on it but i want to die",
        "i wouldn't do it but i think {people} would be better off without me",
        "i'm not gonna do anything but i keep thinking about killing myself",
        "lol i'm fine, just want to die", "i'm not sad i'm just done with life",
        "not being dramatic but i genuinely want to die", "this isn't a joke, i want to {kms}",
        "i know i said i was fine but i've been thinking about ending it", "i don't want help i just want to die",
    ]),
]

NEGATIVE = [
    ("idiom", 10, [
        "this {chore} is killing me", "my {body} are killing me", "i'm dying to {treat}", "dying to {treat}",
        "i could murder a {food}", "i could kill for a {food}", "i'm dead on my feet", "dead on my feet after {chore}",
        "killing it at {success}", "absolutely killing it at {success}", "smashed it at {success}",
        "{scold} will kill me if {scold_why}", "{scold} is going to murder me if {scold_why}",
        "{scold} will literally end me if {scold_why}", "i nearly died laughing", "i'm dead 💀", "i literally died 😭",
        "i'm deceased 💀", "that video killed me", "you're killing me 😂", "i died when she said that",
        "kill me now, {chore} with no breaks", "i'd rather die than {treat} in that outfit", "over my dead body",
        "{dead_thing} is dead", "{dead_thing} died", "{dead_thing} is dying", "the {chore} nearly killed me",
        "i'm dying of boredom", "i'm dying of thirst", "i'm starving to death here", "i'm freezing to death at the bus stop",
        "that {chore} was murder", "the {chore} is murdering my will to live lol", "it's a killer {chore}",
        "i'm knackered, proper dead on my feet", "dead tired after the {chore}", "i'm dead excited for friday",
        "that was dead good", "my legs are dead after parkrun", "this heat is killing me",
        "i'm going to kill him, he ate my {food}", "i'll kill her if she spoils the ending", "i'll murder you lol",
        "my mate's going to kill me for being late", "if looks could kill", "curiosity killed the cat",
        "i'd kill to {treat}", "i'm dying here, {chore} is so boring", "dying my hair pink tomorrow",
        "i want to dye my hair", "thinking of dyeing my hair black", "killed the spider in the bath",
        "we killed two hours at the airport", "kill the lights", "that joke killed", "the comedian absolutely killed it",
        "she slayed 💅", "killing time before my train", "i'm so full i could die", "i nearly died when i saw the price",
        "i want to die of embarrassment", "i could die of embarrassment", "i'm going to die if i have to sit through another {chore}",
        "my {chore} is going to be the death of me", "the {chore} is sucking the life out of me",
        "i'm sick to death of the {chore}", "bored to death of the {chore}", "scared to death of my {chore}",
        "this {chore} is a nightmare", "i'll die happy if we win", "i'd die for a {food} right now",
        "shot myself in the foot there", "i could kick myself", "i could scream", "i'm losing the will to live with this {chore}",
        "ugh i want to die, i said hi to my teacher as mum", "my {body} are dying after the {chore}",
        "cut my hair today", "cut my finger on a tin", "burned myself on the oven", "hurt my back lifting boxes",
        "i cut myself shaving", "burned my hand on the kettle", "i hurt myself at the gym",
        "off to the vets, dog's getting done", "the battery's dead again", "dead end job but it pays",
        "deadline's tomorrow", "killer heels", "drop dead gorgeous", "dead cert", "the plant's finally dead",
        "i'm going to end it with him, he's a mess", "ending things with my boyfriend", "i want to end it with her",
        "i'm going to end my contract", "end of an era", "i want this week to end", "i'm going to quit my job",
        "i need this term to end", "i'm out, see you all tomorrow", "i'm checking out of the hotel at 10",
        "ready to check out, basket's full", "i'm ready to go home", "i'm catching the bus to town",
        "missed the bus again", "i'm going to catch the bus at 8", "just want to sleep for a week",
    ]),
    ("banter", 5, [
        "{scold} said they'd kill me lol", "if you spoil it i'll kill you", "i'm gonna murder my brother",
        "my sister will end me", "lol she'll kill me", "he's dead meat", "you're dead when i get home",
        "i'd kill for your hair", "i'll strangle him if he's late again 😂", "i'm going to throttle my flatmate",
        "my mum's going to skin me alive", "lol i'm dead", "😂😂 dead", "dead 💀💀", "i'm crying 😭😭",
        "stop i'm crying 😭", "this meme is killing me 😭", "bro i'm dying 😂", "help i'm dying 😂", "sent me 💀",
        "that's sick", "proper sick that", "that's mint", "we're gonna smash it", "you killed it mate",
        "rip my bank account", "rip my sleep schedule", "rip me", "rip to my diet", "my bank account is crying",
        "goodbye cruel world, i'm going to ikea", "pray for me, it's my in laws this weekend",
        "see you on the other side, off to the sales", "if i don't come back from the dentist, avenge me",
        "tell my mum i love her, i'm trying the hottest wings", "i'm so dead if my dad finds out",
    ]),
    ("negation", 7, [
        "{neg_claim}, {neg_then}", "{neg_claim}. {neg_then}", "{neg_claim} {neg_then}", "{neg_claim}, promise. {neg_then}",
        "to be clear {neg_claim}, {neg_then}", "{neg_then}, {neg_claim}", "{neg_then} but {neg_claim}",
        "{neg_claim} or anything, i'm just {lowfeel}", "i'm {lowfeel} but {neg_claim}",
        "i'm not suicidal, i'm {lowfeel}", "no thoughts of hurting myself, just {lowfeel}",
        "no i don't want to kill myself, i just want {stressor} to be over", "i'm not thinking about ending my life, just about ending this {chore}",
        "i'd never hurt myself, my kids need me", "i'm not in a dark place, just {lowfeel}",
        "i don't want to die, i just want a break from {stressor}", "not suicidal just sad",
        "i'm safe, i just need to talk", "i have no plans to hurt myself", "i'm not going to do anything silly, i'm just {lowfeel}",
        "i don't feel suicidal at all, just {lowfeel}", "never had suicidal thoughts but i'm {lowfeel}",
        "i'm not depressed, just {lowfeel} about {stressor}", "it's not that i want to die, i just want {stressor} to stop",
    ]),
    ("historical", 7, [
        "{past} {past_want} but {better}", "{past} {past_want}. {better}", "{past} {past_want}, {better}",
        "{past} {past_want} but not anymore", "i haven't felt like i wanted to die in years",
        "i'm {num_clean} clean from self harm today", "{num_clean} without self harming!!",
        "i was suicidal {ago} but {better}", "i tried to take my own life {ago}, {better}",
        "i attempted {ago} and {better}", "i self harmed {ago} but {better}", "my scars are from {ago}, {better}",
        "i used to think everyone would be better off without me, now i know that's not true",
        "when i was {age} i felt like dying but {better}", "i used to self harm but i've been clean for ages",
        "i was in a really dark place {ago}, {better}", "i used to feel suicidal all the time, {better}",
        "i haven't cut in {num_clean}", "{num_clean} clean today 🥹", "i've stopped hurting myself and {better}",
        "i'm glad i didn't die back then", "looking back i'm so glad i got help when i was suicidal",
        "i had suicidal thoughts after my divorce but {better}", "my old self harm scars are itchy today, weird",
        "i went to a&e for suicidal thoughts {ago}, {better}", "i'm a suicide attempt survivor and {better}",
    ]),
    ("academic", 6, [
        "{study} {topic}", "i'm {study} {topic}", "{study} {topic} for uni", "{study} {topic}, any sources?",
        "can you help me with my essay on {topic}", "what are the warning signs of suicide", "how do i support a friend who self harms",
        "what do i say if a friend tells me they're suicidal", "what's the number for samaritans",
        "how does a suicide prevention plan work", "is the samaritans free to call", "how can i help someone with depression",
        "why is suicide the biggest killer of men under 50", "i'm training to be a crisis line volunteer",
        "our school had a talk on self harm", "the lecture on suicide was really interesting",
        "i'm writing a story about a girl who gets through depression", "my film project is about grief",
        "i'm a nurse and we had suicide awareness training today", "in my poetry class we read about death",
        "i'm a therapist looking for safe messaging guidance", "what does it mean to be sectioned",
        "news says a man died after falling from a bridge", "there was a stabbing in town last night",
        "the article was about a celebrity who died by suicide", "shakespeare's romeo dies from poison",
        "in hamlet, ophelia drowns", "the history exam was about the plague killing millions",
        "we're studying sylvia plath's poems", "my sociology essay is on durkheim and suicide",
    ]),
    ("support_question", 4, [
        "{q_open}{support_q}", "{q_open}{support_q}?", "{support_q}, {q_why}", "{q_open}{support_q} {q_why}",
    ]),
    ("negation_frames", 5, [
        "i'm not {neg_verb} {risk_vp}, i just {plain_need}", "i'm not {neg_verb} {risk_vp}. i just {plain_need}",
        "not {neg_verb} {risk_vp} or anything, i just {plain_need}", "no i'm not {neg_verb} {risk_vp}, {neg_then}",
        "i'm definitely not {neg_verb} {risk_vp}, i just {plain_need}", "before you worry, i'm not {neg_verb} {risk_vp}",
        "i've never {risk_pp} and i'm not going to, i just {plain_need}",
    ]),
    ("fiction", 4, ["{fiction}", "spoiler: {fiction}", "omg {fiction}", "{fiction} 😭", "i can't believe {fiction}"]),
    ("distress", 10, [
        "{stressor} is stressing me out", "{stressor} are stressing me out", "i'm so stressed about {stressor}",
        "feeling {lowfeel} today", "feeling {intens}{lowfeel} {time}", "i've been feeling {lowfeel} {time}",
        "i feel {intens}{lowfeel}", "{distress}", "{distress} {time}", "{distress} because of {stressor}",
        "{stressor} is getting to me", "i'm {intens}{lowfeel} about {stressor}", "i'm struggling with {stressor}",
        "i can't cope with {stressor}", "i'm not coping with {stressor}", "{stressor} is too much",
        "i'm so {tired_b} of {stressor}", "i just want {stressor} to be over", "i can't do {stressor} anymore",
        "i'm overwhelmed by {stressor}", "i'm done with {stressor}", "i hate {stressor}",
        "i want to give up on {stressor}", "i feel like giving up on {stressor}", "i just want to {escape}",
        "i'm {lowfeel} and i don't know why", "i'm having a rough time with {stressor}",
        "{stressor} is making me cry", "i just feel {lowfeel} all the time", "nobody texts me first",
        "i've not left the house in days", "i feel like everyone hates me", "i'm a mess",
    ]),
    ("idiom_more", 8, [
        "{trivial_cause}, someone end me {laugh}", "{trivial_cause}, i'm actually going to die {laugh}",
        "{trivial_cause} and i'm deceased {laugh}", "{trivial_cause}, kill me now {laugh}", "{trivial_cause}, i want the ground to swallow me up",
        "{trivial_cause}, i'm literally dead {laugh}", "{trivial_cause}. rip me {laugh}", "{trivial_cause}, i'm done for {laugh}",
        "{trivial_cause} 💀💀 i can't", "{trivial_cause}, this is how i die {laugh}", "{trivial_cause}, i'm finished {laugh}",
        "i'm dead {intens}{dead_adj}", "dead {dead_adj} for {event_b}", "{event_b} is going to kill me {laugh}",
        "{event_b} nearly killed me {laugh}", "i'd sell my soul for {food_b}", "murdering {food_b} right now",
        "i'm killing myself laughing at {funny}", "{funny} has me crying {laugh}", "{funny} absolutely killed me {laugh}",
        "{funny} is to die for", "my {body} are dead after {event_b}", "{event_b} was brutal, i'm dead on my feet",
        "you'll be the death of me {laugh}", "that {food_b} was to die for", "i'm starving, i could eat a horse",
        "{scold} is going to kill me when {scold_when}", "{scold} will have my head when {scold_when}",
        "i'll get murdered when {scold_when}", "i'm a dead man when {scold_when}", "i'm so dead when {scold_when}",
    ]),
    ("distress_more", 8, [
        "i feel {lowfeel} and {distress_add}", "i've been {lowfeel} since {distress_since}", "{distress_since} and i feel {lowfeel}",
        "honestly {stressor} is {distress_pred}", "i'm {lowfeel}, {distress_add}", "{distress_add}, feeling {lowfeel}",
        "i don't know how to {cope_with} {stressor}", "how do i {cope_with} {stressor}", "any tips for {cope_with} {stressor}",
        "i hate feeling like this, {distress_add}", "i'm sick of feeling {lowfeel}", "i just want to feel normal again",
        "i'm so {tired_b} of feeling {lowfeel}", "why do i always feel {lowfeel}", "i feel {lowfeel} and nobody notices",
    ]),
    ("benign_wish", 6, [
        "i wish i could {benign_wish}", "i just want to {benign_wish}", "i want to {benign_wish}",
        "i want a new {new_thing}", "honestly i need a new {new_thing}", "i'd love to {benign_wish}",
        "part of me wants to {benign_wish}", "i really want to {benign_wish} {time}", "i'm ready to {benign_wish}",
        "can't wait to {benign_wish}", "i want to cancel everything and {benign_wish}", "i want out of this {chore}",
        "i'm ready for a fresh start in {town}", "i want a whole new life in {town}",
    ]),
    ("benign_meds", 3, [
        "how many {med} can i take in a day", "how many {med} can i take for a {ailment}",
        "is it safe to take {med} with {med2}", "what's the max dose of {med} for a {age_group}",
        "can i take {med} on an empty stomach", "how long should i wait between {med} doses",
        "how much {med} is safe when you're pregnant", "can i drink alcohol on {med}",
        "my gp put me on {med}, any side effects i should know about", "i forgot my {med} this morning, should i double up",
        "does {med} make you drowsy", "can you take {med} and {med2} together for a {ailment}",
    ]),
    ("benign_places", 3, [
        "the {place} is closed for roadworks", "there was a story on the news about the {place}",
        "we walked along the {place} on sunday", "my train's delayed again, stood on the platform for an hour",
        "i'm on the roof fixing the gutter", "the view from the {place} is amazing", "parked on the top floor of the car park",
        "the bridge into town is shut", "took the dog to the cliffs, she loved it", "got a lovely photo from the {place}",
        "i'm stood at the {place} waiting for my mate", "i'm at the {place} now, where are you",
    ]),
    ("benign_goodbye", 3, [
        "goodnight everyone, off to bed", "thanks for everything, bye for now", "saying goodbye to my old flat today",
        "i've given my old clothes to the charity shop", "i wrote a letter to my penpal", "this is goodbye to my twenties",
        "i said goodbye to my colleagues, last day tomorrow", "i've sorted my will now we've bought the house",
        "i'm ending it with {partner_b} tonight, wish me luck", "ending things with {partner_b}, it's not working",
        "i've decided to end it with {partner_b}", "i've picked a date for the wedding", "i've chosen a date for my leaving do",
        "i've got a plan for revision and a date for the exam", "i took all my tablets like the gp said",
        "i've taken two paracetamol for my headache", "i took my meds this morning", "i've got a rope for the climbing wall",
        "please look after {pet} while i'm on holiday", "i've given {pet} to my neighbour for the week",
    ]),
    ("benign_frames", 8, [
        "{hedge}{wish_verb} {benign_event}", "{often} i think about {benign_topic}",
        "i {think_lots} about {benign_topic} {time}", "{people} would be {better_adj} without {benign_nuisance}",
        "there's no {point_noun} in {benign_activity}", "i can't {face_verb} another {benign_period}",
        "i won't need {future_thing} because {benign_reason}", "i won't be around for {future_event}, i'm working abroad",
        "i don't think i'll make it to {future_event}, the trains are a mess", "i've been {research_verb} {benign_research}",
        "i was {research_verb} {benign_research} {ago_short}", "been {stock_verb} {benign_stock}",
        "i've been {stock_verb} {benign_stock} {time}", "i've been single for {duration}",
        "i've wanted a dog for {duration}", "i've been off work for {duration}", "i've been clean for {duration} and proud",
        "i've not self harmed for {duration}", "{duration} clean from self harm and i feel good",
        "i hurt my {body_part} {ago_short}, not on purpose, i fell", "i {benign_hurt} {ago_short}, so clumsy",
        "thinking of ending things with {partner_b} {timefut}", "i ended things with {partner_b} {ago_short}",
    ]),
    ("threat_other", 4, [
        "{abuser} said he's going to kill me", "{abuser} keeps threatening to kill me", "{abuser} says he'll kill me if i leave",
        "{abuser} has got a knife and is shouting that he'll kill me", "i'm scared {abuser} is going to hurt me tonight",
        "{abuser} strangled me last night", "{abuser} said i'd be better off dead and pushed me", "{abuser} hit me again",
        "i want to kill my ex for what he did", "i could kill {scold} sometimes, they drive me mad",
        "sometimes i get so angry i want to hurt {abuser}", "i'm worried i might lash out at my brother",
        "{abuser} threatened to kill the dog", "{abuser} told me to kill myself", "someone online told me to kys",
        "people at school keep telling me to kill myself", "{abuser} said nobody would miss me and i should die",
    ]),
    ("quoted_joke", 3, [
        "{third_m} said {joke_kms} when {trivial} lol", "{third_f} texted {joke_kms} because {trivial} 😂",
        "{third_m} was like {joke_kms} after {trivial}", "{third_f} keeps saying {joke_kms} about {trivial}, she's so dramatic",
        "{third_m} posted {joke_kms} under a meme about {trivial}", "the group chat is all {joke_kms} about {trivial} 💀",
    ]),
    ("short_reply", 2, [
        "{short}", "{short} {short}", "{short}, {short}", "{short} {short_tail}", "{short_tail}", "{short}?", "{short}!!",
        "{short} x", "{short} {laugh}",
    ]),
    ("third_neutral", 4, ["{third_neutral}", "{other_topic}", "{third_neutral}, anyway", "so {third_neutral}"]),
    ("everyday", 8, ["{everyday}", "{everyday}?", "quick question, {everyday}", "{everyday} lol", "help, {everyday}",
                     "anyone know {everyday}", "{everyday} x", "{everyday}??"]),
]

S["pet"] = ["the cat", "my dog", "the dog", "my rabbit", "my hamster", "the kids' goldfish", "my cat"]
S["neighbour"] = ["my neighbour", "my sister", "my mate", "a friend", "my mum"]
S["ago_short"] = ["an hour ago", "earlier", "this morning", "last night", "ten minutes ago", "yesterday", "just now"]
S["place"] = ["bridge", "cliffs", "car park roof", "multi storey", "train tracks", "reservoir", "railway bridge",
              "viaduct", "top of the flats", "canal", "station", "beach"]
S["future_thing"] = ["a new coat", "my winter stuff", "a diary for next year", "to book my holiday", "my passport"]
S["future_event"] = ["christmas", "next year", "my birthday", "the summer", "my sister's wedding", "new year"]
S["accident"] = ["crash", "accident", "fall", "overdose", "surgery", "car crash"]
S["operation"] = ["operation", "surgery", "anaesthetic", "op next week"]
S["crash_into"] = ["a wall", "a tree", "the river", "oncoming traffic", "a lorry", "the central reservation"]
S["benign_wish"] = ["move to cornwall", "hibernate until spring", "sleep in till noon", "be a cat", "live by the sea",
                    "go back to being a kid", "quit my job", "afford a holiday", "run away to spain for a week",
                    "sleep for a whole day", "start again somewhere new", "win the lottery", "go travelling",
                    "move out of this flat", "stay in bed all weekend", "disappear to a cabin in the woods for a month",
                    "switch my phone off for a week", "get away from it all", "live in the countryside", "go home",
                    "have a quiet life", "retire early", "change careers", "get a dog"]
S["new_thing"] = ["life somewhere sunny", "job", "phone", "start", "flat", "hobby", "haircut", "car", "wardrobe", "routine"]
S["town"] = ["leeds", "bristol", "glasgow", "cardiff", "belfast", "spain", "the countryside", "manchester", "york"]
S["med"] = ["paracetamol", "ibuprofen", "co-codamol", "sertraline", "my inhaler", "antihistamines", "amoxicillin",
            "calpol", "the pill", "melatonin", "iron tablets", "vitamin d"]
S["med2"] = ["antibiotics", "ibuprofen", "paracetamol", "my antidepressants", "lemsip", "the pill", "cold and flu tablets"]
S["ailment"] = ["headache", "toothache", "cold", "period pain", "sore throat", "bad back", "migraine", "hangover"]
S["age_group"] = ["child", "toddler", "teenager", "adult", "10 year old"]
S["partner_b"] = ["my boyfriend", "my girlfriend", "him", "her", "my fella", "the lad i've been seeing"]
S["hedge"] = ["", "", "honestly ", "part of me ", "sometimes ", "secretly ", "every night ", "tbh "]
S["wish_verb"] = ["i hope", "i wish", "hope", "i keep hoping", "i wouldn't mind if", "i'd be ok if", "i'd be relieved if",
                  "i'd honestly welcome it if", "it'd be fine if", "i pray"]
S["death_event"] = ["i didn't wake up", "my heart just stopped", "i never woke up", "i died in my sleep",
                    "i got hit by a {vehicle}", "the plane went down with me on it", "i just stopped existing",
                    "i wasn't here tomorrow", "i didn't make it to {future_event}", "i got ill and never recovered",
                    "something killed me", "i just slipped away", "i was dead", "i got cancer and died",
                    "the {accident} had finished me off", "i could die quietly", "i never had to wake up again",
                    "i fell asleep forever", "i didn't come up next time i went under"]
S["benign_event"] = ["it doesn't rain tomorrow", "i don't wake up with a hangover", "i don't wake up late again",
                     "the train's on time", "i get the job", "my mum likes the present", "i pass my test",
                     "i win the raffle", "i could sleep in tomorrow", "the kids sleep through", "my parcel comes today",
                     "it snows for christmas", "my flatmate moves out", "we get a day off", "i don't get ill before the trip"]
S["often"] = ["every day", "all the time", "lately", "at night", "most days", "constantly", "a lot", "more and more"]
S["think_lots"] = ["think a lot", "keep thinking", "can't stop thinking", "dream", "fantasise", "daydream"]
S["death_topic"] = ["dying", "not being here", "killing myself", "ending it", "my funeral", "not waking up",
                    "how to end it", "ways to die", "being dead", "ending my life", "suicide", "how i'd do it",
                    "leaving this world", "jumping", "taking all my pills"]
S["benign_topic"] = ["food", "my ex", "the holiday", "moving house", "quitting my job", "getting a dog", "the weekend",
                     "what to have for tea", "my exam results", "the match", "my wedding", "christmas", "my garden"]
S["better_adj"] = ["better off", "happier", "relieved", "free", "lighter", "fine", "better"]
S["benign_nuisance"] = ["the noise", "that job", "my ex", "social media", "the stress", "this landlord", "a car", "that drama"]
S["point_noun"] = ["point", "reason", "use", "sense", "point at all"]
S["living_ger"] = ["living", "carrying on", "being alive", "going on", "waking up", "trying to stay alive",
                   "keeping myself alive", "staying alive", "existing"]
S["benign_activity"] = ["revising now, the exam's tomorrow", "going out in this rain", "arguing with him",
                        "ironing, it'll crease anyway", "washing the car, it's going to rain", "applying, they never reply",
                        "complaining to the council", "making the bed", "dieting before christmas", "trying to get tickets"]
S["face_verb"] = ["face", "do", "handle", "cope with", "survive", "bear"]
S["period"] = ["day", "week", "year", "morning", "winter", "birthday", "christmas"]
S["benign_period"] = ["monday", "team meeting", "night shift", "zoom call", "parents evening", "ikea trip",
                      "family christmas", "group project", "week of this rain", "weekend of wedding planning"]
S["benign_reason"] = ["it's meant to be sunny", "we're going abroad", "my mum bought me one", "work gives us one",
                      "i'm moving to spain"]
S["research_verb"] = ["looking up", "googling", "researching", "reading about", "searching for", "checking"]
S["method_topic"] = ["how long an overdose takes", "the tallest bridges near me", "lethal doses", "how to hang yourself",
                     "which pills are strongest", "painless ways to go", "how much of my meds would kill me",
                     "ways to kill myself", "suicide methods", "how to end it quickly", "what would stop my heart",
                     "the quickest way to die", "how many tablets it takes"]
S["benign_research"] = ["flights to spain", "how to unblock a sink", "if chocolate is toxic for dogs", "cheap holidays",
                        "new jobs", "the best bridges to photograph", "walks near me", "dog breeds",
                        "the side effects of my new pill", "how long a cold lasts", "recipes for tea", "uni courses"]
S["stock_verb"] = ["saving", "stockpiling", "hoarding", "collecting", "keeping", "saving up"]
S["benign_stock"] = ["loo roll", "tins for winter", "money for a holiday", "coupons", "points on my clubcard",
                     "birthday money", "teabags", "jam jars", "money for a car"]
S["duration"] = ["months", "weeks", "a year", "ages", "years", "six months", "a long time", "two years", "100 days"]
S["hurt_on_purpose"] = ["slammed my hand in the door", "punched a wall", "hit my head against the wall",
                        "scratched my arms raw", "burned my hand", "bit my arm till it bled", "pulled my hair out"]
S["benign_hurt"] = ["slammed my hand in the car door", "banged my head on the cupboard", "burned my hand on the oven",
                    "cut my finger chopping onions", "twisted my ankle", "stubbed my toe"]
S["body_part"] = ["wrist", "arm", "back", "knee", "ankle", "hand"]
S["abuser"] = ["my husband", "my boyfriend", "my ex", "my dad", "my step dad", "my partner", "he", "my brother",
              "my girlfriend", "my wife", "my son", "the lad next door"]
S["joke_kms"] = ["kms", "kill me", "i'm going to die", "i want to die", "i'm actually going to kms", "someone end me",
                 "i'm dead", "rip me", "put me in the bin", "i'm going to jump off a cliff"]
S["trivial"] = ["he lost at fifa", "the wifi went off", "she got a parking ticket", "the exam", "his team lost",
                "she dropped her chips", "her hair dye went orange", "he missed the bus", "the new timetable",
                "monday mornings", "her phone died", "he got left on read"]
S["dead_euph"] = ["in the ground", "six feet under", "in a box", "pushing up daisies", "gone for good", "dead and buried",
                 "in a coffin", "out of the picture for good", "under the ground", "at peace forever", "ashes"]
S["exit_ger"] = ["dying", "disappearing for good", "ending it", "not being here", "killing myself", "going for good"]
S["height"] = ["a fourth floor window", "the top of the car park", "a bridge", "the tenth floor", "a cliff", "my balcony"]
S["sh_verb"] = ["cut", "used a razor on", "took a blade to", "burned", "scratched up", "sliced", "carved into", "hurt",
                "used my sharpener blade on", "punched", "burnt"]
S["sh_ger"] = ["cutting", "burning", "scratching", "hurting", "slicing", "picking at", "carving into"]
S["sh_inf"] = ["cut", "burn", "scratch", "hurt", "slice", "take a blade to"]
S["sh_body"] = ["arms", "legs", "thighs", "wrists", "stomach", "arm", "leg", "hips", "skin", "wrist"]
S["sh_marks"] = ["cuts", "fresh cuts", "burns", "scratches", "scars that are still open", "plasters", "marks"]
S["told_me"] = ["told me", "texted me", "said", "just messaged me saying", "keeps saying", "admitted", "posted that"]
S["he_plan"] = ["thinking about killing himself", "planning to end it", "going to jump", "going to take his life",
                "hiding pills to take", "thinking of ending it all", "going to kill himself tonight", "wants to die",
                "been cutting himself", "going to hang himself", "saying goodbye to everyone"]
S["she_plan"] = ["thinking about killing herself", "planning to end it", "going to jump", "going to take her life",
                 "stockpiling pills", "thinking of ending it all", "going to kill herself tonight", "wanting to die",
                 "been cutting herself", "going to overdose", "saying goodbye to everyone"]
S["laugh"] = ["", "😂", "😭", "💀", "lol", "lmao", "haha", "🤣", "😭😭", "xD", "ffs"]
S["trivial_cause"] = ["i waved at someone who wasn't waving at me", "i called my teacher mum", "my mum liked my ex's photo",
                      "i sent the meme to the family chat by mistake", "i tripped up the stairs in front of the whole office",
                      "my dad's learnt to use tiktok", "the lecturer read my essay out", "i've got a spot on my nose for the wedding",
                      "i forgot my pin at the till", "my card got declined on a date", "i replied all to the whole company",
                      "my voice cracked in the presentation", "the printer ate my coursework", "i've got a 9am on a saturday",
                      "my sister posted my baby photos", "i fell asleep on the bus and ended up in wigan"]
S["dead_adj"] = ["excited", "chuffed", "tired", "good", "nervous", "proud", "busy", "jealous", "happy"]
S["event_b"] = ["the wedding", "this hike", "leg day", "the school run", "black friday", "the night out", "the hen do",
                "moving house", "the festival", "the half marathon", "christmas shopping"]
S["food_b"] = ["a greggs sausage roll", "a chippy tea", "a cold pint", "a cuppa", "a roast dinner", "a kebab", "a brew"]
S["funny"] = ["that video", "my nan's texts", "this meme", "his dancing", "the dog's face", "that sketch", "your story"]
S["scold_when"] = ["she sees the carpet", "he finds out about the car", "they see my report", "she gets the bill",
                   "he sees what i spent", "my mum sees my tattoo", "she finds out i skipped school"]
S["distress_add"] = ["i can't focus on anything", "i keep crying", "i can't sleep", "i don't want to see anyone",
                     "everything feels heavy", "i can't be bothered to eat", "i snap at everyone", "nothing feels fun",
                     "i keep overthinking", "i feel like a burden when i talk about it", "i'm behind on everything"]
S["distress_since"] = ["the breakup", "i lost my job", "i moved here", "my nan died", "christmas", "my exams started",
                       "the baby was born", "my mate moved away", "the clocks went back", "i started this job"]
S["distress_pred"] = ["getting on top of me", "too much", "wearing me down", "doing my head in", "a nightmare",
                      "making me miserable", "grinding me down"]
S["cope_with"] = ["cope with", "deal with", "handle", "get through", "manage"]
S["short"] = ["yes", "yeah", "yep", "no", "nah", "nope", "ok", "okay", "maybe", "idk", "tonight", "tomorrow", "soon",
              "later", "thanks", "cheers", "ta", "bye", "goodbye", "night", "hi", "hello", "hey", "hmm", "lol", "same",
              "true", "fair", "sure", "why", "what", "help", "please", "sorry", "i am", "me too", "not really", "kind of",
              "i guess", "i don't know", "i can't", "the end", "finally", "ugh", "mhm", "right", "go on", "it's fine",
              "i'm here", "still here", "done", "all done", "over it", "whatever", "never mind", "forget it", "honestly",
              "i know", "it's ok", "gone", "see you", "see ya", "night night", "ready", "now", "here", "home"]
S["short_tail"] = ["see you soon", "goodbye for now", "bye for now x", "speak tomorrow", "see you tonight",
                   "catch you later", "night all", "that's me done for today", "ready when you are", "soon hopefully",
                   "tonight maybe", "tomorrow then", "i'm off to bed", "gotta go", "back soon", "the end of term finally"]
S["q_open"] = ["", "", "quick question, ", "genuine question, ", "is it true that ", "can i ask, ", "does anyone know "]
S["support_q"] = ["asking someone about suicide makes it worse", "asking someone if they're suicidal puts the idea in their head",
                  "how do i ask a friend if they're thinking about suicide", "what are the signs someone is suicidal",
                  "what should i say if someone tells me they self harm", "should i tell a teacher if my friend self harms",
                  "how do crisis lines work", "is talking about suicide dangerous", "do samaritans call the police",
                  "what happens when you ring 111 for mental health", "how do i make a safety plan", "what is a safety plan",
                  "how do you support someone after a suicide attempt", "what do you say to someone grieving a suicide",
                  "are men more likely to die by suicide", "what counts as self harm", "why do people self harm",
                  "is it normal to have intrusive thoughts", "what's the difference between passive and active suicidal thoughts",
                  "how do i become a samaritans volunteer", "can a gp refer you for therapy", "what is shout 85258"]
S["q_why"] = ["it's for my training", "my friend asked me", "i want to be ready if it comes up", "for my course",
              "i'm a youth worker", "i saw a post about it", "we're doing a wellbeing week at work", "just want to understand"]
S["neg_verb"] = ["thinking of", "planning on", "going to be", "about to be", "considering", "anywhere near"]
S["risk_vp"] = ["hurting myself", "ending my life", "killing myself", "doing anything to myself", "self harming",
                "topping myself", "taking an overdose", "ending it"]
S["risk_pp"] = ["hurt myself", "self harmed", "thought about suicide", "wanted to die"]
S["plain_need"] = ["need someone to listen", "need to offload", "want a chat", "need a moan", "feel a bit lost",
                   "need advice about my job", "want some company", "need to get this off my chest", "need a hug",
                   "want to talk about my day", "miss my mum", "feel stuck"]
S["num_clean"] = ["100 days", "6 months", "a year", "two years", "500 days", "3 weeks", "a month", "90 days", "5 years"]
S["ago"] = ["years ago", "when i was 15", "back in 2019", "a long time ago", "at uni", "in my twenties",
            "after my dad died", "a few years back", "last year", "as a teenager", "before i had the kids"]
S["age"] = ["14", "15", "16", "19", "twenty", "a teenager", "at school", "younger"]
S["tired_b"] = ["tired", "sick", "fed up", "done", "bored"]
S["escape"] = ["hide under the duvet", "run away for a week", "go home", "sleep for a week", "switch off",
               "move to the countryside", "quit and go travelling", "curl up and watch telly",
               "disappear for a weekend", "have a day off from everything", "get away from it all"]

SLOT = re.compile(r"\{([a-z_]+)\}")


def expand(template, depth=0):
    """Fill every {slot} from its pool, recursively."""
    if depth > 6:
        return template
    return SLOT.sub(lambda m: expand(R.choice(S[m.group(1)]), depth + 1), template)


# ---------------------------------------------------------------------------
# Noise: text-speak, apostrophes, typos, stretched letters, case, emoji.
# ---------------------------------------------------------------------------
TEXTSPEAK = [
    (r"\byou\b", "u"), (r"\byour\b", "ur"), (r"\bwant to\b", "wanna"), (r"\bgoing to\b", "gonna"),
    (r"\bbecause\b", "cos"), (r"\bbecause\b", "cuz"), (r"\breally\b", "rly"), (r"\bpeople\b", "ppl"),
    (r"\bthough\b", "tho"), (r"\bsomething\b", "smth"), (r"\bprobably\b", "prob"), (r"\bi am\b", "im"),
    (r"\bi'm\b", "im"), (r"\bdon't\b", "dont"), (r"\bcan't\b", "cant"), (r"\btonight\b", "tonite"),
    (r"\bplease\b", "pls"), (r"\bthe\b", "da"), (r"\bto\b", "2"), (r"\bfor\b", "4"), (r"\bare\b", "r"),
    (r"\bokay\b", "ok"), (r"\bwhat\b", "wot"), (r"\bknow\b", "kno"), (r"\bsomeone\b", "some1"),
    (r"\beveryone\b", "every1"), (r"\banyone\b", "any1"), (r"\bmyself\b", "my self"), (r"\bi'm\b", "i am"),
    (r"\bwhat's\b", "whats"), (r"\bi've\b", "ive"), (r"\bdon't\b", "do not"), (r"\bwon't\b", "wont"),
]


def typo(word):
    if len(word) < 4 or not word.isalpha():
        return word
    i = R.randrange(1, len(word) - 1)
    op = R.randrange(4)
    if op == 0:  # drop
        return word[:i] + word[i + 1:]
    if op == 1:  # swap
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if op == 2:  # double
        return word[:i] + word[i] + word[i:]
    keys = "qwertyuiopasdfghjklzxcvbnm"
    return word[:i] + R.choice(keys) + word[i + 1:]


def stretch(word):
    for i, ch in enumerate(word):
        if ch in "aeiouy" and R.random() < 0.5:
            return word[:i] + ch * R.randrange(3, 7) + word[i + 1:]
    return word + word[-1] * R.randrange(2, 5) if word.isalpha() else word


LEET = {"a": "4", "e": "3", "i": "1", "o": "0", "s": "5", "t": "7"}


def noise(text):
    if R.random() < 0.45:
        for pat, rep in R.sample(TEXTSPEAK, R.randrange(1, 5)):
            if R.random() < 0.6:
                text = re.sub(pat, rep, text, count=1)
    r = R.random()
    if r < 0.35:
        text = text.replace("'", "")
    elif r < 0.45:
        text = text.replace("'", "\u2019")
    words = text.split(" ")
    if R.random() < 0.25:
        for _ in range(R.randrange(1, 3)):
            j = R.randrange(len(words))
            words[j] = typo(words[j])
    if R.random() < 0.07:
        j = R.randrange(len(words))
        words[j] = stretch(words[j])
    if R.random() < 0.03:
        j = R.randrange(len(words))
        if words[j].isalpha() and len(words[j]) > 3:
            words[j] = "".join(LEET.get(c, c) if R.random() < 0.5 else c for c in words[j])
    if R.random() < 0.02:
        j = R.randrange(len(words))
        if words[j].isalpha() and 3 < len(words[j]) < 9:
            words[j] = R.choice([".", " ", "-", "*"]).join(words[j])
    text = " ".join(words)
    r = R.random()
    if r < 0.12:
        text = text[:1].upper() + text[1:]
        text = re.sub(r"\bi\b", "I", text)
    elif r < 0.16:
        text = text.upper()
    elif r < 0.19:
        text = " ".join(w[:1].upper() + w[1:] for w in text.split(" "))
    r = R.random()
    if r < 0.1:
        text += "."
    elif r < 0.15:
        text += "!"
    elif r < 0.19:
        text += "?"
    elif r < 0.22:
        text += " :("
    elif r < 0.24:
        text += " :)"
    return text


def wrap(core):
    text = expand("{opener}") + core + expand("{closer}")
    r = R.random()
    if r < 0.12:
        text = expand("{context}") + R.choice([". ", ", ", " and ", "\n", ". also ", " but "]) + text
    elif r < 0.2:
        text = text + R.choice([". ", ". anyway ", "\n", " and "]) + expand("{context}")
    elif r < 0.3:
        before = ". ".join(expand("{context}") for _ in range(R.randrange(1, 4)))
        after = ". ".join(expand("{context}") for _ in range(R.randrange(0, 3)))
        text = before + R.choice([". ", " and honestly ", ". i guess ", ". tbh ", "\n"]) + text
        if after:
            text += ". " + after
    return text


def generate(groups, label, total, out):
    weight_sum = sum(w for _, w, _ in groups)
    for kind, weight, templates in groups:
        target = total * weight // weight_sum
        made, tries = 0, 0
        while made < target and tries < target * 20:
            tries += 1
            text = noise(wrap(expand(R.choice(templates)))).strip()
            text = re.sub(r" {2,}", " ", text)
            if text and text not in out:
                out[text] = {"text": text, "label": label, "kind": kind}
                made += 1


def main():
    out = {}
    generate(POSITIVE, "suicidal", 16500, out)
    generate(NEGATIVE, "benign", 24000, out)
    rows = list(out.values())
    R.shuffle(rows)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    counts = {}
    for row in rows:
        key = row["label"] + "/" + row["kind"]
        counts[key] = counts.get(key, 0) + 1
    print(f"wrote {len(rows)} sentences to {os.path.relpath(OUT, ROOT)}")
    for key in sorted(counts):
        print(f"  {key:28s} {counts[key]}")


if __name__ == "__main__":
    main()
