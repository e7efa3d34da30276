#!/usr/bin/env python3
"""Benchmark peer: writes the same workbooks as `evalsheet export` with Python XlsxWriter, replaying
the plan made by extract_plan.py (same cells, formats, merges, validations, names, print setup).

usage: write_xlsxwriter.py PLAN.json COUNT OUTDIR
"""
import json
import os
import sys

import xlsxwriter

plans = json.load(open(sys.argv[1]))
count, outdir = int(sys.argv[2]), sys.argv[3]
os.makedirs(outdir, exist_ok=True)


def fmt_props(s):
    p = {"font_name": s["font"][0], "font_size": s["font"][1], "bold": s["font"][2],
         "num_format": s["format"], "locked": s["locked"], "text_wrap": s["align"][2]}
    if s["font"][3]:
        p["font_color"] = "#" + s["font"][3][-6:]
    if s["fill"]:
        p["bg_color"] = "#" + s["fill"][-6:]
    if s["border"]:
        p["border"] = 1
    if s["align"][0]:
        p["align"] = s["align"][0]
    if s["align"][1]:
        p["valign"] = {"center": "vcenter"}.get(s["align"][1], s["align"][1])
    return p


for n in range(count):
    plan = plans[n % len(plans)]
    code = f"{n:04d}"
    wb = xlsxwriter.Workbook(os.path.join(outdir, f"P{code}.xlsx"))
    formats = [wb.add_format(fmt_props(s)) for s in plan["styles"]]
    for sh in plan["sheets"]:
        ws = wb.add_worksheet(sh["name"])
        merged = {}
        for r0, c0, r1, c1 in sh["merges"]:
            merged[(r0, c0)] = (r1, c1)
        for col, w in sh["widths"].items():
            c = xlsxwriter.utility.xl_cell_to_rowcol(col + "1")[1]
            ws.set_column(c, c, w)
        for r, h in sh["heights"].items():
            ws.set_row(int(r), h)
        values = {}
        for r, c, kind, v, st in sh["cells"]:
            values[(r, c)] = (kind, v, st)
        for (r, c), (kind, v, st) in values.items():
            f = formats[st]
            if (r, c) in merged:
                r1, c1 = merged[(r, c)]
                ws.merge_range(r, c, r1, c1, v if v is not None else "", f)
            elif kind == "f":
                ws.write_formula(r, c, v, f, 0)
            elif kind == "n":
                ws.write_number(r, c, v, f)
            elif v is None:
                ws.write_blank(r, c, None, f)
            else:
                ws.write_string(r, c, v, f)
        for dv in sh["validations"]:
            opts = {"validate": {"whole": "integer", None: "any"}.get(dv["type"], dv["type"])}
            if dv["type"] == "list":
                opts["source"] = dv["formula1"].strip('"').split(",") if dv["formula1"].startswith('"') else dv["formula1"]
            elif dv["type"] == "whole":
                opts.update(criteria="between", minimum=int(dv["formula1"]), maximum=int(dv["formula2"]))
            if dv["prompt"]:
                opts["input_message"] = dv["prompt"]
            if dv["promptTitle"]:
                opts["input_title"] = dv["promptTitle"]
            for rng in dv["sqref"].split():
                ws.data_validation(rng, opts)
        if sh["hidden"]:
            ws.hide()
        ws.set_paper(9)
        ws.fit_to_pages(1, 0)
        if sh["landscape"]:
            ws.set_landscape()
        ws.set_header("&L" + sh["header"])
        ws.set_footer("&R" + sh["footer"])
        ws.protect("", {"insert_rows": True, "delete_rows": True, "format_columns": True, "format_rows": True})
    for name, ref in plan["names"].items():
        wb.define_name(name, "=" + ref)
    for k, v in plan["props"].items():
        wb.set_custom_property(k, v)
    wb.close()
