import Foundation
import EvalSheetModel
import StrictJSON

/// The shape of a template file: exactly the keys of the built-in template, each once, each of its
/// kind. A misspelt key would otherwise be ignored (its value silently replaced by nothing) and a
/// repeated one would silently replace the first.
enum TemplateSchema {
    /// The built-in template as a JSON tree: the schema every template file must follow.
    static let schema: JSONNode = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys  // a stable order for messages
        guard let data = try? encoder.encode(FormTemplate.standard), let tree = try? JSONParser.parse(data) else {
            fatalError("the built-in template must encode")
        }
        return tree
    }()

    /// Keys that may be left out: the description, and any input help.
    static func isOptional(_ pointer: String) -> Bool {
        pointer == "/description" || pointer.hasPrefix("/inputHelp/")
    }

    /// RFC 6901: `~` → `~0`, `/` → `~1`.
    static func escape(_ key: String) -> String { JSONParser.escape(key) }

    /// Every unknown, repeated, missing or mistyped key of `document`, in document order.
    static func problems(_ document: JSONNode) -> [TemplateProblem] {
        var out: [TemplateProblem] = []
        check(document, against: schema, at: "", into: &out)
        return out
    }

    private static func check(_ value: JSONNode, against schema: JSONNode, at pointer: String,
                              into out: inout [TemplateProblem]) {
        guard value.kind == schema.kind else {
            out.append(.init(pointer: pointer, message: .init(
                ja: "値は\(schema.kind.ja)で書いてください(\(value.kind.ja)になっています)",
                en: "the value must be \(schema.kind.en), not \(value.kind.en)"), id: "template.type"))
            return
        }
        switch (value, schema) {
        case let (.object(members), .object(expected)):
            var seen: Set<String> = []
            for (key, member) in members.lazy.map({ ($0.key, $0.value) }) {
                let path = pointer + "/" + escape(key)
                if !seen.insert(key).inserted {
                    out.append(.init(pointer: path, message: .init(
                        ja: "キー「\(key)」が2回あります(後の値が前の値を黙って置き換えるため使えません)",
                        en: "the key \"\(key)\" appears twice (the second would silently replace the first)"),
                        id: "template.duplicate-key"))
                } else if let schemaMember = expected.first(where: { $0.key == key })?.value {
                    check(member, against: schemaMember, at: path, into: &out)
                } else {
                    let known = expected.map(\.key).joined(separator: ", ")
                    out.append(.init(pointer: path, message: .init(
                        ja: "キー「\(key)」はテンプレートにありません(綴りを確認してください。使えるキー: \(known))",
                        en: "the key \"\(key)\" is not a template key (check its spelling; known keys: \(known))"),
                        id: "template.unknown-key"))
                }
            }
            for key in expected.lazy.map(\.key) where !seen.contains(key) && !isOptional(pointer + "/" + escape(key)) {
                out.append(.init(pointer: pointer + "/" + escape(key), message: .init(
                    ja: "キー「\(key)」がありません", en: "the key \"\(key)\" is missing"), id: "template.missing-key"))
            }
        case let (.array(items), .array(expected)):
            guard let element = expected.first else { return }
            for (i, item) in items.enumerated() { check(item, against: element, at: pointer + "/\(i)", into: &out) }
        case let (.number(literal), .number):
            // The parser refuses a number a double cannot hold, so `literal` always reads.
            if pointer == "/version", let n = Double(literal), n != n.rounded() {
                out.append(.init(pointer: pointer, message: .init(ja: "版は整数です", en: "the version is a whole number"), id: "template.type"))
            }
        default:
            break
        }
    }
}

extension FormTemplate {
    /// The longest print header or footer (Excel's 255 characters), with its placeholders filled.
    public static let headerFooterLimit = 255

    /// The paper sizes a template may name (case-insensitively); the workbook writer maps each.
    public static let paperSizeNames: [String] = ["A4", "A3", "B4", "B5", "LETTER"]

    /// The template versions this writer understands.
    static let supportedVersion = 1
    /// The placeholders a label may hold.
    static let labelPlaceholders: [String: Set<String>] = [
        "future": ["year"], "referenceColumn": ["column"], "lastYearRating": ["fiscalYear"], "lastYearReason": ["fiscalYear"],
    ]
    /// The fewest column widths each sheet needs (the layout's columns).
    static let minimumColumns = [8, 3, 5, 7, 3, 4, 5]

