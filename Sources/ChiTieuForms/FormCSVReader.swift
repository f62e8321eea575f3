import ChiTieuCore
import ChiTieuLoad
import Foundation
import XlsxRead

/// Reads a form's sheet saved as CSV by a spreadsheet (a Vietnamese-locale Excel: semicolons,
/// decimal commas, UTF-8 with or without a byte-order mark). The export leaves the hidden identity
/// sheet behind, so the form is matched by its visible identity line, and the layout is rebuilt
/// from the data and checked against that line's checksum: a term file changed since the form was
/// made, or an edited line, is refused.
enum FormCSVReader {
    static func read(_ path: String, ledger: Ledger, into reading: inout FormReading) throws {
        func fail(_ place: String?, _ message: String) -> XlsxReadError { XlsxReadError(path: path, place: place, message) }
        let (table, diagnostics) = CSVTable.read(path)
        guard let rows = table else {
            let reason = diagnostics.sorted.first.map { $0.message } ?? "không đọc được tệp"
            throw fail(nil, "tệp CSV không đọc được (\(reason)); lưu lại bằng Excel dưới dạng \"CSV UTF-8 (Comma delimited) (*.csv)\", hoặc gửi tệp .xlsx")
        }
        // Rows as the sheet's rows: a CSV export writes every row of the used range, none blank here.
        var cells: [CellReference: Cell] = [:]
        var identityLine: String?
        for (r, row) in rows.enumerated() {
            for (c, cell) in row.enumerated() where !cell.text.isEmpty {
                let ref = CellReference(row: r + 1, column: c + 1)
                cells[ref] = Cell(reference: ref, content: .text(cell.text))
                if identityLine == nil, cell.text.contains("chitieu-form|") { identityLine = cell.text }
            }
        }
        guard let line = identityLine, let id = FormIdentity.parseLine(line) else {
            throw fail(nil, "không tìm thấy dòng \"Mã biểu mẫu\" của chitieu; xuất CSV từ trang \"\(FormLayout.sheet)\" của biểu mẫu do chitieu form tạo ra, hoặc gửi tệp .xlsx")
        }
        guard id.version == FormLayout.version else {
            throw fail(nil, "biểu mẫu phiên bản \(id.version), chương trình đọc phiên bản \(FormLayout.version); tạo biểu mẫu mới bằng chitieu form và chép số liệu sang")
        }
        guard let record = ledger.records.first(where: { r in
            guard r.bodyID == id.body, let t = r.term else { return false }
            return "\(t.startYear)-\(t.endYear)" == id.term
        }) else {
            throw fail(nil, "biểu mẫu của \(id.body) nhiệm kỳ \(id.term), nhưng dữ liệu không có tệp nhiệm kỳ này; nhập vào đúng thư mục dữ liệu hoặc tạo tệp nhiệm kỳ trước")
        }
        let unit = id.unit.flatMap { ledger.bodies[$0] }
        if let u = id.unit, unit?.parent != id.body {
            throw fail(nil, "biểu mẫu của đơn vị \(u), nhưng bodies.yaml không có đơn vị này với 'parent: \(id.body)'; thêm đơn vị vào bodies.yaml")
        }
        guard let plan = FormPlan(record: record, ledger: ledger, unit: unit, year: id.year), plan.identity.lines.last?.last == id.checksum else {
            throw fail("A\(FormLayout.identityRow)", "dòng mã biểu mẫu không khớp với dữ liệu hiện nay (chỉ tiêu của nhiệm kỳ đã thay đổi, hoặc dòng đã bị sửa); tạo biểu mẫu mới bằng chitieu form và chép số liệu sang")
        }
        reading.identity = plan.identity
        reading.recordFile = record.file
        FormReader.readGrid(Sheet(name: FormLayout.sheet, cells: cells), label: nil, identity: plan.identity, record: record, ledger: ledger, file: nil, path: path, into: &reading)
    }
}
