import CXlsxWriter
import Foundation

/// What a cell accepts, with the messages a spreadsheet shows when the cell is selected and when
/// something else is typed. Blank cells are always accepted (an outcome not yet known).
public struct DataValidation: Sendable, Equatable {
    /// The kind of entry allowed.
    public enum Kind: Sendable, Equatable {
        /// A whole number at least `atLeast`.
        case whole(atLeast: Double)
        /// A decimal number within the range.
        case decimal(ClosedRange<Double>)
        /// One of the texts, offered as a drop-down list (Excel allows 255 characters in all, no commas).
        case list([String])
        /// Text of at most this many characters.
        case textLength(Int)
        /// A date within the range, given as (year, month, day).
        case date(from: (Int, Int, Int), to: (Int, Int, Int))

        public static func == (a: Kind, b: Kind) -> Bool {
            switch (a, b) {
            case let (.whole(x), .whole(y)): return x == y
            case let (.decimal(x), .decimal(y)): return x == y
            case let (.list(x), .list(y)): return x == y
            case let (.date(f1, t1), .date(f2, t2)): return f1 == f2 && t1 == t2
            case let (.textLength(x), .textLength(y)): return x == y
            default: return false
            }
        }
    }

    /// How firmly a wrong entry is refused.
    public enum ErrorStyle: Sendable, Equatable {
        /// The entry is refused.
        case stop
        /// The entry may be kept after a warning.
        case warning
        /// The entry is kept; a message is shown.
        case information

        var raw: UInt8 {
            switch self {
            case .stop: return UInt8(LXW_VALIDATION_ERROR_TYPE_STOP.rawValue)
            case .warning: return UInt8(LXW_VALIDATION_ERROR_TYPE_WARNING.rawValue)
            case .information: return UInt8(LXW_VALIDATION_ERROR_TYPE_INFORMATION.rawValue)
            }
        }
    }

    /// The entry allowed.
    public var kind: Kind
    /// Title of the message shown when the cell is selected (Excel allows 32 characters).
    public var inputTitle: String
    /// The message shown when the cell is selected (Excel allows 255 characters).
    public var inputMessage: String
    /// Title of the message shown for a wrong entry (32 characters).
    public var errorTitle: String
    /// The message shown for a wrong entry (255 characters).
    public var errorMessage: String
    /// How firmly a wrong entry is refused.
    public var errorStyle: ErrorStyle

    /// A validation with its messages.
    public init(_ kind: Kind, inputTitle: String, inputMessage: String, errorTitle: String, errorMessage: String, errorStyle: ErrorStyle = .stop) {
        self.kind = kind
        self.inputTitle = inputTitle
        self.inputMessage = inputMessage
        self.errorTitle = errorTitle
        self.errorMessage = errorMessage
        self.errorStyle = errorStyle
    }
}

extension Worksheet {
    /// Restricts what may be typed into a cell. The corresponding C function is
    /// `worksheet_data_validation_cell` (the library copies the strings, which live here only
    /// for the call).
    /// - Throws: a list item with a comma, a list, title or message over Excel's limits, or the library's error.
    public func validate(row: Int, column: Int, _ v: DataValidation) throws {
        guard row >= 0, row < Workbook.maximumRows, column >= 0, column < 16_384 else {
            throw XlsxError("worksheet_data_validation_cell", "cell (\(row), \(column)) of sheet '\(name)' is outside Excel's grid")
        }
        // Every outcome cell of a workbook is validated: its name is made only for an error, and
        // characters are counted only for a text longer in bytes than the limit (a character
        // is at least one byte, so a text that short in bytes is within it).
        var cell: String { Worksheet.cellName(row: row, column: column) }
        for (label, text, limit) in [("input title", v.inputTitle, 32), ("error title", v.errorTitle, 32), ("input message", v.inputMessage, 255), ("error message", v.errorMessage, 255)]
        where text.utf8.count > limit && text.count > limit {
            throw XlsxError("worksheet_data_validation_cell", "the \(label) of \(name)!\(cell) has \(text.count) characters; Excel allows \(limit)")
        }
        if case let .list(items) = v.kind {
            guard !items.isEmpty else { throw XlsxError("worksheet_data_validation_cell", "an empty list for \(name)!\(cell)") }
            if let bad = items.first(where: { $0.contains(",") }) {
                throw XlsxError("worksheet_data_validation_cell", "the list item '\(bad)' for \(name)!\(cell) has a comma, which Excel reads as a separator")
            }
            let length = items.reduce(items.count - 1) { $0 + $1.count }
            guard length <= 255 else {
                throw XlsxError("worksheet_data_validation_cell", "the list for \(name)!\(cell) has \(length) characters with its commas; Excel allows 255")
            }
        }
        // The call itself waits in the workbook's queue; the C strings live for it only.
        let handle = handle, name = name
        try workbook.pipeline.add(.other {
            try Self.validate(handle, name: name, row: row, column: column, v)
        })
    }

