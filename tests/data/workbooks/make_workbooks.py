#!/usr/bin/python3
"""Writes the workbook fixtures of tests/workbook_test.cpp (invented data): .xlsx files with
openpyxl (Debian's python3-openpyxl 3.0.9) and .ods files with odfpy (python3-odf 1.4.2), then
the malformed ones by editing those zips. Run: /usr/bin/python3 tests/data/workbooks/make_workbooks.py
The outputs are committed; rerun only when a fixture must change."""
import datetime
import io
import os
import zipfile

import openpyxl
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableCell, TableRow, CoveredTableCell
from odf.text import P

HERE = os.path.dirname(os.path.abspath(__file__))

STAKEHOLDERS = [
    ["id", "name", "sector", "level", "circle", "joined", "staff"],
    ["fam-01", "Parent network", "family", "local", "core", datetime.date(2023, 9, 1), 12],
    ["sa-02", "State agency, VR", "government", "state", "inner", datetime.date(2024, 1, 15), 340],
    ["emp-03", "Employer \"Acme\"", "business", "local", "outer", None, 2.5],
    ["sch-04", "School\ndistrict", "education", "local", None, None, None],
]
TIES = [
    ["source", "target", "relation", "value"],
    ["fam-01", "sa-02", "advice", 1],
    ["sa-02", "emp-03", "messages", 3],
    ["emp-03", "sch-04", "cowork", 0.25],
]
RELATIONS = [
    ["name", "role", "direction", "polarity", "scale"],
    ["advice", "influence", "directed", "positive", "binary"],
    ["messages", "communication", "directed", "positive", "count"],
    ["cowork", "collaboration", "mutual", "positive", "unit"],
]
EVENTS = [
    ["time", "source", "target", "relation", "value"],
    [datetime.date(2024, 3, 5), "fam-01", "sa-02", "messages", 1],
    [datetime.datetime(2024, 3, 5, 14, 30), "sa-02", "fam-01", "messages", 2],
    [datetime.datetime(2024, 4, 1, 9, 0, 15), "emp-03", "sch-04", None, None],
]


def xlsx(path, sheets, epoch1904=False, after=None):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    if epoch1904:
        wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    for name, rows in sheets:
        ws = wb.create_sheet(name)
        for r in rows:
            ws.append(r)
    if after:
        after(wb)
    wb.save(os.path.join(HERE, path))


def ods(path, sheets):
    doc = OpenDocumentSpreadsheet()
    for name, rows in sheets:
        t = Table(name=name)
        for r in rows:
            tr = TableRow()
            for c in r:
                if c is None:
                    tc = TableCell()
                elif isinstance(c, datetime.datetime):
                    tc = TableCell(valuetype="date", datevalue=c.isoformat())
                    tc.addElement(P(text=str(c)))
                elif isinstance(c, datetime.date):
                    tc = TableCell(valuetype="date", datevalue=c.isoformat())
                    tc.addElement(P(text=c.isoformat()))
                elif isinstance(c, (int, float)):
                    tc = TableCell(valuetype="float", value=c)
                    tc.addElement(P(text=str(c)))
                else:
                    tc = TableCell(valuetype="string")
                    for k, line in enumerate(c.split("\n")):
                        tc.addElement(P(text=line))
                tr.addElement(tc)
            t.addElement(tr)
        doc.spreadsheet.addElement(t)
    doc.save(os.path.join(HERE, path))


