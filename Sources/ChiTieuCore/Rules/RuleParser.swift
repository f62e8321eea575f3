import Foundation

/// Reads a rule as data files write it:
///
/// | written | meaning | source phrasing |
/// |---|---|---|
/// | `>= 90%`, `≥ 90%` | at least | từ … trở lên, ít nhất, tối thiểu |
/// | `> 750` | strictly more than | trên, vượt |
/// | `<= 5`, `≤ 5` | at most | không quá, tối đa |
/// | `< 0,5%` | strictly less than | dưới |
/// | `15-20%`, `từ 02 đến 03` | closed range | từ A-B, từ A đến B |
/// | `= 0`, `không có` | none at all | không có, không còn |
/// | `3/3`, `2/3` | a fraction of a known whole | 3/3 đoàn thể, 2/3 chi bộ |
/// | `~ 50% ± 5` | approximately, tolerance declared | khoảng |
/// | `xếp loại >= hoan-thanh-tot` | a rating at or above a level | xếp loại … trở lên |
public enum RuleParser {
    /// Parses a rule.
    /// - Parameters:
    ///   - text: The rule as written.
    ///   - convention: How its numbers are written.
    ///   - signed: Whether its figures may be negative (an amount: a growth rate, a change in points).
    /// - Returns: The rule.
    /// - Throws: `NumberError` with the offset of the fault and what to write instead.
    public static func parse(_ text: String, convention: NumberConvention = .vietnamese, signed: Bool = false) throws -> Rule {
        let s = Array(text.unicodeScalars)
        var i = VietnameseNumber.skipSpaces(s, 0)
        guard i < s.count else { throw NumberError("the rule is empty; write one such as '>= 90%' or '> 750'", offset: 0) }

        func rest(from j: Int) -> String { String(String.UnicodeScalarView(s[j...])) }
        func read(_ t: String) throws -> ParsedNumber {
            signed ? try VietnameseNumber.parseSigned(t, convention: convention) : try VietnameseNumber.parse(t, convention: convention)
        }
        func number(from j: Int) throws -> ParsedNumber {
            // "giảm 1 - 1,5 điểm %/năm" is a range, judged on its own: no comparator before it.
            if j < i + 3, (try? VietnameseNumber.parseRange(rest(from: j), convention: convention, signed: signed)) != nil {
                let range = rest(from: j).trimmingCharacters(in: .whitespaces)
                throw NumberError("'\(text.trimmingCharacters(in: .whitespaces))' puts a comparator before a range; a range is met inside it: write '\(range)' (từ A đến B), or a single figure for a floor such as '>= \(range.split(whereSeparator: { $0 == "-" || $0 == "–" }).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? "1")'", offset: VietnameseNumber.skipSpaces(s, j))
            }
            do { return try read(rest(from: j)) } catch let e as NumberError {
                throw NumberError(e.message, offset: j + e.offset)
            }
        }
        func simple(_ make: (Decimal) -> Comparison, after j: Int) throws -> Rule {
            let n = try number(from: j)
            return Rule(make(n.value), isPercent: n.isPercent, text: text)
        }

        for word in ["xếp loại", "rating"] {
            if let j = VietnameseNumber.matchWord(s, at: i, word: word) {
                var k = VietnameseNumber.skipSpaces(s, j)
                if let level = strictLevel(s, from: k) {
                    throw NumberError(strictRatingMessage(word: word, level: level, levelAbove: nil), offset: k)
                }
                if k < s.count, s[k] == "≥" { k += 1 } else if k + 1 < s.count, s[k] == ">", s[k + 1] == "=" { k += 2 } else {
                    throw NumberError("a rating rule reads '\(word) >= LEVEL' (a level at or above), e.g. 'xếp loại >= hoan-thanh-tot'", offset: k)
                }
                let level = rest(from: k).trimmingCharacters(in: .whitespaces)
                guard !level.isEmpty else { throw NumberError("name the rating level after '>=', e.g. hoan-thanh-tot", offset: s.count) }
                return Rule(.ratingAtLeast(level), isPercent: false, text: text)
            }
        }
        if VietnameseNumber.matchWord(s, at: i, word: "không có") != nil || VietnameseNumber.matchWord(s, at: i, word: "không còn") != nil
            || VietnameseNumber.matchWord(s, at: i, word: "none") != nil {
            return Rule(.zero, isPercent: false, text: text)
        }
        let c = s[i]
        if c == "≥" { return try simple({ .atLeast($0) }, after: i + 1) }
        if c == "≤" { return try simple({ .atMost($0) }, after: i + 1) }
        if c == ">" || c == "<" {
            let orEqual = i + 1 < s.count && s[i + 1] == "="
            let j = i + (orEqual ? 2 : 1)
            let n = try number(from: j)
            let comparison: Comparison = c == ">" ? (orEqual ? .atLeast(n.value) : .moreThan(n.value)) : (orEqual ? .atMost(n.value) : .lessThan(n.value))
            return Rule(comparison, isPercent: n.isPercent, text: text)
        }
        if c == "=" {
            i += 1
            let n = try number(from: i)
            guard n.value == 0 else {
                throw NumberError("'=' is only for none at all ('= 0'); for a figure to reach write '>= \(text.dropFirst().trimmingCharacters(in: .whitespaces))'", offset: 0)
            }
            return Rule(.zero, isPercent: n.isPercent, text: text)
        }
        if c == "~" || VietnameseNumber.matchWord(s, at: i, word: "khoảng") != nil {
            let j = c == "~" ? i + 1 : i + "khoảng".unicodeScalars.count
            guard let pm = s[j...].firstIndex(where: { $0 == "±" }) else {
                throw NumberError("an approximate target needs a declared tolerance: write '~ \(rest(from: j).trimmingCharacters(in: .whitespaces)) ± 5' (in the rule's unit)", offset: s.count)
            }
            let centre: ParsedNumber
            do {
                centre = try read(String(String.UnicodeScalarView(s[j..<pm])))
            } catch let e as NumberError { throw NumberError(e.message, offset: j + e.offset) }
            let tolerance = try number(from: pm + 1)
            return Rule(.approximately(centre.value, tolerance: tolerance.value), isPercent: centre.isPercent, text: text)
        }
        if let slash = s.firstIndex(of: "/") {
            let left = String(String.UnicodeScalarView(s[i..<slash])).trimmingCharacters(in: .whitespaces)
            let right = rest(from: slash + 1).trimmingCharacters(in: .whitespaces)
            guard let n = Int(left), let w = Int(right) else {
                throw NumberError("a fraction of a whole is written with whole numbers, e.g. '3/3' or '2/3'", offset: i)
            }
            guard w > 0, n >= 0, n <= w else {
                throw NumberError("'\(text)' is not a fraction of a whole: the part must be between 0 and the whole (e.g. 2/3)", offset: i)
            }
            return Rule(.fraction(numerator: n, whole: w), isPercent: false, text: text)
        }
        // A range: "15-20%", "150 - 200", "từ 02 đến 03".
        let hasDash = s[i...].contains { $0 == "-" || $0 == "\u{2013}" || $0 == "\u{2014}" }
        if hasDash || text.contains("đến") {
            let r = try VietnameseNumber.parseRange(text, convention: convention, signed: signed)
            return Rule(.range(r.lower, r.upper), isPercent: r.isPercent, text: text)
        }
        if (try? VietnameseNumber.parse(text, convention: convention)) != nil {
            throw NumberError(
                "a rule needs a comparator: write '>= \(text.trimmingCharacters(in: .whitespaces))' (từ … trở lên, ít nhất), '> …' (trên), '<= …' (không quá), '< …' (dưới), or a range '15-20%'",
                offset: i)
        }
        throw NumberError(
            "'\(text)' is not a rule; write one of: '>= 90%', '> 750', '<= 5', '< 0,5%', '15-20%', 'từ 02 đến 03', '= 0', '3/3', '~ 50% ± 5', 'xếp loại >= hoan-thanh-tot'",
            offset: i)
    }

