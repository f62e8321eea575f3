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
    func workbooks(_ paths: [String], language: ReportLanguage = .vi, out: String? = nil, asOf: Int = 2026) throws -> [String] {
        let result = LedgerLoader.load(paths: paths)
        XCTAssertFalse(result.diagnostics.hasErrors, "\(result.diagnostics.items)")
        let ledger = try XCTUnwrap(result.ledger)
        return try ReportSet(ledger: ledger, asOf: asOf, language: language, format: .text).writeWorkbooks(to: out ?? dir)
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
