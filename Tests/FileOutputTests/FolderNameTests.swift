import Foundation
import Testing
@testable import FileOutput

/// Folder names made from a sheet's text (a department) are safe on every file system, and two
/// departments never share a folder without a word.
@Suite("Safe folder names")
struct FolderNameTests {
    static let fallback = "担当課なし"

    @Test(arguments: [
        ("企画課", "企画課"),
        ("../x", "_x"),
        ("..", fallback),
        (".hidden課", "hidden課"),
        ("課/係", "課_係"),
        (#"a\b:c*d?e"f<g>h|i"#, "a_b_c_d_e_f_g_h_i"),
        ("企画\u{0}課\u{7}\t\n", "企画課"),
        ("\u{202E}課\u{200B}", "課"),
        ("CON", "CON_"),
        ("con", "con_"),
        ("Com1", "Com1_"),
        ("LPT9.txt", "LPT9_.txt"),
        ("NUL ", "NUL_"),
        ("CONSOLE", "CONSOLE"),
        ("COM0", "COM0"),
        ("課。 ", "課。"),
        ("課...", "課"),
        ("\u{3000}企画課\u{3000}", "企画課"),
        ("", fallback),
        ("   ", fallback),
        ("\u{1}\u{2}", fallback),
    ])
    func eachRuleHolds(_ raw: String, _ expected: String) {
        #expect(FolderName.safe(raw, fallback: Self.fallback) == expected)
    }

    @Test func namesAreNFC() {
        let decomposed = "か\u{3099}"  // が as か + combining dakuten
        let name = FolderName.safe("企画\(decomposed)課", fallback: Self.fallback)
        #expect(name == "企画が課")
        #expect(Array(name.unicodeScalars).count == 4)
    }

    @Test func longNamesAreCutAtACharacterBoundary() {
        let raw = String(repeating: "課", count: 100)  // 300 bytes
        let name = FolderName.safe(raw, fallback: Self.fallback)
        #expect(name == String(repeating: "課", count: 40))
        #expect(FolderName.safe("ab" + String(repeating: "é", count: 10), fallback: "-", maxBytes: 5) == "abé")
        #expect(FolderName.safe(String(repeating: "a", count: 3) + "  b", fallback: "-", maxBytes: 4) == "aaa", "no trailing space after a cut")
    }

    @Test func everySafeNameIsAPlainFileName() {
        let hostile = ["../x", "CON", "a/b\u{0}c", ".", "..", "/", "\\\\server\\share", "課\u{1F}", "\u{FEFF}", String(repeating: "/", count: 300)]
        for raw in hostile {
            let name = FolderName.safe(raw, fallback: Self.fallback)
            #expect(OutputName.isPlain(name), "\(raw.debugDescription) → \(name)")
            #expect(!name.contains("/") && !name.contains("\\") && !name.hasSuffix(".") && !name.hasSuffix(" "))
            #expect(!FolderName.isReservedOnWindows(name))
        }
    }

    @Test func collidingNamesNeverMerge() {
        var folders = FolderNames(fallback: Self.fallback)
        #expect(folders.folder(for: "課/係") == .init(name: "課_係", collidedWith: nil))
        #expect(folders.folder(for: "課:係") == .init(name: "課_係 (2)", collidedWith: "課/係"))
        #expect(folders.folder(for: "課*係") == .init(name: "課_係 (3)", collidedWith: "課/係"))
        #expect(folders.folder(for: "課/係") == .init(name: "課_係", collidedWith: nil), "the same name is the same folder")
        #expect(folders.folder(for: "Kikaku") == .init(name: "Kikaku", collidedWith: nil))
        #expect(folders.folder(for: "KIKAKU") == .init(name: "KIKAKU (2)", collidedWith: "Kikaku"), "one folder on a case-insensitive disk")
        #expect(folders.folder(for: "企画か\u{3099}課") == .init(name: "企画が課", collidedWith: nil))
        #expect(folders.folder(for: "企画が課") == .init(name: "企画が課", collidedWith: nil), "NFC and NFD are one name")
    }

    @Test func unusableNamesShareTheFallbackAndARealNameLikeItDoesNot() {
        var folders = FolderNames(fallback: Self.fallback)
        #expect(folders.folder(for: "") == .init(name: Self.fallback, collidedWith: nil))
        #expect(folders.folder(for: " \u{0} ") == .init(name: Self.fallback, collidedWith: nil))
        #expect(folders.folder(for: Self.fallback) == .init(name: "\(Self.fallback) (2)", collidedWith: ""))
    }
}
