import ChiTieuCore
import Docx
import Foundation

/// The end-of-term report of one record as a Party document in Word (Hướng dẫn 36-HD/VPTW): the
/// header block, "BÁO CÁO" and its subject, the headline counts, the evaluation of each target
/// in the text report's own sentences, the signature block and "Nơi nhận", then a landscape
/// results annex ("Phụ lục") grouped by field with a totals line.
///
/// A pure renderer of the same `Assessment` values as the text report and the workbook: it
/// formats figures through `Vocabulary` and computes no attainment itself.
public struct WordReport: Sendable {
    /// The language of every word and figure.
    public var language: ReportLanguage
    /// How a running term's targets are judged.
    public var method: ProgressMethod
    /// The page margins, a setting with the provincial handbooks' default.
    public var margins: PageMargins

    /// Creates a writer.
    public init(language: ReportLanguage = .vi, method: ProgressMethod = .proRata, margins: PageMargins = .partyDefault) {
        self.language = language
        self.method = method
        self.margins = margins
    }

    var words: Vocabulary { Vocabulary(language: language) }
    var vi: Bool { language == .vi }
    var text: TextReport { TextReport(language: language, format: .text, method: method) }

    /// Writes the `.docx` to `path` atomically: a failure leaves any previous file there untouched.
    /// - Throws: `AtomicFile.WriteError`, or the archive's error if the package cannot be built.
    public func write(_ a: Assessment, to path: String) throws {
        try AtomicFile.write(try data(a), to: path)
    }

    /// The `.docx` bytes; the same assessment always gives the same bytes.
    public func data(_ a: Assessment) throws -> Data { try document(a).data() }

    // MARK: - Sizes (points) and widths (twips)

    /// Body text, the header block and the signature: 14 pt, as the guide's table gives.
    static let bodySize: Decimal = 14
    /// "ĐẢNG CỘNG SẢN VIỆT NAM".
    static let partyLineSize: Decimal = 15
    /// "BÁO CÁO".
    static let titleSize: Decimal = 16
    /// The annex table and the recipients: smaller, still well above the 10 pt an office can read.
    static let tableSize: Decimal = 13
    /// The recipients list under "Nơi nhận:", as Party documents set it.
    static let recipientsSize: Decimal = 12
    /// The footer line.
    static let footerSize: Decimal = 11

    /// The annex's columns in twips, for the landscape text width with the default margins
    /// (16838 − 1701 − 850 = 14287; 4.187 for the name): the target's name takes what the figures leave.
    static func annexColumns(width: Int) -> [Int] {
        // "chưa có số liệu" at 13 pt takes about 1.870 twips with the cell's margins: the outcome and
        // verdict columns hold it on one line.
        let fixed = [700, 0, 1200, 2500, 2000, 1700, 2000]
        let name = max(2500, width - fixed.reduce(0, +))
        return fixed.enumerated().map { $0.offset == 1 ? name : $0.element }
    }

    // MARK: - The document

    func document(_ a: Assessment) -> Docx.Document {
        let sectionMargins = Section.Margins(top: margins.top, bottom: margins.bottom, left: margins.left, right: margins.right)
        let portrait = Section(orientation: .portrait, margins: sectionMargins)
        let landscape = Section(orientation: .landscape, margins: sectionMargins)
        let groups = a.fieldGroups
        let ordered = groups.flatMap(\.targets)
        let labels = TextReport.numbering(ordered)
        var label: [String: String] = [:]
        for (t, l) in zip(ordered, labels) { label[t.target.id] = l }

        var blocks: [Block] = [.table(headerBlock(a, width: portrait.textWidth))]
        blocks += titleBlock(a)
        blocks += bodyBlocks(a, groups: groups, label: label)
        // The signature never stands alone on a page: the last paragraph goes with it.
        if case var .paragraph(last)? = blocks.last {
            last.keepWithNext = true
            blocks[blocks.count - 1] = .paragraph(last)
        }
        blocks.append(.table(signatureBlock(a, width: portrait.textWidth)))
        var end = Paragraph()
        end.sectionEnd = portrait
        blocks.append(.paragraph(end))
        blocks += annex(a, groups: groups, label: label, width: landscape.textWidth)

        let date = Self.documentDate(a, language: language)
        let body = vi ? a.body.name : a.body.nameEn
        return Docx.Document(
            blocks: blocks, section: landscape,
            footer: [Paragraph([Run("\(body) — \(termLine(a)) — \(vi ? "Trang" : "Page") "), Run.field("PAGE")], style: "Footer", alignment: .center)],
            styles: Self.styles, font: "Times New Roman", language: vi ? "vi-VN" : "en-GB",
            info: DocumentInfo(
                title: subject(a).joined(separator: " — ").replacingOccurrences(of: "\n", with: " "),
                subject: vi ? "Báo cáo kết quả thực hiện chỉ tiêu, đánh giá tại năm \(a.asOf)" : "Attainment report, assessed as of \(a.asOf)",
                creator: "chitieu",
                keywords: vi ? "chỉ tiêu, nghị quyết đại hội, \(a.body.province)" : "targets, congress resolution, \(a.body.province)",
                date: (date.year, date.month ?? 12, date.day ?? 31)))
    }

