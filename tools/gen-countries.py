#!/usr/bin/env python3
"""Generate data/countries/countries.tsv.

Base table: Debian's iso-codes package (ISO 3166-1 English names and official
names from /usr/share/iso-codes/json/iso_3166-1.json, Russian translations from
the iso_3166-1 gettext catalogue).  Merged with the hand-written supplement
data/countries/extra.tsv (adjectives, demonyms, capitals, seats of power and
extra name variants; see the comments at the top of that file).

Deterministic: rows are sorted by iso3, variants keep a fixed order and are
de-duplicated.  Re-run after editing extra.tsv:

    python3 tools/gen-countries.py            # writes data/countries/countries.tsv
    python3 tools/gen-countries.py --check    # exits 1 if the file is out of date
"""
import gettext
import json
import os
import re
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ISO_JSON = "/usr/share/iso-codes/json/iso_3166-1.json"
LOCALEDIR = "/usr/share/locale"
EXTRA = os.path.join(ROOT, "data", "countries", "extra.tsv")
OUT = os.path.join(ROOT, "data", "countries", "countries.tsv")

COLUMNS = ["iso3", "iso2", "name", "names", "adjectives", "demonyms",
           "capitals", "seats"]
EXTRA_COLUMNS = ["iso3", "name", "names", "adjectives", "demonyms",
                 "capitals", "seats"]

# Entries that are not in ISO 3166-1 but are needed (user-assigned codes).
NON_ISO = {"XKX": {"alpha_3": "XKX", "alpha_2": "XK", "name": "Kosovo"}}

CYR = re.compile(r"[\u0400-\u04FF]")


def die(msg):
    sys.stderr.write("gen-countries: %s\n" % msg)
    sys.exit(1)


def clean(s):
    """Normalise one variant: NFC, no stress marks, single spaces."""
    # Strip stress marks from Cyrillic only (U+0301 after a Cyrillic letter);
    # Latin accents such as "é" in "Lomé" must survive.
    s = unicodedata.normalize("NFD", s)
    s = re.sub(r"(?<=[\u0400-\u04FF])\u0301", "", s)
    s = unicodedata.normalize("NFC", s)
    s = re.sub(r"\s+", " ", s).strip()
    if s.lower().startswith("the ") and s[4:5].isupper():
        s = s[4:]
    return s


def usable_iso_name(s):
    """ISO list-style names ("Korea, Republic of", "Falkland Islands
    (Malvinas)") never appear like that in running text: skip them."""
    return s and "," not in s and "(" not in s


def ru_adjective_forms(adj):
    """Masculine nominative -> m, f, n, pl nominative (for -кий/-гий/-хий
    and -ый adjectives; anything else is returned unchanged)."""
    if not CYR.search(adj) or not adj.islower():
        return [adj]
    if re.search(r"[кгх]ий$", adj):
        stem = adj[:-2]
        return [adj, stem + "ая", stem + "ое", stem + "ие"]
    if adj.endswith("ый"):
        stem = adj[:-2]
        return [adj, stem + "ая", stem + "ое", stem + "ые"]
    return [adj]


def add_yo_variants(variants):
    out = []
    for v in variants:
        out.append(v)
        if "ё" in v or "Ё" in v:
            out.append(v.replace("ё", "е").replace("Ё", "Е"))
    return out


def dedupe(variants):
    seen = set()
    out = []
    for v in variants:
        if v and v != "-" and v not in seen:
            seen.add(v)
            out.append(v)
    return out


def split_field(f):
    return [] if f == "-" else [clean(x) for x in f.split("|")]


def read_extra(path):
    rows = {}
    header = None
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if header is None:
                if fields != EXTRA_COLUMNS:
                    die("%s:%d: bad header %r" % (path, n, fields))
                header = fields
                continue
            if len(fields) != len(EXTRA_COLUMNS):
                die("%s:%d: %d fields, expected %d"
                    % (path, n, len(fields), len(EXTRA_COLUMNS)))
            rec = dict(zip(EXTRA_COLUMNS, fields))
            if rec["iso3"] in rows:
                die("%s:%d: duplicate iso3 %s" % (path, n, rec["iso3"]))
            rows[rec["iso3"]] = rec
    return rows


