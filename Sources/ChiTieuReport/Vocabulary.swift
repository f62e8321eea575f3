import ChiTieuCore
import Foundation

/// The language of a report. Vietnamese is the default; English on request.
public enum ReportLanguage: String, Sendable, CaseIterable {
    /// Vietnamese: words, and numbers written 4.294 and 115,7 %.
    case vi
    /// English: words, and numbers written 4,294 and 115.7%.
    case en
}

/// Every word and phrase a report prints, in both languages, in one place.
struct Vocabulary {
    let language: ReportLanguage
    var vi: Bool { language == .vi }
    var numbers: NumberFormat { NumberFormat(vi ? .vietnamese : .english) }

    func verdict(_ v: Verdict) -> String {
        switch v {
        case .exceeded: return vi ? "vượt" : "exceeded"
        case .met: return vi ? "đạt" : "met"
        case .notMet: return vi ? "không đạt" : "not met"
        case .noData: return vi ? "chưa có số liệu" : "no data yet"
        }
    }

    func progress(_ p: TermProgress) -> String {
        switch p {
        case .onTrack: return vi ? "đúng tiến độ" : "on track"
        case .atRisk: return vi ? "có nguy cơ không đạt" : "at risk"
        case .notDue: return vi ? "chưa đến kỳ" : "not yet due"
        }
    }

    /// What a row's status column says: the verdict, or inside a running term the progress.
    func status(_ row: Judgement) -> String {
        if let p = row.progress { return progress(p) }
        if let v = row.verdict { return verdict(v) }
        return ""
    }

    func period(_ p: PeriodKind) -> String {
        switch p {
        case .term: return vi ? "cả nhiệm kỳ" : "over the term"
        case .eachYear: return vi ? "mỗi năm" : "each year"
        case .endOfTerm: return vi ? "cuối nhiệm kỳ" : "at the end of the term"
        case let .byYear(y): return vi ? "đến năm \(y)" : "by \(y)"
        }
    }

    func observed(_ p: ObservedPeriod) -> String {
        switch p {
        case .term: return vi ? "cả nhiệm kỳ" : "term"
        case let .year(y): return vi ? "năm \(y)" : String(y)
        case let .date(d): return vi ? d.vietnamese : d.description
        }
    }

    /// A figure of the rule's kind: "750", "90 %", "0,5 %".
    private func figure(_ v: Decimal, percent: Bool) -> String {
        let places = max(0, -v.exponent)
        return percent ? numbers.percent(v, places: places) : numbers.decimal(v, places: places)
    }

    /// The rule in words, with the counted noun where the language puts it: "trên 750 đảng viên",
    /// "từ 120 đảng viên trở lên", "at least 90%".
    func rule(_ r: Rule, indicator: Indicator, noun: String? = nil) -> String {
        let p = r.isPercent
        func f(_ v: Decimal) -> String { figure(v, percent: p) + (noun.map { " " + $0 } ?? "") }
        switch r.comparison {
        case let .atLeast(v): return vi ? "từ \(f(v)) trở lên" : "at least \(f(v))"
        case let .moreThan(v): return vi ? "trên \(f(v))" : "more than \(f(v))"
        case let .atMost(v): return vi ? "không quá \(f(v))" : "at most \(f(v))"
        case let .lessThan(v): return vi ? "dưới \(f(v))" : "under \(f(v))"
        case let .range(a, b): return vi ? "từ \(figure(a, percent: p)) đến \(f(b))" : "\(figure(a, percent: p)) to \(f(b))"
        case .zero: return vi ? "không có" : "none"
        case let .fraction(n, w): return "\(n)/\(w)"
        case let .approximately(c, t):
            let tol = numbers.decimal(t, places: max(0, -t.exponent))
            return vi ? "khoảng \(f(c)) (± \(tol)\(p ? " điểm %" : ""))" : "about \(f(c)) (± \(tol)\(p ? " pp" : ""))"
        case let .ratingAtLeast(level):
            let name = levelName(level, of: indicator)
            return vi ? "xếp loại “\(name)” trở lên" : "rated “\(name)” or better"
        }
    }

