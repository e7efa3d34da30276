#!/usr/bin/env python3
"""Makes one large text-form year file: the sheets of the real year (samples/kiyose-2019) repeated
with new policy codes (<real code><serial>) until the file holds COUNT policies, or until it reaches
MEGABYTES when COUNT is given as e.g. `20MB`. Only the 施策コード cell changes; every other line is the
real one, so the reader meets the real data's layout variants.

usage: make_synthetic_text_year.py REAL_YEAR.txt COUNT|<n>MB OUT.txt
"""
import sys

src, size, out = sys.argv[1], sys.argv[2], sys.argv[3]
text = open(src, encoding="utf-8").read()
lines = text.split("\n")
heading = "1. 基本情報"
starts = [i for i, l in enumerate(lines) if l.split("\t")[0].strip() == heading]
sheets = [lines[a:b] for a, b in zip(starts, starts[1:] + [len(lines)])]
code_row = "施策コード"

if size.upper().endswith("MB"):
    limit_bytes, count = float(size[:-2]) * 1_000_000, None
else:
    limit_bytes, count = None, int(size)

width = 5 if (count or 0) >= 10_000 or limit_bytes and limit_bytes > 80_000_000 else 4
written = n = 0
with open(out, "w", encoding="utf-8", newline="\n") as f:
    while (count is not None and n < count) or (limit_bytes is not None and written < limit_bytes):
        sheet = list(sheets[n % len(sheets)])
        for k, l in enumerate(sheet):
            cells = l.split("\t")
            if cells[0].strip() == code_row:
                cells[1] = f"{cells[1].strip()}{n:0{width}d}"
                sheet[k] = "\t".join(cells)
                break
        chunk = "\n".join(sheet) + "\n"
        f.write(chunk)
        written += len(chunk.encode("utf-8"))
        n += 1
print(f"{n} policies, {written / 1e6:.1f} MB -> {out}")
