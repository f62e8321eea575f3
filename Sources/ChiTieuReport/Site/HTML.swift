import Foundation

/// A small HTML writer: every text and attribute value from data goes through `escape`, so a
/// target written as `<script>` in a data file is shown as those characters, never run.
///
/// Elements are written in the order they are opened; the writer keeps no tree, and attributes
/// keep the order given, so the same calls give the same bytes.
struct HTML {
    /// The text written so far.
    private(set) var text = ""

    /// Escapes the five characters that matter in text and in quoted attribute values.
    static func escape(_ s: String) -> String {
        // Most texts hold none of them: returned as they are, without a copy.
        guard s.utf8.contains(where: { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 || $0 == 39 }) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// An attribute list: `[("class", "x"), ("href", "a.html")]`; a nil value leaves it out.
    typealias Attributes = KeyValuePairs<String, String?>

    private static func attributes(_ attrs: Attributes) -> String {
        attrs.compactMap { key, value in value.map { " \(key)=\"\(escape($0))\"" } }.joined()
    }

    /// Opens an element.
    mutating func open(_ tag: String, _ attrs: Attributes = [:]) {
        text += "<\(tag)\(Self.attributes(attrs))>"
    }

    /// Closes an element, with a line break after block elements to keep the source readable.
    mutating func close(_ tag: String) {
        text += "</\(tag)>"
        if Self.blocks.contains(tag) { text += "\n" }
    }

    /// An element holding escaped text.
    mutating func element(_ tag: String, _ attrs: Attributes = [:], _ content: String) {
        open(tag, attrs)
        text += Self.escape(content)
        close(tag)
    }

    /// An element whose content is written by `body`.
    mutating func element(_ tag: String, _ attrs: Attributes = [:], _ body: (inout HTML) -> Void) {
        open(tag, attrs)
        body(&self)
        close(tag)
    }

    /// An element with no content and no end tag (`meta`, `link`).
    mutating func void(_ tag: String, _ attrs: Attributes = [:]) {
        text += "<\(tag)\(Self.attributes(attrs))>"
    }

    /// Escaped text.
    mutating func add(_ s: String) { text += Self.escape(s) }

    /// Markup made by the project itself (the style sheet, the script, an SVG built here),
    /// never text from data.
    mutating func raw(_ s: String) { text += s }

    private static let blocks: Set<String> = [
        "html", "head", "body", "header", "footer", "main", "nav", "section", "article", "div", "p", "ul", "ol", "li",
        "table", "thead", "tbody", "tr", "h1", "h2", "h3", "details", "figure", "figcaption", "caption", "svg", "style", "script", "title",
    ]
}
