import ChiTieuCore
import Foundation
import Xlsx

/// "Tổng hợp" as an office prints and edits it: a Party document (36-HD/VPTW) with the
/// letterhead, the title, the headline, the table of every target grouped by field, a totals row,
/// and the signature block; the source and manual-verdict columns after the printed ones, for
/// whoever edits.
struct SummarySheet {
    let writer: ReviewWorkbook
    let styles: Styles
    var words: Vocabulary { writer.words }
    var vi: Bool { writer.vi }

    /// The printed columns are a results annex's (STT, chỉ tiêu, ĐVT, nghị quyết đề ra with its
    /// period, kết quả, tỷ lệ đạt, đánh giá); the gap, the target figure the formulas read, the
    /// period alone, the source and the manual verdict follow them, outside the print area, for
    /// whoever edits. Ten printed columns wrapped most targets to two lines and the 2015–2020
    /// summary onto a second page.
    static let columns = JudgedCells.Columns(threshold: 8, value: 4, attainment: 5, gap: 7, verdict: 6)
    /// The last printed column (Đánh giá).
    static let lastPrinted = 6
    static let periodColumn = 9
    static let sourceColumn = 10
    static let manualColumn = 11
    /// Widths in the spreadsheet's character units. The printed ones (111) fit A4 landscape
    /// between the default margins at `SummaryType.printScale`, which keeps 12 pt at 10 pt or more.
    static let widths: [Double] = [4, 46, 7, 20, 11, 8, 15, 11, 10, 12, 14, 36]
    /// English units are longer ("organisations"): the unit column takes 2,5 of the target's.
    static let widthsEn: [Double] = [4, 43.5, 9.5, 20, 11, 8, 15, 11, 10, 12, 14, 36]
    /// The widths in the workbook's language.
    var widths: [Double] { vi ? Self.widths : Self.widthsEn }

    /// Where the parts of the sheet stand (0-based rows), for the print setup.
    struct Layout {
        /// Every row's height and the heading row, repeated on every printed page.
        var rows: PrintedRows
        /// The last row printed (the signature block's).
        var lastRow: Int
        /// Rows that begin what a page break must not split: a field's heading with its first
        /// target, any other target, and the last target with the totals and the signature.
        var groupStarts: Set<Int>
    }

