import ChiTieuCore
import Foundation
import Xlsx

/// "Theo năm": one block per per-year target, the years of the term as columns. The block's rows
/// are the year's target figure, outcome, attainment, gap and verdict (attainment and gap only
/// where the rule has them); the last columns hold the term ("4/5 năm đạt" and its verdict) and,
/// for a count floor, the sum of the years against target × years. The target's text is written
/// once, beside its block, and a printed page never splits a block.
struct ByYearSheet {
    let writer: ReviewWorkbook
    let styles: Styles
    var words: Vocabulary { writer.words }
    var vi: Bool { writer.vi }

    static let headerRow = 3
    static let numberColumn = 0
    static let textColumn = 1
    static let labelColumn = 2
    static let firstYearColumn = 3

    /// A row of a target's block.
    enum Line: CaseIterable {
        case threshold, value, attainment, gap, verdict
    }

    /// Column widths in characters: what prints on A4 landscape above 90 % (no text under 10 pt)
    /// with five years; with more years the year columns narrow rather than the page shrinking the text.
    static let numberWidth = 4.0
    static let textWidth = 24.0
    static let labelWidth = 11.0
    static let termWidth = 11.0
    static let cumulativeWidth = 10.0
    static func yearWidth(years: Int) -> Double { years <= 5 ? 9 : max(7, (45 / Double(years)).rounded(.down)) }

    /// The printable width of A4 landscape at Excel's default margins (0,7 inch left and right),
    /// in pixels at 96 per inch.
    static let printableWidth = (11.69 - 1.4) * 96
    /// The printable height in points (8,27 inch less 0,75 inch top and bottom; LibreOffice's
    /// header and footer sit in those margins, as measured), less 4 % for the engines' rounding,
    /// so a block is moved to the next page rather than cut.
    static let printableHeight = (8.27 - 1.5) * 72 * 0.96

    /// A column's width in pixels as the widest engine draws it: LibreOffice without Calibri
    /// (DejaVu Sans in its place) gives about 9,3 pixels a character and 6 of padding, where Excel
    /// gives 7 and 5 (measured from this machine's PDF); 9,6 leaves a margin. Fitting the wider
    /// keeps both on one page width.
    static func pixels(_ width: Double) -> Double { (width * 9.6).rounded(.up) + 6 }

    /// A row's height for wrapped texts in cells of the given widths. A character of DejaVu Sans
    /// is narrower than its 9,3-pixel column unit, so a width holds about 1,2 of its characters.
    static func height(_ cells: [(String, Double)]) -> Double {
        Styles.rowHeight(cells.map { ($0.0, $0.1 * 1.25) })
    }

    /// The print scale that fits `widths` one page wide, never above 100 %.
    static func printScale(_ widths: [Double]) -> Int {
        let total = widths.map(pixels).reduce(0, +)
        return min(100, Int((printableWidth / max(total, 1) * 100).rounded(.down)))
    }

    /// What `write` leaves for the caller: where each target's block stands, and the print scale.
    struct Layout {
        var blocks: [String: YearBlock] = [:]
        var printScale = 100
    }

