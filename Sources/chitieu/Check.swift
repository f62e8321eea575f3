import ArgumentParser
import ChiTieuCore
import ChiTieuLoad
import Foundation

/// `chitieu check`: every problem of every file, gcc style, and a non-zero exit on errors.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Kiểm tra tệp dữ liệu / Validate data files and report every problem with its position.",
        discussion: """
            Prints each problem as file:line:column: error|warning: message, so that editors jump \
            to it, then recomputes every attainment a source stated and warns where it does not match. \
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
        let year = asOf ?? Calendar(identifier: .gregorian).component(.year, from: Date())
        // One pass, as `export` reads: each record is loaded, judged on its own (a judgement reads
        // only its record) and let go, so memory holds one record at a time however many there are.
        // The judgement's findings follow the loader's, as when the whole ledger was loaded first.
        var judged = Diagnostics()
        var files = 0
        var prepared = false
        var diagnostics = LedgerLoader.stream(paths: paths, { context, record in
            files += 1
            let one = Ledger(indicators: context.indicators, bodies: context.bodies, bodySources: context.bodySources, records: [record])
            guard let assessment = Evaluator(ledger: one, asOf: year).assess(record) else { return }
            judged.append(contentsOf: StatedChecks.diagnostics(for: assessment))
            judged.append(contentsOf: UnusedFigureChecks.diagnostics(for: assessment))
            if figures { judged.append(contentsOf: FigureUseNotes.diagnostics(for: assessment)) }
        }, prepared: { _ in prepared = true })
        if !prepared { files = 0 }
        diagnostics.append(contentsOf: judged)
        for d in diagnostics.sorted {
            printError(d.description)
        }
        let errors = diagnostics.count(.error)
        let warnings = diagnostics.count(.warning)
        printError("\(files) tệp dữ liệu; \(errors) lỗi, \(warnings) cảnh báo")
        if errors > 0 { throw ExitCode(1) }
    }
}

func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
