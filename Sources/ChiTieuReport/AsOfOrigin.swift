import ChiTieuCore

/// Where the year of assessment came from. Only the command line knows whether the user gave
/// one, so it tells the renderers, which say it in the first lines of every report: a term is
/// judged ended or running by that year, and a default that moved on with the calendar is the
/// usual reason a term whose figures stop early reads as "ended, not met".
public enum AsOfOrigin: Sendable {
    /// The user gave it (`--as-of YEAR`).
    case given
    /// None was given: the current year.
    case currentYear
}

extension Vocabulary {
    /// How the term was judged and why, for the top of a report: "Đánh giá tại năm 2026 (mặc
    /// định: năm hiện tại; đổi bằng --as-of): nhiệm kỳ kết thúc năm 2025, đã kết thúc.", then,
    /// when the record's newest figure is older than the term's last year, "Số liệu mới nhất:
    /// năm 2024." (with the --as-of that would judge the term at that year, if it is judged ended).
    /// Empty for a record of facts, which has no term.
    ///
    /// A document an office prints, signs or publishes (the workbook, the web site) is read by
    /// people who never run the command, so `forCommandLine: false` says where the year came from
    /// without naming the option.
    func howJudged(_ a: Assessment, origin: AsOfOrigin, forCommandLine: Bool = true) -> [String] {
        guard let term = a.record.term else { return [] }
        let why: String
        switch (origin, forCommandLine) {
        case (.given, true): why = vi ? "chọn bằng --as-of" : "set with --as-of"
        case (.currentYear, true): why = vi ? "mặc định: năm hiện tại; đổi bằng --as-of" : "default: the current year; change with --as-of"
        case (.given, false): why = vi ? "năm được chọn" : "the year chosen"
        case (.currentYear, false): why = vi ? "năm hiện tại" : "the current year"
        }
        let elapsed = term.reportingYears.filter { $0 <= a.asOf }.count
        let state: String
        if a.isRunning {
            state = vi
                ? "nhiệm kỳ kết thúc năm \(term.endYear), đang diễn ra (đã qua \(elapsed)/\(term.reportingYears.count) năm)."
                : "the term ends in \(term.endYear) and is running (\(elapsed) of \(term.reportingYears.count) years elapsed)."
        } else {
            state = vi ? "nhiệm kỳ kết thúc năm \(term.endYear), đã kết thúc." : "the term ended in \(term.endYear)."
        }
        var lines = [vi ? "Đánh giá tại năm \(a.asOf) (\(why)): \(state)" : "Assessed as of \(a.asOf) (\(why)): \(state)"]
        // The newest figure: its year, or for a term total the year of the source that gave it.
        let years = a.record.observations.compactMap { o in o.period.year ?? a.record.sources[o.citation.source]?.date?.year }
        if let newest = years.max() {
            if newest < term.endYear {
                var text = vi ? "Số liệu mới nhất: năm \(newest)." : "Newest figure: \(newest)."
                if !a.isRunning && forCommandLine {
                    text += vi ? " Để đánh giá tiến độ tại năm đó, dùng --as-of \(newest)." : " To judge progress as of that year, use --as-of \(newest)."
                }
                lines.append(text)
            }
        } else if !a.targets.isEmpty {
            lines.append(vi ? "Chưa có số liệu kết quả nào." : "No outcome figures yet.")
        }
        return lines
    }
}