    /// Writes the sheet and returns where each target's block stands, by target id.
    func write(_ sheet: Worksheet, _ a: Assessment, _ targets: LazyFilterSequence<[TargetAssessment]>, workbook: Workbook) throws -> Layout {
        // The body is in the page header; a title as long as the summary's would run off the page.
        try sheet.write(.string((vi ? "Chỉ tiêu hằng năm — " : "Yearly targets — ") + writer.termLine(a)), row: 0, column: 0, style: styles.title)
        try sheet.write(.string(vi
            ? "Mỗi chỉ tiêu một khối, mỗi năm một cột; cả nhiệm kỳ và cộng dồn ở các cột cuối."
            : "One block per target, one column per year; the term and the running total in the last columns."), row: 1, column: 0)

        let years = Array(Set(targets.flatMap { $0.years.compactMap(Self.year) })).sorted()
        let yearColumn = Dictionary(uniqueKeysWithValues: years.enumerated().map { ($1, Self.firstYearColumn + $0) })
        let termColumn = Self.firstYearColumn + years.count
        let cumulative = targets.contains { hasCumulative($0) }
        let cumulativeColumn = cumulative ? termColumn + 1 : nil
        let lastColumn = cumulativeColumn ?? termColumn
        let yearWidth = Self.yearWidth(years: years.count)
        var widths = [Self.numberWidth, Self.textWidth, Self.labelWidth] + years.map { _ in yearWidth } + [Self.termWidth]
        if cumulative { widths.append(Self.cumulativeWidth) }
        for (c, w) in widths.enumerated() { try sheet.setColumns(c, c, width: w) }

        let titles = (vi ? ["STT", "Chỉ tiêu", ""] : ["No.", "Target", ""]) + years.map(String.init)
            + [vi ? "Cả nhiệm kỳ" : "Term"] + (cumulative ? [vi ? "Cộng các năm" : "Years together"] : [])
        for (c, t) in titles.enumerated() { try sheet.write(.string(t), row: Self.headerRow, column: c, style: styles.header) }
        let headerHeight = Self.height(zip(titles, widths).map { ($0, $1) })
        try sheet.setRow(Self.headerRow, height: headerHeight)

        let allLabels = TextReport.numbering(a.targets)
        let label = Dictionary(uniqueKeysWithValues: zip(a.targets.map(\.target.id), allLabels))
        let cells = JudgedCells(writer: writer, styles: styles)
        var layout = Layout()
        layout.printScale = Self.printScale(widths)
        let capacity = Self.printableHeight * 100 / Double(layout.printScale)
        // The title lines, then the heading row that every page repeats.
        var used = 18.75 + 15 + 15 + headerHeight
        var breaks: [Int] = []
        var r = Self.headerRow + 1
        // Where only the row being written is kept (constant memory), each block is held back and
        // put in row order on its own: blocks follow each other down the sheet, so the cells come
        // out as from sorting the whole sheet, without holding every cell. Otherwise the whole
        // sheet is held as before: its merged cells are written at once, and the order of the
        // shared strings (so the file's bytes) follows them.
        let perBlock = workbook.constantMemory
        func ordered(_ on: Bool, _ body: () throws -> Void) throws {
            if on { try sheet.inRowOrder(body) } else { try body() }
        }
        try ordered(!perBlock) {
            for t in targets {
                let lines = self.lines(t)
                let row = Dictionary(uniqueKeysWithValues: lines.enumerated().map { ($1, r + $0) })
                var heights: [Double] = []
                try ordered(perBlock) {
                    heights = try writeBlock(sheet, t, at: r, lines: lines, row: row, yearColumn: yearColumn, termColumn: termColumn,
                                             cumulativeColumn: cumulativeColumn, widths: widths, label: label[t.target.id] ?? "", cells: cells, workbook: workbook)
                }
                let height = heights.reduce(0, +)
                if used + height > capacity, r > Self.headerRow + 1 {
                    breaks.append(r)
                    used = headerHeight
                }
                used += height
                let own = t.years.compactMap(Self.year).compactMap { yearColumn[$0] }
                var block = YearBlock(
                    firstRow: r, lastRow: r + lines.count - 1,
                    thresholdRow: row[.threshold] ?? r, valueRow: row[.value] ?? r, verdictRow: row[.verdict] ?? r,
                    firstYearColumn: own.min() ?? Self.firstYearColumn, lastYearColumn: own.max() ?? Self.firstYearColumn, years: t.years.count)
                if let c = cumulativeColumn, hasCumulative(t) {
                    block.cumulativeAttainment = row[.attainment].map { JudgedCells.Cell($0, c) }
                    block.cumulativeGap = row[.gap].map { JudgedCells.Cell($0, c) }
                }
                layout.blocks[t.target.id] = block
                r += lines.count
            }
        }
        let last = max(r - 1, Self.headerRow + 1)
        for (word, style) in styles.verdictColours(words) {
            try sheet.highlight(equalTo: word, firstRow: Self.headerRow + 1, firstColumn: Self.firstYearColumn, lastRow: last, lastColumn: lastColumn, style: style)
        }
        try sheet.pageBreaks(before: breaks)
        sheet.freezePanes(row: Self.headerRow + 1, column: Self.firstYearColumn)
        return layout
    }

    static func year(_ j: Judgement) -> Int? {
        guard case let .year(y) = j.period else { return nil }
        return y
    }

    /// The running total of a yearly count (or an amount that adds up) floor against target × years judged.
    private func hasCumulative(_ t: TargetAssessment) -> Bool {
        let judged = t.years.filter { $0.progress != .notDue }.count
        return t.indicator.addsUpOverYears && t.target.rule.isFloor && judged > 0 && t.target.rule.scaled(by: judged) != nil
    }

