/// How much a workbook may hold before it is refused as hostile or broken: a form is small, so
/// the limits are far above any real form and far below what exhausts a machine.
public struct ReadLimits: Sendable, Equatable {
    /// Bytes one part (a sheet, the shared strings) may expand to.
    public var partBytes: Int
    /// Bytes all the parts read may expand to together.
    public var totalBytes: Int
    /// Entries in the shared-string table.
    public var sharedStrings: Int
    /// Cells with content on one sheet.
    public var cellsPerSheet: Int

    /// Limits.
    public init(partBytes: Int = 32 << 20, totalBytes: Int = 128 << 20, sharedStrings: Int = 200_000, cellsPerSheet: Int = 1_000_000) {
        self.partBytes = partBytes
        self.totalBytes = totalBytes
        self.sharedStrings = sharedStrings
        self.cellsPerSheet = cellsPerSheet
    }
}