    /// Years met: "4/5 năm đạt", or inside a running term "2/3 năm đạt (còn 2 năm)".
    func tally(_ t: YearTally) -> String {
        let judged = t.met + t.notMet + t.noData
        if judged < t.total {
            return vi ? "\(t.met)/\(judged) năm đạt (còn \(t.total - judged) năm)" : "\(t.met)/\(judged) years met (\(t.total - judged) to come)"
        }
        return vi ? "\(t.met)/\(t.total) năm đạt" : "\(t.met)/\(t.total) years met"
    }

    /// A rating level's name in the report's language, found by id or name; the text itself if unknown.
    func levelName(_ level: String, of indicator: Indicator) -> String {
        indicator.scale?.levels.first { $0.id == level || $0.name == level }.map { vi ? $0.name : $0.nameEn } ?? level
    }

    func indicatorName(_ i: Indicator) -> String { vi ? i.name : i.nameEn }

    /// What happened to a body on a date of its lineage.
    func event(_ kind: LineageEvent.Kind) -> String {
        switch kind {
        case .formed: return vi ? "thành lập" : "formed"
        case .renamed: return vi ? "đổi tên" : "renamed"
        case .merged: return vi ? "hợp nhất" : "merged"
        case .transfer: return vi ? "chuyển giao tổ chức, đảng viên về" : "organisations and members transferred in"
        case .dissolved: return vi ? "giải thể" : "dissolved"
        }
    }

    /// "trên ", "dưới ", "khoảng " before a figure the source gave as a bound or an estimate.
    func qualifier(_ q: Qualifier) -> String {
        switch q {
        case .exact: return ""
        case .moreThan: return vi ? "trên " : "over "
        case .lessThan: return vi ? "dưới " : "under "
        case .about: return vi ? "khoảng " : "about "
        }
    }

    /// An observed figure as a report shows it: "868", "4.294", "92,0 %", "62/69 (89,9 %)", "trên 2.000".
    func value(_ o: Observation, indicator: Indicator) -> String {
        var text: String
        switch o.value {
        case let .number(v):
            text = indicator.unit == .percent ? numbers.percent(v, places: max(0, -v.exponent)) : numbers.natural(v)
        case let .share(n, d):
            text = "\(numbers.natural(n))/\(numbers.natural(d)) (\(numbers.percent(n / d * 100)))"
        case let .rating(level):
            text = levelName(level, of: indicator)
        }
        return qualifier(o.qualifier) + text
    }

    /// A judged figure: the observation as written, or a sum of years.
    func value(_ row: Judgement, indicator: Indicator) -> String {
        if row.observations.count == 1, let o = row.observations.first { return value(o, indicator: indicator) }
        guard let v = row.value else { return row.verdict == .noData ? verdict(.noData) : "" }
        return indicator.unit == .percent ? numbers.percent(v) : numbers.natural(v)
    }

    func attainment(_ row: Judgement) -> String {
        row.attainment.map { numbers.percent($0) } ?? ""
    }

    func gap(_ row: Judgement, indicator: Indicator) -> String {
        guard let g = row.gap else { return "" }
        if indicator.unit == .percent { return numbers.points(g) }
        return numbers.decimal(g, places: max(0, -g.exponent), signed: true)
    }

    func stated(_ c: StatedCheck) -> String {
        let computed = numbers.percent(c.computed, places: c.stated.places + 2)
        switch c.match {
        case .matches:
            return vi ? "Nguồn ghi \(c.stated.text); tính lại được \(computed): khớp." : "The source states \(c.stated.text); recomputed \(computed): matches."
        case .matchesIfTruncated:
            return vi
                ? "Nguồn ghi \(c.stated.text); tính lại được \(computed): chỉ khớp nếu cắt bớt chữ số (nguồn không làm tròn; làm tròn là \(numbers.percent(c.computed, places: c.stated.places)))."
                : "The source states \(c.stated.text); recomputed \(computed): matches only if truncated (rounded it is \(numbers.percent(c.computed, places: c.stated.places)))."
        case .mismatch:
            return vi
                ? "Nguồn ghi \(c.stated.text) nhưng tính lại được \(computed): KHÔNG KHỚP, cần kiểm tra lại số liệu."
                : "The source states \(c.stated.text) but the figures give \(computed): MISMATCH, check the figures."
        }
    }
}
