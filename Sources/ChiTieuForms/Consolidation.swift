import ChiTieuCore
import Foundation

/// The bloc's totals from its units' figures, target by target and year by year: counts and
/// amounts that the catalogue says add up are summed; shares add their numerators and their
/// denominators (never an average of percentages); ratings are never added. A total names the
/// units that have not reported, so it never silently leaves them out.
public struct Consolidation: Sendable {
    /// One target's year.
    public struct Cell: Sendable, Hashable {
        /// The year.
        public var year: Int
        /// The sum of the reported figures (a share's numerator), nil when no unit reported.
        public var total: Decimal?
        /// A share's summed denominator.
        public var denominator: Decimal?
        /// Units that reported.
        public var reported: Int
        /// Units that have not, by name.
        public var missing: [String]
    }

    /// One target's line.
    public struct Line: Sendable {
        /// The target.
        public var target: Target
        /// Its indicator.
        public var indicator: Indicator
        /// Whether its figures add up across units; when not, the reason.
        public var notAdded: String?
        /// Year by year.
        public var cells: [Cell]
    }

    /// The body whose units are added.
    public var body: Body
    /// The term.
    public var term: Term
    /// The units (bodies whose parent is the body), by name.
    public var units: [Body]
    /// The lines, in the term file's order.
    public var lines: [Line]

    /// Consolidates the units' figures (their facts, by indicator) for a term record.
    public init?(record: Record, ledger: Ledger, kind: BodyKind? = nil) {
        guard let term = record.term, let body = ledger.bodies[record.bodyID] else { return nil }
        self.body = body
        self.term = term
        units = ledger.bodies.values.filter { $0.parent == body.id && (kind == nil || $0.kind == kind) }.sorted { $0.id < $1.id }
        let unitIDs = Set(units.map(\.id))
        // (unit, indicator, year) → the unit's figure of the whole year.
        var figures: [String: ObservedValue] = [:]
        for r in ledger.records where unitIDs.contains(r.bodyID) {
            for o in r.observations where o.isWholeYear {
                if let y = o.period.year { figures["\(r.bodyID)\u{1F}\(o.indicatorID)\u{1F}\(y)"] = o.value }
            }
        }
        var seen: Set<String> = []
        lines = []
        for target in record.targets where seen.insert(target.sentenceID).inserted {
            guard let indicator = ledger.indicators[target.indicatorID] else { continue }
            var notAdded: String?
            switch indicator.unit {
            case .rating: notAdded = "xếp loại không cộng được"
            case .amount where indicator.aggregation != .sum: notAdded = "chỉ số không cộng được giữa các đơn vị (aggregate: \(indicator.aggregation.rawValue))"
            case .count where indicator.aggregation == .none: notAdded = "chỉ số không cộng được giữa các đơn vị (aggregate: none)"
            case .percent where indicator.aggregation == .none: notAdded = "tỷ lệ không cộng được giữa các đơn vị (aggregate: none)"
            default: break
            }
            var cells: [Cell] = []
            for year in term.reportingYears {
                var total: Decimal?, denominator: Decimal?
                var reported = 0
                var missing: [String] = []
                for unit in units {
                    guard let v = figures["\(unit.id)\u{1F}\(indicator.id)\u{1F}\(year)"] else {
                        missing.append(unit.name)
                        continue
                    }
                    switch v {
                    case let .number(x) where indicator.unit != .percent:
                        total = (total ?? 0) + x
                        reported += 1
                    case let .share(n, d):
                        total = (total ?? 0) + n
                        denominator = (denominator ?? 0) + d
                        reported += 1
                    case .rating:
                        reported += 1
                    default:
                        // A share given as a bare percent has no denominator to add: it cannot
                        // enter the total, and the unit is counted as not reported for it.
                        missing.append(unit.name + " (chỉ có tỷ lệ %, thiếu tử số và mẫu số)")
                    }
                }
                if notAdded != nil { total = nil; denominator = nil }
                cells.append(Cell(year: year, total: total, denominator: denominator, reported: reported, missing: missing))
            }
            lines.append(Line(target: target, indicator: indicator, notAdded: notAdded, cells: cells))
        }
    }

    /// What the units are called: "cơ sở" for grassroots organisations, else "đơn vị".
    var noun: String { units.allSatisfy { $0.kind == .grassroots } && !units.isEmpty ? "cơ sở" : "đơn vị" }

    /// The consolidation as a text table, in Vietnamese.
    public var text: String {
        let noun = self.noun
        var out = "TỔNG HỢP SỐ LIỆU CÁC ĐƠN VỊ — \(body.name), nhiệm kỳ \(term.years)\n"
        out += "\(units.count) \(noun) trực thuộc (parent: \(body.id)).\n"
        for line in lines {
            out += "\n\(line.target.id): \(line.target.text)\n"
            if let reason = line.notAdded {
                out += "  không lập tổng: \(reason)\n"
            }
            for cell in line.cells {
                let missing = cell.missing.count
                var row = "  Năm \(cell.year): "
                if line.notAdded != nil {
                    row += "\(cell.reported)/\(units.count) \(noun) đã gửi"
                } else if let total = cell.total {
                    if let d = cell.denominator {
                        let share = d == 0 ? "không tính được (mẫu số 0)" : Self.percentText(total / d * 100)
                        row += "\(VietnameseText.format(total))/\(VietnameseText.format(d)) = \(share)"
                    } else {
                        row += VietnameseText.format(total)
                    }
                    row += missing == 0 ? " (đủ \(units.count)/\(units.count) \(noun))" : " — CHỈ LÀ TỔNG CỦA \(cell.reported)/\(units.count) \(noun.uppercased()), chưa phải tổng của \(body.name)"
                } else {
                    row += "chưa có số liệu"
                }
                if missing > 0 {
                    row += "; \(missing)/\(units.count) \(noun) chưa gửi số liệu: " + cell.missing.joined(separator: ", ")
                }
                out += row + "\n"
            }
        }
        return out
    }

    /// `93,0%`: one decimal always, as reports show shares.
    static func percentText(_ v: Decimal) -> String {
        let text = VietnameseText.format(oneDecimal(v))
        return (text.contains(",") ? text : text + ",0") + "%"
    }

    /// Rounded half up to one decimal, as reports show shares.
    static func oneDecimal(_ v: Decimal) -> Decimal {
        var value = v, result = Decimal()
        NSDecimalRound(&result, &value, 1, .plain)
        return result
    }
}
