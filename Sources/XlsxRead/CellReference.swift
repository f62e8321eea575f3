/// A cell's place on a sheet, 1-based as spreadsheets show it: `C7` is row 7, column 3.
public struct CellReference: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The row, from 1.
    public var row: Int
    /// The column, from 1 (A = 1).
    public var column: Int

    /// Excel's grid: 1.048.576 rows, 16.384 columns (XFD).
    public static let maximumRow = 1_048_576
    /// The last column, XFD.
    public static let maximumColumn = 16_384

    /// A place by row and column, both from 1.
    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// Reads `C7`, `$C$7` or `xfd1048576`; nil for anything else or a place outside Excel's grid.
    public init?(_ text: some StringProtocol) {
        var column = 0, row = 0, letters = 0, digits = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "$"):
                continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                // Letters after digits ("7C") are not a reference.
                guard digits == 0, letters < 3 else { return nil }
                column = column * 26 + Int((byte | 0x20) - UInt8(ascii: "a")) + 1
                letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard letters > 0, digits < 7 else { return nil }
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            default:
                return nil
            }
        }
        guard letters > 0, digits > 0, row >= 1, row <= Self.maximumRow, column <= Self.maximumColumn else { return nil }
        self.init(row: row, column: column)
    }

    /// The column's letters: 1 → A, 27 → AA.
    public static func columnName(_ column: Int) -> String {
        var n = column
        var letters: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(ascii: "A") + UInt8(r))))
            n = (n - 1) / 26
        }
        return String(letters.reversed())
    }

    /// `C7`.
    public var description: String { Self.columnName(column) + String(row) }

    /// Row by row, then column by column: the order a sheet is read in.
    public static func < (a: CellReference, b: CellReference) -> Bool {
        (a.row, a.column) < (b.row, b.column)
    }
}

/// A rectangle of cells, such as a merged range `B3:D3`.
public struct CellRange: Hashable, Sendable, CustomStringConvertible {
    /// The top-left cell.
    public var first: CellReference
    /// The bottom-right cell.
    public var last: CellReference

    /// Reads `B3:D3` or a single `B3`; nil for anything else.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2, let a = CellReference(parts[0]), let b = CellReference(parts[parts.count - 1]) else { return nil }
        first = CellReference(row: min(a.row, b.row), column: min(a.column, b.column))
        last = CellReference(row: max(a.row, b.row), column: max(a.column, b.column))
    }

    /// Whether the cell lies inside.
    public func contains(_ cell: CellReference) -> Bool {
        (first.row...last.row).contains(cell.row) && (first.column...last.column).contains(cell.column)
    }

    /// `B3:D3`.
    public var description: String { first == last ? first.description : "\(first):\(last)" }
}
