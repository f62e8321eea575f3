import Foundation

/// The four weather symbols of Germany's sustainability indicators.
public enum WeatherSymbol: String, Hashable, Sendable, CaseIterable {
    /// If the trend continues, the target is reached or missed by less than 5 % of the distance
    /// between the target and the current value.
    case sun
    /// Missed by at least 5 % and at most 20 % of that distance.
    case slightlyCloudy
    /// Developing in the desired direction, but missed by more than 20 % of that distance.
    case cloudy
    /// Not developing in the desired direction.
    case thunderstorm
    /// Fewer than `WeatherMethod.minimumPoints` figures.
    case notCalculable
}

/// The weather-symbol check of one series, with the figures behind it.
public struct WeatherCheck: Hashable, Sendable {
    /// The figures used: the latest `WeatherMethod.points` (at least `minimumPoints`).
    public var used: [SeriesPoint]
    /// The level to reach and its year.
    public var level: Decimal
    public var dueYear: Int
    /// Average annual change over the figures used: (latest − earliest used) ÷ their years apart.
    public var averageChange: Decimal?
    /// The latest figure carried forward by the average change to `dueYear` (the latest figure
    /// itself when `dueYear` has come).
    public var projected: Decimal?
    /// How much of the distance from the current value to the target the projection leaves
    /// uncovered, in percent; nil when the projection meets the target or the change goes the
    /// wrong way.
    public var missPercent: Decimal?
    /// The symbol.
    public var symbol: WeatherSymbol
}

/// Germany's sustainability indicators' status rule ("weather symbols"), as the Federal
/// Statistical Office describes it (https://dns-indikatoren.de/en/status, "Status of indicators –
/// Methodology"): the average of the last five annual changes, from the latest six data points, is
/// carried forward to the target year; the projected value is compared with the target, the miss
/// measured against the difference between the target and the current value: sun under 5 %,
/// slightly cloudy from 5 % to 20 %, cloudy above 20 % while moving the right way, thunderstorm when
/// not moving the right way. Where six points are lacking, at least the last four are used.
///
/// chitieu's reading, stated: "average annual change" is (latest − earliest used) ÷ the years
/// between them (the mean of the yearly changes when the years are consecutive; the source asks
/// for consecutive points, which chitieu does not check); no change at all counts as not moving
/// the right way (the source: "the distance to the target remains consistently large").
public enum WeatherMethod {
    /// Figures used: the latest six (five annual changes).
    public static let points = 6
    /// The fewest figures the source allows in exceptional cases.
    public static let minimumPoints = 4
    /// Miss, in percent of the distance left, under which the symbol is the sun.
    public static let sunMiss: Decimal = 5
    /// Miss, in percent, up to which the symbol is slightly cloudy.
    public static let slightlyCloudyMiss: Decimal = 20

    /// The check of `series` towards `level` by `dueYear`; `direction` +1 when the figure must
    /// rise, −1 when it must fall; `meets` says whether a figure meets the target as worded.
    public static func check(_ series: [SeriesPoint], level: Decimal, direction: Int, dueYear: Int, meets: (Decimal) -> Bool) -> WeatherCheck {
        let used = Array(series.suffix(points))
        var c = WeatherCheck(used: used, level: level, dueYear: dueYear, symbol: .notCalculable)
        guard used.count >= minimumPoints, let first = used.first, let latest = used.last, latest.year > first.year else { return c }
        let change = (latest.value - first.value) / Decimal(latest.year - first.year)
        c.averageChange = change
        let projected = dueYear > latest.year ? latest.value + change * Decimal(dueYear - latest.year) : latest.value
        c.projected = projected
        if meets(projected) {
            c.symbol = .sun
            return c
        }
        guard change * Decimal(direction) > 0 else {
            c.symbol = .thunderstorm
            return c
        }
        let distance = Decimal(direction) * (level - latest.value)
        // Moving the right way yet not meeting it: a distance of 0 is a strict bound reached exactly.
        guard distance > 0 else {
            c.symbol = .sun
            return c
        }
        let miss = Decimal(direction) * (level - projected) / distance * 100
        c.missPercent = miss
        c.symbol = miss < sunMiss ? .sun : miss <= slightlyCloudyMiss ? .slightlyCloudy : .cloudy
        return c
    }
}
