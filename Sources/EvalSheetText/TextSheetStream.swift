import Foundation
#if canImport(Glibc)
import Glibc
#endif
import EvalSheetModel
import EvalSheetForm

/// Reads a text-form file sheet by sheet without holding it: the file is read in chunks, and only
/// the lines of the sheet being read are kept (a sheet runs from its §1 heading to the next one).
/// What it reports is exactly what `TextFormReader.readEach` reports for the same bytes, in the same
/// order: a first pass over the file checks what concerns the whole file (UTF-8, not empty), so
/// no sheet is handed on from a file that is then refused.
extension TextFormReader {
    /// The size of one read.
    static let chunkSize = 1 << 20

    /// Calls `body` with each sheet read (or refused), in file order. Returns the failures of the
    /// file as a whole (it cannot be opened, is not UTF-8, is empty or holds no §1 heading), and
    /// then `body` has not been called.
    ///
    /// With `jobs` above 1 the sheets are read on that many threads while the file is split into
    /// sheets (a large year in one file uses every core); `body` is still called on this thread,
    /// in file order, with exactly what one thread gives.
    public static func forEachSheet(contentsOf url: URL, displayName: String? = nil, template: FormTemplate = .standard,
                                    jobs: Int = 1, _ body: (Result<LoadedSheet, TextFormError>) -> Void) -> [TextFormError] {
        let name = displayName ?? url.path
        let fd = open(url.path, O_RDONLY)
        guard fd >= 0 else { return replay(url, name, template, body) }
        defer { close(fd) }
        // Pass 1: every line UTF-8, and something in the file that is not whitespace. Lines are cut
        // only until that something is found; the rest of the file is checked chunk by chunk.
        var check = LineSplitter()
        var stream = UTF8Stream()
        var hasContent = false, byLines = true
        guard feedAll(fd, { chunk, final in
            guard byLines else { return stream.feed(chunk) && (!final || stream.isComplete) }
            guard check.check(chunk, final: final, hasContent: &hasContent) else { return false }
            if hasContent {
                byLines = false
                return check.pending.withUnsafeBufferPointer { stream.feed($0) } && (!final || stream.isComplete)
            }
            return true
        }), hasContent else {
            return replay(url, name, template, body)
        }
        // Pass 2: the sheets.
        guard lseek(fd, 0, SEEK_SET) == 0 else { return replay(url, name, template, body) }
        return withoutActuallyEscaping(body) { body in
            var sheets = SheetCollector(file: name, words: .of(template), reads: jobs > 1 ? OrderedSheetReads(jobs: jobs) : nil,
                                        body: body)
            var splitter = LineSplitter()
            guard feedAll(fd, { chunk, final in splitter.feed(chunk, final: final) { sheets.add($0) } }) else {
                return replay(url, name, template, body)
            }
            return sheets.finish()
        }
    }

    /// Reads the whole file and reports as `readEach` does (for the files refused as a whole,
    /// whose messages need the whole text).
    private static func replay(_ url: URL, _ name: String, _ template: FormTemplate,
                               _ body: (Result<LoadedSheet, TextFormError>) -> Void) -> [TextFormError] {
        let (sheets, failures) = readEach(contentsOf: url, displayName: name, wholeFile: true, template: template)
        if sheets.isEmpty, failures.count == 1, failures[0].sheetLines == nil { return failures }
        // Not refused as a whole after all (the file changed between the passes): hand on what was read.
        sheets.forEach { body(.success($0)) }
        failures.forEach { body(.failure($0)) }
        return []
    }

    /// Feeds the whole file from its current offset to `feed`, in chunks (the last one empty and
    /// final), a BOM at the start skipped; false as soon as `feed` answers false.
    private static func feedAll(_ fd: Int32, _ feed: (UnsafeBufferPointer<UInt8>, Bool) -> Bool) -> Bool {
        // A chunk no larger than the file (and a page at least): a folder of small files does not
        // zero a megabyte for each of them.
        var info = stat()
        let size = fstat(fd, &info) == 0 ? Int(info.st_size) : chunkSize
        let capacity = min(chunkSize, max(4096, size + 1))
        var buffer = [UInt8](repeating: 0, count: capacity)
        var first = true
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, capacity) }
            if n < 0 { if errno == EINTR { continue }; return false }
            let ok = buffer.withUnsafeBufferPointer { all -> Bool in
                var chunk = UnsafeBufferPointer(rebasing: all[0..<n])
                if first, chunk.starts(with: [0xEF, 0xBB, 0xBF]) { chunk = UnsafeBufferPointer(rebasing: chunk[3...]) }
                return feed(chunk, n == 0)
            }
            first = false
            if !ok { return false }
            if n == 0 { return true }
        }
    }
}

/// The sheets of a file as its lines arrive: the lines before the first §1 heading become notes of
/// the first sheet read (as `readEach` gives them), each further §1 heading ends the sheet before it.
private struct SheetCollector {
    let file: String
    let words: TextVocabulary
    let body: (Result<LoadedSheet, TextFormError>) -> Void
    /// Where sheets are read when several threads read them (nil: here, one after another).
    let reads: OrderedSheetReads<Result<LoadedSheet, TextFormError>>?
    private var current: [TextLine]?
    /// The section each line of `current` opens (0: none).
    private var currentHeadings: [Int8] = []
    private var leading: [ReaderNote] = []
    private var firstFilled: Int?

    init(file: String, words: TextVocabulary, reads: OrderedSheetReads<Result<LoadedSheet, TextFormError>>?,
         body: @escaping (Result<LoadedSheet, TextFormError>) -> Void) {
        self.file = file
        self.words = words
        self.reads = reads
        self.body = body
    }

    mutating func add(_ line: TextLine) {
        let heading = SectionHeading.number(of: line, words)
        if heading == 1 {
            sawSheet = true
            flush()
            current = [line]
            currentHeadings = [1]
        } else if current != nil {
            // Lines past the bound are not kept: the sheet is refused at the first of them.
            guard current!.count < SheetTextReader.linesHandedOn else { return }
            current!.append(line)
            currentHeadings.append(Int8(heading ?? 0))
        } else if !line.isEmpty {
            if firstFilled == nil { firstFilled = line.number }
            leading.append(TextFormReader.leadingNote(line, file: file))
        }
    }

    private mutating func flush() {
        guard let lines = current else { return }
        current = nil
        let (file, words, headings) = (file, words, currentHeadings)
        currentHeadings = []
        let read: @Sendable () -> Result<LoadedSheet, TextFormError> = {
            SheetTextReader(file: file, lines: lines[...], words: words, headings: headings[...]).read()
        }
        guard let reads else { return handOn(read()) }
        reads.submit(read, deliver: { handOn($0) })
    }

    /// Hands one sheet on, in file order; the notes of the lines before the file's first sheet go
    /// with the first sheet read.
    private mutating func handOn(_ result: Result<LoadedSheet, TextFormError>) {
        switch result {
        case .success(var loaded):
            if !leading.isEmpty {
                loaded.notes.insert(contentsOf: leading, at: 0)
                leading = []
            }
            body(.success(loaded))
        case .failure(let error):
            body(.failure(error))
        }
    }

    /// Reads the last sheet; the file's failure when it held none.
    mutating func finish() -> [TextFormError] {
        flush()
        if let reads { reads.finish(deliver: { handOn($0) }) }
        guard sawSheet else { return [TextFormReader.notASheet(file: file, at: firstFilled ?? 1, words)] }
        return []
    }

    private var sawSheet = false
}
