#!/usr/bin/env python3
"""Makes a synthetic year of COUNT policies: the real ones (JSON from `evalsheet import`) repeated
with new policy codes (<real code><4-digit serial>), one JSON file per policy.

usage: make_synthetic_year.py REAL_JSON_DIR COUNT OUTDIR
"""
import json
import os
import sys

src, count, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
real = [json.load(open(os.path.join(src, f))) for f in sorted(os.listdir(src)) if f.endswith(".json")]
os.makedirs(out, exist_ok=True)
for n in range(count):
    sheet = json.loads(json.dumps(real[n % len(real)]))
    sheet["policy"]["code"] = f'{sheet["policy"]["code"]}{n:04d}'
    with open(os.path.join(out, sheet["policy"]["code"] + ".json"), "w") as f:
        json.dump(sheet, f, ensure_ascii=False, indent=1, sort_keys=True)
print(f"{count} policies -> {out}")
