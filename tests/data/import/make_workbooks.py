#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the .xlsx workbooks of tests/import_cli.sh into a directory, by hand (zipfile and XML
written out), so that every part is known: shared and inline strings, date-formatted cells in the
1900 and the 1904 date systems, a title merged across the columns, an event merged down its rows,
an empty row, the attendance on a sheet that is not the first; and hostile ones (a zip bomb, a
part name outside the package, a missing part, malformed XML, a missing shared string, Excel's
phantom 29 February 1900, overlapping merged ranges, not a zip at all).

usage: make_workbooks.py DIRECTORY
"""
import sys
import zipfile
from xml.sax.saxutils import escape

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"

# styles: 0 general, 1 a custom date format (dd/mm/yyyy), 2 the built-in date 14, 3 a time
STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="{MAIN}">
<numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="[h]:mm"/></numFmts>
<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="1"><fill><patternFill patternType="none"/></fill></fills>
<borders count="1"><border/></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>
</styleSheet>"""


class Workbook:
    """Sheets of cells: (reference, kind, value, style); kind s (shared), inline, n, b, e."""

    def __init__(self, date1904=False):
        self.sheets = []
        self.shared = []
        self.date1904 = date1904

    def sheet(self, name, rows, merges=()):
        self.sheets.append((name, rows, merges))

    def string_index(self, text):
        if text not in self.shared:
            self.shared.append(text)
        return self.shared.index(text)

    def sheet_xml(self, rows, merges):
        out = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{MAIN}" xmlns:r="{REL}"><sheetData>']
        for number, cells in rows:
            out.append(f'<row r="{number}">')
            for reference, kind, value, style in cells:
                s = f' s="{style}"' if style else ""
                if kind == "s":
                    out.append(f'<c r="{reference}" t="s"{s}><v>{self.string_index(value)}</v></c>')
                elif kind == "inline":
                    out.append(f'<c r="{reference}" t="inlineStr"{s}><is><t>{escape(value)}</t></is></c>')
                elif kind == "empty":
                    out.append(f'<c r="{reference}"{s}/>')
                elif kind == "raw":
                    out.append(value)
                else:
                    out.append(f'<c r="{reference}" t="{kind}"{s}><v>{escape(str(value))}</v></c>')
            out.append("</row>")
        out.append("</sheetData>")
        if merges:
            out.append(f'<mergeCells count="{len(merges)}">')
            out.extend(f'<mergeCell ref="{m}"/>' for m in merges)
            out.append("</mergeCells>")
        out.append("</worksheet>")
        return "".join(out)

    def parts(self):
        parts = {}
        sheets = []
        rels = []
        for i, (name, rows, merges) in enumerate(self.sheets, 1):
            parts[f"xl/worksheets/sheet{i}.xml"] = self.sheet_xml(rows, merges)
            sheets.append(f'<sheet name="{escape(name)}" sheetId="{i}" r:id="rId{i}"/>')
            rels.append(f'<Relationship Id="rId{i}" Type="{REL}/worksheet" Target="worksheets/sheet{i}.xml"/>')
        n = len(self.sheets)
        rels.append(f'<Relationship Id="rId{n + 1}" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>')
        rels.append(f'<Relationship Id="rId{n + 2}" Type="{REL}/styles" Target="styles.xml"/>')
        pr = '<workbookPr date1904="1"/>' if self.date1904 else "<workbookPr/>"
        parts["xl/workbook.xml"] = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{MAIN}" xmlns:r="{REL}">{pr}<sheets>{"".join(sheets)}</sheets></workbook>'
        parts["xl/_rels/workbook.xml.rels"] = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PKG}">{"".join(rels)}</Relationships>'
        items = "".join(f"<si><t>{escape(t)}</t></si>" for t in self.shared)
        parts["xl/sharedStrings.xml"] = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="{MAIN}" count="{len(self.shared)}" uniqueCount="{len(self.shared)}">{items}</sst>'
        parts["xl/styles.xml"] = STYLES
        parts["_rels/.rels"] = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PKG}"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        parts["[Content_Types].xml"] = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="{TYPES}"><Default Extension="xml" ContentType="application/xml"/></Types>'
        return parts

    def save(self, path, change=None):
        parts = self.parts()
        if change:
            change(parts)
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            for name, text in parts.items():
                if text is not None:
                    z.writestr(name, text)


def serial(year, month, day, date1904=False):
    """The Excel serial of a date (1900 system with its phantom 29 February 1900, or 1904)."""
    import datetime
    d = datetime.date(year, month, day)
    if date1904:
        return (d - datetime.date(1904, 1, 1)).days
    return (d - datetime.date(1899, 12, 30)).days


