import ChiTieuCore
import ChiTieuLoad
import ChiTieuReport
import Foundation
import XCTest
import ZIPFoundation

/// Builds workbooks from the built-in data or a test fixture into a scratch folder, and reads
/// their XML parts back.
struct WorkbookFixture {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let repo = here.deletingLastPathComponent().deletingLastPathComponent()
    let dir: String

    init() throws {
        dir = NSTemporaryDirectory() + "chitieu-wb-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(atPath: dir) }

    /// The number format of a cell, read from its style in `xl/styles.xml`.
    static func numberFormat(_ path: String, sheet: String, cell: String) throws -> String {
        let xml = try part(path, sheet)
        let c = try XCTUnwrap(self.cell(xml, cell), cell)
        let style = try XCTUnwrap(Int(try XCTUnwrap(c.components(separatedBy: " s=\"").dropFirst().first?.components(separatedBy: "\"").first)))
        let styles = try part(path, "xl/styles.xml")
        let xfs = try XCTUnwrap(styles.components(separatedBy: "<cellXfs").dropFirst().first?.components(separatedBy: "</cellXfs>").first)
        let xf = xfs.components(separatedBy: "<xf ").dropFirst()[style + 1]
        let id = try XCTUnwrap(xf.components(separatedBy: "numFmtId=\"").dropFirst().first?.components(separatedBy: "\"").first)
        let code = try XCTUnwrap(styles.components(separatedBy: "<numFmt numFmtId=\"\(id)\" formatCode=\"").dropFirst().first?.components(separatedBy: "\"/>").first, "format \(id)")
        return code.replacingOccurrences(of: "&quot;", with: "\"")
    }

    /// Skips the test when LibreOffice is not installed, or fails it under `make test`
    /// (CHITIEU_REQUIRE_TOOLS=1), which installs it.
    static func requireLibreOffice() throws {
        let found = ProcessInfo.processInfo.environment["PATH", default: ""].split(separator: ":")
            .contains { FileManager.default.isExecutableFile(atPath: $0 + "/soffice") }
        if !found {
            if ProcessInfo.processInfo.environment["CHITIEU_REQUIRE_TOOLS"] == "1" {
                XCTFail("soffice is not installed; `make test` installs libreoffice-calc-nogui")
            }
            throw XCTSkip("LibreOffice (soffice) is not installed; run `make test` to install it")
        }
    }

    /// Runs `validate/recalc_check.py` (LibreOffice recalculation) with `arguments`: its exit status and output.
    static func validator(_ arguments: [String]) throws -> (Int32, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", here.deletingLastPathComponent().path + "/validate/recalc_check.py"] + arguments
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let out = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: out, as: UTF8.self))
    }

    /// A data folder with the built-in catalogue and one fixture file.
    func fixtureData(_ name: String) throws -> String {
        let data = dir + "/data"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        for file in ["indicators.yaml", "bodies.yaml"] where !FileManager.default.fileExists(atPath: data + "/" + file) {
            try FileManager.default.copyItem(atPath: Self.repo.path + "/Targets/" + file, toPath: data + "/" + file)
        }
        try FileManager.default.copyItem(atPath: Self.here.path + "/Fixtures/" + name, toPath: data + "/" + name)
        return data + "/" + name
    }

    /// Writes the workbooks of `paths` into `out` and returns their paths.
    @discardableResult
    func workbooks(_ paths: [String], language: ReportLanguage = .vi, out: String? = nil, asOf: Int = 2026, method: ProgressMethod = .proRata) throws -> [String] {
        let result = LedgerLoader.load(paths: paths)
        XCTAssertFalse(result.diagnostics.hasErrors, "\(result.diagnostics.items)")
        let ledger = try XCTUnwrap(result.ledger)
        return try ReportSet(ledger: ledger, asOf: asOf, language: language, format: .text, method: method).writeWorkbooks(to: out ?? dir)
    }

    static func part(_ path: String, _ name: String) throws -> String {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        guard let entry = archive[name] else { throw XCTSkip("no part \(name) in \(path)") }
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }

    static func parts(_ path: String) throws -> [String] {
        try Archive(url: URL(fileURLWithPath: path), accessMode: .read).map(\.path).sorted()
    }

    /// The `<c r="REF">…</c>` element of a cell in a sheet part.
    static func cell(_ xml: String, _ ref: String) -> String? {
        guard let start = xml.range(of: "<c r=\"\(ref)\""),
              let tagEnd = xml.range(of: ">", range: start.upperBound..<xml.endIndex) else { return nil }
        if xml[xml.index(before: tagEnd.lowerBound)] == "/" { return String(xml[start.lowerBound..<tagEnd.upperBound]) }
        guard let end = xml.range(of: "</c>", range: tagEnd.upperBound..<xml.endIndex) else { return nil }
        return String(xml[start.lowerBound..<end.upperBound])
    }
}
