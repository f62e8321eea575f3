import ChiTieuCore
import Foundation

/// Sentences of the kind congress reports use: "Kết nạp được 868 đảng viên, đạt 115,7 % chỉ
/// tiêu (trên 750 đảng viên, cả nhiệm kỳ), vượt chỉ tiêu đề ra."
struct Phrasing {
    let words: Vocabulary
    var vi: Bool { words.vi }

    /// The sentence for a judged target; nil when there is nothing to say but "chưa có số liệu".
    /// - Parameter status: inside a running term, the status by the report's method (a pro-rata
    ///   band or a trend status), said in place of the plain on-track/at-risk words.
    func sentence(_ t: TargetAssessment, status: String? = nil) -> String? {
        if t.target.perUnit != nil { return units(t, status: status) }
        if t.target.period == .eachYear { return yearly(t, status: status) }
        let row = t.summary
        guard !row.observations.isEmpty else { return nil }
        var parts = [subject(row, t)]
        // A share is judged by its gap in points; offices also write its ratio to the target.
        if row.gap != nil, row.attainment == nil || t.indicator.unit == .percent {
            let gap = words.gap(row, indicator: t.indicator, measure: true)
            parts.append(vi ? "chênh lệch \(gap) so với chỉ tiêu" : "\(gap) against the target")
        }
        if row.attainment != nil {
            let attainment = words.attainment(row)
            parts.append(vi ? "đạt \(attainment) chỉ tiêu" : "\(attainment) of the target")
        }
        parts[parts.count - 1] += " (\(vi ? "chỉ tiêu" : "target"): \(targetWords(t)))"
        if let outcome = outcome(row, status: status) { parts.append(outcome) }
        var text = parts.joined(separator: ", ") + "."
        if row.verdict == .noData, !row.missingYears.isEmpty {
            text += vi ? " Thiếu số liệu \(row.missingYears.count == 1 ? "năm" : "các năm") \(years(row.missingYears))." : " Figures missing for \(years(row.missingYears))."
        }
        if let c = row.statedCheck { text += " " + words.stated(c) }
        if let c = row.excessCheck { text += " " + words.excess(c) }
        return text
    }

    /// "Mỗi xã ít nhất 05 quần chúng: 12/14 xã đạt; không đạt: Xã A, Xã B."
    private func units(_ t: TargetAssessment, status: String?) -> String? {
        let row = t.summary
        guard !t.perUnit.isEmpty || row.verdict == .undetermined else { return nil }
        var text = "\(words.indicatorName(t.indicator)) (\(targetWords(t))): "
        if let u = row.units {
            text += words.unitTally(u)
            if !u.notMet.isEmpty { text += vi ? "; không đạt: \(u.notMet.joined(separator: ", "))" : "; not met: \(u.notMet.joined(separator: ", "))" }
            if !u.noData.isEmpty { text += vi ? "; chưa có số liệu: \(u.noData.joined(separator: ", "))" : "; no data: \(u.noData.joined(separator: ", "))" }
        }
        if let outcome = outcome(row, status: status) { text += (row.units == nil ? "" : "; ") + outcome }
        return text + "."
    }

