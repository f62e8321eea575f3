import CXlsxWriter

extension Worksheet {
    /// Merges a range of one row into a cell holding `value`, in this sheet's font (the blocks of a
    /// document's first and last lines, a live headline). The corresponding C function is
    /// `worksheet_merge_range`, which writes text only: a formula is then written over the first
    /// cell with the same style, as the library's documentation advises.
    /// - Throws: beyond Excel's rows or columns, an overlap with another merged range, or the library's error.
    public func merge(row: Int, firstColumn: Int, lastColumn: Int, _ value: CellValue, style: CellStyle) throws {
        guard lastColumn > firstColumn else { return try write(value, row: row, column: firstColumn, style: style) }
        let (r, c0) = try position(row, firstColumn)
        let (_, c1) = try position(row, lastColumn)
        let text: String
        if case let .string(s) = value { text = s } else { text = "" }
        let f = try workbook.format(sheetStyle(style))
        try workbook.pipeline.drain()
        try check(worksheet_merge_range(handle, r, c0, r, c1, text, f),
                  "worksheet_merge_range(\(name)!\(Worksheet.cellName(row: row, column: firstColumn)))")
        switch value {
        case .string, .blank: break
        default: try write(value, row: row, column: firstColumn, style: style)
        }
    }
}
