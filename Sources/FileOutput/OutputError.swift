/// Why an output file could not be created, naming the file, in Japanese and English.
public enum OutputError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The output exists and overwriting was not asked for (or another run created it first).
    case fileExists(String)
    /// The directory of the output is missing, not a directory, or read-only.
    case directoryNotWritable(String)
    /// The name is not a plain file name (a path separator, `..`, a leading dot, a control character…).
    case notAPlainFileName(String)
    /// Writing the content failed (`isDiskFull` tells a full disk apart).
    case cannotWrite(String, Errno)
    /// Moving the finished temporary file onto the output failed.
    case cannotMoveIntoPlace(String, Errno)

    /// The output the error is about.
    public var path: String {
        switch self {
        case .fileExists(let p), .directoryNotWritable(let p), .notAPlainFileName(let p),
             .cannotWrite(let p, _), .cannotMoveIntoPlace(let p, _): p
        }
    }

    /// The message in Japanese.
    public var ja: String {
        switch self {
        case .fileExists(let p): "\(p) は既にあります(上書きするには --force)"
        case .directoryNotWritable(let p): "フォルダ \(p) がないか、書き込めません"
        case .notAPlainFileName(let p): "出力ファイル名「\(p)」は使えません(フォルダの区切りや先頭の「.」を含む名前は出力フォルダの外を指すため)"
        case .cannotWrite(let p, let e) where e.isDiskFull: "ディスクの空きが足りないため \(p) を書き出せません(何も残していません)"
        case .cannotWrite(let p, let e): "\(p) を書き出せません(\(e.japanese))"
        case .cannotMoveIntoPlace(let p, let e) where e.isDiskFull: "ディスクの空きが足りないため \(p) を書き出せません(何も残していません)"
        case .cannotMoveIntoPlace(let p, let e): "\(p) を書き出せません(\(e.japanese))"
        }
    }

    /// The message in English.
    public var en: String {
        switch self {
        case .fileExists(let p): "\(p) exists (use --force to overwrite)"
        case .directoryNotWritable(let p): "the directory \(p) is missing or not writable"
        case .notAPlainFileName(let p): "the output name \"\(p)\" is not allowed (a path separator or a leading dot would point outside the output directory)"
        case .cannotWrite(let p, let e) where e.isDiskFull: "the disk is full: \(p) was not written (nothing was left behind)"
        case .cannotWrite(let p, let e): "cannot write \(p) (\(e))"
        case .cannotMoveIntoPlace(let p, let e) where e.isDiskFull: "the disk is full: \(p) was not written (nothing was left behind)"
        case .cannotMoveIntoPlace(let p, let e): "cannot write \(p) (\(e))"
        }
    }

    public var description: String { en }
}
