#!/usr/bin/env python3
"""Validate dyad TSV data files.

Usage: python3 tools/check-data.py [-q] [--stems] [--lists=COL,...] FILE...

Generic rules (every file):
  * UTF-8, no BOM, Unix newlines, no NUL bytes;
  * lines starting with '#' are comments, blank lines are ignored;
  * the first other line is the TAB-separated header; every data line has
    exactly as many TAB-separated fields as the header;
  * no empty field (an empty value is written '-'), no leading/trailing
    spaces in a field, no trailing whitespace on a line;
  * '|'-separated variant lists (columns names, adjectives, demonyms,
    capitals, seats, variants, members, plus any named with --lists=a,b):
    no empty variant, no spaces around '|', no variant repeated in a field;
  * no duplicate data lines.
Column-driven rules (applied when the header has a column of that name):
  * iso3 / members: ISO 3166-1 alpha-3 codes (from iso-codes) or XKX (and
    IGO in a file with a role column, people.tsv);
  * iso2: ISO 3166-1 alpha-2 code or XK;
  * lat / lon: '-' or decimal degrees within range;
  * kind (in a file of columns kind and forms, name_shapes.tsv): one of
    surname_suffix, patronymic_suffix, particle, stopword, honorific, origin;
  * kind (in a file that also has lat/lon): one of city, region, territory,
    landmark, sea, river;
  * code together with members: must not clash with an ISO alpha-3 code
    and must be unique;
  * head together with bare (data/orgs/patterns.tsv): the first head is
    'government', agent 3 uppercase letters, bare 'last' or '-', seat 'yes'
    or '-', family '-' or one lower-case word that names a head of its own
    (the family's generic head).
Warnings (do not fail): the same variant in two different rows of a file
(suppressed with -q).  With --stems, also warns when variants of two
different entities (different iso3 / code / first-column value, or two rows
of one file) reduce to the same Snowball stems (English or Russian, chosen by
script), across all the files given; needs libstemmer (Debian libstemmer0d).
Exit status: 0 if no errors, 1 otherwise.
"""
import json
import re
import sys
from collections import defaultdict

ISO_JSON = "/usr/share/iso-codes/json/iso_3166-1.json"
PLACE_KINDS = {"city", "region", "territory", "landmark", "sea", "river"}
# data/people/name_shapes.tsv (header "kind forms")
SHAPE_KINDS = {"surname_suffix", "patronymic_suffix", "particle", "stopword",
               "honorific", "origin"}
VARIANT_COLUMNS = {"names", "adjectives", "demonyms", "capitals", "seats",
                   "variants", "members"}
NUM = re.compile(r"^-?\d{1,3}(\.\d{1,6})?$")


def load_iso():
    try:
        with open(ISO_JSON, encoding="utf-8") as fh:
            data = json.load(fh)["3166-1"]
    except OSError:
        return None, None
    a3 = {e["alpha_3"] for e in data} | {"XKX"}
    a2 = {e["alpha_2"] for e in data} | {"XK"}
    return a3, a2


