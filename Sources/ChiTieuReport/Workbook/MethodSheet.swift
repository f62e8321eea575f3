import ChiTieuCore
import Foundation
import Xlsx

/// "Cách tính": for every assessed target, each computation with the figures put in, the formula
/// as worked and the result, so an auditor can redo any figure by hand (the text report's steps;
/// a per-year target's years are referred to on "Theo năm", where they are live formulas).
struct MethodSheet {
    let writer: ReviewWorkbook
    let styles: Styles
    var words: Vocabulary { writer.words }
    var vi: Bool { writer.vi }

    /// Column widths in characters: about 96 in all, so that one page wide on A4 landscape
    /// prints at 100 % (see `SourcesSheet.widths`); the working wraps in its column.
    static let widths: [Double] = [5, 22, 16, 38, 15]

    /// Writes the sheet.
    /// - Parameter figuresDate: the date the figures stand at. The worked lines are text, worked
    ///   once from the figures of that date: an outcome edited on the summary recomputes the
    ///   verdict there but not these lines, so the title, a note and the repeated heading say
    ///   whose figures they work, and a printout does not pass them off as the edited ones.
    /// - Returns: its rows for the page plan, one group per target; the table's heading repeats
    ///   on every printed page.
    @discardableResult
    func write(_ sheet: Worksheet, _ a: Assessment, yearBlocks: [String: YearBlock], byYearName: String, figuresDate: CalendarDate) throws -> PrintedRows {
        let date = vi ? figuresDate.vietnamese : figuresDate.description
        var rows = PrintedRows()
        try sheet.write(.string(vi ? "Cách tính từng số liệu, theo số liệu ngày \(date)" : "How each figure was computed, from the figures as of \(date)"), row: 0, column: 0, style: styles.title)
        try rows.set(sheet, 0, height: PrintedRows.titleHeight)
        let summaryName = vi ? "Tổng hợp" : "Summary"
        let frozen = vi
            ? "Các dòng dưới đây tính theo số liệu ngày \(date) và không tự tính lại: sửa kết quả ở sheet “\(summaryName)” thì tỷ lệ đạt và đánh giá ở đó tính lại, còn các dòng này vẫn theo số liệu ngày \(date)."
            : "The lines below work the figures as of \(date) and do not recompute: an outcome edited on “\(summaryName)” recomputes the attainment and verdict there, while these lines stay as of \(date)."
        // The notes above the table, once for every row below: the figures' date and the rounding
        // rule, across the three right-hand columns so that they keep the table's width. The
        // methods' legends follow the table's heading, one row each: together (ESCAP's and the
        // weather symbols' are long) they can outgrow the first page, and a page may break only
        // below the heading, where the plan can place it.
        let method = MethodSection(words: words, method: writer.method)
        let legend = method.legend(a.targets)
        let notes = [(vi ? "Lưu ý" : "Note", frozen), (vi ? "Làm tròn" : "Rounding", legend[0])]
        let noteWidth = Self.widths[2...].reduce(0, +)
        for (i, (label, text)) in notes.enumerated() {
            try sheet.write(.string(label), row: 1 + i, column: 1, style: styles.bold)
            try sheet.merge(firstRow: 1 + i, firstColumn: 2, lastRow: 1 + i, lastColumn: Self.widths.count - 1, text, style: styles.text)
            try rows.set(sheet, 1 + i, height: Styles.rowHeight([(text, noteWidth)]))
        }
        rows.plain(notes.count + 1)
        let header = notes.count + 2
        let titles = vi
            ? ["STT", "Chỉ tiêu", "Phép tính", "Cách tính (số liệu ngày \(date))", "Kết quả (ngày \(date))"]
            : ["No.", "Target", "Computation", "Working (figures as of \(date))", "Result (as of \(date))"]
        for (c, t) in titles.enumerated() { try sheet.write(.string(t), row: header, column: c, style: styles.header) }
        try rows.set(sheet, header, height: Styles.rowHeight(zip(titles, Self.widths).map { ($0, $1) }))
        rows.heading = header
        // One target's steps are a group: a page breaks before a target, not inside it.
        var groups = Set<Int>()
        for (c, w) in Self.widths.enumerated() { try sheet.setColumns(c, c, width: w) }
        let labels = TextReport.numbering(a.targets)
        var r = header + 1
        for (k, text) in legend.dropFirst().enumerated() {
            groups.insert(r)
            if k == 0 { try sheet.write(.string(vi ? "Phương pháp" : "Methods"), row: r, column: 1, style: styles.bold) }
            try sheet.merge(firstRow: r, firstColumn: 2, lastRow: r, lastColumn: Self.widths.count - 1, text, style: styles.text)
            try rows.set(sheet, r, height: Styles.rowHeight([(text, noteWidth)]))
            r += 1
        }
        let firstStep = r
        for (i, t) in a.targets.enumerated() where MethodSection.hasInputs(t) {
            let target = "\(words.indicatorName(t.indicator)) — \(words.rule(t.target.rule, indicator: t.indicator)), \(words.period(t.target.period))"
            let years = yearBlocks[t.target.id].map { (sheet: byYearName, rows: ($0.firstRow + 1)...($0.lastRow + 1)) }
            groups.insert(r)
            for (k, step) in method.steps(t, yearRows: years).enumerated() {
                let cells = [k == 0 ? labels[i] : "", k == 0 ? target : "", step.method, step.formula, step.result]
                for (c, v) in cells.enumerated() { try sheet.write(.string(v), row: r, column: c, style: k == 0 && c < 2 ? styles.bold : styles.text) }
                try rows.set(sheet, r, height: Styles.rowHeight(zip(cells, Self.widths).map { ($0, $1) }))
                r += 1
            }
        }
        if r == firstStep {
            try sheet.write(.string(vi ? "Chưa có số liệu: không có gì để tính." : "No data yet: nothing to compute."), row: r, column: 1)
            rows.plain(r)
        }
        rows.groupStarts = groups
        sheet.freezePanes(row: header + 1, column: 0)
        return rows
    }
}
