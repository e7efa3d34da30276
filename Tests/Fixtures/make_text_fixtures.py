#!/usr/bin/env python3
"""Makes the malformed text-form fixtures in Tests/Fixtures/text-malformed/ from samples/kiyose-2019/511.txt.

Each file is named after the one thing that is wrong with it; the Swift tests assert the error's line.
Run from the repository root: python3 Tests/Fixtures/make_text_fixtures.py
"""
import pathlib

root = pathlib.Path(__file__).resolve().parents[2]
out = root / "Tests/Fixtures/text-malformed"
out.mkdir(parents=True, exist_ok=True)
base = (root / "samples/kiyose-2019/511.txt").read_text(encoding="utf-8")
lines = base.split("\n")


def replace_on_line(n, old, new):
    """Replace `old` by `new` on 1-based line n (which must contain it)."""
    copy = list(lines)
    assert old in copy[n - 1], (n, old, copy[n - 1])
    copy[n - 1] = copy[n - 1].replace(old, new, 1)
    return "\n".join(copy)


def without_lines(first, last):
    """Drop 1-based lines first..last."""
    return "\n".join(lines[: first - 1] + lines[last:])


def write(name, text, encoding="utf-8"):
    (out / name).write_bytes(text.encode(encoding) if isinstance(text, str) else text)


write("empty-file.txt", b"")
write("only-blank-lines.txt", "\n\n  \n\t\n")
utf8 = base.encode("utf-8").split(b"\n")
utf8[4] = utf8[4][:6] + b"\xff\xfe" + utf8[4][6:]
write("invalid-utf8-on-line-5.txt", b"\n".join(utf8))
write("shift-jis-encoded.txt", base.encode("cp932", errors="replace"))
write("not-an-evaluation-sheet.txt", "code,name,amount\n511,地域コミュニティ,95024\n")
# §4 (lines 31–42) removed: §5 follows §3.
write("missing-section-4.txt", without_lines(31, 42))
write("amount-not-a-number.txt", replace_on_line(25, "90,000", "9O,000"))
write("amount-with-decimals.txt", replace_on_line(23, "2,450\t2,450", "2,450.5\t2,450"))
write("direction-not-a-number.txt", replace_on_line(24, "\t1,2\t", "\t一\t"))
write("indicator-value-not-a-number.txt", replace_on_line(34, "33.0", "三十三"))
write("rating-missing.txt", replace_on_line(46, "総合的に評価) 維持", "総合的に評価)"))
write("assessment-unreadable.txt", replace_on_line(55, "3. 施策の必要性を高める", "必要性が高まる"))
write("fiscal-year-unreadable.txt", replace_on_line(3, "令和元 年度", "来年度"))
write("totals-row-missing.txt", without_lines(29, 29))
write("truncated-before-section-7.txt", "\n".join(lines[:63]))
write("project-header-missing.txt", without_lines(22, 22))
print("wrote", len(list(out.iterdir())), "fixtures to", out)
