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

    static let widths: [Double] = [6, 34, 26, 90, 26]

    func write(_ sheet: Worksheet, _ a: Assessment, yearBlocks: [String: YearBlock], byYearName: String) throws {
        try sheet.write(.string(vi ? "Cách tính từng số liệu" : "How each figure was computed"), row: 0, column: 0, style: styles.title)
        // The legend above the table, once for every row below: the rounding rule, then the bands of
        // the methods used, wrapped in the wide column so that the printed page keeps the table's width.
        let method = MethodSection(words: words)
        let legend = method.legend(a.targets)
        let notes = [(vi ? "Làm tròn" : "Rounding", legend[0])] + (legend.count > 1 ? [(vi ? "Phương pháp" : "Methods", legend.dropFirst().joined(separator: " "))] : [])
        for (i, (label, text)) in notes.enumerated() {
            try sheet.write(.string(label), row: 1 + i, column: 2, style: styles.text)
            try sheet.write(.string(text), row: 1 + i, column: 3, style: styles.text)
            try sheet.setRow(1 + i, height: Styles.rowHeight([(text, Self.widths[3])]))
        }
        let titles = vi ? ["STT", "Chỉ tiêu", "Phép tính", "Cách tính (số liệu đưa vào)", "Kết quả"] : ["No.", "Target", "Computation", "Working (inputs)", "Result"]
        for (c, t) in titles.enumerated() { try sheet.write(.string(t), row: 3, column: c, style: styles.header) }
        for (c, w) in Self.widths.enumerated() { try sheet.setColumns(c, c, width: w) }
        let labels = TextReport.numbering(a.targets)
        var r = 4
        for (i, t) in a.targets.enumerated() where MethodSection.hasInputs(t) {
            let target = "\(words.indicatorName(t.indicator)) — \(words.rule(t.target.rule, indicator: t.indicator)), \(words.period(t.target.period))"
            let years = yearBlocks[t.target.id].map { (sheet: byYearName, rows: ($0.firstRow + 1)...($0.lastRow + 1)) }
            for (k, step) in method.steps(t, yearRows: years).enumerated() {
                let cells = [k == 0 ? labels[i] : "", k == 0 ? target : "", step.method, step.formula, step.result]
                for (c, v) in cells.enumerated() { try sheet.write(.string(v), row: r, column: c, style: k == 0 && c < 2 ? styles.bold : styles.text) }
                try sheet.setRow(r, height: Styles.rowHeight(zip(cells, Self.widths).map { ($0, $1) }))
                r += 1
            }
        }
        if r == 4 {
            try sheet.write(.string(vi ? "Chưa có số liệu: không có gì để tính." : "No data yet: nothing to compute."), row: r, column: 1)
        }
        sheet.freezePanes(row: 4, column: 0)
    }
}
