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
            One row per body, target (or indicator) and period: the figure as the source gave it,
            the rule, attainment, gap and verdict, the source and its words. Machine conventions:
            UTF-8, a plain '.' decimal mark, ISO dates, stable ids (schema in the README). The file is
            written to a temporary name and renamed when complete.

            Examples:
              chitieu export --format csv -o Reports/chitieu.csv
              chitieu export --format sqlite -o Reports/chitieu.sqlite
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

    func run() throws {
        let ledger = try loadLedger(paths, refusal: "nothing exported")
        let year = asOf ?? Calendar(identifier: .gregorian).component(.year, from: Date())
        let assessments = Evaluator(ledger: ledger, asOf: year).assessAll()
        let path = output ?? "Reports/chitieu." + format.rawValue
        do {
            switch format {
            case .csv: try FeedWriter.csv(assessments, to: path)
            case .json: try FeedWriter.json(assessments, to: path)
            case .sqlite: try FeedDatabase.write(ledger, assessments, to: path)
            }
            printError("chitieu: wrote \(path)")
        } catch {
            printError("chitieu: error: \(error)")
            throw ExitCode(1)
        }
    }
}
