import Foundation
import XCTest
import Xlsx
import ZIPFoundation

/// The chart, merge, page-break and row-order wrappers, read back from the file they write.
final class ChartAndPrintTests: XCTestCase {
    private func scratch() -> String { NSTemporaryDirectory() + "xlsx-" + UUID().uuidString + ".xlsx" }

    private func part(_ path: String, _ name: String) throws -> String {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        var data = Data()
        _ = try archive.extract(try XCTUnwrap(archive[name], name)) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }

    func testAChartNamesItsSeriesInWordsAndItsAxisStartsAtZero() throws {
        let path = scratch()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let wb = try Workbook(path: path)
        let ws = try wb.addWorksheet("Theo năm")
        for (c, year) in ["2021", "2022"].enumerated() { try ws.write(.string(year), row: 0, column: c) }
        try ws.write(.number(0.62), row: 1, column: 0)
        try ws.write(.number(0.71), row: 1, column: 1)
        let chart = try wb.addChart(.line)
        chart.setTitle("Tỷ lệ cơ sở")
        try chart.addSeries(name: "Kết quả", categories: .row("Theo năm", 0, 0, 1), values: .row("Theo năm", 1, 0, 1), marker: .circle, labels: true)
        chart.valueAxisFromZero(numberFormat: "0%")
        try ws.insert(chart, row: 3, column: 0, xOffset: 495, xScale: 0.5, yScale: 0.5)
        try wb.close()
        let xml = try part(path, "xl/charts/chart1.xml")
        XCTAssertTrue(xml.contains("<c:v>Kết quả</c:v>"), xml)
        XCTAssertTrue(xml.contains("<c:f>'Theo năm'!$A$2:$B$2</c:f>"), xml)
        XCTAssertTrue(xml.contains("<c:f>'Theo năm'!$A$1:$B$1</c:f>"), xml)
        XCTAssertTrue(xml.contains("<c:min val=\"0\"/>"), xml)
        XCTAssertTrue(xml.contains("<c:numFmt formatCode=\"0%\" sourceLinked=\"0\"/>"), xml)
        XCTAssertTrue(xml.contains("<c:symbol val=\"circle\"/>"), xml)
        XCTAssertTrue(xml.contains("<c:showVal val=\"1\"/>"), xml)
        XCTAssertTrue(xml.contains("<c:pt idx=\"1\"><c:v>0.71</c:v></c:pt>"), "the figures cached: \(xml)")
    }

    /// In constant-memory mode a block written column by column inside `inRowOrder` keeps every
    /// cell; page breaks and a fixed scale are written, and a merge spans its block.
    func testRowOrderMergesPageBreaksAndScale() throws {
        let path = scratch()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let wb = try Workbook(path: path, constantMemory: true)
        let ws = try wb.addWorksheet("A")
        try ws.inRowOrder {
            // Column by column: (0,1) (1,1) (0,2) (1,2) — out of row order.
            for c in 1...2 { for r in 0...1 { try ws.write(.number(Double(10 * r + c)), row: r, column: c) } }
            try ws.setRow(1, height: 30)
        }
        try ws.pageBreaks(before: [0, 5])
        try ws.printSetup(repeatRows: nil, header: "", footer: "", scale: 92)
        try wb.close()
        let sheet = try part(path, "xl/worksheets/sheet1.xml")
        for (ref, v) in [("B1", "1"), ("C1", "2"), ("B2", "11"), ("C2", "12")] {
            XCTAssertTrue(sheet.contains("<c r=\"\(ref)\"><v>\(v)</v></c>"), "\(ref) lost: \(sheet)")
        }
        XCTAssertTrue(sheet.contains("ht=\"30\""), sheet)
        XCTAssertTrue(sheet.contains("<brk id=\"5\" max=\"16383\" man=\"1\"/>"), sheet)
        XCTAssertFalse(sheet.contains("<brk id=\"0\""), "row 0 is no break: \(sheet)")
        XCTAssertTrue(sheet.contains("scale=\"92\""), sheet)
        XCTAssertFalse(sheet.contains("fitToPage"), sheet)

        let merged = scratch()
        defer { try? FileManager.default.removeItem(atPath: merged) }
        let wb2 = try Workbook(path: merged)
        try wb2.addWorksheet("B").merge(firstRow: 4, firstColumn: 1, lastRow: 8, lastColumn: 1, "hằng năm kết nạp ít nhất 120 đảng viên mới")
        try wb2.close()
        XCTAssertTrue(try part(merged, "xl/worksheets/sheet1.xml").contains("<mergeCell ref=\"B5:B9\"/>"))
    }
}
