#!/usr/bin/env python3
"""check.py - validate dyad's event ontology and predicate lexicons.

    python3 data/verbs/check.py [--stems] [--quiet]

Checks data/cameo/events.tsv, data/verbs/en.tsv, data/verbs/ru.tsv, the
verbs of saying of data/lang/ID/speech.tsv and the modifiers of
data/lang/ID/modifiers.tsv against the formats described in
data/cameo/README.md and data/lang/README.md:

  * UTF-8, Unix newlines, the exact header, the header's number of
    TAB-separated columns on every line, '-' rather than empty fields;
  * events.tsv: well-formed unique codes, every 3/4-digit code under an
    existing parent, all 20 roots, Goldstein -10..10 with one decimal,
    QuadClass matching the root, a known PLOVER category, a name;
  * en.tsv / ru.tsv: every code exists in events.tsv, every pattern item is
    a word, =word, '*', '+' or '$', at least one plain or = word, at most
    one '+' and one '$', no leading/trailing/double '*', known flags, no
    duplicate (code, pattern) pairs, all 20 roots reachable;
  * speech.tsv: every pattern as above (coded 010 with flag speech), its
    extra flags known, the written forms lowercase;
  * modifiers.tsv: known kinds, one line per kind, every required kind
    present for both languages, no empty phrase, no phrase of several words
    starting with a common function word (the loader files a phrase under
    its first word).

With --stems (needs libstemmer, as the C program does) it also warns about
patterns of one code that are identical after stemming, and lists the stem
of every plain word so that missing inflected forms can be spotted.

Exit status 0 when there is no error (warnings do not fail), 1 otherwise.
"""
import ctypes
import ctypes.util
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.dirname(HERE)
EVENTS = os.path.join(DATA, "cameo", "events.tsv")
LEXICONS = {"en": os.path.join(HERE, "en.tsv"), "ru": os.path.join(HERE, "ru.tsv")}
LANG_DIR = os.path.join(DATA, "lang")
MODIFIERS = {lang: os.path.join(LANG_DIR, lang, "modifiers.tsv") for lang in LEXICONS}
SPEECH = {lang: os.path.join(LANG_DIR, lang, "speech.tsv") for lang in LEXICONS}

PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
          "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
          "MOBILIZE", "COERCE", "ASSAULT", "OTHER"}
FLAGS = {"speech", "passive", "intent", "noun", "joint", "target_subject"}
KINDS = ["negation", "modal", "passive_aux", "passive_by", "conditional",
         "clause_break", "first_person", "coordinator", "joint_subject",
         "reciprocal", "background"]
OPTIONAL_KINDS = ["determiner", "performative", "locative", "preposition", "topic", "third_person", "possessive", "genitive", "between", "against", "destination", "joint_owner"]
# The loader files a phrase of several words under its first word alone, so
# a phrase must not start with a word this common.
FUNCTION_WORDS = {
    "en": {"a", "an", "the", "in", "on", "at", "as", "of", "to", "for", "is", "are",
           "was", "were", "has", "have", "had", "one", "two", "last", "back", "so"},
    "ru": {"в", "во", "на", "при", "с", "со", "к", "по", "о", "об", "за", "из", "от",
           "так", "как", "после", "две", "два", "это", "то"},
}
MIN_LINES = {"en": 400, "ru": 350}

errors = []
warnings = []


def err(path, line_no, msg):
    errors.append(f"{os.path.relpath(path, DATA)}:{line_no}: {msg}")


def warn(path, line_no, msg):
    warnings.append(f"{os.path.relpath(path, DATA)}:{line_no}: {msg}")


