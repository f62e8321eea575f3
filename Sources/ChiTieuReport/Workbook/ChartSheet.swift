import ChiTieuCore
import Foundation
import Xlsx

/// "Biểu đồ": a chart for every indicator with at least two figures, one of them an outcome — a
/// per-year target's outcomes year by year against its target line (drawn from its block on
/// "Theo năm", so a corrected outcome redraws it), and a term target's figure against its outcome
/// (from a small table on this sheet). One chart a band, two bands a printed page, none cut.
struct ChartSheet {
    let writer: ReviewWorkbook
    let styles: Styles
    var words: Vocabulary { writer.words }
    var vi: Bool { writer.vi }

    static let tableHeaderRow = 3
    static let widths: [Double] = [6, 44, 16, 16]
    /// Charts are 720 × 260 pixels, one a band at the left edge: a chart's size is absolute but
    /// its anchor is a cell, and LibreOffice without Calibri draws columns a third wider than
    /// Excel, so a second chart anchored beside the first would land off the page in one of them.
    static let chartScale = (x: 720.0 / 480, y: 260.0 / 288)
    /// Rows of 15 points a band takes (260 pixels are 195 points), with a margin: two a page.
    static let bandRows = 14

    /// A numeric figure the workbook stores in a cell.
    private static func numeric(_ j: Judgement, _ i: Indicator) -> Bool {
        i.unit != .rating && j.value != nil && j.valueRange == nil && j.units == nil
    }

    /// A per-year target with at least one year's figure: its outcomes and its target line.
    static func chartsYears(_ t: TargetAssessment) -> Bool {
        t.target.period == .eachYear && t.indicator.unit != .rating && t.years.contains { numeric($0, t.indicator) }
    }

    /// A target of the term with a target figure and an outcome: the two side by side.
    static func chartsTerm(_ t: TargetAssessment) -> Bool {
        t.target.period != .eachYear && t.perUnit.isEmpty && t.target.rule.threshold != nil && numeric(t.summary, t.indicator)
            && { if case .ratingAtLeast = t.target.rule.comparison { return false }; return true }()
    }

    /// Whether the record has anything to chart (the sheet is made only then).
    static func hasCharts(_ a: Assessment) -> Bool {
        a.targets.contains { chartsYears($0) || chartsTerm($0) }
    }

    /// The value axis's number format: percents for a share stored as a fraction, with a decimal
    /// where every figure is under 10 % (a 0,5 % ceiling's axis would read 0 %, 1 %, 1 %).
    private func axisFormat(_ i: Indicator, _ figures: [Decimal?]) -> String? {
        switch i.unit {
        case .percent: return figures.compactMap { $0 }.allSatisfy { $0 < 10 } ? "0.0%" : "0%"
        case .count: return "#,##0"
        case .amount, .rating: return nil
        }
    }

