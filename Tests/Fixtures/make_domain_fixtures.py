#!/usr/bin/env python3
"""Workbooks that are valid .xlsx files but not usable evaluation sheets, each named after what is
wrong: the importer must name the file and the sheet or cell, and exit non-zero.

usage: make_domain_fixtures.py EXPORTED_DIR OUT_DIR
"""
import os
import sys

import openpyxl

src, out = sys.argv[1], sys.argv[2]


def load(code="511"):
    return openpyxl.load_workbook(os.path.join(src, f"{code}.xlsx"))


wb = load()
del wb["4 まちづくり指標"]
wb.save(os.path.join(out, "missing-section-sheet.xlsx"))

other = openpyxl.Workbook()
other.active.title = "予算要求書"
other.active.append(["事業名", "要求額"])
other.active.append(["道路補修", 1200])
other.save(os.path.join(out, "workbook-of-another-form.xlsx"))

wb = load()
wb["3 構成事業"]["F6"] = True                      # a boolean where an amount belongs
wb.save(os.path.join(out, "boolean-in-amount-cell.xlsx"))

wb = load()
wb["3 構成事業"]["G5"] = "=F5*2"                  # openpyxl saves no cached result
wb.save(os.path.join(out, "formula-without-cached-value.xlsx"))

wb = load()
wb["3 構成事業"]["F5"] = -5
wb.save(os.path.join(out, "negative-amount.xlsx"))

wb = load()
wb["3 構成事業"]["F5"] = 12.5
wb.save(os.path.join(out, "fractional-amount.xlsx"))

wb = load()
wb["4 まちづくり指標"]["I4"] = "約33"
wb.save(os.path.join(out, "text-in-indicator-value.xlsx"))

wb = load()
wb["3 構成事業"]["D6"] = "一と二"
wb.save(os.path.join(out, "directions-not-numbers.xlsx"))

wb = load()
wb["1 基本情報"]["B3"] = "来年度"
wb.save(os.path.join(out, "fiscal-year-unreadable.xlsx"))

wb = load()
ws = wb["3 構成事業"]
for row in ws.iter_rows():
    for c in row:
        if c.value == "総事業費(施策の合計)":
            c.value = None
wb.save(os.path.join(out, "totals-row-removed.xlsx"))

wb = load()
wb["4 まちづくり指標"]["E6"] = "どちらでもない"
wb.save(os.path.join(out, "unknown-indicator-direction.xlsx"))

wb = load()
wb["6 施策を取り巻く環境"]["C4"] = "とても有利"
wb.save(os.path.join(out, "assessment-not-from-the-list.xlsx"))
wb = load()
# 30,000 combining marks of two classes after one letter: Swift's normalizer sorts such a run in
# time that grows with its square, so every comparison of the name took seconds.
wb["3 構成事業"]["B5"] = "x" + "\u0301\u0323" * 15000
wb.save(os.path.join(out, "combining-marks-run.xlsx"))
print("domain fixtures ->", out)
