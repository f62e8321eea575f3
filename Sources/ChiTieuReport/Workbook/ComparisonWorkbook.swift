import ChiTieuCore
import Foundation
import Xlsx

/// A workbook with the "So sánh" sheet: one block per indicator and normalisation, each body's
/// figure, the divisor and the quotient as a live formula, the rank as a live RANK formula over
/// the ranked bodies (context rows below them, outside the range), the spread as MIN, MEDIAN and
/// MAX, the total where adding up means something, and a column chart of each block.
public struct ComparisonWorkbook: Sendable {
    /// The language of labels.
    public var language: ReportLanguage

    /// Creates a writer.
    public init(language: ReportLanguage = .vi) { self.language = language }

    var vi: Bool { language == .vi }
    var report: ComparisonReport { ComparisonReport(language: language) }
    var words: Vocabulary { Vocabulary(language: language) }

    /// Charts drawn at most, one per block from the top.
    static let maximumCharts = 30
    static let columns = (label: 0, body: 1, date: 2, value: 3, base: 4, ratio: 5, rank: 6, note: 7)
    static let lastColumn = 7
    /// Column widths in characters: 96 in all, what A4 landscape holds at 100 % within the Party
    /// margins where LibreOffice draws the widest characters (names and notes wrap instead).
    static let widths: [Double] = [5, 27, 10, 11, 10, 9, 6, 18]
    /// The whole printed width, in characters, for texts merged across it.
    static let printedWidth = widths.reduce(0, +)
    /// A chart 720 × 240 pixels (180 pt) in a band of 13 rows of 15 pt: two bands and the title
    /// fit an A4 landscape page within the Party margins.
    static let chartScale = (x: 720.0 / 480, y: 240.0 / 288)
    static let bandRows = 13

    /// A bar's label: the body's name at the figure's date, and the date.
    func chartLabel(_ c: CrossComparison, _ i: Int, _ row: ComparedRow) -> String {
        let cell = row.cells[i], column = c.columns[i]
        let name = cell.figure.map { vi ? column.body.name(at: $0.end) : column.body.nameEn } ?? (vi ? column.body.name : column.body.nameEn)
        let date = report.period(cell.figure)
        return date.isEmpty ? name : name + " (" + date + ")"
    }

    /// Writes the workbook through a temporary file, renamed only when complete.
    public func write(_ c: CrossComparison, catalogue: [String: Indicator] = [:], to path: String) throws {
        try AtomicFile.replace(path) { temporary in
            let rows = c.rows.reduce(0) { $0 + $1.cells.count + 5 }
            let workbook = try Workbook(path: temporary, constantMemory: rows > ReviewWorkbook.constantMemoryRows)
            try fill(workbook, c, catalogue)
            try workbook.close()
        }
    }

