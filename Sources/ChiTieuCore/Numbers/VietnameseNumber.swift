import Foundation

/// How a figure is written: which mark groups thousands and which marks decimals.
public enum NumberConvention: String, Sendable, CaseIterable {
    /// "4.294" is four thousand two hundred ninety-four, "115,7" is a hundred fifteen point seven.
    case vietnamese = "vi"
    /// "4,294" and "115.7".
    case english = "en"

    var groupMark: Unicode.Scalar { self == .vietnamese ? "." : "," }
    var decimalMark: Unicode.Scalar { self == .vietnamese ? "," : "." }
}

/// A figure read exactly from its text.
public struct ParsedNumber: Equatable, Sendable {
    /// The exact value; for a percentage, the number of percent (115,7% gives 115.7).
    public var value: Decimal
    /// Whether the text carried a percent sign.
    public var isPercent: Bool
    /// How many decimals the text was written with ("115,7%" has 1), the precision a source stated.
    public var fractionDigits: Int

    /// Creates a parsed number.
    public init(value: Decimal, isPercent: Bool = false, fractionDigits: Int = 0) {
        self.value = value
        self.isPercent = isPercent
        self.fractionDigits = fractionDigits
    }
}

/// A closed range of figures read from text such as "15-20%" or "từ 02 đến 03".
public struct ParsedRange: Equatable, Sendable {
    /// The lower bound.
    public var lower: Decimal
    /// The upper bound.
    public var upper: Decimal
    /// Whether the range is of percentages.
    public var isPercent: Bool
}

/// A figure that could not be read, with the 0-based offset (in Unicode scalars) of the fault
/// inside the text, so that a loader can turn it into a line and column.
public struct NumberError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong and what to write instead.
    public var message: String
    /// Offset of the offending character, counted in Unicode scalars from the start of the text.
    public var offset: Int

    /// Creates an error.
    public init(_ message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }

    public var description: String { message }
}

/// Reads figures the way Vietnamese documents write them, never guessing a malformed one.
///
/// A dot groups thousands in threes ("4.294", "54.986"), a comma marks decimals ("0,5"), and
/// leading zeros are common ("02"). Ungrouped whole numbers ("2000") are accepted because sources
/// write them so. Anything else ("7.5000", "4.29", "1,2,3", "1,234.5") is refused with a message
/// that says what to write instead.
public enum VietnameseNumber {
    /// The locale of the plain digits handed to `Decimal`, made once.
    static let posix = Locale(identifier: "en_US_POSIX")

    /// The longest run of digits accepted; longer figures are not counts of people or documents.
    static let maximumDigits = 30