    /// Every value the writer cannot honour, each with its key as a JSON pointer: colours that are
    /// not `RRGGBB`, an unknown paper size or orientation, sizes and widths Excel refuses, sheet
    /// names Excel refuses, texts too long for their place, unknown `{placeholders}`, … Nothing is
    /// replaced by a default.
    public func problems() -> [TemplateProblem] {
        var c = TemplateChecks()
        checkBasics(&c)
        checkPrint(&c)
        checkSheets(&c)
        checkLabels(&c)
        c.out += textFormProblems()
        checkHelp(&c)
        return c.out + indexProblems()
    }

    private func checkBasics(_ c: inout TemplateChecks) {
        // Workbook properties and the version.
        c.text(name, "/name", limit: 255)
        if version != Self.supportedVersion {
            c.add("/version", ja: "版 \(version) には対応していません(対応: \(Self.supportedVersion))",
                en: "version \(version) is not supported (supported: \(Self.supportedVersion))")
        }
        // Font: libxlsxwriter's buffers and Excel's sizes; notes are 1.5 points smaller.
        c.text(font.name, "/font/name", limit: 31)
        if font.name.utf8.count > 127 { c.add("/font/name", ja: "フォント名が長すぎます(127 バイトまで)", en: "the font name is longer than 127 bytes") }
        c.number(font.size, "/font/size", 2.5...409, unit: ("ポイント", "points"))
        c.number(font.titleSize, "/font/titleSize", 1...409, unit: ("ポイント", "points"))
        // Colours.
        let colours = [("labelFill", colors.labelFill), ("headerFill", colors.headerFill), ("inputFill", colors.inputFill),
                       ("totalFill", colors.totalFill), ("border", colors.border), ("noteText", colors.noteText)]
        for (key, value) in colours where !Self.isColour(value) {
            c.add("/colors/\(key)", ja: "色「\(value)」は使えません(RRGGBB の16進6桁、例: DDEBF7)",
                en: "the colour \"\(value)\" is not RRGGBB (six hex digits, e.g. DDEBF7)")
        }
        c.text(endMarker, "/endMarker")
    }

    private func checkPrint(_ c: inout TemplateChecks) {
        // Print setup.
        if !Self.paperSizeNames.contains(print.paper.uppercased()) {
            c.add("/print/paper", ja: "用紙「\(print.paper)」は使えません(A4, A3, B4, B5, Letter)",
                en: "the paper \"\(print.paper)\" is not supported (A4, A3, B4, B5, Letter)")
        }
        let margins = [("left", print.marginsCm.left), ("right", print.marginsCm.right), ("top", print.marginsCm.top),
                       ("bottom", print.marginsCm.bottom), ("header", print.marginsCm.header), ("footer", print.marginsCm.footer)]
        for (key, value) in margins { c.number(value, "/print/marginsCm/\(key)", 0...124, unit: ("cm", "cm")) }
        for (key, value) in [("header", print.header), ("footer", print.footer)] {
            let pointer = "/print/\(key)"
            c.text(value, pointer, limit: .max, empty: true, placeholders: ["code", "name", "fiscalYear"])
            let longest = value.replacingOccurrences(of: "{code}", with: String(repeating: "X", count: PolicyCodeSyntax.maximumLength))
                .replacingOccurrences(of: "{name}", with: "…").replacingOccurrences(of: "{fiscalYear}", with: "令和999年度")
            if longest.utf16.count > FormTemplate.headerFooterLimit {
                c.add(pointer, ja: "長すぎます(\(labels.policyCode)と年度を入れると \(FormTemplate.headerFooterLimit) 文字を超えます)",
                    en: "too long (with the policy code and year it exceeds \(FormTemplate.headerFooterLimit) characters)")
            }
            if value.contains("&G") || value.contains("&[Picture]") {
                c.add(pointer, ja: "画像の差し込み(&G)は使えません", en: "picture codes (&G) are not supported")
            }
        }
    }

