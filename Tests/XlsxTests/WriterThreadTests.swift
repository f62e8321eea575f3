import Foundation
import XCTest
import Xlsx
import ZIPFoundation

/// The library's calls are made on a writer thread (`WritePipeline`): the file must be the one
/// the same calls make one after the other on one thread, and an error of a queued call must
/// still reach the caller.
final class WriterThreadTests: XCTestCase {
    private func scratch() -> String { NSTemporaryDirectory() + "xlsx-thread-" + UUID().uuidString + ".xlsx" }

    /// A workbook with every kind of call, many batches long, new styles met late (each makes a
    /// format while cells wait in the queue), merges, validations, a chart and print set-up.
    private func fill(_ wb: Workbook, rows: Int) throws {
        try wb.setProperties(DocumentProperties(title: "Thử", subject: "s", author: "a", keywords: "k", created: 1_595_289_600))
        let data = try wb.addWorksheet("Số liệu")
        let notes = try wb.addWorksheet("Ghi chú")
        try data.setColumns(0, 0, width: 30)
        data.setMargins(top: 25, bottom: 25, left: 30, right: 15)
        if !wb.constantMemory {
            try data.merge(firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: 3, "Tiêu đề", style: CellStyle(bold: true))
        } else {
            try data.write(.string("Tiêu đề"), row: 0, column: 0, style: CellStyle(bold: true))
        }
        for r in 1...rows {
            // A style first met at row r / 1000: its format is made after thousands of queued cells.
            let style = CellStyle(numberFormat: "#,##0.\(String(repeating: "0", count: r / 1_000 % 4))", border: true)
            try data.write(.string("Đảng bộ \(r)"), row: r, column: 0, style: CellStyle(wrap: true, border: true))
            try data.write(.number(Double(r) * 1.5), row: r, column: 1, style: style)
            try data.write(.formula("=B\(r + 1)*2", cached: Double(r) * 3), row: r, column: 2, style: style)
            try data.write(r % 7 == 0 ? .textFormula("=IF(B\(r + 1)>0,\"vượt\",\"\")", cached: "vượt") : .blank, row: r, column: 3, style: CellStyle(border: true))
            try data.setRow(r, height: 15 + Double(r % 3))
            if r % 5 == 0 {
                try data.validate(row: r, column: 1, DataValidation(.whole(atLeast: 0), inputTitle: "Số", inputMessage: "Một số nguyên", errorTitle: "Sai", errorMessage: "Nhập số nguyên ≥ 0"))
            }
            if r % 997 == 0 { try notes.write(.string("Ghi chú \(r)"), row: r / 997, column: 0) }
        }
        try data.highlight(equalTo: "vượt", firstRow: 1, column: 3, lastRow: rows, style: CellStyle(background: 0xC6EFCE))
        let chart = try wb.addChart(.column)
        try chart.addSeries(name: "Kết quả", sheet: "Số liệu", categories: (1, 0, 10), values: (1, 1, 10))
        chart.setTitle("Kết quả")
        chart.valueAxisFromZero()
        try notes.insert(chart, row: 20, column: 2)
        try data.printSetup(repeatRows: 0...0, header: "&LThử", footer: "&RTrang &P/&N", scale: 85)
        try data.pageBreaks(before: [40, 80])
        data.freezePanes(row: 1, column: 1)
        notes.hide()
    }

    func testWriterThreadWritesTheSameBytesAsOneThread() throws {
        for constantMemory in [false, true] {
            var files: [Data] = []
            for threaded in [true, false] {
                let path = scratch()
                defer { try? FileManager.default.removeItem(atPath: path) }
                let wb = try Workbook(path: path, constantMemory: constantMemory, writerThread: threaded)
                // Over 12 batches of 2.048 calls: the queue fills and the filling thread waits.
                try fill(wb, rows: 6_000)
                try wb.close()
                files.append(try Data(contentsOf: URL(fileURLWithPath: path)))
            }
            XCTAssertGreaterThan(files[0].count, 50_000)
            XCTAssertEqual(files[0], files[1], "constant memory \(constantMemory): the writer thread changed the file")
        }
    }

