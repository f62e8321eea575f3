import Foundation

/// The cells of one sheet, with its merged ranges and whether it is protected.
public struct Sheet: Sendable {
    /// Its name.
    public var name: String
    /// `visible`, `hidden` or `veryHidden`.
    public var state: String
    /// Cells with content, by place. A cell with only a format is not kept: it holds no figure.
    public var cells: [CellReference: Cell]
    /// The merged ranges.
    public var merged: [CellRange]
    /// Whether the sheet's protection is on (`<sheetProtection sheet="1">`).
    public var isProtected: Bool

    /// The cell at a place, nil when it is empty.
    public subscript(_ reference: CellReference) -> Cell? { cells[reference] }

    /// A sheet made of given cells (a table read from elsewhere, such as a CSV export of a sheet).
    public init(name: String, cells: [CellReference: Cell], merged: [CellRange] = [], isProtected: Bool = false) {
        self.name = name
        state = "visible"
        self.cells = cells
        self.merged = merged
        self.isProtected = isProtected
    }

    /// The merged range a cell lies in, if any.
    public func mergedRange(containing cell: CellReference) -> CellRange? {
        merged.first { $0.contains(cell) }
    }

    init(_ data: Data, info: XlsxFile.SheetInfo, file: XlsxFile) throws {
        name = info.name
        state = info.state
        var cells: [CellReference: Cell] = [:]
        var merged: [CellRange] = []
        var isProtected = false
        let path = file.path
        let part = info.part
        let sheetName = info.name
        let shared = file.sharedStrings
        let cellLimit = file.cellLimit

        // The cell being read.
        var row = 0, column = 0
        var type = "n", style = 0
        var value = "", formula = "", hasFormula = false, hasValue = false
        var capture: Capture = .none
        var inInline = false, phonetic = 0

        enum Capture { case none, value, formula, inline }

        func place(_ r: CellReference) -> String { "\(sheetName)!\(r)" }

        try file.parseSheet(data, part: part, start: { name, a in
            switch name {
            case "row":
                if let r = a["r"].flatMap({ Int($0) }) { row = r } else { row += 1 }
                column = 0
            case "c":
                // A cell without `r` follows the previous one in its row.
                if let r = a["r"] {
                    guard let ref = CellReference(r) else {
                        throw XlsxReadError(path: path, place: sheetName, "ô có địa chỉ không hợp lệ \"\(r)\"; tệp hỏng: lưu lại bằng Excel hoặc LibreOffice")
                    }
                    row = ref.row
                    column = ref.column
                } else {
                    column += 1
                }
                type = a["t"] ?? "n"
                style = a["s"].flatMap { Int($0) } ?? 0
                value = ""; formula = ""; hasFormula = false; hasValue = false
            case "v":
                capture = .value; hasValue = true
            case "f":
                capture = .formula; hasFormula = true
            case "is":
                inInline = true; hasValue = true
            case "rPh":
                phonetic += 1
            case "t" where inInline && phonetic == 0:
                capture = .inline
            case "mergeCell":
                if let ref = a["ref"], let range = CellRange(ref) { merged.append(range) }
            case "sheetProtection":
                isProtected = a["sheet"] == "1" || a["sheet"] == "true"
            case "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "drawing", "legacyDrawing", "tableParts", "extLst":
                // The schema puts these after the cells, the protection and the merged ranges:
                // nothing read here follows them, and a form's validations are most of its bytes.
                throw SAX.Stop()
            default:
                break
            }
        }, end: { name in
            switch name {
            case "v", "f", "t":
                capture = .none
            case "is":
                inInline = false
            case "rPh":
                phonetic -= 1
            case "c":
                let ref = CellReference(row: row, column: column)
                guard row >= 1, column >= 1, row <= CellReference.maximumRow, column <= CellReference.maximumColumn else {
                    throw XlsxReadError(path: path, place: sheetName, "ô ở hàng \(row), cột \(column) nằm ngoài bảng tính; tệp hỏng")
                }
                // openpyxl writes an empty `<v/>` (or none) for a formula it did not calculate.
                let uncalculated = hasFormula && value.isEmpty && type != "inlineStr"
                guard uncalculated || hasValue, uncalculated || !value.isEmpty || type == "inlineStr" else { return }
                let content: CellContent
                switch uncalculated ? "uncalculated" : type {
                case "uncalculated":
                    content = .noCachedValue
                case "s":
                    guard let i = Int(value), i >= 0, i < shared.count else {
                        throw XlsxReadError(path: path, place: place(ref), "ô trỏ tới chuỗi dùng chung số \(value) không có trong bảng (\(shared.count) mục); tệp hỏng: lưu lại bằng Excel hoặc LibreOffice")
                    }
                    content = .text(shared[i])
                case "str", "inlineStr":
                    content = .text(value)
                case "b":
                    content = .boolean(value == "1" || value == "true")
                case "e":
                    content = .error(value)
                case "d":
                    content = .isoDate(value)
                default:
                    let trimmed = value.trimmingCharacters(in: .whitespaces)
                    guard ExactNumber.parse(trimmed) != nil else {
                        throw XlsxReadError(path: path, place: place(ref), "ô số chứa \"\(value)\", không phải một số; tệp hỏng: lưu lại bằng Excel hoặc LibreOffice")
                    }
                    content = .number(trimmed)
                }
                guard cells.count < cellLimit else {
                    throw XlsxReadError(path: path, place: sheetName, "trang tính có hơn \(cellLimit) ô có nội dung; biểu mẫu thật nhỏ hơn nhiều: yêu cầu gửi lại biểu mẫu gốc")
                }
                cells[ref] = Cell(reference: ref, content: content, formula: hasFormula && !formula.isEmpty ? formula : nil, styleIndex: style)
            default:
                break
            }
        }, text: { s in
            switch capture {
            case .value, .inline: value += s
            case .formula: formula += s
            case .none: break
            }
        })
        self.cells = cells
        self.merged = merged
        self.isProtected = isProtected
    }
}