def check_file(path, iso3, iso2, quiet):
    errors = 0
    warnings = 0

    def err(n, msg):
        nonlocal errors
        errors += 1
        print("%s:%s: error: %s" % (path, n, msg))

    def warn(n, msg):
        nonlocal warnings
        warnings += 1
        if not quiet:
            print("%s:%s: warning: %s" % (path, n, msg))

    try:
        raw = open(path, "rb").read()
    except OSError as e:
        print("%s: error: %s" % (path, e))
        return 1, 0
    if raw.startswith(b"\xef\xbb\xbf"):
        err(1, "BOM at start of file")
    if b"\r" in raw:
        err("-", "CR characters (use Unix newlines)")
    if b"\0" in raw:
        err("-", "NUL bytes")
    if raw and not raw.endswith(b"\n"):
        err("-", "no newline at end of file")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        err("-", "not UTF-8: %s" % e)
        return errors, warnings

    header = None
    seen_lines = {}
    seen_codes = {}
    variant_rows = defaultdict(list)   # variant -> [(lineno, key)]
    families = defaultdict(list)       # patterns.tsv family -> [(lineno, head)]
    rows = 0
    for n, line in enumerate(text.split("\n"), 1):
        if line == "" or line.startswith("#"):
            continue
        if line.strip() == "":
            continue
        if line != line.rstrip():
            err(n, "trailing whitespace")
        fields = line.split("\t")
        if header is None:
            header = fields
            if len(set(header)) != len(header):
                err(n, "duplicate column names in header")
            for h in header:
                if not re.match(r"^[a-z][a-z0-9_]*$", h):
                    err(n, "bad column name %r" % h)
            col = {h: i for i, h in enumerate(header)}
            continue
        rows += 1
        if len(fields) != len(header):
            err(n, "%d fields, header has %d" % (len(fields), len(header)))
            continue
        if line in seen_lines:
            err(n, "duplicate of line %d" % seen_lines[line])
        seen_lines[line] = n
        rec = dict(zip(header, fields))
        key = fields[0]
        for h, f in rec.items():
            if f == "":
                err(n, "empty field %s (write '-')" % h)
                continue
            if f != f.strip():
                err(n, "leading/trailing space in field %s" % h)
            if h in VARIANT_COLUMNS:
                parts = f.split("|")
                if f != "-" and any(p == "" for p in parts):
                    err(n, "empty variant in field %s" % h)
                if any(p != p.strip() for p in parts):
                    err(n, "space around '|' in field %s" % h)
                if len(set(parts)) != len(parts):
                    dup = sorted({p for p in parts if parts.count(p) > 1})
                    err(n, "repeated variant(s) in %s: %s" % (h, ", ".join(dup)))
                if h != "members" and f != "-":
                    for p in set(parts):
                        variant_rows[p].append((n, key))
        if iso3 is not None:
            # people.tsv (it has a role column) also serves IGO officials
            igo_ok = "role" in rec and rec.get("iso3") == "IGO"
            if "iso3" in rec and rec["iso3"] != "-" and rec["iso3"] not in iso3 and not igo_ok:
                err(n, "unknown iso3 %r" % rec["iso3"])
            if "iso2" in rec and rec["iso2"] != "-" and rec["iso2"] not in iso2:
                err(n, "unknown iso2 %r" % rec["iso2"])
            if "members" in rec and rec["members"] != "-":
                for m in rec["members"].split("|"):
                    if m not in iso3:
                        err(n, "unknown member code %r" % m)
            if "code" in rec and "members" in rec:
                c = rec["code"]
                if c in iso3:
                    err(n, "region code %s clashes with an ISO alpha-3 code" % c)
                if not re.match(r"^[A-Z]{3}$", c):
                    err(n, "region code %r is not 3 uppercase letters" % c)
                if c in seen_codes:
                    err(n, "code %s already used on line %d" % (c, seen_codes[c]))
                seen_codes[c] = n
        for h, lim in (("lat", 90.0), ("lon", 180.0)):
            if h in rec and rec[h] != "-":
                v = rec[h]
                if not NUM.match(v):
                    err(n, "%s %r is not a decimal number" % (h, v))
                elif abs(float(v)) > lim:
                    err(n, "%s %s out of range" % (h, v))
        if "kind" in rec and "lat" in rec and rec["kind"] not in PLACE_KINDS:
            err(n, "kind %r not one of %s" % (rec["kind"], ",".join(sorted(PLACE_KINDS))))
        if set(rec) == {"kind", "forms"} and rec["kind"] not in SHAPE_KINDS:
            err(n, "kind %r not one of %s" % (rec["kind"], ",".join(sorted(SHAPE_KINDS))))
        if "lat" in rec and "lon" in rec and (rec["lat"] == "-") != (rec["lon"] == "-"):
            err(n, "lat and lon must both be given or both be '-'")
        if "head" in rec and "bare" in rec:
            if rows == 1 and rec["head"] != "government":
                err(n, "the first head must be 'government' (the name of a body given to another state)")
            if not re.match(r"^[A-Z]{3}$", rec.get("agent", "")):
                err(n, "agent %r is not 3 uppercase letters" % rec.get("agent"))
            if rec["bare"] not in ("last", "-"):
                err(n, "bare %r not one of last, -" % rec["bare"])
            if rec.get("seat", "-") not in ("yes", "-"):
                err(n, "seat %r not one of yes, -" % rec["seat"])
            fam = rec.get("family", "-")
            if fam != "-":
                if not re.match(r"^[a-z]+$", fam):
                    err(n, "family %r is not one lower-case word" % fam)
                families[fam].append((n, rec["head"]))

    if header is None:
        err("-", "no header line")
    for fam, members in sorted(families.items()):
        if not any(h == fam for _, h in members):
            err(members[0][0], "family %r has no generic head named %r" % (fam, fam))
    for v, occ in sorted(variant_rows.items()):
        lines = sorted({o[0] for o in occ})
        if len(lines) > 1:
            warn(lines[1], "variant %r appears on lines %s" % (v, ", ".join(map(str, lines))))
    print("%s: %d rows, %d columns, %d error(s), %d warning(s)"
          % (path, rows, len(header or []), errors, warnings))
    return errors, warnings


