import ChiTieuCore
import Foundation

/// The reports of a whole ledger: one document per record, each term's report carrying the
/// body's dated facts from inside its years.
public struct ReportSet: Sendable {
    /// One rendered report.
    public struct Document: Sendable {
        /// A file name for it, e.g. `lang-son-khoi-cac-co-quan-2015-2020.txt`.
        public var fileName: String
        /// The text.
        public var text: String
    }

    let ledger: Ledger
    let asOf: Int
    let language: ReportLanguage
    let format: TextFormat
    let method: ProgressMethod
    let asOfOrigin: AsOfOrigin

    /// Creates the set.
    /// - Parameter asOfOrigin: Whether `asOf` was given or is the current year by default, said in every heading.
    public init(ledger: Ledger, asOf: Int, language: ReportLanguage, format: TextFormat, method: ProgressMethod = .proRata, asOfOrigin: AsOfOrigin = .given) {
        self.ledger = ledger
        self.asOf = asOf
        self.language = language
        self.format = format
        self.method = method
        self.asOfOrigin = asOfOrigin
    }

    /// One record ready to render: its assessment, the body's facts from inside its term, and a file stem.
    struct Item {
        var assessment: Assessment
        var facts: [FactLine]
        var stem: String
    }

    func items() -> [Item] {
        let assessments = Evaluator(ledger: ledger, asOf: asOf).assessAll()
        return assessments.map { a in
            var facts: [FactLine] = []
            if let term = a.record.term {
                for other in assessments where other.record.term == nil && other.record.bodyID == a.record.bodyID {
                    for o in other.otherOutcomes where o.observation.period.year.map(term.contains(year:)) == true {
                        facts.append(FactLine(outcome: o, source: other.record.sources[o.observation.citation.source]))
                    }
                }
            }
            let stem = a.record.bodyID.replacingOccurrences(of: "/", with: "-") + "-"
                + (a.record.term.map { "\($0.startYear)-\($0.endYear)" } ?? (language == .vi ? "so-lieu" : "facts"))
            return Item(assessment: a, facts: facts, stem: stem)
        }
    }

    /// Every text report, in the ledger's order.
    public func documents() -> [Document] {
        var renderer = TextReport(language: language, format: format, method: method)
        renderer.asOfOrigin = asOfOrigin
        let suffix = (language == .en ? ".en" : "") + (format == .markdown ? ".md" : ".txt")
        return items().map { item in
            Document(fileName: item.stem + suffix, text: renderer.render(item.assessment, facts: item.facts, lineageSources: ledger.bodySources))
        }
    }

    /// Writes one review workbook per term record (facts-only records have no targets to review).
    /// - Parameters:
    ///   - directory: The folder, e.g. `Reports`.
    ///   - single: A path for the one workbook, when exactly one term record is reported.
    /// - Returns: The paths written.
    public func writeWorkbooks(to directory: String, single: String? = nil) throws -> [String] {
        let terms = items().filter { $0.assessment.record.term != nil }
        if single != nil, terms.count != 1 {
            throw AtomicFile.WriteError(path: single ?? "", reason: "\(terms.count) workbooks to write (one per body and term); name one data file, or use --output-dir")
        }
        var writer = ReviewWorkbook(language: language, method: method)
        writer.asOfOrigin = asOfOrigin
        var written: [String] = []
        for item in terms {
            let path = single ?? (directory + "/" + item.stem + (language == .en ? ".en" : "") + ".xlsx")
            try writer.write(item.assessment, facts: item.facts, to: path)
            written.append(path)
        }
        return written
    }

    /// Writes one Word report per term record, as a Party document (see `WordReport`).
    /// - Parameters:
    ///   - directory: The folder, e.g. `Reports`.
    ///   - single: A path for the one report, when exactly one term record is reported.
    /// - Returns: The paths written.
    public func writeWordReports(to directory: String, single: String? = nil) throws -> [String] {
        let terms = items().filter { $0.assessment.record.term != nil }
        if single != nil, terms.count != 1 {
            throw AtomicFile.WriteError(path: single ?? "", reason: "\(terms.count) reports to write (one per body and term); name one data file, or use --output-dir")
        }
        let writer = WordReport(language: language, method: method)
        var written: [String] = []
        for item in terms {
            let path = single ?? (directory + "/" + item.stem + (language == .en ? ".en" : "") + ".docx")
            try writer.write(item.assessment, to: path)
            written.append(path)
        }
        return written
    }
}
