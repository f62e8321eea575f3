import CXlsxWriter

/// How a cell looks: a value type, turned into one `lxw_format` per distinct style per workbook.
public struct CellStyle: Hashable, Sendable {
    /// Horizontal alignment.
    public enum Alignment: Hashable, Sendable { case left, center, right }

    /// Bold text.
    public var bold = false
    /// An Excel number format, e.g. `0.0%` or `#,##0`; the reader's locale decides the marks.
    /// At most `maximumNumberFormatBytes` bytes of UTF-8: libxlsxwriter cuts a longer one, which
    /// would leave a broken format in the file.
    public var numberFormat: String?

    /// The longest number format libxlsxwriter keeps whole (`LXW_FORMAT_FIELD_LEN` − 1), in bytes.
    public static let maximumNumberFormatBytes = 127
    /// Wrap long text inside the cell.
    public var wrap = false
    /// Fill colour, 0xRRGGBB.
    public var background: UInt32?
    /// Font colour, 0xRRGGBB.
    public var fontColor: UInt32?
    /// A thin border around the cell.
    public var border = false
    /// Horizontal alignment, if not the default.
    public var alignment: Alignment?
    /// Align to the top of the cell (for wrapped rows).
    public var top = false
    /// Font size in points, if not the default.
    public var fontSize: Double?
    /// Font name, if not the workbook's default (a printed Party document uses Times New Roman).
    public var fontName: String?
    /// Italic text.
    public var italic = false
    /// Indent from the cell's aligned edge, in steps of about one character: keeps text clear of
    /// the number to its left.
    public var indent = 0
    /// A thin rule under the cell alone (the line under "ĐẢNG CỘNG SẢN VIỆT NAM").
    public var underRule = false
    /// Centre the text vertically (titles in rows taller than their text).
    public var middle = false
    /// Left open for typing when the sheet is protected (`Worksheet.protect()`); every other cell is locked.
    public var unlocked = false

    /// Creates a style.
    public init(
        bold: Bool = false, numberFormat: String? = nil, wrap: Bool = false, background: UInt32? = nil,
        fontColor: UInt32? = nil, border: Bool = false, alignment: Alignment? = nil, top: Bool = false, fontSize: Double? = nil,
        fontName: String? = nil, italic: Bool = false, indent: Int = 0, underRule: Bool = false, middle: Bool = false,
        unlocked: Bool = false
    ) {
        self.unlocked = unlocked
        self.bold = bold
        self.numberFormat = numberFormat
        self.wrap = wrap
        self.background = background
        self.fontColor = fontColor
        self.border = border
        self.alignment = alignment
        self.top = top
        self.fontSize = fontSize
        self.fontName = fontName
        self.italic = italic
        self.indent = indent
        self.underRule = underRule
        self.middle = middle
    }

    func apply(to f: UnsafeMutablePointer<lxw_format>) {
        if unlocked { format_set_unlocked(f) }
        if bold { format_set_bold(f) }
        if let numberFormat { format_set_num_format(f, numberFormat) }
        if wrap { format_set_text_wrap(f) }
        if let background { format_set_bg_color(f, background) }
        if let fontColor { format_set_font_color(f, fontColor) }
        if border { format_set_border(f, UInt8(LXW_BORDER_THIN.rawValue)) }
        switch alignment {
        case .left?: format_set_align(f, UInt8(LXW_ALIGN_LEFT.rawValue))
        case .center?: format_set_align(f, UInt8(LXW_ALIGN_CENTER.rawValue))
        case .right?: format_set_align(f, UInt8(LXW_ALIGN_RIGHT.rawValue))
        case nil: break
        }
        if top { format_set_align(f, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue)) }
        if let fontSize { format_set_font_size(f, fontSize) }
        if let fontName { format_set_font_name(f, fontName) }
        if italic { format_set_italic(f) }
        if indent > 0 { format_set_indent(f, UInt8(min(indent, 15))) }
        if underRule { format_set_bottom(f, UInt8(LXW_BORDER_THIN.rawValue)) }
        if middle { format_set_align(f, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue)) }
    }
}
