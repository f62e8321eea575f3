/// A calendar day written in a workbook as a serial number of days.
///
/// Excel counts from 1900 by default (serial 1 is 1 January 1900, and serial 60 is the
/// 29 February 1900 that never was, kept for Lotus 1-2-3's sake) or, when the workbook says
/// `date1904`, from 1 January 1904 (serial 0). Only whole days are kept: a time of day is dropped.
public struct SpreadsheetDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The year.
    public var year: Int
    /// The month, 1–12.
    public var month: Int
    /// The day of the month.
    public var day: Int

    /// A day.
    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day of a serial number; nil for a negative serial, serial 60 of the 1900 system (the
    /// day that does not exist) or beyond Excel's last day (31 December 9999).
    public init?(serial days: Int, date1904: Bool) {
        guard days >= 0, days <= 2_958_465 else { return nil }
        let offset: Int
        if date1904 {
            offset = Self.daysFromCivil(1904, 1, 1) + days
        } else {
            guard days != 60, days != 0 else { return nil }
            // Before the phantom 29 February the count starts on 31 December 1899; after it, one day earlier.
            offset = days < 60 ? Self.daysFromCivil(1899, 12, 31) + days : Self.daysFromCivil(1899, 12, 30) + days
        }
        (year, month, day) = Self.civil(fromDays: offset)
    }

    /// The serial number of the day in the given system.
    public func serial(date1904: Bool) -> Int {
        let d = Self.daysFromCivil(year, month, day)
        if date1904 { return d - Self.daysFromCivil(1904, 1, 1) }
        let s = d - Self.daysFromCivil(1899, 12, 30)
        return s <= 60 ? s - 1 : s
    }

    /// `2024-03-15`.
    public var description: String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))"
    }

    /// Earlier days first.
    public static func < (a: SpreadsheetDate, b: SpreadsheetDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    // Howard Hinnant's days-from-civil algorithm: exact integer arithmetic on the proleptic
    // Gregorian calendar, so no time zone or Foundation calendar can shift a day.
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
