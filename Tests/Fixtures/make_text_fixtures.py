#!/usr/bin/env python3
"""Makes the malformed text-form fixtures in Tests/Fixtures/text-malformed/: the first group from
samples/kiyose-2019/511.txt, the second from the whole real year (kiyose-2019.txt).

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

# ---------------------------------------------------------------------------------------------
# The real year (samples/kiyose-2019/kiyose-2019.txt) with one thing broken, for the tests of
# Tests/EvalSheetTextTests/FaultFixtureTests.swift: each file is named after its fault, and the test
# asserts the exact line, whether it is an error or a warning, and that every other value of the
# nine models is unchanged. Line numbers below are the year file's (511 is lines 3–80).
year = (root / "samples/kiyose-2019/kiyose-2019.txt").read_text(encoding="utf-8").split("\n")


def year_edit(*edits):
    """Apply edits to a copy of the year: ("replace", n, old, new) replaces the only `old` on
    1-based line n; ("insert", n, text) puts a new line n (the old line n moves down);
    ("delete", n) removes line n. Edits apply in order, to the numbering left by the previous one."""
    copy = list(year)
    for e in edits:
        if e[0] == "replace":
            _, n, old, new = e
            assert copy[n - 1].count(old) == 1, (n, old, copy[n - 1])
            copy[n - 1] = copy[n - 1].replace(old, new)
        elif e[0] == "insert":
            _, n, text = e
            copy.insert(n - 1, text)
        elif e[0] == "delete":
            del copy[e[1] - 1]
        else:
            raise ValueError(e)
    return "\n".join(copy)


def line(n):
    return year[n - 1]


# Class 3: one value never silently replaces another.
write("second-person-line.txt", year_edit(("insert", 12, "担当者\t山田 太郎\t\t役職\t企画課長\t\t内線\t211")))
write("second-policy-code-line.txt", year_edit(("insert", 8, "施策コード\t512\t\t施策名\t協働によるまちづくりの推進\t\t\t")))
write("indicator-name-label-mistyped.txt", year_edit(("replace", 39, "\t名称\t", "\t名前\t")))
write("challenge-label-misspelled.txt", year_edit(("replace", 72, "施策を進める上での課題", "施策を進める上の課題")))
write("money-header-misspelled.txt", year_edit(("replace", 24, "令和元年度決算", "令和元年度実績")))
write("basic-information-label-mistyped.txt", year_edit(("replace", 10, "\t担当課\t", "\t担当家\t")))
write("vision-line-twice.txt", year_edit(("insert", 17, line(16))))
write("indicator-description-row-twice.txt", year_edit(("insert", 38, line(37).replace("32.2(※)", "33.3(※)"))))
write("related-projects-line-twice.txt", year_edit(("insert", 70, "\t関連する事務事業名\t市民まつり事業\t\t")))
write("rating-row-twice.txt", year_edit(("insert", 49, line(48).replace(" 維持\t", " 順調\t"))))
write("section-heading-twice.txt", year_edit(("insert", 21, "3. 構成事業の状況")))
write("totals-row-twice.txt", year_edit(("insert", 32, line(31).replace("95,024", "95,025"))))
write("project-after-totals-row.txt", year_edit(("insert", 32, line(30)), ("delete", 30)))
write("challenge-numbers-differ.txt", year_edit(("replace", 144, "② 関連する", "③ 関連する")))
write("future-actions-year-differs.txt", year_edit(("replace", 75, "令和3年度以降の取組", "令和4年度以降の取組")))
write("indicator-row-missing.txt", year_edit(("delete", 41)))
write("challenge-part-missing.txt", year_edit(("delete", 69)))
write("amount-unit-not-thousand-yen.txt", year_edit(("replace", 22, "(単位:千円)", "(単位:円)")))
# Arithmetic never traps, and amounts keep to the one bound (Amount.maximum).
write("amount-beyond-bound.txt", year_edit(("replace", 25, "\t2,450\t2,450", "\t1,000,000,000,000\t2,450")))
write("total-beyond-int-max.txt", year_edit(("replace", 31, "95,024", "99999999999999999999")))
write("indicator-number-too-long.txt", year_edit(("replace", 36, "\t33.0\t", "\t1234567890123456\t")))
# All problems of one sheet in one run.
write("many-problems-in-one-sheet.txt", year_edit(
    ("replace", 26, "\t6,603", "\t6,6O3"), ("replace", 27, "\t対象\t2\t", "\t対象\t二\t"),
    ("replace", 37, "32.2(※)", "32.2(*)"), ("replace", 57, "3. 施策の必要性を高める", "必要性が高まる")))
# One bad sheet does not stop the others (532, in the middle of the file).
write("bad-sheet-in-the-middle.txt", year_edit(("replace", 502, "令和2年度予算", "令和2年度予定")))
# Invariants of the model, reported at their lines: data never becomes a path; text fits a cell.
write("policy-code-with-path.txt", year_edit(("replace", 7, "\t511\t", "\t../../x\t")))
write("reason-too-long.txt", year_edit(("replace", 48, "地域コミュニティの活性化に向けて、", "a" * 32_767)))
# 30,000 combining marks of two classes in a row: every comparison of the name would take seconds.
write("combining-marks-run.txt", year_edit(("replace", 25, "市民まつり事業", "x" + "\u0301\u0323" * 15_000)))
# Kept as typed, for validation to report (exit 1, not 2).
write("rating-not-in-list.txt", year_edit(("replace", 48, " 維持\t", " 良好\t")))
write("rating-blank.txt", year_edit(("replace", 48, " 維持\t", "\t")))
write("project-code-wrong-length.txt", year_edit(("replace", 25, "0102010806", "010201080")))
write("assessment-code-4.txt", year_edit(("replace", 57, "3. 施策の必要性を高める", "4. 施策の必要性を高める")))
# Warnings: accepted, and the line named.
write("stray-note-beside-factor.txt", year_edit(("replace", 57, line(57), line(57) + "\t要確認")))
write("criterion-reworded.txt", year_edit(("replace", 48, "投入財源・成果(「3. 構成事業の状況」「4. まちづくり指標」)に対する評価", "投入財源と成果に対する評価")))
write("heading-with-extra-words.txt", year_edit(("replace", 20, "3. 構成事業の状況", "3. 構成事業の状況(令和元年度)")))
write("extra-cell-on-evaluation-header.txt", year_edit(("replace", 47, "評価理由", "評価理由\t備考")))
print("wrote", len(list(out.iterdir())), "fixtures to", out)
