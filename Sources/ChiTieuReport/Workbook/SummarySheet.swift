import ChiTieuCore
import Foundation
import Xlsx

/// "Tổng hợp": one row per target, the verdict coloured by conditional formats.
struct SummarySheet {
    let writer: ReviewWorkbook
    let styles: Styles
    var words: Vocabulary { writer.words }
    var vi: Bool { writer.vi }

    static let headerRow = 3
    static let columns = JudgedCells.Columns(threshold: 5, value: 6, attainment: 7, gap: 8, verdict: 9)

    func write(_ sheet: Worksheet, _ a: Assessment, yearBlocks: [String: YearBlock], byYearName: String) throws {
        try sheet.write(.string(writer.title(a)), row: 0, column: 0, style: styles.title)
        try sheet.write(.string(stateLine(a)), row: 1, column: 0)
        try sheet.write(.string(words.headline(a, method: writer.method)), row: 2, column: 0, style: styles.headline)
        let titles = vi
            ? ["STT", "Chỉ tiêu (nguyên văn)", "Chỉ số", "Quy tắc", "Kỳ đánh giá", "Mức chỉ tiêu", "Kết quả", "Tỷ lệ đạt", "Chênh lệch", "Đánh giá", "Nguồn", "Đánh giá thủ công"]
            : ["No.", "Target (as written)", "Indicator", "Rule", "Period", "Target figure", "Outcome", "Attained", "Gap", "Verdict", "Source", "Manual verdict"]
        for (c, t) in titles.enumerated() { try sheet.write(.string(t), row: Self.headerRow, column: c, style: styles.header) }
        let widths: [Double] = [6, 52, 30, 24, 14, 13, 16, 11, 14, 18, 16, 40]
        for (c, w) in widths.enumerated() { try sheet.setColumns(c, c, width: w) }

        let labels = TextReport.numbering(a.targets)
        let cells = JudgedCells(writer: writer, styles: styles)
        var r = Self.headerRow + 1
        for (i, t) in a.targets.enumerated() {
            try sheet.write(.string(labels[i]), row: r, column: 0, style: styles.plain)
            try sheet.write(.string(t.target.text), row: r, column: 1, style: styles.text)
            try sheet.write(.string(words.indicatorName(t.indicator)), row: r, column: 2, style: styles.text)
            let noun = t.indicator.unit == .count ? (vi ? t.indicator.noun : t.indicator.nounEn) : nil
            try sheet.write(.string(words.rule(t.target.rule, indicator: t.indicator, noun: noun)), row: r, column: 3, style: styles.text)
            try sheet.write(.string(words.period(t.target.period)), row: r, column: 4, style: styles.text)
            try sheet.write(.string(citation(t, a)), row: r, column: 10, style: styles.text)
            // Beside the computed verdict, never in its place.
            let manual = t.target.manualVerdict.map { words.manualResult($0, computed: t.summary.verdict) + " — " + words.decidedBy($0) + ": " + $0.reason } ?? ""
            try sheet.write(manual.isEmpty ? .blank : .string(manual), row: r, column: 11, style: styles.text)
            try sheet.setRow(r, height: Styles.rowHeight([
                (t.target.text, widths[1]), (words.indicatorName(t.indicator), widths[2]),
                (words.rule(t.target.rule, indicator: t.indicator, noun: noun), widths[3]), (words.period(t.target.period), widths[4]),
                (citation(t, a), widths[10]), (t.summary.tally.map { words.tally($0) } ?? "", widths[6]), (manual, widths[11]),
            ]))
            if t.target.period == .eachYear, let block = yearBlocks[t.target.id] {
                try writeYearly(sheet, row: r, t, block, byYearName, cells)
            } else {
                try cells.write(sheet, row: r, t.summary, t.indicator, Self.columns, running: words.runningStatus(t, method: writer.method))
            }
            r += 1
        }
        let last = max(r - 1, Self.headerRow + 1)
        for (word, style) in styles.verdictColours(words) {
            try sheet.highlight(equalTo: word, firstRow: Self.headerRow + 1, column: Self.columns.verdict, lastRow: last, style: style)
        }
        // The office's own bands colour the attainment cells (a fraction under a % format): start ≤
        // attainment < end, numbers only, so that an empty cell takes no band.
        let first = Worksheet.cellName(row: Self.headerRow + 1, column: Self.columns.attainment)
        for band in a.record.bands {
            guard let colour = band.colour else { continue }
            var test = ["ISNUMBER(\(first))", "\(first)>=\((band.start / 100).description)"]
            if let end = band.end { test.append("\(first)<\((end / 100).description)") }
            try sheet.highlight(formula: "=AND(" + test.joined(separator: ",") + ")", firstRow: Self.headerRow + 1, column: Self.columns.attainment,
                                lastRow: last, style: CellStyle(background: colour))
        }
        sheet.freezePanes(row: Self.headerRow + 1, column: 2)
        try sheet.autofilter(firstRow: Self.headerRow, firstColumn: 0, lastRow: last, lastColumn: titles.count - 1)
    }

