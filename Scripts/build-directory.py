#!/usr/bin/env python3
"""Build resources/services/directory.json from the researched UK service reference.

Usage (from the repository root):

    python3 Scripts/build-directory.py [--reference PATH] [--checked YYYY-MM-DD]

The reference defaults to ../shared/reference/uk-services.json (or shared/reference/... beside
the repository). Every fact keeps the reference's status. Nothing is invented here: phone
numbers, keywords and hours text are copied verbatim; the only additions are
  * `dial`   - the number as written inside the reference value (checked to be a substring),
  * `action` - a short instruction built from the value ("Call 116 123"),
  * a machine schedule for hours that are confirmed/corroborated AND parse cleanly,
  * the RiskCategory topics each service is matched for (TOPICS below - reviewed judgement),
  * age limits read from the audience text (AGE_LIMITS below, each quoted from the reference),
  * display text written for people from resources/services/display.json (hand-written,
    reviewed), in place of the reference's research wording, which stays as `referenceText`.
    A display text may not hold a number or time the reference text lacks, nor drop a time.
"""

import argparse
import datetime
import json
import os
import re
import sys

VERIFIED = {"confirmed", "corroborated"}
DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
NATION_IDS = {
    "England": ["england"],
    "Scotland": ["scotland"],
    "Wales": ["wales"],
    "Northern Ireland": ["northern-ireland"],
    "UK": ["england", "scotland", "wales", "northern-ireland"],
}

KIND = {
    "phone": "call",
    "text": "text",
    "webchat": "webchat",
    "email": "email",
    "web": "web",
    "app": "app",
    "in_person": "in_person",
    "textphone": "textphone",
    "textphone_relay": "textphone",
    "silent_call": "silent_call",
    "bsl": "bsl",
    "video": "video",
    "letter": "letter",
    "info": "info",
    "referral": "referral",
    "phone_option": "phone_option",
    "other": "other",
}

# Which RiskCategory values each service is matched for (judgement from its reference topics).
TOPICS = {
    "emergency_999_112": ["suicide", "self_harm", "abuse", "sexual_violence", "substance", "medication",
                          "harm_to_others", "child_safeguarding", "medical"],
    "a_and_e": ["suicide", "self_harm", "substance", "medication", "medical"],
    "nhs111_england": ["suicide", "self_harm", "psychosis", "trauma", "medication", "harm_to_others",
                       "medical"],
    "nhs24_111_scotland": ["suicide", "self_harm", "psychosis", "trauma", "harm_to_others", "medical"],
    "nhs111_wales_press2": ["suicide", "self_harm", "psychosis", "trauma", "harm_to_others"],
    "ni_urgent_routes": ["suicide", "self_harm", "psychosis"],
    "samaritans": ["suicide", "self_harm", "trauma", "bereavement", "harm_to_others"],
    "shout": ["suicide", "self_harm", "abuse", "trauma", "harm_to_others"],
    "papyrus_hopeline247": ["suicide", "self_harm"],
    "calm": ["suicide", "self_harm", "trauma"],
    "childline": ["suicide", "self_harm", "abuse", "sexual_violence", "child_safeguarding", "trauma"],
    "nspcc_helpline": ["child_safeguarding", "abuse"],
    "saneline": ["psychosis"],
    "mind": ["psychosis", "medication"],
    "rethink": ["psychosis", "medication"],
    "the_mix": ["substance"],
    "anxiety_uk": [],
    "beat": ["eating_disorder"],
    "national_domestic_abuse_helpline": ["abuse"],
    "mens_advice_line": ["abuse"],
    "respect_phoneline": ["harm_to_others"],
    "rape_crisis_ew": ["sexual_violence"],
    "rape_crisis_scotland": ["sexual_violence"],
    "galop": ["abuse", "sexual_violence"],
    "switchboard": [],
    "frank": ["substance"],
    "cruse": ["bereavement"],
    "silver_line": [],
    "age_uk_advice_line": [],
    "breathing_space": ["trauma"],
    "lifeline_ni": ["suicide", "self_harm", "trauma", "harm_to_others", "psychosis"],
    "call_wales": ["trauma"],
    "combat_stress": ["trauma"],
    "military_mental_health_helpline": ["trauma"],
    "op_courage": ["trauma", "substance"],
    "veterans_gateway": [],
    "hub_of_hope": [],
    "stay_alive_app": ["suicide"],
}

