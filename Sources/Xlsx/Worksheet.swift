import CXlsxWriter
import Foundation

/// A cell's content.
public enum CellValue: Sendable, Equatable {
    /// Text.
    case string(String)
    /// A number (xlsx stores IEEE doubles; exact figures are converted only here, at the file's edge).
    case number(Double)
    /// A formula with a numeric result, and the result cached so readers that do not recalculate show it.
    case formula(String, cached: Double)
    /// A formula with a text result, and its cached text.
    case textFormula(String, cached: String)
    /// An empty cell (with a style).
    case blank
}

/// A worksheet of a `Workbook`; it keeps its workbook alive.
public final class Worksheet {
    let handle: UnsafeMutablePointer<lxw_worksheet>
    let workbook: Workbook
    /// The sheet's name.
    public let name: String
    /// The font of every styled cell of this sheet whose style names none (libxlsxwriter 1.1.4
    /// cannot change the workbook's default font): a printed sheet in Times New Roman while the
    /// other sheets keep the default.
    public var fontName: String? { didSet { forgetStyles() } }
    /// The font size of every styled cell of this sheet whose style sets none.
    public var fontSize: Double? { didSet { forgetStyles() } }

    /// Calls held back by `inRowOrder`, to be made sorted by row, with their row, column (a row's
    /// height before its cells) and order of writing.
    private var held: [WritePipeline.Call]?
    private var heldAt: [(row: Int, column: Int, order: Int)] = []

    /// The formats of the styles met last on this sheet, by a cheap fingerprint of the style:
    /// a cell costs one comparison here instead of adding this sheet's font to a copy of its style
    /// and looking that up among the workbook's formats (measured with callgrind: about a third
    /// of a cell's writing).
    private var recentStyles = [(style: CellStyle, format: UnsafeMutablePointer<lxw_format>?)?](repeating: nil, count: Worksheet.recentStyleSlots)
    private static let recentStyleSlots = 32

    /// The formats remembered were made with the sheet's font; a new font makes new ones.
    private func forgetStyles() {
        recentStyles = Array(repeating: nil, count: Self.recentStyleSlots)
    }

    init(_ handle: UnsafeMutablePointer<lxw_worksheet>, name: String, workbook: Workbook) {
        self.handle = handle
        self.name = name
        self.workbook = workbook
    }

    func position(_ row: Int, _ column: Int) throws -> (lxw_row_t, lxw_col_t) {
        guard row >= 0, row < Workbook.maximumRows else {
            throw XlsxError("Worksheet.write", "row \(row + 1) of sheet '\(name)' is beyond Excel's \(Workbook.maximumRows) rows; split the data over several sheets")
        }
        guard column >= 0, column < 16_384 else {
            throw XlsxError("Worksheet.write", "column \(column + 1) of sheet '\(name)' is beyond Excel's 16.384 columns")
        }
        return (lxw_row_t(row), lxw_col_t(column))
    }

    private func checkLength(_ s: String, _ row: Int, _ column: Int) throws {
        // Counting characters walks the string; most cells are far below the limit in bytes already.
        if s.utf8.count > Workbook.maximumCellCharacters, s.count > Workbook.maximumCellCharacters {
            throw XlsxError("Worksheet.write", "cell \(Worksheet.cellName(row: row, column: column)) of sheet '\(name)' would hold \(s.count) characters; Excel allows \(Workbook.maximumCellCharacters)")
        }
    }

    /// Writes a cell. The corresponding C functions are `worksheet_write_string`, `…_number`,
    /// `…_formula_num`, `…_formula_str` and `…_blank`, made on the workbook's writer thread.
    /// - Throws: beyond Excel's rows or columns, a text over 32.767 characters, or the library's
    ///   error (of this call or, as the calls are queued, of one made before it; at the latest
    ///   `Workbook.close` throws it).
    public func write(_ value: CellValue, row: Int, column: Int, style: CellStyle? = nil) throws {
        let (r, c) = try position(row, column)
        let f = try format(style)
        let call: WritePipeline.Call
        switch value {
        case let .string(s):
            try checkLength(s, row, column)
            call = .string(handle, r, c, s, f)
        case let .number(v):
            call = .number(handle, r, c, v, f)
        case let .formula(formula, cached):
            call = .formula(handle, r, c, formula, cached, f)
        case let .textFormula(formula, cached):
            try checkLength(cached, row, column)
            call = .textFormula(handle, r, c, formula, cached, f)
        case .blank:
            call = .blank(handle, r, c, f)
        }
        if held != nil { hold(call, row: row, column: column + 1) } else { try workbook.pipeline.add(call) }
    }

    private func hold(_ call: WritePipeline.Call, row: Int, column: Int) {
        heldAt.append((row, column, heldAt.count))
        held?.append(call)
    }

    /// The format of a cell's style on this sheet (with the sheet's font where the style names none).
    func format(_ style: CellStyle?) throws -> UnsafeMutablePointer<lxw_format>? {
        guard let style else { return nil }
        let slot = Self.fingerprint(style) & (Self.recentStyleSlots - 1)
        if let known = recentStyles[slot], known.style == style { return known.format }
        let f = try workbook.format(sheetStyle(style))
        recentStyles[slot] = (style, f)
        return f
    }

