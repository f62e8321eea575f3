import Foundation
import ChiTieuCore

/// A tidy CSV of outcomes named by a data file (`outcomes-csv:`): one row per figure, with the
/// keys of a YAML outcome as columns (a correction as the `correction` and `correction-reason`
/// columns). Each row becomes the same `Fields` a YAML outcome gives, so both are read and checked
/// by one piece of code, in the data file's number convention.
///
/// A table exported by `chitieu export` (it has a `feed_version` column) is read too: its figures
/// and sources, in the machine convention (plain '.', a share in percent without '%'); its
/// judgement columns are recomputed, never trusted, and its derived rows (no quote) skipped.
struct OutcomeTable {
    /// Columns a table may have.
    static let columns = RecordLoader.outcomeKeys + ["correction-reason", "measure"]

    let file: String
    let ctx: YAMLContext
    /// The data file's body, which every row of an exported table must be for.
    var body: String?

    /// Checks the header, then calls `body` with each row's fields. A header that cannot be used
    /// is reported once and no row is read (rather than one finding per row). `expecting` is
    /// told first how many rows the file may hold (its line breaks), so that the caller can make
    /// room for them at once instead of growing its tables many times over.
    func forEachRow(expecting: (Int) -> Void = { _ in }, _ body: (Fields) -> Void) {
        guard let text = TextFile.read(file, into: &ctx.diagnostics) else { return }
        expecting(text.utf8.reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 })
        var header: [String]?
        var columns: [String: Int] = [:]
        var feed: Feed?
        var diagnostics = Diagnostics()
        let convention = ctx.convention
        defer { ctx.convention = convention }
        CSVReader(file: file, text: text).forEachRow(diagnostics: &diagnostics) { cells in
            guard let names = header else {
                let machine = cells.contains { $0.text.trimmedSpaces == "feed_version" }
                header = checkedHeader(cells, allowed: machine ? FeedSchema.columns : Self.columns) ?? []
                columns = Dictionary(header?.enumerated().map { ($0.element, $0.offset) } ?? [], uniquingKeysWith: { a, _ in a })
                if machine, let names = header, !names.isEmpty {
                    feed = Feed(columns)
                    ctx.convention = .english
                }
                return
            }
            guard !names.isEmpty else { return }
            // A row of separators only (";;;;;", as spreadsheets save an empty row) holds nothing.
            if cells.allSatisfy({ TextFile.isBlank($0.text) }) { return }
            let start = SourceLocation(file: file, line: cells[0].line, column: 1)
            guard cells.count == names.count else {
                ctx.error("this row has \(cells.count) cells and the header \(names.count) columns; a comma inside a value needs the value in quotes", at: start)
                return
            }
            let places = cells.map { SourceLocation(file: file, line: $0.line, column: $0.column) }
            var values = zip(cells, places).map { cell, at in
                TextFile.isBlank(cell.text) ? nil : Located(text: cell.text, location: at, contentShift: cell.quoted ? 1 : 0)
            }
            guard let feed else {
                body(Fields(location: start, row: Fields.Row(columns: columns, cells: values, places: places)))
                return
            }
            guard let row = feed.row(&values, start: start, body: self.body, ctx) else { return }
            body(Fields(location: start, row: Fields.Row(columns: row, cells: values, places: places)))
        }
        ctx.diagnostics.append(contentsOf: diagnostics)
        if header == nil {
            ctx.error("the file is empty; its first row names the columns, e.g. target,period,value,source,quote", at: SourceLocation(file: file, line: 1, column: 1))
        }
    }

    /// The column names, or nil (with findings) when a column is unknown, repeated or unnamed,
    /// or a column every row needs is missing.
    private func checkedHeader(_ cells: [CSVReader.Cell], allowed: [String]) -> [String]? {
        var names: [String] = []
        var ok = true
        for cell in cells {
            let name = cell.text.trimmedSpaces
            let at = SourceLocation(file: file, line: cell.line, column: cell.column)
            if name.isEmpty {
                ctx.error("a column has no name; the first row names every column", at: at)
                ok = false
            } else if names.contains(name) {
                ctx.error("the column '\(name)' is named twice; keep one", at: at)
                ok = false
            } else if !allowed.contains(name) {
                let near = allowed.filter { $0.hasPrefix(String(name.prefix(3))) }
                let hint = near.isEmpty ? "the columns are: \(allowed.joined(separator: ", "))" : "did you mean '\(near[0])'?"
                ctx.error("unknown column '\(name)'; \(hint)", at: at)
                ok = false
            }
            names.append(name)
        }
        let at = SourceLocation(file: file, line: cells.first?.line ?? 1, column: 1)
        var missing: [String] = []
        if !names.contains("target") && !names.contains("indicator") { missing.append("'target' or 'indicator'") }
        if !names.contains("value") && !(names.contains("numerator") && names.contains("denominator")) {
            missing.append("'value' (or 'numerator' and 'denominator')")
        }
        for required in ["source", "quote"] where !names.contains(required) { missing.append("'\(required)'") }
        if !missing.isEmpty {
            ctx.error("the header lacks \(missing.joined(separator: ", ")); the first row names the columns, e.g. target,period,value,source,quote", at: at)
            ok = false
        }
        return ok ? names : nil
    }

    /// Reading an exported table: which cells are inputs, and how a row becomes an outcome.
    struct Feed {
        let all: [String: Int]
        /// Input columns for a row that names its target (the indicator is then the target's) and
        /// for one that names only an indicator.
        let withTarget: [String: Int]
        let withIndicator: [String: Int]

        init(_ columns: [String: Int]) {
            all = columns
            // Feed columns are snake case; the outcome keys they stand for are kebab case.
            let inputs = Dictionary(uniqueKeysWithValues: columns.filter { FeedSchema.inputs.contains($0.key) }
                .map { ($0.key.replacingOccurrences(of: "_", with: "-"), $0.value) })
            withTarget = inputs.filter { $0.key != "indicator" }
            withIndicator = inputs.filter { $0.key != "target" }
        }

        private func cell(_ values: [Located?], _ key: String) -> Located? { all[key].flatMap { values[$0] } }

        /// The input columns of a row, with a share's figures given their '%'; nil for a derived
        /// row (no quote: a sum of years, a yearly target's term row, a target with no figure).
        func row(_ values: inout [Located?], start: SourceLocation, body: String?, _ ctx: YAMLContext) -> [String: Int]? {
            guard cell(values, "quote") != nil else { return nil }
            if let b = cell(values, "body"), let body, b.text != body {
                ctx.error("this row is for '\(b.text)', but the data file naming this table is for '\(body)'", at: b.location)
                return nil
            }
            // A stated attainment is always a percentage; a value is one when the indicator is a share.
            let percents = cell(values, "unit")?.text == "percent" ? ["value", "stated"] : ["stated"]
            for key in percents {
                if let i = all[key], let v = values[i], !v.text.contains("%") { values[i]?.text = v.text + "%" }
            }
            if cell(values, "numerator") != nil, let i = all["value"] { values[i] = nil }
            // Text cells were guarded against formulas on export; what was written is read back.
            for (key, i) in all where !FeedSchema.numericColumns.contains(key) {
                if let v = values[i], v.text.hasPrefix("'") { values[i]?.text = FormulaGuard.unguarded(v.text) }
            }
            return cell(values, "target") != nil ? withTarget : withIndicator
        }
    }
}
