@testable import Docx
import Foundation
import XCTest
import ZIPFoundation

/// The writer's XML, part by part, against snippets written out by hand from the
/// WordprocessingML schema (ECMA-376 part 1, §17), and the package it zips.
final class DocxTests: XCTestCase {
    func testEscapingRemovesWhatXMLForbids() {
        XCTAssertEqual(XML.escape("a & b < c > d \"e\" 'f'"), "a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;")
        XCTAssertEqual(XML.escape("x\u{0}y\u{7}z\u{1B}\u{FFFF}"), "xyz", "controls removed, not escaped: XML 1.0 has no way to write them")
        XCTAssertEqual(XML.escape("Đảng\tbộ"), "Đảng\tbộ")
    }

    func testRunText() {
        XCTAssertEqual(Run("BÁO CÁO", RunFormat(bold: true, size: 16)).xml,
                       "<w:r><w:rPr><w:b/><w:bCs/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/></w:rPr><w:t>BÁO CÁO</w:t></w:r>")
        XCTAssertEqual(Run("Số      -BC/ĐUK").xml, "<w:r><w:t xml:space=\"preserve\">Số      -BC/ĐUK</w:t></w:r>",
                       "runs of spaces kept as typed")
        XCTAssertEqual(Run("a\tb\nc <d>").xml, "<w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c &lt;d&gt;</w:t></w:r>")
        XCTAssertEqual(Run("x", RunFormat(italic: true, caps: true, underline: true, size: Decimal(string: "13.5"))).xml,
                       "<w:r><w:rPr><w:i/><w:iCs/><w:caps/><w:sz w:val=\"27\"/><w:szCs w:val=\"27\"/><w:u w:val=\"single\"/></w:rPr><w:t>x</w:t></w:r>")
        XCTAssertEqual(Run.field("PAGE").xml, "<w:fldSimple w:instr=\" PAGE \"><w:r><w:t>1</w:t></w:r></w:fldSimple>")
    }

    func testParagraphPropertiesInSchemaOrder() {
        var p = Paragraph([Run("ĐẢNG CỘNG SẢN VIỆT NAM")], style: "PartyLine", alignment: .center, spaceAfter: 120,
                          leftIndent: 300, rightIndent: 300, keepWithNext: true, ruleBelow: true)
        p.firstLineIndent = 567
        XCTAssertEqual(p.xml, "<w:p><w:pPr><w:pStyle w:val=\"PartyLine\"/><w:keepNext/>"
            + "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"8\" w:space=\"1\" w:color=\"000000\"/></w:pBdr>"
            + "<w:spacing w:after=\"120\"/><w:ind w:left=\"300\" w:right=\"300\" w:firstLine=\"567\"/><w:jc w:val=\"center\"/></w:pPr>"
            + "<w:r><w:t>ĐẢNG CỘNG SẢN VIỆT NAM</w:t></w:r></w:p>")
        XCTAssertEqual(Paragraph().xml, "<w:p></w:p>")
    }

    func testSectionA4InTwips() {
        XCTAssertEqual(Section.twips(millimetres: 25), 1417)
        XCTAssertEqual(Section.twips(millimetres: 30), 1701)
        XCTAssertEqual(Section.twips(millimetres: 15), 850)
        let margins = Section.Margins(top: 25, bottom: 25, left: 30, right: 15)
        XCTAssertEqual(Section(margins: margins).xml,
                       "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooter1\"/><w:type w:val=\"nextPage\"/>"
                       + "<w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1417\" w:right=\"850\" w:bottom=\"1417\" w:left=\"1701\" "
                       + "w:header=\"709\" w:footer=\"567\" w:gutter=\"0\"/><w:cols w:space=\"708\"/></w:sectPr>")
        let landscape = Section(orientation: .landscape, margins: margins, footer: false)
        XCTAssertTrue(landscape.xml.contains("<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>"))
        XCTAssertFalse(landscape.xml.contains("footerReference"))
        XCTAssertEqual(Section(margins: margins).textWidth, 11906 - 1701 - 850)
        XCTAssertEqual(landscape.textWidth, 16838 - 1701 - 850)
    }

