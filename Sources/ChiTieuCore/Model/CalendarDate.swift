/// A date as sources give it: a year, a month of a year, or a day ("12-2014", "22/12/1985").
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The year.
    public var year: Int
    /// The month, 1–12, if known.
    public var month: Int?
    /// The day of the month, if known.
    public var day: Int?

    /// Creates a date; the caller has checked the ranges.
    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads ISO text: `2014`, `2014-12` or `2020-07-21`. Returns nil for anything else.
    public init?(iso text: String) {
        // Read from the UTF-8 bytes: YYYY, YYYY-MM or YYYY-MM-DD, digits only.
        var parts: [Int] = []
        var value = 0, digits = 0
        for b in text.utf8 {
            if b >= 48, b <= 57 {
                // No part has more than four digits; stop before a long run could overflow (found by fuzzing).
                if digits == 4 { return nil }
                value = value * 10 + Int(b - 48)
                digits += 1
            } else if b == UInt8(ascii: "-"), parts.count < 2, digits == (parts.isEmpty ? 4 : 2) {
                parts.append(value)
                value = 0
                digits = 0
            } else {
                return nil
            }
        }
        guard digits == (parts.isEmpty ? 4 : 2) else { return nil }
        parts.append(value)
        let y = parts[0]
        var m: Int?
        var d: Int?
        if parts.count >= 2 {
            guard (1...12).contains(parts[1]) else { return nil }
            m = parts[1]
        }
        if parts.count == 3, let month = m {
            guard (1...CalendarDate.days(in: month, of: y)).contains(parts[2]) else { return nil }
            d = parts[2]
        }
        self.init(year: y, month: m, day: d)
    }

    static func days(in month: Int, of year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// ISO form: `2020-07-21`, `2014-12`, `2014`.
    public var description: String {
        var s = String(year)
        if let month { s += "-" + (month < 10 ? "0" : "") + String(month) }
        if let day { s += "-" + (day < 10 ? "0" : "") + String(day) }
        return s
    }

    /// Vietnamese form: `21/7/2020`, `12/2014`, `2014`.
    public var vietnamese: String {
        switch (day, month) {
        case let (d?, m?): return "\(d)/\(m)/\(year)"
        case let (nil, m?): return "\(m)/\(year)"
        default: return String(year)
        }
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month ?? 0, a.day ?? 0) < (b.year, b.month ?? 0, b.day ?? 0)
    }
}
