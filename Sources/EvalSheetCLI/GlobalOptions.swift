import ArgumentParser
import EvalSheetModel

/// Options every command shares.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "Language of messages: ja (default) or en.")
    var lang: Language = .ja

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false
}

extension Language: ExpressibleByArgument {}
