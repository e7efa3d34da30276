#!/usr/bin/env python3
"""Reads an .xlsx with openpyxl (independently of libxlsxwriter) and prints JSON.

Usage: read_workbook.py FILE.xlsx

Exit status 2 with a message on stderr when openpyxl is missing, so the Swift tests fail loudly.
"""
import json
import sys
import zipfile
import xml.etree.ElementTree as ET

try:
    import openpyxl
    from openpyxl.utils import get_column_letter
except ImportError as error:  # pragma: no cover
    print(f"openpyxl is not installed for {sys.executable}: {error}", file=sys.stderr)
    sys.exit(2)


def color(value):
    if value is None:
        return None
    rgb = getattr(value, "rgb", None)
    if isinstance(rgb, str):
        return rgb[-6:].upper()
    return None


def side(s):
    if s is None or s.style is None:
        return None
    return {"style": s.style, "color": color(s.color)}


def cell_info(cell, cached):
    info = {
        "value": cell.value,
        "type": cell.data_type,
        "cached": cached,
        "numberFormat": cell.number_format,
        "font": {
            "name": cell.font.name,
            "size": cell.font.sz,
            "bold": bool(cell.font.b),
            "italic": bool(cell.font.i),
            "underline": cell.font.u,
            "color": color(cell.font.color),
        },
        "fill": color(cell.fill.fgColor) if cell.fill is not None and cell.fill.fill_type == "solid" else None,
        "border": {
            "top": side(cell.border.top),
            "bottom": side(cell.border.bottom),
            "left": side(cell.border.left),
            "right": side(cell.border.right),
        },
        "alignment": {
            "horizontal": cell.alignment.horizontal,
            "vertical": cell.alignment.vertical,
            "wrap": bool(cell.alignment.wrap_text),
            "shrink": bool(cell.alignment.shrink_to_fit),
            "indent": cell.alignment.indent,
        },
        "locked": cell.protection.locked,
        "formulaHidden": cell.protection.hidden,
    }
    if cell.hyperlink is not None:
        info["hyperlink"] = {
            "target": cell.hyperlink.target,
            "location": cell.hyperlink.location,
            "tooltip": cell.hyperlink.tooltip,
        }
    return info


def chart_text(title):
    if title is None or title.tx is None or title.tx.rich is None:
        return None
    parts = []
    for paragraph in title.tx.rich.p:
        for run in paragraph.r or []:
            parts.append(run.t)
    return "".join(parts)


def chart_info(chart):
    series = []
    for s in chart.series:
        series.append({
            "values": s.val.numRef.f if s.val is not None and s.val.numRef is not None else None,
            "categories": (s.cat.strRef.f if s.cat is not None and s.cat.strRef is not None
                           else (s.cat.numRef.f if s.cat is not None and s.cat.numRef is not None else None)),
            "name": (s.tx.strRef.f if s.tx is not None and s.tx.strRef is not None
                     else (s.tx.v if s.tx is not None else None)),
        })
    info = {
        "type": chart.tagname,
        "title": chart_text(chart.title),
        "series": series,
        "legend": chart.legend.position if chart.legend is not None else None,
        "barDir": getattr(chart, "barDir", None),
        "anchor": chart.anchor._from.col if hasattr(chart.anchor, "_from") else None,
        "anchorRow": chart.anchor._from.row if hasattr(chart.anchor, "_from") else None,
    }
    try:
        info["xAxisTitle"] = chart_text(chart.x_axis.title)
        info["yAxisTitle"] = chart_text(chart.y_axis.title)
    except AttributeError:
        pass
    return info


