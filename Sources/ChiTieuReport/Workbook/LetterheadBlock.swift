import ChiTieuCore
import Foundation
import Xlsx

/// The first and last lines of the printed summary as 36-HD/VPTW lays out a Party document: at
/// the top left the superior body, the issuing body, "*" and the number; at the top right
/// "ĐẢNG CỘNG SẢN VIỆT NAM" over a rule and the place and date; at the end the signature block on
/// the right and "Nơi nhận" on the left. The number and the date are left blank for the office.
struct LetterheadBlock {
    let words: Vocabulary
    let letterhead: Letterhead
    /// The printed columns' widths; the right-hand block ends at the last.
    let widths: [Double]
    var vi: Bool { words.vi }
    var lastColumn: Int { widths.count - 1 }

    /// Columns of the left block (the bodies, the number, the recipients).
    var left: ClosedRange<Int> { 0...2 }
    /// Columns of the right block (the Party's name, the date, the signature): about as wide as
    /// "ĐẢNG CỘNG SẢN VIỆT NAM" in 15 pt bold, so that the rule under it is about its length.
    var right: ClosedRange<Int> { (lastColumn - 3)...lastColumn }

    var superior: String? { vi ? letterhead.superior : letterhead.superiorEn?.uppercased() }
    var issuer: String { vi ? letterhead.issuer : letterhead.issuerEn.uppercased() }
    var partyLine: String { vi ? Letterhead.partyLine : Letterhead.partyLineEn }
    /// "Số      -BC/ĐUK": no colon after "Số"; the number is the office's to write.
    var number: String { (vi ? "Số" : "No.") + "      -BC/" + letterhead.symbol }
    /// "Lạng Sơn, ngày … tháng … năm …": the day the report is signed, not one the data gives.
    var dateLine: String { vi ? "\(letterhead.place), ngày … tháng … năm …" : "\(letterhead.place), date: …" }
    var signedFor: String { vi ? letterhead.signedFor : letterhead.signedForEn }
    var signerTitle: String { vi ? letterhead.signerTitle : letterhead.signerTitleEn }
    /// "- Ban Thường vụ Tỉnh ủy (để báo cáo),", …, the last with a full stop.
    var recipients: [String] {
        let list = vi ? letterhead.recipients : letterhead.recipientsEn
        return list.enumerated().map { "- " + $1 + ($0 == list.count - 1 ? "." : ",") }
    }

    /// Writes the top block from row 0; returns the row after it.
    func writeTop(_ sheet: Worksheet, _ rows: inout PrintedRows) throws -> Int {
        var leftLines: [(String, CellStyle)] = []
        if let superior { leftLines.append((superior, SummaryType.superior)) }
        leftLines += [(issuer, SummaryType.issuer), ("*", SummaryType.star), (number, SummaryType.number)]
        // The date stands level with the number, a line or two under the Party's name.
        let dateRow = leftLines.count - 1
        for (r, line) in leftLines.enumerated() {
            try sheet.merge(row: r, firstColumn: left.lowerBound, lastColumn: left.upperBound, .string(line.0), style: line.1)
            if r == 0 {
                try sheet.merge(row: r, firstColumn: right.lowerBound, lastColumn: right.upperBound, .string(partyLine), style: SummaryType.partyLine)
            } else if r == dateRow {
                try sheet.merge(row: r, firstColumn: right.lowerBound, lastColumn: right.upperBound, .string(dateLine), style: SummaryType.dateLine)
            }
            // A long body name ("PARTY COMMITTEE OF THE PROVINCIAL AGENCIES' BLOC") wraps in its block.
            let size = line.1.fontSize ?? SummaryType.letterheadSize
            let room = left.map { widths[$0] }.reduce(0, +)
            let lines = SummaryType.lines([(line.0, room)], size: size, bold: line.1.bold)
            let height = max(SummaryType.height(size) * Double(lines), r == 0 ? SummaryType.height(SummaryType.partyLineSize) : 0)
            try rows.set(sheet, r, height: line.0 == "*" ? 12 : height)
        }
        // A little air before the title.
        try rows.set(sheet, leftLines.count, height: 6)
        return leftLines.count + 1
    }

    /// The height of each of the three blank lines left to sign on: together about 2 cm printed.
    static let signingLine = 20.0

    /// Writes the signature block and the recipients from `row`; returns the last row written.
    func writeSignature(_ sheet: Worksheet, from row: Int, _ rows: inout PrintedRows) throws -> Int {
        let leftLines = [(vi ? "Nơi nhận:" : "Recipients:", SummaryType.recipientsTitle)] + recipients.map { ($0, SummaryType.recipient) }
        // Three blank lines under the title leave room to sign, and a fourth for the name.
        let rightLines = [(signedFor, SummaryType.signedFor), (signerTitle, SummaryType.signedFor)]
        let count = max(leftLines.count, rightLines.count + 4)
        for k in 0..<count {
            let r = row + k
            if k < leftLines.count {
                try sheet.merge(row: r, firstColumn: left.lowerBound, lastColumn: left.upperBound, .string(leftLines[k].0), style: leftLines[k].1)
            }
            if k < rightLines.count {
                try sheet.merge(row: r, firstColumn: right.lowerBound, lastColumn: right.upperBound, .string(rightLines[k].0), style: rightLines[k].1)
            }
            var height = k < rightLines.count + 3 ? Self.signingLine : SummaryType.height(SummaryType.body)
            if k < rightLines.count {
                // "ON BEHALF OF THE STANDING COMMITTEE" wraps in the right-hand block.
                let room = right.map { widths[$0] }.reduce(0, +)
                height = SummaryType.height(SummaryType.letterheadSize) * Double(SummaryType.lines([(rightLines[k].0, room)], size: SummaryType.letterheadSize, bold: true))
            }
            try rows.set(sheet, r, height: height)
        }
        return row + count - 1
    }
}