    func testTableGridHeaderMergeAndSpan() {
        let table = Table(columns: [600, 3000, 1000], rows: [
            TableRow([TableCell(Paragraph("STT")), TableCell(Paragraph("Chỉ tiêu")), TableCell(Paragraph("ĐVT"))], isHeader: true),
            TableRow([TableCell([Paragraph("I")], shaded: true), TableCell([Paragraph("Công tác tổ chức")], span: 2, shaded: true)]),
            TableRow([TableCell([Paragraph("1")], verticalMerge: .restart, verticalAlignment: .center), TableCell(Paragraph("a"), span: 2)], cantSplit: false),
            TableRow([TableCell([], verticalMerge: .continue), TableCell(Paragraph("b"), span: 2)]),
        ])
        let xml = table.xml
        XCTAssertTrue(xml.hasPrefix("<w:tbl><w:tblPr><w:tblW w:w=\"4600\" w:type=\"dxa\"/><w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"), xml)
        XCTAssertTrue(xml.contains("<w:tblLayout w:type=\"fixed\"/>"))
        XCTAssertTrue(xml.contains("<w:tblGrid><w:gridCol w:w=\"600\"/><w:gridCol w:w=\"3000\"/><w:gridCol w:w=\"1000\"/></w:tblGrid>"))
        XCTAssertTrue(xml.contains("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr><w:tc><w:tcPr><w:tcW w:w=\"600\" w:type=\"dxa\"/></w:tcPr>"))
        XCTAssertTrue(xml.contains("<w:tc><w:tcPr><w:tcW w:w=\"4000\" w:type=\"dxa\"/><w:gridSpan w:val=\"2\"/><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E7E6E6\"/></w:tcPr>"),
                      "a spanning cell is as wide as its columns")
        XCTAssertTrue(xml.contains("<w:tr><w:tc><w:tcPr><w:tcW w:w=\"600\" w:type=\"dxa\"/><w:vMerge w:val=\"restart\"/><w:vAlign w:val=\"center\"/></w:tcPr>"),
                      "a row that may split has no cantSplit")
        XCTAssertTrue(xml.contains("<w:tcPr><w:tcW w:w=\"600\" w:type=\"dxa\"/><w:vMerge/></w:tcPr><w:p></w:p></w:tc>"),
                      "a merged cell still holds the paragraph every cell needs")
        XCTAssertEqual(xml.components(separatedBy: "<w:tblHeader/>").count, 2, "one heading row")
        let layout = Table(columns: [100], rows: [], bordered: false, indent: -200)
        XCTAssertTrue(layout.xml.contains("<w:tblInd w:w=\"-200\" w:type=\"dxa\"/><w:tblBorders><w:top w:val=\"nil\"/>"), layout.xml)
    }

    private func sample(title: String = "Báo cáo & kết quả") -> Document {
        let margins = Section.Margins(top: 25, bottom: 25, left: 30, right: 15)
        var closing = Paragraph("Phụ lục")
        closing.sectionEnd = Section(margins: margins)
        return Document(
            blocks: [.paragraph(Paragraph("BÁO CÁO", RunFormat(bold: true), style: "Title")), .paragraph(closing),
                     .table(Table(columns: [1000], rows: [TableRow([TableCell(Paragraph("x"))])]))],
            section: Section(orientation: .landscape, margins: margins),
            footer: [Paragraph([Run("Trang "), Run.field("PAGE")], alignment: .center)],
            styles: [ParagraphStyle(id: "Normal", name: "Normal", basedOn: nil, format: RunFormat(size: 14)),
                     ParagraphStyle(id: "Title", name: "Title", format: RunFormat(bold: true, size: 16), alignment: .center)],
            font: "Times New Roman", language: "vi-VN",
            info: DocumentInfo(title: title, subject: "s", creator: "chitieu", keywords: "k", date: (2020, 7, 21)))
    }

    private func entries(_ data: Data) throws -> [(String, String, Date)] {
        let archive = try Archive(data: data, accessMode: .read)
        return try archive.map { entry in
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            return (entry.path, String(decoding: bytes, as: UTF8.self), entry.fileAttributes[.modificationDate] as? Date ?? .distantPast)
        }
    }

