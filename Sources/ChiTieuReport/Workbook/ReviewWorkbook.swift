import ChiTieuCore
import Foundation
import Xlsx

/// The end-of-term review workbook of one record: "Tổng hợp" (the headline counts, every target
/// with live formulas and their cached values, manual verdicts beside the computed ones), "Theo
/// năm" (a block per per-year target, the years as columns), "Biểu đồ" (a chart per indicator
/// with a target figure and an outcome), "Nguồn" (every source and the verbatim words behind each
/// figure) and "Cách tính" (every computation worked with its inputs).
///
/// It renders the same `Assessment` values as the text report: every cached value is the engine's
/// exact figure, and the formulas recompute it from the cells.
public struct ReviewWorkbook: Sendable {
    /// The language of labels and verdict words.
    public var language: ReportLanguage

    /// How a running term's targets are judged in the verdict column and the headline.
    public var method: ProgressMethod
    /// Where the year of assessment came from, said at the top of the summary sheet.
    public var asOfOrigin: AsOfOrigin = .given
    /// The printed page's margins (36-HD/VPTW itself fixes none: a setting).
    public var margins: PageMargins = .partyDefault

    /// Creates a writer.
    public init(language: ReportLanguage = .vi, method: ProgressMethod = .proRata) {
        self.language = language
        self.method = method
    }

    var words: Vocabulary { Vocabulary(language: language) }
    var vi: Bool { language == .vi }

    /// Above this many rows the workbook is written in libxlsxwriter's constant-memory mode.
    static let constantMemoryRows = 20_000
    /// Charts drawn on "Biểu đồ" at most; past that a chart per target would bury the sheet.
    static let maximumCharts = 100

    /// Writes the workbook to `path` through a temporary file in the same folder, renamed only
    /// when complete: a failure leaves any previous workbook at `path` untouched.
    public func write(_ a: Assessment, facts: [FactLine] = [], to path: String) throws {
        // Large workbooks flush each row as the next begins (every sheet is written in row order),
        // so memory stays flat however many rows there are.
        let rows = a.targets.reduce(0) { $0 + 3 + $1.years.count } + a.record.observations.count
        try AtomicFile.replace(path) { temporary in
            let workbook = try Workbook(path: temporary, constantMemory: rows > Self.constantMemoryRows)
            try fill(workbook, a, facts: facts)
            try workbook.close()
        }
    }

