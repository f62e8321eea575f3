import Foundation

/// How a run of text looks. Nil fields inherit from the paragraph's style.
public struct RunFormat: Hashable, Sendable {
    /// Bold.
    public var bold: Bool
    /// Italic.
    public var italic: Bool
    /// Shown in capitals whatever the case of the text (`w:caps`).
    public var caps: Bool
    /// Underlined with a single line.
    public var underline: Bool
    /// Size in points; Word stores half-points, so 14 is `w:sz w:val="28"`. Nil inherits.
    public var size: Decimal?

    /// Creates a format.
    public init(bold: Bool = false, italic: Bool = false, caps: Bool = false, underline: Bool = false, size: Decimal? = nil) {
        self.bold = bold
        self.italic = italic
        self.caps = caps
        self.underline = underline
        self.size = size
    }

    /// Plain text in the paragraph style's font and size.
    public static let plain = RunFormat()

    /// The size in half-points, as `w:sz` holds it: 14 pt → 28, 13,5 pt → 27 (rounded half up).
    var halfPoints: Int? {
        guard let size else { return nil }
        var doubled = size * 2
        var rounded = Decimal()
        NSDecimalRound(&rounded, &doubled, 0, .plain)
        return NSDecimalNumber(decimal: rounded).intValue
    }

    /// `<w:rPr>`, its children in the schema's order (Word rejects them out of order); empty
    /// when the run inherits everything.
    var xml: String {
        var p = ""
        if bold { p += "<w:b/><w:bCs/>" }
        if italic { p += "<w:i/><w:iCs/>" }
        if caps { p += "<w:caps/>" }
        if let h = halfPoints { p += "<w:sz w:val=\"\(h)\"/><w:szCs w:val=\"\(h)\"/>" }
        if underline { p += "<w:u w:val=\"single\"/>" }
        return p.isEmpty ? "" : "<w:rPr>\(p)</w:rPr>"
    }
}

/// A run: text in one format, or a field whose result Word computes (the page number).
public struct Run: Hashable, Sendable {
    /// What the run holds.
    public enum Content: Hashable, Sendable {
        /// Text; a tab becomes `<w:tab/>` and a line feed a line break `<w:br/>`.
        case text(String)
        /// A simple field with its instruction (`PAGE`, `NUMPAGES`) and the text shown until it is updated.
        case field(instruction: String, placeholder: String)
    }

    /// The content.
    public var content: Content
    /// The format.
    public var format: RunFormat

    /// A run of text.
    public init(_ text: String, _ format: RunFormat = .plain) {
        content = .text(text)
        self.format = format
    }

    /// A field such as `PAGE`.
    public static func field(_ instruction: String, placeholder: String = "1", format: RunFormat = .plain) -> Run {
        var run = Run("", format)
        run.content = .field(instruction: instruction, placeholder: placeholder)
        return run
    }

    var xml: String {
        switch content {
        case let .text(text):
            return "<w:r>\(format.xml)\(Self.textXML(text))</w:r>"
        case let .field(instruction, placeholder):
            return "<w:fldSimple w:instr=\" \(XML.escape(instruction)) \"><w:r>\(format.xml)\(Self.textXML(placeholder))</w:r></w:fldSimple>"
        }
    }

    /// The run's text elements: `<w:t>` pieces between tabs and breaks, each kept verbatim
    /// (`xml:space="preserve"`) when it has spaces that XML would otherwise fold away.
    static func textXML(_ text: String) -> String {
        var out = ""
        var piece = ""
        func flush() {
            guard !piece.isEmpty else { return }
            let preserve = piece.first == " " || piece.last == " " || piece.contains("  ")
            out += preserve ? "<w:t xml:space=\"preserve\">" : "<w:t>"
            out += XML.escape(piece) + "</w:t>"
            piece = ""
        }
        // A CR LF pair is one break; a lone CR is one too.
        for ch in text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") {
            switch ch {
            case "\t": flush(); out += "<w:tab/>"
            case "\n": flush(); out += "<w:br/>"
            default: piece.append(ch)
            }
        }
        flush()
        return out
    }
}
