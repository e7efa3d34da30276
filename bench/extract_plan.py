#!/usr/bin/env python3
"""Reads workbooks exported by evalsheet and records every cell, style, merge, validation, defined
name, width, height and print setting as a replay plan (JSON), so the Python peers write exactly the
same workbooks in the benchmark. Not timed.

usage: extract_plan.py OUT.json BOOK.xlsx...
"""
import json
import sys

import openpyxl


def style_of(c):
    f, a, b = c.font, c.alignment, c.border
    return {
        "font": [f.name, f.sz, bool(f.b), f.color.rgb if f.color is not None and isinstance(f.color.rgb, str) else None],
        "fill": c.fill.fgColor.rgb if c.fill.fill_type == "solid" else None,
        "border": b.left.style is not None,
        "align": [a.horizontal, a.vertical, bool(a.wrap_text)],
        "format": c.number_format,
        "locked": c.protection.locked,
    }


def plan(path):
    wb = openpyxl.load_workbook(path)
    styles, index = [], {}
    sheets = []
    for ws in wb.worksheets:
        cells = []
        for row in ws.iter_rows():
            for c in row:
                if c.value is None and not c.has_style:
                    continue
                st = json.dumps(style_of(c), sort_keys=True)
                if st not in index:
                    index[st] = len(styles)
                    styles.append(json.loads(st))
                v = c.value
                kind = "f" if c.data_type == "f" else ("n" if isinstance(v, (int, float)) else "s")
                cells.append([c.row - 1, c.column - 1, kind, v, index[st]])
        sheets.append({
            "name": ws.title, "hidden": ws.sheet_state != "visible", "cells": cells,
            "merges": [[r.min_row - 1, r.min_col - 1, r.max_row - 1, r.max_col - 1] for r in ws.merged_cells.ranges],
            "widths": {k: d.width for k, d in ws.column_dimensions.items() if d.width},
            "heights": {str(k - 1): d.height for k, d in ws.row_dimensions.items() if d.height},
            "validations": [{"type": dv.type, "formula1": dv.formula1, "formula2": dv.formula2,
                             "sqref": str(dv.sqref), "prompt": dv.prompt, "promptTitle": dv.promptTitle,
                             "error": dv.error, "errorTitle": dv.errorTitle} for dv in ws.data_validations.dataValidation],
            "landscape": ws.page_setup.orientation == "landscape",
            "header": ws.oddHeader.left.text or "", "footer": ws.oddFooter.right.text or "",
            "titleRows": ws.print_title_rows,
        })
    names = {n: dn.attr_text for n, dn in wb.defined_names.items()}
    props = {p.name: p.value for p in wb.custom_doc_props.props}
    return {"styles": styles, "sheets": sheets, "names": names, "props": props}


out = sys.argv[1]
json.dump([plan(p) for p in sys.argv[2:]], open(out, "w"), ensure_ascii=False)
print(f"plan of {len(sys.argv) - 2} workbooks -> {out}")