    func fill(_ workbook: Workbook, _ a: Assessment, facts: [FactLine]) throws {
        try workbook.setProperties(properties(a))
        let styles = Styles(vi: vi)
        // Lazily: a copy of the yearly targets' assessments was a second copy of most of the
        // record's (34 MB of 245 at 50.000 outcomes in one body).
        let yearly = a.targets.lazy.filter { $0.target.period == .eachYear }
        let summaryName = vi ? "Tổng hợp" : "Summary"
        let byYearName = vi ? "Theo năm" : "By year"
        let summary = try workbook.addWorksheet(summaryName)
        let byYear: Worksheet? = yearly.isEmpty ? nil : try workbook.addWorksheet(byYearName)
        let charts: Worksheet? = ChartSheet.hasCharts(a) ? try workbook.addWorksheet(vi ? "Biểu đồ" : "Charts") : nil
        let sources = try workbook.addWorksheet(vi ? "Nguồn" : "Sources")
        // Last: an appendix for whoever checks the figures.
        let methods = try workbook.addWorksheet(vi ? "Cách tính" : "Working")
        let header = "&L" + escape(vi ? a.body.name : a.body.nameEn) + "&R" + escape(termLine(a))
        // Body, term and page: what a printed page needs, not where the data file lies.
        let who = escape(vi ? a.body.name : a.body.nameEn) + " — " + escape(termLine(a))
        // The body and term reach past the centre of a landscape page: the page number goes right
        // (centred, it printed over "nhiệm kỳ 2015–2020").
        let footer = vi ? "&L\(who)&RTrang &P/&N" : "&L\(who)&RPage &P of &N"

        var yearRanges: [String: YearBlock] = [:]
        if let byYear {
            let layout = try ByYearSheet(writer: self, styles: styles).write(byYear, a, yearly, workbook: workbook)
            yearRanges = layout.blocks
            // A fixed scale that fits the width, so that the page breaks between blocks count.
            try byYear.printSetup(repeatRows: 3...3, header: header, footer: footer, scale: layout.printScale)
        }
        if let charts {
            try ChartSheet(writer: self, styles: styles).write(charts, a, yearBlocks: yearRanges, byYearName: byYearName, workbook: workbook)
            try charts.printSetup(repeatRows: nil, header: header, footer: footer, scale: 100)
        }
        let layout = try SummarySheet(writer: self, styles: styles).write(summary, a, yearBlocks: yearRanges, byYearName: byYearName)
        // The summary is a Party document with its own letterhead: no running page header above it.
        // Its footer in the sheet's type, 13 pt: 11 pt on paper at the print scale.
        let type = "&\"" + SummaryType.font + ",Regular\"&13"
        let summaryFooter = vi ? "&L\(type)\(who)&R\(type)Trang &P/&N" : "&L\(type)\(who)&R\(type)Page &P of &N"
        let heading = layout.rows.heading
        try summary.printSetup(repeatRows: heading...heading, header: "", footer: summaryFooter, scale: SummaryType.printScale)
        summary.setMargins(margins)
        try summary.setPrintArea(firstRow: 0, firstColumn: 0, lastRow: layout.lastRow, lastColumn: SummarySheet.lastPrinted)
        // The plan counts the sheet's points: at 85 % a page holds 100/85 as many.
        let scale = Double(SummaryType.printScale) / 100
        let plan = PagePlan(room: PagePlan(margins: margins, headingHeight: 0).room / scale, headingHeight: layout.rows.heights[heading])
        try summary.pageBreaks(before: plan.breaks(layout.rows.heights, firstBody: heading + 1, groupStarts: layout.groupStarts))
        let workingRows = try MethodSheet(writer: self, styles: styles).write(methods, a, yearBlocks: yearRanges, byYearName: byYearName, figuresDate: figuresDate(a))
        try printFullSize(methods, workingRows, header: header, footer: footer)
        let sourceRows = try SourcesSheet(writer: self, styles: styles).write(sources, a, facts: facts)
        try printFullSize(sources, sourceRows, header: header, footer: footer)
    }

    /// Print setup of a sheet whose columns fit A4 landscape at 100 % (about 96 characters): the
    /// margins, the heading row repeated, and the pages broken where `PagePlan` says, at 100 %, so
    /// that no page holds a line or two and one target's steps stay together.
    func printFullSize(_ sheet: Worksheet, _ rows: PrintedRows, header: String, footer: String) throws {
        let plan = PagePlan(margins: margins, headingHeight: rows.heights.indices.contains(rows.heading) ? rows.heights[rows.heading] : PrintedRows.defaultHeight)
        let breaks = plan.breaks(rows.heights, firstBody: rows.heading + 1, groupStarts: rows.groupStarts)
        // Past Excel's 1.023 manual breaks the sheet stays fitted one page wide (which caps at
        // 100 % for these widths) and the engine breaks its pages itself.
        let planned = breaks.count <= Self.maximumPageBreaks
        try sheet.printSetup(repeatRows: rows.heading...rows.heading, header: header, footer: footer, scale: planned ? 100 : nil)
        sheet.setMargins(margins)
        if planned { try sheet.pageBreaks(before: breaks) }
    }

    /// Excel's limit on manual page breaks in a sheet.
    static let maximumPageBreaks = 1_023

    /// Header and footer text treats `&` as a code; a literal one is doubled.
    private func escape(_ s: String) -> String { s.replacingOccurrences(of: "&", with: "&&") }

    func termLine(_ a: Assessment) -> String {
        guard let term = a.record.term else { return vi ? "Số liệu" : "Facts" }
        return words.termLine(term)
    }

    func title(_ a: Assessment) -> String {
        (vi ? "Kết quả thực hiện chỉ tiêu nghị quyết đại hội — " : "Attainment of congress targets — ")
            + (vi ? a.body.name : a.body.nameEn) + " — " + termLine(a)
    }