    /// The level of a rating rule written strictly above it ("xếp loại > hoan-thanh-tot",
    /// "xếp loại trên hoàn thành tốt"), which `parse` refuses; nil for any other text. A caller
    /// that knows the scale uses it to name the level above in its message.
    public static func strictRatingLevel(_ text: String) -> String? {
        let s = Array(text.unicodeScalars)
        let i = VietnameseNumber.skipSpaces(s, 0)
        for word in ["xếp loại", "rating"] {
            if let j = VietnameseNumber.matchWord(s, at: i, word: word) { return strictLevel(s, from: VietnameseNumber.skipSpaces(s, j)) }
        }
        return nil
    }

    /// What to write instead of a rating rule strictly above a level: a rating is judged at or
    /// above a level of its scale, so "above good" is the next level up, or the words meant "good
    /// or better" ("trở lên").
    /// - Parameters:
    ///   - word: "xếp loại" or "rating", as the rule began.
    ///   - level: The level written after "trên" or ">".
    ///   - levelAbove: The scale's next level up, when the caller knows the scale.
    public static func strictRatingMessage(word: String = "xếp loại", level: String, levelAbove: String?) -> String {
        let above = levelAbove.map { "'\(word) >= \($0)'" } ?? "'\(word) >= ' and the level above it"
        return "'\(word) > \(level)' (trên: strictly above) is not judged, as a rating rule names the lowest level that meets it: "
            + "write '\(word) >= \(level)' if the words mean this level or better (trở lên), or \(above) for a level above it"
    }

    /// After "xếp loại": the level when a strict comparator follows ('>' not followed by '=',
    /// or the words "trên", "vượt", "above"), else nil.
    private static func strictLevel(_ s: [Unicode.Scalar], from k: Int) -> String? {
        var after: Int?
        if k < s.count, s[k] == ">", !(k + 1 < s.count && s[k + 1] == "=") { after = k + 1 }
        for word in ["trên", "vượt", "above"] where after == nil {
            if let j = VietnameseNumber.matchWord(s, at: k, word: word) { after = j }
        }
        guard let after else { return nil }
        let level = String(String.UnicodeScalarView(s[min(after, s.count)...])).trimmingCharacters(in: .whitespaces)
        return level.isEmpty ? "LEVEL" : level
    }
}
