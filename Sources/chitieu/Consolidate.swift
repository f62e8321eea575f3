import ArgumentParser
import ChiTieuCore
import ChiTieuForms
import ChiTieuLoad
import Foundation

/// `chitieu consolidate`: the bloc's totals from its units' imported figures.
struct Consolidate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Tổng hợp số liệu các đơn vị trực thuộc / Add up the subordinate units' figures.",
        discussion: """
            For a term file, adds up the figures its subordinate units (bodies.yaml: parent) sent \
            in their forms, target by target and year by year: counts where the catalogue says they \
            add, numerators and denominators for shares (never an average of percentages). Every \
            total names the units that have not reported ("23/69 cơ sở chưa gửi số liệu").

            Example:
              chitieu consolidate Targets/lang-son/khoi-cac-co-quan/2015-2020.yaml
            """
    )

    @Argument(help: "The term file of the body whose units are added up.")
    var termFile: String

    @Option(name: .customLong("kind"), help: "Only units of this kind (default: every unit whose parent is the body).")
    var kind: BodyKind?

    @Option(name: .customLong("data"), help: "Data folder holding the units' figures (default: the term file's data folder).")
    var data: String?

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    func validate() throws { try validateOutput(output) }

    func run() throws {
        let root = data ?? LedgerLoader.dataRoot(of: termFile) ?? "Targets"
        let ledger = try loadLedger([root], refusal: "no consolidation")
        let wanted = URL(fileURLWithPath: termFile).standardizedFileURL.path
        guard let record = ledger.records.first(where: { $0.term != nil && URL(fileURLWithPath: $0.file).standardizedFileURL.path == wanted }),
              let c = Consolidation(record: record, ledger: ledger, kind: kind) else {
            printError("chitieu: error: \(termFile) is not a term file under \(root)")
            throw ExitCode(1)
        }
        guard !c.units.isEmpty else {
            printError("chitieu: error: bodies.yaml lists no unit with 'parent: \(record.bodyID)'; add the units with that parent")
            throw ExitCode(1)
        }
        try emit(c.text, to: output)
    }
}