def sheet_info(ws, ws_cached):
    cells = {}
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is None and not cell.has_style and cell.hyperlink is None:
                continue
            cached = ws_cached[cell.coordinate].value
            cells[cell.coordinate] = cell_info(cell, cached)
    validations = []
    for dv in ws.data_validations.dataValidation:
        validations.append({
            "type": dv.type,
            "operator": dv.operator,
            "formula1": dv.formula1,
            "formula2": dv.formula2,
            "sqref": str(dv.sqref),
            "allowBlank": bool(dv.allow_blank),
            "showDropDown": bool(dv.showDropDown),  # True means the arrow is HIDDEN
            "showInputMessage": bool(dv.showInputMessage),
            "showErrorMessage": bool(dv.showErrorMessage),
            "promptTitle": dv.promptTitle,
            "prompt": dv.prompt,
            "errorTitle": dv.errorTitle,
            "error": dv.error,
            "errorStyle": dv.errorStyle,
        })
    p = ws.protection
    protection = {
        "sheet": bool(p.sheet),
        "password": p.password,
        "formatCells": bool(p.formatCells),
        "formatColumns": bool(p.formatColumns),
        "formatRows": bool(p.formatRows),
        "insertColumns": bool(p.insertColumns),
        "insertRows": bool(p.insertRows),
        "insertHyperlinks": bool(p.insertHyperlinks),
        "deleteColumns": bool(p.deleteColumns),
        "deleteRows": bool(p.deleteRows),
        "selectLockedCells": bool(p.selectLockedCells),
        "selectUnlockedCells": bool(p.selectUnlockedCells),
        "sort": bool(p.sort),
        "autoFilter": bool(p.autoFilter),
        "pivotTables": bool(p.pivotTables),
        "objects": bool(p.objects),
        "scenarios": bool(p.scenarios),
    }
    columns = {}
    for key, dim in ws.column_dimensions.items():
        if dim.customWidth or dim.hidden:
            for index in range(dim.min or 0, (dim.max or 0) + 1):
                if index == 0:
                    continue
                columns[get_column_letter(index)] = {"width": dim.width, "hidden": bool(dim.hidden)}
    rows = {}
    for key, dim in ws.row_dimensions.items():
        if dim.ht is not None or dim.hidden:
            rows[str(key)] = {"height": dim.ht, "hidden": bool(dim.hidden)}
    ps = ws.page_setup
    margins = ws.page_margins
    print_info = {
        "paperSize": int(ps.paperSize) if ps.paperSize is not None else None,
        "orientation": ps.orientation,
        "fitToWidth": int(ps.fitToWidth) if ps.fitToWidth is not None else None,
        "fitToHeight": int(ps.fitToHeight) if ps.fitToHeight is not None else None,
        "fitToPage": bool(ws.sheet_properties.pageSetUpPr.fitToPage) if ws.sheet_properties.pageSetUpPr else False,
        "scale": int(ps.scale) if ps.scale is not None else None,
        "titleRows": ws.print_title_rows,
        "printArea": ws.print_area,
        "margins": {"left": margins.left, "right": margins.right, "top": margins.top,
                    "bottom": margins.bottom, "header": margins.header, "footer": margins.footer},
        "header": ws.oddHeader.left.text or ws.oddHeader.center.text or ws.oddHeader.right.text,
        "headerParts": [ws.oddHeader.left.text, ws.oddHeader.center.text, ws.oddHeader.right.text],
        "footerParts": [ws.oddFooter.left.text, ws.oddFooter.center.text, ws.oddFooter.right.text],
        "horizontalCentered": bool(ws.print_options.horizontalCentered),
        "verticalCentered": bool(ws.print_options.verticalCentered),
    }
    view = ws.sheet_view
    return {
        "name": ws.title,
        "state": ws.sheet_state,
        "cells": cells,
        "merges": sorted(str(r) for r in ws.merged_cells.ranges),
        "validations": validations,
        "protection": protection,
        "columns": columns,
        "rows": rows,
        "print": print_info,
        "freezePanes": ws.freeze_panes,
        "autoFilter": ws.auto_filter.ref,
        "zoom": view.zoomScale,
        "showGridLines": view.showGridLines,
        "tabColor": color(ws.sheet_properties.tabColor),
        "charts": [chart_info(c) for c in ws._charts],
    }


def main():
    path = sys.argv[1]
    wb = openpyxl.load_workbook(path)
    wb_cached = openpyxl.load_workbook(path, data_only=True)
    names = []
    for name, dn in wb.defined_names.items():
        names.append({"name": name, "value": dn.attr_text, "scope": None})
    for ws in wb.worksheets:
        for name, dn in ws.defined_names.items():
            names.append({"name": name, "value": dn.attr_text, "scope": ws.title})
    custom = {}
    for prop in wb.custom_doc_props.props:
        custom[prop.name] = {"value": prop.value, "kind": type(prop).__name__}
    props = wb.properties
    app = {}
    with zipfile.ZipFile(path) as archive:
        parts = archive.namelist()
        if "docProps/app.xml" in parts:
            for element in ET.fromstring(archive.read("docProps/app.xml")):
                tag = element.tag.split("}")[-1]
                if tag in ("Company", "Manager"):
                    app[tag] = element.text
        # Every XML part must parse: a cut UTF-8 sequence or a raw control character fails here.
        for part in parts:
            if part.endswith(".xml") or part.endswith(".rels"):
                ET.fromstring(archive.read(part))
    result = {
        "sheets": [sheet_info(ws, wb_cached[ws.title]) for ws in wb.worksheets],
        "sheetNames": wb.sheetnames,
        "active": wb.active.title if wb.active is not None else None,
        "definedNames": names,
        "customProperties": custom,
        "properties": {
            "title": props.title, "subject": props.subject, "creator": props.creator,
            "keywords": props.keywords, "description": props.description, "category": props.category,
            "created": props.created.isoformat() if props.created else None,
            "company": app.get("Company"), "manager": app.get("Manager"),
        },
        "parts": parts,
    }
    json.dump(result, sys.stdout, ensure_ascii=False, default=str)


if __name__ == "__main__":
    main()