    func testPackagePartsAndContentTypes() throws {
        let parts = try entries(try sample().data())
        XCTAssertEqual(parts.map(\.0), ["[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml", "word/document.xml",
                                        "word/styles.xml", "word/settings.xml", "word/footer1.xml", "word/_rels/document.xml.rels"])
        let byPath = Dictionary(uniqueKeysWithValues: parts.map { ($0.0, $0.1) })
        let types = try XCTUnwrap(byPath["[Content_Types].xml"])
        for part in ["/word/document.xml", "/word/styles.xml", "/word/settings.xml", "/word/footer1.xml", "/docProps/core.xml", "/docProps/app.xml"] {
            XCTAssertTrue(types.contains("<Override PartName=\"\(part)\""), part)
        }
        XCTAssertTrue(types.contains("wordprocessingml.document.main+xml"))
        XCTAssertTrue(try XCTUnwrap(byPath["_rels/.rels"]).contains("Target=\"word/document.xml\""))
        let rels = try XCTUnwrap(byPath["word/_rels/document.xml.rels"])
        XCTAssertTrue(rels.contains("Id=\"rIdFooter1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\""))
        let document = try XCTUnwrap(byPath["word/document.xml"])
        XCTAssertEqual(document.components(separatedBy: "<w:sectPr>").count, 3, "one section ended in a paragraph, the last at the body's end")
        XCTAssertTrue(document.hasSuffix("<w:cols w:space=\"708\"/></w:sectPr></w:body></w:document>"))
        let styles = try XCTUnwrap(byPath["word/styles.xml"])
        XCTAssertTrue(styles.contains("<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"Times New Roman\" w:cs=\"Times New Roman\"/><w:sz w:val=\"28\"/>"))
        XCTAssertTrue(styles.contains("<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">"))
        XCTAssertTrue(styles.contains("<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/>"))
        XCTAssertTrue(try XCTUnwrap(byPath["word/footer1.xml"]).contains("<w:fldSimple w:instr=\" PAGE \">"))
        let core = try XCTUnwrap(byPath["docProps/core.xml"])
        XCTAssertTrue(core.contains("<dc:title>Báo cáo &amp; kết quả</dc:title>"))
        XCTAssertTrue(core.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2020-07-21T00:00:00Z</dcterms:created>"))
        for (path, xml, _) in parts { XCTAssertTrue(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"), path) }
    }

    /// Text no one controls (a body's name, a quote) in every place a document takes text: each
    /// part must still parse as XML, and the text must come back as it was, less the controls.
    func testHostileTextStaysWellFormed() throws {
        let hostile = "A & B <c> \"d\" 'e' ]]> \u{1}\u{8}\u{B}\u{C}\u{1F}\u{FFFE} Đảng 🇻🇳  x "
        let margins = Section.Margins(top: 25, bottom: 25, left: 30, right: 15)
        let document = Document(
            blocks: [.paragraph(Paragraph(hostile, RunFormat(bold: true), style: hostile)),
                     .table(Table(columns: [1000, 1000], rows: [TableRow([TableCell(Paragraph(hostile), span: 2)], isHeader: true)], style: hostile))],
            section: Section(margins: margins),
            footer: [Paragraph([Run(hostile), Run.field(hostile, placeholder: hostile)])],
            styles: [ParagraphStyle(id: hostile, name: hostile, basedOn: hostile)],
            font: hostile, language: hostile,
            info: DocumentInfo(title: hostile, subject: hostile, creator: hostile, keywords: hostile, date: (2020, 7, 21)))
        let scratch = NSTemporaryDirectory() + "docx-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        for (path, xml, _) in try entries(try document.data()) {
            let file = scratch + "/part.xml"
            try Data(xml.utf8).write(to: URL(fileURLWithPath: file))
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            // Prints the document's text: every <w:t>, and the title.
            p.arguments = ["python3", "-c", """
                import sys, xml.dom.minidom
                d = xml.dom.minidom.parse(sys.argv[1])
                for tag in ("w:t", "dc:title"):
                    for e in d.getElementsByTagName(tag):
                        sys.stdout.write("".join(n.data for n in e.childNodes) + "|")
                """, file]
            let out = Pipe()
            p.standardOutput = out
            p.standardError = FileHandle.nullDevice
            try p.run()
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            XCTAssertEqual(p.terminationStatus, 0, "\(path) is not well-formed XML")
            if path == "word/document.xml" || path == "docProps/core.xml" {
                XCTAssertTrue(text.contains("A & B <c> \"d\" 'e' ]]>  Đảng 🇻🇳  x |"), "\(path): \(text)")
            }
        }
    }

    func testSameDocumentSameBytesAndEntriesCarryTheDocumentsDate() throws {
        let first = try sample().data()
        Thread.sleep(forTimeInterval: 2.1) // past the 2-second grain of ZIP times: a clock date would differ
        XCTAssertEqual(first, try sample().data())
        XCTAssertNotEqual(first, try sample(title: "other").data())
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC") ?? utc.timeZone
        for (path, _, date) in try entries(first) {
            let c = utc.dateComponents([.year, .month, .day, .hour, .minute], from: date)
            XCTAssertEqual([c.year, c.month, c.day, c.hour, c.minute], [2020, 7, 21, 0, 0], path)
        }
        XCTAssertEqual(utc.dateComponents([.year, .month, .day], from: Package.entryDate((1962, 5, 1))).year, 1980, "ZIP dates begin in 1980")
    }
}
