import Foundation
import ZIPFoundation

/// An .xlsx workbook opened for reading: its sheets, defined names, shared strings, cell
/// formats and date system. Sheets are read on demand with `sheet(named:)`.
///
/// Reads what Excel, LibreOffice, openpyxl and libxlsxwriter write: shared strings (rich text
/// runs joined, phonetic runs left out), inline strings, numbers kept as their text, booleans,
/// errors, formulas with their cached values, and the 1900 or 1904 date system.
public final class XlsxFile {
    /// A sheet as the workbook lists it.
    public struct SheetInfo: Hashable, Sendable {
        /// Its name.
        public var name: String
        /// `visible`, `hidden` or `veryHidden`.
        public var state: String
        /// The part holding it (`xl/worksheets/sheet1.xml`).
        public var part: String
    }

    /// A defined name (`<definedName>`).
    public struct DefinedName: Hashable, Sendable {
        /// The name.
        public var name: String
        /// What it refers to, as written (`'Biểu mẫu'!$C$7`, or a quoted constant `"v1"`).
        public var formula: String
        /// The sheet it is local to, by position in `sheets`; nil for a workbook-wide name.
        public var localSheet: Int?
        /// Whether it is hidden from the name box.
        public var hidden: Bool
    }

    /// The path given to `init`.
    public let path: String
    /// The sheets in workbook order.
    public private(set) var sheets: [SheetInfo] = []
    /// The defined names in file order.
    public private(set) var definedNames: [DefinedName] = []
    /// Whether dates count from 1904 (`<workbookPr date1904="1"/>`).
    public private(set) var date1904 = false
    /// The shared-string table.
    public private(set) var sharedStrings: [String] = []

    private let archive: Archive
    private let limits: ReadLimits
    private var bytesRead = 0
    private var cellFormats: [Int] = []
    private var customFormats: [Int: String] = [:]

