"""Writes messy-sectors.nodes.csv / .ties.csv: an INVENTED coordinator's spreadsheet with 11
sectors written in the ways real spreadsheets write them — mixed case, stray and doubled spaces,
a no-break space, decomposed accents — saved as Excel does (UTF-8 BOM, CRLF). Also
messy-excel-eu.nodes.csv / .ties.csv: an INVENTED French coordinator's sheet as Excel saves
"CSV (separateur: point-virgule)" — Windows-1252, ';' between fields, decimal commas, CRLF —
and messy-excel-eu.utf8.*, the same rows in UTF-8 with ',' and decimal points. Run from the
repository root: python3 tests/data/make_messy_fixture.py"""
import pathlib
import random

HERE = pathlib.Path(__file__).resolve().parent
SECTORS = [  # each sector with the spellings the sheet uses, the first being the first met
    ["State agencies and councils", "state agencies and councils", "State Agencies and Councils "],
    ["families", "families ", "Families"],
    ["Employers", "employers"],
    ["local schools", "Local  Schools", "local\u00a0schools"],
    ["colleges and universities", "Colleges and universities"],
    ["Écoles privées", "E\u0301coles prive\u0301es", "écoles privées"],  # NFC vs NFD, case
    ["youth", "Youth "],
    ["health providers", "Health Providers"],
    ["state professional organizations"],
    ["faith communities", " faith communities"],
    ["tribal nations", "Tribal Nations"],
]
CIRCLES = ["core"] * 5 + ["inner"] * 10 + ["outer"] * 20 + [""] * 25


def main() -> None:
    rng = random.Random(2026)
    rows = []
    for i in range(60):
        spellings = SECTORS[i % len(SECTORS)]
        # the first of each sector's stakeholders uses the first spelling; later ones any
        spelling = spellings[0] if i < len(SECTORS) else rng.choice(spellings)
        level = ["local", "state", "national"][i % 3]
        rows.append((f"p{i:02d}", f"Person {i:02d}", spelling, level, CIRCLES[i]))
    nodes = ["id,name,sector,level,circle"] + [
        ",".join(f'"{f}"' if ("," in f or " " in f[:1] or f[-1:] == " ") else f for f in r)
        for r in rows]
    ties = ["source,target,kind,weight"]
    seen = set()
    while len(ties) < 181:
        a, b = rng.sample(range(60), 2)
        kind = rng.choice(["authority", "influence", "collaboration"])
        key = (a, b, kind) if kind != "collaboration" else (min(a, b), max(a, b), kind)
        if key in seen:
            continue
        seen.add(key)
        ties.append(f"p{a:02d},p{b:02d},{kind},{rng.choice([0.25, 0.5, 1])}")
    for name, lines in (("messy-sectors.nodes.csv", nodes), ("messy-sectors.ties.csv", ties)):
        (HERE / name).write_bytes(b"\xef\xbb\xbf" + "\r\n".join(lines).encode() + b"\r\n")


EU_NAMES = ["Élodie Müller", "François Lefèvre", "Zoë Œrsted", "Jürgen Groß", "Inès Gaëlle",
            "Ørjan Ødegård", "Señora Núñez", "Renée Dupré", "Štěpán", "André «Dédé» Noël",
            "Chloé d’Arc", "Bjørn Ærø"]
EU_SECTORS = ["écoles", "collectivités locales", "employeurs", "santé", "associations"]


def european() -> None:
    rng = random.Random(1792)
    # Štěpán's "ě" has no Windows-1252 byte: he is spelled as Excel would save him, "Stepan".
    names = [n if n != "Štěpán" else "Stepan" for n in EU_NAMES]
    nodes = [["id", "name", "sector", "level"]] + [
        [f"fr{i:02d}", n, EU_SECTORS[i % len(EU_SECTORS)], ["local", "state", "national"][i % 3]]
        for i, n in enumerate(names)]
    ties = [["source", "target", "kind", "weight"]]
    seen = set()
    while len(ties) < 31:
        a, b = rng.sample(range(len(names)), 2)
        kind = rng.choice(["influence", "collaboration"])
        key = (a, b, kind) if kind != "collaboration" else (min(a, b), max(a, b), kind)
        if key in seen:
            continue
        seen.add(key)
        ties.append([f"fr{a:02d}", f"fr{b:02d}", kind, rng.choice(["0.25", "0.5", "0.75", "1"])])

    def write(name: str, rows, sep: str, comma: bool, encoding: str) -> None:
        lines = []
        for r in rows:
            fields = [f.replace(".", ",") if comma and f[:1].isdigit() else f for f in r]
            lines.append(sep.join(f'"{f}"' if sep in f else f for f in fields))
        (HERE / name).write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))

    write("messy-excel-eu.nodes.csv", nodes, ";", True, "cp1252")
    write("messy-excel-eu.ties.csv", ties, ";", True, "cp1252")
    write("messy-excel-eu.utf8.nodes.csv", nodes, ",", False, "utf-8")
    write("messy-excel-eu.utf8.ties.csv", ties, ",", False, "utf-8")


if __name__ == "__main__":
    main()
    european()
