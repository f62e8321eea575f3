import Foundation

/// One band an office sets itself for the attainment of its targets (tỷ lệ đạt, in percent),
/// after DHIS2's legend sets: a start, an end, a colour and a label.
public struct OfficeBand: Hashable, Sendable {
    /// The lowest attainment in the band, inclusive.
    public var start: Decimal
    /// The attainment where the next band begins (exclusive); nil for the last, open band.
    public var end: Decimal?
    /// The fill colour in the workbook, 0xRRGGBB; nil for none.
    public var colour: UInt32?
    /// The office's word for the band ("hoàn thành xuất sắc").
    public var label: String

    /// Creates a band.
    public init(start: Decimal, end: Decimal?, colour: UInt32?, label: String) {
        self.start = start
        self.end = end
        self.colour = colour
        self.label = label
    }
}

/// An office's bands, checked as DHIS2 checks a legend set: in order, each ending where the next
/// begins, without gaps or overlaps.
public enum OfficeBands {
    /// The band an attainment (percent) falls in: start ≤ attainment < end; nil outside every band.
    public static func band(_ bands: [OfficeBand], for attainment: Decimal) -> OfficeBand? {
        bands.first { attainment >= $0.start && ($0.end.map { attainment < $0 } ?? true) }
    }

    /// What is wrong with a list of bands, by the index of the band at fault: a start not below
    /// its end, a gap or an overlap with the band before, an open end before the last band.
    public static func problems(_ bands: [OfficeBand]) -> [(index: Int, message: String)] {
        var out: [(Int, String)] = []
        for (i, b) in bands.enumerated() {
            if let end = b.end, end <= b.start { out.append((i, "the band '\(b.label)' ends (\(end)) where it starts or before (\(b.start))")) }
            if b.end == nil, i < bands.count - 1 { out.append((i, "only the last band may be open at the top; give '\(b.label)' a 'to'")) }
            guard i > 0, let previousEnd = bands[i - 1].end else { continue }
            if b.start > previousEnd { out.append((i, "a gap between \(previousEnd) and \(b.start): attainments there have no band; start '\(b.label)' at \(previousEnd)")) }
            if b.start < previousEnd { out.append((i, "'\(b.label)' starts at \(b.start), inside the band before (to \(previousEnd)); bands may not overlap")) }
        }
        return out
    }
}