    /// The library's call for `validate`, once the input is known to be within Excel's limits.
    private static func validate(_ handle: UnsafeMutablePointer<lxw_worksheet>, name: String, row: Int, column: Int, _ v: DataValidation) throws {
        var cell: String { Worksheet.cellName(row: row, column: column) }
        var owned: [UnsafeMutablePointer<CChar>] = []
        defer { for p in owned { free(p) } }
        func own(_ s: String) throws -> UnsafeMutablePointer<CChar> {
            guard let p = strdup(s) else { throw XlsxError("worksheet_data_validation_cell", "out of memory") }
            owned.append(p)
            return p
        }
        var dv = lxw_data_validation()
        dv.input_title = try own(v.inputTitle)
        dv.input_message = try own(v.inputMessage)
        dv.error_title = try own(v.errorTitle)
        dv.error_message = try own(v.errorMessage)
        dv.error_type = v.errorStyle.raw
        switch v.kind {
        case let .whole(atLeast):
            dv.validate = UInt8(LXW_VALIDATION_TYPE_INTEGER.rawValue)
            dv.criteria = UInt8(LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO.rawValue)
            dv.value_number = atLeast
            try check(worksheet_data_validation_cell(handle, lxw_row_t(row), lxw_col_t(column), &dv), "worksheet_data_validation_cell(\(name)!\(cell))")
        case let .decimal(range):
            dv.validate = UInt8(LXW_VALIDATION_TYPE_DECIMAL.rawValue)
            dv.criteria = UInt8(LXW_VALIDATION_CRITERIA_BETWEEN.rawValue)
            dv.minimum_number = range.lowerBound
            dv.maximum_number = range.upperBound
            try check(worksheet_data_validation_cell(handle, lxw_row_t(row), lxw_col_t(column), &dv), "worksheet_data_validation_cell(\(name)!\(cell))")
        case let .textLength(limit):
            dv.validate = UInt8(LXW_VALIDATION_TYPE_LENGTH.rawValue)
            dv.criteria = UInt8(LXW_VALIDATION_CRITERIA_LESS_THAN_OR_EQUAL_TO.rawValue)
            dv.value_number = Double(limit)
            try check(worksheet_data_validation_cell(handle, lxw_row_t(row), lxw_col_t(column), &dv), "worksheet_data_validation_cell(\(name)!\(cell))")
        case let .date(from, to):
            dv.validate = UInt8(LXW_VALIDATION_TYPE_DATE.rawValue)
            dv.criteria = UInt8(LXW_VALIDATION_CRITERIA_BETWEEN.rawValue)
            dv.minimum_datetime = lxw_datetime(year: Int32(from.0), month: Int32(from.1), day: Int32(from.2), hour: 0, min: 0, sec: 0)
            dv.maximum_datetime = lxw_datetime(year: Int32(to.0), month: Int32(to.1), day: Int32(to.2), hour: 0, min: 0, sec: 0)
            try check(worksheet_data_validation_cell(handle, lxw_row_t(row), lxw_col_t(column), &dv), "worksheet_data_validation_cell(\(name)!\(cell))")
        case let .list(items):
            // A nil-terminated array of C strings, as the C API expects.
            var list: [UnsafeMutablePointer<CChar>?] = try items.map { try own($0) }
            list.append(nil)
            dv.validate = UInt8(LXW_VALIDATION_TYPE_LIST.rawValue)
            try list.withUnsafeMutableBufferPointer { buffer in
                dv.value_list = buffer.baseAddress
                try check(worksheet_data_validation_cell(handle, lxw_row_t(row), lxw_col_t(column), &dv), "worksheet_data_validation_cell(\(name)!\(cell))")
            }
        }
    }
}
