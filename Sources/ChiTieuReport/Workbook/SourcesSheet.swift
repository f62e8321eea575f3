import ChiTieuCore
import Foundation
import Xlsx

/// "Nguồn": every source, then the verbatim words behind each target and each figure.
struct SourcesSheet {
    let writer: ReviewWorkbook
    let styles: Styles
    var words: Vocabulary { writer.words }
    var vi: Bool { writer.vi }

    /// Column widths in characters. Printed one page wide at 100 %, a sheet may be about 96
    /// characters wide on A4 landscape within the Party margins (LibreOffice measures a character
    /// as 7,3 pt of its stand-in for Calibri): wider, and "fit to width" shrinks 11 pt text under
    /// 10 pt (at 208 characters it printed at 5,4 pt). Long texts wrap instead.
    static let widths: [Double] = [9, 22, 11, 13, 28, 8, 5]

    /// Writes the sheet.
    /// - Returns: its rows for the page plan; the quotes' heading repeats on every printed page.
    @discardableResult
    func write(_ sheet: Worksheet, _ a: Assessment, facts: [FactLine]) throws -> PrintedRows {
        let widths = Self.widths
        var rows = PrintedRows()
        try sheet.write(.string(vi ? "Nguồn và trích dẫn nguyên văn" : "Sources and verbatim quotes"), row: 0, column: 0, style: styles.title)
        try rows.set(sheet, 0, height: PrintedRows.titleHeight)
        rows.plain(1)
        for (c, w) in widths.enumerated() { try sheet.setColumns(c, c, width: w) }
        var r = 2
        // A source's title and its publisher with the stored copy take merged cells, so that the
        // list keeps the quotes' narrow columns without breaking a title every few words.
        let spans = [0...0, 1...2, 3...3, 4...6]
        let sourceTitles = vi ? ["Mã", "Tên bài", "Ngày", "Nơi đăng; bản lưu"] : ["Id", "Title", "Date", "Publisher; stored as"]
        for (span, t) in zip(spans, sourceTitles) { try spanned(sheet, r, span, t, styles.header) }
        rows.plain(r)
        r += 1
        var sources = a.record.sources.values.sorted { $0.id < $1.id }
        for f in facts { if let s = f.source, !sources.contains(s) { sources.append(s) } }
        for s in sources {
            let stored = s.seed ?? s.url ?? ""
            let cells = [s.id, s.title, s.date.map { vi ? $0.vietnamese : $0.description } ?? "", stored.isEmpty ? s.publisher : s.publisher + "; " + stored]
            for (span, v) in zip(spans, cells) { try spanned(sheet, r, span, v, styles.text) }
            try rows.set(sheet, r, height: Styles.rowHeight(zip(cells, spans).map { ($0, $1.map { widths[$0] }.reduce(0, +)) }))
            r += 1
        }
        rows.plain(r)
        r += 1
        let quoteTitles = vi
            ? ["STT / loại", "Chỉ tiêu hoặc chỉ số", "Kỳ", "Số liệu", "Trích dẫn nguyên văn", "Nguồn", "Dòng"]
            : ["No. / kind", "Target or indicator", "Period", "Figure", "Verbatim quote", "Source", "Line"]
        let quoteHeader = r
        for (c, t) in quoteTitles.enumerated() { try sheet.write(.string(t), row: r, column: c, style: styles.header) }
        try rows.set(sheet, r, height: Styles.rowHeight(zip(quoteTitles, widths).map { ($0, $1) }))
        rows.heading = r
        r += 1
        let labels = TextReport.numbering(a.targets)
        var seen = Set<String>()
        for (i, t) in a.targets.enumerated() where seen.insert(t.target.sentenceID + "|" + t.target.indicatorID).inserted {
            let row = [labels[i], words.indicatorName(t.indicator), words.period(t.target.period), words.rule(t.target.rule, indicator: t.indicator), t.target.text, t.target.citation.source]
            try line(sheet, &rows, r, row, t.target.citation.line)
            r += 1
        }
        var quoted = Set<SourceLocation>()
        for t in a.targets {
            for o in t.rows.flatMap(\.observations) where quoted.insert(o.location).inserted {
                try line(sheet, &rows, r, [vi ? "kết quả" : "outcome", words.indicatorName(t.indicator), words.observed(o.period), words.value(o, indicator: t.indicator), o.quote, o.citation.source], o.citation.line)
                r += 1
            }
        }
        for o in a.otherOutcomes {
            try line(sheet, &rows, r, [vi ? "kết quả khác" : "other outcome", words.indicatorName(o.indicator), words.observed(o.observation.period), words.value(o.observation, indicator: o.indicator), o.observation.quote, o.observation.citation.source], o.observation.citation.line)
            r += 1
        }
        // Figures no verdict uses, with the reason for each target: none is out of sight.
        let labelOf = Dictionary(zip(a.targets.map(\.target.id), labels), uniquingKeysWith: { first, _ in first })
        for u in a.unusedFigures {
            let o = u.observation
            let reasons = u.reasons.map { (vi ? "chỉ tiêu " : "target ") + (labelOf[$0.targetID] ?? $0.targetID) + ": " + words.unusedReason($0.kind, from: o.location) }
            let what = words.indicatorName(u.indicator) + (vi ? " — không dùng vì " : " — not used: ") + reasons.joined(separator: "; ")
            try line(sheet, &rows, r, [vi ? "không dùng" : "not used", what, words.observed(o.period), words.value(o, indicator: u.indicator), o.quote, o.citation.source], o.citation.line)
            r += 1
        }
        for f in facts {
            let o = f.outcome.observation
            try line(sheet, &rows, r, [vi ? "số liệu" : "fact", words.indicatorName(f.outcome.indicator), words.observed(o.period), words.value(o, indicator: f.outcome.indicator), o.quote, o.citation.source], o.citation.line)
            r += 1
        }
        sheet.freezePanes(row: quoteHeader + 1, column: 0)
        return rows
    }

    /// Writes `text` into the columns of `span`, merged when it spans more than one.
    private func spanned(_ sheet: Worksheet, _ r: Int, _ span: ClosedRange<Int>, _ text: String, _ style: CellStyle) throws {
        if span.count == 1 {
            try sheet.write(.string(text), row: r, column: span.lowerBound, style: style)
        } else {
            try sheet.merge(firstRow: r, firstColumn: span.lowerBound, lastRow: r, lastColumn: span.upperBound, text, style: style)
        }
    }

    private func line(_ sheet: Worksheet, _ rows: inout PrintedRows, _ r: Int, _ cells: [String], _ sourceLine: Int?) throws {
        for (c, v) in cells.enumerated() { try sheet.write(.string(v), row: r, column: c, style: styles.text) }
        try rows.set(sheet, r, height: Styles.rowHeight(zip(cells, Self.widths).map { ($0, $1) }))
        try sheet.write(sourceLine.map { .number(Double($0)) } ?? .blank, row: r, column: cells.count, style: styles.plain)
    }
}
