import CXlsxWriter

extension Worksheet {
    /// Millimetres per inch: the library takes margins in inches, offices state them in millimetres.
    static let millimetresPerInch = 25.4

    /// Sets the page margins, in millimetres. The corresponding C function is `worksheet_set_margins`.
    /// The header and footer stay at the library's 0,3 inch from the paper's edge, inside the margins.
    public func setMargins(top: Double, bottom: Double, left: Double, right: Double) {
        let inch = Self.millimetresPerInch
        worksheet_set_margins(handle, left / inch, right / inch, top / inch, bottom / inch)
    }

    /// Prints only a range of cells. The corresponding C function is `worksheet_print_area`.
    /// - Throws: beyond Excel's rows or columns, or the library's error.
    public func setPrintArea(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) throws {
        let (r0, c0) = try position(firstRow, firstColumn)
        let (r1, c1) = try position(lastRow, lastColumn)
        try check(worksheet_print_area(handle, r0, c0, r1, c1), "worksheet_print_area(\(name))")
    }

    /// Merges a range into one cell holding `text`. The corresponding C function is `worksheet_merge_range`.
    /// A merged cell does not grow with wrapped text in every spreadsheet engine: set its rows' height.
    /// In constant-memory mode only a range within the row being written comes out whole (the
    /// library writes the other cells as blanks at once).
    /// - Throws: beyond Excel's rows or columns, an overlap with another merged range, or the library's error.
    public func merge(_ text: String, firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int, style: CellStyle? = nil) throws {
        let (r0, c0) = try position(firstRow, firstColumn)
        let (r1, c1) = try position(lastRow, lastColumn)
        try check(worksheet_merge_range(handle, r0, c0, r1, c1, text, try workbook.format(style)), "worksheet_merge_range(\(name))")
    }
}

extension Worksheet {
    /// Prints at a fixed scale, in percent (10–400), instead of fitting to pages. The corresponding
    /// C function is `worksheet_set_print_scale`, which turns "fit to pages" off: Excel ignores manual
    /// page breaks on a sheet fitted to pages.
    /// - Throws: a scale outside 10–400 (the library would ignore it silently).
    public func setPrintScale(_ percent: Int) throws {
        guard (10...400).contains(percent) else {
            throw XlsxError("worksheet_set_print_scale", "a print scale of \(percent) % is outside Excel's 10–400 %")
        }
        worksheet_set_print_scale(handle, UInt16(percent))
    }

    /// Breaks the printed pages before each of `rows` (0-based). The corresponding C function is
    /// `worksheet_set_h_pagebreaks`, which takes a 0-terminated array, so row 0 cannot be one.
    /// - Throws: a row 0 or beyond Excel's rows, more than Excel's 1.023 breaks, or the library's error.
    public func setPageBreaks(beforeRows rows: [Int]) throws {
        guard rows.count <= 1_023 else {
            throw XlsxError("worksheet_set_h_pagebreaks", "\(rows.count) page breaks on sheet '\(name)'; Excel allows 1.023")
        }
        var breaks: [lxw_row_t] = []
        for r in rows {
            guard r > 0 else { throw XlsxError("worksheet_set_h_pagebreaks", "a page break before the first row of sheet '\(name)'") }
            breaks.append(try position(r, 0).0)
        }
        guard !breaks.isEmpty else { return }
        breaks.append(0)
        try breaks.withUnsafeMutableBufferPointer { buffer in
            try check(worksheet_set_h_pagebreaks(handle, buffer.baseAddress), "worksheet_set_h_pagebreaks(\(name))")
        }
    }
}
