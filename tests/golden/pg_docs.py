#!/usr/bin/env python3
"""Write N distinct short news documents as JSON Lines on stdout, for the
store tests and benchmarks (tests/golden/pg*.sh, export.sh, bench/ingest.sh).

The sentences are written here, in the manner of examples/: officials of
two countries meet, sign, criticise or praise each other in a capital on a
day. Every document differs (its round number and date), so each has its
own id; the same N always gives the same documents.
    python3 tests/golden/pg_docs.py N [SEED]
"""
import json
import random
import sys

COUNTRIES = [
    ("Azerbaijan", "Azerbaijani", "Baku"), ("Kazakhstan", "Kazakh", "Astana"),
    ("Turkey", "Turkish", "Ankara"), ("Russia", "Russian", "Moscow"),
    ("Georgia", "Georgian", "Tbilisi"), ("Armenia", "Armenian", "Yerevan"),
    ("Uzbekistan", "Uzbek", "Tashkent"), ("Iran", "Iranian", "Tehran"),
    ("China", "Chinese", "Beijing"), ("France", "French", "Paris"),
    ("Germany", "German", "Berlin"), ("Ukraine", "Ukrainian", "Kyiv"),
]
ROLES = ["Foreign Minister", "Defence Minister", "Prime Minister", "President"]
ACTS = [
    "{a} met with {b} in {city} on {day}.",
    "{a} signed an agreement on trade with {b} in {city} on {day}.",
    "{a} criticized {b} over the border incident on {day}.",
    "{a} praised {b} for the support of the transport corridor on {day}.",
    "{a} hosted {b} in {city} on {day}.",
    "{a} accused {b} of violating the ceasefire on {day}.",
]
TOPICS = ["energy", "transit routes", "water", "grain exports", "security", "tourism"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def document(i, rng):
    (na, aa, ca), (nb, ab, cb) = rng.sample(COUNTRIES, 2)
    ra, rb = rng.choice(ROLES), rng.choice(ROLES)
    act = rng.choice(ACTS)
    day = rng.choice(DAYS)
    month, dom = 1 + i % 12, 1 + (i * 7) % 28
    sentence = act.format(a=f"{aa} {ra}", b=f"the {ab} {rb.lower()}" if rng.random() < 0.3
                          else f"{ab} {rb}", city=ca, day=day)
    text = (f"{ca.upper()}, {na}, {dom} {['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][month - 1]}\n\n"
            f"{sentence} The two sides discussed {rng.choice(TOPICS)} in round {i} of the talks "
            f"between {na} and {nb}.\n\n"
            f"Officials said the next meeting would take place in {cb}.")
    return {"text": text, "title": f"{aa} and {ab} officials hold talks, round {i}",
            "published": f"2024-{month:02d}-{dom:02d}", "source": "Generated Wire",
            "url": f"https://example.org/generated/{i}"}


def main():
    n = int(sys.argv[1])
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 17)
    out = sys.stdout
    for i in range(n):
        out.write(json.dumps(document(i, rng), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
