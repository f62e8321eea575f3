import Foundation

/// The page setup of a section: A4, portrait or landscape, margins, the footer.
public struct Section: Hashable, Sendable {
    /// Portrait or landscape.
    public enum Orientation: String, Hashable, Sendable {
        /// Taller than wide.
        case portrait
        /// Wider than tall.
        case landscape
    }

    /// Page margins in millimetres, as offices state them.
    public struct Margins: Hashable, Sendable {
        /// Top.
        public var top: Int
        /// Bottom.
        public var bottom: Int
        /// Left (the binding side).
        public var left: Int
        /// Right.
        public var right: Int

        /// Creates margins.
        public init(top: Int, bottom: Int, left: Int, right: Int) {
            self.top = top
            self.bottom = bottom
            self.left = left
            self.right = right
        }
    }

    /// A4 in twips: 210 × 297 mm.
    public static let a4Width = 11906
    /// A4 height in twips.
    public static let a4Height = 16838

    /// Orientation.
    public var orientation: Orientation
    /// Margins.
    public var margins: Margins
    /// Whether the section shows the document's footer (`word/footer1.xml`).
    public var footer: Bool

    /// Creates a section.
    public init(orientation: Orientation = .portrait, margins: Margins, footer: Bool = true) {
        self.orientation = orientation
        self.margins = margins
        self.footer = footer
    }

    /// Millimetres in twips, rounded to the nearest: 25 mm → 1417, 30 mm → 1701.
    public static func twips(millimetres: Int) -> Int { (millimetres * 14_400 + 127) / 254 }

    /// The width between the margins, in twips: what a full-width table may take.
    public var textWidth: Int {
        (orientation == .portrait ? Self.a4Width : Self.a4Height) - Self.twips(millimetres: margins.left) - Self.twips(millimetres: margins.right)
    }

    /// `<w:sectPr>`. The footer's relationship id is fixed (`rIdFooter1`) by the package.
    var xml: String {
        let (w, h) = orientation == .portrait ? (Self.a4Width, Self.a4Height) : (Self.a4Height, Self.a4Width)
        let o = orientation == .landscape ? " w:orient=\"landscape\"" : ""
        let m = margins
        return "<w:sectPr>"
            + (footer ? "<w:footerReference w:type=\"default\" r:id=\"\(Package.footerID)\"/>" : "")
            + "<w:type w:val=\"nextPage\"/>"
            + "<w:pgSz w:w=\"\(w)\" w:h=\"\(h)\"\(o)/>"
            + "<w:pgMar w:top=\"\(Self.twips(millimetres: m.top))\" w:right=\"\(Self.twips(millimetres: m.right))\" "
            + "w:bottom=\"\(Self.twips(millimetres: m.bottom))\" w:left=\"\(Self.twips(millimetres: m.left))\" "
            + "w:header=\"709\" w:footer=\"567\" w:gutter=\"0\"/>"
            + "<w:cols w:space=\"708\"/>"
            + "</w:sectPr>"
    }
}