# Services whose audience (per the reference) includes people worried about, or supporting,
# someone else. Each entry quotes the reference audience/topics wording it rests on.
FOR_HELPERS = {
    "nhs111_england": "people worried about someone",
    "nhs111_wales_press2": "concern about someone else",
    "lifeline_ni": "people worried about someone",
    "papyrus_hopeline247": "anyone worried about a young person",
    "nspcc_helpline": "Adults worried about a child",
    "samaritans": "Anyone, any age, struggling to cope",
    "national_domestic_abuse_helpline": "friends/family/professionals calling on their behalf",
    "mens_advice_line": "people supporting them",
    "rape_crisis_ew": "people supporting them",
    "beat": "those supporting them",
    "saneline": "their carers/family",
    "rethink": "carers",
    "mind": "family, friends",
    "call_wales": "someone else's mental health",
    "stay_alive_app": "people worried about someone",
}

# Age limits read from the audience fact (min, max inclusive); the quote must be in the text.
AGE_LIMITS = {
    "childline": (None, 18, "under 19"),
    "papyrus_hopeline247": (None, 35, "up to age 35"),
    "the_mix": (None, 24, "under 25"),
    "rape_crisis_ew": (16, None, "16+"),
    "rape_crisis_scotland": (13, None, "13+"),
}

# Hours: how a reference hours value divides between the service's main contact and particular
# channels. Every text here must be a substring of the reference value (checked).
HOURS_SPLIT = {
    "samaritans": {"default": "Phone 24/7", "channels": {"0808 164 0123": "7pm-11pm every day"}},
    "nspcc_helpline": {
        "default": "Mon-Fri 8am-10pm, Sat-Sun 9am-6pm",
        "channels": {"help@nspcc.org.uk": "24/7", "Online 'report abuse' form on nspcc.org.uk": "24/7"},
    },
    "frank": {"default": "Phone 24/7", "channels": {"Live chat on talktofrank.com": "2pm-6pm daily"}},
}

# Hours facts that carry a status we could show but that the reference itself flags as
# conflicting or not describing a displayed channel: no schedule, "check the website".
NO_SCHEDULE = {
    "saneline": "Sources conflict on current hours (4pm-10pm / 4.30pm-10.30pm / 6pm-11pm).",
    "mind": "Only the text Infoline hours are known; Support Line hours are unverified.",
    "ni_urgent_routes": "The hours describe GP out-of-hours services, not a channel shown here.",
}

# Schedules that the simple parser cannot read, written out by hand from the quoted text.
HAND_SCHEDULES = {
    "breathing_space": (
        "Mon-Thu 6pm-2am; weekends Fri 6pm-Mon 6am",
        [
            {"days": ["mon", "tue", "wed", "thu"], "open": "18:00", "close": "02:00"},
            {"days": ["fri"], "open": "18:00", "close": "24:00"},
            {"days": ["sat", "sun"], "open": "00:00", "close": "24:00"},
            {"days": ["mon"], "open": "00:00", "close": "06:00"},
        ],
    ),
}

# Short instructions where the reference gives the wording to use.
ACTIONS = {
    ("nhs111_england", "111 - then select the mental health option"): "Call 111 and choose the mental health option",
    ("nhs24_111_scotland", "111 (NHS 24) - mental health hub"): "Call NHS 24 on 111",
    ("nhs111_wales_press2", "111, then press option 2"): "Call 111 and press 2",
    ("emergency_999_112", "999 (emergencySMS - must register first by texting 'register' to 999)"):
        "Registered users can text 999 (emergencySMS)",
    ("emergency_999_112", "Call 999 then press 55 if you cannot speak (Silent Solution, mobile)"):
        "If you cannot speak, call 999 and press 55",
    ("call_wales", "81066"): "Text 'help' to 81066",
    ("a_and_e", "Nearest A&E / emergency department"): "Go to your nearest A&E",
    ("childline", "1-2-1 counsellor chat at childline.org.uk (needs a Childline account)"):
        "Chat one-to-one with a counsellor at childline.org.uk (needs a Childline account)",
    ("calm", "CALM webchat (on thecalmzone.net)"): "Use the webchat on thecalmzone.net",
    ("rape_crisis_ew", "Online chat at https://247sexualabusesupport.org.uk"):
        "Chat online at https://247sexualabusesupport.org.uk",
    ("the_mix", "Webchat / email via themix.org.uk"): "Webchat or email via themix.org.uk",
    ("frank", "Live chat on talktofrank.com"): "Use the live chat on talktofrank.com",
    ("childline", "Email a counsellor via a Childline account"): "Email a counsellor via a Childline account",
}