    func write(_ sheet: Worksheet, _ a: Assessment, yearBlocks: [String: YearBlock], byYearName: String) throws -> Layout {
        sheet.fontName = SummaryType.font
        sheet.fontSize = SummaryType.body
        for (c, w) in widths.enumerated() { try sheet.setColumns(c, c, width: w) }
        var rows = PrintedRows()
        let letterhead = LetterheadBlock(words: words, letterhead: a.body.letterhead, widths: Array(widths.prefix(Self.lastPrinted + 1)))
        var r = try letterhead.writeTop(sheet, &rows)
        try sheet.merge(row: r, firstColumn: 0, lastColumn: Self.lastPrinted, .string(words.documentType), style: SummaryType.documentType)
        try rows.set(sheet, r, height: SummaryType.height(SummaryType.documentTypeSize))
        r += 1
        let subject = subject(a)
        try sheet.merge(row: r, firstColumn: 0, lastColumn: Self.lastPrinted, .string(subject), style: SummaryType.subject)
        try rows.set(sheet, r, height: SummaryType.height(SummaryType.subjectSize) * Double(SummaryType.lines([(subject, SummaryType.printedWidth)], size: SummaryType.subjectSize, bold: true)))
        r += 1
        let state = stateLine(a)
        try sheet.merge(row: r, firstColumn: 0, lastColumn: Self.lastPrinted, .string(state), style: SummaryType.stateLine)
        try rows.set(sheet, r, height: SummaryType.rowHeight([(state, SummaryType.printedWidth)]))
        r += 1
        // Positions, not copies: the sheet walks the assessment's own targets.
        let groups = a.fieldGroupPositions
        // One group of no field is an annex without headings: no "I. Khác" above every target.
        let headed = !(groups.count == 1 && groups[0].field == nil)
        // The verdict cells the headline counts, known before the table is written: in
        // constant-memory mode every row is written in order, the headline's before the table's.
        let firstRow = r + 2
        let last = max(firstRow + (headed ? groups.count : 0) + a.targets.count - 1, firstRow)
        let verdicts = Worksheet.cellName(row: firstRow, column: Self.columns.verdict, absolute: true) + ":" + Worksheet.cellName(row: last, column: Self.columns.verdict, absolute: true)
        let counts = HeadlineFormula(words: words, verdicts: verdicts, assessment: a, method: writer.method)
        let headline = words.headline(a, method: writer.method)
        try sheet.merge(row: r, firstColumn: 0, lastColumn: Self.lastPrinted, counts.headlineCell(cached: headline), style: SummaryType.headline)
        try sheet.merge(row: r, firstColumn: Self.sourceColumn, lastColumn: Self.manualColumn, .string(formulaNote), style: styles.note)
        try rows.set(sheet, r, height: SummaryType.rowHeight([(headline, SummaryType.printedWidth)], bold: true))
        r += 1

        let headerRow = r
        rows.heading = r
        let titles = vi
            ? ["STT", "Chỉ tiêu (nguyên văn)", "ĐVT", "Nghị quyết đề ra", "Kết quả", "Tỷ lệ\nđạt", "Đánh giá", "Chênh lệch", "Mức\nchỉ tiêu", "Kỳ đánh giá", "Nguồn", "Đánh giá thủ công"]
            : ["No.", "Target (as written)", "Unit", "Resolution's target", "Outcome", "Attained", "Verdict", "Gap", "Target figure", "Period", "Source", "Manual verdict"]
        for (c, t) in titles.enumerated() { try sheet.write(.string(t), row: r, column: c, style: styles.header) }
        try rows.set(sheet, r, height: SummaryType.rowHeight(zip(titles, widths.prefix(Self.lastPrinted + 1)).map { ($0, $1) }, bold: true))
        r += 1

        let labels = Dictionary(zip(a.targets.map(\.target.id), TextReport.numbering(a.targets)), uniquingKeysWith: { first, _ in first })
        let cells = JudgedCells(writer: writer, styles: styles)
        var starts: Set<Int> = []
        for group in groups {
            starts.insert(r)
            if headed {
                let name = group.roman + ". " + (group.field.map { vi ? $0.name : $0.nameEn } ?? (vi ? "Khác" : "Other"))
                try sheet.merge(row: r, firstColumn: 0, lastColumn: Self.lastPrinted, .string(name), style: SummaryType.group)
                try sheet.write(.blank, row: r, column: Self.sourceColumn, style: styles.plain)
                try sheet.write(.blank, row: r, column: Self.manualColumn, style: styles.plain)
                try rows.set(sheet, r, height: SummaryType.height(SummaryType.body))
                r += 1
            }
            for (k, position) in group.positions.enumerated() {
                if k > 0 { starts.insert(r) }
                let t = a.targets[position]
                try writeTarget(sheet, row: r, t, a, label: labels[t.target.id] ?? "", yearBlocks: yearBlocks, byYearName: byYearName, cells: cells, rows: &rows)
                r += 1
            }
        }
        // The last target goes with the totals and the signature: a signature never stands alone.
        if r > firstRow { starts.insert(r - 1) }
        // The office's own band beside the verdict word, live from the attainment on the row: a
        // conditional text format (@" (label)") shows it without changing the cell's value, which
        // the headline counts and the verdict colours read; and the band's colour. Written before
        // the verdict colours, so that it comes first where an engine applies one rule only.
        let rowAttainment = "$" + Worksheet.cellName(row: firstRow, column: Self.columns.attainment)
        for band in a.record.bands {
            var test = ["ISNUMBER(\(rowAttainment))", "\(rowAttainment)>=\((band.start / 100).description)"]
            if let end = band.end { test.append("\(rowAttainment)<\((end / 100).description)") }
            let label = band.label.replacingOccurrences(of: "\"", with: "'")
            try sheet.highlight(formula: "=AND(" + test.joined(separator: ",") + ")", firstRow: firstRow, column: Self.columns.verdict,
                                lastRow: last, style: CellStyle(numberFormat: "@\" (\(label))\"", background: band.colour))
        }
        for (word, style) in styles.verdictColours(words) {
            try sheet.highlight(equalTo: word, firstRow: firstRow, column: Self.columns.verdict, lastRow: last, style: style)
        }
        // The office's own bands colour the attainment cells (a fraction under a % format): start ≤
        // attainment < end, numbers only, so that an empty cell takes no band.
        let first = Worksheet.cellName(row: firstRow, column: Self.columns.attainment)
        for band in a.record.bands {
            guard let colour = band.colour else { continue }
            var test = ["ISNUMBER(\(first))", "\(first)>=\((band.start / 100).description)"]
            if let end = band.end { test.append("\(first)<\((end / 100).description)") }
            try sheet.highlight(formula: "=AND(" + test.joined(separator: ",") + ")", firstRow: firstRow, column: Self.columns.attainment,
                                lastRow: last, style: CellStyle(background: colour))
        }
        // In constant-memory mode a range must end at the row being written: before the totals.
        sheet.freezePanes(row: headerRow + 1, column: 2)
        try sheet.autofilter(firstRow: headerRow, firstColumn: 0, lastRow: last, lastColumn: titles.count - 1)
        try sheet.merge(row: r, firstColumn: 0, lastColumn: Self.lastPrinted, counts.totalsCell(), style: SummaryType.totals)
        try rows.set(sheet, r, height: SummaryType.rowHeight([(counts.totalsText, SummaryType.printedWidth)], bold: true))
        r += 1

        // Which figure is which on a yearly row showing the cumulative attainment.
        let cumulativeYears = Set(a.targets.compactMap { t -> Int? in
            let block = t.target.period == .eachYear ? yearBlocks[t.target.id] : nil
            return showsCumulative(t, block) ? block?.years : nil
        })
        if !cumulativeYears.isEmpty {
            let note = cumulativeNote(years: cumulativeYears)
            try sheet.merge(row: r, firstColumn: 0, lastColumn: Self.lastPrinted, .string(note), style: SummaryType.footnote)
            try rows.set(sheet, r, height: SummaryType.rowHeight([(note, SummaryType.printedWidth)]))
            r += 1
        }

        let lastRow = try letterhead.writeSignature(sheet, from: r, &rows)
        return Layout(rows: rows, lastRow: lastRow, groupStarts: starts)
    }

