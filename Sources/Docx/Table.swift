import Foundation

/// A cell of a table row.
public struct TableCell: Hashable, Sendable {
    /// How a cell takes part in a vertical merge (`w:vMerge`).
    public enum VerticalMerge: Hashable, Sendable {
        /// The first cell of a merged column of cells; its content is shown.
        case restart
        /// A cell merged into the one above; its content is hidden.
        case `continue`
    }

    /// Vertical alignment of the content (`w:vAlign`).
    public enum VerticalAlignment: String, Hashable, Sendable {
        /// At the top.
        case top
        /// Centred.
        case center
        /// At the bottom.
        case bottom
    }

    /// The paragraphs; a cell must hold at least one, so an empty cell is written with an empty paragraph.
    public var paragraphs: [Paragraph]
    /// How many grid columns the cell spans (`w:gridSpan`), for a group row across the table.
    public var span: Int
    /// Vertical merge, if any.
    public var verticalMerge: VerticalMerge?
    /// Vertical alignment.
    public var verticalAlignment: VerticalAlignment?
    /// A light grey fill (`w:shd`), for group rows; text on it stays black, so a black-and-white
    /// printer keeps it readable.
    public var shaded: Bool
    /// A fill of its own (RGB, e.g. 0xC6EFCE), for a band an office colours; over `shaded`.
    public var fill: UInt32?

    /// Creates a cell.
    public init(_ paragraphs: [Paragraph], span: Int = 1, verticalMerge: VerticalMerge? = nil,
                verticalAlignment: VerticalAlignment? = nil, shaded: Bool = false) {
        self.paragraphs = paragraphs
        self.span = max(1, span)
        self.verticalMerge = verticalMerge
        self.verticalAlignment = verticalAlignment
        self.shaded = shaded
    }

    /// A cell of one paragraph.
    public init(_ paragraph: Paragraph, span: Int = 1) {
        self.init([paragraph], span: span)
    }

    func xml(width: Int) -> String {
        var p = "<w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>"
        if span > 1 { p += "<w:gridSpan w:val=\"\(span)\"/>" }
        switch verticalMerge {
        case .restart?: p += "<w:vMerge w:val=\"restart\"/>"
        case .continue?: p += "<w:vMerge/>"
        case nil: break
        }
        if let fill {
            p += "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"" + String(format: "%06X", fill) + "\"/>"
        } else if shaded {
            p += "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E7E6E6\"/>"
        }
        if let verticalAlignment { p += "<w:vAlign w:val=\"\(verticalAlignment.rawValue)\"/>" }
        let content = paragraphs.isEmpty ? [Paragraph()] : paragraphs
        return "<w:tc><w:tcPr>\(p)</w:tcPr>" + content.map(\.xml).joined() + "</w:tc>"
    }
}

/// A row of a table.
public struct TableRow: Hashable, Sendable {
    /// The cells, left to right; their spans add up to the table's columns.
    public var cells: [TableCell]
    /// A heading row, repeated at the top of every page the table runs onto (`w:tblHeader`).
    public var isHeader: Bool
    /// Kept whole on one page (`w:cantSplit`).
    public var cantSplit: Bool

    /// Creates a row.
    public init(_ cells: [TableCell], isHeader: Bool = false, cantSplit: Bool = true) {
        self.cells = cells
        self.isHeader = isHeader
        self.cantSplit = cantSplit
    }
}

/// A table with fixed column widths: a bordered grid (the annex), or a borderless layout (the
/// header block of a Party document).
public struct Table: Hashable, Sendable {
    /// Column widths in twips.
    public var columns: [Int]
    /// The rows.
    public var rows: [TableRow]
    /// Single black borders around and between every cell; none when false.
    public var bordered: Bool
    /// The table's shift from the left margin, in twips; negative reaches into the margin.
    public var indent: Int
    /// The table style's id in `word/styles.xml`, if any.
    public var style: String?

    /// Creates a table.
    public init(columns: [Int], rows: [TableRow], bordered: Bool = true, indent: Int = 0, style: String? = nil) {
        self.columns = columns
        self.rows = rows
        self.bordered = bordered
        self.indent = indent
        self.style = style
    }

    /// The whole width, in twips.
    public var width: Int { columns.reduce(0, +) }

    /// `<w:tbl>`: properties in the schema's order, the grid, then the rows. A cell's width is
    /// the sum of the columns it spans.
    var xml: String {
        let line = bordered ? "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"" : "w:val=\"nil\""
        let borders = ["top", "left", "bottom", "right", "insideH", "insideV"].map { "<w:\($0) \(line)/>" }.joined()
        var out = "<w:tbl><w:tblPr>"
        if let style { out += "<w:tblStyle w:val=\"\(XML.escape(style))\"/>" }
        out += "<w:tblW w:w=\"\(width)\" w:type=\"dxa\"/>"
        if indent != 0 { out += "<w:tblInd w:w=\"\(indent)\" w:type=\"dxa\"/>" }
        out += "<w:tblBorders>\(borders)</w:tblBorders>"
        out += "<w:tblLayout w:type=\"fixed\"/>"
        out += "<w:tblCellMar><w:left w:w=\"85\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar>"
        out += "<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"1\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/>"
        out += "</w:tblPr><w:tblGrid>" + columns.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
        for row in rows {
            out += "<w:tr>"
            if row.cantSplit || row.isHeader {
                out += "<w:trPr>" + (row.cantSplit ? "<w:cantSplit/>" : "") + (row.isHeader ? "<w:tblHeader/>" : "") + "</w:trPr>"
            }
            var column = 0
            for cell in row.cells {
                let end = min(columns.count, column + cell.span)
                let width = column < end ? columns[column..<end].reduce(0, +) : 0
                out += cell.xml(width: width)
                column = end
            }
            out += "</w:tr>"
        }
        return out + "</w:tbl>"
    }
}
