import ChiTieuCore
import ChiTieuForms
import ChiTieuLoad
import Foundation
import XCTest

/// A throw-away data folder with a small catalogue, a bloc with two grassroots units and one term.
struct FormFixture {
    let root: String
    var data: String { root + "/data" }
    var termFile: String { data + "/test/khoi/2015-2020.yaml" }

    static let catalogue = """
        bases:
          - { id: members, name: "đảng viên", name-en: "members" }
          - { id: grassroots, name: "tổ chức cơ sở đảng", name-en: "grassroots organisations" }
        scales:
          - id: xl
            levels:
              - { id: xuat-sac, name: "Hoàn thành xuất sắc nhiệm vụ", name-en: "Excellent" }
              - { id: tot, name: "Hoàn thành tốt nhiệm vụ", name-en: "Well" }
              - { id: hoan-thanh, name: "Hoàn thành nhiệm vụ", name-en: "Fulfilled" }
        indicators:
          - { id: ket-nap-dang-vien, name: "Kết nạp đảng viên mới", name-en: "Admitted", unit: count, noun: "đảng viên", aggregate: sum }
          - { id: dang-vien-htt, name: "Đảng viên hoàn thành tốt nhiệm vụ", name-en: "Well", unit: percent, share-of: members }
          - { id: tsvm, name: "Cơ sở trong sạch vững mạnh", name-en: "Clean", unit: percent, share-of: grassroots }
          - { id: xep-loai, name: "Xếp loại Đảng bộ", name-en: "Rating", unit: rating, scale: xl }
        """

    static let bodies = """
        bodies:
          - { id: test/khoi, name: "Đảng bộ Khối thử", name-en: "Test bloc", province: "Lạng Sơn", kind: bloc }
          - { id: test/co-so-a, name: "Đảng bộ cơ sở A", name-en: "Unit A", province: "Lạng Sơn", kind: grassroots, parent: test/khoi }
          - { id: test/co-so-b, name: "Chi bộ cơ sở B", name-en: "Unit B", province: "Lạng Sơn", kind: grassroots, parent: test/khoi }
          - { id: test/khac, name: "Đảng bộ khác", name-en: "Other", province: "Lạng Sơn", kind: grassroots }
        """

    static let term = """
        body: test/khoi
        term: { congress: XIII, years: 2015-2020 }
        sources:
          nq: { title: "Nghị quyết Đại hội", publisher: "Đảng ủy Khối", date: 2015-07-21 }
        targets:
          - { id: ket-nap, text: "mỗi năm kết nạp 150 đảng viên trở lên", source: nq, indicator: ket-nap-dang-vien, rule: ">= 150", period: each-year }
          - { id: htt, text: "đảng viên hoàn thành tốt nhiệm vụ trở lên đạt 90%", source: nq, indicator: dang-vien-htt, rule: ">= 90%", period: each-year }
          - { id: tsvm, text: "cơ sở trong sạch vững mạnh đạt 65% trở lên", source: nq, indicator: tsvm, rule: ">= 65%", period: each-year }
          - { id: xep-loai, text: "Đảng bộ hằng năm hoàn thành tốt nhiệm vụ trở lên", source: nq, indicator: xep-loai, rule: "xếp loại >= tot", period: each-year }
          - { id: nam-2018, text: "năm 2018 kết nạp 200 đảng viên", source: nq, indicator: ket-nap-dang-vien, rule: ">= 200", period: year 2018 }
        outcomes:
          - { target: ket-nap, period: 2016, value: "160", source: nq, quote: "kết nạp 160" }
        """

    init() throws {
        root = NSTemporaryDirectory() + "chitieu-forms-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: data + "/test/khoi", withIntermediateDirectories: true)
        try Self.catalogue.write(toFile: data + "/indicators.yaml", atomically: true, encoding: .utf8)
        try Self.bodies.write(toFile: data + "/bodies.yaml", atomically: true, encoding: .utf8)
        try Self.term.write(toFile: termFile, atomically: true, encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }

    func ledger() throws -> Ledger {
        let result = LedgerLoader.load(paths: [data])
        XCTAssertFalse(result.diagnostics.hasErrors, "\(result.diagnostics.sorted)")
        return try XCTUnwrap(result.ledger)
    }

    /// Writes the form of the term (for a unit, when given) and returns its path.
    func form(unit: String? = nil, at name: String = "form.xlsx") throws -> String {
        let ledger = try ledger()
        let record = try XCTUnwrap(ledger.records.first { $0.term != nil })
        let plan = try XCTUnwrap(FormPlan(record: record, ledger: ledger, unit: unit.flatMap { ledger.bodies[$0] }))
        let path = root + "/" + name
        try FormWriter.write(plan, to: path)
        return path
    }
}

extension FormFixture {
    /// Fills a form with openpyxl; `script` sees `wb`, `ws` (the form's sheet) and `row(target, part)`.
    func fill(_ form: String, _ name: String, _ script: String) throws -> String {
        let (status, _) = try Self.shell(["python3", "-c", "import openpyxl"])
        if status != 0 {
            if ProcessInfo.processInfo.environment["CHITIEU_REQUIRE_TOOLS"] == "1" { XCTFail("openpyxl is missing; `make deps-test` installs it") }
            throw XCTSkip("openpyxl is not installed; run `make deps-test`")
        }
        let out = root + "/" + name
        let program = """
        import sys, datetime, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        ws = wb['Biểu mẫu']
        def row(target, part=0):
            return [r for r in range(10, ws.max_row + 1) if ws.cell(r, 2).value == target][part]
        \(script.replacingOccurrences(of: "\n", with: "\n"))
        wb.save(sys.argv[2])
        """
        let (s, output) = try Self.shell(["python3", "-c", program, form, out])
        XCTAssertEqual(s, 0, output)
        return out
    }

    static func shell(_ arguments: [String]) throws -> (Int32, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = arguments
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