    func fill(_ workbook: Workbook, _ c: CrossComparison, _ catalogue: [String: Indicator]) throws {
        let title = vi ? "So sánh chỉ số giữa các đảng bộ" : "Indicators compared across party bodies"
        // The newest figure's date, not the clock: the same data gives the same bytes.
        let newest = c.rows.flatMap { $0.cells.compactMap { $0.figure?.end } }.max() ?? CalendarDate(year: 2000, month: 12, day: 31)
        try workbook.setProperties(DocumentProperties(
            title: title, subject: c.columns.indices.map { report.columnName(c, $0) }.joined(separator: "; "),
            author: "chitieu", keywords: vi ? "so sánh, chỉ số, đảng bộ" : "comparison, indicators, party bodies",
            created: ReviewWorkbook.epochSeconds(newest)))
        let styles = Styles(vi: vi)
        let sheet = try workbook.addWorksheet(vi ? "So sánh" : "Comparison")
        let charted = chartedRows(c)
        // Charts on a sheet of their own, below one another: beside the table they pushed the
        // page to twice its width and printed everything at half size.
        let chartSheet = charted.isEmpty ? nil : try workbook.addWorksheet(vi ? "Biểu đồ" : "Charts")
        for (i, w) in Self.widths.enumerated() { try sheet.setColumns(i, i, width: w) }
        var heights: [Double] = []
        func setHeight(_ r: Int, _ h: Double) throws {
            while heights.count <= r { heights.append(15) }
            heights[r] = h
            try sheet.setRow(r, height: h)
        }
        // Title and the columns' names across the printed width, wrapped rather than running off the page.
        try sheet.merge(firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: Self.lastColumn, title, style: styles.title)
        try setHeight(0, 21)
        var r = 1
        for i in c.columns.indices {
            let line = "(\(i + 1)) " + report.columnName(c, i)
            try sheet.merge(firstRow: r, firstColumn: 0, lastRow: r, lastColumn: Self.lastColumn, line, style: styles.note)
            try setHeight(r, Styles.rowHeight([(line, Self.printedWidth)]))
            r += 1
        }
        r += 1
        var blockStarts: Set<Int> = []
        var chartsWritten: [(row: ComparedRow, block: Block)] = []
        for (index, row) in c.rows.enumerated() where Self.hasBlock(row) {
            let block = try writeBlock(sheet, row, c, at: r, styles: styles, catalogue: catalogue, setHeight: setHeight)
            blockStarts.insert(block.first)
            if charted.contains(index), chartsWritten.count < Self.maximumCharts { chartsWritten.append((row, block)) }
            r = block.next
        }
        let margins = PageMargins.partyDefault
        if let chartSheet { try writeCharts(chartSheet, chartsWritten, c, sheetName: sheet.name, workbook: workbook, styles: styles, margins: margins) }
        sheet.freezePanes(row: 0, column: 2)
        // 100 % within the Party margins, one block never split across two pages.
        let plan = PagePlan(margins: margins, headingHeight: 0)
        while heights.count < r { heights.append(15) }
        let breaks = plan.breaks(heights, firstBody: 1, groupStarts: blockStarts)
        let header = "&L" + title.replacingOccurrences(of: "&", with: "&&")
        let footer = vi ? "&RTrang &P/&N" : "&RPage &P of &N"
        try sheet.printSetup(repeatRows: nil, header: header, footer: footer, scale: 100)
        sheet.setMargins(margins)
        try sheet.setPrintArea(firstRow: 0, firstColumn: 0, lastRow: max(r - 1, 0), lastColumn: Self.lastColumn)
        try sheet.pageBreaks(before: breaks)
        if let chartSheet {
            try chartSheet.printSetup(repeatRows: nil, header: header, footer: footer, scale: 100)
            chartSheet.setMargins(margins)
        }
    }

    /// Whether a row gets a block: a normalised row with no figure at all is left out.
    static func hasBlock(_ row: ComparedRow) -> Bool {
        !(row.normalisation != nil && row.cells.allSatisfy { $0.figure == nil })
    }

    /// The rows that get a chart: at least two ranked figures (one bar beside empty places
    /// compares nothing), by their id.
    private func chartedRows(_ c: CrossComparison) -> Set<Int> {
        Set(c.rows.indices.filter { index in
            let row = c.rows[index]
            return Self.hasBlock(row)
                && c.columns.indices.filter { !c.columns[$0].isContext && row.cells[$0].leftOut == nil && row.cells[$0].value != nil }.count > 1
        })
    }

