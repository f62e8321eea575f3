import Foundation
import Xlsx

/// Type sizes and styles of the printed summary, after Hướng dẫn 36-HD/VPTW: Times New Roman; the
/// letterhead 14 pt, "ĐẢNG CỘNG SẢN VIỆT NAM" 15 pt bold, the document type 16 pt bold, the subject
/// 14 pt bold. The table is 12 pt: the sheet prints one page wide, and its columns are chosen so
/// that the fit-to-width scale keeps 12 pt at 10 pt or more on paper.
enum SummaryType {
    static let font = "Times New Roman"
    static let body: Double = 12
    static let letterheadSize: Double = 14
    static let partyLineSize: Double = 15
    static let documentTypeSize: Double = 16
    static let subjectSize: Double = 14
    /// The print scale, in percent: 12 pt prints at 10,2 pt. A fixed scale rather than "fit to one
    /// page wide", because Excel ignores manual page breaks on a sheet fitted to pages; the
    /// printed columns (111 units, 705 pt at this scale in LibreOffice) fit the 714 pt between
    /// the default margins, and fewer points per unit (Excel with Calibri) only leave more room.
    static let printScale = 85

    /// The width of the printed columns, in character units (the same in both languages).
    static var printedWidth: Double { SummarySheet.widths.prefix(SummarySheet.lastPrinted + 1).reduce(0, +) }

    static var superior: CellStyle { CellStyle(wrap: true, alignment: .center, top: true, fontSize: letterheadSize) }
    static var issuer: CellStyle { CellStyle(bold: true, wrap: true, alignment: .center, top: true, fontSize: letterheadSize) }
    /// Top-aligned: the asterisk sits high in its line, so its row can be short.
    static var star: CellStyle { CellStyle(alignment: .center, top: true, fontSize: letterheadSize) }
    static var number: CellStyle { CellStyle(alignment: .center, top: true, fontSize: letterheadSize) }
    /// The solid rule under the Party's name is the merged cell's bottom border.
    static var partyLine: CellStyle { CellStyle(bold: true, alignment: .center, top: true, fontSize: partyLineSize, underRule: true) }
    static var dateLine: CellStyle { CellStyle(alignment: .center, top: true, fontSize: letterheadSize, italic: true) }
    static var documentType: CellStyle { CellStyle(bold: true, alignment: .center, fontSize: documentTypeSize, middle: true) }
    static var subject: CellStyle { CellStyle(bold: true, wrap: true, alignment: .center, fontSize: subjectSize, middle: true) }
    static var stateLine: CellStyle { CellStyle(wrap: true, alignment: .center, top: true, italic: true) }
    static var headline: CellStyle { CellStyle(bold: true, wrap: true, alignment: .center, top: true) }
    static var group: CellStyle { CellStyle(bold: true, border: true, top: true) }
    static var totals: CellStyle { CellStyle(bold: true, wrap: true, border: true, top: true) }
    static var footnote: CellStyle { CellStyle(wrap: true, top: true, italic: true) }
    static var centredText: CellStyle { CellStyle(wrap: true, border: true, alignment: .center, top: true) }
    static var signedFor: CellStyle { CellStyle(bold: true, wrap: true, alignment: .center, top: true, fontSize: letterheadSize) }
    static var recipientsTitle: CellStyle { CellStyle(bold: true, italic: true) }
    static var recipient: CellStyle { CellStyle() }

    /// The height of one line of text of a size: Times New Roman's glyphs span 1,11 em; a hair
    /// more keeps them off the borders, and no more, or 17 targets would not fit one page.
    static func height(_ size: Double) -> Double { (size * 1.13 * 2).rounded(.up) / 2 }

    /// A row height that shows every wrapped line of the row's texts at the body size: engines
    /// do not all grow a row for wrapped text (LibreOffice's print does not).
    static func rowHeight(_ cells: [(text: String, width: Double)], bold: Bool = false) -> Double {
        height(body) * Double(lines(cells, size: body, bold: bold))
    }

    /// Points of text a column unit holds, at the narrowest an engine draws it: Excel, where the
    /// default font is Calibri, gives a unit about 5,25 pt (7 pixels); LibreOffice without Calibri
    /// gives 7,3 (measured: 37 units wrap 272,6 pt of text). Rows are sized for the narrower, so
    /// no line is clipped in Excel; in LibreOffice some rows then keep a blank line.
    static let unitPoints = 5.2
    /// The cell's own padding, left and right, with room for the engine's rounding.
    static let padding = 4.0

    /// The most lines any of the texts wraps to in its column.
    static func lines(_ cells: [(text: String, width: Double)], size: Double, bold: Bool = false) -> Int {
        cells.map { cell in
            cell.text.isEmpty ? 1 : TimesWidth.lines(cell.text, size: size, bold: bold, width: cell.width * unitPoints - padding)
        }.max() ?? 1
    }
}
