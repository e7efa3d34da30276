#!/usr/bin/env python3
"""Makes the broken JSON fixtures in Tests/Fixtures/json-malformed/ from the real year.

Each file is named after the one thing that is wrong with it; the Swift tests assert the place
(`file#/pointer`) of the error and that nothing is written for it. The base is the JSON the tool
itself writes for samples/kiyose-2019 (run `swift build` first).
Run from the repository root: python3 Tests/Fixtures/make_json_fixtures.py
"""
import json, pathlib, subprocess, tempfile

root = pathlib.Path(__file__).resolve().parents[2]
out = root / "Tests/Fixtures/json-malformed"
out.mkdir(parents=True, exist_ok=True)
with tempfile.TemporaryDirectory() as tmp:
    subprocess.run([str(root / ".build/debug/evalsheet"), "import", str(root / "samples/kiyose-2019/kiyose-2019.txt"),
                    "-o", tmp, "-q"], check=True)
    year = [json.loads((pathlib.Path(tmp) / f"{c}.json").read_text(encoding="utf-8"))
            for c in ["511", "512", "513", "521", "522", "531", "532", "533", "541"]]


def write(name, value):
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, indent=2)
    (out / name).write_text(text + ("" if text.endswith("\n") else "\n"), encoding="utf-8")


def sheet(code="511"):
    return json.loads(json.dumps(next(s for s in year if s["policy"]["code"] == code)))


# Policy codes that would name a file outside -o, a hidden file, or no file at all.
for name, code in [("policy-code-parent-directory", "../../escaped"), ("policy-code-absolute-path", "/tmp/escaped"),
                   ("policy-code-nul", "511\u0000x"), ("policy-code-newline", "511\nx"),
                   ("policy-code-leading-dot", ".511"), ("policy-code-empty", ""), ("policy-code-space", "5 11")]:
    s = sheet()
    s["policy"]["code"] = code
    write(f"{name}.json", s)

# Amounts no sum can hold, and one just past the shared bound (999,999,999,999 千円).
s = sheet("532")
s["projects"]["rows"][0]["amounts"][0] = 9223372036854775000
s["projects"]["rows"][1]["amounts"][0] = 9223372036854775000
write("amount-near-int-max.json", s)
s = sheet()
s["projects"]["rows"][0]["amounts"][1] = 1_000_000_000_000
write("amount-over-the-bound.json", s)
s = sheet()
s["fiscalYear"] = 9223372036854775807
write("fiscal-year-int-max.json", s)

# What JSONSerialization lets through silently.
text = json.dumps(sheet(), ensure_ascii=False, indent=2)
write("duplicate-key-policy-code.json", text.replace('"code": "511",', '"code": "511",\n    "code": "999",', 1))
write("number-beyond-a-double.json", text.replace('"fiscalYear": 2019', '"fiscalYear": 1e400', 1))
write("nesting-too-deep.json", '{"schemaVersion": 1, "futureVision": ' + "[" * 10000 + "]" * 10000 + "}")
write("empty-array.json", "[]")

# A year in one file with one bad sheet (the 3rd): the other eight are still read.
bad = json.loads(json.dumps(year))
bad[2]["futureVision"] = 7
bad[2]["projects"]["rows"][0]["amounts"][0] = "many"
write("year-with-one-bad-sheet.json", bad)