def log_workbook(date1904=False):
    """The attendance on the second sheet, a title merged across, an event merged down, dates
    in a custom and a built-in date format, an empty row, inline strings, numbers; the
    agreements on the third sheet."""
    book = Workbook(date1904)
    book.sheet("Notes", [(1, [("A1", "s", "Kept by the programme team; see the second sheet", 0)])])
    d = lambda y, m, day: serial(y, m, day, date1904)
    header = ["Event", "Date", "Organisation", "Type", "Country", "Role", "Lat", "Lon"]
    rows = [
        (1, [("A1", "s", "NGO events log 2024", 0)] + [(f"{c}1", "empty", None, 0) for c in "BCDEFGH"]),
        (2, [(f"{'ABCDEFGH'[i]}2", "s", h, 0) for i, h in enumerate(header)]),
        (3, [("A3", "s", "Peer exchange, Sousse", 0), ("B3", "n", d(2024, 3, 25), 1),
             ("C3", "s", "Municipality of Sousse", 0), ("D3", "s", "Municipality", 0),
             ("E3", "s", "Tunisia", 0), ("F3", "s", "host", 0), ("G3", "n", 35.8254, 0),
             ("H3", "n", 10.637, 0)]),
        (4, [("A4", "empty", None, 0), ("B4", "n", d(2024, 3, 25), 1),
             ("C4", "inline", "Sousse Municipality", 0), ("D4", "inline", "municipality", 0),
             ("E4", "s", "Tunisie", 0), ("F4", "s", "speaker", 0)]),
        (5, [("A5", "empty", None, 0), ("B5", "n", d(2024, 3, 25), 1),
             ("C5", "s", "Ministry of Local Affairs", 0), ("D5", "s", "Ministry", 0),
             ("E5", "s", "TN", 0), ("F5", "s", "participant", 0)]),
        (6, [("A6", "empty", None, 0), ("B6", "empty", None, 1)]),
        (7, [("A7", "s", "Closing conference", 0), ("B7", "n", d(2024, 12, 5) + 0.5, 2),
             ("C7", "s", "Sousse Municipality", 0), ("D7", "s", "Municipality", 0),
             ("E7", "s", "Tunisia", 0), ("F7", "s", "participant", 0)]),
        (8, [("A8", "s", "Closing conference", 0), ("B8", "n", d(2024, 12, 5), 2),
             ("C8", "s", "IOM", 0), ("D8", "s", "UN agency", 0), ("F8", "s", "Sponsor", 0)]),
    ]
    book.sheet("Attendance 2024", rows, merges=["A1:H1", "A3:A5"])
    ties = [
        (1, [("A1", "s", "Organisation 1", 0), ("B1", "s", "Organisation 2", 0),
             ("C1", "s", "Agreement", 0), ("D1", "s", "Signed", 0)]),
        (2, [("A2", "s", "Municipality of Sousse", 0), ("B2", "s", "Ministry of Local Affairs", 0),
             ("C2", "s", "MoU", 0), ("D2", "n", d(2024, 6, 1), 1)]),
    ]
    book.sheet("MoUs", ties)
    return book


def small_sheet(rows):
    book = Workbook()
    book.sheet("Sheet1", rows)
    return book


def header_row():
    return (1, [("A1", "s", "Event", 0), ("B1", "s", "Date", 0), ("C1", "s", "Organisation", 0)])


def main():
    out = sys.argv[1]
    log_workbook().save(f"{out}/log.xlsx")
    log_workbook(date1904=True).save(f"{out}/log1904.xlsx")

    # an empty organisation in C14, a date that is no date in B9
    rows = [header_row()]
    for r in range(2, 15):
        rows.append((r, [(f"A{r}", "s", "Workshop", 0), (f"B{r}", "n", serial(2024, 5, 2), 1),
                         (f"C{r}", "s", f"Municipality number {r}", 0)]))
    rows[7] = (8, [("A8", "s", "Workshop", 0), ("B8", "s", "sometime in spring", 0),
                   ("C8", "s", "Municipality number 8", 0)])
    rows[13] = (14, [("A14", "s", "Workshop", 0), ("B14", "n", serial(2024, 5, 2), 1)])
    small_sheet(rows).save(f"{out}/errors.xlsx")

    # Excel's phantom 29 February 1900 (serial 60) in a date-formatted cell
    small_sheet([header_row(), (2, [("A2", "s", "Workshop", 0), ("B2", "n", 60, 1),
                                    ("C2", "s", "Sousse", 0)])]).save(f"{out}/phantom.xlsx")
    # a spreadsheet error value and a shared string that does not exist
    small_sheet([header_row(), (2, [("A2", "s", "Workshop", 0), ("B2", "e", "#N/A", 0),
                                    ("C2", "s", "Sousse", 0)])]).save(f"{out}/na.xlsx")
    small_sheet([header_row(), (2, [("A2", "s", "Workshop", 0),
                                    ("C2", "raw", '<c r="C2" t="s"><v>99</v></c>', 0)])]).save(
        f"{out}/no-string.xlsx")

    def escape_package(parts):
        parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
            "worksheets/sheet1.xml", "../../../etc/passwd")
    small_sheet([header_row()]).save(f"{out}/escape.xlsx", escape_package)

    def drop_sheet(parts):
        parts["xl/worksheets/sheet1.xml"] = None
    small_sheet([header_row()]).save(f"{out}/missing-part.xlsx", drop_sheet)

    def break_xml(parts):
        parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"].replace("</row>", "</rows>", 1)
    small_sheet([header_row()]).save(f"{out}/malformed.xlsx", break_xml)

    # a zip bomb: a sheet that inflates to 257 MiB of spaces (about 250 kB compressed)
    bomb = small_sheet([header_row()])
    parts = bomb.parts()
    with zipfile.ZipFile(f"{out}/bomb.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            if name != "xl/worksheets/sheet1.xml":
                z.writestr(name, text)
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            sheet = parts["xl/worksheets/sheet1.xml"]
            head, tail = sheet.split("<sheetData>")
            part.write((head + "<sheetData>").encode())
            chunk = b" " * (1 << 20)
            for _ in range(257):
                part.write(chunk)
            part.write(tail.encode())

    # overlapping merged ranges, each over the whole table: more positions than a sheet may hold
    rows = [header_row()] + [(r, [(f"{c}{r}", "s", f"v{r}", 0) for c in "ABCDEFGHIJ"])
                             for r in range(2, 1002)]
    many = Workbook()
    many.sheet("Sheet1", rows, merges=["B2:J1001"] * 1000)
    many.save(f"{out}/merges.xlsx")

    with open(f"{out}/not-a-workbook.xlsx", "w") as f:
        f.write("Event,Date,Organisation\nWorkshop,2024-05-02,Sousse\n")


if __name__ == "__main__":
    main()
