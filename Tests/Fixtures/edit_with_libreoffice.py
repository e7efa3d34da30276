#!/usr/bin/python3
"""Edits exported workbooks the way a department does, through LibreOffice itself (the UNO API of
a headless soffice): rows inserted and deleted by the spreadsheet program (which moves merges,
formulas and defined names as Excel does), values changed, numbers typed as text, sheets reordered
and renamed. Each result is saved as .xlsx by LibreOffice and named after the edit.

Run with Debian's python3 (python3-uno):  /usr/bin/python3 edit_with_libreoffice.py EXPORTED_DIR OUT_DIR
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from libreoffice_uno import office, prop  # noqa: E402
import uno  # noqa: E402
from com.sun.star.table.CellContentType import TEXT  # noqa: E402,F401  (documents the API used)

src, out = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
os.makedirs(out, exist_ok=True)
_session = office()
desktop = _session.__enter__()


def edit(code, name, change):
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(f"{src}/{code}.xlsx"), "_blank", 0,
                                       (prop("Hidden", True),))
    sheets = doc.Sheets
    for i in range(sheets.Count):           # unprotect, as a user with the (empty) password would
        sheets.getByIndex(i).unprotect("")
    change(doc, sheets)
    doc.calculateAll()
    doc.storeToURL(uno.systemPathToFileUrl(f"{out}/{name}.xlsx"), (prop("FilterName", "Calc MS Excel 2007 XML"),))
    doc.close(True)
    print("wrote", name)


def cell(sheets, sheet, a1):
    return sheets.getByName(sheet).getCellRangeByName(a1)


def insert_project(doc, sheets):
    s = sheets.getByName("3 構成事業")
    s.Rows.insertByIndex(7, 1)               # before the 4th project (row 8): the SUM ranges grow
    for col, v in zip("ABCDE", ["0102019999", "テスト事業", "対象", "1", "企画課"]):
        cell(sheets, "3 構成事業", f"{col}8").String = v
    cell(sheets, "3 構成事業", "F8").Value = 100
    cell(sheets, "3 構成事業", "H8").Value = 300


def change_amount(doc, sheets):
    cell(sheets, "3 構成事業", "F5").Value = 2460


def delete_project(doc, sheets):
    sheets.getByName("3 構成事業").Rows.removeByIndex(5, 1)   # the 2nd project (row 6)


def change_rating(doc, sheets):
    cell(sheets, "5 評価", "B5").String = "順調"


def add_challenge(doc, sheets):
    s = sheets.getByName("7 課題")
    s.Rows.insertByIndex(14, 4)              # before the end marker (row 15): a 4th challenge
    values = [("A15", "④"), ("B15", "施策を進める上での課題"), ("C15", "新しい課題を追加した。"),
              ("B16", "関連する事務事業名"), ("C16", "市民まつり事業"), ("D16", "学校支援本部事業"),
              ("B17", "現在の取組状況"), ("C17", "検討中である。"),
              ("B18", "令和3年度以降の取組"), ("C18", "具体的な方法を検討する。")]
    for a1, v in values:
        cell(sheets, "7 課題", a1).String = v


def numbers_as_text(doc, sheets):
    cell(sheets, "3 構成事業", "G5").String = "1,234"        # money typed as text
    cell(sheets, "4 まちづくり指標", "I4").String = "３３．５"   # full-width digits, as text


def reorder_sheets(doc, sheets):
    sheets.moveByName("7 課題", 0)
    sheets.moveByName("5 評価", 1)
    sheets.getByName("3 構成事業").Name = "構成事業(修正版)"


def text_in_amount(doc, sheets):
    cell(sheets, "3 構成事業", "G6").String = "未定"


edit("511", "inserted-project-row", insert_project)
edit("511", "changed-amount", change_amount)
edit("511", "deleted-project-row", delete_project)
edit("511", "changed-rating", change_rating)
edit("511", "added-challenge", add_challenge)
edit("511", "numbers-typed-as-text", numbers_as_text)
edit("532", "sheets-reordered-and-renamed", reorder_sheets)
edit("511", "text-in-amount-cell", text_in_amount)
_session.__exit__(None, None, None)
