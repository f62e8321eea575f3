import Foundation
import ZIPFoundation

/// A piece of a document's body.
public enum Block: Hashable, Sendable {
    /// A paragraph.
    case paragraph(Paragraph)
    /// A table.
    case table(Table)
}

/// What `docProps/core.xml` says about the document.
public struct DocumentInfo: Sendable {
    /// Title.
    public var title: String
    /// Subject.
    public var subject: String
    /// Author.
    public var creator: String
    /// Keywords.
    public var keywords: String
    /// The document's date as year, month and day, from the data and never the clock, so that
    /// the same input gives the same bytes. Also the date of every ZIP entry.
    public var date: (year: Int, month: Int, day: Int)

    /// Creates the properties.
    public init(title: String, subject: String, creator: String, keywords: String, date: (year: Int, month: Int, day: Int)) {
        self.title = title
        self.subject = subject
        self.creator = creator
        self.keywords = keywords
        self.date = date
    }


    /// "2020-07-21T00:00:00Z", the W3CDTF form core properties use.
    var timestamp: String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(date.year)-\(two(date.month))-\(two(date.day))T00:00:00Z"
    }
}

/// A WordprocessingML document: named styles, body blocks, the final section and a footer.
/// `data()` gives the `.docx` bytes; the same document always gives the same bytes.
public struct Document: Sendable {
    /// The body, in order. A paragraph with `sectionEnd` closes a section before the last.
    public var blocks: [Block]
    /// The last section's page setup.
    public var section: Section
    /// The footer of every section that shows one.
    public var footer: [Paragraph]
    /// The paragraph styles, Normal first.
    public var styles: [ParagraphStyle]
    /// The font of every style (`w:rFonts`), such as Times New Roman.
    public var font: String
    /// The language of the text, for spelling and hyphenation (`vi-VN`, `en-GB`).
    public var language: String
    /// Core properties.
    public var info: DocumentInfo

    /// Creates a document.
    public init(blocks: [Block], section: Section, footer: [Paragraph], styles: [ParagraphStyle], font: String, language: String, info: DocumentInfo) {
        self.blocks = blocks
        self.section = section
        self.footer = footer
        self.styles = styles
        self.font = font
        self.language = language
        self.info = info
    }

    /// The package's parts, by path, in the order they are zipped: `[Content_Types].xml` first, as
    /// readers expect.
    public func parts() -> [(path: String, xml: String)] {
        [
            ("[Content_Types].xml", Package.contentTypes),
            ("_rels/.rels", Package.rootRelationships),
            ("docProps/core.xml", coreXML),
            ("docProps/app.xml", Package.appXML),
            ("word/document.xml", documentXML),
            ("word/styles.xml", stylesXML),
            ("word/settings.xml", Package.settingsXML),
            ("word/footer1.xml", footerXML),
            ("word/_rels/document.xml.rels", Package.documentRelationships),
        ]
    }

    /// The `.docx` bytes: every part deflated, in a fixed order, each entry dated the document's date.
    /// - Throws: ZIPFoundation's error if the archive cannot be built in memory.
    public func data() throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        let date = Package.entryDate(info.date)
        for (path, xml) in parts() {
            let bytes = Data(xml.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: date,
                                 permissions: 0o644, compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw Package.Failure(reason: "the archive built in memory has no data") }
        return data
    }

    var documentXML: String {
        var body = ""
        for block in blocks {
            switch block {
            case let .paragraph(p): body += p.xml
            case let .table(t):
                body += t.xml
            }
        }
        return XML.declaration + "<w:document \(XML.namespaces)><w:body>" + body + section.xml + "</w:body></w:document>"
    }

    var footerXML: String {
        XML.declaration + "<w:ftr \(XML.namespaces)>" + (footer.isEmpty ? [Paragraph()] : footer).map(\.xml).joined() + "</w:ftr>"
    }

    var stylesXML: String {
        let f = XML.escape(font)
        let normalSize = styles.first { $0.id == "Normal" }?.format.halfPoints ?? 28
        return XML.declaration + "<w:styles \(XML.namespaces)>"
            + "<w:docDefaults><w:rPrDefault><w:rPr>"
            + "<w:rFonts w:ascii=\"\(f)\" w:hAnsi=\"\(f)\" w:eastAsia=\"\(f)\" w:cs=\"\(f)\"/>"
            + "<w:sz w:val=\"\(normalSize)\"/><w:szCs w:val=\"\(normalSize)\"/>"
            + "<w:lang w:val=\"\(XML.escape(language))\" w:eastAsia=\"\(XML.escape(language))\" w:bidi=\"ar-SA\"/>"
            + "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
            + styles.map(\.xml).joined()
            + "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/>"
            + "<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>"
            + "<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
            + "<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/><w:basedOn w:val=\"TableNormal\"/><w:uiPriority w:val=\"39\"/>"
            + "<w:tblPr><w:tblBorders>"
            + ["top", "left", "bottom", "right", "insideH", "insideV"].map { "<w:\($0) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>" }.joined()
            + "</w:tblBorders></w:tblPr></w:style>"
            + "</w:styles>"
    }

    var coreXML: String {
        XML.declaration
            + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
            + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
            + "xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
            + "<dc:title>\(XML.escape(info.title))</dc:title><dc:subject>\(XML.escape(info.subject))</dc:subject>"
            + "<dc:creator>\(XML.escape(info.creator))</dc:creator><cp:keywords>\(XML.escape(info.keywords))</cp:keywords>"
            + "<dcterms:created xsi:type=\"dcterms:W3CDTF\">\(info.timestamp)</dcterms:created>"
            + "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">\(info.timestamp)</dcterms:modified>"
            + "</cp:coreProperties>"
    }
}