    func write(_ sheet: Worksheet, _ a: Assessment, yearBlocks: [String: YearBlock], byYearName: String, workbook: Workbook) throws {
        try sheet.write(.string((vi ? "Biểu đồ — " : "Charts — ") + writer.termLine(a)), row: 0, column: 0, style: styles.title)
        // Say where the charts' figures come from, only for the kinds of chart the sheet has.
        let notes = (a.targets.contains(where: Self.chartsYears) ? [vi
            ? "Chỉ tiêu hằng năm: kết quả từng năm so với mức chỉ tiêu, từ các ô của '\(byYearName)' (sửa kết quả thì biểu đồ đổi theo)."
            : "Yearly targets: each year's outcome against the target figure, from the cells of '\(byYearName)' (correct an outcome and the chart follows)."] : [])
            + (a.targets.contains(where: Self.chartsTerm) ? [vi
                ? "Chỉ tiêu cả nhiệm kỳ: mức chỉ tiêu và kết quả, từ bảng dưới đây."
                : "Term targets: the target figure and the outcome, from the table below."] : [])
        for (i, note) in notes.enumerated() { try sheet.write(.string(note), row: 1 + i, column: 0) }
        for (c, w) in Self.widths.enumerated() { try sheet.setColumns(c, c, width: w) }
        let labels = Dictionary(uniqueKeysWithValues: zip(a.targets.map(\.target.id), TextReport.numbering(a.targets)))

        // The term targets' figures, as cells the charts read.
        let term = a.targets.filter(Self.chartsTerm)
        var r = Self.tableHeaderRow
        var termRows: [String: Int] = [:]
        if !term.isEmpty {
            let titles = vi ? ["STT", "Chỉ số", "Mức chỉ tiêu", "Kết quả"] : ["No.", "Indicator", "Target figure", "Outcome"]
            for (c, t) in titles.enumerated() { try sheet.write(.string(t), row: r, column: c, style: styles.header) }
            r += 1
            let cells = JudgedCells(writer: writer, styles: styles)
            for t in term {
                try sheet.write(.string(labels[t.target.id] ?? ""), row: r, column: 0, style: styles.plain)
                try sheet.write(.string(words.indicatorName(t.indicator)), row: r, column: 1, style: styles.text)
                try sheet.write(cells.thresholdCell(t.target.rule, t.indicator), row: r, column: 2, style: styles.figure(t.indicator, t.target.rule.threshold))
                try sheet.write(cells.valueCell(t.summary, t.indicator), row: r, column: 3, style: styles.figure(t.indicator, t.summary.value))
                try sheet.setRow(r, height: Styles.rowHeight([(words.indicatorName(t.indicator), Self.widths[1])]))
                termRows[t.target.id] = r
                r += 1
            }
        }

        // The charts, in the targets' order.
        var charts: [Chart] = []
        for t in a.targets where charts.count < ReviewWorkbook.maximumCharts {
            let title = (labels[t.target.id].map { $0 + ". " } ?? "") + words.indicatorName(t.indicator)
            if Self.chartsYears(t), let block = yearBlocks[t.target.id] {
                let chart = try workbook.addChart(.line)
                chart.setTitle(title)
                let categories = Chart.Range.row(byYearName, ByYearSheet.headerRow, block.firstYearColumn, block.lastYearColumn)
                try chart.addSeries(name: vi ? "Kết quả" : "Outcome", categories: categories,
                                    values: .row(byYearName, block.valueRow, block.firstYearColumn, block.lastYearColumn), marker: .circle, labels: true)
                try chart.addSeries(name: vi ? "Mức chỉ tiêu" : "Target figure", categories: categories,
                                    values: .row(byYearName, block.thresholdRow, block.firstYearColumn, block.lastYearColumn), marker: .square)
                chart.legendBelow()
                chart.valueAxisFromZero(numberFormat: axisFormat(t.indicator, t.years.flatMap { [$0.value, $0.rule.threshold] }))
                charts.append(chart)
            } else if let row = termRows[t.target.id] {
                let chart = try workbook.addChart(.column)
                chart.setTitle(title)
                try chart.addSeries(name: words.indicatorName(t.indicator), categories: .row(sheet.name, Self.tableHeaderRow, 2, 3),
                                    values: .row(sheet.name, row, 2, 3), labels: true)
                chart.legendOff()
                chart.valueAxisFromZero(numberFormat: axisFormat(t.indicator, [t.summary.value, t.target.rule.threshold]))
                charts.append(chart)
            }
        }
        let start = r + 1
        let capacity = ByYearSheet.printableHeight
        var used = 18.75 + 15 * Double(start)
        var breaks: [Int] = []
        for (band, chart) in charts.enumerated() {
            let row = start + band * Self.bandRows
            if used + 15 * Double(Self.bandRows) > capacity, row > start {
                breaks.append(row)
                used = 0
            }
            used += 15 * Double(Self.bandRows)
            try sheet.insert(chart, row: row, column: 0, xScale: Self.chartScale.x, yScale: Self.chartScale.y)
        }
        // An empty cell past the last band, so the printed range reaches the charts' bottom.
        let end = start + charts.count * Self.bandRows
        try sheet.write(.blank, row: end, column: 0, style: CellStyle())
        try sheet.pageBreaks(before: breaks)
    }
}
