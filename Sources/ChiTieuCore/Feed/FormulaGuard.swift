/// Keeps text from sources from being run as a formula when a CSV is opened in a spreadsheet
/// (the CSV-injection rule of OWASP): a text cell that starts with `=`, `+`, `-`, `@`, a tab or a
/// carriage return is written with a leading apostrophe, which spreadsheets show as text.
/// A rule such as "= 0" or a quoted bullet "- Kết nạp …" would otherwise become a formula.
/// A negative number such as "-12.5" is left as it is: a spreadsheet reads it as that number.
public enum FormulaGuard {
    /// The characters that make a spreadsheet read a cell as a formula.
    static func isTrigger(_ c: Unicode.Scalar) -> Bool {
        c == "=" || c == "+" || c == "-" || c == "@" || c == "\t" || c == "\r"
    }

    /// The text to write in a text cell.
    public static func guarded(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, isTrigger(first), !isNegativeNumber(text) else { return text }
        return "'" + text
    }

    /// "-12.5": a spreadsheet reads it as the number it is, so it needs no guard.
    static func isNegativeNumber(_ text: String) -> Bool {
        let body = text.utf8.dropFirst()
        guard text.utf8.first == UInt8(ascii: "-"), let first = body.first, (48...57).contains(first) else { return false }
        var dots = 0
        for b in body {
            if b == UInt8(ascii: ".") { dots += 1 } else if !(48...57).contains(b) { return false }
        }
        return dots <= 1 && body.last != UInt8(ascii: ".")
    }

    /// The text as it was before `guarded`, for a CSV read back: only an apostrophe that
    /// `guarded` could have added (one followed by a trigger) is removed.
    public static func unguarded(_ text: String) -> String {
        var scalars = text.unicodeScalars.makeIterator()
        guard scalars.next() == "'", let second = scalars.next(), isTrigger(second) else { return text }
        return String(text.unicodeScalars.dropFirst())
    }
}
