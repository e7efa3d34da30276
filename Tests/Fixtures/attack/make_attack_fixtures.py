#!/usr/bin/env python3
"""Reproduction inputs for the defects found attacking issue 9 (see repro.sh). Each file is named
after its fault and derived from the real FY2019 year (samples/kiyose-2019) or from a workbook the
built binary exports from it. Run from this directory: python3 make_attack_fixtures.py BIN"""
import json, os, re, subprocess, sys, tempfile, zipfile

BIN = sys.argv[1] if len(sys.argv) > 1 else '../../../.build/debug/evalsheet'
HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = os.path.join(HERE, '../../../samples/kiyose-2019')
os.chdir(HERE)
t511 = open(f'{SAMPLES}/511.txt', encoding='utf-8').read()

def text(name, old, new):
    assert old in t511, name
    open(name, 'w', encoding='utf-8').write(t511.replace(old, new, 1))

# 1. policy codes that are valid syntax but collide with batch's own outputs
text('policy-code-named-index.txt', '施策コード\t511\t', '施策コード\tindex\t')
text('policy-code-named-findings.txt', '施策コード\t511\t', '施策コード\tfindings\t')
# 3. a repeated indicator year header is taken silently; a blank 単位 label moves the unit
text('indicator-year-header-repeated.txt', '令和4年度\t令和7年度', '令和4年度\t令和4年度')
text('indicator-unit-label-blank.txt', '\t説明\t単位\t%\t実績値', '\t説明\t\t%\t実績値')
# -0 and 001 normalised silently
text('indicator-target-minus-zero.txt', '33.0\t35.0\t40.0', '-0\t35.0\t40.0')
text('indicator-target-leading-zeros.txt', '33.0\t35.0\t40.0', '001\t35.0\t40.0')

# JSON whose texts the text form cannot hold
with tempfile.TemporaryDirectory() as d:
    subprocess.run([BIN, 'import', f'{SAMPLES}/511.txt', '-o', d, '--quiet'], check=True)
    base = json.load(open(f'{d}/511.json'))
for name, value in [('text-with-tab.json', 'a\tb'), ('text-with-newline.json', 'a\nb\r\nc'),
                    ('text-with-outer-spaces.json', '  lead and trail  ')]:
    j = json.loads(json.dumps(base)); j['evaluation']['reason'] = value
    json.dump(j, open(name, 'w'), ensure_ascii=False, indent=1)

# workbooks: exported by the binary, then one part edited
with tempfile.TemporaryDirectory() as d:
    subprocess.run([BIN, 'export', f'{SAMPLES}/511.txt', '-o', d, '--quiet'], check=True)
    src = f'{d}/511.xlsx'
    def patch(name, edits):
        zin = zipfile.ZipFile(src); z = zipfile.ZipFile(name, 'w', zipfile.ZIP_DEFLATED)
        for info in zin.infolist():
            data = zin.read(info.filename)
            for part, old, new in edits:
                if info.filename == part:
                    s = data.decode(); assert old in s, (name, old); data = s.replace(old, new, 1).encode()
            z.writestr(info, data)
        z.close()
    s3 = 'xl/worksheets/sheet3.xml'
    f5 = '<c r="F5" s="10"><v>2450</v></c>'
    patch('money-cell-two-values.xlsx', [(s3, f5, '<c r="F5" s="10"><v>2450</v><v>9999</v></c>')])
    patch('money-cell-date-format.xlsx', [
        ('xl/styles.xml', '<cellXfs count="20">', '<cellXfs count="21">'),
        ('xl/styles.xml', '</cellXfs>', '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'),
        (s3, f5, '<c r="F5" s="20"><v>43466</v></c>')])
    patch('numeric-cell-not-a-number.xlsx', [(s3, f5, '<c r="F5" s="10"><v>0x10</v></c>')])
print('wrote fixtures in', HERE)