    /// The rows of a target's block: attainment and gap only where some year's rule (or the
    /// running total's) has them, so a rating's block is three rows, not five of which two are empty.
    func lines(_ t: TargetAssessment) -> [Line] {
        let rules = t.years.map(\.rule) + [t.target.rule]
        let formulas = rules.map { VerdictFormula(words: words, rule: $0, indicator: t.indicator, value: "A1", threshold: "A1") }
        var lines: [Line] = [.threshold, .value]
        if formulas.contains(where: \.hasAttainment) { lines.append(.attainment) }
        if formulas.contains(where: \.hasGap) { lines.append(.gap) }
        return lines + [.verdict]
    }

    private func lineName(_ line: Line) -> String {
        switch line {
        case .threshold: return vi ? "Mức chỉ tiêu" : "Target figure"
        case .value: return vi ? "Kết quả" : "Outcome"
        case .attainment: return vi ? "Tỷ lệ đạt" : "Attained"
        case .gap: return vi ? "Chênh lệch" : "Gap"
        case .verdict: return vi ? "Đánh giá" : "Verdict"
        }
    }

    /// A verdict in a year's narrow column: wrapped ("chưa có số liệu" takes two lines), centred.
    private var verdictStyle: CellStyle { CellStyle(wrap: true, border: true, alignment: .center, top: true) }

    /// Writes one target's block and returns its rows' heights.
    private func writeBlock(
        _ sheet: Worksheet, _ t: TargetAssessment, at first: Int, lines: [Line], row: [Line: Int], yearColumn: [Int: Int], termColumn: Int,
        cumulativeColumn: Int?, widths: [Double], label: String, cells: JudgedCells, workbook: Workbook
    ) throws -> [Double] {
        let last = first + lines.count - 1
        func cell(_ line: Line, _ column: Int) -> JudgedCells.Cell? { row[line].map { JudgedCells.Cell($0, column) } }
        func at(_ column: Int) -> JudgedCells.Placement {
            JudgedCells.Placement(
                threshold: JudgedCells.Cell(row[.threshold] ?? first, column), value: JudgedCells.Cell(row[.value] ?? first, column),
                attainment: cell(.attainment, column), gap: cell(.gap, column), verdict: JudgedCells.Cell(row[.verdict] ?? last, column),
                verdictStyle: verdictStyle)
        }
        // Texts per row, to size each row for its wrapped words.
        var texts: [Int: [(String, Double)]] = [:]
        func note(_ line: Line, _ text: String, _ column: Int) {
            guard let r = row[line], column < widths.count else { return }
            texts[r, default: []].append((text, widths[column]))
        }
        for (k, line) in lines.enumerated() {
            try sheet.write(.string(lineName(line)), row: first + k, column: Self.labelColumn, style: line == .verdict ? styles.bold : styles.text)
            note(line, lineName(line), Self.labelColumn)
        }
        var covered = Set<Int>()
        for y in t.years {
            guard let year = Self.year(y), let c = yearColumn[year] else { continue }
            covered.insert(c)
            if y.progress == .notDue {
                try sheet.write(cells.thresholdCell(y.rule, t.indicator), row: row[.threshold] ?? first, column: c, style: styles.figure(t.indicator, y.rule.threshold))
                try sheet.write(.blank, row: row[.value] ?? first, column: c, style: styles.figure(t.indicator))
                try OutcomeValidation(words: words).apply(sheet, row: row[.value] ?? first, column: c, t.indicator)
                for line in [Line.attainment, .gap] { if let r = row[line] { try sheet.write(.blank, row: r, column: c, style: styles.plain) } }
                try sheet.write(.string(words.progress(.notDue)), row: row[.verdict] ?? last, column: c, style: verdictStyle)
                note(.verdict, words.progress(.notDue), c)
            } else {
                try cells.write(sheet, y, t.indicator, at: at(c))
                note(.verdict, words.verdict(y.verdict ?? .noData), c)
            }
            note(.threshold, thresholdText(y.rule, t.indicator), c)
            if let level = y.rating { note(.value, words.levelName(level, of: t.indicator), c) }
        }
        // A year of the sheet that this target lacks: bordered blanks, not a gap in the grid.
        for c in Set(yearColumn.values).subtracting(covered) {
            for r in first...last { try sheet.write(.blank, row: r, column: c, style: styles.plain) }
        }

        // The term: its figure, the years met, its verdict.
        let own = t.years.compactMap(Self.year).compactMap { yearColumn[$0] }
        let verdicts = Worksheet.reference(sheet: sheet.name, firstRow: row[.verdict] ?? last, firstColumn: own.min() ?? Self.firstYearColumn, lastRow: row[.verdict] ?? last, lastColumn: own.max() ?? Self.firstYearColumn)
        let term = TermRowFormula(words: words, verdicts: verdicts, years: t.years.count)
        try sheet.write(cells.thresholdCell(t.target.rule, t.indicator), row: row[.threshold] ?? first, column: termColumn, style: styles.figure(t.indicator, t.target.rule.threshold))
        try sheet.write(term.tallyCell(t), row: row[.value] ?? first, column: termColumn, style: styles.bold)
        for line in [Line.attainment, .gap] { if let r = row[line] { try sheet.write(.blank, row: r, column: termColumn, style: styles.plain) } }
        let running = words.runningStatus(t, method: writer.method)
        try sheet.write(cells.status(t.summary, term.verdict, running: running), row: row[.verdict] ?? last, column: termColumn, style: CellStyle(bold: true, wrap: true, border: true, alignment: .center, top: true))
        note(.value, t.summary.tally.map { $0.noData == $0.total ? words.verdict(.noData) : words.tally($0) } ?? "", termColumn)
        note(.verdict, t.summary.progress != nil ? running : words.verdict(t.summary.verdict ?? .noData), termColumn)

        if let c = cumulativeColumn {
            let judged = t.years.filter { $0.progress != .notDue }.count
            if hasCumulative(t), let scaled = t.target.rule.scaled(by: judged) {
                try writeCumulative(sheet, t, scaled: scaled, years: judged, yearColumn: yearColumn, valueRow: row[.value] ?? first, at: at(c), cells: cells)
            } else {
                for r in first...last { try sheet.write(.blank, row: r, column: c, style: styles.plain) }
            }
        }

        var heights = (first...last).map { Self.height(texts[$0] ?? []) }
        // The number and the text once for the block: merged down its rows, or in its first row
        // where the workbook keeps only the row being written. Rows share what the text needs more.
        let textHeight = Self.height([(t.target.text, widths[Self.textColumn])])
        let short = textHeight - heights.reduce(0, +)
        if short > 0 { heights = heights.map { $0 + (short / Double(heights.count)).rounded(.up) } }
        if workbook.constantMemory || first == last {
            try sheet.write(.string(label), row: first, column: Self.numberColumn, style: styles.plain)
            try sheet.write(.string(t.target.text), row: first, column: Self.textColumn, style: styles.text)
            if first < last {
                for r in (first + 1)...last {
                    try sheet.write(.blank, row: r, column: Self.numberColumn, style: styles.plain)
                    try sheet.write(.blank, row: r, column: Self.textColumn, style: styles.text)
                }
            }
        } else {
            try sheet.merge(firstRow: first, firstColumn: Self.numberColumn, lastRow: last, lastColumn: Self.numberColumn, label, style: styles.plain)
            try sheet.merge(firstRow: first, firstColumn: Self.textColumn, lastRow: last, lastColumn: Self.textColumn, t.target.text, style: styles.text)
        }
        for (k, h) in heights.enumerated() { try sheet.setRow(first + k, height: h) }
        return heights
    }