    /// Whitespace that real sources put around and inside figures (including non-breaking spaces).
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\t" || s == "\u{00A0}" || s == "\u{202F}" || s == "\u{2009}"
    }

    /// The name of a character that shows as nothing or as a plain space, so a message can say
    /// what is there; nil for visible characters.
    static func invisibleName(_ s: Unicode.Scalar) -> String? {
        switch s.value {
        case 0x00A0: return "non-breaking space"
        case 0x202F: return "narrow non-breaking space"
        case 0x2009: return "thin space"
        case 0x00AD: return "soft hyphen"
        case 0x200B: return "zero-width space"
        case 0x200C: return "zero-width non-joiner"
        case 0x200D: return "zero-width joiner"
        case 0x2060: return "word joiner"
        case 0xFEFF: return "zero-width no-break space (byte-order mark)"
        case 0x200E, 0x200F: return "direction mark"
        default: return nil
        }
    }

    static func hex(_ s: Unicode.Scalar) -> String {
        let digits = String(s.value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// Parses one figure, optionally followed by a percent sign ("115,7%", "80 %").
    /// - Parameters:
    ///   - text: The figure as written.
    ///   - convention: The convention the text is written in; Vietnamese unless a file declares otherwise.
    /// - Returns: The exact value, whether it is a percentage, and its written precision.
    /// - Throws: `NumberError` naming the offending character and what to write instead.
    public static func parse(_ text: String, convention: NumberConvention = .vietnamese) throws -> ParsedNumber {
        try parse(text, convention: convention, suggesting: true)
    }

    /// Parses one figure that may carry a minus sign ("-0,3", "−1,5"), as an amount may (a growth
    /// rate that fell, a change in points); counts and shares use `parse`, which refuses a sign.
    /// - Throws: `NumberError` as `parse` does.
    public static func parseSigned(_ text: String, convention: NumberConvention = .vietnamese) throws -> ParsedNumber {
        let scalars = Array(text.unicodeScalars)
        let at = skipSpaces(scalars, 0)
        guard at < scalars.count, isMinus(scalars[at]) else { return try parse(text, convention: convention) }
        let rest = String(String.UnicodeScalarView(scalars[(at + 1)...]))
        if let first = rest.unicodeScalars.first, isSpace(first) {
            throw NumberError("a minus sign stands before its digits, without a space (write -\(rest.trimmingCharacters(in: .whitespaces)))", offset: at + 1)
        }
        do {
            var n = try parse(rest, convention: convention)
            n.value = -n.value
            return n
        } catch let e as NumberError {
            throw NumberError(e.message, offset: at + 1 + e.offset)
        }
    }

    /// A hyphen-minus or the minus sign (U+2212) that word processors put before a negative figure.
    static func isMinus(_ s: Unicode.Scalar) -> Bool { s == "-" || s == "\u{2212}" }

    /// `suggesting` is false when reading a figure only to suggest a spelling, so that a figure
    /// mixed in both conventions ("2.0,0.") cannot send the two readings after each other forever
    /// (a stack overflow found by fuzzing).
    static func parse(_ text: String, convention: NumberConvention, suggesting: Bool) throws -> ParsedNumber {
        if let whole = wellFormedWholeNumber(text, convention) { return ParsedNumber(value: Decimal(whole), isPercent: false, fractionDigits: 0) }
        let scalars = Array(text.unicodeScalars)
        var start = 0
        var end = scalars.count
        while start < end, isSpace(scalars[start]) { start += 1 }
        while end > start, isSpace(scalars[end - 1]) { end -= 1 }
        guard start < end else {
            throw NumberError("a number is missing here; write one such as \(example(convention))", offset: 0)
        }
        var isPercent = false
        if scalars[end - 1] == "%" {
            isPercent = true
            end -= 1
            while end > start, isSpace(scalars[end - 1]) { end -= 1 }
            guard start < end else {
                throw NumberError("'%' has no number before it; write one such as \(convention == .vietnamese ? "90%" : "90%")", offset: start)
            }
        }
        let (value, digits) = try parseBody(scalars, start, end, text: text, convention: convention, suggesting: suggesting)
        return ParsedNumber(value: value, isPercent: isPercent, fractionDigits: digits)
    }

    /// The common case, read without building scalar arrays: a whole number of at most 18 digits,
    /// ungrouped ("868") or grouped in threes ("4.294"), nothing else. Anything that is not
    /// exactly that takes the full path, which says what is wrong.
    static func wellFormedWholeNumber(_ text: String, _ c: NumberConvention) -> Int? {
        let mark = UInt8(ascii: c == .vietnamese ? "." : ",")
        var value = 0, digits = 0, run = 0, groups = 0
        for b in text.utf8 {
            if b >= 48, b <= 57 {
                // Stop before a 19th digit could overflow (found by fuzzing); the full path says why.
                if digits == 18 { return nil }
                value = value * 10 + Int(b - 48)
                digits += 1
                run += 1
            } else if b == mark {
                // The first group holds one to three digits, every later one three.
                guard groups == 0 ? (1...3).contains(run) : run == 3 else { return nil }
                groups += 1
                run = 0
            } else {
                return nil
            }
        }
        guard digits > 0, groups == 0 || run == 3 else { return nil }
        return value
    }

    /// Parses a closed range: "15-20%", "65%-70%", "150 – 200", "từ 02 đến 03", "03 đến 04".
    /// - Throws: `NumberError` if a bound is malformed, the bounds are reversed, or only one bound is a percentage.
    public static func parseRange(_ text: String, convention: NumberConvention = .vietnamese, signed: Bool = false) throws -> ParsedRange {
        let scalars = Array(text.unicodeScalars)
        var body = 0
        // "từ" is optional: "từ 02 đến 03" and "02 đến 03" mean the same.
        if let from = matchWord(scalars, at: skipSpaces(scalars, 0), word: "từ") { body = from }
        var split: (Int, Int)?
        var i = body
        // A signed lower bound ("-1 - 1"): its minus is no separator.
        if signed, skipSpaces(scalars, body) < scalars.count, isMinus(scalars[skipSpaces(scalars, body)]) { i = skipSpaces(scalars, body) + 1 }
        while i < scalars.count {
            if scalars[i] == "-" || scalars[i] == "\u{2013}" || scalars[i] == "\u{2014}" {
                split = (i, i + 1)
                break
            }
            if isSpace(scalars[i]) || i == body, let after = matchWord(scalars, at: skipSpaces(scalars, i), word: "đến") {
                split = (i, after)
                break
            }
            i += 1
        }
        guard let (cut, rest) = split else {
            throw NumberError("'\(text)' is not a range; write it as 15-20% or từ 02 đến 03", offset: body)
        }
        let lowText = String(String.UnicodeScalarView(scalars[body..<cut]))
        let highText = String(String.UnicodeScalarView(scalars[rest...]))
        let low: ParsedNumber
        let high: ParsedNumber
        let read = { (t: String) throws -> ParsedNumber in signed ? try parseSigned(t, convention: convention) : try parse(t, convention: convention) }
        do { low = try read(lowText) } catch let e as NumberError {
            throw NumberError(e.message, offset: body + e.offset)
        }
        do { high = try read(highText) } catch let e as NumberError {
            throw NumberError(e.message, offset: rest + e.offset)
        }
        if low.isPercent && !high.isPercent {
            throw NumberError("only the lower bound of '\(text)' is a percentage; write \(lowText.trimmingCharacters(in: .whitespaces))-\(highText.trimmingCharacters(in: .whitespaces))%", offset: rest)
        }
        guard low.value <= high.value else {
            throw NumberError("the range '\(text)' runs backwards; write the smaller bound first", offset: body)
        }
        return ParsedRange(lower: low.value, upper: high.value, isPercent: high.isPercent)
    }

    static func skipSpaces(_ s: [Unicode.Scalar], _ i: Int) -> Int {
        var j = i
        while j < s.count, isSpace(s[j]) { j += 1 }
        return j
    }

    /// Returns the index after `word` if it stands at `at` followed by a space or the end.
    static func matchWord(_ s: [Unicode.Scalar], at: Int, word: String) -> Int? {
        let w = Array(word.unicodeScalars)
        guard at + w.count <= s.count, Array(s[at..<at + w.count]) == w else { return nil }
        let next = at + w.count
        guard next == s.count || isSpace(s[next]) else { return nil }
        return next
    }

    static func example(_ c: NumberConvention) -> String { c == .vietnamese ? "4.294 or 0,5" : "4,294 or 0.5" }

    /// Regroups a run of digits in threes with the convention's group mark.
    static func grouped(_ digits: String, _ c: NumberConvention) -> String {
        let chars = Array(digits)
        var out = ""
        for (i, ch) in chars.enumerated() {
            if i > 0, (chars.count - i) % 3 == 0 { out.append(Character(c.groupMark)) }
            out.append(ch)
        }
        return out
    }

    private static func parseBody(
        _ s: [Unicode.Scalar], _ start: Int, _ end: Int, text: String, convention c: NumberConvention, suggesting: Bool
    ) throws -> (Decimal, Int) {
        let shown = String(String.UnicodeScalarView(s[start..<end]))
        var groups: [String] = [""]
        var groupStarts: [Int] = [start]
        var fraction: String?
        var decimalAt = -1
        for i in start..<end {
            let ch = s[i]
            if ch.properties.numericType == .decimal, ch.isASCII {
                if fraction != nil { fraction?.unicodeScalars.append(ch) } else { groups[groups.count - 1].unicodeScalars.append(ch) }
            } else if ch == c.groupMark {
                if fraction != nil {
                    throw NumberError(
                        "'\(shown)' mixes conventions: \(c == .vietnamese ? "in Vietnamese the dot groups thousands and the comma marks decimals" : "in English the comma groups thousands and the dot marks decimals"); write \(suggesting ? suggestMixed(shown, c) : (c == .vietnamese ? "1.234,5" : "1,234.5"))",
                        offset: i)
                }
                groups.append("")
                groupStarts.append(i + 1)
            } else if ch == c.decimalMark {
                if fraction != nil {
                    throw NumberError(
                        "'\(shown)' has more than one decimal \(c == .vietnamese ? "comma" : "point"): a number has at most one (write \(suggestMultiMark(shown, c)))",
                        offset: i)
                }
                fraction = ""
                decimalAt = i
            } else if isSpace(ch) {
                // Words after the figure ("5 mỗi xã", "7,2 tỷ đồng"): say where they belong.
                let after = String(String.UnicodeScalarView(s[i..<end])).trimmingCharacters(in: .whitespaces)
                if let first = after.unicodeScalars.first, first.properties.isAlphabetic {
                    let figure = String(String.UnicodeScalarView(s[start..<i])).trimmingCharacters(in: .whitespaces)
                    let perUnit = after.hasPrefix("mỗi ") ? "; a target for each unit takes 'per-unit: \(after.dropFirst(4))' on the target" : ""
                    throw NumberError("'\(shown)' has words after its figure; write the figure alone ('\(figure)')\(perUnit); a count's noun or an amount's measure belongs to the indicator in indicators.yaml", offset: i)
                }
                let space = ch == " " ? "a space" : "a \(invisibleName(ch) ?? "space") (U+\(hex(ch)))"
                throw NumberError("'\(shown)' has \(space) inside it; write the figure without spaces, grouped with '\(c.groupMark)' (e.g. \(c == .vietnamese ? "54.986" : "54,986"))", offset: i)
            } else if let name = invisibleName(ch) {
                // Pasted from web pages and word processors; invisible, so it must be named.
                throw NumberError("an invisible \(name) (U+\(hex(ch))) stands inside '\(shown)'; delete it and keep only the figure", offset: i)
            } else {
                throw NumberError("'\(Character(ch))' cannot stand in a number; write digits with '\(c.groupMark)' between thousands and '\(c.decimalMark)' before decimals (e.g. \(example(c)))", offset: i)
            }
        }
        if groups.count > 1 {
            for (k, g) in groups.enumerated() {
                if k == 0 {
                    if g.isEmpty {
                        throw NumberError("'\(shown)' starts with '\(c.groupMark)'; write the digits before it (e.g. \(c == .vietnamese ? "0,5" : "0.5"))", offset: groupStarts[0])
                    }
                    if g.count > 3 {
                        throw NumberError("'\(shown)' is not a \(c == .vietnamese ? "Vietnamese" : "well-formed") number: thousands groups have three digits (write \(grouped(groups.joined(), c)))", offset: groupStarts[0])
                    }
                } else if g.count != 3 {
                    let all = groups.joined()
                    let message: String
                    if groups.count == 2, g.count < 3, fraction == nil {
                        message = "'\(shown)' is not a \(c == .vietnamese ? "Vietnamese" : "well-formed") number: '\(c.groupMark)' groups thousands in threes; for a decimal write \(groups[0])\(c.decimalMark)\(g)"
                    } else if g.count > 3 {
                        let cut = groups[0..<k].joined() + String(g.prefix(3))
                        let options = [grouped(cut, c), grouped(all, c)]
                        message = "'\(shown)' is not a \(c == .vietnamese ? "Vietnamese" : "well-formed") number: thousands groups have three digits (write \(options[0]) or \(options[1]))"
                    } else {
                        message = "'\(shown)' is not a \(c == .vietnamese ? "Vietnamese" : "well-formed") number: thousands groups have three digits (write \(grouped(all, c)))"
                    }
                    throw NumberError(message, offset: groupStarts[k])
                }
            }
        }
        let whole = groups.joined()
        if whole.isEmpty {
            throw NumberError("'\(shown)' has no digits before the decimal \(c == .vietnamese ? "comma" : "point"); write 0\(shown)", offset: start)
        }
        if let f = fraction, f.isEmpty {
            throw NumberError("'\(shown)' ends with a decimal \(c == .vietnamese ? "comma" : "point"); write \(whole) or \(whole)\(c.decimalMark)5", offset: decimalAt)
        }
        let digits = whole + (fraction ?? "")
        guard digits.count <= maximumDigits else {
            throw NumberError("'\(shown)' has more than \(maximumDigits) digits; no count or share needs so many", offset: start)
        }
        let plain = fraction.map { "\(whole).\($0)" } ?? whole
        guard let value = Decimal(string: plain, locale: posix) else {
            throw NumberError("'\(shown)' could not be read as a number", offset: start)
        }
        return (value, fraction?.count ?? 0)
    }

    private static func suggestMixed(_ shown: String, _ c: NumberConvention) -> String {
        // Read as the other convention, then write back in this one.
        let other: NumberConvention = c == .vietnamese ? .english : .vietnamese
        if let n = try? parse(shown, convention: other, suggesting: false) {
            return NumberFormat(c).decimal(n.value, places: n.fractionDigits)
        }
        return c == .vietnamese ? "1.234,5" : "1,234.5"
    }

    private static func suggestMultiMark(_ shown: String, _ c: NumberConvention) -> String {
        let parts = shown.split(separator: Character(c.decimalMark), omittingEmptySubsequences: false)
        guard parts.count > 1 else { return shown }
        return parts.joined().isEmpty ? "0" : "\(parts[0])\(c.decimalMark)\(parts.dropFirst().joined()) or \(parts.joined())"
    }
}
