import ChiTieuCore
import Xlsx

/// Where a sheet printed at 100 % on A4 landscape breaks into pages, planned from its rows'
/// heights (every row's height is set, so the plan is what a spreadsheet engine prints).
///
/// A page holds rows up to the height within the margins, less a little for the engine's rounding;
/// pages after the first begin with the repeated heading row; a group of rows (one target's
/// steps) moves to the next page whole when it fits on one; and when the last page would hold
/// only a line or two, the break before it moves up so that the page is worth printing.
struct PagePlan {
    /// The rows' room on a page, in points.
    var room: Double
    /// The height of the heading row repeated at the top of every later page.
    var headingHeight: Double
    /// The fewest points of rows the last page is given (four lines of 15 pt).
    var fewestOnLastPage = 60.0

    /// A4 landscape's height in millimetres.
    static let paperHeight = 210
    /// The share of the room a plan fills: LibreOffice and Excel round row heights to their own
    /// units, and a page they find full before the planned break would print an extra page.
    static let fill = 0.95

    /// A plan for A4 landscape within `margins`.
    init(margins: PageMargins, headingHeight: Double) {
        room = Double(Self.paperHeight - margins.top - margins.bottom) * 72 / 25.4 * Self.fill
        self.headingHeight = headingHeight
    }

    /// A plan with a given room (for tests).
    init(room: Double, headingHeight: Double) {
        self.room = room
        self.headingHeight = headingHeight
    }

    /// The rows (0-based) before which pages break.
    /// - Parameters:
    ///   - heights: the height of every row, from row 0, in points.
    ///   - firstBody: the first row after the heading: a break never leaves the first page with
    ///     less than the heading and one row.
    ///   - groupStarts: rows where a group begins; nil when every row stands alone.
    func breaks(_ heights: [Double], firstBody: Int, groupStarts: Set<Int>? = nil) -> [Int] {
        func total(_ rows: Range<Int>) -> Double { rows.reduce(0) { $0 + heights[$1] } }
        var breaks: [Int] = []
        var pageStart = 0
        var used = 0.0
        var groupStart = 0
        for (i, h) in heights.enumerated() {
            if groupStarts?.contains(i) ?? true { groupStart = i }
            guard used + h > room, i > max(pageStart, firstBody) else {
                used += h
                continue
            }
            // Move the whole group when it began on this page and fits on a page of its own.
            let whole = groupStart > max(pageStart, firstBody) && headingHeight + total(groupStart..<(i + 1)) <= room
            let b = whole ? groupStart : i
            breaks.append(b)
            pageStart = b
            used = headingHeight + total(b..<(i + 1))
        }
        guard let last = breaks.last, total(last..<heights.count) < fewestOnLastPage else { return breaks }
        let previous = breaks.count > 1 ? breaks[breaks.count - 2] : firstBody
        var b = last
        while b - 1 > previous, total(b..<heights.count) < fewestOnLastPage, headingHeight + total((b - 1)..<heights.count) <= room {
            b -= 1
        }
        breaks[breaks.count - 1] = b
        return breaks
    }
}

/// A sheet's rows as the plan needs them: which row is the heading repeated on every page, the
/// height of every row as set on the sheet, and where groups of rows begin.
struct PrintedRows {
    /// The heading row (0-based).
    var heading = 0
    /// Every row's height in points, from row 0.
    private(set) var heights: [Double] = []
    /// Rows where a group begins; nil when every row stands alone.
    var groupStarts: Set<Int>?

    /// The height of a row with no height of its own: libxlsxwriter's default, 15 pt.
    static let defaultHeight = 15.0
    /// The height of a title row in 14 pt type.
    static let titleHeight = 21.0

    /// Sets a row's height on the sheet and records it.
    mutating func set(_ sheet: Worksheet, _ row: Int, height: Double) throws {
        try sheet.setRow(row, height: height)
        if heights.count <= row { heights += Array(repeating: Self.defaultHeight, count: row + 1 - heights.count) }
        heights[row] = height
    }

    /// Records a row written with the default height.
    mutating func plain(_ row: Int) {
        if heights.count <= row { heights += Array(repeating: Self.defaultHeight, count: row + 1 - heights.count) }
    }
}

extension Worksheet {
    /// Sets the page margins of a sheet to a document's margins, in millimetres.
    func setMargins(_ m: PageMargins) {
        setMargins(top: Double(m.top), bottom: Double(m.bottom), left: Double(m.left), right: Double(m.right))
    }
}
