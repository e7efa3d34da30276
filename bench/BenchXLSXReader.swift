// Reads every sheet of every workbook given on the command line, several rounds, and prints the
// best wall time per round. Built and run by bench/run.sh (the reader layer alone, beside calamine).

import XLSX
import XLSXReader

@main
struct BenchXLSXReader {
    static func main() throws {
        var arguments = Array(CommandLine.arguments.dropFirst())
        var rounds = 5
        if arguments.first == "--rounds", arguments.count > 1 {
            rounds = Int(arguments[1]) ?? 5
            arguments.removeFirst(2)
        }
        let clock = ContinuousClock()
        var best = Duration.seconds(1_000_000)
        var cells = 0
        var checksum = 0.0
        for _ in 0..<rounds {
            cells = 0
            let elapsed = try clock.measure {
                for path in arguments {
                    let document = try XLSXDocument(path: path)
                    for info in document.sheets where info.kind == .worksheet {
                        let sheet = try document.worksheet(at: info.index)
                        for cell in sheet.cells {
                            cells += 1
                            switch cell.value {
                            case .number(let d, _): checksum += d
                            case .string(let s): checksum += Double(s.utf8.count)
                            default: break
                            }
                        }
                    }
                }
            }
            best = min(best, elapsed)
        }
        let seconds = Double(best.components.seconds) + Double(best.components.attoseconds) / 1e18
        print("swift-xlsxreader: \(arguments.count) files, \(cells) cells, best of \(rounds): \(String(format3(seconds * 1000))) ms (checksum \(Int(checksum) % 1000))")
    }

    static func format3(_ v: Double) -> String {
        let scaled = (v * 10).rounded() / 10
        return "\(scaled)"
    }
}