NUMBER = re.compile(r"\d{2,5}(?: \d{1,4}){0,4}")
TIME = r"(?:\d{1,2}(?::\d{2})?(?:am|pm)|midnight|noon)"
RANGE = re.compile(rf"({TIME})\s*(?:-|–|to)\s*({TIME})")
DAYSPEC = re.compile(
    r"(mon(?:day)?\s*(?:-|to)\s*fri(?:day)?|mon(?:day)?\s*(?:-|to)\s*thu(?:rsday)?|"
    r"sat(?:urday)?\s*(?:-|to)\s*sun(?:day)?|every day|daily|7 days a week|365 days|"
    r"\bfri(?:day)?\b)"
)


def clock(text):
    text = text.strip()
    if text == "midnight":
        return "24:00"
    if text == "noon":
        return "12:00"
    m = re.fullmatch(r"(\d{1,2})(?::(\d{2}))?(am|pm)", text)
    if not m:
        raise ValueError(text)
    hour, minute, half = int(m.group(1)), int(m.group(2) or 0), m.group(3)
    if half == "am" and hour == 12:
        hour = 0
    if half == "pm" and hour != 12:
        hour += 12
    return f"{hour:02d}:{minute:02d}"


def days_of(spec):
    spec = spec.replace("monday", "mon").replace("friday", "fri").replace("thursday", "thu")
    spec = spec.replace("saturday", "sat").replace("sunday", "sun").replace(" ", "")
    if spec in ("everyday", "daily", "7daysaweek", "365days"):
        return list(DAYS)
    if spec in ("mon-fri", "montofri"):
        return DAYS[:5]
    if spec in ("mon-thu", "montothu"):
        return DAYS[:4]
    if spec in ("sat-sun", "sattosun"):
        return ["sat", "sun"]
    if spec == "fri":
        return ["fri"]
    raise ValueError(spec)


def parse_schedule(text):
    """A schedule for a plain hours text, or None if it cannot be read with certainty."""
    low = text.lower()
    if "24/7" in low or "24 hours" in low or low.startswith("always available"):
        return {"alwaysOpen": True}
    ranges = list(RANGE.finditer(low))
    if not ranges:
        return None
    dayspecs = [m for m in DAYSPEC.finditer(low)]
    # de-duplicate "every day (365 days)"
    kinds = []
    for m in dayspecs:
        d = days_of(m.group(1))
        if kinds and kinds[-1] == d and d == DAYS:
            continue
        kinds.append(d)
    periods = []
    if not kinds:
        kinds = [list(DAYS)] * len(ranges)
    if len(kinds) == 1 and len(ranges) > 1:
        return None
    if len(kinds) != len(ranges):
        return None
    for days, r in zip(kinds, ranges):
        periods.append({"days": days, "open": clock(r.group(1)), "close": clock(r.group(2))})
    return {"periods": periods}


def status_of(fact):
    return fact.get("status", "unverified") if isinstance(fact, dict) else "unverified"


def hours_fact(text, status, service_id, note=None):
    out = {"text": text, "status": status, "schedule": None}
    if text and status in VERIFIED and service_id not in NO_SCHEDULE:
        if service_id in HAND_SCHEDULES and HAND_SCHEDULES[service_id][0] == text:
            out["schedule"] = {"periods": HAND_SCHEDULES[service_id][1]}
        else:
            out["schedule"] = parse_schedule(text)
    if service_id in NO_SCHEDULE:
        out["note"] = NO_SCHEDULE[service_id]
    elif note:
        out["note"] = note
    return out


