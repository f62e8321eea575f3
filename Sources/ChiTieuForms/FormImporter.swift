import ChiTieuCore
import ChiTieuLoad
import Foundation
import XlsxRead

/// Turns clean form readings into edits of the data files: outcomes appended to the term file
/// (or, for a unit's form, facts appended to the unit's `facts.yaml`), with a source for each
/// form and document and the cell each figure came from. A figure already in the data from the
/// same cell with the same value is left as it is, so importing a form twice changes nothing.
public struct FormImporter {
    /// A file's new content.
    public struct Edit: Sendable {
        /// The data file.
        public var path: String
        /// Its content before (nil when it is new).
        public var old: String?
        /// Its content after.
        public var new: String
    }

    /// The edits, one per file touched.
    public var edits: [Edit] = []
    /// Figures added.
    public var added = 0
    /// Figures already in the data from the same cell, left alone.
    public var unchanged = 0
    /// Figures that clash with one already in the data, by form path; a form with any is not imported.
    public var conflicts: [String: [XlsxReadError]] = [:]

    /// Plans the edits for clean readings.
    public init(_ readings: [FormReading], ledger: Ledger) {
        var texts: [String: String] = [:]
        var olds: [String: String?] = [:]
        var order: [String] = []
        // What the data holds: (file, target or indicator, year) → the figure.
        var known: [String: Observation] = [:]
        for record in ledger.records {
            for o in record.observations {
                guard let year = o.period.year, o.period == .year(year) else { continue }
                known[Self.key(record.file, o.targetID ?? o.indicatorID, year)] = o
            }
        }
        var taken: [String: FormFigure] = [:]
        // Looked up once: finding a data root walks the folders, and 70 forms share one.
        var roots: [String: String] = [:]
        var sourcesByFile: [String: Set<String>] = [:]
        for record in ledger.records { sourcesByFile[record.file, default: []].formUnion(record.sources.keys) }
        for reading in readings where reading.isClean {
            guard let identity = reading.identity, let recordFile = reading.recordFile else { continue }
            let isUnit = identity.unitID != nil
            let file: String
            if let unit = identity.unitID {
                let root = roots[recordFile] ?? LedgerLoader.dataRoot(of: recordFile) ?? PathText.folder(of: recordFile)
                roots[recordFile] = root
                file = root + "/" + unit + "/facts.yaml"
            } else {
                file = recordFile
            }
            let reporter = identity.unitID.flatMap { ledger.bodies[$0] } ?? ledger.bodies[identity.bodyID]
            var outcomes: [String] = []
            var sources: [String] = []
            var sourceIDs = sourcesByFile[file] ?? []
            var problems: [XlsxReadError] = []
            var thisAdded = 0, thisUnchanged = 0
            if texts[file] == nil {
                let old = try? String(contentsOfFile: file, encoding: .utf8)
                olds.updateValue(old, forKey: file)
                texts[file] = old ?? "body: \(identity.unitID ?? identity.bodyID)\n"
                order.append(file)
            }
            let english = (texts[file] ?? "").components(separatedBy: "\n").contains { $0.hasPrefix("numbers:") && $0.contains("en") }
            func figureText(_ v: Decimal) -> String {
                english ? NSDecimalNumber(decimal: v).description(withLocale: Locale(identifier: "en_US_POSIX")) : VietnameseText.format(v)
            }
            let formName = (reading.path as NSString).lastPathComponent
            for f in reading.figures {
                let subject = isUnit ? f.indicatorID : f.targetID
                let k = Self.key(file, subject, f.year)
                if let o = known[k] {
                    if o.citation.cell == f.cell, Self.same(o.value, f.value) {
                        thisUnchanged += 1
                        continue
                    }
                    let at = "\(o.location.file):\(o.location.line)"
                    problems.append(Self.error(f, "năm \(f.year) của \(isUnit ? "chỉ số" : "chỉ tiêu") \(subject) đã có số liệu ở \(at)\(o.citation.cell.map { " (nhập từ ô \($0))" } ?? ""); xoá hoặc sửa số cũ trong tệp dữ liệu rồi nhập lại"))
                    continue
                }
                if let other = taken[k] {
                    if other.cell == f.cell, other.value == f.value { thisUnchanged += 1; continue }
                    problems.append(Self.error(f, "năm \(f.year) của \(subject) cũng được nhập từ ô \(other.cell) trong lần nhập này; mỗi năm một số liệu"))
                    continue
                }
                taken[k] = f
                let sourceID = Self.sourceID(reporter?.id ?? identity.bodyID, formName, f.document, f.documentDate)
                if sourceIDs.insert(sourceID).inserted {
                    sourcesByFile[file, default: []].insert(sourceID)
                    var fields = ["title: " + YAMLAppend.quoted(f.document ?? "Biểu mẫu báo cáo \(formName)"), "publisher: " + YAMLAppend.quoted(reporter?.name ?? identity.bodyID)]
                    if let d = f.documentDate { fields.append("date: \(d)") }
                    sources.append("\(sourceID): { \(fields.joined(separator: ", ")) }")
                }
                var fields = [isUnit ? "indicator: \(f.indicatorID)" : "target: \(f.targetID)", "period: \(f.year)"]
                switch f.value {
                case let .number(v): fields.append("value: " + YAMLAppend.quoted(figureText(v)))
                case let .share(n, d): fields += ["numerator: " + YAMLAppend.quoted(figureText(n)), "denominator: " + YAMLAppend.quoted(figureText(d))]
                case let .rating(level): fields.append("value: " + YAMLAppend.quoted(level))
                }
                fields += ["source: \(sourceID)", "cell: " + YAMLAppend.quoted(f.cell), "quote: " + YAMLAppend.quoted(f.quote)]
                if let note = f.note { fields.append("note: " + YAMLAppend.quoted(note)) }
                outcomes.append("- { \(fields.joined(separator: ", ")) }")
                thisAdded += 1
            }
            if !problems.isEmpty {
                conflicts[reading.path] = problems
                for f in reading.figures { taken[Self.key(file, isUnit ? f.indicatorID : f.targetID, f.year)] = nil }
                continue
            }
            do {
                var text = texts[file] ?? ""
                text = try YAMLAppend.append(sources, under: "sources", in: text)
                text = try YAMLAppend.append(outcomes, under: isUnit ? "facts" : "outcomes", in: text)
                texts[file] = text
                added += thisAdded
                unchanged += thisUnchanged
            } catch {
                // The data file cannot take the lines: named at the data file, the form waits.
                conflicts[reading.path] = [XlsxReadError(path: file, place: nil, "\(error)")]
            }
        }
        edits = order.compactMap { path in
            guard let new = texts[path], let old = olds[path], new != old else { return nil }
            return Edit(path: path, old: old, new: new)
        }
    }