    /// The words a target figure cell shows, for sizing its row: a rating's level name.
    private func thresholdText(_ rule: Rule, _ indicator: Indicator) -> String {
        if case let .ratingAtLeast(level) = rule.comparison { return words.levelName(level, of: indicator) }
        return ""
    }

    /// The sum of the judged years against target × years, down the last column of the block.
    private func writeCumulative(_ sheet: Worksheet, _ t: TargetAssessment, scaled: Rule, years: Int, yearColumn: [Int: Int], valueRow: Int, at p: JudgedCells.Placement, cells: JudgedCells) throws {
        let judgedColumns = t.years.filter { $0.progress != .notDue }.compactMap(Self.year).compactMap { yearColumn[$0] }
        let first = judgedColumns.min() ?? Self.firstYearColumn, last = judgedColumns.max() ?? Self.firstYearColumn
        let values = Worksheet.cellName(row: valueRow, column: first) + ":" + Worksheet.cellName(row: valueRow, column: last)
        let sumFormula = "=IF(COUNT(\(values))=\(years),SUM(\(values)),\"\")"
        let sum: CellValue = t.cumulative?.value.map { .formula(sumFormula, cached: ReviewWorkbook.double($0)) } ?? .textFormula(sumFormula, cached: "")
        var judgement = t.cumulative ?? Judgement(period: .cumulative(years: years), rule: scaled)
        if t.cumulative == nil { judgement.verdict = .noData }
        if let progress = t.summary.progress {
            // Inside a running term the total so far is shown with the term's progress, not a verdict.
            judgement.progress = progress
        }
        try cells.write(sheet, judgement, t.indicator, at: p, valueOverride: sum)
    }
}