    /// The named styles an office edits in Word: Normal (Times New Roman 14 pt), the title, the
    /// subject, two heading levels, body text, the table's text and headings, the footer.
    static let styles: [ParagraphStyle] = [
        ParagraphStyle(id: "Normal", name: "Normal", basedOn: nil, format: RunFormat(size: bodySize)),
        ParagraphStyle(id: "Title", name: "Title", format: RunFormat(bold: true, size: titleSize), alignment: .center, spaceBefore: 360, keepWithNext: true),
        ParagraphStyle(id: "Subtitle", name: "Subtitle", format: RunFormat(bold: true, size: bodySize), alignment: .center, keepWithNext: true),
        ParagraphStyle(id: "Heading1", name: "heading 1", format: RunFormat(bold: true, size: bodySize), alignment: .both,
                       spaceBefore: 180, spaceAfter: 60, firstLineIndent: 567, keepWithNext: true, outlineLevel: 0),
        ParagraphStyle(id: "Heading2", name: "heading 2", format: RunFormat(bold: true, italic: true, size: bodySize), alignment: .both,
                       spaceBefore: 120, spaceAfter: 60, firstLineIndent: 567, keepWithNext: true, outlineLevel: 1),
        ParagraphStyle(id: "BodyText", name: "Body Text", format: RunFormat(size: bodySize), alignment: .both, spaceBefore: 60, spaceAfter: 60, firstLineIndent: 567),
        ParagraphStyle(id: "TableText", name: "Table Text", format: RunFormat(size: tableSize), spaceBefore: 20, spaceAfter: 20),
        ParagraphStyle(id: "TableHeading", name: "Table Heading", format: RunFormat(bold: true, size: tableSize), alignment: .center, spaceBefore: 20, spaceAfter: 20),
        ParagraphStyle(id: "Footer", name: "footer", format: RunFormat(size: footerSize)),
    ]

    // MARK: - Header, title, subject

    /// The two-column borderless table of a Party document's first lines: the superior and
    /// issuing bodies, "*" and the number left; "ĐẢNG CỘNG SẢN VIỆT NAM" over its rule, then the
    /// place and date right. It reaches a little into the left margin so that the issuing body's
    /// name stays on one line.
    func headerBlock(_ a: Assessment, width: Int) -> Table {
        let l = a.body.letterhead
        let size = Self.bodySize
        var left: [Paragraph] = []
        if let superior = vi ? l.superior : (l.superiorEn ?? l.superior) {
            left.append(Paragraph(superior, RunFormat(size: size), alignment: .center))
        }
        left.append(Paragraph(vi ? l.issuer : l.issuerEn, RunFormat(bold: true, size: size), alignment: .center))
        left.append(Paragraph("*", RunFormat(size: size), alignment: .center))
        // The number is left blank for the office's register: "Số      -BC/ĐUK".
        left.append(Paragraph((vi ? "Số" : "No.") + "      -BC/" + l.symbol, RunFormat(size: size), alignment: .center))
        var partyLine = Paragraph(vi ? Letterhead.partyLine : Letterhead.partyLineEn, RunFormat(bold: true, size: Self.partyLineSize), alignment: .center)
        partyLine.ruleBelow = true
        // The rule is as long as the words (at 15 pt bold about 4.130 twips, 5.050 in English):
        // the indents take up the rest of the cell.
        partyLine.leftIndent = vi ? 200 : 60
        partyLine.rightIndent = vi ? 200 : 60
        // An office fills in the date when it signs; the figures' own date is said in the text.
        let dateLine = vi ? "\(l.place), ngày     tháng     năm 20.." : "\(l.place), ....../....../20.."
        let right = [partyLine, Paragraph(""), Paragraph(dateLine, RunFormat(italic: true, size: size), alignment: .center)]
        // Measured in the rendered page: the issuing body at 14 pt bold takes about 4.980 twips,
        // the party line at 15 pt bold about 4.130; with the cells' margins neither wraps in these.
        // In English the party line is the longer (5.050 twips) and the bodies' names wrap anyway.
        let columns = vi ? [5500, 4800] : [4900, 5400]
        // Wider than the text: it reaches at most 350 twips into the right margin, the rest into the left.
        let indent = min(0, width + 350 - columns.reduce(0, +))
        return Table(columns: columns, rows: [TableRow([TableCell(left), TableCell(right)])], bordered: false, indent: indent)
    }

