import ChiTieuCore
import Foundation
import Xlsx

/// What an outcome cell accepts: counts whole and not negative, shares 0–100 % (stored as
/// fractions, so 0–1), amounts any number, ratings one of the scale's level names; with the
/// messages a spreadsheet shows, in the report's language.
struct OutcomeValidation {
    let words: Vocabulary
    var vi: Bool { words.vi }

    /// The bounds of "any number" for amounts (a decimal validation needs two).
    static let anyNumber: ClosedRange<Double> = -1e300...1e300

    private var empty: String { vi ? " Để trống nếu chưa có số liệu." : " Leave it empty while there is no figure." }

    /// The validation of an indicator's outcome cells; nil for a rating without a scale.
    func validation(_ indicator: Indicator) -> DataValidation? {
        switch indicator.unit {
        case .count:
            return DataValidation(
                .whole(atLeast: 0),
                inputTitle: vi ? "Kết quả: số nguyên" : "Outcome: a whole number",
                inputMessage: (vi ? "Gõ một số nguyên từ 0 trở lên, ví dụ 150." : "Type a whole number, 0 or more, e.g. 150.") + empty,
                errorTitle: vi ? "Không phải số nguyên ≥ 0" : "Not a whole number ≥ 0",
                errorMessage: (vi ? "Kết quả phải là số nguyên từ 0 trở lên, không phải chữ." : "The outcome must be a whole number, 0 or more, not text.") + empty)
        case .percent:
            return DataValidation(
                .decimal(0...1),
                inputTitle: vi ? "Kết quả: tỷ lệ %" : "Outcome: a percentage",
                inputMessage: (vi ? "Gõ 92% hoặc 0,92 cho 92%; không gõ 92." : "Type 92% or 0.92 for 92%; not 92.") + empty,
                errorTitle: vi ? "Tỷ lệ không hợp lệ" : "Not a valid percentage",
                errorMessage: (vi ? "Tỷ lệ phải từ 0% đến 100%: gõ 92% hoặc 0,92, không gõ 92." : "A percentage is from 0% to 100%: type 92% or 0.92, not 92.") + empty)
        case .amount:
            return DataValidation(
                .decimal(Self.anyNumber),
                inputTitle: vi ? "Kết quả: một số" : "Outcome: a number",
                inputMessage: (vi ? "Gõ một số, có thể có phần thập phân." : "Type a number; decimals are allowed.") + empty,
                errorTitle: vi ? "Không phải số" : "Not a number",
                errorMessage: (vi ? "Kết quả phải là một số, không phải chữ." : "The outcome must be a number, not text.") + empty)
        case .rating:
            guard let levels = indicator.scale?.levels, !levels.isEmpty else { return nil }
            let names = levels.map { vi ? $0.name : $0.nameEn }
            return DataValidation(
                .list(names),
                inputTitle: vi ? "Kết quả: mức xếp loại" : "Outcome: a rating level",
                inputMessage: (vi ? "Chọn một mức trong danh sách." : "Choose a level from the list.") + empty,
                errorTitle: vi ? "Mức không có trong thang" : "Not a level of the scale",
                errorMessage: (vi ? "Chỉ chọn một mức của thang xếp loại trong danh sách." : "Choose one of the scale's levels from the list.") + empty)
        }
    }

    /// Adds the validation of an indicator's outcome cells to one cell, if it has one.
    func apply(_ sheet: Worksheet, row: Int, column: Int, _ indicator: Indicator) throws {
        guard let v = validation(indicator) else { return }
        try sheet.validate(row: row, column: column, v)
    }
}
