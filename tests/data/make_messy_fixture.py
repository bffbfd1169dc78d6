"""Writes messy-sectors.nodes.csv / .ties.csv: an INVENTED coordinator's spreadsheet with 11
sectors written in the ways real spreadsheets write them — mixed case, stray and doubled spaces,
a no-break space, decomposed accents — saved as Excel does (UTF-8 BOM, CRLF). Run from the
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


if __name__ == "__main__":
    main()