    private func checkSheets(_ c: inout TemplateChecks) {
        // Sheets.
        let sheetKeys = ["basic", "directions", "projects", "indicators", "evaluation", "environment", "challenges"]
        var names: [String: String] = [:]
        for ((key, sheet), minimum) in zip(zip(sheetKeys, sheets.all), Self.minimumColumns) {
            let pointer = "/sheets/\(key)"
            if let reason = Self.sheetNameProblem(sheet.name) {
                c.add(pointer + "/name", ja: "シート名「\(sheet.name)」は使えません(\(reason.ja))",
                    en: "the sheet name \"\(sheet.name)\" is not allowed (\(reason.en))")
            } else if let other = names[sheet.name.lowercased()] {
                c.add(pointer + "/name", ja: "シート名「\(sheet.name)」は \(other) と重複しています",
                    en: "the sheet name \"\(sheet.name)\" is also used by \(other)")
            }
            names[sheet.name.lowercased()] = names[sheet.name.lowercased()] ?? pointer
            c.text(sheet.title, pointer + "/title", limit: EvaluationSheet.maximumTextLength - 20, placeholders: ["fiscalYear"])
            if !["portrait", "landscape"].contains(sheet.orientation) {
                c.add(pointer + "/orientation", ja: "向き「\(sheet.orientation)」は使えません(portrait か landscape)",
                    en: "the orientation \"\(sheet.orientation)\" is not portrait or landscape")
            }
            if sheet.columnWidths.count < minimum {
                c.add(pointer + "/columnWidths", ja: "列幅が \(minimum) 列分必要です(\(sheet.columnWidths.count) 列分しかありません)",
                    en: "needs \(minimum) column widths (has \(sheet.columnWidths.count))")
            }
            // A sheet has 16,384 columns; a form needs a few dozen at most.
            if sheet.columnWidths.count > Self.maximumColumnWidths {
                c.add(pointer + "/columnWidths", ja: "列幅が多すぎます(\(sheet.columnWidths.count) 列分、上限 \(Self.maximumColumnWidths) 列分)",
                    en: "too many column widths (\(sheet.columnWidths.count); at most \(Self.maximumColumnWidths))")
            }
            for (i, w) in sheet.columnWidths.prefix(Self.maximumColumnWidths).enumerated() {
                c.number(w, pointer + "/columnWidths/\(i)", 0...255, unit: ("文字分", "characters"))
            }
        }
    }

    /// The most column widths one sheet of a template may give.
    static let maximumColumnWidths = 256

    private func checkLabels(_ c: inout TemplateChecks) {
        // Labels: cell texts the importer finds again; some are also dropdown titles (32 characters).
        let mirror = Mirror(reflecting: labels)
        for child in mirror.children {
            guard let key = child.label, let value = child.value as? String else { continue }
            let titled: Set<String> = ["executionPlan", "projectDirections", "indicatorDirection", "ratingHeader", "factor", "assessment"]
            c.text(value, "/labels/\(key)", limit: titled.contains(key) ? 32 : EvaluationSheet.maximumTextLength - 20,
                 placeholders: Self.labelPlaceholders[key] ?? [])
        }
        let valueTitle = "\(labels.target)・\(labels.actual)・\(labels.rate)"
        if valueTitle.utf16.count > 32 {
            c.add("/labels/target", ja: "\(labels.target)・\(labels.actual)・\(labels.rate)の見出しを合わせて 32 文字以内にしてください(入力時メッセージのタイトル)",
                en: "target, actual and rate together must fit 32 characters (the input message title)")
        }
        for (key, value, placeholder) in [("referenceColumn", labels.referenceColumn, "column"),
                                          ("lastYearRating", labels.lastYearRating, "fiscalYear"),
                                          ("lastYearReason", labels.lastYearReason, "fiscalYear")]
        where Self.placeholders(in: value) != [placeholder] {
            c.add("/labels/\(key)", ja: "「{\(placeholder)}」を1回だけ書いてください", en: "must hold {\(placeholder)} exactly once")
        }
        // The reference column must never read as a money column of its own (「{column}」 alone would
        // make last year's budget this year's data).
        let sample = MoneyColumn(fiscalYear: 2020, kind: .budget).label
        if MoneyColumn(label: labels.referenceColumn(sample)) != nil || labels.referenceColumn(sample).labelKey() == sample.labelKey() {
            c.add("/labels/referenceColumn", ja: "列の見出し「{column}」だけにせず、金額の列と区別できる言葉を付けてください(既定の様式では「\(FormTemplate.standard.labels.referenceColumn)」)",
                en: "must tell the column apart from a money column, as the default \"\(FormTemplate.standard.labels.referenceColumn)\" does")
        }
        if !labels.future.hasPrefix("{year}") || labels.future == "{year}" {
            c.add("/labels/future", ja: "「{year}」で始め、その後に見出しを続けてください(例: {year}以降の取組)",
                en: "must start with {year} followed by the label (e.g. {year}以降の取組)")
        }
        if labels.higherIsBetter.labelKey() == labels.lowerIsBetter.labelKey() {
            c.add("/labels/lowerIsBetter", ja: "\(labels.indicatorDirection)の2つの値が同じです(「\(labels.lowerIsBetter)」)",
                en: "the two directions read the same (\"\(labels.lowerIsBetter)\")")
        }
    }

    private func checkHelp(_ c: inout TemplateChecks) {
        // The legend and the input help.
        for (i, line) in legend.enumerated() { c.text(line, "/legend/\(i)", controls: .any) }
        for (key, message) in inputHelp.sorted(by: { $0.key < $1.key }) {
            c.text(message, "/inputHelp/\(TemplateSchema.escape(key))", limit: 255, controls: .lineBreaks)
        }
    }

