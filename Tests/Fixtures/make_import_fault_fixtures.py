#!/usr/bin/env python3
"""Workbooks with one fault each, made from an exported real-year workbook (511.xlsx) by editing
its XML parts directly — so that each fixture holds exactly the fault its name says, written the
way a careless tool or an office library would write it. Tests/EvalSheetWorkbookTests/
ImportFaultTests.swift asserts, for each, the exact 'Sheet'!Cell of every message, error vs
warning, and that every other value is unchanged.

usage: make_import_fault_fixtures.py EXPORTED_DIR OUT_DIR
"""
import os
import re
import sys
import zipfile

src, out = sys.argv[1], sys.argv[2]
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


class Book:
    """The parts of a workbook, with cell-level edits on its worksheets."""

    def __init__(self, code="511"):
        with zipfile.ZipFile(os.path.join(src, f"{code}.xlsx")) as z:
            self.order = [i.filename for i in z.infolist()]
            self.parts = {n: z.read(n) for n in self.order}
        wb = self.text("xl/workbook.xml")
        rels = self.text("xl/_rels/workbook.xml.rels")
        targets = dict(re.findall(r'<Relationship Id="([^"]+)" Type="[^"]+" Target="([^"]+)"', rels))
        self.sheets = {}
        for name, rid in re.findall(r'<sheet name="([^"]+)" sheetId="\d+"(?: state="\w+")? r:id="([^"]+)"', wb):
            self.sheets[name] = "xl/" + targets[rid]

    def text(self, part):
        return self.parts[part].decode("utf-8")

    def put(self, part, text):
        if part not in self.parts:
            self.order.append(part)
        self.parts[part] = text.encode("utf-8")

    def remove(self, part):
        self.order.remove(part)
        del self.parts[part]

    # -- cells ---------------------------------------------------------------------------------
    @staticmethod
    def split(ref):
        m = re.fullmatch(r"([A-Z]+)(\d+)", ref)
        col = 0
        for ch in m.group(1):
            col = col * 26 + ord(ch) - 64
        return int(m.group(2)), col

    def cell_pattern(self, ref):
        return re.compile(r'<c r="' + ref + r'"([^>/]*)(?:/>|>(.*?)</c>)')

    def style(self, sheet, ref):
        m = self.cell_pattern(ref).search(self.text(self.sheets[sheet]))
        if not m:
            return ""
        s = re.search(r' s="(\d+)"', m.group(1))
        return f' s="{s.group(1)}"' if s else ""

    def set_xml(self, sheet, ref, xml):
        """Replaces the cell at ref with xml (a whole <c> element), inserting it (and its row) in order."""
        part = self.sheets[sheet]
        t = self.text(part)
        pattern = self.cell_pattern(ref)
        if pattern.search(t):
            t = pattern.sub(lambda _: xml, t, count=1)
        else:
            row, col = self.split(ref)
            rm = re.search(r'<row r="' + str(row) + r'"[^>]*?(/>|>(.*?)</row>)', t)
            if rm:
                body = rm.group(2) or ""
                cells = list(re.finditer(r'<c r="([A-Z]+)\d+"', body))
                pos = len(body)
                for c in cells:
                    if self.split(c.group(1) + str(row))[1] > col:
                        pos = c.start()
                        break
                head = rm.group(0)[: rm.group(0).index(">") + 1] if rm.group(1) != "/>" else rm.group(0)[:-2] + ">"
                t = t[: rm.start()] + head + body[:pos] + xml + body[pos:] + "</row>" + t[rm.end():]
            else:
                later = [m for m in re.finditer(r'<row r="(\d+)"', t) if int(m.group(1)) > row]
                new_row = f'<row r="{row}">{xml}</row>'
                if later:
                    t = t[: later[0].start()] + new_row + t[later[0].start():]
                else:
                    t = t.replace("</sheetData>", new_row + "</sheetData>").replace("<sheetData/>", f"<sheetData>{new_row}</sheetData>")
        self.put(part, t)

    def set_text(self, sheet, ref, text, keep_style=True):
        esc = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        s = self.style(sheet, ref) if keep_style else ""
        self.set_xml(sheet, ref, f'<c r="{ref}"{s} t="inlineStr"><is><t xml:space="preserve">{esc}</t></is></c>')

    def set_number(self, sheet, ref, raw, style=None):
        s = self.style(sheet, ref) if style is None else (f' s="{style}"' if style != "" else "")
        self.set_xml(sheet, ref, f'<c r="{ref}"{s}><v>{raw}</v></c>')

    def replace(self, part_or_sheet, old, new, count=1):
        part = self.sheets.get(part_or_sheet, part_or_sheet)
        t = self.text(part)
        assert old in t, (part, old)
        self.put(part, t.replace(old, new, count))

    def save(self, name):
        with zipfile.ZipFile(os.path.join(out, name + ".xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
            for n in self.order:
                info = zipfile.ZipInfo(n, date_time=(1980, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                z.writestr(info, self.parts[n])


P, I, E, ENV, C, B = "3 構成事業", "4 まちづくり指標", "5 評価", "6 施策を取り巻く環境", "7 課題", "1 基本情報"

# --- class 4: numbers are never silently another number ---------------------------------------
b = Book(); b.set_text(P, "F5", "99999999999999999999"); b.save("amount-text-beyond-the-bound")
b = Book(); b.set_number(P, "F5", "1E+30"); b.save("amount-1e30")
b = Book(); b.set_number(P, "F5", "1000000000000"); b.save("amount-one-past-the-bound")
b = Book(); b.set_number(P, "F5", "999999999999"); b.save("amounts-summing-past-the-bound")
b = Book(); b.set_number(I, "I4", "1E+200"); b.save("indicator-1e200")
b = Book(); b.set_number(I, "J4", "12345678901234567"); b.save("indicator-beyond-15-digits")
# 15 significant digits but 13 decimals: refused, and the message names it as typed, not 1.23456789012345E+1.
b = Book(); b.set_number(I, "H5", "12.3456789012345"); b.save("indicator-with-13-decimals")
b = Book(); b.set_number(P, "H5", "1E+400"); b.save("numeric-cell-overflows")
# An office library inserting a row: it renumbered the <row> but not its cells, or wrote a cell twice.
b = Book(); b.replace(P, '<c r="G5" s="10"><v>2450</v></c>', '<c r="F5" s="10"><v>7777</v></c>'); b.save("duplicate-cell-address")
b = Book()
t = b.text(b.sheets[P])
t = re.sub(r'<row r="(\d+)"', lambda m: f'<row r="{int(m.group(1)) + 1}"' if int(m.group(1)) >= 8 else m.group(0), t)
b.put(b.sheets[P], t); b.save("rows-renumbered-but-not-their-cells")
# Styles: a style index that points nowhere, and no styles part at all.
b = Book(); b.set_number(I, "I4", "33", style="999"); b.save("style-index-points-nowhere")
b = Book()
b.remove("xl/styles.xml")
b.replace("xl/_rels/workbook.xml.rels", re.search(r'<Relationship Id="[^"]+" Type="[^"]+/styles" Target="styles.xml"/>',
                                                  b.text("xl/_rels/workbook.xml.rels")).group(0), "")
b.replace("[Content_Types].xml", re.search(r'<Override PartName="/xl/styles.xml"[^>]*/>', b.text("[Content_Types].xml")).group(0), "")
b.save("styles-part-missing")

# --- class 5: nothing typed is dropped without a word -----------------------------------------
b = Book(); b.set_text(ENV, "A14", "追記: 令和2年度に状況が変わった"); b.set_number(ENV, "D13", "5", style=""); b.save("content-below-the-end-marker")
b = Book(); b.set_text(P, "I5", "備考: 補助金あり", keep_style=False); b.set_text(P, "I3", "備考", keep_style=False); b.save("content-in-an-unused-column")
# 150 stray numbers down a column the layout does not use: the first 100 named cell by cell, the
# other 50 one warning with their range (a million stray cells were a million warnings).
b = Book()
for r in range(20, 170):
    b.set_number(P, f"J{r}", str(r), style="")
b.save("stray-cells-past-the-first-hundred")
b = Book(); b.set_text(I, "L8", "目標値", keep_style=False); b.set_text(E, "C12", "評価理由", keep_style=False); b.set_text(B, "B10", "以下余白", keep_style=False); b.save("template-text-typed-outside-the-layout")
b = Book()
wb = b.text("xl/workbook.xml")
b.put("xl/workbook.xml", wb.replace("</sheets>", '<sheet name="メモ" sheetId="99" r:id="rIdMemo"/></sheets>'))
b.replace("xl/_rels/workbook.xml.rels", "</Relationships>",
          f'<Relationship Id="rIdMemo" Type="{RT}worksheet" Target="worksheets/memo.xml"/></Relationships>')
b.replace("[Content_Types].xml", "</Types>", '<Override PartName="/xl/worksheets/memo.xml" '
          'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
b.put("xl/worksheets/memo.xml", f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><sheetData>'
      '<row r="2"><c r="B2" t="inlineStr"><is><t>課長確認済み</t></is></c><c r="C2"><v>3</v></c></row></sheetData></worksheet>')
b.save("extra-sheet-with-notes")
b = Book(); b.set_text(C, "B9", "現在の取り組み状況"); b.save("challenge-label-mistyped")
b = Book(); b.set_text(I, "B7", "名前"); b.save("indicator-name-label-mistyped")
b = Book(); b.set_text(B, "XFD1048576", "担当者", keep_style=False); b.set_text(P, "A1048576", "総事業費(施策の合計)", keep_style=False); b.save("cells-at-the-last-row-and-column")

# A text longer than one cell holds (32,767 UTF-16 units): refused at its cell, never cut.
b = Book(); b.set_text(B, "B8", "あ" * 32768); b.save("text-longer-than-a-cell")
# A code typed as a number: read back as its text, with a warning naming the cell.
b = Book(); b.set_number(B, "B4", "511", style=""); b.save("policy-code-typed-as-a-number")

# --- every problem of one workbook in one run -------------------------------------------------
b = Book()
b.set_text(B, "B4", "../x")                                  # a policy code that would leave -o
b.set_text(P, "C5", "はい")                                  # 実行計画 neither 対象 nor blank
b.set_text(P, "G6", "未定")                                  # text where an amount must be
b.set_xml(P, "H6", '<c r="H6" s="10"><f>F6*2</f></c>')       # a formula without its saved result
b.set_text(P, "D7", "一と二")                                # directions not numbers
b.set_text(I, "H5", "約33")                                  # an indicator value that is no number
b.set_text(I, "E6", "どちらでもない")                         # an unknown direction
b.save("several-cell-errors")

# --- text comes back exactly ------------------------------------------------------------------
b = Book()
b.set_xml(E, "C4", '<c r="C4"' + b.style(E, "C4") + ' t="inlineStr"><is><t xml:space="preserve">一行目_x000D_\n二行目 literal _x005F_x000D_ kept</t></is></c>')
b.set_xml(C, "C3", '<c r="C3"' + b.style(C, "C3") + ' t="inlineStr"><is><t>CR only_x000D_end</t></is></c>')
b.save("text-with-carriage-returns")
# A money column's heading mistyped (決算 → 決済): an error at the heading, not its year's amounts dropped.
b = Book(); b.set_text(P, "F4", "平成30年度決済"); b.save("money-header-mistyped")
# A year typed as a number over a money column's heading: an error at the heading too.
b = Book(); b.set_number(P, "G4", "2019"); b.save("money-header-a-number")
# A money column's heading deleted (the cell left blank, its style kept), its amounts below: an
# error at the heading, not the year's amounts dropped as unread cells.
b = Book(); b.set_xml(P, "G4", f'<c r="G4"{b.style(P, "G4")}/>'); b.save("money-header-deleted")
# An indicator year heading typed over with a number, or deleted between two years: an error at
# the heading, not that year's targets and actuals dropped as unread cells.
b = Book(); b.set_number(I, "H3", "2019"); b.save("indicator-year-heading-a-number")
b = Book(); b.set_xml(I, "H3", f'<c r="H3"{b.style(I, "H3")}/>'); b.save("indicator-year-heading-deleted")
# A note typed in the year heading row right of the last year: a cell the layout does not read.
b = Book(); b.set_text(I, "L3", "備考", keep_style=False); b.save("note-right-of-the-indicator-years")

# --- labels found however they are spelled ---------------------------------------------------
# Every text of the workbook in NFD (ド as ト + U+3099), as some Mac software saves: the labels are the
# template's labels; the values are kept exactly as stored.
import unicodedata
b = Book()
for part in b.order:
    if part.endswith(".xml"):
        b.put(part, unicodedata.normalize("NFD", b.text(part)))
b.save("every-text-in-nfd")
# One label beside two fields (まちづくりの基本目標: the goal's code and name) mistyped: one error, not two.
b = Book(); b.replace(B, "まちづくりの基本目標", "まちづくりの目標") if "まちづくりの基本目標" in b.text(b.sheets[B]) else b.replace("xl/sharedStrings.xml", ">まちづくりの基本目標<", ">まちづくりの目標<"); b.save("label-of-two-fields-mistyped")
print("import fault fixtures ->", out)
