import ChiTieuCore
import Foundation
import Xlsx

/// "Theo năm": every per-year target × its years, a term row ("4/5 năm đạt"), for a count floor
/// the sum of the years against target × years, and a chart of each yearly count against its target.
struct ByYearSheet {
    let writer: ReviewWorkbook
    let styles: Styles
    var words: Vocabulary { writer.words }
    var vi: Bool { writer.vi }

    static let headerRow = 3
    static let columns = JudgedCells.Columns(threshold: 3, value: 4, attainment: 5, gap: 6, verdict: 7)
    /// Where charts go: to the right of the table, one below the other.
    static let chartColumn = 9
    static let chartHeight = 16

    /// Writes the sheet and returns where each target's rows stand, by target id.
    func write(_ sheet: Worksheet, _ a: Assessment, _ targets: [TargetAssessment], workbook: Workbook) throws -> [String: YearBlock] {
        try sheet.write(.string(writer.title(a)), row: 0, column: 0, style: styles.title)
        try sheet.write(.string(vi ? "Chỉ tiêu hằng năm: từng năm, cả nhiệm kỳ và cộng dồn." : "Yearly targets: each year, the term, and the running total."), row: 1, column: 0)
        let titles = vi
            ? ["STT", "Chỉ tiêu", "Năm", "Mức chỉ tiêu", "Kết quả", "Tỷ lệ đạt", "Chênh lệch", "Đánh giá"]
            : ["No.", "Target", "Year", "Target figure", "Outcome", "Attained", "Gap", "Verdict"]
        for (c, t) in titles.enumerated() { try sheet.write(.string(t), row: Self.headerRow, column: c, style: styles.header) }
        let widths: [Double] = [6, 46, 14, 13, 16, 11, 14, 18]
        for (c, w) in widths.enumerated() { try sheet.setColumns(c, c, width: w) }
        let height = { (t: TargetAssessment) -> Double in
            let levels = t.indicator.scale?.levels.map { vi ? $0.name : $0.nameEn } ?? []
            return Styles.rowHeight([(t.target.text, widths[1])] + levels.map { ($0, widths[3]) })
        }

        let allLabels = TextReport.numbering(a.targets)
        let label = Dictionary(uniqueKeysWithValues: zip(a.targets.map(\.target.id), allLabels))
        let cells = JudgedCells(writer: writer, styles: styles)
        var blocks: [String: YearBlock] = [:]
        var r = Self.headerRow + 1
        var charts = 0
        for t in targets {
            let first = r
            let rowHeight = height(t)
            for row in t.years {
                guard case let .year(year) = row.period else { continue }
                try sheet.write(.string(label[t.target.id] ?? ""), row: r, column: 0, style: styles.plain)
                try sheet.write(.string(t.target.text), row: r, column: 1, style: styles.text)
                try sheet.write(.number(Double(year)), row: r, column: 2, style: styles.plain)
                try sheet.setRow(r, height: rowHeight)
                if row.progress == .notDue {
                    try sheet.write(cells.thresholdCell(row.rule, t.indicator), row: r, column: Self.columns.threshold, style: styles.figure(t.indicator, row.rule.threshold))
                    try sheet.write(.blank, row: r, column: Self.columns.value, style: styles.figure(t.indicator))
                    try OutcomeValidation(words: words).apply(sheet, row: r, column: Self.columns.value, t.indicator)
                    try sheet.write(.blank, row: r, column: Self.columns.attainment, style: styles.plain)
                    try sheet.write(.blank, row: r, column: Self.columns.gap, style: styles.plain)
                    try sheet.write(.string(words.progress(.notDue)), row: r, column: Self.columns.verdict, style: styles.plain)
                } else {
                    try cells.write(sheet, row: r, row, t.indicator, Self.columns)
                }
                r += 1
            }
            let last = r - 1
            let judgedYears = t.years.filter { $0.progress != .notDue }.count
            // The term row.
            let verdicts = Worksheet.reference(sheet: sheet.name, firstRow: first, firstColumn: Self.columns.verdict, lastRow: last, lastColumn: Self.columns.verdict)
            let term = TermRowFormula(words: words, verdicts: verdicts, years: t.years.count)
            try sheet.write(.string(label[t.target.id] ?? ""), row: r, column: 0, style: styles.bold)
            try sheet.write(.string(t.target.text), row: r, column: 1, style: styles.bold)
            try sheet.write(.string(vi ? "Cả nhiệm kỳ" : "Term"), row: r, column: 2, style: styles.bold)
            try sheet.setRow(r, height: rowHeight)
            try sheet.write(cells.thresholdCell(t.target.rule, t.indicator), row: r, column: Self.columns.threshold, style: styles.figure(t.indicator, t.target.rule.threshold))
            try sheet.write(term.tallyCell(t), row: r, column: Self.columns.value, style: styles.bold)
            try sheet.write(.blank, row: r, column: Self.columns.attainment, style: styles.plain)
            try sheet.write(.blank, row: r, column: Self.columns.gap, style: styles.plain)
            try sheet.write(cells.status(t.summary, term.verdict, running: words.runningStatus(t, method: writer.method)), row: r, column: Self.columns.verdict, style: styles.bold)
            r += 1
            var block = YearBlock(firstRow: first, lastRow: last, cumulativeRow: nil)
            // The running total of a yearly count (or an amount that adds up) floor against target × years judged.
            if t.indicator.addsUpOverYears, t.target.rule.isFloor, judgedYears > 0, let scaled = t.target.rule.scaled(by: judgedYears) {
                try writeCumulative(sheet, row: r, t, scaled: scaled, first: first, years: judgedYears, label: label[t.target.id] ?? "", cells: cells)
                try sheet.setRow(r, height: rowHeight)
                block.cumulativeRow = r
                r += 1
            }
            blocks[t.target.id] = block
            if charts < ReviewWorkbook.maximumCharts, t.indicator.unit == .count || t.indicator.unit == .amount, t.years.contains(where: { !$0.observations.isEmpty }) {
                try chart(sheet, t, first: first, last: last, workbook: workbook, at: Self.headerRow + charts * Self.chartHeight, label: label[t.target.id] ?? "")
                charts += 1
            }
        }
        for (word, style) in styles.verdictColours(words) {
            try sheet.highlight(equalTo: word, firstRow: Self.headerRow + 1, column: Self.columns.verdict, lastRow: max(r - 1, Self.headerRow + 1), style: style)
        }
        sheet.freezePanes(row: Self.headerRow + 1, column: 2)
        try sheet.autofilter(firstRow: Self.headerRow, firstColumn: 0, lastRow: max(r - 1, Self.headerRow + 1), lastColumn: titles.count - 1)
        return blocks
    }

