import ChiTieuCore
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XlsxRead

/// A figure read from a form, ready to be written into the data.
public struct FormFigure: Sendable, Hashable {
    /// What the cell held.
    public enum Value: Sendable, Hashable {
        /// A count, an amount or a percent.
        case number(Decimal)
        /// A share as numerator and denominator.
        case share(Decimal, Decimal)
        /// A rating level's id.
        case rating(String)
    }

    /// The target's id in the term file.
    public var targetID: String
    /// The target's indicator.
    public var indicatorID: String
    /// The reporting year.
    public var year: Int
    /// The figure.
    public var value: Value
    /// Where it was read: `bieu-mau.xlsx:Biểu mẫu!E10` (`…!E11:E12` for a share's two cells).
    public var cell: String
    /// The source document the unit named, if any.
    public var document: String?
    /// The document's date, if given.
    public var documentDate: CalendarDate?
    /// The unit's note, if any.
    public var note: String?
    /// The row's words and the figure as typed, kept as the outcome's quote.
    public var quote: String
}

/// What one filled form gave: its identity and figures, or the problems that keep it out.
public struct FormReading: Sendable {
    /// The form's path as given.
    public var path: String
    /// Who the form is for, when its identity could be read.
    public var identity: FormIdentity?
    /// The term file its figures belong to.
    public var recordFile: String?
    /// The figures, in row and year order.
    public var figures: [FormFigure] = []
    /// Every problem found, each at its cell; a form with any is not imported.
    public var errors: [XlsxReadError] = []

    /// Whether the form can be imported.
    public var isClean: Bool { errors.isEmpty && identity != nil }
}

/// Reads filled forms back: checks the identity against the data, then reads every input cell.
public enum FormReader {
    /// Reads several forms, on every core: each form is read on its own, and the readings come
    /// back in the order of the paths.
    public static func read(_ paths: [String], ledger: Ledger, limits: ReadLimits = ReadLimits()) -> [FormReading] {
        let results = Results(count: paths.count)
        // libxml2 sets itself up on its first parse; that first parse happens here, on one thread.
        _ = XMLParser(data: Data("<a/>".utf8)).parse()
        DispatchQueue.concurrentPerform(iterations: paths.count) { i in
            results.set(i, read(paths[i], ledger: ledger, limits: limits))
        }
        return results.all(paths)
    }

