#!/usr/bin/env python3
"""Generates the XLSX reader fixtures, deterministically.

    python3 Tests/Fixtures/make_xlsx_fixtures.py

writes Tests/Fixtures/xlsx-quirks/*.xlsx (legitimate but unusual workbooks) and
Tests/Fixtures/xlsx-hostile/*.xlsx (broken or malicious files). Each file is named after the quirk
or attack it reproduces. Uses only the standard library plus openpyxl; LibreOffice (soffice) is
used when installed to re-save one workbook — without it the committed copy is kept.

Every zip is written with fixed timestamps and fixed entry order, and volatile dates inside
docProps/core.xml are replaced, so re-running the script reproduces the same bytes.
"""

import binascii
import datetime
import io
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
QUIRKS = os.path.join(HERE, "xlsx-quirks")
HOSTILE = os.path.join(HERE, "xlsx-hostile")
FIXED_TIME = (1980, 1, 1, 0, 0, 0)
FIXED_ISO = "2024-04-01T00:00:00Z"

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main"
STRICT_R = "http://purl.oclc.org/ooxml/officeDocument/relationships"
STRICT_RT = "http://purl.oclc.org/ooxml/officeDocument/relationships/"
XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


# ---------------------------------------------------------------------------
# Zip writing

def write_zip(path, parts, compression=zipfile.ZIP_DEFLATED):
    """parts: list of (name, bytes|str) or (name, data, compress_type)."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for part in parts:
            name, data = part[0], part[1]
            ctype = part[2] if len(part) > 2 else compression
            if isinstance(data, str):
                data = data.encode("utf-8")
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = ctype
            info.external_attr = 0o644 << 16
            z.writestr(info, data)
    with open(path, "wb") as f:
        f.write(buf.getvalue())


def raw_zip(entries):
    """A zip written by hand. entries: dicts with name, payload (bytes as stored), method, crc,
    size (declared uncompressed), flags. Used where zipfile refuses (encryption, lying sizes)."""
    out = io.BytesIO()
    central = io.BytesIO()
    for e in entries:
        name = e["name"].encode("utf-8")
        offset = out.tell()
        header = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, e.get("flags", 0), e["method"], 0, 0x21,
                             e["crc"], len(e["payload"]), e["size"], len(name), 0)
        out.write(header + name + e["payload"])
        central.write(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, e.get("flags", 0), e["method"], 0,
                                  0x21, e["crc"], len(e["payload"]), e["size"], len(name), 0, 0, 0, 0,
                                  0o644 << 16, offset) + name)
    cd = central.getvalue()
    cd_offset = out.tell()
    out.write(cd)
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(cd), cd_offset, 0))
    return out.getvalue()


def deflate(data):
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def repack(src, dst, patch=None):
    """Rewrites a zip made by another program with fixed timestamps (and optional patches)."""
    with zipfile.ZipFile(src) as z:
        parts = []
        for info in z.infolist():
            data = z.read(info.filename)
            if patch:
                data = patch(info.filename, data)
            parts.append((info.filename, data))
    write_zip(dst, parts)


def fix_core_dates(name, data):
    if name.lower().endswith("core.xml"):
        text = data.decode("utf-8")
        text = re.sub(r"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:)", r"\g<1>" + FIXED_ISO + r"\g<3>", text)
        return text.encode("utf-8")
    return data


# ---------------------------------------------------------------------------
# Hand-written packages

def content_types(sheet_count=1, extra=""):
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
        f'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for i in range(1, sheet_count + 1))
    return (XML_DECL +
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            + overrides + extra + '</Types>')


def rels(*items, ns=PKG_RELS):
    body = "".join(
        f'<Relationship Id="{i}" Type="{t}" Target="{target}"{extra}/>'
        for (i, t, target, *rest) in items for extra in [rest[0] if rest else ""])
    return XML_DECL + f'<Relationships xmlns="{ns}">{body}</Relationships>'


ROOT_RELS = rels(("rId1", RT + "officeDocument", "xl/workbook.xml"))


def workbook(sheets, extra="", main=MAIN, r=R_NS):
    body = "".join(f'<sheet name="{n}" sheetId="{i + 1}" r:id="rId{i + 1}"/>' for i, n in enumerate(sheets))
    return XML_DECL + f'<workbook xmlns="{main}" xmlns:r="{r}"><sheets>{body}</sheets>{extra}</workbook>'


def workbook_rels(sheet_count, shared=True, styles=True, rt=RT):
    items = [(f"rId{i}", rt + "worksheet", f"worksheets/sheet{i}.xml") for i in range(1, sheet_count + 1)]
    if shared:
        items.append((f"rId{sheet_count + 1}", rt + "sharedStrings", "sharedStrings.xml"))
    if styles:
        items.append((f"rId{sheet_count + 2}", rt + "styles", "styles.xml"))
    return rels(*items)


def sheet(rows_xml, extra="", main=MAIN):
    return XML_DECL + f'<worksheet xmlns="{main}" xmlns:r="{R_NS}"><sheetData>{rows_xml}</sheetData>{extra}</worksheet>'


def sst(*items):
    body = "".join(items)
    return XML_DECL + f'<sst xmlns="{MAIN}" count="{len(items)}" uniqueCount="{len(items)}">{body}</sst>'


MIN_STYLES = (XML_DECL + f'<styleSheet xmlns="{MAIN}"><cellXfs count="1"><xf numFmtId="0" fontId="0" '
              'fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>')


def simple_package(sheet_xml, shared=None, styles=MIN_STYLES, names=("Sheet1",)):
    """A minimal valid package with one worksheet (plus optional shared strings)."""
    parts = [
        ("[Content_Types].xml", content_types(len(names))),
        ("_rels/.rels", ROOT_RELS),
        ("xl/workbook.xml", workbook(list(names))),
        ("xl/_rels/workbook.xml.rels", workbook_rels(len(names), shared=shared is not None, styles=styles is not None)),
    ]
    for i in range(len(names)):
        parts.append((f"xl/worksheets/sheet{i + 1}.xml", sheet_xml if i == 0 else sheet("")))
    if shared is not None:
        parts.append(("xl/sharedStrings.xml", shared))
    if styles is not None:
        parts.append(("xl/styles.xml", styles))
    return parts


# ---------------------------------------------------------------------------
# ZipCrypto (traditional PKWARE encryption), for the encrypted-entry fixture.

def _crc_byte(crc, b):
    return zlib.crc32(bytes([b]), crc ^ 0xFFFFFFFF) ^ 0xFFFFFFFF


def zipcrypto_encrypt(data, password, crc):
    keys = [0x12345678, 0x23456789, 0x34567890]

    def update(c):
        keys[0] = _crc_byte(keys[0], c)
        keys[1] = (keys[1] + (keys[0] & 0xFF)) & 0xFFFFFFFF
        keys[1] = (keys[1] * 134775813 + 1) & 0xFFFFFFFF
        keys[2] = _crc_byte(keys[2], keys[1] >> 24)

    def stream_byte():
        t = (keys[2] | 2) & 0xFFFF
        return ((t * (t ^ 1)) >> 8) & 0xFF

    for c in password:
        update(c)
    header = bytes([(i * 37 + 11) & 0xFF for i in range(11)]) + bytes([crc >> 24])
    out = bytearray()
    for p in header + data:
        out.append(p ^ stream_byte())
        update(p)
    return bytes(out)


# ---------------------------------------------------------------------------
# Quirk fixtures (legitimate workbooks)

def make_openpyxl_reference(path):
    import openpyxl
    from openpyxl.packaging.custom import BoolProperty, FloatProperty, IntProperty, StringProperty
    from openpyxl.styles import Protection
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.workbook.defined_name import DefinedName

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "1 基本情報"
    ws["A1"] = "施策名"
    ws["B1"] = "子育て支援の充実"
    ws["A2"] = "予算"
    ws["B2"] = 12345
    ws["C2"] = 0.58
    ws["A3"] = "達成"
    ws["B3"] = True
    ws["C3"] = False
    ws["A4"] = "開始日"
    ws["B4"] = datetime.datetime(2024, 4, 1)
    ws["B4"].number_format = 'yyyy"年"m"月"d"日"'
    ws["A5"] = "倍額"
    ws["B5"] = "=B2*2"
    ws["C5"] = "=SUM(B2:C2)"
    ws["A6"] = "一行目\n二行目"
    ws["A8"] = "結合セル"
    ws.merge_cells("A8:C9")
    ws["B10"] = "入力欄"
    ws["B10"].protection = Protection(locked=False)
    ws["B11"] = "はい"
    dv = DataValidation(type="list", formula1='"はい,いいえ"', allow_blank=True)
    dv.add("B11")
    ws.add_data_validation(dv)
    ws.protection.sheet = True
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont
    ws["A12"] = CellRichText(["普通と", TextBlock(InlineFont(b=True), "太字"), "の混在"])
    ws["D2"] = -1.5e-7
    ws["D3"] = 1234567890123

    quoted = wb.create_sheet("O'Brien's")
    quoted["A1"] = "引用符"
    hidden = wb.create_sheet("隠し")
    hidden["A1"] = "非表示"
    hidden.sheet_state = "hidden"
    very = wb.create_sheet("内部")
    very["A1"] = 42
    very.sheet_state = "veryHidden"

    wb.defined_names["施策名"] = DefinedName("施策名", attr_text="'1 基本情報'!$B$1")
    wb.defined_names["予算範囲"] = DefinedName("予算範囲", attr_text="'1 基本情報'!$B$2:$C$2")
    wb.defined_names["引用"] = DefinedName("引用", attr_text="'O''Brien''s'!$A$1")
    quoted.defined_names["ローカル"] = DefinedName("ローカル", attr_text="'O''Brien''s'!$A$1")

    wb.custom_doc_props.append(StringProperty(name="FormatVersion", value="1.0"))
    wb.custom_doc_props.append(IntProperty(name="FiscalYear", value=2024))
    wb.custom_doc_props.append(FloatProperty(name="Ratio", value=0.25))
    wb.custom_doc_props.append(BoolProperty(name="Final", value=True))
    wb.properties.title = "施策評価シート"
    wb.properties.creator = "fixture"
    fixed = datetime.datetime(2024, 4, 1)
    wb.properties.created = fixed
    wb.properties.modified = fixed

    tmp = path + ".tmp"
    wb.save(tmp)
    repack(tmp, path, fix_core_dates)
    os.remove(tmp)


def make_libreoffice_resaved(source, path):
    soffice = shutil.which("soffice")
    if not soffice:
        print("soffice not found: keeping", os.path.basename(path), file=sys.stderr)
        return
    with tempfile.TemporaryDirectory() as home, tempfile.TemporaryDirectory() as outdir:
        src = os.path.join(outdir, "in", "libreoffice.xlsx")
        os.makedirs(os.path.dirname(src))
        shutil.copy(source, src)
        env = dict(os.environ, HOME=home)
        subprocess.run([soffice, "--headless", "--convert-to", "xlsx", "--outdir", outdir, src],
                       env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
        repack(os.path.join(outdir, "libreoffice.xlsx"), path, fix_core_dates)


def make_phonetic_runs(path):
    shared = sst(
        '<si><t>東京都</t><rPh sb="0" eb="3"><t>トウキョウト</t></rPh><phoneticPr fontId="1"/></si>',
        '<si><r><t>赤い</t></r><r><rPr><b/><sz val="11"/></rPr><t xml:space="preserve"> 太字 </t></r>'
        '<rPh sb="0" eb="2"><t>アカイ</t></rPh></si>',
        '<si/>',
        '<si><t>一行目_x000D_\n二行目</t></si>',
        '<si><t>literal _x005F_x000D_ kept</t></si>',
        '<si><t>emoji _xD83D__xDE00_ end</t></si>',
        '<si><t>&lt;tag&gt; &amp; &quot;q&quot; &apos;a&apos; &#x41;&#66;</t></si>',
        '<si><t><![CDATA[<raw> & text]]></t></si>',
        '<si><t>a\r\nb</t></si>',
    )
    rows = "".join(f'<row r="{i + 1}"><c r="A{i + 1}" t="s"><v>{i}</v></c></row>' for i in range(9))
    write_zip(path, simple_package(sheet(rows), shared=shared))


def make_cells_without_r(path):
    rows = ('<row><c t="inlineStr"><is><t>A1</t></is></c><c><v>2</v></c><c r="E1"><v>5</v></c><c><v>6</v></c></row>'
            '<row><c><v>10</v></c></row>'
            '<row r="5"><c><v>50</v></c><c t="b"><v>1</v></c></row>'
            '<row><c r="B6"><v>62</v></c><c><v>63</v></c></row>'
            '<row><c><v>70</v></c></row>')
    write_zip(path, simple_package(sheet(rows)))


def make_namespace_prefix(path):
    x = f'xmlns:x="{MAIN}" xmlns:rel="{R_NS}"'
    wb = XML_DECL + (f'<x:workbook {x}><x:sheets><x:sheet name="Prefixed" sheetId="1" rel:id="rId1"/></x:sheets>'
                     '<x:definedNames><x:definedName name="Total">Prefixed!$B$1</x:definedName></x:definedNames></x:workbook>')
    ws = XML_DECL + (f'<x:worksheet {x}><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c>'
                     '<x:c r="B1"><x:f>1+1</x:f><x:v>2</x:v></x:c></x:row></x:sheetData>'
                     '<x:mergeCells count="1"><x:mergeCell ref="C1:D2"/></x:mergeCells></x:worksheet>')
    # A default namespace that is NOT SpreadsheetML must not be mistaken for it.
    shared = XML_DECL + f'<ns0:sst xmlns:ns0="{MAIN}" xmlns="urn:other"><ns0:si><ns0:t>prefixed</ns0:t><t>ignored</t></ns0:si></ns0:sst>'
    styles = XML_DECL + f'<x:styleSheet {x}><x:cellXfs count="1"><x:xf numFmtId="0"/></x:cellXfs></x:styleSheet>'
    write_zip(path, [
        ("[Content_Types].xml", content_types(1)),
        ("_rels/.rels", ROOT_RELS),
        ("xl/workbook.xml", wb),
        ("xl/_rels/workbook.xml.rels", workbook_rels(1)),
        ("xl/worksheets/sheet1.xml", ws),
        ("xl/sharedStrings.xml", shared),
        ("xl/styles.xml", styles),
    ])


def make_strict(path):
    wb = workbook(["Strict"], main=STRICT_MAIN, r=STRICT_R).replace("<workbook ", '<workbook conformance="strict" ')
    wrels = rels(("rId1", STRICT_RT + "worksheet", "worksheets/sheet1.xml"),
                 ("rId2", STRICT_RT + "sharedStrings", "sharedStrings.xml"),
                 ("rId3", STRICT_RT + "styles", "styles.xml"))
    root = rels(("rId1", STRICT_RT + "officeDocument", "xl/workbook.xml"),
                ("rId2", STRICT_RT + "customProperties", "docProps/custom.xml"))
    ws = sheet('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="d"><v>2024-04-01T00:00:00</v></c>'
               '<c r="C1"><v>3.5</v></c></row>', main=STRICT_MAIN).replace(R_NS, STRICT_R)
    shared = XML_DECL + f'<sst xmlns="{STRICT_MAIN}"><si><t>strict text</t></si></sst>'
    styles = XML_DECL + f'<styleSheet xmlns="{STRICT_MAIN}"><cellXfs><xf numFmtId="0"/></cellXfs></styleSheet>'
    custom = (XML_DECL + '<Properties xmlns="http://purl.oclc.org/ooxml/officeDocument/customProperties" '
              'xmlns:vt="http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes">'
              '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Flavour">'
              '<vt:lpwstr>strict</vt:lpwstr></property></Properties>')
    write_zip(path, [
        ("[Content_Types].xml", content_types(1)),
        ("_rels/.rels", root),
        ("xl/workbook.xml", wb),
        ("xl/_rels/workbook.xml.rels", wrels),
        ("xl/worksheets/sheet1.xml", ws),
        ("xl/sharedStrings.xml", shared),
        ("xl/styles.xml", styles),
        ("docProps/custom.xml", custom),
    ])


def make_absolute_rel_targets(path):
    """Absolute targets (as openpyxl writes), upper-case targets that differ from the entry
    names, `..` segments, and a workbook that is not at xl/workbook.xml."""
    root = rels(("rId1", RT + "officeDocument", "/Book/Main.XML"))
    wrels = rels(("rId1", RT + "worksheet", "/BOOK/WORKSHEETS/SHEET1.XML"),
                 ("rId2", RT + "worksheet", "sub/../worksheets/./sheet2.xml"),
                 ("rId3", RT + "worksheet", "../shared/sheet%203.xml"),
                 ("rId4", RT + "sharedStrings", "/book/strings.xml"),
                 ("rId5", RT + "styles", "Styles.xml"))
    wb = workbook(["Abs", "Dots", "Escaped"])
    write_zip(path, [
        ("[Content_Types].xml", content_types(0)),
        ("_rels/.rels", root),
        ("book/main.xml", wb),
        ("book/_rels/main.xml.rels", wrels),
        ("book/worksheets/sheet1.xml", sheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>')),
        ("book/worksheets/sheet2.xml", sheet('<row r="1"><c r="A1"><v>2</v></c></row>')),
        ("shared/sheet 3.xml", sheet('<row r="1"><c r="A1"><v>3</v></c></row>')),
        ("book/strings.xml", sst("<si><t>absolute</t></si>")),
        ("book/styles.xml", MIN_STYLES),
    ])


def make_inline_strings(path):
    rows = ('<row r="1"><c r="A1" t="inlineStr"><is><t>inline</t></is></c>'
            '<c r="B1" t="inlineStr"><is><r><t>rich</t></r><r><rPr><i/></rPr><t xml:space="preserve"> inline</t></r>'
            '<rPh sb="0" eb="1"><t>リッチ</t></rPh></is></c>'
            '<c r="C1" t="inlineStr"><is><t>tab_x0009_here</t></is></c>'
            '<c r="D1" t="inlineStr"><is><t/></is></c></row>')
    write_zip(path, simple_package(sheet(rows)))


def make_japanese_number_formats(path):
    ids = [14, 27, 28, 30, 31, 32, 33, 34, 35, 36, 50, 55, 57, 58, 49, 176]
    numfmts = ('<numFmts count="2"><numFmt numFmtId="176" formatCode="&quot;¥&quot;#,##0"/>'
               '<numFmt numFmtId="177" formatCode="[$-ja-JP-x-gannen]ggge&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>'
               '</numFmts>')
    xfs = "".join(f'<xf numFmtId="{i}" applyNumberFormat="1"/>' for i in [0] + ids)
    xfs += '<xf numFmtId="177" applyNumberFormat="1" applyProtection="1"><protection locked="0"/></xf>'
    xfs += '<xf numFmtId="999"/>'
    styles = (XML_DECL + f'<styleSheet xmlns="{MAIN}">{numfmts}'
              '<cellStyleXfs count="1"><xf numFmtId="1"><protection locked="0"/></xf></cellStyleXfs>'
              f'<cellXfs>{xfs}</cellXfs></styleSheet>')
    cells = "".join(f'<c r="{chr(65 + k)}1" s="{k + 1}"><v>45383</v></c>' for k in range(len(ids) + 2))
    write_zip(path, simple_package(sheet(f'<row r="1">{cells}</row><row r="2"><c r="A2" s="0"><v>1</v></c></row>'),
                                   styles=styles))


def make_formula_cached_values(path):
    rows = ('<row r="1"><c r="A1"><v>10</v></c><c r="B1"><f>A1*2</f><v>20</v></c>'
            '<c r="C1"><f>A1*3</f></c><c r="D1"><f>A1*4</f><v></v></c><c r="E1"><f>A1*5</f><v/></c></row>'
            '<row r="2"><c r="A2" t="str"><f>IF(A1&gt;5,"big","")</f><v>big</v></c>'
            '<c r="B2" t="str"><f>""</f><v></v></c><c r="C2" t="str"><f>UPPER("x")</f></c>'
            '<c r="D2" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="E2" t="b"><f>TRUE()</f><v>1</v></c></row>'
            '<row r="3"><c r="A3"><f t="shared" ref="A3:A5" si="0">A1+1</f><v>11</v></c></row>'
            '<row r="4"><c r="A4"><f t="shared" si="0"/><v>12</v></c></row>'
            '<row r="5"><c r="A5"><f t="shared" si="0"/></c></row>'
            '<row r="6"><c r="A6" t="b"><v>true</v></c><c r="B6" t="b"><v>false</v></c><c r="C6" t="b"><v>0</v></c>'
            '<c r="D6" t="e"><v>#N/A</v></c><c r="E6" t="n"><v>1.0E-3</v></c><c r="F6"><v>0.57999999999999996</v></c></row>'
            '<row r="7"><c r="A7" t="d"><v>2024-04-01</v></c><c r="B7" s="0"/><c r="C7"><v> 42 </v></c></row>')
    write_zip(path, simple_package(sheet(rows)))


def make_unknown_parts(path):
    """Unknown parts and relationship types, markup-compatibility wrappers, comments, PIs, a
    dimension that lies, a chartsheet, an external hyperlink relationship on the sheet."""
    wrels = rels(("rId1", RT + "worksheet", "worksheets/sheet1.xml"),
                 ("rId2", RT + "chartsheet", "chartsheets/sheet1.xml"),
                 ("rId3", RT + "sharedStrings", "sharedStrings.xml"),
                 ("rId4", RT + "styles", "styles.xml"),
                 ("rId5", "http://schemas.google.com/relationships/metadata", "google/metadata.bin"),
                 ("rId6", RT + "customXml", "../customXml/item1.xml"),
                 ("rId7", "http://schemas.microsoft.com/office/2017/10/relationships/person", "persons/person.xml"),
                 ("rId8", RT + "externalLink", "https://example.com/other.xlsx", ' TargetMode="External"'))
    wb = XML_DECL + (f'<workbook xmlns="{MAIN}" xmlns:r="{R_NS}" '
                     'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
                     'xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main" mc:Ignorable="x15">'
                     '<fileVersion appName="xl"/><workbookPr date1904="1"/>'
                     '<mc:AlternateContent><mc:Choice Requires="x15"><x15ac:absPath xmlns:x15ac="urn:x15ac" url="C:\\"/>'
                     '</mc:Choice></mc:AlternateContent>'
                     '<!-- a comment --><?pi data?>'
                     '<sheets><sheet name="Data" sheetId="7" r:id="rId1"/><sheet name="Chart" sheetId="8" r:id="rId2"/></sheets>'
                     '<extLst><ext uri="{x}"><x15:workbookPr chartTrackingRefBase="1"/></ext></extLst></workbook>')
    ws = XML_DECL + (f'<worksheet xmlns="{MAIN}" xmlns:r="{R_NS}">'
                     '<sheetPr><tabColor rgb="FFFF0000"/></sheetPr><dimension ref="A1:ZZ9999"/>'
                     '<sheetViews><sheetView workbookViewId="0"/></sheetViews><cols><col min="1" max="2" width="20"/></cols>'
                     '<sheetData><!-- rows --><row r="2" spans="1:3" ht="20" customHeight="1">'
                     '<c r="B2" t="s"><v>0</v></c><c r="C2"><v>1.5</v><extLst/></c></row></sheetData>'
                     '<hyperlinks><hyperlink ref="B2" r:id="rId1"/></hyperlinks>'
                     '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
                     '</worksheet>')
    srels = rels(("rId1", RT + "hyperlink", "file:///etc/passwd", ' TargetMode="External"'))
    write_zip(path, [
        ("[Content_Types].xml", content_types(1)),
        ("_rels/.rels", rels(("rId1", RT + "officeDocument", "xl/workbook.xml"),
                             ("rId2", "http://example.com/unknown", "weird/part.bin"))),
        ("xl/workbook.xml", wb),
        ("xl/_rels/workbook.xml.rels", wrels),
        ("xl/worksheets/sheet1.xml", ws),
        ("xl/worksheets/_rels/sheet1.xml.rels", srels),
        ("xl/chartsheets/sheet1.xml", XML_DECL + f'<chartsheet xmlns="{MAIN}"/>'),
        ("xl/sharedStrings.xml", sst("<si><t>kept</t></si>")),
        ("xl/styles.xml", MIN_STYLES),
        ("google/metadata.bin", b"\x00\x01binary"),
        ("customXml/item1.xml", "<root/>"),
        ("xl/media/", b""),
    ])


def make_utf16(path):
    shared = sst("<si><t>UTF-16 テキスト</t></si>").replace('encoding="UTF-8"', 'encoding="UTF-16"')
    parts = simple_package(sheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'),
                           shared=shared.encode("utf-16"))  # with BOM
    write_zip(path, parts)


def make_x14_validations(path):
    ext = ('<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" '
           'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
           '<x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">'
           '<x14:dataValidation type="list" allowBlank="1"><x14:formula1><xm:f>選択肢!$A$1:$A$3</xm:f></x14:formula1>'
           '<xm:sqref>B2:B5 D2</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>')
    dvs = ('<dataValidations count="2"><dataValidation type="whole" operator="between" sqref="C2:C9">'
           '<formula1>0</formula1><formula2>100</formula2></dataValidation>'
           '<dataValidation type="list" allowBlank="1" sqref="E2"><formula1>"はい,いいえ"</formula1></dataValidation>'
           '</dataValidations>')
    protection = '<sheetProtection algorithmName="SHA-512" hashValue="abc=" saltValue="def=" spinCount="100000" sheet="1"/>'
    ws = XML_DECL + (f'<worksheet xmlns="{MAIN}" xmlns:r="{R_NS}"><sheetData><row r="2"><c r="B2"><v>1</v></c></row>'
                     f'</sheetData>{protection}{dvs}{ext}</worksheet>')
    write_zip(path, simple_package(ws))


def make_style_index_points_nowhere(path):
    """Cells whose style index is past the cell formats, and a format id that is not a number:
    their number format is unknown (nil), never silently General."""
    styles = (XML_DECL + f'<styleSheet xmlns="{MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0"/></numFmts>'
              '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="x"/></cellXfs></styleSheet>')
    rows = ('<row r="1"><c r="A1" s="1"><v>33</v></c><c r="B1" s="7"><v>33</v></c><c r="C1" s="2"><v>33</v></c>'
            '<c r="D1"><v>33</v></c></row>')
    write_zip(path, simple_package(sheet(rows), styles=styles))


def make_no_styles_part(path):
    """A workbook without a styles part: style 0 is General, any other style is unknown."""
    rows = '<row r="1"><c r="A1"><v>33</v></c><c r="B1" s="0"><v>33</v></c><c r="C1" s="5"><v>33</v></c></row>'
    write_zip(path, simple_package(sheet(rows), styles=None))


def make_escapes_in_runs(path):
    """_xHHHH_ escapes are decoded per <t>: a literal escape written as _x005F_x…, CR as _x000D_,
    and runs that only together look like an escape stay as typed; the same in inline strings."""
    shared = sst('<si><t>CR_x000D_LF_x000D_\nend</t></si>',
                 '<si><t>literal _x005F_x000D_ and _x005F_x005F_</t></si>',
                 '<si><r><t>_x00</t></r><r><t>41_</t></r></si>',
                 '<si><r><t>a_x000D_</t></r><r><rPr><b/></rPr><t>b</t></r></si>')
    rows = ('<row r="1">' + "".join(f'<c r="{c}1" t="s"><v>{i}</v></c>' for i, c in enumerate("ABCD")) + '</row>'
            '<row r="2"><c r="A2" t="inlineStr"><is><t>in_x000D_line _x005F_x0041_</t></is></c>'
            '<c r="B2" t="str"><f>"x"</f><v>f_x000D_s _x005F_x000D_</v></c></row>')
    write_zip(path, simple_package(sheet(rows), shared=shared))


def make_rows_out_of_order(path):
    rows = ('<row r="3"><c r="B3"><v>3</v></c><c r="A3"><v>2</v></c></row>'
            '<row r="1"><c r="A1"><v>1</v></c></row>'
            '<row r="3"><c r="C3"><v>33</v></c></row>')
    write_zip(path, simple_package(sheet(rows)))


# ---------------------------------------------------------------------------
# Hostile fixtures

def valid_parts():
    return simple_package(sheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), shared=sst("<si><t>ok</t></si>"))


def replace_part(parts, name, data):
    return [(n, data) if n == name else (n, d) for (n, d, *rest) in parts]


def make_hostile():
    h = lambda name: os.path.join(HOSTILE, name)
    with open(h("not-a-zip.xlsx"), "w") as f:
        f.write("施策名,予算\n子育て,100\n")
    open(h("empty.xlsx"), "wb").close()

    good = io.BytesIO()
    write_zip(h("valid-base.tmp"), valid_parts())
    with open(h("valid-base.tmp"), "rb") as f:
        whole = f.read()
    os.remove(h("valid-base.tmp"))
    with open(h("truncated-zip.xlsx"), "wb") as f:
        f.write(whole[: len(whole) * 2 // 3])
    # Flip bytes inside the deflated sheet data: CRC or inflate failure.
    crc_bad = bytearray(whole)
    with zipfile.ZipFile(io.BytesIO(whole)) as z:
        info = z.getinfo("xl/worksheets/sheet1.xml")
        start = info.header_offset + 30 + len(info.filename)
        for k in range(4, 8):
            crc_bad[start + k] ^= 0x55
    with open(h("corrupt-deflate-data.xlsx"), "wb") as f:
        f.write(bytes(crc_bad))

    # Zip bomb: one sheet that inflates to 80 MiB (limit 64 MiB by default).
    bomb_head = XML_DECL + f'<worksheet xmlns="{MAIN}"><sheetData>'
    bomb = (bomb_head.encode() + b" " * (80 << 20)) + b"</sheetData></worksheet>"
    write_zip(h("zip-bomb-sheet.xlsx"), replace_part(valid_parts(), "xl/worksheets/sheet1.xml", bomb))
    # Same bomb, but the central directory and local header declare 1 KiB uncompressed.
    payload = deflate(bomb)
    entries = []
    for name, data in valid_parts():
        data = data.encode() if isinstance(data, str) else data
        entries.append(dict(name=name, payload=deflate(data), method=8, crc=zlib.crc32(data), size=len(data)))
    for e in entries:
        if e["name"] == "xl/worksheets/sheet1.xml":
            e.update(payload=payload, crc=zlib.crc32(bomb), size=1024)
    with open(h("zip-bomb-lying-sizes.xlsx"), "wb") as f:
        f.write(raw_zip(entries))
    # Twelve worksheets of 1 MiB each: every part is under the part cap, together they exceed a
    # small archive cap (the tests configure 2 MiB per part, 4 MiB in total).
    padded = sheet('<row r="1"><c r="A1"><v>1</v></c></row>' + " " * (1 << 20))
    names = [f"S{i}" for i in range(1, 13)]
    parts = simple_package(padded, names=names)
    parts = [(n, padded if n.startswith("xl/worksheets/") else d) for (n, d) in parts]
    write_zip(h("archive-total-too-large.xlsx"), parts)

    write_zip(h("many-entries.xlsx"), valid_parts() + [(f"x/{i}", b"") for i in range(600)],
              compression=zipfile.ZIP_STORED)

    laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
              + f']><sst xmlns="{MAIN}"><si><t>&lol9;</t></si></sst>')
    write_zip(h("doctype-entity-expansion.xlsx"), replace_part(valid_parts(), "xl/sharedStrings.xml", laughs))
    xxe = (f'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
           f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row>'
           '</sheetData></worksheet>')
    write_zip(h("doctype-external-entity.xlsx"), replace_part(valid_parts(), "xl/worksheets/sheet1.xml", xxe))

    with open(h("ole-encrypted.xlsx"), "wb") as f:
        f.write(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 24 + struct.pack("<HH", 0x3E, 3) + b"\0" * 472)

    write_zip(h("missing-content-types.xlsx"), [p for p in valid_parts() if p[0] != "[Content_Types].xml"])
    write_zip(h("missing-workbook-relationship.xlsx"),
              replace_part(valid_parts(), "_rels/.rels", rels(("rId1", RT + "styles", "xl/styles.xml"))))
    write_zip(h("missing-root-relationships.xlsx"), [p for p in valid_parts() if p[0] != "_rels/.rels"])
    write_zip(h("missing-shared-strings.xlsx"),
              simple_package(sheet('<row r="1"><c r="A1"><v>1</v></c><c r="B1" t="s"><v>0</v></c></row>')))
    write_zip(h("shared-string-index-out-of-range.xlsx"),
              simple_package(sheet('<row r="3"><c r="C3" t="s"><v>7</v></c></row>'), shared=sst("<si><t>only</t></si>")))
    write_zip(h("malformed-xml-unclosed-tag.xlsx"), replace_part(
        valid_parts(), "xl/worksheets/sheet1.xml",
        XML_DECL + f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></worksheet>'))
    write_zip(h("mismatched-end-tag.xlsx"), replace_part(
        valid_parts(), "xl/workbook.xml",
        XML_DECL + f'<workbook xmlns="{MAIN}" xmlns:r="{R_NS}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheet></workbook>'))
    write_zip(h("truncated-xml-part.xlsx"), replace_part(
        valid_parts(), "xl/worksheets/sheet1.xml",
        XML_DECL + f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1" t='))
    write_zip(h("invalid-utf8.xlsx"), replace_part(
        valid_parts(), "xl/sharedStrings.xml",
        (XML_DECL + f'<sst xmlns="{MAIN}"><si><t>bad ').encode() + b"\xff\xfe\xc3\x28" + b"</t></si></sst>"))
    write_zip(h("bad-entity.xlsx"), replace_part(
        valid_parts(), "xl/sharedStrings.xml", XML_DECL + f'<sst xmlns="{MAIN}"><si><t>a &foo; b</t></si></sst>'))
    write_zip(h("undeclared-namespace-prefix.xlsx"), replace_part(
        valid_parts(), "xl/worksheets/sheet1.xml", XML_DECL + '<x:worksheet><x:sheetData/></x:worksheet>'))
    write_zip(h("rel-target-escapes-package.xlsx"), replace_part(
        valid_parts(), "xl/_rels/workbook.xml.rels",
        rels(("rId1", RT + "worksheet", "../../etc/passwd"), ("rId2", RT + "sharedStrings", "sharedStrings.xml"))))
    write_zip(h("external-rel-target-mode.xlsx"), replace_part(
        valid_parts(), "xl/_rels/workbook.xml.rels",
        rels(("rId1", RT + "worksheet", "file:///etc/passwd", ' TargetMode="External"'),
             ("rId2", RT + "sharedStrings", "sharedStrings.xml"))))
    write_zip(h("cell-column-out-of-range.xlsx"), simple_package(sheet('<row r="1"><c r="XFE1"><v>1</v></c></row>')))
    write_zip(h("cell-row-out-of-range.xlsx"),
              simple_package(sheet('<row r="1048577"><c r="A1048577"><v>1</v></c></row>')))
    write_zip(h("invalid-cell-reference.xlsx"), simple_package(sheet('<row r="1"><c r="1A"><v>1</v></c></row>')))
    deep = XML_DECL + f'<worksheet xmlns="{MAIN}"><sheetData>' + "<a>" * 200000 + "</a>" * 200000 + "</sheetData></worksheet>"
    write_zip(h("deep-nesting.xlsx"), replace_part(valid_parts(), "xl/worksheets/sheet1.xml", deep))
    write_zip(h("non-numeric-value.xlsx"), simple_package(sheet('<row r="2"><c r="B2"><v>12abc</v></c></row>')))
    write_zip(h("nan-numeric-value.xlsx"), simple_package(sheet('<row r="2"><c r="B2"><v>NaN</v></c></row>')))
    # Numbers no cell holds, never read as another number (infinity, 0).
    write_zip(h("number-overflows-to-infinity.xlsx"), simple_package(sheet('<row r="2"><c r="B2"><v>1E+400</v></c></row>')))
    write_zip(h("number-underflows-to-zero.xlsx"), simple_package(sheet('<row r="2"><c r="C2"><v>-1.5e-400</v></c></row>')))
    write_zip(h("hex-float-number.xlsx"), simple_package(sheet('<row r="2"><c r="D2"><v>0x1p3</v></c></row>')))
    # Two cells at one address: in one row, and in a row element written twice (one value would
    # silently replace the other).
    write_zip(h("duplicate-cell-address.xlsx"),
              simple_package(sheet('<row r="4"><c r="A4"><v>1</v></c><c r="B4"><v>2</v></c><c r="B4"><v>3</v></c></row>')))
    write_zip(h("duplicate-cell-in-repeated-row.xlsx"),
              simple_package(sheet('<row r="4"><c r="B4"><v>2</v></c></row><row r="5"><c r="A5"><v>5</v></c></row>'
                                   '<row r="4"><c r="B4"><v>3</v></c></row>')))
    # A cell whose r names another row than its <row>: which one is meant cannot be known.
    write_zip(h("cell-outside-its-row.xlsx"),
              simple_package(sheet('<row r="5"><c r="A5"><v>1</v></c><c r="B7"><v>2</v></c></row>')))
    write_zip(h("unsupported-compression-bzip2.xlsx"),
              [(n, d, zipfile.ZIP_BZIP2 if n == "xl/worksheets/sheet1.xml" else zipfile.ZIP_DEFLATED)
               for n, d in valid_parts()])

    # Traditional PKWARE encryption on the worksheet entry (password "secret").
    entries = []
    for name, data in valid_parts():
        data = data.encode() if isinstance(data, str) else data
        crc = zlib.crc32(data)
        e = dict(name=name, payload=deflate(data), method=8, crc=crc, size=len(data))
        if name == "xl/worksheets/sheet1.xml":
            e.update(payload=zipcrypto_encrypt(deflate(data), b"secret", crc), flags=1)
        entries.append(e)
    blob = raw_zip(entries)
    with zipfile.ZipFile(io.BytesIO(blob)) as z:  # self-check: Python can decrypt it
        assert z.read("xl/worksheets/sheet1.xml", pwd=b"secret").startswith(b"<?xml")
    with open(h("encrypted-zip-entry.xlsx"), "wb") as f:
        f.write(blob)


def main():
    os.makedirs(QUIRKS, exist_ok=True)
    os.makedirs(HOSTILE, exist_ok=True)
    q = lambda name: os.path.join(QUIRKS, name)
    make_openpyxl_reference(q("openpyxl-reference-workbook.xlsx"))
    make_libreoffice_resaved(q("openpyxl-reference-workbook.xlsx"), q("libreoffice-resaved.xlsx"))
    make_phonetic_runs(q("phonetic-runs.xlsx"))
    make_cells_without_r(q("cells-without-r.xlsx"))
    make_namespace_prefix(q("namespace-prefix-x.xlsx"))
    make_strict(q("strict-ooxml-namespaces.xlsx"))
    make_absolute_rel_targets(q("absolute-rel-targets.xlsx"))
    make_inline_strings(q("inline-strings.xlsx"))
    make_japanese_number_formats(q("japanese-builtin-number-formats.xlsx"))
    make_formula_cached_values(q("formula-cached-values.xlsx"))
    make_unknown_parts(q("unknown-parts-and-relationships.xlsx"))
    make_utf16(q("utf16-shared-strings.xlsx"))
    make_x14_validations(q("data-validations-and-protection.xlsx"))
    make_rows_out_of_order(q("rows-out-of-order.xlsx"))
    make_style_index_points_nowhere(q("style-index-points-nowhere.xlsx"))
    make_no_styles_part(q("no-styles-part.xlsx"))
    make_escapes_in_runs(q("escapes-decoded-per-text-element.xlsx"))
    make_hostile()


if __name__ == "__main__":
    main()
