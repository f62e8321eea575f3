import ChiTieuCore
import Foundation
import Xlsx

/// "Nguồn": every source, then the verbatim words behind each target and each figure.
struct SourcesSheet {
    let writer: ReviewWorkbook
    let styles: Styles
    var words: Vocabulary { writer.words }
    var vi: Bool { writer.vi }

    func write(_ sheet: Worksheet, _ a: Assessment, facts: [FactLine]) throws {
        try sheet.write(.string(vi ? "Nguồn và trích dẫn nguyên văn" : "Sources and verbatim quotes"), row: 0, column: 0, style: styles.title)
        let widths: [Double] = [12, 60, 30, 16, 70, 12, 8]
        for (c, w) in widths.enumerated() { try sheet.setColumns(c, c, width: w) }
        var r = 2
        let sourceTitles = vi ? ["Mã", "Tên bài", "Nơi đăng", "Ngày", "Bản lưu"] : ["Id", "Title", "Publisher", "Date", "Stored as"]
        for (c, t) in sourceTitles.enumerated() { try sheet.write(.string(t), row: r, column: c, style: styles.header) }
        r += 1
        var sources = a.record.sources.values.sorted { $0.id < $1.id }
        for f in facts { if let s = f.source, !sources.contains(s) { sources.append(s) } }
        for s in sources {
            let cells = [s.id, s.title, s.publisher, s.date.map { vi ? $0.vietnamese : $0.description } ?? "", s.seed ?? s.url ?? ""]
            for (c, v) in cells.enumerated() { try sheet.write(.string(v), row: r, column: c, style: styles.text) }
            try sheet.setRow(r, height: Styles.rowHeight(zip(cells, widths).map { ($0, $1) }))
            r += 1
        }
        r += 1
        let quoteTitles = vi
            ? ["STT / loại", "Chỉ tiêu hoặc chỉ số", "Kỳ", "Số liệu", "Trích dẫn nguyên văn", "Nguồn", "Dòng"]
            : ["No. / kind", "Target or indicator", "Period", "Figure", "Verbatim quote", "Source", "Line"]
        let quoteHeader = r
        for (c, t) in quoteTitles.enumerated() { try sheet.write(.string(t), row: r, column: c, style: styles.header) }
        r += 1
        let labels = TextReport.numbering(a.targets)
        var seen = Set<String>()
        for (i, t) in a.targets.enumerated() where seen.insert(t.target.sentenceID + "|" + t.target.indicatorID).inserted {
            let row = [labels[i], words.indicatorName(t.indicator), words.period(t.target.period), words.rule(t.target.rule, indicator: t.indicator), t.target.text, t.target.citation.source]
            try line(sheet, r, row, t.target.citation.line)
            r += 1
        }
        var quoted = Set<SourceLocation>()
        for t in a.targets {
            for o in t.rows.flatMap(\.observations) where quoted.insert(o.location).inserted {
                try line(sheet, r, [vi ? "kết quả" : "outcome", words.indicatorName(t.indicator), words.observed(o.period), words.value(o, indicator: t.indicator), o.quote, o.citation.source], o.citation.line)
                r += 1
            }
        }
        for o in a.otherOutcomes {
            try line(sheet, r, [vi ? "kết quả khác" : "other outcome", words.indicatorName(o.indicator), words.observed(o.observation.period), words.value(o.observation, indicator: o.indicator), o.observation.quote, o.observation.citation.source], o.observation.citation.line)
            r += 1
        }
        // Figures no verdict uses, with the reason for each target: none is out of sight.
        let labelOf = Dictionary(zip(a.targets.map(\.target.id), labels), uniquingKeysWith: { first, _ in first })
        for u in a.unusedFigures {
            let o = u.observation
            let reasons = u.reasons.map { (vi ? "chỉ tiêu " : "target ") + (labelOf[$0.targetID] ?? $0.targetID) + ": " + words.unusedReason($0.kind, from: o.location) }
            let what = words.indicatorName(u.indicator) + (vi ? " — không dùng vì " : " — not used: ") + reasons.joined(separator: "; ")
            try line(sheet, r, [vi ? "không dùng" : "not used", what, words.observed(o.period), words.value(o, indicator: u.indicator), o.quote, o.citation.source], o.citation.line)
            r += 1
        }
        for f in facts {
            let o = f.outcome.observation
            try line(sheet, r, [vi ? "số liệu" : "fact", words.indicatorName(f.outcome.indicator), words.observed(o.period), words.value(o, indicator: f.outcome.indicator), o.quote, o.citation.source], o.citation.line)
            r += 1
        }
        sheet.freezePanes(row: quoteHeader + 1, column: 0)
    }

    private func line(_ sheet: Worksheet, _ r: Int, _ cells: [String], _ sourceLine: Int?) throws {
        for (c, v) in cells.enumerated() { try sheet.write(.string(v), row: r, column: c, style: styles.text) }
        try sheet.setRow(r, height: Styles.rowHeight(zip(cells, [12.0, 60, 30, 16, 70, 12]).map { ($0, $1) }))
        try sheet.write(sourceLine.map { .number(Double($0)) } ?? .blank, row: r, column: cells.count, style: styles.plain)
    }
}