    /// A few bits of a style, cheap to take, that mostly tell the styles of a sheet apart (two
    /// styles alike here are still told apart by comparing them whole).
    private static func fingerprint(_ s: CellStyle) -> Int {
        var h = (s.bold ? 1 : 0) | (s.wrap ? 2 : 0) | (s.border ? 4 : 0) | (s.top ? 8 : 0) | (s.italic ? 16 : 0) | (s.middle ? 32 : 0)
        h &+= (s.numberFormat?.utf8.count ?? 0) &* 7 &+ (s.fontName?.utf8.count ?? 0) &* 13 &+ s.indent &* 17
        h &+= Int(truncatingIfNeeded: s.background ?? 0) &+ Int(truncatingIfNeeded: s.fontColor ?? 0) &* 3
        switch s.alignment {
        case .left?: h &+= 11
        case .center?: h &+= 23
        case .right?: h &+= 29
        case nil: break
        }
        if let size = s.fontSize { h &+= Int(truncatingIfNeeded: size.bitPattern >> 40) &* 5 }
        if s.underRule { h &+= 37 }
        if s.unlocked { h &+= 41 }
        return h ^ (h >> 5)
    }

    /// A style with this sheet's font where it names none.
    func sheetStyle(_ style: CellStyle?) -> CellStyle? {
        guard var s = style, fontName != nil || fontSize != nil else { return style }
        if s.fontName == nil { s.fontName = fontName }
        if s.fontSize == nil { s.fontSize = fontSize }
        return s
    }

    /// Runs `body`, holding back its cell writes and row heights, then makes them sorted by row and
    /// column: a block written column by column (a target's years on "Theo năm") then survives the
    /// constant-memory mode, which keeps only the row being written.
    public func inRowOrder(_ body: () throws -> Void) throws {
        held = []
        heldAt = []
        defer { held = nil; heldAt = [] }
        try body()
        let calls = held ?? []
        held = nil
        // Sorted by (row, column, order written), so equal cells keep their order; a row's
        // height (column 0 here) comes before its cells.
        for at in heldAt.sorted(by: { ($0.row, $0.column, $0.order) < ($1.row, $1.column, $1.order) }) {
            try workbook.pipeline.add(calls[at.order])
        }
    }

    /// Sets the width (in characters) of columns. The corresponding C function is `worksheet_set_column`.
    public func setColumns(_ first: Int, _ last: Int, width: Double, style: CellStyle? = nil) throws {
        let f = try workbook.format(style)
        try workbook.pipeline.drain()
        try check(worksheet_set_column(handle, lxw_col_t(first), lxw_col_t(last), width, f))
    }

    /// Sets a row's height in points. The corresponding C function is `worksheet_set_row`.
    public func setRow(_ row: Int, height: Double, style: CellStyle? = nil) throws {
        let (r, _) = try position(row, 0)
        let call = WritePipeline.Call.row(handle, r, height, try workbook.format(style))
        if held != nil { hold(call, row: row, column: 0) } else { try workbook.pipeline.add(call) }
    }

    /// Freezes the rows above and columns left of a cell. The corresponding C function is `worksheet_freeze_panes`.
    public func freezePanes(row: Int, column: Int) {
        let handle = handle
        workbook.pipeline.queue(.other { worksheet_freeze_panes(handle, lxw_row_t(row), lxw_col_t(column)) })
    }

    /// Adds an autofilter over a range. The corresponding C function is `worksheet_autofilter`.
    public func autofilter(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) throws {
        try workbook.pipeline.drain()
        try check(worksheet_autofilter(handle, lxw_row_t(firstRow), lxw_col_t(firstColumn), lxw_row_t(lastRow), lxw_col_t(lastColumn)))
    }

    /// A4 landscape, one page wide, the given rows repeated on each page, header and footer.
    /// The corresponding C functions are `worksheet_set_landscape`, `…_set_paper`, `…_fit_to_pages`,
    /// `…_repeat_rows`, `…_set_header` and `…_set_footer`.
    /// - Parameter scale: a fixed print scale in percent instead of fitting one page wide: manual
    ///   page breaks count only then (fitting overrides them), so a sheet that keeps rows together
    ///   computes the scale that fits its width itself (`worksheet_set_print_scale`).
    public func printSetup(repeatRows: ClosedRange<Int>?, header: String, footer: String, scale: Int? = nil) throws {
        try workbook.pipeline.drain()
        worksheet_set_landscape(handle)
        worksheet_set_paper(handle, 9) // 9 is A4 in the OOXML paper table.
        if let scale {
            worksheet_set_print_scale(handle, UInt16(min(400, max(10, scale))))
        } else {
            worksheet_fit_to_pages(handle, 1, 0)
        }
        if let rows = repeatRows {
            try check(worksheet_repeat_rows(handle, lxw_row_t(rows.lowerBound), lxw_row_t(rows.upperBound)))
        }
        try check(worksheet_set_header(handle, header), "worksheet_set_header")
        try check(worksheet_set_footer(handle, footer), "worksheet_set_footer")
    }