class Stemmer:
    """Snowball stemmers from the system libstemmer, via ctypes."""

    def __init__(self):
        import ctypes
        import ctypes.util
        self.ct = ctypes
        lib = None
        for name in ("libstemmer.so.0d", "libstemmer.so.0", "libstemmer.so",
                     ctypes.util.find_library("stemmer")):
            if not name:
                continue
            try:
                lib = ctypes.CDLL(name)
                break
            except OSError:
                continue
        if lib is None:
            raise OSError("libstemmer not found")
        lib.sb_stemmer_new.restype = ctypes.c_void_p
        lib.sb_stemmer_new.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
        lib.sb_stemmer_stem.restype = ctypes.c_void_p
        lib.sb_stemmer_stem.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        lib.sb_stemmer_length.argtypes = [ctypes.c_void_p]
        self.lib = lib
        self.en = lib.sb_stemmer_new(b"english", b"UTF_8")
        self.ru = lib.sb_stemmer_new(b"russian", b"UTF_8")

    def stem(self, word):
        st = self.ru if re.search("[\u0400-\u04FF]", word) else self.en
        b = word.encode("utf-8")
        p = self.lib.sb_stemmer_stem(st, b, len(b))
        return self.ct.string_at(p, self.lib.sb_stemmer_length(st)).decode("utf-8")

    def key(self, phrase):
        return " ".join(self.stem(t) for t in re.findall(r"[\w'.&]+", phrase.lower()))


def stem_collisions(paths, quiet):
    try:
        st = Stemmer()
    except OSError as e:
        print("note: --stems skipped: %s" % e)
        return 0
    index = defaultdict(set)   # stem key -> {(owner, path, lineno, variant)}
    for path in paths:
        try:
            lines = open(path, encoding="utf-8").read().split("\n")
        except (OSError, UnicodeDecodeError):
            continue
        header = None
        for n, line in enumerate(lines, 1):
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if header is None:
                header = fields
                continue
            if len(fields) != len(header):
                continue
            rec = dict(zip(header, fields))
            owner = rec.get("iso3", rec.get("code", fields[0]))
            for h, f in rec.items():
                if h in VARIANT_COLUMNS and h != "members" and f != "-":
                    for v in f.split("|"):
                        index[st.key(v)].add((owner, path, n, v))
    count = 0
    for k, occ in sorted(index.items()):
        owners = {o[0] for o in occ}
        rows_per_file = defaultdict(set)
        for o in occ:
            rows_per_file[o[1]].add(o[2])
        same_file_clash = any(len(r) > 1 for r in rows_per_file.values())
        if len(owners) > 1 or same_file_clash:
            count += 1
            if not quiet:
                print("stem warning: %r <- %s" % (k, "; ".join(
                    "%s:%d %s %r" % (o[1], o[2], o[0], o[3]) for o in sorted(occ))))
    print("stem check: %d collision(s)" % count)
    return count


def main(argv):
    quiet = False
    stems = False
    paths = []
    for a in argv:
        if a == "--stems":
            stems = True
        elif a.startswith("--lists="):
            VARIANT_COLUMNS.update(c for c in a[len("--lists="):].split(",") if c)
        elif a == "-q":
            quiet = True
        elif a in ("-h", "--help"):
            print(__doc__)
            return 0
        else:
            paths.append(a)
    if not paths:
        sys.stderr.write("usage: check-data.py [-q] [--stems] [--lists=COL,...] FILE...\n")
        return 2
    iso3, iso2 = load_iso()
    if iso3 is None:
        print("note: %s not found; ISO code checks skipped" % ISO_JSON)
    total = 0
    for p in paths:
        e, _ = check_file(p, iso3, iso2, quiet)
        total += e
    if stems:
        stem_collisions(paths, quiet)
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