    /// How the term was judged and why, as the text report's heading says it, then what the cells are.
    private func stateLine(_ a: Assessment) -> String {
        (words.howJudged(a, origin: writer.asOfOrigin) + [vi
            ? "Tỷ lệ đạt, chênh lệch và đánh giá là công thức: sửa kết quả thì tự tính lại."
            : "Attainment, gap and verdict are formulas: correct an outcome and they recompute."]).joined(separator: " ")
    }

    /// The source id and line; the titles are on the sources sheet.
    private func citation(_ t: TargetAssessment, _ a: Assessment) -> String {
        var s = "[\(t.target.citation.source)]"
        if let line = t.target.citation.line { s += vi ? " dòng \(line)" : " line \(line)" }
        return s
    }

    /// A per-year target's summary row refers to its rows on "Theo năm": years met, the
    /// cumulative attainment and gap, and the term verdict, all live.
    private func writeYearly(_ sheet: Worksheet, row r: Int, _ t: TargetAssessment, _ block: YearBlock, _ byYear: String, _ cells: JudgedCells) throws {
        let c = Self.columns
        try sheet.write(cells.thresholdCell(t.target.rule, t.indicator), row: r, column: c.threshold, style: styles.figure(t.indicator, t.target.rule.threshold))
        let formulas = TermRowFormula(words: words, verdicts: block.verdicts(on: byYear), years: block.years)
        try sheet.write(formulas.tallyCell(t), row: r, column: c.value, style: styles.plain)
        if let at = block.cumulativeAttainment, let gapCell = block.cumulativeGap {
            let attainment = "=" + Worksheet.reference(sheet: byYear, row: at.row, column: at.column)
            let gap = "=" + Worksheet.reference(sheet: byYear, row: gapCell.row, column: gapCell.column)
            let a = t.cumulative?.attainment.map { CellValue.formula(attainment, cached: ReviewWorkbook.double($0, shift: -2)) } ?? .textFormula(attainment, cached: "")
            let g = t.cumulative?.gap.map { CellValue.formula(gap, cached: ReviewWorkbook.double($0)) } ?? .textFormula(gap, cached: "")
            try sheet.write(a, row: r, column: c.attainment, style: styles.attainment)
            try sheet.write(g, row: r, column: c.gap, style: styles.gap(t.indicator, t.cumulative?.gap))
        } else {
            try sheet.write(.blank, row: r, column: c.attainment, style: styles.plain)
            try sheet.write(.blank, row: r, column: c.gap, style: styles.plain)
        }
        try sheet.write(cells.status(t.summary, formulas.verdict, running: words.runningStatus(t, method: writer.method)), row: r, column: c.verdict, style: styles.plain)
    }
}

/// Formulas of a per-year target's term row, over the range of its yearly verdicts.
struct TermRowFormula {
    let words: Vocabulary
    let verdicts: String
    let years: Int

    private func q(_ s: String) -> String { "\"" + s + "\"" }
    private func count(_ v: Verdict) -> String { "COUNTIF(\(verdicts),\(q(words.verdict(v))))" }

    /// "4/5 năm đạt"; "chưa có số liệu" while no year has a figure, as the text report says.
    var tally: String {
        "=IF(\(count(.noData))=\(years),\(q(words.verdict(.noData))),(\(count(.exceeded))+\(count(.met)))&\(q("/\(years) " + (words.vi ? "năm đạt" : "years met"))))"
    }

    /// The years-met cell of a target: the live `tally` with its cached text, or inside a running
    /// term the text alone ("2/3 năm đạt (còn 2 năm)" depends on the year of assessment).
    func tallyCell(_ t: TargetAssessment) -> CellValue {
        guard let tally = t.summary.tally else { return .string("") }
        guard t.summary.progress == nil else { return .string(words.tally(tally)) }
        return .textFormula(self.tally, cached: tally.noData == tally.total ? words.verdict(.noData) : words.tally(tally))
    }

    /// Not met if any year was missed; "kiểm tra lại" if any year's figure cannot be judged; no
    /// data if any year lacks a figure; vượt if every year was; else đạt.
    var verdict: String {
        let check = "COUNTIF(\(verdicts),\(q(words.checkFigure)))"
        return "=IF(\(count(.notMet))>0,\(q(words.verdict(.notMet))),IF(\(check)>0,\(q(words.checkFigure)),IF(\(count(.noData))>0,\(q(words.verdict(.noData))),IF(\(count(.exceeded))=\(years),\(q(words.verdict(.exceeded))),\(q(words.verdict(.met)))))))"
    }
}