    private func yearly(_ t: TargetAssessment, status: String?) -> String? {
        let withData = t.years.filter { !$0.observations.isEmpty }
        guard !withData.isEmpty, let tally = t.summary.tally else { return nil }
        let name = words.indicatorName(t.indicator)
        var text = "\(name) (\(targetWords(t))): \(words.tally(tally, ofYearsWithFigures: true))"
        let missed = t.years.filter { $0.verdict == .notMet }.compactMap(year)
        if !missed.isEmpty { text += vi ? ", không đạt năm \(years(missed))" : ", not met in \(years(missed))" }
        if !t.summary.missingYears.isEmpty {
            text += vi ? ", chưa có số liệu năm \(years(t.summary.missingYears))" : ", no data for \(years(t.summary.missingYears))"
        }
        // A year known in part: "tính đến 30/6/2022: 214 (33,4 % chỉ tiêu năm)".
        for row in t.years where row.partialThrough != nil {
            guard let through = row.partialThrough, let o = row.observations.last else { continue }
            let share = row.attainment.map { _ in vi ? " (\(words.attainment(row)) chỉ tiêu năm)" : " (\(words.attainment(row)) of the year's target)" } ?? ""
            text += vi ? ", tính đến \(through.vietnamese): \(words.value(o, indicator: t.indicator))\(share)"
                : ", to \(through.description): \(words.value(o, indicator: t.indicator))\(share)"
        }
        if let outcome = outcome(t.summary, status: status) { text += "; " + outcome }
        text += "."
        if let c = t.cumulative, let sum = c.value {
            let n: Int
            if case let .cumulative(k) = c.period { n = k } else { n = 0 }
            let total = words.amount(sum, t.indicator)
            if t.indicator.unit == .percent {
                let pooled = words.value(c, indicator: t.indicator)
                text += vi
                    ? " Chung \(n) năm (cộng tử số và mẫu số): \(pooled)."
                    : " Over \(n) years (numerators and denominators added): \(pooled)."
            } else if c.attainment != nil, let whole = c.rule.threshold, let yearly = t.target.rule.threshold {
                let w = words.amount(whole, t.indicator)
                let y = words.numbers.natural(yearly)
                let att = words.attainment(c)
                text += vi
                    ? " Cộng \(n) năm: \(total), đạt \(att) của \(w) (\(y) × \(n) năm)."
                    : " Over \(n) years: \(total), \(att) of \(w) (\(y) × \(n) years)."
            }
        }
        for row in t.years {
            if let c = row.statedCheck { text += " " + words.stated(c) }
            if let c = row.excessCheck { text += " " + words.excess(c) }
        }
        return text
    }

    private func year(_ row: Judgement) -> Int? {
        if case let .year(y) = row.period { return y }
        return nil
    }

    private func years(_ list: [Int]) -> String { list.map(String.init).joined(separator: ", ") }

    private func subject(_ row: Judgement, _ t: TargetAssessment) -> String {
        let value = words.value(row, indicator: t.indicator)
        let noun = vi ? t.indicator.noun : t.indicator.nounEn
        // No figure to build the sentence around: "Kết nạp đảng viên mới: chưa có số liệu", never
        // "Kết nạp được chưa có số liệu đảng viên mới".
        if value == words.verdict(.noData) || value.isEmpty { return "\(words.indicatorName(t.indicator)): \(words.verdict(.noData))" }
        if let phrase = vi ? t.indicator.phrase : t.indicator.phraseEn {
            let text = phrase.replacingOccurrences(of: "{value}", with: value)
            return text.prefix(1).uppercased() + text.dropFirst()
        }
        let name = words.indicatorName(t.indicator)
        return "\(name): \(value)\(noun.map { " " + $0 } ?? "")"
    }

    /// The target in words with its period: "trên 750 đảng viên, cả nhiệm kỳ".
    func targetWords(_ t: TargetAssessment) -> String {
        let noun = t.indicator.unit == .count ? (vi ? t.indicator.noun : t.indicator.nounEn) : nil
        return "\(words.rule(t.target.rule, indicator: t.indicator, noun: noun)), \(words.period(t.target.period))"
    }

    /// What became of a row: inside a running term its progress (`status`, by the report's
    /// method, or the plain on-track/at-risk words), else the verdict.
    private func outcome(_ row: Judgement, status: String?) -> String? {
        if let p = row.progress { return p == .notDue ? nil : status ?? words.progress(p) }
        switch row.verdict {
        case .exceeded?: return vi ? "vượt chỉ tiêu đề ra" : "exceeding the target"
        case .met?: return vi ? "đạt chỉ tiêu đề ra" : "meeting the target"
        case .notMet?: return vi ? "không đạt chỉ tiêu đề ra" : "falling short of the target"
        case .noData?: return vi ? "chưa đủ số liệu để đánh giá" : "not enough data to judge"
        case .undetermined?: return words.verdict(.undetermined) + (row.undetermined.map { " (\(words.undetermined($0)))" } ?? "")
        case nil: return nil
        }
    }
}