    private func writeCumulative(_ sheet: Worksheet, row r: Int, _ t: TargetAssessment, scaled: Rule, first: Int, years: Int, label: String, cells: JudgedCells) throws {
        let c = Self.columns
        try sheet.write(.string(label), row: r, column: 0, style: styles.plain)
        try sheet.write(.string(t.target.text), row: r, column: 1, style: styles.text)
        try sheet.write(.string(vi ? "Cộng \(years) năm" : "\(years) years together"), row: r, column: 2, style: styles.plain)
        let values = Worksheet.cellName(row: first, column: c.value) + ":" + Worksheet.cellName(row: first + years - 1, column: c.value)
        let sumFormula = "=IF(COUNT(\(values))=\(years),SUM(\(values)),\"\")"
        let sum: CellValue = t.cumulative?.value.map { .formula(sumFormula, cached: ReviewWorkbook.double($0)) } ?? .textFormula(sumFormula, cached: "")
        var judgement = t.cumulative ?? Judgement(period: .cumulative(years: years), rule: scaled)
        if t.cumulative == nil { judgement.verdict = .noData }
        if let progress = t.summary.progress {
            // Inside a running term the total so far is shown with the term's progress, not a verdict.
            judgement.progress = progress
        }
        try cells.write(sheet, row: r, judgement, t.indicator, c, valueOverride: sum)
    }

    private func chart(_ sheet: Worksheet, _ t: TargetAssessment, first: Int, last: Int, workbook: Workbook, at row: Int, label: String) throws {
        let chart = try workbook.addChart(.line)
        chart.setTitle("\(label). \(words.indicatorName(t.indicator))")
        try chart.addSeries(
            name: vi ? "Kết quả" : "Outcome", sheet: sheet.name,
            categories: (first, 2, last), values: (first, Self.columns.value, last))
        try chart.addSeries(
            name: vi ? "Chỉ tiêu" : "Target", sheet: sheet.name,
            categories: (first, 2, last), values: (first, Self.columns.threshold, last))
        chart.legendBelow()
        try sheet.insert(chart, row: row, column: Self.chartColumn)
    }
}
