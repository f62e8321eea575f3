import ChiTieuCore
import Foundation
import Xlsx

/// Writes a form through libxlsxwriter: instructions at the top, a row per target with a cell
/// per reporting year, the figure's source and a note; every input cell validated and the only
/// one open on a protected sheet; the identity on a hidden sheet and in defined names.
public enum FormWriter {
    static let inputFill: UInt32 = 0xFFF2CC
    static let closedFill: UInt32 = 0xD9D9D9
    static let headerFill: UInt32 = 0xDDEBF7

    /// Writes the form atomically to `path`.
    /// - Throws: `AtomicFile.WriteError` or `XlsxError`; nothing is left at `path` on failure.
    public static func write(_ plan: FormPlan, to path: String) throws {
        try AtomicFile.replace(path) { temporary in
            let wb = try Workbook(path: temporary)
            let ws = try wb.addWorksheet(FormLayout.sheet)
            try fill(ws, plan)
            let id = try wb.addWorksheet(FormLayout.identitySheet)
            for (r, line) in plan.identity.lines.enumerated() {
                for (c, value) in line.enumerated() { try id.write(.string(value), row: r, column: c) }
            }
            id.protect()
            id.hide()
            try wb.defineName("chitieu_form_version", "=\"\(FormLayout.version)\"")
            try wb.defineName("chitieu_body", "=\"\(plan.body.id)\"")
            try wb.defineName("chitieu_term", "=\"\(plan.identity.term)\"")
            if let unit = plan.unit { try wb.defineName("chitieu_unit", "=\"\(unit.id)\"") }
            // A fixed creation time gives the same bytes for the same form.
            try wb.setProperties(DocumentProperties(title: "Biểu mẫu báo cáo chỉ tiêu \(plan.body.name) \(plan.identity.term)", subject: "chitieu form v\(FormLayout.version)", author: "chitieu", keywords: "chitieu-form", created: 0))
            try wb.close()
        }
    }

