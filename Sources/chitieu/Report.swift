import ArgumentParser
import ChiTieuCore
import ChiTieuLoad
import ChiTieuReport
import Foundation

extension ReportLanguage: ExpressibleByArgument {}
extension ProgressMethod: ExpressibleByArgument {}

/// What `report` writes.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, xlsx, docx
}

/// `chitieu report`: the text report of every body and term, into Reports/ by default.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Viết báo cáo kết quả thực hiện chỉ tiêu / Write attainment reports.",
        discussion: """
            Reads Targets/ (or the given files and folders), judges every target, and writes one \
            report per body and term into Reports/ (e.g. Reports/lang-son-khoi-cac-co-quan-2015-2020.txt), \
            or everything to one file with -o FILE, or to standard output with -o -. \
            Nothing is written if the data has errors; run `chitieu check` to see them.

            Examples:
              chitieu report
              chitieu report --lang en --format markdown
              chitieu report --format docx \\
                  Targets/lang-son/khoi-cac-co-quan/2015-2020.yaml
              chitieu report Targets/lang-son/khoi-cac-co-quan/2015-2020.yaml -o -
              chitieu report --as-of 2023 \\
                  Targets/lang-son/khoi-cac-co-quan/2020-2025.yaml -o -
            """
    )

    @Argument(help: "Data files or directories (default: Targets).")
    var paths: [String] = []

    @Option(help: "Language: vi (default) or en.")
    var lang: ReportLanguage = .vi

    @Option(help: "Format: text (default), markdown, xlsx (the end-of-term review workbook), or docx (the review as a Party document in Word).")
    var format: OutputFormat = .text

    @Option(name: .customLong("as-of"), help: "Year of assessment; terms ending after it are judged as running (default: this year).")
    var asOf: Int?

    @Option(help: "How a running term's targets are judged in the table: pro-rata (default; term totals against the elapsed share of the term, snapshots against their level) trend (Open SDG's ratio of observed to needed growth), escap (UN ESCAP's anticipated progress: a time-weighted regression to the target's year) or weather (Germany's weather symbols: the average change of the last five years carried forward). Pro-rata and trend are always shown under Cách tính; ESCAP's and the weather symbols' working when chosen.")
    var method: ProgressMethod = .proRata

    @Option(name: .shortAndLong, help: "Write everything to this file, or '-' for standard output.")
    var output: String?

    @Option(name: .customLong("output-dir"), help: "Folder for one report per body and term.")
    var outputDir: String = "Reports"

    func validate() throws {
        try validateOutput(output, binary: format == .xlsx || format == .docx, suffix: format == .docx ? "docx" : "xlsx")
        if outputDir.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--output-dir needs a folder name (default: Reports)")
        }
        try validateAsOf(asOf)
    }

    func run() throws {
        let year = asOf ?? Calendar(identifier: .gregorian).component(.year, from: Date())
        // The heading says whether the year was given or is this year's by default.
        let origin: AsOfOrigin = asOf == nil ? .currentYear : .given
        if output == nil {
            try runPerBody(year: year, origin: origin)
            return
        }
        let ledger = try loadLedger(paths, refusal: "no report written")
        if format == .xlsx || format == .docx {
            do {
                let set = ReportSet(ledger: ledger, asOf: year, language: lang, format: .text, method: method, asOfOrigin: origin)
                let single = output.map(outputPath)
                let paths = format == .xlsx ? try set.writeWorkbooks(to: outputDir, single: single) : try set.writeWordReports(to: outputDir, single: single)
                for path in paths { sayWrote(path) }
            } catch {
                printError("chitieu: error: \(error)")
                throw ExitCode(1)
            }
            return
        }
        let textFormat: TextFormat = format == .markdown ? .markdown : .text
        let documents = ReportSet(ledger: ledger, asOf: year, language: lang, format: textFormat, method: method, asOfOrigin: origin).documents()
        guard !documents.isEmpty else {
            printError("chitieu: nothing to report")
            throw ExitCode(1)
        }
        if let output {
            try emit(documents.map(\.text).joined(separator: textFormat == .markdown ? "\n---\n\n" : "\n\u{0C}\n"), to: output)
            return
        }
        for d in documents {
            try emit(d.text, to: outputDir + "/" + d.fileName)
        }
    }
    /// One report per body and term, a body at a time, in one reading of the data: each body's
    /// records are held while its files come, reported into a staging folder when the next body
    /// begins, and let go, so memory holds one body's records however many bodies there are.
    /// Nothing reaches the output folder until every file has been read without an error; then
    /// the staged reports are moved there, each atomically. A body whose files are not read one
    /// after another (its records met again after another body's) is read again at the end and
    /// reported then. Every body's reports are what loading the whole data gives: a report reads
    /// only its body's records, in the same order.
    private func runPerBody(year: Int, origin: AsOfOrigin) throws {
        var files: [String: [String]] = [:]
        var prepared = false
        let textFormat: TextFormat = format == .markdown ? .markdown : .text
        let staging = try StagingFolder()
        defer { staging.remove() }
        // The staged reports of each body, in the order written: (staged file, final path).
        var staged: [String: [(String, String)]] = [:]
        var finished = Set<String>()
        var again = Set<String>()
        var current: (body: String, context: Ledger, records: [Record])?
        func report(_ ledger: Ledger, into dir: String) throws -> [(String, String)] {
            let set = ReportSet(ledger: ledger, asOf: year, language: lang, format: format == .xlsx || format == .docx ? .text : textFormat, method: method, asOfOrigin: origin)
            switch format {
            case .xlsx, .docx:
                let written = format == .xlsx ? try set.writeWorkbooks(to: dir) : try set.writeWordReports(to: dir)
                return written.map { ($0, outputDir + "/" + PathText.lastName(of: $0)) }
            case .text, .markdown:
                return try set.documents().map { d in
                    let path = dir + "/" + d.fileName
                    try AtomicFile.write(Data(d.text.utf8), to: path)
                    return (path, outputDir + "/" + d.fileName)
                }
            }
        }
        func finish() throws {
            guard let body = current else { return }
            current = nil
            finished.insert(body.body)
            guard !again.contains(body.body) else { return }
            // In the order loading the whole data gives (terms by their years, facts last).
            let ledger = Ledger(indicators: body.context.indicators, bodies: body.context.bodies, bodySources: body.context.bodySources,
                                records: body.records.sorted(by: LedgerLoader.ledgerOrder))
            staged[body.body] = try report(ledger, into: try staging.folder(for: body.body))
        }
        let findings: Diagnostics
        do {
            findings = try LedgerLoader.stream(paths: paths, { context, record in
                files[record.bodyID, default: []].append(record.file)
                if current?.body == record.bodyID {
                    current?.records.append(record)
                    return
                }
                try finish()
                if finished.contains(record.bodyID) {
                    // Met again after another body: its staged reports are dropped, and it is read again at the end.
                    again.insert(record.bodyID)
                    staged[record.bodyID] = nil
                    return
                }
                current = (record.bodyID, context, [record])
            }, prepared: { _ in prepared = true })
            if !findings.hasErrors { try finish() }
        } catch {
            printError("chitieu: error: \(error)")
            throw ExitCode(1)
        }
        printFindings(findings)
        guard prepared, !findings.hasErrors else {
            printError("chitieu: no report written: the data has errors (see above)")
            throw ExitCode(1)
        }
        // A body whose files alone do not load as they did with the rest (a catalogue read from a
        // folder beside them) takes its records from the whole data, loaded once if ever.
        var whole: Ledger?
        func records(of body: String) -> Ledger? {
            let own = LedgerLoader.load(paths: files[body] ?? [])
            if let ledger = own.ledger, !own.diagnostics.hasErrors, ledger.records.count == files[body]?.count { return ledger }
            if whole == nil { whole = LedgerLoader.load(paths: paths).ledger }
            guard let all = whole else { return nil }
            return Ledger(indicators: all.indicators, bodies: all.bodies, bodySources: all.bodySources, records: all.records.filter { $0.bodyID == body })
        }
        var wrote = 0
        for body in files.keys.sorted() {
            do {
                var reports = staged[body]
                if reports == nil {
                    guard let ledger = records(of: body) else {
                        printError("chitieu: error: the records of \(body) could not be read again")
                        throw ExitCode(1)
                    }
                    reports = try report(ledger, into: try staging.folder(for: body))
                }
                for (from, to) in reports ?? [] {
                    try AtomicFile.move(from, to: to)
                    sayWrote(to)
                    wrote += 1
                }
            } catch let exit as ExitCode {
                throw exit
            } catch {
                printError("chitieu: error: \(error)")
                throw ExitCode(1)
            }
        }
        if wrote == 0, format == .text || format == .markdown {
            printError("chitieu: nothing to report")
            throw ExitCode(1)
        }
    }
}

/// A folder of the system's temporary folder where `report` writes each body's reports before
/// the data is known to have no error; removed, with whatever is left in it, when done.
private struct StagingFolder {
    let path: String

    init() throws {
        var folder = ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp"
        if folder.isEmpty { folder = "/tmp" }
        path = PathText.join(folder, ".chitieu-reports-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw AtomicFile.WriteError(path: path, reason: "cannot create a temporary folder (\(AtomicFile.describe(error)))")
        }
    }

    /// A folder of its own for a body's reports (their names are unique only within the output folder).
    func folder(for body: String) throws -> String {
        let dir = PathText.join(path, body.replacingOccurrences(of: "/", with: "-"))
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}