def edit_zip(source, target, edit):
    """Copies the zip `source` to `target`, each entry's bytes through edit(name, data)."""
    with zipfile.ZipFile(os.path.join(HERE, source)) as zin, \
            zipfile.ZipFile(os.path.join(HERE, target), "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = edit(info.filename, zin.read(info.filename))
            if data is not None:
                zout.writestr(info, data)


BOOK = [("stakeholders", STAKEHOLDERS), ("ties", TIES), ("relations", RELATIONS), ("events", EVENTS)]
xlsx("community.xlsx", BOOK)
xlsx("community-1904.xlsx", BOOK, epoch1904=True)
ods("community.ods", BOOK)

# Kumu's layout (its import template's columns).
ELEMENTS = [["Label", "Type", "Description", "Tags"],
            ["Ana", "Person", "coordinator", "core"],
            ["Ben", "Person", None, None],
            ["City council", "Organization", "funder", "government"]]
CONNECTIONS = [["From", "To", "Type", "Direction", "Label", "Strength"],
               ["Ana", "Ben", "advice", "directed", "weekly", 3],
               ["Ben", "City council", "partner", "mutual", None, None],
               ["Ana", "City council", None, None, None, None]]
xlsx("kumu.xlsx", [("Elements", ELEMENTS), ("Connections", CONNECTIONS)])
xlsx("kumu-mixed-direction.xlsx", [("Elements", ELEMENTS), ("Connections", CONNECTIONS + [
    ["City council", "Ana", "advice", "mutual", None, None]])])

# Malformed workbooks.
xlsx("missing-ties.xlsx", [("stakeholders", STAKEHOLDERS), ("edges", TIES)])
xlsx("bad-value.xlsx", [("stakeholders", STAKEHOLDERS), ("relations", RELATIONS),
                        ("ties", TIES[:2] + [["sa-02", "emp-03", "messages", "lots"]])])
xlsx("unknown-target.xlsx", [("stakeholders", STAKEHOLDERS), ("relations", RELATIONS),
                             ("ties", TIES + [["sch-04", "xx-99", "advice", 1]])])
xlsx("merged.xlsx", [("stakeholders", STAKEHOLDERS), ("ties", TIES)],
     after=lambda wb: wb["stakeholders"].merge_cells("C2:C3"))


def formula(wb):
    wb["ties"]["D3"] = "=1+2"  # openpyxl stores no result for it


xlsx("formula.xlsx", [("stakeholders", STAKEHOLDERS), ("ties", TIES)], after=formula)
xlsx("header-gap.xlsx", [("stakeholders", [["id", None, "sector"], ["a", None, "x"]]),
                         ("ties", [["source", "target"]])])
xlsx("beyond-header.xlsx", [("stakeholders", [["id", "sector"], ["a", "x", "stray"]]),
                            ("ties", [["source", "target"]])])


# A sheet of 1,048,576 rows (the most a sheet holds), declared so and with its last row used;
# and one cell past it.
def last_row(name, data):
    if name == "xl/worksheets/sheet2.xml":
        data = data.replace(b'<dimension ref="A1:D4"/>', b'<dimension ref="A1:XFD1048576"/>')
        data = data.replace(b'<row r="4">', b'<row r="1048576">').replace(b'r="A4"', b'r="A1048576"') \
            .replace(b'r="B4"', b'r="B1048576"').replace(b'r="C4"', b'r="C1048576"').replace(b'r="D4"', b'r="D1048576"')
    return data


edit_zip("community.xlsx", "last-row.xlsx", last_row)


def past_last_row(name, data):
    if name == "xl/worksheets/sheet2.xml":
        data = data.replace(b'<row r="4">', b'<row r="1048577">')
    return data


edit_zip("community.xlsx", "past-last-row.xlsx", past_last_row)


# A relationship pointing outside the zip (../../etc/passwd) and an external link: neither read.
def escape(name, data):
    if name == "xl/_rels/workbook.xml.rels":
        data = data.replace(b'Target="/xl/worksheets/sheet2.xml"', b'Target="../../../../etc/passwd"')
    return data


edit_zip("community.xlsx", "outside-target.xlsx", escape)

# ods: a merged range, and a cell repeated across a whole row of 16384 columns x 1000 rows.
doc = OpenDocumentSpreadsheet()
t = Table(name="stakeholders")
for r in STAKEHOLDERS[:3]:
    tr = TableRow()
    for k, c in enumerate(r[:3]):
        if k == 2 and r is STAKEHOLDERS[1]:
            tc = TableCell(valuetype="string", numberrowsspanned=2)
            tc.addElement(P(text=c))
        elif k == 2 and r is STAKEHOLDERS[2]:
            tc = CoveredTableCell()
        else:
            tc = TableCell(valuetype="string")
            tc.addElement(P(text=str(c)))
        tr.addElement(tc)
    t.addElement(tr)
doc.spreadsheet.addElement(t)
t2 = Table(name="ties")
tr = TableRow()
for c in ["source", "target"]:
    tc = TableCell(valuetype="string")
    tc.addElement(P(text=c))
    tr.addElement(tc)
t2.addElement(tr)
doc.spreadsheet.addElement(t2)
doc.save(os.path.join(HERE, "merged.ods"))

doc = OpenDocumentSpreadsheet()
t = Table(name="ties")
tr = TableRow(numberrowsrepeated=1000)
tc = TableCell(valuetype="string", numbercolumnsrepeated=16384)
tc.addElement(P(text="x"))
tr.addElement(tc)
t.addElement(tr)
doc.spreadsheet.addElement(t)
doc.save(os.path.join(HERE, "repeated.ods"))


# Shared strings (as Excel writes text; openpyxl 3.0.9 writes inline strings): community.xlsx
# with every inline string moved into xl/sharedStrings.xml.
def shared_strings():
    import re
    from xml.sax.saxutils import escape as xml_escape
    strings = []

    def move(m):
        text = m.group(2)
        strings.append(text)
        return '<c r="%s" t="s"><v>%d</v></c>' % (m.group(1), len(strings) - 1)

    pattern = re.compile(r'<c r="([A-Z]+[0-9]+)" t="inlineStr"><is><t(?: [^>]*)?>(.*?)</t></is></c>', re.S)
    parts = {}
    with zipfile.ZipFile(os.path.join(HERE, "community.xlsx")) as z:
        for info in z.infolist():
            data = z.read(info.filename)
            if info.filename.startswith("xl/worksheets/"):
                data = pattern.sub(move, data.decode()).encode()
            parts[info.filename] = data
    sst = '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">' % (
        len(strings), len(strings))
    sst += "".join('<si><t xml:space="preserve">%s</t></si>' % s for s in strings) + "</sst>"
    parts["xl/sharedStrings.xml"] = sst.encode()
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rIdSst" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
        b'officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    with zipfile.ZipFile(os.path.join(HERE, "community-shared-strings.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


shared_strings()


# The same community as CSV files (Python's csv module), which the tests read with copnet's CSV
# readers and compare with what the workbooks read to: dates as ISO 8601, numbers as written.
def csv_files():
    import csv

    def text(c):
        if c is None:
            return ""
        if isinstance(c, datetime.datetime):
            return c.strftime("%Y-%m-%dT%H:%M:%SZ")
        if isinstance(c, datetime.date):
            return c.isoformat()
        return str(c)

    for name, rows in BOOK:
        with open(os.path.join(HERE, "community.%s.csv" % name), "w", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            for r in rows:
                w.writerow([text(c) for c in r])


csv_files()


# Formulas with stored results, as Excel and LibreOffice save them: a number and a text.
def stored_results(name, data):
    if name == "xl/worksheets/sheet2.xml":
        data = data.replace(b'<c r="D2" t="n"><v>1</v></c>', b'<c r="D2"><f>2-1</f><v>1</v></c>')
        data = data.replace(b'<c r="C2" t="inlineStr"><is><t>advice</t></is></c>',
                            b'<c r="C2" t="str"><f>LOWER("ADVICE")</f><v>advice</v></c>')
    return data


edit_zip("community.xlsx", "formula-results.xlsx", stored_results)


# An error value (#N/A) where a target should be.
def error_value(name, data):
    if name == "xl/worksheets/sheet2.xml":
        data = data.replace(b'<c r="B2" t="inlineStr"><is><t>sa-02</t></is></c>',
                            b'<c r="B2" t="e"><f>VLOOKUP(A2,X:Y,2,0)</f><v>#N/A</v></c>')
    return data


edit_zip("community.xlsx", "error-value.xlsx", error_value)
