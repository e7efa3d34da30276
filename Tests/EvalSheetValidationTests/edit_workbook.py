#!/usr/bin/env python3
"""Applies cell edits to exported workbooks with openpyxl, for the validation tests.

usage: edit_workbook.py SPEC.json   where SPEC is [{"src": …, "out": …, "edits": [["Sheet", "A1", value], …]}, …]
A value of null clears the cell. Cached formula results are dropped by openpyxl, as in real use.
"""
import json
import sys

import openpyxl

for job in json.load(open(sys.argv[1])):
    wb = openpyxl.load_workbook(job["src"])
    for sheet, cell, value in job["edits"]:
        wb[sheet][cell].value = value
    wb.save(job["out"])