    static func fill(_ ws: Worksheet, _ plan: FormPlan) throws {
        let years = plan.years
        let bold = CellStyle(bold: true)
        let title = CellStyle(bold: true, fontSize: 13)
        let header = CellStyle(bold: true, wrap: true, background: headerFill, border: true, alignment: .center)
        let label = CellStyle(wrap: true, border: true, top: true)
        let closed = CellStyle(background: closedFill, border: true)

        try ws.write(.string("BIỂU MẪU BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU NGHỊ QUYẾT ĐẠI HỘI"), row: 0, column: 0, style: title)
        try ws.write(.string("Đảng bộ: \(plan.body.name)"), row: 1, column: 0, style: bold)
        let congress = plan.term.isCongressKnown ? " (Đại hội \(plan.term.congress))" : ""
        var who = "Nhiệm kỳ \(plan.term.years)\(congress)"
        if let unit = plan.unit { who += " — Đơn vị báo cáo: \(unit.name)" }
        try ws.write(.string(who), row: 2, column: 0, style: bold)
        let instructions = [
            "Cách điền: chỉ điền vào các ô màu vàng, mỗi năm một ô. Ô để trống là CHƯA CÓ SỐ LIỆU, không phải số 0: chỉ ghi 0 khi kết quả đúng bằng 0.",
            "Số ghi theo kiểu Việt Nam (1.234; 91,5) hoặc gõ số thường. Chỉ tiêu tỷ lệ có hai dòng: số đạt (tử số) và tổng số (mẫu số); chương trình tự tính tỷ lệ.",
            "Tỷ lệ không có mẫu số: ghi số phần trăm từ 0 đến 100 (91,5). Xếp loại: chọn trong danh sách. Ngày văn bản: ngày/tháng/năm.",
            "Mỗi dòng ghi văn bản nguồn của số liệu (số, tên văn bản) và ngày văn bản; ghi chú nếu cần.",
            "Không thêm, xoá, di chuyển hàng, cột hay trang tính và không sửa các ô khác: biểu mẫu được đọc lại tự động (phiên bản biểu mẫu \(FormLayout.version)).",
        ]
        for (i, line) in instructions.enumerated() {
            try ws.write(.string(line), row: 3 + i, column: 0)
        }
        try ws.write(.string("Mã biểu mẫu (không sửa): " + plan.identity.line), row: FormLayout.identityRow - 1, column: 0, style: CellStyle(fontColor: 0x808080, fontSize: 8))

        let h = FormLayout.headerRow - 1
        let headers = ["STT", "Mã chỉ tiêu", "Chỉ tiêu (nguyên văn nghị quyết)", "Nội dung cần điền"] + years.map { "Năm \($0)" } + ["Văn bản nguồn (số, tên văn bản)", "Ngày văn bản", "Ghi chú"]
        for (c, text) in headers.enumerated() { try ws.write(.string(text), row: h, column: c, style: header) }
        try ws.setColumns(0, 0, width: 5)
        try ws.setColumns(1, 1, width: 16)
        try ws.setColumns(2, 2, width: 48, style: nil)
        try ws.setColumns(3, 3, width: 26)
        try ws.setColumns(4, 4 + years.count - 1, width: 11)
        try ws.setColumns(4 + years.count, 4 + years.count, width: 30)
        try ws.setColumns(5 + years.count, 5 + years.count, width: 13)
        try ws.setColumns(6 + years.count, 6 + years.count, width: 30)
        ws.freezePanes(row: FormLayout.headerRow, column: FormLayout.firstYearColumn - 1)

        var number = 0
        var lastTarget = ""
        for (row, target, indicator) in plan.entries {
            let r = row.row - 1
            if target.id != lastTarget { number += 1 }
            lastTarget = target.id
            try ws.write(.string(String(number)), row: r, column: 0, style: label)
            try ws.write(.string(target.id), row: r, column: FormLayout.idColumn - 1, style: label)
            try ws.write(.string(target.text), row: r, column: FormLayout.textColumn - 1, style: label)
            try ws.write(.string(ask(row.part, indicator)), row: r, column: FormLayout.askColumn - 1, style: label)
            let (style, validation) = input(row.part, indicator)
            for (i, year) in years.enumerated() {
                let c = FormLayout.firstYearColumn - 1 + i
                if row.years.contains(year) {
                    try ws.write(.blank, row: r, column: c, style: style)
                    try ws.validate(row: r, column: c, validation)
                } else {
                    try ws.write(.blank, row: r, column: c, style: closed)
                }
            }
            let n = years.count
            let text = CellStyle(numberFormat: "@", wrap: true, background: inputFill, border: true, unlocked: true)
            let date = CellStyle(numberFormat: "dd/mm/yyyy", background: inputFill, border: true, unlocked: true)
            try ws.write(.blank, row: r, column: FormLayout.sourceColumn(years: n) - 1, style: text)
            try ws.validate(row: r, column: FormLayout.sourceColumn(years: n) - 1, DataValidation(.textLength(255), inputTitle: "Văn bản nguồn", inputMessage: "Số và tên văn bản có số liệu này, ví dụ: Báo cáo 125-BC/ĐU tổng kết năm 2024.", errorTitle: "Quá dài", errorMessage: "Ghi tối đa 255 ký tự; ghi phần còn lại vào ô Ghi chú."))
            try ws.write(.blank, row: r, column: FormLayout.dateColumn(years: n) - 1, style: date)
            try ws.validate(row: r, column: FormLayout.dateColumn(years: n) - 1, DataValidation(.date(from: (1930, 1, 1), to: (2100, 12, 31)), inputTitle: "Ngày văn bản", inputMessage: "Ngày/tháng/năm của văn bản nguồn, ví dụ 20/12/2024.", errorTitle: "Ngày không hợp lệ", errorMessage: "Ghi một ngày theo dạng ngày/tháng/năm, ví dụ 20/12/2024."))
            try ws.write(.blank, row: r, column: FormLayout.noteColumn(years: n) - 1, style: text)
            try ws.validate(row: r, column: FormLayout.noteColumn(years: n) - 1, DataValidation(.textLength(1000), inputTitle: "Ghi chú", inputMessage: "Giải thích thêm nếu cần (số ước tính, số đến một ngày trong năm...).", errorTitle: "Quá dài", errorMessage: "Ghi tối đa 1000 ký tự."))
        }
        ws.protect()
    }