def read_tsv(path, columns):
    """Yield (line_no, fields) for the data lines after the header."""
    try:
        raw = open(path, "rb").read()
    except OSError as e:
        err(path, 0, f"cannot read: {e}")
        return
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        err(path, 0, f"not valid UTF-8: {e}")
        return
    if "\r" in text:
        err(path, 0, "has CR characters: use Unix newlines")
    if text and not text.endswith("\n"):
        warn(path, 0, "no newline at end of file")
    header_seen = False
    for no, line in enumerate(text.split("\n"), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if not header_seen:
            header_seen = True
            if fields != columns:
                err(path, no, f"header is {fields!r}, expected {columns!r}")
                return
            continue
        if len(fields) != len(columns):
            err(path, no, f"{len(fields)} columns, expected {len(columns)}")
            continue
        if any(f == "" or f != f.strip() for f in fields):
            err(path, no, "empty field or stray blanks (use '-' for empty)")
            continue
        yield no, fields
    if not header_seen:
        err(path, 0, "no header line")


def check_events():
    codes = {}
    for no, (code, gold, quad, plover, name) in read_tsv(
            EVENTS, ["code", "goldstein", "quad", "plover", "name"]):
        if not re.fullmatch(r"\d{2,4}", code) or not 1 <= int(code[:2]) <= 20:
            err(EVENTS, no, f"bad CAMEO code {code!r}")
            continue
        if code in codes:
            err(EVENTS, no, f"duplicate code {code}")
        if not re.fullmatch(r"-?\d{1,2}\.\d", gold) or not -10 <= float(gold) <= 10:
            err(EVENTS, no, f"{code}: Goldstein {gold!r} is not -10.0..10.0 with one decimal")
        root = int(code[:2])
        want = 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4
        if quad != str(want):
            err(EVENTS, no, f"{code}: QuadClass {quad}, expected {want}")
        if plover not in PLOVER:
            err(EVENTS, no, f"{code}: unknown PLOVER category {plover!r}")
        if name == "-":
            err(EVENTS, no, f"{code}: no name")
        codes[code] = no
    for code, no in codes.items():
        if len(code) > 2 and code[:-1] not in codes:
            err(EVENTS, no, f"{code}: parent {code[:-1]} missing")
    for r in range(1, 21):
        if f"{r:02d}" not in codes:
            err(EVENTS, 0, f"root {r:02d} missing")
    return codes


class Stemmer:
    """Snowball stemmer through libstemmer, with dyad's -ся/-сь rule."""

    def __init__(self):
        name = ctypes.util.find_library("stemmer") or "libstemmer.so.0d"
        lib = ctypes.CDLL(name)
        lib.sb_stemmer_new.restype = ctypes.c_void_p
        lib.sb_stemmer_new.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
        lib.sb_stemmer_stem.restype = ctypes.c_void_p
        lib.sb_stemmer_stem.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        lib.sb_stemmer_length.restype = ctypes.c_int
        lib.sb_stemmer_length.argtypes = [ctypes.c_void_p]
        self.lib = lib
        self.st = {"en": lib.sb_stemmer_new(b"english", b"UTF_8"),
                   "ru": lib.sb_stemmer_new(b"russian", b"UTF_8")}

    def __call__(self, lang, word):
        if lang == "ru" and len(word) > 4 and word[-2:] in ("ся", "сь"):
            word = word[:-2]
        b = word.encode()
        p = self.lib.sb_stemmer_stem(self.st[lang], b, len(b))
        n = self.lib.sb_stemmer_length(self.st[lang])
        return ctypes.string_at(p, n).decode() if p else word


WORD = {"en": re.compile(r"[a-z0-9][a-z0-9'.\-]*"),
        "ru": re.compile(r"[а-яёa-z0-9][а-яёa-z0-9.\-]*")}


def speech_rows(lang):
    """The patterns of speech.tsv as lexicon rows (code 010, flag speech)."""
    path = SPEECH[lang]
    rows = []
    for no, (pattern, flags, forms) in read_tsv(path, ["pattern", "flags", "forms"]):
        if forms != "-":
            for f in forms.split("|"):
                if not f or f != f.lower() or " " in f:
                    err(path, no, f"form {f!r} is not one lowercase word")
        if pattern == "-":
            continue
        rows.append((no, ("010", pattern, "speech" if flags == "-" else "speech," + flags)))
    return rows


def check_lexicon(lang, path, codes, stem, verbose):
    seen = {}
    stemmed = {}
    by_pattern = {}
    roots = set()
    n = 0
    rows = [(no, row, SPEECH[lang]) for no, row in speech_rows(lang)]
    rows += [(no, row, path) for no, row in read_tsv(path, ["code", "pattern", "flags"])]
    lexicon_path = path
    for no, (code, pattern, flags), path in rows:
        n += 1
        if code not in codes:
            err(path, no, f"code {code} not in events.tsv")
        else:
            roots.add(code[:2])
        if flags != "-":
            bad = [f for f in flags.split(",") if f not in FLAGS]
            if bad:
                err(path, no, f"unknown flag(s) {bad}")
            if len(set(flags.split(","))) != len(flags.split(",")):
                err(path, no, "repeated flag")
        items = pattern.split(" ")
        if "" in items:
            err(path, no, "pattern has double or edge spaces")
            continue
        words = []
        for it in items:
            if it in ("*", "+", "$"):
                continue
            w = it[1:] if it.startswith("=") else it
            if not WORD[lang].fullmatch(w):
                err(path, no, f"bad pattern item {it!r}")
            elif w != w.lower():
                err(path, no, f"pattern item {it!r} is not lowercase")
            words.append(it)
        if not words:
            err(path, no, "pattern has no plain or = word")
        if items.count("+") > 1 or items.count("$") > 1:
            err(path, no, "more than one + or $")
        if items[0] == "*" or items[-1] == "*":
            err(path, no, "pattern starts or ends with '*'")
        if any(a == b == "*" for a, b in zip(items, items[1:])):
            err(path, no, "two '*' in a row")
        if lang == "ru" and "ё" in pattern:
            warn(path, no, "'ё' in pattern: write 'е' (the stemmer folds ё to е)")
        key = (code, pattern)
        if key in seen:
            err(path, no, f"duplicate (code, pattern) of line {seen[key]}")
        seen[key] = no
        if stem:
            sk = (code, " ".join(
                it if it in ("*", "+", "$") or it.startswith("=") else stem(lang, it)
                for it in items))
            if sk in stemmed and verbose:
                warn(path, no, f"same after stemming as line {stemmed[sk]}: {code} {pattern}")
            stemmed.setdefault(sk, no)
            other = by_pattern.setdefault(sk[1], (code, no))
            if other[0] != code and verbose:
                warn(path, no, f"pattern {pattern!r} also codes {other[0]} (line {other[1]})")
    path = lexicon_path
    for r in range(1, 21):
        if f"{r:02d}" not in roots:
            err(path, 0, f"no pattern reaches root {r:02d}")
    if n < MIN_LINES[lang]:
        warn(path, 0, f"only {n} patterns (aim: {MIN_LINES[lang]})")
    return n, seen


def check_modifiers():
    got = {}
    for lang, path in MODIFIERS.items():
        for no, (kind, phrases) in read_tsv(path, ["kind", "phrases"]):
            if kind not in KINDS + OPTIONAL_KINDS:
                err(path, no, f"unknown kind {kind!r}")
            if (lang, kind) in got:
                err(path, no, f"second line for {kind}")
            got[(lang, kind)] = no
            if phrases == "-":
                continue
            for p in phrases.split("|"):
                if not p or p != p.strip() or "  " in p:
                    err(path, no, f"empty or badly spaced phrase {p!r}")
                elif p != p.lower():
                    err(path, no, f"phrase {p!r} is not lowercase")
                elif " " in p and p.split(" ")[0] in FUNCTION_WORDS.get(lang, ()):
                    err(path, no, f"phrase {p!r} would be filed under the common "
                        f"word {p.split(' ')[0]!r} (phrases are looked up by first word)")
        for kind in KINDS:
            if (lang, kind) not in got:
                err(path, 0, f"no line for {kind}")
    return len(got)


def main(argv):
    want_stems = "--stems" in argv
    quiet = "--quiet" in argv
    stem = None
    try:
        stem = Stemmer()
    except OSError:
        if want_stems:
            print("check.py: libstemmer not found, stem checks skipped", file=sys.stderr)
    codes = check_events()
    counts = {"events": len(codes)}
    for lang, path in LEXICONS.items():
        counts[lang], seen = check_lexicon(lang, path, codes, stem, want_stems)
        if want_stems and stem and not quiet:
            words = sorted({it for (_, p) in seen for it in p.split(" ")
                            if it not in ("*", "+", "$") and not it.startswith("=")})
            print(f"# {lang}: word -> stem")
            for w in words:
                print(f"{lang}\t{w}\t{stem(lang, w)}")
    counts["modifiers"] = check_modifiers()
    for w in warnings:
        print("warning:", w, file=sys.stderr)
    for e in errors:
        print("error:", e, file=sys.stderr)
    summary = ", ".join(f"{k} {v}" for k, v in counts.items())
    print(f"check.py: {summary}; {len(errors)} errors, {len(warnings)} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
