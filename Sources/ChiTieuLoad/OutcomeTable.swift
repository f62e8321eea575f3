import ChiTieuCore

/// A tidy CSV of outcomes named by a data file (`outcomes-csv:`): one row per figure, with the
/// keys of a YAML outcome as columns (a correction as the `correction` and `correction-reason`
/// columns). Each row becomes the same `Fields` a YAML outcome gives, so both are read and checked
/// by one piece of code, in the data file's number convention.
struct OutcomeTable {
    /// Columns a table may have.
    static let columns = RecordLoader.outcomeKeys + ["correction-reason"]

    let file: String
    let ctx: YAMLContext

    /// Checks the header, then calls `body` with each row's fields. A header that cannot be used
    /// is reported once and no row is read (rather than one finding per row).
    func forEachRow(_ body: (Fields) -> Void) {
        guard let text = TextFile.read(file, into: &ctx.diagnostics) else { return }
        var header: [String]?
        var columns: [String: Int] = [:]
        var diagnostics = Diagnostics()
        CSVReader(file: file, text: text).forEachRow(diagnostics: &diagnostics) { cells in
            guard let names = header else {
                header = checkedHeader(cells) ?? []
                columns = Dictionary(header?.enumerated().map { ($0.element, $0.offset) } ?? [], uniquingKeysWith: { a, _ in a })
                return
            }
            guard !names.isEmpty else { return }
            let start = SourceLocation(file: file, line: cells[0].line, column: 1)
            guard cells.count == names.count else {
                ctx.error("this row has \(cells.count) cells and the header \(names.count) columns; a comma inside a value needs the value in quotes", at: start)
                return
            }
            let places = cells.map { SourceLocation(file: file, line: $0.line, column: $0.column) }
            let values = zip(cells, places).map { cell, at in
                TextFile.isBlank(cell.text) ? nil : Located(text: cell.text, location: at, contentShift: cell.quoted ? 1 : 0)
            }
            body(Fields(location: start, row: Fields.Row(columns: columns, cells: values, places: places)))
        }
        ctx.diagnostics.append(contentsOf: diagnostics)
        if header == nil {
            ctx.error("the file is empty; its first row names the columns, e.g. target,period,value,source,quote", at: SourceLocation(file: file, line: 1, column: 1))
        }
    }

    /// The column names, or nil (with findings) when a column is unknown, repeated or unnamed,
    /// or a column every row needs is missing.
    private func checkedHeader(_ cells: [CSVReader.Cell]) -> [String]? {
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
            } else if !Self.columns.contains(name) {
                let near = Self.columns.filter { $0.hasPrefix(String(name.prefix(3))) }
                let hint = near.isEmpty ? "the columns are: \(Self.columns.joined(separator: ", "))" : "did you mean '\(near[0])'?"
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
}