    /// Opens a workbook and reads its workbook part, shared strings and styles.
    /// - Throws: `XlsxReadError` for a file that is not an .xlsx (a .xls, an .ods or a text file
    ///   renamed), a part past the limits (a zip bomb), or broken XML.
    public init(path: String, limits: ReadLimits = ReadLimits()) throws {
        self.path = path
        self.limits = limits
        try Self.sniff(path)
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw XlsxReadError(path: path, place: nil, "không mở được tệp nén .xlsx (\(error)); tệp hỏng hoặc không phải .xlsx: mở và lưu lại bằng Excel hoặc LibreOffice dưới dạng .xlsx")
        }
        if let mimetype = archive["mimetype"], let data = try? read(mimetype, part: "mimetype"),
           String(decoding: data, as: UTF8.self).contains("opendocument") {
            throw XlsxReadError(path: path, place: nil, "đây là tệp OpenDocument (.ods) được đổi tên thành .xlsx; mở bằng LibreOffice và lưu dưới dạng Excel 2007-365 (.xlsx)")
        }
        let workbookPart = try officeDocumentPart()
        try readWorkbook(workbookPart)
        try readSharedStrings()
        try readStyles()
    }

    /// Refuses by name what is not a zip: an Excel 97–2003 file (or an encrypted .xlsx, which is
    /// stored the same way) and text.
    private static func sniff(_ path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw XlsxReadError(path: path, place: nil, "không đọc được tệp; kiểm tra đường dẫn và quyền đọc")
        }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: 8)) ?? Data())
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            throw XlsxReadError(path: path, place: nil, "đây là tệp Excel 97-2003 (.xls) hoặc tệp .xlsx có đặt mật khẩu; gỡ mật khẩu và lưu dưới dạng Excel Workbook (.xlsx)")
        }
        guard head.starts(with: [0x50, 0x4B, 0x03, 0x04]) else {
            throw XlsxReadError(path: path, place: nil, head.isEmpty ? "tệp rỗng; gửi lại biểu mẫu đã lưu dưới dạng .xlsx" : "tệp không phải .xlsx (không phải tệp nén ZIP); lưu lại bằng Excel hoặc LibreOffice dưới dạng .xlsx")
        }
    }

    /// Decompresses a part, refusing one that expands past the limits whatever its header claims.
    private func read(_ entry: Entry, part: String) throws -> Data {
        let limit = min(limits.partBytes, limits.totalBytes - bytesRead)
        guard entry.uncompressedSize <= UInt64(max(limit, 0)) else {
            throw XlsxReadError(path: path, place: part, "phần này giải nén ra \(entry.uncompressedSize) byte, quá giới hạn \(limits.partBytes) byte (có thể là tệp \"bom nén\"); không đọc tệp này, yêu cầu gửi lại biểu mẫu gốc")
        }
        var data = Data()
        data.reserveCapacity(Int(entry.uncompressedSize))
        let tooBig = XlsxReadError(path: path, place: part, "phần này giải nén vượt giới hạn \(limits.partBytes) byte dù phần đầu khai ít hơn (tệp bị sửa hoặc \"bom nén\"); không đọc tệp này, yêu cầu gửi lại biểu mẫu gốc")
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                if data.count + chunk.count > limit { throw tooBig }
                data.append(chunk)
            }
        } catch let e as XlsxReadError {
            throw e
        } catch {
            throw XlsxReadError(path: path, place: part, "không giải nén được (\(error)); tệp hỏng: yêu cầu gửi lại")
        }
        bytesRead += data.count
        return data
    }

    private func part(_ name: String, required: Bool) throws -> Data? {
        guard let entry = archive[name] else {
            if required { throw XlsxReadError(path: path, place: name, "thiếu phần \(name) của tệp .xlsx; tệp hỏng hoặc không phải .xlsx: lưu lại bằng Excel hoặc LibreOffice") }
            return nil
        }
        return try read(entry, part: name)
    }

    private func parse(_ data: Data, part: String, start: @escaping (Substring, [String: String]) throws -> Void, end: @escaping (Substring) throws -> Void = { _ in }, text: @escaping (String) -> Void = { _ in }) throws {
        let sax = SAX()
        sax.start = start
        sax.end = end
        sax.text = text
        try sax.parse(data, path: path, part: part)
    }

    /// The main part, from the package relationships (`xl/workbook.xml` in every writer seen).
    private func officeDocumentPart() throws -> String {
        var found: String?
        if let rels = try part("_rels/.rels", required: false) {
            try parse(rels, part: "_rels/.rels", start: { name, a in
                if name == "Relationship", found == nil, let type = a["Type"], type.hasSuffix("/officeDocument"), let target = a["Target"] {
                    found = target.hasPrefix("/") ? String(target.dropFirst()) : target
                }
            })
        }
        return found ?? "xl/workbook.xml"
    }

    private static func resolve(_ target: String, from base: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = base.split(separator: "/").dropLast().map(String.init)
        for piece in target.split(separator: "/") {
            if piece == ".." { _ = parts.popLast() } else if piece != "." { parts.append(String(piece)) }
        }
        return parts.joined(separator: "/")
    }

    private func readWorkbook(_ workbookPart: String) throws {
        let data = try part(workbookPart, required: true) ?? Data()
        var listed: [(name: String, state: String, id: String)] = []
        var nameAttributes: [String: String]?
        var nameText = ""
        try parse(data, part: workbookPart, start: { name, a in
            switch name {
            case "workbookPr":
                if let v = a["date1904"] { self.date1904 = v == "1" || v == "true" }
            case "sheet":
                listed.append((a["name"] ?? "", a["state"] ?? "visible", a.attribute("id") ?? ""))
            case "definedName":
                nameAttributes = a
                nameText = ""
            default:
                break
            }
        }, end: { name in
            if name == "definedName", let a = nameAttributes {
                self.definedNames.append(DefinedName(name: a["name"] ?? "", formula: nameText, localSheet: a["localSheetId"].flatMap { Int($0) }, hidden: a["hidden"] == "1" || a["hidden"] == "true"))
                nameAttributes = nil
            }
        }, text: { s in
            if nameAttributes != nil { nameText += s }
        })
        var targets: [String: String] = [:]
        let relsPart = Self.resolve("_rels/" + (workbookPart.split(separator: "/").last.map(String.init) ?? "workbook.xml") + ".rels", from: workbookPart)
        if let rels = try part(relsPart, required: true) {
            try parse(rels, part: relsPart, start: { name, a in
                if name == "Relationship", let id = a["Id"], let target = a["Target"] {
                    targets[id] = Self.resolve(target, from: workbookPart)
                }
            })
        }
        sheets = try listed.map { s in
            guard let target = targets[s.id] else {
                throw XlsxReadError(path: path, place: workbookPart, "trang tính \"\(s.name)\" không trỏ tới phần nào; tệp hỏng: lưu lại bằng Excel hoặc LibreOffice")
            }
            return SheetInfo(name: s.name, state: s.state, part: target)
        }
    }

    private func readSharedStrings() throws {
        let partName = "xl/sharedStrings.xml"
        guard let data = try part(partName, required: false) else { return }
        var inItem = false, inText = false, phonetic = 0
        var current = ""
        var strings: [String] = []
        let limit = limits.sharedStrings
        let path = self.path
        try parse(data, part: partName, start: { name, a in
            switch name {
            case "sst":
                // A declared size past the limit is refused before any of it is read.
                if let n = a["uniqueCount"].flatMap({ Int($0) }), n > limit {
                    throw XlsxReadError(path: path, place: partName, "bảng chuỗi dùng chung khai \(n) mục, quá giới hạn \(limit); biểu mẫu thật chỉ có vài trăm: yêu cầu gửi lại biểu mẫu gốc")
                }
                strings.reserveCapacity(min(Int(a["uniqueCount"] ?? "") ?? 0, limit))
            case "si":
                guard strings.count < limit else {
                    throw XlsxReadError(path: path, place: partName, "bảng chuỗi dùng chung có hơn \(limit) mục; biểu mẫu thật chỉ có vài trăm: yêu cầu gửi lại biểu mẫu gốc")
                }
                inItem = true
                current = ""
            case "rPh":
                phonetic += 1
            case "t":
                inText = inItem && phonetic == 0
            default:
                break
            }
        }, end: { name in
            switch name {
            case "si":
                strings.append(current)
                inItem = false
            case "rPh":
                phonetic -= 1
            case "t":
                inText = false
            default:
                break
            }
        }, text: { s in
            if inText { current += s }
        })
        sharedStrings = strings
    }

    private func readStyles() throws {
        let partName = "xl/styles.xml"
        guard let data = try part(partName, required: false) else { return }
        var inCellXfs = false
        var formats: [Int] = []
        var custom: [Int: String] = [:]
        try parse(data, part: partName, start: { name, a in
            switch name {
            case "numFmt":
                if let id = a["numFmtId"].flatMap({ Int($0) }) { custom[id] = a["formatCode"] ?? "" }
            case "cellXfs":
                inCellXfs = true
            case "xf" where inCellXfs:
                formats.append(a["numFmtId"].flatMap { Int($0) } ?? 0)
            default:
                break
            }
        }, end: { name in
            if name == "cellXfs" { inCellXfs = false }
        })
        cellFormats = formats
        customFormats = custom
    }

    /// Whether a cell format shows its number as a date: one of Excel's built-in date formats or a
    /// format code with day, month or year in it (outside quoted text and `[…]` sections).
    public func isDateFormat(_ styleIndex: Int) -> Bool {
        guard styleIndex >= 0, styleIndex < cellFormats.count else { return false }
        let id = cellFormats[styleIndex]
        if (14...22).contains(id) || (27...36).contains(id) || (45...47).contains(id) || (50...58).contains(id) { return true }
        guard let code = customFormats[id] else { return false }
        var quoted = false, bracket = false, escaped = false
        for ch in code.lowercased() {
            if escaped { escaped = false; continue }
            switch ch {
            case "\\": escaped = true
            case "\"": quoted.toggle()
            case "[" where !quoted: bracket = true
            case "]" where !quoted: bracket = false
            case "d" where !quoted && !bracket, "m" where !quoted && !bracket, "y" where !quoted && !bracket: return true
            default: break
            }
        }
        return false
    }

    /// Whether a cell format shows its number as a percentage (the number is then the fraction:
    /// 0,915 shows as 91,5 %): built-in formats 9 and 10, or a code with `%` outside quoted text.
    public func isPercentFormat(_ styleIndex: Int) -> Bool {
        guard styleIndex >= 0, styleIndex < cellFormats.count else { return false }
        let id = cellFormats[styleIndex]
        if id == 9 || id == 10 { return true }
        guard let code = customFormats[id] else { return false }
        var quoted = false, escaped = false
        for ch in code {
            if escaped { escaped = false; continue }
            switch ch {
            case "\\": escaped = true
            case "\"": quoted.toggle()
            case "%" where !quoted: return true
            default: break
            }
        }
        return false
    }

    /// The day a number cell shows, when its format is a date; nil otherwise.
    public func date(of cell: Cell) -> SpreadsheetDate? {
        guard isDateFormat(cell.styleIndex), let value = cell.decimal, value >= 0 else { return nil }
        var whole = Decimal()
        var v = value
        NSDecimalRound(&whole, &v, 0, .down)
        guard let days = Int(exactly: NSDecimalNumber(decimal: whole).int64Value) else { return nil }
        return SpreadsheetDate(serial: days, date1904: date1904)
    }

    /// The sheet of that name.
    /// - Throws: `XlsxReadError` when there is none, or for what `Sheet.init` refuses.
    public func sheet(named name: String) throws -> Sheet {
        guard let info = sheets.first(where: { $0.name == name }) else {
            throw XlsxReadError(path: path, place: nil, "không có trang tính \"\(name)\"; các trang có: \(sheets.map { "\"\($0.name)\"" }.joined(separator: ", "))")
        }
        let data = try part(info.part, required: true) ?? Data()
        return try Sheet(data, info: info, file: self)
    }

    func parseSheet(_ data: Data, part: String, start: @escaping (Substring, [String: String]) throws -> Void, end: @escaping (Substring) throws -> Void, text: @escaping (String) -> Void) throws {
        try parse(data, part: part, start: start, end: end, text: text)
    }

    var cellLimit: Int { limits.cellsPerSheet }
}