    private func writeTarget(
        _ sheet: Worksheet, row r: Int, _ t: TargetAssessment, _ a: Assessment, label: String,
        yearBlocks: [String: YearBlock], byYearName: String, cells: JudgedCells, rows: inout PrintedRows
    ) throws {
        try sheet.write(.string(label), row: r, column: 0, style: styles.status)
        try sheet.write(.string(t.target.text), row: r, column: 1, style: styles.text)
        let unit = words.unitWord(t.indicator)
        try sheet.write(.string(unit), row: r, column: 2, style: SummaryType.centredText)
        let block = t.target.period == .eachYear ? yearBlocks[t.target.id] : nil
        let period = periodText(t, block)
        // The resolution's figure and when it is judged, in one printed cell ("trên 750, cả nhiệm kỳ").
        let rule = words.rule(t.target.rule, indicator: t.indicator) + ", " + period
        try sheet.write(.string(rule), row: r, column: 3, style: styles.text)
        try sheet.write(.string(period), row: r, column: Self.periodColumn, style: styles.text)
        let source = citation(t)
        try sheet.write(.string(source), row: r, column: Self.sourceColumn, style: styles.text)
        // Beside the computed verdict, never in its place.
        let manual = t.target.manualVerdict.map { words.manualResult($0, computed: t.summary.verdict) + " — " + words.decidedBy($0) + ": " + $0.reason } ?? ""
        try sheet.write(manual.isEmpty ? .blank : .string(manual), row: r, column: Self.manualColumn, style: styles.text)
        let w = widths
        // The office's band shows beside the verdict word, live from the attainment (see `write`):
        // room for the longest, which an edited outcome may bring.
        let band = a.record.bands.map(\.label).max { DisplayWidth.of($0) < DisplayWidth.of($1) }.map { " (" + $0 + ")" } ?? ""
        // Only printed columns set the height: the edit-only ones would make the page longer for nothing.
        try rows.set(sheet, r, height: SummaryType.rowHeight([
            (t.target.text, w[1]), (unit, w[2]), (rule, w[3]),
            (t.summary.tally.map { words.tally($0) } ?? "", w[Self.columns.value]), (words.status(t.summary) + band, w[Self.columns.verdict]),
        ]))
        if let block {
            try writeYearly(sheet, row: r, t, block, byYearName, cells)
        } else {
            try cells.write(sheet, row: r, t.summary, t.indicator, Self.columns, running: words.runningStatus(t, method: writer.method))
        }
    }


