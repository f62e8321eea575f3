import CXlsxWriter

extension Worksheet {
    /// Millimetres per inch: the library takes margins in inches, offices state them in millimetres.
    static let millimetresPerInch = 25.4

    /// Sets the page margins, in millimetres. The corresponding C function is `worksheet_set_margins`.
    /// The header and footer stay at the library's 0,3 inch from the paper's edge, inside the margins.
    public func setMargins(top: Double, bottom: Double, left: Double, right: Double) {
        let inch = Self.millimetresPerInch
        let handle = handle
        workbook.pipeline.queue(.other { worksheet_set_margins(handle, left / inch, right / inch, top / inch, bottom / inch) })
    }

    /// Prints only a range of cells. The corresponding C function is `worksheet_print_area`.
    /// - Throws: beyond Excel's rows or columns, or the library's error.
    public func setPrintArea(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) throws {
        let (r0, c0) = try position(firstRow, firstColumn)
        let (r1, c1) = try position(lastRow, lastColumn)
        try workbook.pipeline.drain()
        try check(worksheet_print_area(handle, r0, c0, r1, c1), "worksheet_print_area(\(name))")
    }
}
