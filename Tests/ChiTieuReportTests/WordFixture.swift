import ChiTieuLoad
import ChiTieuReport
import Foundation
import XCTest

/// Writes Word reports of the built-in data into a scratch folder, reads their parts back as
/// paragraphs and table rows of plain text, and renders them with LibreOffice and poppler.
extension WorkbookFixture {
    static var xiii: String { repo.path + "/Targets/lang-son/khoi-cac-co-quan/2015-2020.yaml" }

    /// Writes the Word reports of `paths` into `out` (default: the scratch folder) and returns their paths.
    func wordReports(_ paths: [String], language: ReportLanguage = .vi, out: String? = nil, asOf: Int = 2026) throws -> [String] {
        let result = LedgerLoader.load(paths: paths)
        XCTAssertFalse(result.diagnostics.hasErrors, "\(result.diagnostics.items)")
        let ledger = try XCTUnwrap(result.ledger)
        return try ReportSet(ledger: ledger, asOf: asOf, language: language, format: .text).writeWordReports(to: out ?? dir)
    }

    /// The text of an element's `<w:t>` runs, entities undone; a tab or break counts as a space.
    static func plain(_ xml: String) -> String {
        var out = ""
        var rest = Substring(xml)
        while let open = rest.range(of: "<w:t") {
            let before = rest[..<open.lowerBound]
            if before.contains("<w:tab/>") || before.contains("<w:br/>") { out += " " }
            guard let close = rest.range(of: ">", range: open.upperBound..<rest.endIndex) else { break }
            // "<w:tbl", "<w:tc", "<w:tr" also start with "<w:t": only "<w:t>" and "<w:t " open text.
            let tag = rest[open.lowerBound..<close.upperBound]
            guard tag == "<w:t>" || tag.hasPrefix("<w:t ") else { rest = rest[close.upperBound...]; continue }
            guard let end = rest.range(of: "</w:t>", range: close.upperBound..<rest.endIndex) else { break }
            out += rest[close.upperBound..<end.lowerBound]
            rest = rest[end.upperBound...]
        }
        return out.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The text of every paragraph of a part, in order (table cells' paragraphs included).
    static func paragraphs(_ xml: String) -> [String] {
        xml.components(separatedBy: "</w:p>").dropLast().map(plain)
    }

    /// The tables of a part, each as rows of cell texts.
    static func tables(_ xml: String) -> [[[String]]] {
        xml.components(separatedBy: "<w:tbl>").dropFirst().map { table in
            let body = table.components(separatedBy: "</w:tbl>")[0]
            return body.components(separatedBy: "<w:tr>").dropFirst().map { row in
                row.components(separatedBy: "</w:tc>").dropLast().map(plain)
            }
        }
    }

    /// Skips when poppler's tools are missing, or fails under `make test`, which installs them.
    static func requirePoppler() throws {
        let path = ProcessInfo.processInfo.environment["PATH", default: ""].split(separator: ":")
        let found = ["pdftotext", "pdfinfo"].allSatisfy { tool in path.contains { FileManager.default.isExecutableFile(atPath: $0 + "/" + tool) } }
        if !found {
            if ProcessInfo.processInfo.environment["CHITIEU_REQUIRE_TOOLS"] == "1" {
                XCTFail("pdftotext is not installed; `make test` installs poppler-utils")
            }
            throw XCTSkip("poppler-utils (pdftotext, pdfinfo) is not installed; run `make test` to install it")
        }
    }

    /// Skips when LibreOffice Writer is missing (the workbook tests need only Calc), or fails
    /// under `make test`, which installs it.
    static func requireLibreOfficeWriter() throws {
        try requireLibreOffice()
        let writer = ["/usr/lib/libreoffice/program/libswlo.so", "/opt/libreoffice/program/libswlo.so"]
        if !writer.contains(where: FileManager.default.fileExists(atPath:)) {
            if ProcessInfo.processInfo.environment["CHITIEU_REQUIRE_TOOLS"] == "1" {
                XCTFail("LibreOffice Writer is not installed; `make test` installs libreoffice-writer-nogui")
            }
            throw XCTSkip("LibreOffice Writer is not installed; run `make test` to install libreoffice-writer-nogui")
        }
    }

    /// Runs a program and returns its exit status and standard output.
    @discardableResult
    static func run(_ arguments: [String], environment: [String: String]? = nil) throws -> (Int32, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = arguments
        if let environment { p.environment = environment }
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = FileHandle.nullDevice
        try p.run()
        let out = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: out, as: UTF8.self))
    }

    /// Converts a .docx to PDF with LibreOffice, in a profile of its own so that it never waits
    /// on another test's (or engineer's) running instance; returns the PDF's path.
    func pdf(_ docx: String) throws -> String {
        let work = dir + "/soffice-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: work + "/out", withIntermediateDirectories: true)
        var env = ProcessInfo.processInfo.environment
        env["HOME"] = work
        try Self.run(["soffice", "-env:UserInstallation=file://" + work + "/profile", "--headless", "--norestore",
                      "--convert-to", "pdf", "--outdir", work + "/out", docx], environment: env)
        let name = URL(fileURLWithPath: docx).deletingPathExtension().lastPathComponent + ".pdf"
        let path = work + "/out/" + name
        XCTAssertTrue(FileManager.default.fileExists(atPath: path), "LibreOffice wrote no PDF for \(docx): it did not open it")
        return path
    }

    /// The number of pages of a PDF, from `pdfinfo`.
    static func pageCount(_ pdf: String) throws -> Int {
        let (_, info) = try run(["pdfinfo", pdf])
        let line = try XCTUnwrap(info.split(separator: "\n").first { $0.hasPrefix("Pages:") })
        return try XCTUnwrap(Int(line.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)))
    }

    /// The text of one page (1-based), from `pdftotext -layout`.
    static func pageText(_ pdf: String, _ page: Int) throws -> String {
        try run(["pdftotext", "-layout", "-f", String(page), "-l", String(page), pdf, "-"]).1
    }

    /// Every word's height in points, from `pdftotext -bbox`: a glyph box about 1,3 times the font size.
    static func wordHeights(_ pdf: String) throws -> [(word: String, height: Decimal)] {
        let (_, html) = try run(["pdftotext", "-bbox", pdf, "-"])
        return html.components(separatedBy: "<word ").dropFirst().compactMap { w in
            func attribute(_ name: String) -> Decimal? {
                w.components(separatedBy: name + "=\"").dropFirst().first?.components(separatedBy: "\"").first.flatMap { Decimal(string: $0) }
            }
            guard let y0 = attribute("yMin"), let y1 = attribute("yMax") else { return nil }
            let word = w.components(separatedBy: ">").dropFirst().first?.components(separatedBy: "<").first ?? ""
            return (word, y1 - y0)
        }
    }

    /// Whether python3's XML parser reads the text as well-formed XML; the parser's complaint otherwise.
    static func wellFormed(_ xml: String, scratch: String) throws -> String? {
        let file = scratch + "/part-" + UUID().uuidString + ".xml"
        try Data(xml.utf8).write(to: URL(fileURLWithPath: file))
        defer { try? FileManager.default.removeItem(atPath: file) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", "import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])", file]
        let err = Pipe()
        p.standardError = err
        try p.run()
        let message = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return p.terminationStatus == 0 ? nil : String(decoding: message, as: UTF8.self)
    }
}