    /// One column chart a band, two bands a page: bars named by body and date ("… Quảng Ninh
    /// (4/9/2022)"), not "(1)", from label cells under each chart (one text column, which
    /// libxlsxwriter caches as text), values from the comparison's cells, so an edit redraws them.
    private func writeCharts(_ sheet: Worksheet, _ blocks: [(row: ComparedRow, block: Block)], _ c: CrossComparison, sheetName: String, workbook: Workbook,
                             styles: Styles, margins: PageMargins) throws {
        for (i, w) in ChartSheet.widths.enumerated() { try sheet.setColumns(i, i, width: w) }
        try sheet.write(.string(vi ? "Biểu đồ so sánh — số liệu từ các ô của trang '\(sheetName)'" : "Comparison charts — figures from the cells of '\(sheetName)'"), row: 0, column: 0, style: styles.title)
        let start = 2
        // A4 landscape within the Party margins holds the title and two bands.
        let room = PagePlan(margins: margins, headingHeight: 0).room
        var used = 18.75 + 15 * Double(start - 1)
        var breaks: [Int] = []
        for (band, item) in blocks.enumerated() {
            let (row, block) = item
            let top = start + band * Self.bandRows
            if used + 15 * Double(Self.bandRows) > room, band > 0 {
                breaks.append(top)
                used = 0
            }
            used += 15 * Double(Self.bandRows)
            let ranked = block.order.prefix(block.ranked.count)
            for (offset, i) in ranked.enumerated() {
                try sheet.write(.string(chartLabel(c, i, row)), row: top + offset, column: 0)
            }
            let chart = try workbook.addChart(.column)
            chart.setTitle(report.rowName(row))
            let valueColumn = row.normalisation == nil ? Self.columns.value : Self.columns.ratio
            try chart.addSeries(name: report.rowName(row),
                                categories: .column(sheet.name, 0, top, top + ranked.count - 1),
                                values: .column(sheetName, valueColumn, block.ranked.lowerBound, block.ranked.upperBound), labels: true)
            chart.legendOff()
            // From zero, so a bar's height is proportional to its figure; a share, stored as a
            // fraction, on a percent axis (0–35 %, not 0–0,35).
            chart.valueAxisFromZero(numberFormat: row.normalisation == nil && row.indicator.unit == .percent ? "0%" : "#,##0")
            try sheet.insert(chart, row: top, column: 0, xScale: Self.chartScale.x, yScale: Self.chartScale.y)
        }
        try sheet.pageBreaks(before: breaks)
    }

    /// Where a block stands: its first row, the rows of the ranked bodies, and the next free row.
    struct Block {
        var first: Int
        var ranked: ClosedRange<Int>
        /// The columns of the comparison in the order of the block's rows.
        var order: [Int]
        var next: Int
    }

