// Number formats that a style may name by id without defining them in <numFmts>.

enum BuiltinNumberFormats {
    /// The format code for a built-in id, or nil when the id is not built in.
    ///
    /// Ids 0–4, 9–22, 37–40 and 45–49 follow ECMA-376 Part 1 §18.8.30. Ids 5–8 and 41–44 are
    /// locale-dependent currency/accounting formats; the Japanese (ja-JP) codes are used, as a
    /// Japanese Excel shows them. Ids 27–36 and 50–58 are the ja-JP East Asian date formats.
    static func code(for id: Int) -> String? {
        switch id {
        case 0: return "General"
        case 1: return "0"
        case 2: return "0.00"
        case 3: return "#,##0"
        case 4: return "#,##0.00"
        case 5: return "\"¥\"#,##0;\"¥\"\\-#,##0"
        case 6: return "\"¥\"#,##0;[Red]\"¥\"\\-#,##0"
        case 7: return "\"¥\"#,##0.00;\"¥\"\\-#,##0.00"
        case 8: return "\"¥\"#,##0.00;[Red]\"¥\"\\-#,##0.00"
        case 9: return "0%"
        case 10: return "0.00%"
        case 11: return "0.00E+00"
        case 12: return "# ?/?"
        case 13: return "# ??/??"
        case 14: return "mm-dd-yy"
        case 15: return "d-mmm-yy"
        case 16: return "d-mmm"
        case 17: return "mmm-yy"
        case 18: return "h:mm AM/PM"
        case 19: return "h:mm:ss AM/PM"
        case 20: return "h:mm"
        case 21: return "h:mm:ss"
        case 22: return "m/d/yy h:mm"
        case 27, 36, 50, 57: return "[$-411]ge.m.d"
        case 28, 29, 51, 54, 58: return "[$-411]ggge\"年\"m\"月\"d\"日\""
        case 30: return "m/d/yy"
        case 31: return "yyyy\"年\"m\"月\"d\"日\""
        case 32: return "h\"時\"mm\"分\""
        case 33: return "h\"時\"mm\"分\"ss\"秒\""
        case 34, 52, 55: return "yyyy\"年\"m\"月\""
        case 35, 53, 56: return "m\"月\"d\"日\""
        case 37: return "#,##0 ;(#,##0)"
        case 38: return "#,##0 ;[Red](#,##0)"
        case 39: return "#,##0.00;(#,##0.00)"
        case 40: return "#,##0.00;[Red](#,##0.00)"
        case 41: return "_ * #,##0_ ;_ * \\-#,##0_ ;_ * \"-\"_ ;_ @_ "
        case 42: return "_ \"¥\"* #,##0_ ;_ \"¥\"* \\-#,##0_ ;_ \"¥\"* \"-\"_ ;_ @_ "
        case 43: return "_ * #,##0.00_ ;_ * \\-#,##0.00_ ;_ * \"-\"??_ ;_ @_ "
        case 44: return "_ \"¥\"* #,##0.00_ ;_ \"¥\"* \\-#,##0.00_ ;_ \"¥\"* \"-\"??_ ;_ @_ "
        case 45: return "mm:ss"
        case 46: return "[h]:mm:ss"
        case 47: return "mmss.0"
        case 48: return "##0.0E+0"
        case 49: return "@"
        default: return nil
        }
    }
}