    /// Properties with the document's date from the data of its own term, never the clock, so the
    /// same input gives the same bytes: the date its newest figure stands at — the end of what the
    /// figure covers, or its source's date if earlier (868 for the term, reported on 21/7/2020) —
    /// else the end of the term or of the year of assessment, whichever comes first. A history
    /// written in 2021 does not date a 1962–1964 term's workbook.
    func properties(_ a: Assessment) -> DocumentProperties {
        let date = figuresDate(a)
        return DocumentProperties(
            title: title(a),
            subject: vi ? "Báo cáo kết quả thực hiện chỉ tiêu, đánh giá tại năm \(a.asOf)" : "Attainment report, assessed as of \(a.asOf)",
            author: "chitieu",
            keywords: ([vi ? "chỉ tiêu, nghị quyết đại hội" : "targets, congress resolution", a.body.province] + [a.record.term?.congress ?? ""].filter { !$0.isEmpty })
                .joined(separator: ", "),
            created: Self.epochSeconds(date))
    }

    /// The date the record's figures stand at (see `properties`): the document's date, and the
    /// date "Cách tính" works its lines from.
    func figuresDate(_ a: Assessment) -> CalendarDate {
        let termEnd = CalendarDate(year: min(a.record.term?.endYear ?? a.asOf, a.asOf), month: 12, day: 31)
        return a.record.observations.map { o -> CalendarDate in
            let end = o.coveredThrough ?? termEnd
            guard let published = a.record.sources[o.citation.source]?.date?.lastDay else { return end }
            return min(end, published)
        }.max() ?? termEnd
    }

    static func epochSeconds(_ d: CalendarDate) -> Int {
        var components = DateComponents()
        components.year = d.year
        components.month = d.month ?? 1
        components.day = d.day ?? 1
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return Int(calendar.date(from: components)?.timeIntervalSince1970 ?? 0)
    }

    /// An exact figure as a cell number, times 10^`shift` (-2 turns a percent into the fraction a
    /// percent-formatted cell holds, by moving the exponent rather than dividing). xlsx stores
    /// doubles: this is the only conversion, at the file's edge. Foundation's conversion is exact
    /// for whole numbers and may be an ulp or two off a correctly rounded quotient, far below the
    /// 15 digits a spreadsheet shows; a correctly rounded one (through the decimal digits and
    /// strtod) cost 13 % of the whole `report --format xlsx` run, so it is not used.
    static func double(_ d: Decimal, shift: Int = 0) -> Double {
        let shifted = shift == 0 ? d : Decimal(sign: d.sign, exponent: d.exponent + shift, significand: d.significand)
        return NSDecimalNumber(decimal: shifted).doubleValue
    }
}

/// Where a per-year target's block stands on the "Theo năm" sheet (a row per quantity, a column
/// per year), for the summary's formulas, the working sheet and the charts.
struct YearBlock {
    /// First and last rows of the block (0-based).
    var firstRow: Int
    var lastRow: Int
    /// The rows of the yearly target figures, outcomes and verdicts.
    var thresholdRow: Int
    var valueRow: Int
    var verdictRow: Int
    /// The columns of the target's first and last year.
    var firstYearColumn: Int
    var lastYearColumn: Int
    /// The running total's attainment and gap cells, for count floors.
    var cumulativeAttainment: JudgedCells.Cell?
    var cumulativeGap: JudgedCells.Cell?

    /// How many years the target has (its columns may include a year of another target that it lacks).
    var years: Int

    /// The yearly verdicts as a range of `sheet`, for the term's COUNTIF formulas.
    func verdicts(on sheet: String) -> String {
        Worksheet.reference(sheet: sheet, firstRow: verdictRow, firstColumn: firstYearColumn, lastRow: verdictRow, lastColumn: lastYearColumn)
    }
}

