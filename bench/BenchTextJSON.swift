// The text-form reader and the JSON form in-process, without the CLI's files and workers: built
// and run by bench/run.sh beside the end-to-end commands.
//
//   bench-text-json text FILE [ROUNDS]   read a text-form year file: MB/s, best of ROUNDS
//   bench-text-json json DIR [ROUNDS]    decode + encode every .json of DIR (bytes read beforehand):
//                                        ms per policy, best of ROUNDS

import Foundation
import EvalSheetJSON
import EvalSheetText

@main
struct BenchTextJSON {
    static func main() throws {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard arguments.count >= 2 else { print("usage: bench-text-json text FILE|json DIR [ROUNDS]"); return }
        let rounds = arguments.count > 2 ? Int(arguments[2]) ?? 3 : 3
        let clock = ContinuousClock()
        var best = Duration.seconds(1_000_000)
        switch arguments[0] {
        case "text":
            let url = URL(fileURLWithPath: arguments[1])
            let size = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int ?? 0
            var policies = 0, failures = 0
            for _ in 0..<rounds {
                let elapsed = clock.measure {
                    let (sheets, bad) = TextFormReader.readEach(contentsOf: url)
                    policies = sheets.count
                    failures = bad.count
                }
                best = min(best, elapsed)
            }
            let s = seconds(best)
            print("text-reader: \(size) bytes, \(policies) policies (\(failures) unreadable), best of \(rounds): \(fmt(s * 1000)) ms, \(fmt(Double(size) / 1e6 / s)) MB/s")
        case "json":
            let dir = arguments[1]
            let names = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".json") }.sorted()
            let files = try names.map { try Data(contentsOf: URL(fileURLWithPath: dir + "/" + $0)) }
            var bytesOut = 0
            for _ in 0..<rounds {
                bytesOut = 0
                let elapsed = try clock.measure {
                    for (name, data) in zip(names, files) {
                        let (sheets, _) = EvaluationSheetJSON.decodeEach(data, file: name)
                        for loaded in sheets { bytesOut += try EvaluationSheetJSON.encode(loaded.sheet).count }
                    }
                }
                best = min(best, elapsed)
            }
            let s = seconds(best)
            print("json-in-out: \(names.count) policies, \(bytesOut) bytes out, best of \(rounds): \(fmt(s * 1000)) ms, \(fmt(s * 1000 / Double(max(1, names.count)), 3)) ms a policy")
        default:
            print("usage: bench-text-json text FILE|json DIR [ROUNDS]")
        }
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    static func fmt(_ v: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", v) }
}