    /// Colours cells whose value equals a text. The corresponding C function is `worksheet_conditional_format_range`.
    public func highlight(equalTo text: String, firstRow: Int, column: Int, lastRow: Int, style: CellStyle) throws {
        try highlight(equalTo: text, firstRow: firstRow, firstColumn: column, lastRow: lastRow, lastColumn: column, style: style)
    }

    /// Colours cells of a block whose value equals a text. The corresponding C function is `worksheet_conditional_format_range`.
    public func highlight(equalTo text: String, firstRow: Int, firstColumn column: Int, lastRow: Int, lastColumn: Int, style: CellStyle) throws {
        var cf = lxw_conditional_format()
        cf.type = UInt8(LXW_CONDITIONAL_TYPE_CELL.rawValue)
        cf.criteria = UInt8(LXW_CONDITIONAL_CRITERIA_EQUAL_TO.rawValue)
        let quoted = "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        cf.value_string = workbook.retain(quoted)
        cf.format = try workbook.format(style)
        try workbook.pipeline.drain()
        try check(worksheet_conditional_format_range(handle, lxw_row_t(firstRow), lxw_col_t(column), lxw_row_t(lastRow), lxw_col_t(lastColumn), &cf))
    }

    /// Colours the cells of a column for which a formula is true; the formula is written for the
    /// first cell (relative references move down the column). The corresponding C function is
    /// `worksheet_conditional_format_range` with a formula rule.
    public func highlight(formula: String, firstRow: Int, column: Int, lastRow: Int, style: CellStyle) throws {
        var cf = lxw_conditional_format()
        cf.type = UInt8(LXW_CONDITIONAL_TYPE_FORMULA.rawValue)
        cf.value_string = workbook.retain(formula)
        cf.format = try workbook.format(style)
        try workbook.pipeline.drain()
        try check(worksheet_conditional_format_range(handle, lxw_row_t(firstRow), lxw_col_t(column), lxw_row_t(lastRow), lxw_col_t(column), &cf))
    }

    /// Merges a block of cells into one that holds `value` (text, or blank). The corresponding C
    /// function is `worksheet_merge_range`; the other cells of the block get the style too, so
    /// the block's border is whole.
    public func merge(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int, _ value: String, style: CellStyle? = nil) throws {
        let (r0, c0) = try position(firstRow, firstColumn)
        let (r1, c1) = try position(lastRow, lastColumn)
        try checkLength(value, firstRow, firstColumn)
        let f = try workbook.format(style)
        try workbook.pipeline.drain()
        try check(worksheet_merge_range(handle, r0, c0, r1, c1, value, f), "worksheet_merge_range(\(name)!\(Worksheet.cellName(row: firstRow, column: firstColumn)))")
    }

    /// Starts a new printed page above each of `rows` (0-based). The corresponding C function is
    /// `worksheet_set_h_pagebreaks`; it counts only with a fixed print scale (see `printSetup`).
    public func pageBreaks(before rows: [Int]) throws {
        // Row 0 would end the zero-terminated list; Excel allows 1023 breaks.
        var breaks = rows.filter { $0 > 0 && $0 < Workbook.maximumRows }.prefix(1023).map { lxw_row_t($0) }
        guard !breaks.isEmpty else { return }
        breaks.append(0)
        try workbook.pipeline.drain()
        try breaks.withUnsafeMutableBufferPointer { buffer in
            try check(worksheet_set_h_pagebreaks(handle, buffer.baseAddress))
        }
    }

    /// Inserts a chart with its top-left corner at a cell. The corresponding C function is `worksheet_insert_chart`.
    public func insert(_ chart: Chart, row: Int, column: Int) throws {
        try workbook.pipeline.drain()
        try check(worksheet_insert_chart(handle, lxw_row_t(row), lxw_col_t(column), chart.handle))
    }

    /// "A1"-style name of a cell; `absolute` gives "$A$1".
    public static func cellName(row: Int, column: Int, absolute: Bool = false) -> String {
        var letters = ""
        var n = column + 1
        while n > 0 {
            let rem = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + rem))) + letters
            n = (n - 1) / 26
        }
        return absolute ? "$\(letters)$\(row + 1)" : "\(letters)\(row + 1)"
    }

    /// A reference to one cell on a named sheet: `'Theo năm'!$F$12`.
    public static func reference(sheet: String, row: Int, column: Int) -> String {
        "'" + (sheet.utf8.contains(39) ? sheet.replacingOccurrences(of: "'", with: "''") : sheet) + "'!" + cellName(row: row, column: column, absolute: true)
    }

    /// A reference to a range on a named sheet, quoted as formulas need it: `'Theo năm'!$E$5:$E$9`.
    public static func reference(sheet: String, firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) -> String {
        let quoted = "'" + (sheet.utf8.contains(39) ? sheet.replacingOccurrences(of: "'", with: "''") : sheet) + "'"
        return "\(quoted)!\(cellName(row: firstRow, column: firstColumn, absolute: true)):\(cellName(row: lastRow, column: lastColumn, absolute: true))"
    }
}
