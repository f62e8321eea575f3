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

    /// Creates the set.
    public init(ledger: Ledger, asOf: Int, language: ReportLanguage, format: TextFormat) {
        self.ledger = ledger
        self.asOf = asOf
        self.language = language
        self.format = format
    }

    /// Every report, in the ledger's order.
    public func documents() -> [Document] {
        let assessments = Evaluator(ledger: ledger, asOf: asOf).assessAll()
        let renderer = TextReport(language: language, format: format)
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
            let suffix = (language == .en ? ".en" : "") + (format == .markdown ? ".md" : ".txt")
            return Document(fileName: stem + suffix, text: renderer.render(a, facts: facts, lineageSources: ledger.bodySources))
        }
    }
}