    private func writeBlock(_ sheet: Worksheet, _ row: ComparedRow, _ c: CrossComparison, at start: Int, styles: Styles, catalogue: [String: Indicator],
                            setHeight: (Int, Double) throws -> Void) throws -> Block {
        let k = Self.columns
        let normalised = row.normalisation != nil
        let name = report.rowName(row)
        try sheet.merge(firstRow: start, firstColumn: 0, lastRow: start, lastColumn: Self.lastColumn, name, style: CellStyle(bold: true, wrap: true))
        try setHeight(start, Styles.rowHeight([(name, Self.printedWidth)]))
        let titles = vi
            ? ["Cột", "Đảng bộ", "Thời điểm", "Số liệu", normalised ? "Chia cho" : "", normalised ? "Tỷ số" : "", "Hạng", "Ghi chú"]
            : ["Col.", "Body", "Date", "Figure", normalised ? "Divided by" : "", normalised ? "Ratio" : "", "Rank", "Note"]
        for (i, t) in titles.enumerated() { try sheet.write(.string(t), row: start + 1, column: i, style: styles.header) }
        try setHeight(start + 1, Styles.rowHeight(titles.enumerated().map { ($1, Self.widths[$0]) }))
        // Ranked bodies first, context below, so that RANK's range holds only the ranked ones.
        // A figure of another period kind (a term total beside yearly figures) stands below the
        // ranked ones too, outside RANK, MIN, MEDIAN, MAX and SUM.
        let inRange = c.columns.indices.filter { !c.columns[$0].isContext && row.cells[$0].leftOut == nil }
        let order = inRange + c.columns.indices.filter { !c.columns[$0].isContext && row.cells[$0].leftOut != nil } + c.columns.indices.filter { c.columns[$0].isContext }
        let first = start + 2
        let rankedCount = inRange.count
        let rankedRows = first...(first + max(rankedCount, 1) - 1)
        let compared = normalised ? k.ratio : k.value
        // An amount's cells show the most decimals any of its figures has, and its measure.
        let places = row.cells.compactMap { $0.figure?.observation.value.comparable }.max { Styles.places($0) < Styles.places($1) }
        let figureStyle = row.normalisation == nil ? styles.figure(row.indicator, places) : styles.count
        for (offset, i) in order.enumerated() {
            let r = first + offset
            let cell = row.cells[i], column = c.columns[i]
            try sheet.write(.string("(\(i + 1))"), row: r, column: k.label, style: styles.plain)
            let bodyName = (cell.figure.map { vi ? column.body.name(at: $0.end) : column.body.nameEn } ?? (vi ? column.body.name : column.body.nameEn))
                + (column.isContext ? (vi ? " (bối cảnh)" : " (context)") : "")
            try sheet.write(.string(bodyName), row: r, column: k.body, style: styles.text)
            try sheet.write(.string(report.period(cell.figure)), row: r, column: k.date, style: styles.text)
            try sheet.write(figureCell(cell, row), row: r, column: k.value, style: figureStyle)
            var note = cell.figure.map { words.value($0.observation, indicator: row.indicator) } ?? words.verdict(.noData)
            if normalised {
                let base = cell.base?.observation.value.comparable
                try sheet.write(base.map { .number(ReviewWorkbook.double($0)) } ?? .blank, row: r, column: k.base, style: styles.count)
                let d = Worksheet.cellName(row: r, column: k.value), e = Worksheet.cellName(row: r, column: k.base)
                let scale = row.normalisation?.scale == 100 ? "*100" : ""
                let formula = "=IF(AND(ISNUMBER(\(d)),ISNUMBER(\(e))),\(d)/\(e)\(scale),\"\")"
                // A bound's quotient ("trên 7.500" ÷ 82) is noted rounded towards what it guarantees
                // ("trên 91,4"); one decimal more keeps the cell from reading past it (91,46, not 91,5).
                let places = cell.qualifier == .exact ? "0" : "00"
                try sheet.write(cell.value.map { .formula(formula, cached: ReviewWorkbook.double($0)) } ?? .textFormula(formula, cached: ""), row: r, column: k.ratio,
                                style: CellStyle(numberFormat: "#,##0." + places, border: true, top: true))
                if let base = cell.base { note += " ÷ " + words.value(base.observation, indicator: row.indicator) + " (" + report.period(base) + ")" }
                if let p = cell.problem { note = report.problem(p, catalogue) }
                if cell.value != nil, cell.qualifier != .exact { note += " → " + report.shown(cell.value, cell.qualifier, row) }
            } else {
                try sheet.write(.blank, row: r, column: k.base, style: styles.plain)
                try sheet.write(.blank, row: r, column: k.ratio, style: styles.plain)
            }
            if let why = report.leftOutReason(cell, row) { note += " — " + why }
            if column.isContext || row.indicator.unit == .rating || cell.leftOut != nil {
                try sheet.write(.blank, row: r, column: k.rank, style: styles.plain)
            } else {
                let x = Worksheet.cellName(row: r, column: compared)
                let range = Worksheet.cellName(row: rankedRows.lowerBound, column: compared, absolute: true) + ":" + Worksheet.cellName(row: rankedRows.upperBound, column: compared, absolute: true)
                let formula = "=IF(ISNUMBER(\(x)),RANK(\(x),\(range),\(row.indicator.direction == .up ? 0 : 1)),\"\")"
                // Centred: a rank right-aligned against the note read "24.294".
                try sheet.write(cell.rank.map { .formula(formula, cached: Double($0)) } ?? .textFormula(formula, cached: ""), row: r, column: k.rank,
                                style: CellStyle(border: true, alignment: .center, top: true))
            }
            try sheet.write(.string(note), row: r, column: k.note, style: styles.text)
            try setHeight(r, Styles.rowHeight([(bodyName, Self.widths[k.body]), (note, Self.widths[k.note]), (report.period(cell.figure), Self.widths[k.date])]))
        }
        var r = first + order.count
        if let s = row.spread, row.indicator.unit != .rating {
            let range = Worksheet.cellName(row: rankedRows.lowerBound, column: compared) + ":" + Worksheet.cellName(row: rankedRows.upperBound, column: compared)
            let stored = { (d: Decimal) -> Double in ReviewWorkbook.double(d, shift: row.normalisation == nil && row.indicator.unit == .percent ? -2 : 0) }
            let style = row.normalisation == nil ? figureStyle : CellStyle(numberFormat: "#,##0.0", border: true, top: true)
            // An end of the spread is the figure it is, a bound with its qualifier; a median of a
            // bound is a bound: the cell holds the number, the note says "trên 5.897".
            func qualifier(_ v: Decimal) -> Qualifier { row.cells.first { $0.value == v && $0.rank != nil }?.qualifier ?? .exact }
            for (label, function, value, q) in [(vi ? "Thấp nhất" : "Lowest", "MIN", s.min, qualifier(s.min)), (vi ? "Trung vị" : "Median", "MEDIAN", s.median, s.medianQualifier),
                                                (vi ? "Cao nhất" : "Highest", "MAX", s.max, qualifier(s.max))] {
                try sheet.write(.string(label), row: r, column: k.body, style: styles.bold)
                try sheet.write(.formula("=\(function)(\(range))", cached: stored(value)), row: r, column: compared, style: style)
                if q != .exact { try sheet.write(.string(report.shown(value, q, row)), row: r, column: k.note, style: styles.text) }
                r += 1
            }
            if let total = row.total {
                try sheet.write(.string(vi ? "Chung các cột" : "All columns together"), row: r, column: k.body, style: styles.bold)
                try sheet.write(totalCell(row, total, rankedRows), row: r, column: compared, style: style)
                let shown = words.qualifier(row.totalQualifier) + report.shown(total, .exact, row)
                try sheet.write(.string(shown), row: r, column: k.note, style: styles.text)
                try setHeight(r, Styles.rowHeight([(shown, Self.widths[k.note]), (vi ? "Chung các cột" : "All columns together", Self.widths[k.body])]))
                r += 1
            } else if let p = row.totalProblem {
                let problem = report.problem(p, catalogue)
                try sheet.merge(firstRow: r, firstColumn: k.body, lastRow: r, lastColumn: Self.lastColumn, problem, style: styles.note)
                try setHeight(r, Styles.rowHeight([(problem, Self.printedWidth - Self.widths[0])]))
                r += 1
            }
        }
        return Block(first: start, ranked: rankedRows, order: order, next: r + 1)
    }

