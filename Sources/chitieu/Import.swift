import ArgumentParser
import ChiTieuCore
import ChiTieuForms
import ChiTieuLoad
import Foundation

/// `chitieu import`: reads filled forms back into the data files.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Nhập số liệu từ biểu mẫu Excel đã điền / Import filled forms into the data.",
        discussion: """
            Reads each form written by `chitieu form`, checks that it is one of a body and term in \
            the data (and of this form version), reads every yellow cell, and appends the figures \
            to the term file as outcomes (a unit's form: to the unit's facts.yaml), each with its \
            source and the cell it came from (bieu-mau.xlsx:Biểu mẫu!E10). Every problem is printed \
            as FILE.xlsx:Sheet!CELL: error: …; nothing is written unless every form is clean \
            (with --partial, the clean ones are, and the others are listed). A figure already \
            imported from the same cell is left as it is: importing a form twice changes nothing.

            Examples:
              chitieu import \\
                  Reports/forms/bieu-mau-lang-son-khoi-cac-co-quan-2015-2020.xlsx
              chitieu import --partial nop-ve/*.xlsx
            """
    )

    @Argument(help: "Filled forms (.xlsx).")
    var forms: [String]

    @Option(help: "Data folder the forms' term files are in.")
    var data: String = "Targets"

    @Flag(help: "Import the clean forms even if others have errors (those are listed and left out).")
    var partial = false

    @Flag(help: "After importing, print the totals of the units' figures for each term the forms belong to (see `chitieu consolidate`).")
    var consolidate = false

    func validate() throws {
        if forms.isEmpty { throw ValidationError("name the filled forms: chitieu import FILE.xlsx…") }
    }

    func run() throws {
        let ledger = try loadLedger([data], refusal: "nothing imported")
        let readings = FormReader.read(forms, ledger: ledger)
        var refused: [String] = []
        for r in readings where !r.isClean {
            for e in r.errors { printError(e.description) }
            refused.append(r.path)
        }
        var importer = FormImporter(readings, ledger: ledger)
        for (path, problems) in importer.conflicts.sorted(by: { $0.key < $1.key }) {
            for e in problems { printError(e.description) }
            refused.append(path)
        }
        if !refused.isEmpty, !partial {
            printError("chitieu: không ghi gì: \(refused.count)/\(forms.count) biểu mẫu có lỗi (xem trên); sửa rồi nhập lại, hoặc dùng --partial để nhập các biểu mẫu không lỗi")
            throw ExitCode(1)
        }
        if !refused.isEmpty {
            // The clean forms only: plan again without the refused ones, whose figures must not count.
            importer = FormImporter(readings.filter { !refused.contains($0.path) }, ledger: ledger)
        }
        var after: Ledger?
        do {
            after = try importer.apply(reload: consolidate ? [data] : [])
        } catch {
            printError("chitieu: error: \(AtomicFile.describe(error))")
            throw ExitCode(1)
        }
        for edit in importer.edits { printError("chitieu: wrote \(edit.path)") }
        let clean = forms.count - refused.count
        printError("chitieu: đã nhập \(importer.added) số liệu từ \(clean) biểu mẫu" + (importer.unchanged > 0 ? "; \(importer.unchanged) số liệu đã có từ lần nhập trước, giữ nguyên" : ""))
        if consolidate {
            let files = Set(readings.filter { !refused.contains($0.path) }.compactMap(\.recordFile))
            // The data as loaded again after writing (the same data when nothing was new).
            let current = after ?? ledger
            for record in current.records where files.contains(record.file) {
                if let c = Consolidation(record: record, ledger: current) { print(c.text) }
            }
        }
        if !refused.isEmpty {
            printError("chitieu: \(refused.count) biểu mẫu chưa nhập vì có lỗi: \(refused.joined(separator: ", "))")
            throw ExitCode(1)
        }
    }
}
