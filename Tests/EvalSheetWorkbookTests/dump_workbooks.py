#!/usr/bin/env python3
"""Reads exported workbooks with two independent readers (openpyxl and python-calamine) and prints
what a user's software sees, as JSON, for the Swift tests to compare with the model.

usage: dump_workbooks.py BOOK.xlsx...
"""
import json
import sys

import openpyxl
from python_calamine import CalamineWorkbook


def plain(v):
    if isinstance(v, float) and v.is_integer():
        return v
    return v if isinstance(v, (str, int, float, bool, type(None))) else str(v)


def dump(path):
    wb = openpyxl.load_workbook(path)                    # formulas
    values = openpyxl.load_workbook(path, data_only=True)  # cached results
    cal = CalamineWorkbook.from_path(path)
    out = {"sheets": wb.sheetnames, "states": {ws.title: ws.sheet_state for ws in wb.worksheets},
           "names": {}, "props": {}, "validations": {}, "protection": {}, "print": {}, "calamine": {},
           "merges": {}}
    for name, dn in wb.defined_names.items():
        sheet, ref = list(dn.destinations)[0]
        ws, wsf = values[sheet], wb[sheet]
        cells = ws[ref]
        entry = {"sheet": sheet, "ref": ref.replace("$", "")}
        if isinstance(cells, tuple):
            entry["rows"] = [[plain(c.value) for c in row] for row in cells]
            entry["formulas"] = [[wsf[c.coordinate].value if wsf[c.coordinate].data_type == "f" else None
                                  for c in row] for row in cells]
            entry["formats"] = [[c.number_format for c in row] for row in cells]
            entry["lockedCells"] = [[c.protection.locked for c in row] for row in cells]
        else:
            entry.update(value=plain(cells.value), format=cells.number_format, locked=cells.protection.locked,
                         type=cells.data_type)
        out["names"][name] = entry
    for p in wb.custom_doc_props.props:
        out["props"][p.name] = plain(p.value)
    for ws in wb.worksheets:
        out["validations"][ws.title] = [
            {"type": dv.type, "formula1": dv.formula1, "sqref": str(dv.sqref), "prompt": dv.prompt}
            for dv in ws.data_validations.dataValidation]
        prot = ws.protection
        out["protection"][ws.title] = {"sheet": bool(prot.sheet), "insertRows": not prot.insertRows,
                                       "deleteRows": not prot.deleteRows, "password": prot.password}
        ps = ws.page_setup
        out["print"][ws.title] = {"paperSize": ps.paperSize, "orientation": ps.orientation,
                                  "fitToWidth": ps.fitToWidth, "fitToHeight": ps.fitToHeight,
                                  "fitToPage": ws.sheet_properties.pageSetUpPr.fitToPage
                                  if ws.sheet_properties.pageSetUpPr else None,
                                  "titleRows": ws.print_title_rows, "header": ws.oddHeader.left.text,
                                  "footer": ws.oddFooter.right.text}
        out["merges"][ws.title] = sorted(str(r) for r in ws.merged_cells.ranges)
        out["calamine"][ws.title] = [[plain(v) for v in row] for row in cal.get_sheet_by_name(ws.title).to_python()]
        fonts = {c.font.name for row in ws.iter_rows() for c in row if c.value is not None}
        out.setdefault("fonts", {})[ws.title] = sorted(f for f in fonts if f)
    return out


print(json.dumps({p: dump(p) for p in sys.argv[1:]}, ensure_ascii=False))
