import ArgumentParser
import ChiTieuCore
import ChiTieuForms
import ChiTieuLoad
import Foundation

/// `chitieu form`: an Excel form for a body's term, to be filled in by the office or by each of
/// its subordinate units, and read back with `chitieu import`.
struct Form: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Tạo biểu mẫu Excel để các đơn vị điền kết quả / Write Excel forms to collect outcomes.",
        discussion: """
            TERM-FILE is a term file (or give --body and --term to find it under --data). The form \
            lists the term's targets as written, a yellow cell per reporting year (numerator and \
            denominator for shares with a base, a list for ratings), the figure's source, date and a \
            note; every other cell is locked. Read filled forms back with `chitieu import`.

            Examples:
              chitieu form Targets/lang-son/khoi-cac-co-quan/2015-2020.yaml
              chitieu form --body lang-son/khoi-cac-co-quan --term 2015-2020
              chitieu form Targets/lang-son/khoi-cac-co-quan/2015-2020.yaml \\
                  --for-each grassroots
            """
    )

    @Argument(help: "The term file.")
    var termFile: String?

    @Option(help: "The body's id (with --term, instead of a term file).")
    var body: String?

    @Option(help: "The term's years, such as 2015-2020 (with --body).")
    var term: String?

    @Option(help: "Data folder to look in with --body and --term.")
    var data: String = "Targets"

    @Option(help: "Ask for one reporting year only (a yearly collection), such as 2024.")
    var year: Int?

    @Option(name: .customLong("for-each"), help: "Write one form for each subordinate unit of this kind (bodies.yaml: kind, and parent: the term's body).")
    var forEach: BodyKind?

    @Option(name: .shortAndLong, help: "The form's file (one form only).")
    var output: String?

    @Option(name: .customLong("output-dir"), help: "Folder for the forms.")
    var outputDir: String = "Reports/forms"

    func validate() throws {
        if termFile == nil, body == nil || term == nil {
            throw ValidationError("give a term file (chitieu form Targets/…/2015-2020.yaml), or --body ID and --term 2015-2020")
        }
        if termFile != nil, body != nil || term != nil {
            throw ValidationError("give either a term file or --body and --term, not both")
        }
        if output != nil, forEach != nil {
            throw ValidationError("--for-each writes one form per unit into --output-dir; -o names a single form")
        }
        try validateOutput(output, binary: true)
    }

    func run() throws {
        let ledger = try loadLedger([termFile ?? data], refusal: "no form written")
        let record: Record
        if let termFile {
            let wanted = URL(fileURLWithPath: termFile).standardizedFileURL.path
            guard let r = ledger.records.first(where: { $0.term != nil && URL(fileURLWithPath: $0.file).standardizedFileURL.path == wanted }) ?? ledger.records.first(where: { $0.term != nil }) else {
                printError("chitieu: error: \(termFile) is not a term file (it has no 'term:'); give the file of a body's term, such as Targets/lang-son/khoi-cac-co-quan/2015-2020.yaml")
                throw ExitCode(1)
            }
            record = r
        } else {
            let found = ledger.records.filter { r in
                guard r.bodyID == body, let t = r.term else { return false }
                return "\(t.startYear)-\(t.endYear)" == term || t.years == term
            }
            guard let r = found.first else {
                let terms = ledger.records.filter { $0.bodyID == body }.compactMap(\.term).map { "\($0.startYear)-\($0.endYear)" }
                printError("chitieu: error: no term \(term ?? "") of body '\(body ?? "")' under \(data)" + (terms.isEmpty ? "; check the body's id in bodies.yaml" : "; its terms: \(terms.joined(separator: ", "))"))
                throw ExitCode(1)
            }
            record = r
        }
        var units: [Body?] = [nil]
        if let kind = forEach {
            let found = ledger.bodies.values.filter { $0.parent == record.bodyID && $0.kind == kind }.sorted { $0.id < $1.id }
            guard !found.isEmpty else {
                printError("chitieu: error: bodies.yaml lists no body of kind '\(kind.rawValue)' with 'parent: \(record.bodyID)'; add the units under 'bodies:' with that parent")
                throw ExitCode(1)
            }
            units = found
        }
        if let year, let term = record.term, !term.reportingYears.contains(year) {
            printError("chitieu: error: \(year) is not a reporting year of the term \(term.years) (\(term.reportingYears.lowerBound)–\(term.reportingYears.upperBound)); give one of them with --year")
            throw ExitCode(1)
        }
        for unit in units {
            guard let plan = FormPlan(record: record, ledger: ledger, unit: unit, year: year) else {
                printError("chitieu: error: \(record.file): the body '\(record.bodyID)' is not in bodies.yaml")
                throw ExitCode(1)
            }
            if unit == nil || unit == units.first {
                for (target, reason) in plan.skipped {
                    printError("\(target.location): note: chỉ tiêu '\(target.id)' không đưa vào biểu mẫu: \(reason)")
                }
            }
            guard !plan.entries.isEmpty else {
                printError("chitieu: error: \(record.file) has no target a form can ask for")
                throw ExitCode(1)
            }
            let path = output.map(outputPath) ?? outputDir + "/" + FormNames.fileName(plan)
            do {
                try FormWriter.write(plan, to: path)
            } catch {
                printError("chitieu: error: \(AtomicFile.describe(error))")
                throw ExitCode(1)
            }
            sayWrote(path)
        }
    }
}

extension BodyKind: ExpressibleByArgument {}