    /// What a row asks for, in the clerk's words.
    static func ask(_ part: FormPart, _ indicator: Indicator) -> String {
        switch part {
        case .value:
            switch indicator.unit {
            case .percent: return "\(indicator.name) (%)"
            case .amount: return "\(indicator.name) (\(indicator.measure ?? ""))"
            default: return "\(indicator.name)" + (indicator.noun.map { " (số \($0))" } ?? "")
            }
        case .numerator: return "Số đạt (tử số): \(indicator.name)"
        case .denominator: return "Tổng số (mẫu số): \(indicator.shareOf?.name ?? "tổng số")"
        case .rating: return "\(indicator.name): chọn mức xếp loại"
        }
    }

    /// The style and validation of a year's input cell.
    static func input(_ part: FormPart, _ indicator: Indicator) -> (CellStyle, DataValidation) {
        switch part {
        case .numerator, .denominator:
            let what = part == .numerator ? "số đạt" : "tổng số"
            return (CellStyle(numberFormat: "#,##0", background: inputFill, border: true, unlocked: true),
                    DataValidation(.whole(atLeast: 0), inputTitle: part == .numerator ? "Tử số" : "Mẫu số", inputMessage: "Ghi \(what) của năm: một số nguyên từ 0 trở lên. Để trống nếu chưa có số liệu.", errorTitle: "Cần một số nguyên", errorMessage: "Ghi một số nguyên từ 0 trở lên (ví dụ 62), không ghi phần trăm hay chữ."))
        case .rating:
            let names = indicator.scale?.levels.map(\.name) ?? []
            return (CellStyle(numberFormat: "@", background: inputFill, border: true, unlocked: true),
                    DataValidation(.list(names), inputTitle: "Xếp loại", inputMessage: "Chọn mức xếp loại của năm trong danh sách. Để trống nếu chưa xếp loại.", errorTitle: "Không có trong danh sách", errorMessage: "Chọn một mức trong danh sách xếp loại."))
        case .value:
            switch indicator.unit {
            case .percent:
                return (CellStyle(numberFormat: "0.0##", background: inputFill, border: true, unlocked: true),
                        DataValidation(.decimal(0...100), inputTitle: "Tỷ lệ (%)", inputMessage: "Ghi số phần trăm từ 0 đến 100, ví dụ 91,5. Để trống nếu chưa có số liệu.", errorTitle: "Tỷ lệ không hợp lệ", errorMessage: "Ghi một số từ 0 đến 100 (ví dụ 91,5), không ghi chữ."))
            case .amount:
                return (CellStyle(numberFormat: "#,##0.###", background: inputFill, border: true, unlocked: true),
                        DataValidation(.decimal(-1e12...1e12), inputTitle: "Số liệu", inputMessage: "Ghi số theo đơn vị \(indicator.measure ?? ""), có thể có phần thập phân (ví dụ 4.418,5). Để trống nếu chưa có số liệu.", errorTitle: "Cần một số", errorMessage: "Ghi một số (ví dụ 4.418,5), không ghi chữ hay đơn vị."))
            default:
                return (CellStyle(numberFormat: "#,##0", background: inputFill, border: true, unlocked: true),
                        DataValidation(.whole(atLeast: 0), inputTitle: "Số liệu", inputMessage: "Ghi một số nguyên từ 0 trở lên (ví dụ 1.234). Để trống nếu chưa có số liệu.", errorTitle: "Cần một số nguyên", errorMessage: "Ghi một số nguyên từ 0 trở lên (ví dụ 1.234), không ghi chữ hay phần thập phân."))
            }
        }
    }
}
