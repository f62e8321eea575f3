import Foundation

/// How a paragraph's lines are aligned (`w:jc`).
public enum Alignment: String, Hashable, Sendable {
    /// Flush left.
    case left
    /// Centred.
    case center
    /// Flush right.
    case right
    /// Justified, as the body text of an official document.
    case both
}

/// A paragraph: runs in a named style, with the few direct settings a document needs.
/// Distances are in twentieths of a point (twips: 567 to the centimetre); nil inherits the style's.
public struct Paragraph: Hashable, Sendable {
    /// The style's id in `word/styles.xml` (`Title`, `BodyText`); nil is Normal.
    public var style: String?
    /// The runs.
    public var runs: [Run]
    /// Alignment.
    public var alignment: Alignment?
    /// Space before, in twips.
    public var spaceBefore: Int?
    /// Space after, in twips.
    public var spaceAfter: Int?
    /// Indent of the first line, in twips.
    public var firstLineIndent: Int?
    /// Left indent, in twips.
    public var leftIndent: Int?
    /// Right indent, in twips.
    public var rightIndent: Int?
    /// Kept on the page of the next paragraph (a heading with its text).
    public var keepWithNext: Bool
    /// Starts a new page.
    public var pageBreakBefore: Bool
    /// A solid rule under the paragraph, between its indents (the rule under "ĐẢNG CỘNG SẢN VIỆT NAM").
    public var ruleBelow: Bool
    /// Ends a section here: the section's page setup, written in this paragraph's properties.
    public var sectionEnd: Section?

    /// Creates a paragraph.
    public init(_ runs: [Run] = [], style: String? = nil, alignment: Alignment? = nil,
                spaceBefore: Int? = nil, spaceAfter: Int? = nil, firstLineIndent: Int? = nil,
                leftIndent: Int? = nil, rightIndent: Int? = nil,
                keepWithNext: Bool = false, pageBreakBefore: Bool = false, ruleBelow: Bool = false) {
        self.style = style
        self.runs = runs
        self.alignment = alignment
        self.spaceBefore = spaceBefore
        self.spaceAfter = spaceAfter
        self.firstLineIndent = firstLineIndent
        self.leftIndent = leftIndent
        self.rightIndent = rightIndent
        self.keepWithNext = keepWithNext
        self.pageBreakBefore = pageBreakBefore
        self.ruleBelow = ruleBelow
        sectionEnd = nil
    }

    /// A paragraph of one run of text.
    public init(_ text: String, _ format: RunFormat = .plain, style: String? = nil, alignment: Alignment? = nil) {
        self.init(text.isEmpty ? [] : [Run(text, format)], style: style, alignment: alignment)
    }

    /// `<w:p>`, its properties in the schema's order.
    var xml: String {
        var p = ""
        if let style { p += "<w:pStyle w:val=\"\(XML.escape(style))\"/>" }
        if keepWithNext { p += "<w:keepNext/>" }
        if pageBreakBefore { p += "<w:pageBreakBefore/>" }
        if ruleBelow { p += "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"8\" w:space=\"1\" w:color=\"000000\"/></w:pBdr>" }
        if spaceBefore != nil || spaceAfter != nil {
            p += "<w:spacing" + (spaceBefore.map { " w:before=\"\($0)\"" } ?? "") + (spaceAfter.map { " w:after=\"\($0)\"" } ?? "") + "/>"
        }
        if leftIndent != nil || rightIndent != nil || firstLineIndent != nil {
            p += "<w:ind" + (leftIndent.map { " w:left=\"\($0)\"" } ?? "") + (rightIndent.map { " w:right=\"\($0)\"" } ?? "")
                + (firstLineIndent.map { " w:firstLine=\"\($0)\"" } ?? "") + "/>"
        }
        if let alignment { p += "<w:jc w:val=\"\(alignment.rawValue)\"/>" }
        if let sectionEnd { p += sectionEnd.xml }
        return "<w:p>" + (p.isEmpty ? "" : "<w:pPr>\(p)</w:pPr>") + runs.map(\.xml).joined() + "</w:p>"
    }
}