    /// Whether a yearly target's row shows the cumulative attainment and gap beside the years'
    /// verdict (108,0 % and +2 beside "không đạt"): its period is then marked for the footnote.
    func showsCumulative(_ t: TargetAssessment, _ block: YearBlock?) -> Bool {
        block?.cumulativeAttainment != nil && t.cumulative?.attainment != nil
    }

    /// The mark after such a row's period, and before its footnote.
    static let cumulativeMark = "(*)"

    /// The period ("mỗi năm"), marked when the attainment beside it is the cumulative one.
    func periodText(_ t: TargetAssessment, _ block: YearBlock?) -> String {
        let period = words.period(t.target.period)
        return showsCumulative(t, block) ? period + " " + Self.cumulativeMark : period
    }

    /// The footnote under the totals: which figure is which on a marked row.
    func cumulativeNote(years: Set<Int>) -> String {
        let n = years.count == 1 ? years.first.map(String.init) : nil
        return vi
            ? "\(Self.cumulativeMark) Tỷ lệ đạt, chênh lệch: tổng \(n ?? "các") năm so với \(n ?? "số năm") × mức năm; đánh giá: theo từng năm, một năm không đạt là không đạt."
            : "\(Self.cumulativeMark) Attained, gap: the \(n.map { $0 + "-year" } ?? "years'") total against \(n ?? "the years") × the yearly figure; verdict: year by year, one year missed is not met."
    }

    /// "Kết quả thực hiện các chỉ tiêu Nghị quyết Đại hội lần thứ XIII, nhiệm kỳ 2015–2020".
    func subject(_ a: Assessment) -> String {
        guard let term = a.record.term else { return vi ? "Kết quả thực hiện các chỉ tiêu (số liệu)" : "Attainment of targets (facts)" }
        return vi ? "Kết quả thực hiện các chỉ tiêu Nghị quyết " + words.termLine(term) : "Attainment of the resolution's targets, " + words.termLine(term)
    }

    /// How the term was judged and why, as the text report's heading says it.
    private func stateLine(_ a: Assessment) -> String {
        words.howJudged(a, origin: writer.asOfOrigin, forCommandLine: false).joined(separator: " ")
    }

    /// What the cells are, for whoever edits: beside the headline, outside the print area.
    private var formulaNote: String {
        vi ? "Tỷ lệ đạt, chênh lệch, đánh giá, câu tóm tắt và dòng tổng số là công thức: sửa kết quả thì tự tính lại."
            : "Attainment, gap, verdict, the headline and the totals are formulas: correct an outcome and they recompute."
    }

    /// The source id and line; the titles are on the sources sheet.
    private func citation(_ t: TargetAssessment) -> String {
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
        try sheet.write(formulas.tallyCell(t), row: r, column: c.value, style: styles.status)
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
        try sheet.write(cells.status(t.summary, formulas.verdict, running: words.runningStatus(t, method: writer.method)), row: r, column: c.verdict, style: styles.status)
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