def build(reference, checked):
    services = []
    for s in reference:
        sid = s["id"]
        if sid not in TOPICS:
            raise SystemExit(f"no TOPICS entry for {sid}")
        hours = s.get("hours", {})
        hours_value = hours.get("value")
        split = HOURS_SPLIT.get(sid)
        if split:
            for part in [split["default"], *split["channels"].values()]:
                assert part in hours_value, (sid, part)
            main_hours = hours_fact(split["default"], status_of(hours), sid)
            main_hours["text"] = hours_value
        else:
            main_hours = hours_fact(hours_value, status_of(hours), sid, hours.get("note"))

        channels = []
        for c in s.get("channels", []):
            kind = KIND.get(c["kind"], "other")
            value = c["value"]
            entry = {
                "kind": kind,
                "value": value,
                "status": c.get("status", "unverified"),
                "shown": bool(c.get("display")) and c.get("status") in VERIFIED,
            }
            if c.get("label"):
                entry["label"] = c["label"]
            if c.get("keyword"):
                entry["keyword"] = c["keyword"]
            if kind in ("call", "text", "textphone", "silent_call"):
                m = NUMBER.search(value)
                if m:
                    entry["dial"] = m.group(0)
                    assert entry["dial"] in value
            if sid == "beat" and kind == "call" and c.get("label") in NATION_IDS:
                entry["nations"] = NATION_IDS[c["label"]]
            entry["action"] = action_for(sid, entry)
            if split and value in split["channels"]:
                entry["hours"] = hours_fact(split["channels"][value], status_of(hours), sid)
            channels.append(entry)

        audience = s.get("audience", {})
        aud = {"text": audience.get("value"), "status": status_of(audience)}
        if sid in AGE_LIMITS:
            lo, hi, quote = AGE_LIMITS[sid]
            text = (audience.get("value") or "").lower()
            assert quote.replace("+", "") in text.replace("up to the age of", "up to age"), (sid, quote)
            aud["minAge"], aud["maxAge"] = lo, hi
        nations = s.get("nations", {})
        nation_ids = []
        for n in nations.get("value") or []:
            for nid in NATION_IDS.get(n, []):
                if nid not in nation_ids:
                    nation_ids.append(nid)
        topics = s.get("topics", {})
        cost = s.get("cost", {})
        cost_text = cost.get("value")
        website = s.get("website", {})
        service = {
            "id": sid,
            "name": s["name"],
            "type": s.get("type"),
            "mainContact": {"text": s["main_contact"]["value"], "status": status_of(s["main_contact"])},
            "channels": channels,
            "hours": main_hours,
            "audience": aud,
            "nations": {"values": nation_ids, "status": status_of(nations)},
            "topics": {
                "text": topics.get("value") or [],
                "status": status_of(topics),
                "categories": TOPICS[sid],
            },
            "forHelpers": sid in FOR_HELPERS,
            "cost": {
                "text": cost_text,
                "status": status_of(cost),
                "free": is_free(cost_text),
            },
            "website": {"value": website.get("value"), "status": status_of(website)},
            "guidance": s.get("display_guidance"),
            "status": s.get("lowest_displayed_field_status"),
            "checked": checked,
        }
        services.append(service)
    return services


DIGITS = re.compile(r"\d+")


def times_of(text):
    return sorted(m.group(0).lower() for m in re.finditer(TIME, text or "", re.IGNORECASE))


def check_display(sid, what, original, display, extra_digits=()):
    """A display text may reword, never add or change a number, text code or opening time."""
    allowed = set(DIGITS.findall(original or "")) | set(extra_digits)
    added = [d for d in DIGITS.findall(display) if d not in allowed]
    if added:
        raise SystemExit(f"display.json {sid} {what}: numbers {added} are not in {original!r}")
    if what == "hours" and times_of(display) != times_of(original):
        raise SystemExit(f"display.json {sid} hours: times differ from {original!r}")