    static func key(_ file: String, _ subject: String, _ year: Int) -> String { "\(file)\u{1F}\(subject)\u{1F}\(year)" }

    static func same(_ o: ObservedValue, _ v: FormFigure.Value) -> Bool {
        switch (o, v) {
        case let (.number(a), .number(b)): return a == b
        case let (.share(n1, d1), .share(n2, d2)): return n1 == n2 && d1 == d2
        case let (.rating(a), .rating(b)): return a == b
        default: return false
        }
    }

    static func error(_ f: FormFigure, _ message: String) -> XlsxReadError {
        let parts = f.cell.split(separator: ":", maxSplits: 1)
        return XlsxReadError(path: String(parts.first ?? ""), place: parts.count > 1 ? String(parts[1]) : nil, message)
    }

    /// A stable id for a form's document: the same form and document give the same id.
    static func sourceID(_ reporter: String, _ form: String, _ document: String?, _ date: CalendarDate?) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "\(reporter)|\(form)|\(document ?? "")|\(date.map { "\($0)" } ?? "")".utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let slug = reporter.split(separator: "/").last.map(String.init) ?? "bieu-mau"
        return "bieu-mau-\(slug)-\(String(hash, radix: 16).prefix(8))"
    }

    /// Writes the edits, each atomically; if the data no longer loads cleanly afterwards, every
    /// file is put back as it was.
    /// - Parameter reload: the data folders to load again afterwards (default: those of the files written).
    /// - Returns: the data as loaded after writing; nil when there was nothing to write.
    /// - Throws: `AtomicFile.WriteError`, or `MessageError` with the data's errors after a rollback.
    @discardableResult
    public func apply(reload: [String] = []) throws -> Ledger? {
        // Nothing new: the data is as it was loaded.
        guard !edits.isEmpty else { return nil }
        var written: [Edit] = []
        do {
            for edit in edits {
                try AtomicFile.write(Data(edit.new.utf8), to: edit.path)
                written.append(edit)
            }
        } catch {
            rollback(written)
            throw error
        }
        let roots = reload.isEmpty ? Set(edits.compactMap { LedgerLoader.dataRoot(of: $0.path) }).sorted() : reload
        guard !roots.isEmpty else { return nil }
        let check = LedgerLoader.load(paths: roots)
        if check.diagnostics.hasErrors {
            rollback(written)
            let first = check.diagnostics.sorted.filter { $0.severity == .error }.prefix(5).map(\.description).joined(separator: "\n")
            throw MessageError("dữ liệu sau khi nhập có lỗi nên đã khôi phục lại các tệp như cũ:\n\(first)")
        }
        return check.ledger
    }

    private func rollback(_ written: [Edit]) {
        for edit in written {
            if let old = edit.old { try? AtomicFile.write(Data(old.utf8), to: edit.path) } else { try? FileManager.default.removeItem(atPath: edit.path) }
        }
    }
}
