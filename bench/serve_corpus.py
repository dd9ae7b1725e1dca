#!/usr/bin/env python3
"""Write the article corpus of the serve benchmark as JSON Lines.

The server benchmark needs a store of many documents whose events spread
over many dyads and days, like a few years of wire copy about one region.
Each article here is assembled from sentence templates written for this
benchmark, filled with office holders of the knowledge base
(data/people/people.tsv, current offices only) and the countries' names
and capitals (data/countries/countries.tsv), with a date, a topic and a
figure drawn from a seeded random generator, so no two articles share a
text (and so an id). One in ten is in Russian.

usage: serve_corpus.py DATA_DIR OUT_DIR N_DOCS   (files of 5000 lines)
"""
import datetime
import json
import os
import random
import sys

PER_FILE = 5000
FIRST_DAY = datetime.date(2023, 1, 1)
N_DAYS = 3 * 365
ROLES = ("president", "prime minister", "foreign minister")
ROLE_RU = {"president": "Президент", "prime minister": "Премьер-министр",
           "foreign minister": "Министр иностранных дел"}
TOPICS = ("transit routes", "energy supplies", "regional security", "trade",
          "a gas pipeline", "water sharing", "border crossings", "grain exports",
          "a railway project", "visa rules", "the electricity grid", "investment")
# {A}/{B}: the two people; {CA}/{CB}: their countries; {T}: a topic; {N}: a figure.
LEADS = (
    "{adjA} {roleA} {A} met with {adjB} {roleB} {B} in {city} on {wday}.",
    "{adjA} {roleA} {A} held talks with {adjB} {roleB} {B} in {city} on {wday}.",
    "{adjA} {roleA} {A} hosted {adjB} {roleB} {B} in {city} on {wday}.",
)
MORE = (
    "The two sides discussed {T}.",
    "{A} praised the partnership with {CB}.",
    "{CA} and {CB} signed an agreement on {T} worth ${N} million.",
    "{B} invited {A} to visit {CB}.",
    "{CA} condemned the statement of {CB} on {T}.",
    "{CA} accused {CB} of violating the agreement on {T}.",
    "{B} threatened to impose sanctions on {CA}.",
    "{A} criticized {CB} over {T}.",
    "{CA} promised to provide aid to {CB}.",
    "Trade between the two countries reached ${N} million last year.",
)
LEADS_RU = (
    "{roleA} {A} провел переговоры с {B} в {city}.",
    "{roleA} {A} провел телефонный разговор с {B}.",
)
MORE_RU = ("Стороны обсудили вопросы сотрудничества и торговли.",
           "Объем торговли достиг {N} миллионов долларов.")
OUTLETS = ("Example Wire", "Caspian Herald", "Steppe Daily", "Black Sea Times",
           "Silk Road News")
WDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December")


def rows(path):
    header = None
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        cells = line.rstrip("\n").split("\t")
        if header is None:
            header = cells
            continue
        yield dict(zip(header, cells))


def load(data):
    countries = {}
    for r in rows(os.path.join(data, "countries", "countries.tsv")):
        caps = r["capitals"].split("|")
        adjs = r["adjectives"].split("|")
        if caps[0] != "-" and adjs[0] != "-":
            countries[r["iso3"]] = {"name": r["name"], "adj": adjs[0], "city": caps[0],
                                    "city_ru": caps[1] if len(caps) > 1 else caps[0]}
    people = {}
    for r in rows(os.path.join(data, "people", "people.tsv")):
        if r["to"] != "-" or r["role"] not in ROLES or r["iso3"] not in countries:
            continue
        ru = [v for v in r["variants"].split("|") if any("а" <= c <= "я" for c in v.lower())]
        people.setdefault(r["iso3"], []).append((r["name"], r["role"], ru[0] if ru else None))
    return countries, people


def article(rng, countries, people, iso):
    a, b = rng.sample(iso, 2)
    pa, pb = rng.choice(people[a]), rng.choice(people[b])
    day = FIRST_DAY + datetime.timedelta(days=rng.randrange(N_DAYS))
    ca, cb = countries[a], countries[b]
    topic = rng.choice(TOPICS)
    fill = {"A": pa[0], "B": pb[0], "roleA": pa[1], "roleB": pb[1], "adjA": ca["adj"],
            "adjB": cb["adj"], "CA": ca["name"], "CB": cb["name"], "T": topic,
            "city": ca["city"], "wday": rng.choice(WDAYS)}
    if rng.random() < 0.1 and pa[2] and pb[2]:
        fill.update(A=pa[2], B=pb[2], roleA=ROLE_RU[pa[1]], city=ca["city_ru"])
        body = [rng.choice(LEADS_RU)] + rng.sample(MORE_RU, 2)
        title = "{A} и {B} обсудили сотрудничество"
    else:
        body = [rng.choice(LEADS)] + rng.sample(MORE, 3)
        title = "{adjA} and {adjB} officials discuss {T}"
    fill["N"] = str(rng.randrange(10, 100000))
    dateline = "%s, %s %d" % (ca["city"].upper(), MONTHS[day.month - 1], day.day)
    text = dateline + "\n\n" + " ".join(s.format(**fill) for s in body)
    text += "\n\nReport %d." % rng.randrange(1 << 30)
    return {"text": text, "title": title.format(**fill), "published": day.isoformat(),
            "source": rng.choice(OUTLETS)}


def main():
    data, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    countries, people = load(data)
    iso = sorted(people)
    rng = random.Random(16)
    os.makedirs(out, exist_ok=True)
    for f in range(0, n, PER_FILE):
        with open(os.path.join(out, "part-%03d.jsonl" % (f // PER_FILE)), "w",
                  encoding="utf-8") as fh:
            for _ in range(min(PER_FILE, n - f)):
                fh.write(json.dumps(article(rng, countries, people, iso),
                                    ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
