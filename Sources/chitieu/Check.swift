import ArgumentParser
import ChiTieuCore
import ChiTieuLoad
import Foundation

/// `chitieu check`: every problem of every file, gcc style, and a non-zero exit on errors.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Kiểm tra tệp dữ liệu / Validate data files and report every problem with its position.",
        discussion: """
            Prints each problem as file:line:column: error|warning: message, so that editors jump
            to it, then recomputes every attainment a source stated and warns where it does not match.
            Exits with status 1 if any error was found.

            Examples:
              chitieu check
              chitieu check Targets/quang-ninh
              chitieu check --figures Targets/lang-son/khoi-cac-co-quan/2015-2020.yaml
              chitieu check Targets/lang-son/khoi-cac-co-quan/2015-2020.yaml
            """
    )

    @Argument(help: "Data files or directories (default: Targets).")
    var paths: [String] = []

    @Option(name: .customLong("as-of"), help: "Year of assessment (default: this year).")
    var asOf: Int?

    @Flag(name: .customLong("figures"), help: "Also say, at each target, which figures its verdict uses and where they were given.")
    var figures = false

    func validate() throws { try validateAsOf(asOf) }

    func run() throws {
        let result = LedgerLoader.load(paths: paths)
        var diagnostics = result.diagnostics
        if let ledger = result.ledger {
            let year = asOf ?? Calendar(identifier: .gregorian).component(.year, from: Date())
            for assessment in Evaluator(ledger: ledger, asOf: year).assessAll() {
                diagnostics.append(contentsOf: StatedChecks.diagnostics(for: assessment))
                diagnostics.append(contentsOf: UnusedFigureChecks.diagnostics(for: assessment))
                if figures { diagnostics.append(contentsOf: FigureUseNotes.diagnostics(for: assessment)) }
            }
        }
        for d in diagnostics.sorted {
            printError(d.description)
        }
        let errors = diagnostics.count(.error)
        let warnings = diagnostics.count(.warning)
        let files = result.ledger?.records.count ?? 0
        printError("\(files) tệp dữ liệu; \(errors) lỗi, \(warnings) cảnh báo")
        if errors > 0 { throw ExitCode(1) }
    }
}

func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
