import ChiTieuCore
import Foundation
import Xlsx

/// Writes the figure, attainment, gap and verdict cells of one judged row: live formulas over the
/// row's own target and outcome cells, each with the engine's exact value cached.
struct JudgedCells {
    let writer: ReviewWorkbook
    let styles: Styles
    var words: Vocabulary { writer.words }

    /// Columns of the row's cells.
    struct Columns {
        var threshold: Int
        var value: Int
        var attainment: Int
        var gap: Int
        var verdict: Int

        /// The cells of these columns in row `r`.
        func at(_ r: Int) -> Placement {
            Placement(threshold: Cell(r, threshold), value: Cell(r, value), attainment: Cell(r, attainment), gap: Cell(r, gap), verdict: Cell(r, verdict))
        }
    }

    /// A cell's position, 0-based.
    struct Cell: Equatable {
        var row: Int
        var column: Int
        init(_ row: Int, _ column: Int) {
            self.row = row
            self.column = column
        }
    }

    /// Where one judgement's cells stand: across one row (the summary), or down one year's column
    /// of a target's block on "Theo năm".
    struct Placement {
        var threshold: Cell
        var value: Cell
        /// None where the block has no row for it (a rating's attainment and gap).
        var attainment: Cell?
        var gap: Cell?
        var verdict: Cell
        /// The verdict's style, where not the plain one (a narrow year column wraps it).
        var verdictStyle: CellStyle? = nil
    }

    /// The target figure as stored: a share as a fraction, a rating as its level's name.
    func thresholdCell(_ rule: Rule, _ indicator: Indicator) -> CellValue {
        if case let .ratingAtLeast(level) = rule.comparison {
            return .string(words.levelName(level, of: indicator))
        }
        guard let t = rule.threshold else { return .blank }
        return .number(ReviewWorkbook.double(VerdictFormula.stored(t, percent: indicator.unit == .percent)))
    }

    /// The outcome as stored; blank when there is no figure (never a zero).
    func valueCell(_ row: Judgement, _ indicator: Indicator) -> CellValue {
        // A range, or the units of a per-unit target, is text: no formula reads it as a number.
        if row.valueRange != nil || row.units != nil { return .string(words.value(row, indicator: indicator)) }
        if let level = row.rating {
            return .string(words.levelName(level, of: indicator))
        }
        guard let v = row.value else { return .blank }
        return .number(ReviewWorkbook.double(VerdictFormula.stored(v, percent: indicator.unit == .percent)))
    }

    func write(_ sheet: Worksheet, row r: Int, _ judgement: Judgement, _ indicator: Indicator, _ c: Columns, valueOverride: CellValue? = nil, running: String? = nil) throws {
        try write(sheet, judgement, indicator, at: c.at(r), valueOverride: valueOverride, running: running)
    }

    /// Writes the cells of one judgement where `p` places them.
    func write(_ sheet: Worksheet, _ judgement: Judgement, _ indicator: Indicator, at p: Placement, valueOverride: CellValue? = nil, running: String? = nil) throws {
        try sheet.write(thresholdCell(judgement.rule, indicator), row: p.threshold.row, column: p.threshold.column, style: styles.figure(indicator, judgement.rule.threshold))
        var valueStyle = styles.figure(indicator, judgement.value)
        if indicator.unit == .percent {
            let bound = ProgressMethods.level(of: judgement.rule, near: judgement.value)
            valueStyle = styles.percent(places: Styles.honestPlaces(judgement.value, bound: bound, met: words.meets(judgement), base: 1))
        }
        let value = valueOverride ?? valueCell(judgement, indicator)
        try sheet.write(value, row: p.value.row, column: p.value.column, style: valueStyle)
        // A figure or rating the clerk may correct; a range or per-unit text, or a sum, is not typed.
        if valueOverride == nil, judgement.valueRange == nil, judgement.units == nil {
            try OutcomeValidation(words: words).apply(sheet, row: p.value.row, column: p.value.column, indicator)
        }
        let formula = VerdictFormula(
            words: words, rule: judgement.rule, indicator: indicator,
            value: Worksheet.cellName(row: p.value.row, column: p.value.column), threshold: Worksheet.cellName(row: p.threshold.row, column: p.threshold.column))
        try writeFormulas(sheet, judgement, indicator, formula, at: p, running: running)
    }

    /// Attainment, gap and verdict cells from a formula set.
    func writeFormulas(_ sheet: Worksheet, row r: Int, _ j: Judgement, _ indicator: Indicator, _ formula: VerdictFormula, _ c: Columns, running: String? = nil) throws {
        try writeFormulas(sheet, j, indicator, formula, at: c.at(r), running: running)
    }

    /// Attainment, gap and verdict cells from a formula set, where `p` places them.
    func writeFormulas(_ sheet: Worksheet, _ j: Judgement, _ indicator: Indicator, _ formula: VerdictFormula, at p: Placement, running: String? = nil) throws {
        if let at = p.attainment {
            if let f = formula.attainment {
                let cell: CellValue = j.attainment.map { .formula(f, cached: ReviewWorkbook.double($0, shift: -2)) } ?? .textFormula(f, cached: "")
                let places = Styles.honestPlaces(j.attainment, bound: 100, met: words.meets(j), base: 1)
                try sheet.write(cell, row: at.row, column: at.column, style: places == 1 ? styles.attainment : styles.percent(places: places))
            } else {
                try sheet.write(.blank, row: at.row, column: at.column, style: styles.plain)
            }
        }
        if let at = p.gap {
            if let f = formula.gap {
                let cell: CellValue = j.gap.map { .formula(f, cached: ReviewWorkbook.double($0)) } ?? .textFormula(f, cached: "")
                let places = indicator.unit == .percent ? Styles.honestPlaces(j.gap, bound: 0, met: words.meets(j), base: 1) : 1
                try sheet.write(cell, row: at.row, column: at.column, style: places == 1 ? styles.gap(indicator, j.gap) : styles.points(places: places))
            } else {
                try sheet.write(.blank, row: at.row, column: at.column, style: styles.plain)
            }
        }
        try sheet.write(status(j, formula.verdict, running: running), row: p.verdict.row, column: p.verdict.column, style: p.verdictStyle ?? styles.status)
    }

    /// The verdict as a live formula, or inside a running term the progress as plain text (the
    /// pro-rata judgement depends on the year of assessment, not on the cells): `running`, the
    /// status by the report's method, when given.
    func status(_ j: Judgement, _ formula: String, running: String? = nil) -> CellValue {
        if let p = j.progress { return .string(p == .notDue ? words.progress(p) : running ?? words.progress(p)) }
        // No single figure in the outcome cell to recompute from: the verdict as judged.
        if j.valueRange != nil || j.units != nil || j.verdict == .undetermined { return .string(words.verdict(j.verdict ?? .noData)) }
        return .textFormula(formula, cached: words.verdict(j.verdict ?? .noData))
    }
}