    /// "Kết quả thực hiện các chỉ tiêu Nghị quyết Đại hội lần thứ XIII, nhiệm kỳ 2015–2020" and
    /// the body it concerns, named as it was at the term's start.
    func subject(_ a: Assessment) -> [String] {
        var bodyLine = vi ? a.body.name : a.body.nameEn
        if let term = a.record.term, vi {
            let then = a.body.name(at: CalendarDate(year: term.startYear, month: 12, day: 31))
            if then != a.body.name { bodyLine = "\(then) (nay là \(a.body.name))" }
        }
        // The term on a line of its own ("…lần thứ XIII," / "nhiệm kỳ 2015–2020"): left to wrap,
        // the years break at their dash.
        var term = termLine(a)
        if let comma = term.range(of: ", ", options: .backwards) {
            term = term[..<comma.lowerBound] + ",\n" + term[comma.upperBound...]
        }
        let line = vi ? "Kết quả thực hiện các chỉ tiêu Nghị quyết \(term)" : "Attainment of the targets of the resolution of the \(term)"
        return [line, bodyLine]
    }

    func termLine(_ a: Assessment) -> String {
        a.record.term.map { words.termLine($0) } ?? (vi ? "Số liệu" : "Facts")
    }

    func titleBlock(_ a: Assessment) -> [Block] {
        var blocks: [Block] = [.paragraph(Paragraph(vi ? "BÁO CÁO" : "REPORT", style: "Title"))]
        for line in subject(a) { blocks.append(.paragraph(Paragraph(line, style: "Subtitle"))) }
        blocks.append(.paragraph(Paragraph([Run("-----")], style: "Subtitle", spaceAfter: 240)))
        return blocks
    }

    // MARK: - Body

    func bodyBlocks(_ a: Assessment, groups: [FieldGroup], label: [String: String]) -> [Block] {
        var blocks: [Block] = []
        func body(_ s: String) { blocks.append(.paragraph(Paragraph(s, style: "BodyText"))) }
        func heading(_ s: String, _ level: Int = 1) { blocks.append(.paragraph(Paragraph(s, style: "Heading\(level)"))) }
        let date = Self.documentDate(a, language: language)
        let asOf = vi ? date.vietnamese : date.description
        var opening = vi
            ? "Ban Thường vụ báo cáo kết quả thực hiện các chỉ tiêu Nghị quyết \(termLine(a)) (số liệu đến ngày \(asOf)"
            : "The standing committee reports the attainment of the targets of the resolution of the \(termLine(a)) (figures as of \(asOf)"
        if a.isRunning, let term = a.record.term {
            let elapsed = term.reportingYears.filter { $0 <= a.asOf }.count
            opening += vi
                ? "; nhiệm kỳ đang diễn ra, đánh giá tại năm \(a.asOf), đã qua \(elapsed)/\(term.reportingYears.count) năm"
                : "; the term is running, assessed as of \(a.asOf), \(elapsed) of \(term.reportingYears.count) years elapsed"
        }
        body(opening + (vi ? "), như sau:" : "), as follows:"))
        heading(vi ? "I. KẾT QUẢ CHUNG" : "I. OVERALL RESULT")
        body(words.headline(a, method: method))
        heading(vi ? "II. ĐÁNH GIÁ TỪNG CHỈ TIÊU" : "II. EACH TARGET")
        let renderer = text
        for group in groups {
            if groups.count > 1 || group.field != nil { heading(fieldName(group), 2) }
            for s in renderer.evaluations(group.targets, group.targets.map { label[$0.target.id] ?? "" }) { body(s) }
        }
        body(vi ? "Kết quả chi tiết từng chỉ tiêu tại Phụ lục kèm theo." : "The results of each target are set out in the annex.")
        // Figures reported without a target: what a congress report also says of the term.
        if !a.otherOutcomes.isEmpty {
            heading(vi ? "III. CÁC KẾT QUẢ KHÁC" : "III. OTHER OUTCOMES")
            for o in a.otherOutcomes.sorted(by: { $0.observation.period < $1.observation.period }) {
                var line = "– \(words.indicatorName(o.indicator)): \(words.value(o.observation, indicator: o.indicator)) (\(words.observed(o.observation.period)))."
                if let c = o.statedCheck { line += " " + words.stated(c) }
                body(line)
            }
        }
        return blocks
    }

