import Foundation
import XCTest
import ZIPFoundation

/// Scratch workbooks for the reader's tests: hand-written XML parts zipped, or files made by
/// LibreOffice and openpyxl.
enum ReadFixture {
    static func scratch() throws -> String {
        let dir = NSTemporaryDirectory() + "chitieu-xlsxread-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static let contentTypes = """
    <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>
    """
    static let rootRels = """
    <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
    """

    /// A workbook of one sheet `S` whose sheet XML, workbook XML and other parts are given.
    static func workbook(sheet: String, workbook: String? = nil, sharedStrings: String? = nil, styles: String? = nil, extra: [String: Data] = [:], at path: String) throws {
        var parts: [String: Data] = [
            "[Content_Types].xml": Data(contentTypes.utf8),
            "_rels/.rels": Data(rootRels.utf8),
            "xl/workbook.xml": Data((workbook ?? """
            <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>
            """).utf8),
            "xl/_rels/workbook.xml.rels": Data("""
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/></Relationships>
            """.utf8),
            "xl/worksheets/sheet1.xml": Data(sheet.utf8),
        ]
        if let sharedStrings { parts["xl/sharedStrings.xml"] = Data(sharedStrings.utf8) }
        if let styles { parts["xl/styles.xml"] = Data(styles.utf8) }
        for (k, v) in extra { parts[k] = v }
        try zip(parts, at: path)
    }

    static func zip(_ parts: [String: Data], at path: String) throws {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        for (name, data) in parts.sorted(by: { $0.key < $1.key }) {
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }

    static func sheetXML(_ body: String, extra: String = "") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\(body)</sheetData>\(extra)</worksheet>
        """
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> (Int32, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [executable] + arguments
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let out = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: out, as: UTF8.self))
    }

    static var requireTools: Bool { ProcessInfo.processInfo.environment["CHITIEU_REQUIRE_TOOLS"] == "1" }

    static func requireLibreOffice() throws {
        let found = ProcessInfo.processInfo.environment["PATH", default: ""].split(separator: ":")
            .contains { FileManager.default.isExecutableFile(atPath: $0 + "/soffice") }
        if !found {
            if requireTools { XCTFail("soffice is not installed; `make test` installs libreoffice-calc-nogui") }
            throw XCTSkip("LibreOffice (soffice) is not installed; run `make test` to install it")
        }
    }

    static func requireOpenpyxl() throws {
        let (status, _) = try run("python3", ["-c", "import openpyxl"])
        if status != 0 {
            if requireTools { XCTFail("openpyxl is not installed; `make deps-test` installs it") }
            throw XCTSkip("openpyxl is not installed; run `make deps-test`")
        }
    }

    /// Converts a file with LibreOffice headless, in a throw-away profile.
    static func soffice(convert file: String, to format: String, outdir: String, infilter: String? = nil) throws {
        let profile = "file://" + outdir + "/profile"
        let filter = infilter.map { ["--infilter=" + $0] } ?? []
        let (status, out) = try run("soffice", ["-env:UserInstallation=" + profile, "--headless"] + filter + ["--convert-to", format, "--outdir", outdir, file])
        XCTAssertEqual(status, 0, out)
    }
}