def apply_display(services, display):
    """Write display.json's text into the generated services (the reference wording is kept)."""
    by_id = {s["id"]: s for s in services}
    for sid, d in display.items():
        if sid not in by_id:
            raise SystemExit(f"display.json: unknown service id {sid}")
        service = by_id[sid]
        shown_digits = [x for c in service["channels"] if c["shown"] for x in DIGITS.findall(c["value"])]
        for value, change in d.get("channels", {}).items():
            channel = next((c for c in service["channels"] if c["value"] == value), None)
            if channel is None:
                raise SystemExit(f"display.json {sid}: no channel {value!r}")
            if "hidden" in change:
                channel["shown"] = False
                channel["hiddenBecause"] = change["hidden"]
            if "action" in change:
                check_display(sid, "action", value, change["action"], shown_digits)
                if channel.get("dial") and channel["dial"] not in change["action"]:
                    raise SystemExit(f"display.json {sid}: action must keep {channel['dial']}")
                channel["referenceAction"] = channel["action"]
                channel["action"] = change["action"]
            if "label" in change:
                original = channel.pop("label", None)
                if original is not None:
                    channel["referenceLabel"] = original
                if change["label"] is not None:
                    check_display(sid, "label", (original or "") + " " + value, change["label"])
                    channel["label"] = change["label"]
        for field in ("hours", "audience"):
            if field in d:
                fact = service[field]
                check_display(sid, field, fact["text"], d[field])
                fact["referenceText"] = fact["text"]
                fact["text"] = d[field]


def is_free(text):
    """True when the cost text says calls are free and mentions no charge or rate."""
    low = (text or "").lower()
    return "free" in low and "charged as" not in low and " rate" not in low


def action_for(sid, entry):
    key = (sid, entry["value"])
    if key in ACTIONS:
        return ACTIONS[key]
    kind, value = entry["kind"], entry["value"]
    dial = entry.get("dial")
    if kind == "call" and dial:
        return f"Call {dial}"
    if kind == "text" and dial:
        if entry.get("keyword"):
            return f"Text {entry['keyword']} to {dial}"
        return f"Text {dial}"
    if kind == "textphone" and dial:
        return f"Textphone {dial}"
    if kind == "email" and "@" in value and " " not in value:
        return f"Email {value}"
    if kind == "web" and value.startswith("http"):
        return f"Go to {value}"
    return value


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    default_ref = None
    for candidate in [os.path.join(root, "..", "shared", "reference", "uk-services.json"),
                      os.path.join(root, "shared", "reference", "uk-services.json")]:
        if os.path.exists(candidate):
            default_ref = candidate
            break
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", default=default_ref)
    parser.add_argument("--checked", default="2026-11-22",
                        help="date the reference was checked against the services (YYYY-MM-DD)")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if directory.json differs from what would be generated")
    args = parser.parse_args()
    path = os.path.join(root, "resources", "services", "directory.json")
    if args.check and os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            args.checked = json.load(f)["checked"]
    if not args.reference:
        raise SystemExit("reference not found; pass --reference")
    datetime.date.fromisoformat(args.checked)
    with open(args.reference, encoding="utf-8") as f:
        reference = json.load(f)
    with open(os.path.join(root, "resources", "services", "routes.json"), encoding="utf-8") as f:
        routes = json.load(f)
    services = build(reference, args.checked)
    with open(os.path.join(root, "resources", "services", "display.json"), encoding="utf-8") as f:
        apply_display(services, json.load(f)["services"])
    ids = {s["id"] for s in services}
    check_routes(routes, ids)
    out = {
        "about": "Generated by Scripts/build-directory.py from shared/reference/uk-services.json - do not edit "
                 "by hand; see resources/services/README.md.",
        "checked": args.checked,
        "referenceFactsAsOf": "2026-11",
        "services": services,
        "routes": routes,
    }
    text = json.dumps(out, ensure_ascii=False, indent=1) + "\n"
    if args.check:
        with open(path, encoding="utf-8") as f:
            same = f.read() == text
        print(f"{path}: {'up to date' if same else 'OUT OF DATE: run Scripts/build-directory.py'}")
        raise SystemExit(0 if same else 1)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"wrote {path}: {len(services)} services")


def check_routes(routes, ids):
    def walk(node, where):
        if isinstance(node, list):
            for sid in node:
                if sid not in ids:
                    raise SystemExit(f"routes.json {where}: unknown service id {sid}")
        elif isinstance(node, dict):
            for k, v in node.items():
                if k != "about":
                    walk(v, f"{where}.{k}")
    walk(routes, "routes")


if __name__ == "__main__":
    sys.exit(main())