    func fieldName(_ g: FieldGroup) -> String {
        g.field.map { vi ? $0.name : $0.nameEn } ?? (vi ? "Các chỉ tiêu khác" : "Other targets")
    }

    /// "Nơi nhận:" and its list bottom left; the signature block right, with room to sign.
    func signatureBlock(_ a: Assessment, width: Int) -> Table {
        let l = a.body.letterhead
        var left = [Paragraph([Run(vi ? "Nơi nhận:" : "Recipients:", RunFormat(bold: true, italic: true, size: Self.recipientsSize))], spaceBefore: 240)]
        for r in vi ? l.recipients : l.recipientsEn {
            left.append(Paragraph("- " + r + ",", RunFormat(size: Self.recipientsSize)))
        }
        if let last = left.indices.last, last > 0, var run = left[last].runs.first, case let .text(t) = run.content, t.hasSuffix(",") {
            run.content = .text(String(t.dropLast()) + ".")
            left[last].runs = [run]
        }
        var right = [Paragraph([Run(vi ? l.signedFor : l.signedForEn, RunFormat(bold: true, size: Self.bodySize))], alignment: .center, spaceBefore: 240),
                     Paragraph(vi ? l.signerTitle : l.signerTitleEn, RunFormat(bold: true, size: Self.bodySize), alignment: .center)]
        // Room for the signature, the seal and the name written below.
        right += Array(repeating: Paragraph(""), count: 4)
        let columns = [width / 2, width - width / 2]
        return Table(columns: columns, rows: [TableRow([TableCell(left), TableCell(right)])], bordered: false)
    }

    // MARK: - Annex

