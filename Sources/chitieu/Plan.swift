import ArgumentParser
import ChiTieuCore
import ChiTieuLoad
import ChiTieuReport
import Foundation

/// `chitieu plan`: a next term's draft targets checked against the body's record.
struct Plan: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rà soát chỉ tiêu dự thảo nhiệm kỳ tới / Check a next term's draft targets against the record.",
        discussion: """
            DRAFT is a term file (body, term, targets) of the next term. The record is every figure \
            of the same body before the draft term begins, read from --data (default: the data \
            folder of DRAFT). A draft kept outside the data folders (no indicators.yaml at or above \
            it) uses the catalogue, bodies and shared sources of the --data folders.

            Examples:
              chitieu plan Targets/lang-son/khoi-cac-co-quan/2020-2025.yaml
              chitieu plan ~/du-thao-2025-2030.yaml --data Targets
            """
    )

    @Argument(help: "The draft term file.")
    var draft: String

    @Option(name: .customLong("data"), help: "Data files or folders holding the record (default: the draft's data folder).")
    var data: [String] = []

    @Option(help: "Language: vi (default) or en.")
    var lang: ReportLanguage = .vi

    @Option(help: "Format: text (default) or markdown.")
    var format: TextFormat = .text

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    func validate() throws {
        try validateOutput(output)
    }

    func run() throws {
        let drafts = LedgerLoader.load(paths: [draft], catalogueFrom: data)
        // A draft inside the record's folders is loaded with it again below, and counted there.
        let draftOutside = LedgerLoader.dataRoot(of: draft) == nil
        if drafts.diagnostics.hasErrors { printFindings(drafts.diagnostics) }
        guard let draftLedger = drafts.ledger, !drafts.diagnostics.hasErrors,
              let record = draftLedger.records.first, let term = record.term else {
            printError("chitieu: the draft must be a valid term file (body, term, targets); see the errors above")
            throw ExitCode(1)
        }
        let recordPaths = data.isEmpty ? [LedgerLoader.dataRoot(of: draft) ?? "Targets"] : data
        let history = LedgerLoader.load(paths: recordPaths)
        // The draft's own file is in the record's folder too: its warnings are counted once, there.
        if draftOutside { printFindings(drafts.diagnostics, history.diagnostics) } else { printFindings(history.diagnostics) }
        guard let ledger = history.ledger, !history.diagnostics.hasErrors, let body = ledger.bodies[record.bodyID] else {
            printError("chitieu: the record in \(recordPaths.joined(separator: ", ")) has errors or lacks the body '\(record.bodyID)'")
            throw ExitCode(1)
        }
        // The record is what happened before the draft term; the draft's own file is left out.
        let past = Ledger(indicators: ledger.indicators, bodies: ledger.bodies, bodySources: ledger.bodySources,
                          records: ledger.records.filter { $0.file != record.file && ($0.term?.startYear ?? 0) < term.startYear })
        let planner = Planner(ledger: past)
        let text = PlanReport(language: lang, format: format).render(
            body: body, term: term, checks: planner.check(record), outlooks: planner.outlooks(body: body.id, through: term.startYear))
        try emit(text, to: output)
    }
}

extension TextFormat: ExpressibleByArgument {}
