import Foundation

/// A named paragraph style of `word/styles.xml`: what an editor sees in Word's style list, so that
/// an office changes every heading or the body text at once.
public struct ParagraphStyle: Hashable, Sendable {
    /// The id paragraphs refer to (`Title`).
    public var id: String
    /// The name shown in Word (`Title`, `Body Text`); Word's built-in names map onto its own styles.
    public var name: String
    /// The style it inherits from; nil for Normal's children, which inherit Normal.
    public var basedOn: String?
    /// Run format of the whole style.
    public var format: RunFormat
    /// Alignment.
    public var alignment: Alignment?
    /// Space before, in twips.
    public var spaceBefore: Int
    /// Space after, in twips.
    public var spaceAfter: Int
    /// First-line indent, in twips.
    public var firstLineIndent: Int?
    /// Kept with the next paragraph (headings).
    public var keepWithNext: Bool
    /// An outline level (0 for a first-level heading), so that headings show in the navigator.
    public var outlineLevel: Int?

    /// Creates a style.
    public init(id: String, name: String, basedOn: String? = "Normal", format: RunFormat = .plain, alignment: Alignment? = nil,
                spaceBefore: Int = 0, spaceAfter: Int = 0, firstLineIndent: Int? = nil, keepWithNext: Bool = false, outlineLevel: Int? = nil) {
        self.id = id
        self.name = name
        self.basedOn = basedOn
        self.format = format
        self.alignment = alignment
        self.spaceBefore = spaceBefore
        self.spaceAfter = spaceAfter
        self.firstLineIndent = firstLineIndent
        self.keepWithNext = keepWithNext
        self.outlineLevel = outlineLevel
    }

    var xml: String {
        var p = ""
        if keepWithNext { p += "<w:keepNext/>" }
        p += "<w:spacing w:before=\"\(spaceBefore)\" w:after=\"\(spaceAfter)\"/>"
        if let firstLineIndent { p += "<w:ind w:firstLine=\"\(firstLineIndent)\"/>" }
        if let alignment { p += "<w:jc w:val=\"\(alignment.rawValue)\"/>" }
        if let outlineLevel { p += "<w:outlineLvl w:val=\"\(outlineLevel)\"/>" }
        let defaultAttribute = id == "Normal" ? " w:default=\"1\"" : ""
        return "<w:style w:type=\"paragraph\"\(defaultAttribute) w:styleId=\"\(XML.escape(id))\">"
            + "<w:name w:val=\"\(XML.escape(name))\"/>"
            + (basedOn.map { "<w:basedOn w:val=\"\(XML.escape($0))\"/>" } ?? "")
            + "<w:qFormat/><w:pPr>\(p)</w:pPr>\(format.xml)</w:style>"
    }
}
