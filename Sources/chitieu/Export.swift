import ArgumentParser
import ChiTieuCore
import ChiTieuExport
import ChiTieuLoad
import Foundation

/// What `export` writes.
enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    case csv, json, sqlite
}

/// `chitieu export`: the planners' feed, every figure, target and judgement as tidy data.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Xuất dữ liệu cho kế hoạch / Export the planners' feed (CSV, JSON, SQLite).",
        discussion: """
            One row per body, target (or indicator) and period: the figure as the source gave it, \
            the rule, attainment, gap and verdict, the source and its words. Machine conventions: \
            UTF-8, a plain '.' decimal mark, ISO dates, stable ids (schema in the README). The file is \
            written to a temporary name and renamed when complete.

            Examples:
              chitieu export --format csv -o Reports/chitieu.csv
              chitieu export --format sqlite -o Reports/chitieu.sqlite
              chitieu export --format json -o -        # standard output
            """
    )

    @Argument(help: "Data files or directories (default: Targets).")
    var paths: [String] = []

    @Option(help: "Format: csv (default), json or sqlite.")
    var format: ExportFormat = .csv

    @Option(name: .customLong("as-of"), help: "Year of assessment (default: this year).")
    var asOf: Int?

    @Option(name: .shortAndLong, help: "The file to write (default: Reports/chitieu.csv, .json or .sqlite).")
    var output: String?

    func validate() throws {
        try validateAsOf(asOf)
        try validateOutput(output, binary: format == .sqlite)
    }

    /// Raised inside a write when the data turns out to have errors: the temporary file is removed.
    struct Refused: AbandonedWrite {}

    func run() throws {
        let year = asOf ?? Calendar(identifier: .gregorian).component(.year, from: Date())
        let path = outputPath(output ?? "Reports/chitieu." + format.rawValue)
        // One pass: each record is loaded, judged, written and let go, so memory holds one record
        // at a time; the file is renamed into place only if the whole data had no error.
        var diagnostics = Diagnostics()
        var catalogue: Ledger?
        let produce: FeedWriter.Producer = { write in
            diagnostics = try LedgerLoader.stream(paths: paths) { context, record in
                let one = Ledger(indicators: context.indicators, bodies: context.bodies, bodySources: context.bodySources, records: [record])
                if let a = Evaluator(ledger: one, asOf: year).assess(record) { try write(a) }
            } prepared: { catalogue = $0 }
            if diagnostics.hasErrors { throw Refused() }
        }
        do {
            switch format {
            case .csv: try FeedWriter.csv(to: path, produce)
            case .json: try FeedWriter.json(to: path, produce)
            case .sqlite:
                // The database names bodies and indicators first: read the catalogue before the records.
                let context = LedgerLoader.stream(paths: paths, { _, _ in }, prepared: { catalogue = $0 }, recordsToo: false)
                guard let catalogue, !context.hasErrors else {
                    diagnostics = context
                    throw Refused()
                }
                try FeedDatabase.write(catalogue: catalogue, to: path, produce)
            }
        } catch is Refused {
            printFindings(diagnostics)
            printError("chitieu: nothing exported: the data has errors (see above)")
            throw ExitCode(1)
        } catch {
            printFindings(diagnostics)
            printError("chitieu: error: \(error)")
            throw ExitCode(1)
        }
        printFindings(diagnostics)
        sayWrote(path)
    }
}