def build():
    with open(ISO_JSON, encoding="utf-8") as fh:
        iso = json.load(fh)["3166-1"]
    ru = gettext.translation("iso_3166-1", localedir=LOCALEDIR,
                             languages=["ru"])
    entries = {e["alpha_3"]: e for e in iso}
    for k, v in NON_ISO.items():
        entries.setdefault(k, v)
    extra = read_extra(EXTRA)
    unknown = sorted(set(extra) - set(entries))
    if unknown:
        die("extra.tsv has unknown iso3 codes: %s" % " ".join(unknown))

    rows = []
    for code in sorted(entries):
        e = entries[code]
        x = extra.get(code, {c: "-" for c in EXTRA_COLUMNS})
        iso_en = [e.get("common_name", ""), e["name"], e.get("official_name", "")]
        iso_en = [clean(s) for s in iso_en if usable_iso_name(s)]
        iso_ru = []
        for s in (e["name"], e.get("official_name", "")):
            if not s:
                continue
            t = clean(ru.gettext(s))
            if CYR.search(t) and usable_iso_name(t):
                iso_ru.append(t)

        name = clean(x["name"]) if x["name"] != "-" else (iso_en[0] if iso_en else "")
        if not name:
            die("%s: no usable canonical name; give one in extra.tsv" % code)

        extra_names = split_field(x["names"])
        removed = {v[1:] for v in extra_names if v.startswith("!")}
        extra_names = [v for v in extra_names if not v.startswith("!")]
        names = [name] + extra_names + iso_en + iso_ru
        names = [v for v in names if v not in removed]
        names = dedupe(add_yo_variants(names))

        adjs = []
        for a in split_field(x["adjectives"]):
            adjs.extend(ru_adjective_forms(a))
        adjs = dedupe(add_yo_variants(adjs))

        adj_set = set(adjs)
        dems = [d for d in dedupe(add_yo_variants(split_field(x["demonyms"])))
                if d not in adj_set]
        caps = dedupe(add_yo_variants(split_field(x["capitals"])))
        seats = dedupe(add_yo_variants(split_field(x["seats"])))

        row = [code, e["alpha_2"], name, "|".join(names),
               "|".join(adjs) or "-", "|".join(dems) or "-",
               "|".join(caps) or "-", "|".join(seats) or "-"]
        for f in row:
            if "\t" in f or "\n" in f or f != f.strip() or not f:
                die("%s: bad field %r" % (code, f))
        rows.append(row)
    return rows


def render(rows):
    head = [
        "# dyad country table: every ISO 3166-1 entry plus Kosovo (XKX).",
        "# GENERATED by tools/gen-countries.py -- do not edit; edit data/countries/extra.tsv and re-run.",
        "# Sources: Debian iso-codes (ISO 3166-1 English names, official names, Russian translations)",
        "#   merged with the hand-written supplement data/countries/extra.tsv.",
        "# Columns (TAB-separated, '-' = empty, variants separated by '|'):",
        "#   iso3 iso2 name names adjectives demonyms capitals seats",
        "# Russian adjectives are listed in m/f/n/pl nominative; matching is on Snowball stems.",
        "\t".join(COLUMNS),
    ]
    return "\n".join(head + ["\t".join(r) for r in rows]) + "\n"


def main():
    rows = build()
    text = render(rows)
    if "--check" in sys.argv[1:]:
        try:
            with open(OUT, encoding="utf-8") as fh:
                cur = fh.read()
        except OSError:
            cur = None
        if cur != text:
            die("%s is out of date; run tools/gen-countries.py" % OUT)
        return
    with open(OUT, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
    print("wrote %s (%d rows)" % (os.path.relpath(OUT, ROOT), len(rows)))


if __name__ == "__main__":
    main()
