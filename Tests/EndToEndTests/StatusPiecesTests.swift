import Foundation
import Testing
import TestSupport
@testable import EvalSheetCLI

/// The small pieces `status` stands on: links relative to the workbook, terminal widths, and a
/// walk of the returned folder that passes over nothing without a word.
@Suite("status: relative links, terminal widths, the folder walk")
struct StatusPiecesTests {
    @Test func linksAreRelativeToTheWorkbooksFolder() {
        #expect(FolderWalk.relative("/r/back/企画課/511.xlsx", from: "/r") == "back/企画課/511.xlsx")
        #expect(FolderWalk.relative("/r/back/511.xlsx", from: "/r/out/status") == "../../back/511.xlsx")
        #expect(FolderWalk.relative("/r/back/./a/../511.xlsx", from: "/r/back/") == "511.xlsx")
    }

    @Test func eastAsianTextTakesTwoCells() {
        #expect(TerminalWidth.of("企画課") == 6)
        #expect(TerminalWidth.of("511") == 3)
        #expect(TerminalWidth.of("ｶﾅ") == 2, "halfwidth katakana is narrow")
        #expect(TerminalWidth.of("か\u{3099}") == 2, "a combining mark takes no cell")
        #expect(TerminalWidth.of("（２）") == 6)
    }

    @Test func theWalkGoesDownFoldersAndNamesWhatItPassesOver() throws {
        let dir = RepositoryPaths.temporaryDirectory("walk")
        defer { try? FileManager.default.removeItem(at: dir) }
        let fm = FileManager.default
        try fm.createDirectory(at: dir.appendingPathComponent("a/b"), withIntermediateDirectories: true)
        try fm.createDirectory(at: dir.appendingPathComponent(".返却済み/古い/.もっと古い"), withIntermediateDirectories: true)
        try fm.createDirectory(at: dir.appendingPathComponent(".git/objects"), withIntermediateDirectories: true)
        for name in ["1.json", "a/2.xlsx", "a/b/3.txt", ".hidden.json", "a/.~lock.2.xlsx#", ".返却済み/4.xlsx", ".返却済み/5.txt",
                     ".返却済み/メモ.docx", ".返却済み/古い/.もっと古い/6.json", ".git/HEAD"] {
            try Data().write(to: dir.appendingPathComponent(name))
        }
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("link.json").path, withDestinationPath: dir.appendingPathComponent("1.json").path)
        let walk = FolderWalk.files([dir.path, dir.appendingPathComponent("missing").path])
        #expect(walk.files == ["1.json", "a/2.xlsx", "a/b/3.txt"].map { dir.appendingPathComponent($0).path })
        #expect(walk.missing.map(\.file) == [dir.appendingPathComponent("missing").path])
        // A hidden sheet is named (a lock file is not); a link is named and not followed.
        // A hidden folder of sheets is named with their count, at any depth (one of another program's is not).
        #expect(walk.passedOver.map(\.file) == [".hidden.json", ".返却済み", "link.json"].map { dir.appendingPathComponent($0).path })
        #expect(walk.passedOver.map(\.message.ja) == ["隠しファイルのため読みません(名前の先頭の「.」を外すと読みます)",
                                                      "隠しフォルダのため、中のシート(3 件)を読みません(名前の先頭の「.」を外すと読みます)",
                                                      "シンボリックリンクはたどりません(元のファイルを指定してください)"])
    }
}