/// The cell styles of the workbook, one place.
struct Styles {
    let vi: Bool
    var title: CellStyle { CellStyle(bold: true, fontSize: 14) }
    /// A line above a table (the headline counts): bold, unwrapped, so it runs across the empty cells.
    var headline: CellStyle { CellStyle(bold: true) }
    var header: CellStyle { CellStyle(bold: true, wrap: true, background: 0xD9E2F3, border: true, alignment: .center, top: true) }
    var text: CellStyle { CellStyle(wrap: true, border: true, top: true) }
    var plain: CellStyle { CellStyle(border: true, top: true) }
    /// A word standing between figures (a verdict, "4/5 năm đạt", a row's number): centred, so
    /// it never runs on from the right-aligned figure before it ("0chưa có số liệu").
    var status: CellStyle { CellStyle(wrap: true, border: true, alignment: .center, top: true) }
    var count: CellStyle { CellStyle(numberFormat: "#,##0", border: true, top: true) }
    var share: CellStyle { CellStyle(numberFormat: "0.0%", border: true, top: true) }
    var countGap: CellStyle { CellStyle(numberFormat: "+#,##0;-#,##0;0", border: true, top: true) }
    var points: CellStyle { points(places: 1) }
    var attainment: CellStyle { CellStyle(numberFormat: "0.0%", border: true, top: true) }

    /// "0.0" with `places` decimals.
    private func digits(_ places: Int) -> String { places > 0 ? "0." + String(repeating: "0", count: places) : "0" }

    /// A share or attainment shown with `places` decimals (more than one only where one would
    /// round a result short of its target onto it).
    func percent(places: Int) -> CellStyle { CellStyle(numberFormat: digits(places) + "%", border: true, top: true) }

    func points(places: Int) -> CellStyle {
        let d = digits(places)
        return CellStyle(numberFormat: vi ? "+\(d)\" điểm %\";-\(d)\" điểm %\";\(d)\" điểm %\"" : "+\(d)\" pp\";-\(d)\" pp\";\(d)\" pp\"", border: true, top: true)
    }

    /// The fewest decimals, from `base`, at which half-up rounding does not carry a figure that
    /// does not meet its `bound` onto it: a cell format cannot cut as the text report does
    /// (99,96 % → 99,9 %), so it shows one digit more (99,96 %) rather than 100,0 %.
    static func honestPlaces(_ value: Decimal?, bound: Decimal?, met: Bool?, base: Int) -> Int {
        guard let value, met == false, let bound else { return base }
        for places in base...6 where Rounding.shown(value, places: places, bound: bound, met: false) == Rounding.halfUp(value, places: places) {
            return places
        }
        return 6
    }
    var bold: CellStyle { CellStyle(bold: true, wrap: true, border: true, top: true) }
    var note: CellStyle { CellStyle(wrap: true, top: true) }

    /// Verdict colours: green for vượt, light green for đạt, red for không đạt, a light grey for no
    /// data. Printed in black and white the words carry the verdict, with bold for the ones a
    /// reader looks for (vượt, không đạt, kiểm tra lại), and every text stays dark on a pale fill.
    func verdictColours(_ words: Vocabulary) -> [(String, CellStyle)] {
        [
            (words.verdict(.exceeded), CellStyle(bold: true, background: 0x63BE7B, fontColor: 0x0B3D17)),
            (words.verdict(.met), CellStyle(background: 0xC6EFCE, fontColor: 0x006100)),
            (words.verdict(.notMet), CellStyle(bold: true, background: 0xFFC7CE, fontColor: 0x9C0006)),
            (words.verdict(.noData), CellStyle(background: 0xF2F2F2, fontColor: 0x262626)),
            (words.checkFigure, CellStyle(bold: true, background: 0xFFEB9C, fontColor: 0x9C5700)),
            (words.progress(.onTrack), CellStyle(background: 0xC6EFCE, fontColor: 0x006100)),
            (words.progress(.atRisk), CellStyle(background: 0xFFEB9C, fontColor: 0x9C5700)),
            (words.progress(.yearMissed), CellStyle(background: 0xFFC7CE, fontColor: 0x9C0006)),
            (words.progress(.yearMissing), CellStyle(background: 0xEDEDED, fontColor: 0x595959)),
            (words.band(.slightlyBehind), CellStyle(background: 0xFFF2CC, fontColor: 0x7F6000)),
            (words.band(.concerned), CellStyle(background: 0xFFC7CE, fontColor: 0x9C0006)),
            (words.trend(.onTrack), CellStyle(background: 0xC6EFCE, fontColor: 0x006100)),
            (words.trend(.moderate), CellStyle(background: 0xFFF2CC, fontColor: 0x7F6000)),
            (words.trend(.limited), CellStyle(background: 0xFFEB9C, fontColor: 0x9C5700)),
            (words.trend(.movingAway), CellStyle(background: 0xFFC7CE, fontColor: 0x9C0006)),
            (words.escap(.maintain), CellStyle(background: 0xC6EFCE, fontColor: 0x006100)),
            (words.escap(.accelerate), CellStyle(background: 0xFFEB9C, fontColor: 0x9C5700)),
            (words.escap(.reverse), CellStyle(background: 0xFFC7CE, fontColor: 0x9C0006)),
            (words.weather(.sun), CellStyle(background: 0xC6EFCE, fontColor: 0x006100)),
            (words.weather(.slightlyCloudy), CellStyle(background: 0xFFF2CC, fontColor: 0x7F6000)),
            (words.weather(.cloudy), CellStyle(background: 0xFFEB9C, fontColor: 0x9C5700)),
            (words.weather(.thunderstorm), CellStyle(background: 0xFFC7CE, fontColor: 0x9C0006)),
        ]
    }

