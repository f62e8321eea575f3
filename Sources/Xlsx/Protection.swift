import CXlsxWriter

extension Worksheet {
    /// Protects the sheet: only cells whose style is `unlocked` can be typed into, and rows and
    /// columns cannot be inserted or deleted. No password: the protection guards against slips,
    /// not people. The corresponding C function is `worksheet_protect`.
    public func protect() {
        let handle = handle
        workbook.pipeline.queue(.other { worksheet_protect(handle, nil, nil) })
    }

    /// Hides the sheet (it can be shown again from the spreadsheet's menu). The corresponding C
    /// function is `worksheet_hide`.
    public func hide() {
        let handle = handle
        workbook.pipeline.queue(.other { worksheet_hide(handle) })
    }
}

extension Workbook {
    /// Defines a workbook-wide name (`=Sheet!$A$1`, or a constant such as `="v1"`). The
    /// corresponding C function is `workbook_define_name`.
    /// - Throws: the library's error (an invalid name).
    public func defineName(_ name: String, _ formula: String) throws {
        let h = try live()
        try pipeline.drain()
        try check(workbook_define_name(h, name, formula), "workbook_define_name(\(name))")
    }
}
