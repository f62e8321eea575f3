import ChiTieuCore
import Foundation
import Xlsx

/// The headline ("Có 1/17 chỉ tiêu đạt và vượt…") and the totals row ("Đạt: 0 · Vượt: 1 · …") as
/// live formulas counting the verdict column (COUNTIF), so that an outcome corrected in a cell
/// changes them too and a printout never contradicts its own table. Each formula's cached text
/// is what the report says today; the formula rebuilds the same words from the counts, as
/// `Vocabulary.headline` does.
struct HeadlineFormula {
    let words: Vocabulary
    /// The verdict cells of every target, e.g. `$J$11:$J$31`.
    let verdicts: String
    let assessment: Assessment
    let method: ProgressMethod
    var vi: Bool { words.vi }

    /// Above this many targets the counts would need grouping marks ("1.234") that a formula
    /// writes in the reader's locale, not the report's: the cells then hold the text alone.
    static let largestLive = 999

    private var total: Int { assessment.targets.count }
    private var live: Bool { total <= Self.largestLive }

    private func q(_ s: String) -> String {
        "\"" + (s.utf8.contains(34) ? s.replacingOccurrences(of: "\"", with: "\"\"") : s) + "\""
    }
    private func count(_ word: String) -> String { "COUNTIF(\(verdicts),\(q(word)))" }
    private func count(_ v: Verdict) -> String { count(words.verdict(v)) }

    /// The statuses of running targets the verdict column may hold, in the headline's order;
    /// none when no target is running.
    private var runningStatuses: [String] {
        guard assessment.targets.contains(where: { $0.summary.progress != nil }) else { return [] }
        let order = ProRataBand.allCases.map(words.band) + TrendStatus.allCases.map(words.trend) + TermProgress.allCases.map(words.progress)
        var seen: Set<String> = []
        return order.filter { seen.insert($0).inserted }
    }

    /// `IF(n>0,"; "&n&" chỉ tiêu không đạt","")`: one part of the headline, present when its count is.
    private func part(_ n: String, _ words: String) -> String {
        "IF(\(n)>0,\(q("; "))&\(n)&\(q(words)),\"\")"
    }

    /// The headline cell: a formula with today's text cached, or the text alone past `largestLive`.
    func headlineCell(cached: String) -> CellValue {
        guard live else { return .string(cached) }
        return .textFormula(headline, cached: cached)
    }

    /// The headline formula.
    var headline: String {
        let exceeded = count(.exceeded), notMet = count(.notMet)
        let met = "(\(exceeded)+\(count(.met)))"
        let judged = "(\(met)+\(notMet))"
        var rest: [String] = [
            part(notMet, vi ? " chỉ tiêu không đạt" : " not met"),
            part(count(.noData), vi ? " chỉ tiêu chưa có số liệu" : " with no data yet"),
            part(count(.undetermined), vi ? " chỉ tiêu không đánh giá được" : " that cannot be assessed"),
            // The engine never gives this word; a clerk's text in an outcome cell does.
            part(count(words.checkFigure), vi ? " chỉ tiêu cần kiểm tra lại số liệu" : " with a figure to check"),
        ]
        for status in runningStatuses {
            let said = vi && status == words.progress(.notDue) ? "chưa đến kỳ đánh giá" : status
            rest.append(part(count(status), " " + (vi ? "chỉ tiêu " : "") + said))
        }
        let others = rest.joined(separator: "&")
        let h = HeadlineCounts(assessment)
        let tail = h.manualDiffering == 0 ? "" : (vi
            ? " (\(h.manualDiffering) chỉ tiêu có đánh giá thủ công khác kết quả tính, xem mục Đánh giá)"
            : " (\(h.manualDiffering) with a manual verdict that differs from the computed one; see Assessment)")
        let metText = vi
            ? "\"Có \"&\(met)&\(q("/\(total) chỉ tiêu đạt và vượt"))&IF(\(exceeded)>0,\" (trong đó \"&\(exceeded)&\" chỉ tiêu vượt)\",\"\")"
            : "\(met)&\(q(" of \(total) targets met or exceeded"))&IF(\(exceeded)>0,\" (\"&\(exceeded)&\" exceeded)\",\"\")"
        let whole = vi ? "Trong tổng số \(total) chỉ tiêu: " : "Of \(total) \(total == 1 ? "target" : "targets"): "
        let none = vi ? "chưa có chỉ tiêu nào được đánh giá" : "no target assessed yet"
        // Without a judged target the whole is said first and the first part loses its "; " (or,
        // with no part, says none is assessed): a "#" marks the place, so that the parts, the
        // formula's longest piece, are written once (Excel allows 8.192 characters).
        let lead = "IF(\(judged)>0,\(metText),\(q(whole + "#")))&" + others
        return "=SUBSTITUTE(SUBSTITUTE(\(lead),\(q("#; ")),\"\"),\(q("#")),\(q(none)))&\(q(tail + "."))"
    }

    /// The totals row's words, in the order a report counts them.
    private var totalsParts: [(label: String, word: String)] {
        var parts = [
            (vi ? "Đạt" : "Met", words.verdict(.met)), (vi ? "Vượt" : "Exceeded", words.verdict(.exceeded)),
            (vi ? "Không đạt" : "Not met", words.verdict(.notMet)), (vi ? "Chưa có số liệu" : "No data yet", words.verdict(.noData)),
            (vi ? "Kiểm tra lại" : "Check the figure", words.checkFigure),
        ]
        // Words that only some records have are counted when this one has them.
        let present = Set(assessment.targets.map { JudgedWords.status($0, words: words, method: method) })
        for word in [words.verdict(.undetermined)] + runningStatuses where present.contains(word) {
            parts.append((word.prefix(1).uppercased() + word.dropFirst(), word))
        }
        return parts
    }

    private var totalsLead: String { vi ? "Tổng số \(total) chỉ tiêu. " : "\(total) \(total == 1 ? "target" : "targets"). " }

    /// "Tổng số 17 chỉ tiêu. Đạt: 0 · Vượt: 1 · Không đạt: 0 · Chưa có số liệu: 16 · Kiểm tra lại: 0".
    var totalsText: String {
        let statuses = assessment.targets.map { JudgedWords.status($0, words: words, method: method) }
        return totalsLead + totalsParts.map { p in "\(p.label): \(statuses.filter { $0 == p.word }.count)" }.joined(separator: " · ")
    }

    /// The totals formula, counting the verdict column.
    var totals: String {
        "=" + q(totalsLead) + totalsParts.enumerated().map { k, p in
            "&" + q((k == 0 ? "" : " · ") + p.label + ": ") + "&" + count(p.word)
        }.joined()
    }

    /// The totals cell: live, with today's counts cached.
    func totalsCell() -> CellValue {
        live ? .textFormula(totals, cached: totalsText) : .string(totalsText)
    }
}

/// The word a target's verdict cell holds, as `JudgedCells.status` writes it.
enum JudgedWords {
    static func status(_ t: TargetAssessment, words: Vocabulary, method: ProgressMethod) -> String {
        let j = t.summary
        if let p = j.progress { return p == .notDue ? words.progress(p) : words.runningStatus(t, method: method) }
        return words.verdict(j.verdict ?? .noData)
    }
}