    /// The readings as they arrive from the threads; a lock guards the array.
    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [FormReading?]
        init(count: Int) { items = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ r: FormReading) {
            lock.lock()
            items[i] = r
            lock.unlock()
        }
        func all(_ paths: [String]) -> [FormReading] {
            lock.lock()
            defer { lock.unlock() }
            return items.enumerated().map { $1 ?? FormReading(path: paths[$0]) }
        }
    }

    /// Reads a form.
    /// - Parameters:
    ///   - path: the .xlsx file.
    ///   - ledger: the data, to check the body, term, unit and targets and to read ratings.
    ///   - limits: what the workbook may hold (hostile workbooks are refused).
    public static func read(_ path: String, ledger: Ledger, limits: ReadLimits = ReadLimits()) -> FormReading {
        var reading = FormReading(path: path)
        do {
            if path.lowercased().hasSuffix(".csv") {
                try FormCSVReader.read(path, ledger: ledger, into: &reading)
            } else {
                try readForm(path, ledger: ledger, limits: limits, into: &reading)
            }
        } catch let e as XlsxReadError {
            reading.errors.append(e)
        } catch {
            reading.errors.append(XlsxReadError(path: path, place: nil, "\(error)"))
        }
        return reading
    }

    static func readForm(_ path: String, ledger: Ledger, limits: ReadLimits, into reading: inout FormReading) throws {
        let file = try XlsxFile(path: path, limits: limits)
        func fail(_ place: String?, _ message: String) -> XlsxReadError { XlsxReadError(path: path, place: place, message) }
        guard file.sheets.contains(where: { $0.name == FormLayout.identitySheet }), file.sheets.contains(where: { $0.name == FormLayout.sheet }) else {
            throw fail(nil, "không phải biểu mẫu của chitieu (không có trang \"\(FormLayout.sheet)\" và trang ẩn \"\(FormLayout.identitySheet)\"); điền vào biểu mẫu do lệnh chitieu form tạo ra")
        }
        for extra in file.sheets where extra.name != FormLayout.sheet && extra.name != FormLayout.identitySheet {
            reading.errors.append(fail(extra.name, "biểu mẫu có thêm trang tính \"\(extra.name)\"; xoá trang này (số liệu chỉ được đọc ở trang \"\(FormLayout.sheet)\") rồi gửi lại"))
        }
        let identitySheet = try file.sheet(named: FormLayout.identitySheet)
        var lines: [[String]] = []
        let rowsUsed = Set(identitySheet.cells.keys.map(\.row)).sorted()
        for r in rowsUsed {
            let columns = identitySheet.cells.keys.filter { $0.row == r }.map(\.column).sorted()
            lines.append(columns.compactMap { c in
                switch identitySheet[CellReference(row: r, column: c)]?.content {
                case let .text(s)?: return s
                case let .number(n)?: return n
                default: return nil
                }
            })
        }
        let identity: FormIdentity
        switch FormIdentity.parse(lines) {
        case let .success(i): identity = i
        case .failure(.notAForm):
            throw fail(FormLayout.identitySheet, "trang nhận dạng không phải của biểu mẫu chitieu; điền vào biểu mẫu do lệnh chitieu form tạo ra")
        case .failure(.edited):
            throw fail(FormLayout.identitySheet, "thông tin nhận dạng của biểu mẫu đã bị sửa (không khớp mã kiểm tra); không nhận biểu mẫu này: tạo lại bằng chitieu form và điền lại")
        }
        guard identity.version == FormLayout.version else {
            throw fail(nil, "biểu mẫu phiên bản \(identity.version), chương trình đọc phiên bản \(FormLayout.version); tạo biểu mẫu mới bằng chitieu form và chép số liệu sang")
        }
        guard let record = ledger.records.first(where: { r in
            guard r.bodyID == identity.bodyID, let t = r.term else { return false }
            return "\(t.startYear)-\(t.endYear)" == identity.term
        }) else {
            throw fail(nil, "biểu mẫu của \(identity.bodyID) nhiệm kỳ \(identity.term), nhưng dữ liệu không có tệp nhiệm kỳ này; nhập vào đúng thư mục dữ liệu hoặc tạo tệp nhiệm kỳ trước")
        }
        if let unit = identity.unitID {
            guard let body = ledger.bodies[unit], body.parent == identity.bodyID else {
                throw fail(nil, "biểu mẫu của đơn vị \(unit), nhưng bodies.yaml không có đơn vị này với 'parent: \(identity.bodyID)'; thêm đơn vị vào bodies.yaml")
            }
        }
        reading.identity = identity
        reading.recordFile = record.file
        let sheet = try file.sheet(named: FormLayout.sheet)
        readGrid(sheet, label: FormLayout.sheet, identity: identity, record: record, ledger: ledger, file: file, path: path, into: &reading)
    }

    /// Reads the input grid of a form's sheet (from an .xlsx, or rebuilt from a CSV export).
    /// - Parameters:
    ///   - label: the sheet's name in cell positions (`Biểu mẫu!E10`); nil for a CSV (`E10`).
    ///   - file: the workbook, for its cell formats (dates, percentages); nil for a CSV.
    static func readGrid(_ sheet: Sheet, label: String?, identity: FormIdentity, record: Record, ledger: Ledger, file: XlsxFile?, path: String, into reading: inout FormReading) {
        func fail(_ place: String?, _ message: String) -> XlsxReadError { XlsxReadError(path: path, place: place, message) }
        let name = (path as NSString).lastPathComponent
        func place(_ r: Int, _ c: Int) -> String { (label.map { "\($0)!" } ?? "") + "\(CellReference(row: r, column: c))" }
        func place(_ ref: CellReference) -> String { place(ref.row, ref.column) }
        func text(_ r: Int, _ c: Int) -> String? {
            switch sheet[CellReference(row: r, column: c)]?.content {
            case let .text(s)?: return s.trimmingCharacters(in: .whitespacesAndNewlines)
            case let .number(n)?: return n
            default: return nil
            }
        }
        // The layout must be the one written: a moved row or column would put figures under the wrong target.
        for (i, year) in identity.years.enumerated() where text(FormLayout.headerRow, FormLayout.firstYearColumn + i) != "Năm \(year)" {
            reading.errors.append(fail(place(FormLayout.headerRow, FormLayout.firstYearColumn + i), "ô tiêu đề phải là \"Năm \(year)\"; cột đã bị thêm, xoá hoặc di chuyển: điền lại vào biểu mẫu gốc"))
        }
        let targets = Dictionary(record.targets.map { ($0.sentenceID, $0) }, uniquingKeysWith: { a, _ in a })
        let n = identity.years.count
        var pending: [Int: (row: FormRow, cell: CellReference, value: Decimal, typed: String)] = [:]
        // A share's source, date and note may be written on either of its two rows.
        var shareContext: (document: String?, date: CalendarDate?, note: String?) = (nil, nil, nil)
        for row in identity.rows {
            guard text(row.row, FormLayout.idColumn) == row.targetID else {
                reading.errors.append(fail(place(row.row, FormLayout.idColumn), "ô này phải ghi mã chỉ tiêu \"\(row.targetID)\"; hàng đã bị thêm, xoá hoặc di chuyển: điền lại vào biểu mẫu gốc"))
                continue
            }
            guard let target = targets[row.targetID], let indicator = ledger.indicators[target.indicatorID] else {
                reading.errors.append(fail(place(row.row, FormLayout.idColumn), "chỉ tiêu \"\(row.targetID)\" không còn trong \(record.file); tạo lại biểu mẫu bằng chitieu form"))
                continue
            }
            var document = text(row.row, FormLayout.sourceColumn(years: n)).flatMap { $0.isEmpty ? nil : $0 }
            var note = text(row.row, FormLayout.noteColumn(years: n)).flatMap { $0.isEmpty ? nil : $0 }
            var documentDate: CalendarDate?
            let dateRef = CellReference(row: row.row, column: FormLayout.dateColumn(years: n))
            if let cell = sheet[dateRef] {
                if let d = file?.date(of: cell) {
                    documentDate = CalendarDate(year: d.year, month: d.month, day: d.day)
                } else if case let .text(t) = cell.content, let d = parseDate(t) {
                    documentDate = d
                } else {
                    reading.errors.append(fail(place(dateRef.row, dateRef.column), "ngày văn bản không đọc được; ghi ngày/tháng/năm, ví dụ 20/12/2024"))
                }
            }
            if row.part == .numerator {
                shareContext = (document, documentDate, note)
            } else if row.part == .denominator {
                document = document ?? shareContext.document
                documentDate = documentDate ?? shareContext.date
                note = note ?? shareContext.note
            }
            for (i, year) in identity.years.enumerated() {
                let ref = CellReference(row: row.row, column: FormLayout.firstYearColumn + i)
                if let range = sheet.mergedRange(containing: ref) {
                    reading.errors.append(fail(place(ref.row, ref.column), "ô nhập liệu bị gộp (\(range)); bỏ gộp ô, mỗi năm một ô"))
                    continue
                }
                guard let cell = sheet[ref] else { continue }
                guard row.years.contains(year) else {
                    reading.errors.append(fail(place(ref.row, ref.column), "chỉ tiêu \"\(row.targetID)\" không có số liệu năm \(year) (ô màu xám); xoá số ở ô này"))
                    continue
                }
                let figurePlace = place(ref.row, ref.column)
                switch read(cell, row: row, indicator: indicator, file: file) {
                case let .failure(message):
                    reading.errors.append(fail(figurePlace, message.description))
                case .success(nil):
                    continue
                case let .success((value, typed)?):
                    let ask = FormWriter.ask(row.part, indicator)
                    func figure(_ v: FormFigure.Value, _ cellText: String, _ quote: String) -> FormFigure {
                        FormFigure(targetID: row.targetID, indicatorID: indicator.id, year: year, value: v, cell: "\(name):\(cellText)", document: document, documentDate: documentDate, note: note, quote: quote)
                    }
                    switch row.part {
                    case .rating:
                        if case let .rating(level) = value { reading.figures.append(figure(.rating(level), figurePlace, "\(ask) năm \(year): \(typed)")) }
                    case .value:
                        if case let .number(v) = value { reading.figures.append(figure(.number(v), figurePlace, "\(indicator.name) năm \(year): \(typed)")) }
                    case .numerator:
                        if case let .number(v) = value { pending[year] = (row, ref, v, typed) }
                    case .denominator:
                        guard case let .number(d) = value else { continue }
                        guard let num = pending.removeValue(forKey: year), num.row.targetID == row.targetID else {
                            reading.errors.append(fail(figurePlace, "có tổng số (mẫu số) nhưng thiếu số đạt (tử số) năm \(year) ở hàng trên; ghi cả hai số hoặc để trống cả hai"))
                            continue
                        }
                        if num.value > d {
                            reading.errors.append(fail(place(num.cell), "số đạt \(num.typed) lớn hơn tổng số \(typed) (ô \(ref)); kiểm tra lại hai số"))
                            continue
                        }
                        guard d > 0 else {
                            reading.errors.append(fail(figurePlace, "tổng số (mẫu số) bằng 0: không tính được tỷ lệ; ghi tổng số thật hoặc để trống cả hai ô"))
                            continue
                        }
                        let range = "\(place(num.cell)):\(ref)"
                        reading.figures.append(figure(.share(num.value, d), range, "\(indicator.name) năm \(year): \(num.typed)/\(typed)"))
                    }
                }
            }
            if row.part == .denominator {
                for (year, num) in pending where num.row.targetID == row.targetID {
                    reading.errors.append(fail(place(num.cell), "có số đạt (tử số) nhưng thiếu tổng số (mẫu số) năm \(year) ở hàng dưới; ghi cả hai số hoặc để trống cả hai"))
                    pending[year] = nil
                }
            }
        }
        // Cells outside the input grid with content where a figure could be lost: anything typed
        // right of the note column or below the last row is pointed out rather than ignored.
        let lastRow = identity.rows.map(\.row).max() ?? FormLayout.headerRow
        for ref in sheet.cells.keys.sorted() where ref.row > lastRow || (ref.row > FormLayout.headerRow && ref.column > FormLayout.noteColumn(years: n)) {
            reading.errors.append(fail(place(ref.row, ref.column), "ô ngoài bảng nhập liệu có nội dung; số liệu chỉ được đọc ở các ô màu vàng: chuyển vào đúng ô hoặc xoá"))
        }
    }

    enum Read { case number(Decimal), rating(String) }

    /// A cell's figure: nil for an empty one, a message when it cannot be read.
    static func read(_ cell: Cell, row: FormRow, indicator: Indicator, file: XlsxFile?) -> Result<(Read, String)?, MessageError> {
        var typed: String
        var value: Decimal
        switch cell.content {
        case let .error(e):
            return .failure(MessageError("công thức trong ô trả về lỗi \(e); ghi con số, không dùng công thức lỗi"))
        case .boolean:
            return .failure(MessageError("ô ghi TRUE/FALSE; ghi một con số"))
        case .noCachedValue:
            return .failure(MessageError("ô có công thức =\(cell.formula ?? "") chưa được tính (tệp không lưu kết quả); ghi con số, hoặc mở bằng Excel/LibreOffice và lưu lại"))
        case .isoDate:
            return .failure(MessageError("ô ghi một ngày; ghi một con số"))
        case let .text(t):
            let trimmed = t.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { return .success(nil) }
            if row.part == .rating {
                guard let scale = indicator.scale, let rank = scale.rank(of: trimmed) else {
                    let names = indicator.scale?.levels.map { "\"\($0.name)\"" }.joined(separator: ", ") ?? ""
                    return .failure(MessageError("\"\(trimmed)\" không phải mức xếp loại; chọn một trong: \(names)"))
                }
                return .success((.rating(scale.levels[rank].id), scale.levels[rank].name))
            }
            do {
                // Only an amount may fall below zero (a growth rate, a change in points).
                let parsed = indicator.unit == .amount ? try VietnameseNumber.parseSigned(trimmed) : try VietnameseNumber.parse(trimmed)
                if parsed.isPercent, !(row.part == .value && indicator.unit == .percent) {
                    return .failure(MessageError("\"\(trimmed)\" là tỷ lệ phần trăm, ô này cần \(row.part == .value ? "một số" : "một số đếm"); ghi số, không ghi %"))
                }
                value = parsed.value
                typed = trimmed
            } catch {
                return .failure(MessageError("\"\(trimmed)\" không phải số viết theo kiểu Việt Nam (\(error)); ghi ví dụ 1.234 hoặc 91,5"))
            }
        case let .number(text):
            guard let v = cell.decimal else { return .failure(MessageError("ô số \"\(text)\" không đọc được; ghi lại con số")) }
            if row.part == .rating { return .failure(MessageError("ô xếp loại ghi một số; chọn mức xếp loại trong danh sách")) }
            value = v
            typed = VietnameseText.format(v)
            // A percent typed into the cell ("91,5%") is stored as 0,915 with a percent format.
            if row.part == .value, indicator.unit == .percent, file?.isPercentFormat(cell.styleIndex) == true {
                value = v * 100
                typed = VietnameseText.format(value) + "%"
            }
        }
        switch (row.part, indicator.unit) {
        case (.numerator, _), (.denominator, _), (.value, .count):
            guard value >= 0, value == value.rounded0 else {
                return .failure(MessageError("\(typed) không phải số nguyên từ 0 trở lên; ô này đếm \(indicator.noun ?? "số lượng"): ghi số nguyên (ví dụ 1.234)"))
            }
        case (.value, .percent):
            guard value >= 0, value <= 100 else { return .failure(MessageError("tỷ lệ \(typed) nằm ngoài 0–100; ghi số phần trăm, ví dụ 91,5")) }
        default:
            break
        }
        return .success((.number(value), typed))
    }

    /// `20/12/2024` or `2024-12-20`.
    static func parseDate(_ text: String) -> CalendarDate? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let iso = CalendarDate(iso: t), iso.day != nil { return iso }
        let parts = t.split(separator: "/").map { Int($0) }
        guard parts.count == 3, let d = parts[0], let m = parts[1], let y = parts[2], (1...12).contains(m), (1...31).contains(d), y >= 1900 else { return nil }
        return CalendarDate(year: y, month: m, day: d)
    }
}

/// An error that is its own words (a Vietnamese message for the cell it is found at).
public struct MessageError: Error, Sendable, CustomStringConvertible {
    /// The words.
    public var description: String
    init(_ s: String) { description = s }
}

extension Decimal {
    var rounded0: Decimal {
        var v = self, r = Decimal()
        NSDecimalRound(&r, &v, 0, .plain)
        return r
    }
}

/// Figures written the Vietnamese way for the data files: `1.234`, `91,5`.
public enum VietnameseText {
    /// The exact digits of a decimal, grouped with dots, with a decimal comma.
    public static func format(_ v: Decimal) -> String {
        let plain = NSDecimalNumber(decimal: v).description(withLocale: Locale(identifier: "en_US_POSIX"))
        var negative = false
        var body = Substring(plain)
        if body.hasPrefix("-") { negative = true; body = body.dropFirst() }
        let parts = body.split(separator: ".", maxSplits: 1)
        let digits = Array(parts.first ?? "0")
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(".") }
            out.append(ch)
        }
        if parts.count == 2 { out += "," + parts[1] }
        return (negative ? "-" : "") + out
    }
}