    /// The style of a figure of an indicator; an amount's shows the decimals `value` has and its
    /// measure ("#,##0.0\" tỷ đồng\"" shows 4.418,5 tỷ đồng).
    func figure(_ i: Indicator, _ value: Decimal? = nil) -> CellStyle {
        switch i.unit {
        case .count: return count
        case .percent: return share
        case .rating: return text
        case .amount: return CellStyle(numberFormat: amountFormat(i, value), border: true, top: true)
        }
    }

    /// The style of a gap: points for a share, units for a count, an amount's measure with the
    /// decimals the gap has (the difference of two exact figures, so nothing is rounded away).
    func gap(_ i: Indicator, _ value: Decimal? = nil) -> CellStyle {
        switch i.unit {
        case .percent: return points
        case .amount:
            let f = amountFormat(i, value)
            let signed = "+\(f);-\(f);0"
            // A long measure does not fit three times: the gap then shows the figure alone.
            let fits = signed.utf8.count <= CellStyle.maximumNumberFormatBytes
            let plain = amountFormat(i, value, measure: false)
            return CellStyle(numberFormat: fits ? signed : "+\(plain);-\(plain);0", border: true, top: true)
        case .count, .rating: return countGap
        }
    }

    /// The decimals a figure was written with (at most six, as `NumberFormat.natural` shows).
    static func places(_ value: Decimal?) -> Int { value.map { min(6, max(0, -$0.exponent)) } ?? 0 }

    /// "#,##0.0\" tỷ đồng\"": grouped, the figure's decimals, the measure in the workbook's language
    /// as literal text (a '%' inside quotes is a character, not a scaling by 100).
    func amountFormat(_ i: Indicator, _ value: Decimal?, measure: Bool = true) -> String {
        let places = Self.places(value)
        let number = "#,##0" + (places > 0 ? "." + String(repeating: "0", count: places) : "")
        guard measure, let m = i.measure(english: !vi) else { return number }
        let format = number + "\" " + m + "\""
        return format.utf8.count <= CellStyle.maximumNumberFormatBytes ? format : number
    }

    /// A row height in points that shows every wrapped line of the row's texts: spreadsheet
    /// engines do not all grow a row for wrapped text on their own (LibreOffice's print does not).
    static func rowHeight(_ cells: [(text: String, width: Double)]) -> Double {
        let lines = cells.map { cell -> Int in
            // A column of width w holds about w characters of the default font; keep a margin.
            let room = max(1, Int(cell.width * 0.95) - 1)
            // No scalar is wider than its UTF-8 bytes, so a text that short needs no measuring.
            // A text narrower than the room is one line, which `lineCount` says too, in one pass.
            if cell.text.utf8.count <= room { return 1 }
            return DisplayWidth.lineCount(cell.text, width: room)
        }.max() ?? 1
        return 15 * Double(max(1, lines))
    }
}
