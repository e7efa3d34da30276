import EvalSheetForm

/// The names messages give to parts of the form, all taken from the template so that a renamed
/// label renames them too: a label without its note (`総合評価` for `総合評価(成果、…)`), a
/// section by its sheet (`構成事業` for the sheet `3 構成事業`).
extension FormTemplate {
    /// The sheet of section 1…7; nil for another number.
    func sheet(_ section: Int) -> Sheet? {
        let all = sheets.all
        return section >= 1 && section <= all.count ? all[section - 1] : nil
    }

    /// The section's sheet name without its number: `構成事業` for `3 構成事業`.
    func sectionName(_ section: Int) -> String {
        guard let name = sheet(section)?.name else { return "§\(section)" }
        let bare = name.drop { $0.isNumber || $0 == "." || $0 == "." }.drop { $0.isWhitespace }
        return bare.isEmpty ? name : String(bare)
    }
}

extension FormTemplate.Labels {
    /// A label without the note that follows it on the form: `総合評価` for
    /// `総合評価(成果、投入財源等を総合的に評価)`, `総事業費` for `総事業費(施策の合計)`, `評価` for `評価※`.
    static func name(_ label: String) -> String {
        let cut = label.firstIndex { $0 == "(" || $0 == "(" || $0 == "※" } ?? label.endIndex
        let head = label[..<cut]
        return head.isEmpty ? label : String(head)
    }

    /// `総合評価`: the rating's caption without its note.
    public var ratingName: String { Self.name(ratingCaption) }

    /// `総事業費`: the total row's label without its note.
    var totalName: String { Self.name(total) }

    /// `以降の取組`: the future-actions label without its year.
    var futureWithoutYear: String { future.replacingOccurrences(of: "{year}", with: "") }
}
