import Foundation

/// How wide a text sets in Times New Roman (Liberation Serif has the same advance widths), in
/// ems: to know how many lines a wrapped cell takes, since a spreadsheet's print does not grow a
/// row for it. A Vietnamese letter is as wide as its base letter; its marks stack above or below.
enum TimesWidth {
    /// Advance widths in thousandths of an em of the printable ASCII characters, from U+0020.
    private static let regular: [Int] = [
        250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, // space … /
        500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, // 0 … ?
        921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, // @ … O
        556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, // P … _
        333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, // ` … o
        500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,      // p … ~
    ]

    /// The width of one character in thousandths of an em.
    static func width(_ c: Character) -> Int {
        // "đ" and "Đ" do not decompose; they are as wide as d and D.
        if c == "đ" { return 500 }
        if c == "Đ" { return 722 }
        guard let base = String(c).decomposedStringWithCanonicalMapping.unicodeScalars.first else { return 500 }
        let v = Int(base.value)
        if v >= 32, v < 32 + regular.count { return regular[v - 32] }
        switch base {
        case "–": return 500
        case "…", "—": return 1000
        case "·": return 250
        case "“", "”": return 444
        default: return 500
        }
    }

    /// The width of a text in points at a size; bold sets about 6 % wider.
    static func points<S: StringProtocol>(_ text: S, size: Double, bold: Bool = false) -> Double {
        let thousandths = text.reduce(0) { $0 + width($1) }
        return Double(thousandths) / 1000 * size * (bold ? 1.06 : 1)
    }

    /// Scalars that are each a character of their own (`DisplayWidth.isStandalone`), so a text
    /// made only of them is measured scalar by scalar, with no grapheme breaking and no
    /// decomposition per character: every row of a large workbook is sized this way.
    private static func isSimple(_ v: UInt32) -> Bool { DisplayWidth.isStandalone(v) }

    /// `width` of each simple scalar, worked out once by `width` itself (so equal by construction).
    private static let simpleWidths: [Int] = (0..<0x2300).map { v -> Int in
        guard let scalar = Unicode.Scalar(UInt32(v)), isSimple(UInt32(v)) else { return 0 }
        return width(Character(scalar))
    }

    /// The lines a text wraps to at word breaks in a width of points.
    static func lines(_ text: String, size: Double, bold: Bool = false, width: Double) -> Int {
        let scalars = text.unicodeScalars
        guard scalars.allSatisfy({ isSimple($0.value) }) else { return slowLines(text, size: size, bold: bold, width: width) }
        // The same walk as `slowLines`, each word's thousandths summed from the table.
        let table = simpleWidths
        // Points as `points` computes them, operation for operation, so the Doubles are the same.
        let factor = bold ? 1.06 : 1
        let space = Double(table[0x20]) / 1000 * size * factor
        var lines = 1
        var line = 0.0
        var thousandths = 0
        func place() {
            let w = Double(thousandths) / 1000 * size * factor
            if line == 0 {
                line = w
            } else if line + space + w <= width {
                line += space + w
            } else {
                lines += 1
                line = w
            }
            thousandths = 0
        }
        for s in scalars {
            if s.value == 0x20 { place() } else { thousandths += table[Int(s.value)] }
        }
        place()
        return lines
    }

    /// `lines` for any text: character by character.
    static func slowLines(_ text: String, size: Double, bold: Bool = false, width: Double) -> Int {
        var lines = 1
        var line = 0.0
        let space = points(" ", size: size, bold: bold)
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            let w = points(word, size: size, bold: bold)
            if line == 0 {
                line = w
            } else if line + space + w <= width {
                line += space + w
            } else {
                lines += 1
                line = w
            }
        }
        return lines
    }
}