    func annex(_ a: Assessment, groups: [FieldGroup], label: [String: String], width: Int) -> [Block] {
        let l = a.body.letterhead
        var blocks: [Block] = [
            .paragraph(Paragraph(vi ? "PHỤ LỤC" : "ANNEX", style: "Title")),
            .paragraph(Paragraph(vi ? "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NGHỊ QUYẾT ĐẠI HỘI" : "ATTAINMENT OF THE CONGRESS RESOLUTION'S TARGETS", style: "Subtitle")),
            .paragraph(Paragraph(subject(a)[1], style: "Subtitle")),
            .paragraph(Paragraph(termLine(a), style: "Subtitle")),
            .paragraph(Paragraph([Run((vi ? "(Kèm theo Báo cáo số      -BC/" : "(Attached to report No.      -BC/") + l.symbol + ")", RunFormat(italic: true))],
                                 alignment: .center, spaceAfter: 200)),
        ]
        let columns = Self.annexColumns(width: width)
        let titles = vi
            ? ["STT", "Chỉ tiêu", "Đơn vị tính", "Nghị quyết đề ra", "Kết quả thực hiện", "Tỷ lệ % so với nghị quyết", "Đánh giá"]
            : ["No.", "Target", "Unit", "Set by the resolution", "Outcome", "% of the target", "Verdict"]
        var rows = [TableRow(titles.map { TableCell([Paragraph($0, style: "TableHeading")], verticalAlignment: .center) }, isHeader: true)]
        let renderer = text
        for group in groups {
            if groups.count > 1 || group.field != nil {
                rows.append(TableRow([
                    TableCell([Paragraph([Run(group.roman, RunFormat(bold: true))], style: "TableText", alignment: .center)], shaded: true),
                    TableCell([Paragraph([Run(fieldName(group), RunFormat(bold: true))], style: "TableText")], span: columns.count - 1, shaded: true),
                ]))
            }
            for t in group.targets {
                let status = renderer.summaryStatus(t)
                // Words carry the verdict in black and white; a target missed is set in bold besides.
                let missed = t.summary.verdict == .notMet || t.summary.progress == .atRisk || t.summary.progress == .yearMissed
                let ratio = words.attainment(t.summary).isEmpty ? words.gap(t.summary, indicator: t.indicator) : words.attainment(t.summary)
                let cells = [
                    (label[t.target.id] ?? "", Alignment.center, false),
                    (words.indicatorName(t.indicator), .left, false),
                    (words.unitWord(t.indicator), .center, false),
                    (Phrasing(words: words).targetWords(t), .left, false),
                    (renderer.summaryResult(t), .center, false),
                    (ratio, .center, false),
                    (status, .center, missed),
                ]
                var row = cells.map { text, alignment, bold in
                    TableCell([Paragraph(text.isEmpty ? [] : [Run(text, RunFormat(bold: bold))], style: "TableText", alignment: alignment)])
                }
                // The office's own band under the verdict, in its colour (its bands: the term
                // file's, else the catalogue's), as the text report grades it.
                if let att = t.summary.attainment, let band = OfficeBands.band(a.record.bands, for: att), let verdict = row.last {
                    let word = Paragraph([Run("(" + band.label + ")", RunFormat(italic: true))], style: "TableText", alignment: .center)
                    var cell = TableCell(verdict.paragraphs + [word])
                    cell.fill = band.colour
                    row[row.count - 1] = cell
                }
                rows.append(TableRow(row))
            }
        }
        rows.append(totalsRow(a, columns: columns.count))
        blocks.append(.table(Table(columns: columns, rows: rows)))
        // The body ends in a paragraph after the table, as Word writes it.
        blocks.append(.paragraph(Paragraph([Run(words.attainmentRule, RunFormat(italic: true, size: Self.recipientsSize))], spaceBefore: 120)))
        return blocks
    }

    /// "Tổng số 17 chỉ tiêu" and "Vượt: 1; đạt: 0; không đạt: 0; chưa có số liệu: 16", counted as
    /// the headline counts them (the term rows' computed verdicts).
    func totalsRow(_ a: Assessment, columns: Int) -> TableRow {
        let h = HeadlineCounts(a)
        func n(_ count: Int) -> String { words.numbers.natural(Decimal(count)) }
        var parts = [
            "\(words.verdict(.exceeded)): \(n(h.exceeded))",
            "\(words.verdict(.met)): \(n(h.met - h.exceeded))",
            "\(words.verdict(.notMet)): \(n(h.notMet))",
            "\(words.verdict(.noData)): \(n(h.noData))",
        ]
        if h.undetermined > 0 { parts.append("\(words.verdict(.undetermined)): \(n(h.undetermined))") }
        // Inside a running term: the targets by the status the verdict column shows.
        for (status, count) in words.runningCounts(a, method: method) where count > 0 { parts.append("\(status): \(n(count))") }
        let total = vi ? "Tổng số: \(n(h.total)) chỉ tiêu" : "Total: \(n(h.total)) \(h.total == 1 ? "target" : "targets")"
        let list = parts.joined(separator: "; ")
        return TableRow([
            TableCell([Paragraph([Run(total, RunFormat(bold: true))], style: "TableText")], span: 2),
            TableCell([Paragraph([Run(list.prefix(1).uppercased() + list.dropFirst(), RunFormat(bold: true))], style: "TableText")], span: columns - 2),
        ])
    }


    // MARK: - Date

    /// The date the figures stand at, by the workbook's rule (`ReviewWorkbook.properties`: the
    /// newest figure, capped by its source's date), so that the two documents of a term agree.
    static func documentDate(_ a: Assessment, language: ReportLanguage) -> CalendarDate {
        let seconds = ReviewWorkbook(language: language).properties(a).created
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let c = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: TimeInterval(seconds)))
        return CalendarDate(year: c.year ?? a.asOf, month: c.month, day: c.day)
    }
}