    /// The figure as stored: a count, a share as a fraction, a rating as its level's name;
    /// "chưa có số liệu" as text (RANK, MIN and MAX skip text, never reading it as zero).
    private func figureCell(_ cell: ComparedCell, _ row: ComparedRow) -> CellValue {
        guard let figure = cell.figure else { return .string(words.verdict(.noData)) }
        if case let .rating(level) = figure.observation.value { return .string(words.levelName(level, of: row.indicator)) }
        guard let v = figure.observation.value.comparable else { return .string(words.verdict(.noData)) }
        return .number(ReviewWorkbook.double(v, shift: row.indicator.unit == .percent ? -2 : 0))
    }

    /// A count (or summed amount) total or a quotient of totals as a live formula; a weighted share as its value
    /// (its weights, the members, are not cells of this sheet).
    private func totalCell(_ row: ComparedRow, _ total: Decimal, _ ranked: ClosedRange<Int>) -> CellValue {
        let k = Self.columns
        func range(_ column: Int) -> String { Worksheet.cellName(row: ranked.lowerBound, column: column) + ":" + Worksheet.cellName(row: ranked.upperBound, column: column) }
        if let n = row.normalisation {
            return .formula("=SUM(\(range(k.value)))/SUM(\(range(k.base)))" + (n.scale == 100 ? "*100" : ""), cached: ReviewWorkbook.double(total))
        }
        if row.indicator.unit == .count || row.indicator.unit == .amount { return .formula("=SUM(\(range(k.value)))", cached: ReviewWorkbook.double(total)) }
        return .number(ReviewWorkbook.double(total, shift: -2))
    }
}
