import Foundation

/// What a cell holds, as the file stores it.
public enum CellContent: Hashable, Sendable {
    /// A number, kept as the text of the file (`91.5`, `1.2E-3`) so that no figure passes
    /// through a binary double: `decimal` reads it exactly.
    case number(String)
    /// Text: a shared string, an inline string or a formula's text result.
    case text(String)
    /// `TRUE` or `FALSE`.
    case boolean(Bool)
    /// A formula's error result (`#DIV/0!`, `#REF!`).
    case error(String)
    /// A formula whose result the file does not hold (openpyxl writes none; Excel and
    /// LibreOffice always do): its value is unknown until a spreadsheet program recalculates it.
    case noCachedValue
    /// A date written as ISO 8601 text (`t="d"`, which a few writers use instead of a serial).
    case isoDate(String)
}

/// A cell read from a sheet.
public struct Cell: Hashable, Sendable {
    /// Where it is.
    public var reference: CellReference
    /// What it holds (a formula's cached result for a formula cell).
    public var content: CellContent
    /// The formula, without its `=`, when the cell has one of its own.
    public var formula: String?
    /// Index into the workbook's cell formats (`XlsxFile.isDateFormat(_:)`), 0 when none is given.
    public var styleIndex: Int

    /// A cell.
    public init(reference: CellReference, content: CellContent, formula: String? = nil, styleIndex: Int = 0) {
        self.reference = reference
        self.content = content
        self.formula = formula
        self.styleIndex = styleIndex
    }

    /// The exact value of a number cell; nil for any other content.
    public var decimal: Decimal? {
        if case let .number(text) = content { return ExactNumber.parse(text) }
        return nil
    }
}

/// Reads the number text of a cell (`-12.5`, `1.5E-3`, `7E+20`) digit by digit into a `Decimal`.
public enum ExactNumber {
    /// The exact value of the text; nil when it is not an XML Schema double literal with at most
    /// 38 significant digits (Decimal's precision), or is `INF`/`NaN`.
    public static func parse(_ text: some StringProtocol) -> Decimal? {
        var negative = false
        var significand = Decimal(0)
        var digits = 0, fraction = 0, exponent = 0
        var seenDigit = false, seenPoint = false, inExponent = false
        var exponentNegative = false, exponentDigits = 0
        var index = 0
        for byte in text.utf8 {
            defer { index += 1 }
            switch byte {
            case UInt8(ascii: "-") where index == 0:
                negative = true
            case UInt8(ascii: "+") where index == 0:
                continue
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let d = Int(byte - UInt8(ascii: "0"))
                if inExponent {
                    guard exponentDigits < 4 else { return nil }
                    exponent = exponent * 10 + d
                    exponentDigits += 1
                } else {
                    seenDigit = true
                    if d == 0, digits == 0 {
                        // Leading zeros carry no precision.
                    } else {
                        guard digits < 38 else { return nil }
                        significand = significand * 10 + Decimal(d)
                        digits += 1
                    }
                    if seenPoint { fraction += 1 }
                }
            case UInt8(ascii: "."):
                guard !seenPoint, !inExponent else { return nil }
                seenPoint = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                guard seenDigit, !inExponent else { return nil }
                inExponent = true
            case UInt8(ascii: "-"), UInt8(ascii: "+"):
                // Only right after the E.
                guard inExponent, exponentDigits == 0, !exponentNegative else { return nil }
                exponentNegative = byte == UInt8(ascii: "-")
            default:
                return nil
            }
        }
        guard seenDigit, !inExponent || exponentDigits > 0 else { return nil }
        let power = (exponentNegative ? -exponent : exponent) - fraction
        guard power > -128, power < 127 else { return nil }
        var result = Decimal(sign: negative ? .minus : .plus, exponent: power, significand: significand)
        if significand == 0 { result = 0 }
        return result
    }
}