    /// The problems found so far, and the checks every part of the template shares.
    struct TemplateChecks {
        var out: [TemplateProblem] = []

        mutating func add(_ pointer: String, ja: String, en: String) { out.append(.init(pointer: pointer, message: .init(ja: ja, en: en))) }

        /// A text: not empty (unless `empty`), at most `limit` UTF-16 units, stream-safe (the sheet's
        /// bound on combining marks in a row), no control character beyond `controls`, no
        /// `{placeholder}` beyond `placeholders`.
        mutating func text(_ value: String, _ pointer: String, limit: Int = EvaluationSheet.maximumTextLength, empty: Bool = false,
                           placeholders: Set<String> = [], controls: ControlCharacters = .none) {
            if value.isEmpty {
                if !empty { add(pointer, ja: "空にはできません", en: "must not be empty") }
                return
            }
            if value.utf16.count > limit {
                add(pointer, ja: "長すぎます(\(value.utf16.count) 文字、上限 \(limit) 文字)",
                    en: "too long (\(value.utf16.count) characters; at most \(limit))")
            }
            let marks = value.longestCombiningMarkRun
            if marks > EvaluationSheet.maximumCombiningMarkRun {
                add(pointer, ja: "結合文字が \(marks) 個続いています(\(EvaluationSheet.maximumCombiningMarkRun) 個まで)",
                    en: "\(marks) combining marks in a row (at most \(EvaluationSheet.maximumCombiningMarkRun))")
            }
            if let c = value.unicodeScalars.first(where: { !controls.allows($0) }) {
                add(pointer, ja: "使えない制御文字 \(PolicyCodeSyntax.visible(String(c))) があります",
                    en: "contains the control character \(PolicyCodeSyntax.visible(String(c)))")
            }
            for p in FormTemplate.placeholders(in: value) where !placeholders.contains(p) {
                let allowed = placeholders.sorted().map { "{\($0)}" }.joined(separator: " ")
                add(pointer, ja: "差し込み「{\(p)}」は使えません(使えるもの: \(placeholders.isEmpty ? "なし" : allowed))",
                    en: "unknown placeholder {\(p)} (allowed: \(placeholders.isEmpty ? "none" : allowed))")
            }
        }

        /// A finite number within `range`.
        mutating func number(_ value: Double, _ pointer: String, _ range: ClosedRange<Double>, unit: (ja: String, en: String)) {
            guard value.isFinite, range.contains(value) else {
                add(pointer, ja: "\(FormTemplate.plain(value)) は使えません(\(FormTemplate.plain(range.lowerBound))〜\(FormTemplate.plain(range.upperBound)) \(unit.ja))",
                    en: "\(FormTemplate.plain(value)) is outside \(FormTemplate.plain(range.lowerBound))–\(FormTemplate.plain(range.upperBound)) \(unit.en)")
                return
            }
        }
    }

    /// Which control characters a template text may hold: none (labels, names: the importer
    /// matches them), line breaks (input help, an XML attribute), or any (cell text, escaped).
    enum ControlCharacters {
        case none, lineBreaks, any

        func allows(_ u: Unicode.Scalar) -> Bool {
            switch self {
            case .any: return true
            case .lineBreaks: return !(u.value < 0x20 && u != "\t" && u != "\n" && u != "\r") && u.value != 0xFFFE && u.value != 0xFFFF
            case .none: return u.value >= 0x20 && u.value != 0xFFFE && u.value != 0xFFFF
            }
        }
    }

    /// `12` for 12.0: numbers in messages as a person writes them.
    static func plain(_ value: Double) -> String {
        value.isFinite && value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }

    /// `{name}` placeholders in a text.
    static func placeholders(in text: String) -> [String] {
        var out: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return out
    }

    static func isColour(_ s: String) -> Bool {
        s.utf8.count == 6 && s.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x41...0x46).contains($0) || (0x61...0x66).contains($0) }
    }

    /// Excel's sheet-name rules (and the name reserved for the hidden list sheet).
    static func sheetNameProblem(_ name: String) -> (ja: String, en: String)? {
        if name.isEmpty { return ("空です", "it is empty") }
        if name.utf16.count > 31 { return ("31文字以内にしてください", "at most 31 characters") }
        if name.contains(where: { "[]:*?/\\".contains($0) }) { return ("[]:*?/\\ は使えません", "none of []:*?/\\") }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 }) { return ("制御文字は使えません", "no control characters") }
        if name.hasPrefix("'") || name.hasSuffix("'") { return ("先頭と末尾に ' は使えません", "no ' at the start or end") }
        if name.lowercased() == "_lists" { return ("_lists は一覧用の隠しシートの名前です", "_lists is reserved for the hidden list sheet") }
        return nil
    }
}
