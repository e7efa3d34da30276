// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "EvalSheet",
    platforms: [.macOS(.v13)],
    products: [
        // `import EvalSheet` gives everything a library user needs (the umbrella module re-exports the rest).
        .library(name: "EvalSheet", targets: ["EvalSheet"]),
        .library(name: "XLSX", targets: ["XLSX", "XLSXWriter", "XLSXReader"]),
        .executable(name: "evalsheet", targets: ["evalsheet"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // C libraries, each reached through exactly one Swift file per target (XLSXWriter: libxlsxwriter in
        // LibXlsxWriter.swift, libzip in LibZipRewrite.swift; XLSXReader: libzip in LibZip.swift).
        .systemLibrary(name: "CXlsxWriter", pkgConfig: "xlsxwriter",
                       providers: [.apt(["libxlsxwriter-dev"])]),
        .systemLibrary(name: "CZip", pkgConfig: "libzip",
                       providers: [.apt(["libzip-dev"])]),

        // The typed model of a 施策評価シート. Knows no file format.
        .target(name: "EvalSheetModel"),
        // A strict JSON parser and a fast pretty writer (domain-free).
        .target(name: "StrictJSON"),
        // The JSON form of the model: its reader (every problem at its pointer) and writer.
        .target(name: "EvalSheetJSON", dependencies: ["EvalSheetModel", "StrictJSON"]),

        // The form's wording and layout as data (templates/, embedded default): every label, title and
        // legend, read by the text form, the workbook, validation and the diff.
        .target(name: "EvalSheetForm", dependencies: ["EvalSheetModel", "StrictJSON"]),
        // The city's text form: tolerant reader, canonical writer.
        .target(name: "EvalSheetText", dependencies: ["EvalSheetModel", "EvalSheetForm"]),

        // Files that appear whole or not at all, never outside their directory (domain-free).
        .target(name: "FileOutput"),

        // A domain-free XLSX layer: cell references (XLSX), writing (XLSXWriter), reading (XLSXReader).
        .target(name: "XLSX"),
        .target(name: "XLSXWriter", dependencies: ["XLSX", "CXlsxWriter", "CZip", "FileOutput"]),
        .target(name: "XLSXReader", dependencies: ["XLSX", "CZip"]),

        // The city's workbook layout: one description drives export and import.
        .target(name: "EvalSheetWorkbook", dependencies: [
            "EvalSheetModel", "EvalSheetForm", "XLSX", "XLSXWriter", "XLSXReader",
        ]),
        // The year's cycle: next year's sheets (rollover) and the collection status of a year sent out.
        .target(name: "EvalSheetCycle", dependencies: ["EvalSheetModel", "EvalSheetValidation"]),
        // Rules over the model and the diff of two models.
        .target(name: "EvalSheetValidation", dependencies: ["EvalSheetModel", "EvalSheetForm"]),

        // The umbrella: re-exports the modules above, and the entry points that read any supported
        // file (SheetSource, SheetLoading) and write any format (SheetOutput).
        .target(name: "EvalSheet", dependencies: [
            "EvalSheetModel", "EvalSheetForm", "EvalSheetText", "EvalSheetJSON", "EvalSheetWorkbook",
            "EvalSheetValidation", "EvalSheetCycle", "FileOutput",
        ]),

        // The command line: argument parsing, progress, exit codes.
        .target(name: "EvalSheetCLI", dependencies: [
            "EvalSheet", "EvalSheetModel", "EvalSheetText", "EvalSheetJSON", "EvalSheetWorkbook", "EvalSheetValidation", "EvalSheetCycle",
            "XLSXWriter", "FileOutput",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "evalsheet", dependencies: ["EvalSheetCLI", "FileOutput", "XLSXWriter"]),
        // The README's **Library** example, built and run by `make test`.
        .executableTarget(name: "evalsheet-library-example", dependencies: ["EvalSheet"], path: "Examples/ConvertValidateDiff"),

        // Paths to samples/ and fixtures, shared by the test targets (not shipped).
        .target(name: "TestSupport", dependencies: ["EvalSheetModel", "EvalSheetText", "EvalSheetJSON"], path: "Tests/TestSupport"),

        .testTarget(name: "EvalSheetModelTests", dependencies: ["EvalSheetModel", "EvalSheetJSON", "TestSupport"]),
        .testTarget(name: "EvalSheetCycleTests", dependencies: ["EvalSheetModel", "EvalSheetJSON", "EvalSheetCycle", "EvalSheetValidation", "TestSupport"]),
        .testTarget(name: "EvalSheetTextTests", dependencies: [
            "EvalSheetModel", "EvalSheetForm", "EvalSheetText", "EvalSheetJSON", "TestSupport",
        ]),
        .testTarget(name: "XLSXWriterTests", dependencies: ["XLSX", "XLSXWriter", "FileOutput"], exclude: ["python"]),
        .testTarget(name: "XLSXReaderTests", dependencies: ["XLSX", "XLSXReader"]),
        .testTarget(name: "FileOutputTests", dependencies: ["FileOutput"]),
        .testTarget(name: "EvalSheetWorkbookTests", dependencies: [
            "EvalSheetModel", "EvalSheetText", "EvalSheetWorkbook", "EvalSheetCycle", "EvalSheetValidation", "XLSX", "XLSXReader",
            "TestSupport",
        ], exclude: ["dump_workbooks.py"]),
        .testTarget(name: "EvalSheetValidationTests", dependencies: [
            "EvalSheetModel", "EvalSheetText", "EvalSheetValidation", "EvalSheetWorkbook", "EvalSheetCycle", "TestSupport",
        ], exclude: ["edit_workbook.py"]),
        .testTarget(name: "EndToEndTests", dependencies: [
            "evalsheet", "EvalSheetCLI", "EvalSheetModel", "EvalSheetText", "EvalSheetJSON", "EvalSheetWorkbook", "EvalSheetValidation", "TestSupport",
        ], exclude: ["Snapshots"]),  // read from the repository by path (PlainCLITests), not bundled
    ]
)