    /// In constant-memory mode a row above the one being written is refused by the library. On
    /// the writer thread that refusal comes after the call returned; it must still be thrown,
    /// naming the call and the cell, at the latest by `close`, and nothing after it is made.
    func testAnErrorOfAQueuedCallReachesTheCaller() throws {
        for threaded in [true, false] {
            let path = scratch()
            defer { try? FileManager.default.removeItem(atPath: path) }
            let wb = try Workbook(path: path, constantMemory: true, writerThread: threaded)
            let ws = try wb.addWorksheet("A")
            try ws.write(.number(1), row: 5, column: 0)
            var thrown: Error?
            do {
                try ws.write(.number(2), row: 2, column: 0)
                for r in 6..<20_000 { try ws.write(.number(Double(r)), row: r, column: 0) }
                try wb.close()
            } catch {
                thrown = error
            }
            let message = thrown.map { "\($0)" } ?? "nothing thrown"
            XCTAssertTrue(message.contains("worksheet_write_number(A!A3)"), "threaded \(threaded): \(message)")
        }
    }

    /// A sheet remembers the format of each style it met, made with its font: a font set later
    /// makes a new format for the same style, not the one remembered.
    func testASheetsNewFontGivesANewFormat() throws {
        let path = scratch()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let wb = try Workbook(path: path)
        let ws = try wb.addWorksheet("A")
        try ws.write(.string("trước"), row: 0, column: 0, style: CellStyle(bold: true))
        ws.fontName = "Times New Roman"
        try ws.write(.string("sau"), row: 1, column: 0, style: CellStyle(bold: true))
        try wb.close()
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        func part(_ name: String) throws -> String {
            guard let entry = archive[name] else { return "" }
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            return String(decoding: data, as: UTF8.self)
        }
        let sheet = try part("xl/worksheets/sheet1.xml"), styles = try part("xl/styles.xml")
        func style(_ ref: String) -> String? {
            guard let r = sheet.range(of: "<c r=\"\(ref)\" s=\"") else { return nil }
            return String(sheet[r.upperBound...].prefix { $0 != "\"" })
        }
        XCTAssertNotNil(style("A1"), sheet)
        XCTAssertNotEqual(style("A1"), style("A2"), sheet)
        XCTAssertTrue(styles.contains("Times New Roman"), styles)
    }

    /// A workbook dropped unclosed, with calls still queued (as after an error), ends its writer
    /// thread: the process has a thread named "xlsx-writer" while the workbook is filled and none
    /// after (other tests' threads come and go, so only that name is counted).
    func testAnAbandonedWorkbookEndsItsThread() throws {
        func writers() throws -> Int {
            try FileManager.default.contentsOfDirectory(atPath: "/proc/self/task").filter { task in
                let name = (try? String(contentsOfFile: "/proc/self/task/\(task)/comm", encoding: .utf8)) ?? ""
                return name.trimmingCharacters(in: .whitespacesAndNewlines) == "xlsx-writer"
            }.count
        }
        // A new thread names itself a moment after it starts, and the system takes an ended
        // thread out of /proc a moment after the writer signals that it is done: so the count
        // is awaited, for at most 5 s.
        func writers(settlingAt expected: Int) throws -> Int {
            let deadline = Date().addingTimeInterval(5)
            var count = try writers()
            while count != expected && Date() < deadline {
                usleep(10_000)
                count = try writers()
            }
            return count
        }
        let path = scratch()
        defer { try? FileManager.default.removeItem(atPath: path) }
        XCTAssertEqual(try writers(settlingAt: 0), 0)
        do {
            let wb = try Workbook(path: path, constantMemory: true)
            let ws = try wb.addWorksheet("A")
            for r in 0..<10_000 { try ws.write(.string("x\(r)"), row: r, column: 0) }
            XCTAssertEqual(try writers(settlingAt: 1), 1, "the writer thread runs while the workbook is filled")
        }
        XCTAssertEqual(try writers(settlingAt: 0), 0, "the writer thread outlived its workbook")
    }
}
