import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Streams the events of one XML part to closures. Every part of a workbook is read this way,
/// never as a tree, so memory follows what is kept, not the size of the part.
///
/// Element names arrive without their namespace prefix (`x:c` → `c`): some writers prefix
/// SpreadsheetML elements, and no two elements of the parts read here share a local name.
final class SAX: NSObject, XMLParserDelegate {
    var start: (_ name: Substring, _ attributes: [String: String]) throws -> Void = { _, _ in }
    var end: (_ name: Substring) throws -> Void = { _ in }
    var text: (_ characters: String) -> Void = { _ in }
    private var failure: Error?
    /// Thrown by a closure to stop reading early, once what is needed has been read (a sheet's
    /// data validations and formatting after its cells): not a failure.
    struct Stop: Error {}
    private var stopped = false
    /// Open elements: FoundationXML on Linux reports a part cut short as parsed, so an element
    /// left open (or no root at all) is caught here.
    private var depth = 0
    private var sawRoot = false

    static func local(_ name: String) -> Substring {
        if let colon = name.lastIndex(of: ":") { return name[name.index(after: colon)...] }
        return name[...]
    }

    /// Parses the data, rethrowing the first error a closure threw or the parser's own.
    func parse(_ data: Data, path: String, part: String) throws {
        let parser = XMLParser(data: data)
        parser.delegate = self
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        let ok = parser.parse()
        if stopped { return }
        if let failure { throw failure }
        if !ok || depth != 0 || !sawRoot {
            let line = parser.lineNumber
            let reason = parser.parserError.map { "\($0.localizedDescription)" } ?? (sawRoot ? "phần bị cắt cụt" : "không có phần tử gốc")
            throw XlsxReadError(path: path, place: part, "XML hỏng ở dòng \(line) (\(reason)); tệp không phải .xlsx hợp lệ: mở và lưu lại bằng Excel hoặc LibreOffice")
        }
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        depth += 1
        sawRoot = true
        guard failure == nil else { return }
        do { try start(SAX.local(elementName), attributes) } catch is Stop {
            stopped = true
            parser.abortParsing()
        } catch {
            failure = error
            parser.abortParsing()
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        depth -= 1
        guard failure == nil else { return }
        do { try end(SAX.local(elementName)) } catch {
            failure = error
            parser.abortParsing()
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text(string)
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        text(String(decoding: CDATABlock, as: UTF8.self))
    }
}

extension Dictionary where Key == String, Value == String {
    /// An attribute by its local name, whatever prefix the writer gave it (`r:id`, `ns1:id`).
    func attribute(_ local: String) -> String? {
        if let v = self[local] { return v }
        for (k, v) in self where k.hasSuffix(":" + local) { return v }
        return nil
    }
}
