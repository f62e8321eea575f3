import ChiTieuCore
import Foundation
import XCTest

/// The extractor measured on an invented corpus (Fixtures/ExtractCorpus): recall and precision
/// of targets (rule and period), outcomes (figure, and the target beside it when the text gives
/// one) and stated attainments, on the half developed against and on the held-out half; and, for
/// parts with `F` lines, structure facts (figure, then indicator and period). The scores are
/// printed; the floors keep them from falling.
final class ExtractCorpusTests: XCTestCase {
    struct Case {
        var id: String
        var text: String
        var targets: [String]
        var outcomes: [GoldOutcome]
        var stated: [String]
        /// Expected structure facts (`F` lines): what a body has at a date.
        var facts: [GoldFact] = []
        /// The failure kinds of issue 18 the case exercises ("[4 7]" in its header).
        var kinds: [String] = []
    }

    /// An expected outcome: its figure, the target the text gives for it (nil: not judged), and
    /// the keys the text decides (`body=`, `covers=`, `year=`, `excess=`, and `indicator=`, right
    /// when the catalogue reading guesses that one id), judged when given.
    struct GoldOutcome {
        var value: String
        var target: String?
        var keys: [String: String] = [:]
    }

    /// An expected fact (`F <figure> | <indicator id or ?> | <period or ?>`): the figure as written,
    /// the catalogue indicator its noun names (nil: `?`, the text leaves it to a person, as a bare
    /// "chi bộ" does) and its period as a data file writes it (nil: `?`, no date and no dateline).
    struct GoldFact {
        var value: String
        var indicator: String?
        var period: String?
    }

    struct Score: CustomStringConvertible {
        var gold = 0, found = 0, matched = 0
        var recall: Double { gold == 0 ? 100 : Double(matched) / Double(gold) * 100 }
        var precision: Double { found == 0 ? 100 : Double(matched) / Double(found) * 100 }
        var description: String { String(format: "recall %5.1f %% (%d/%d), precision %5.1f %% (%d/%d)", recall, matched, gold, precision, matched, found) }
    }

    /// A gold line the harness cannot read: the part, the case and what to write instead.
    struct CorpusError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    static var folder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/ExtractCorpus")
    }

    static func cases(_ name: String) throws -> [Case] {
        let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        var out: [Case] = []
        for block in text.components(separatedBy: "### ").dropFirst() {
            let lines = block.components(separatedBy: "\n")
            guard let split = lines.firstIndex(of: "---") else { continue }
            var c = Case(id: lines[0], text: lines[1..<split].joined(separator: "\n"), targets: [], outcomes: [], stated: [])
            if let open = lines[0].firstIndex(of: "["), let close = lines[0].firstIndex(of: "]"), open < close {
                c.kinds = lines[0][lines[0].index(after: open)..<close].split(separator: " ").map(String.init)
            }
            for line in lines[(split + 1)...] where line.count > 2 {
                let body = String(line.dropFirst(2))
                switch line.first {
                case "T": c.targets.append(Self.squeeze(body))
                case "O":
                    let parts = body.components(separatedBy: " | ")
                    let target = parts.count > 1 && parts[1] != "-" ? Self.squeeze(parts[1]) : nil
                    var keys: [String: String] = [:]
                    for part in parts.dropFirst(2) {
                        let kv = part.split(separator: "=", maxSplits: 1).map(String.init)
                        if kv.count == 2 { keys[kv[0]] = kv[1].trimmingCharacters(in: .whitespaces) }
                    }
                    c.outcomes.append(GoldOutcome(value: Self.squeeze(parts[0]), target: target, keys: keys))
                case "S": c.stated.append(Self.squeeze(body))
                case "F":
                    let parts = body.components(separatedBy: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                    guard parts.count == 3 else { throw CorpusError(message: "\(name), case \(lines[0]): '\(line)' is no fact line; write F <figure> | <indicator id or ?> | <period or ?>") }
                    c.facts.append(GoldFact(value: Self.squeeze(parts[0]), indicator: parts[1] == "?" ? nil : parts[1], period: parts[2] == "?" ? nil : parts[2]))
                default: continue
                }
            }
            out.append(c)
        }
        return out
    }

    /// The catalogue `chitieu extract` reads (Targets/indicators.yaml), for the facts' and the
    /// outcomes' indicator guesses. This test target links ChiTieuCore alone, not the YAML loader,
    /// so the catalogue's one-line flow maps are read here; a catalogue that stops parsing fails the
    /// test through the check that every indicator id the gold names is in it.
    static let catalogue: [String: Indicator] = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        guard let text = try? String(contentsOf: root.appendingPathComponent("Targets/indicators.yaml"), encoding: .utf8) else { return [:] }
        var section = "", scaleID: String?
        var bases: [String: ShareBase] = [:], scales: [String: RatingScale] = [:], out: [String: Indicator] = [:]
        for line in text.split(separator: "\n") {
            // A top-level key ("bases:", "indicators:") opens a section; comments are skipped.
            if let first = line.first, first != " ", first != "#" { section = String(line.prefix { $0 != ":" }); continue }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            let m = flowMap(trimmed)
            switch section {
            case "bases":
                if let id = m["id"] { bases[id] = ShareBase(id: id, name: m["name"] ?? id, nameEn: m["name-en"] ?? id) }
            case "scales":
                if trimmed.hasPrefix("- id:") {
                    let id = String(trimmed.dropFirst(5)).trimmingCharacters(in: .whitespaces)
                    scaleID = id
                    scales[id] = RatingScale(id: id, levels: [])
                } else if let s = scaleID, let id = m["id"] {
                    scales[s]?.levels.append(RatingLevel(id: id, name: m["name"] ?? id, nameEn: m["name-en"] ?? id))
                }
            case "indicators":
                guard let id = m["id"], let unit = m["unit"].flatMap(IndicatorUnit.init(rawValue:)) else { continue }
                let normalise = (m["normalise"] ?? "").trimmingCharacters(in: CharacterSet(charactersIn: "[]")).split(separator: ",")
                out[id] = Indicator(
                    id: id, name: m["name"] ?? id, nameEn: m["name-en"] ?? id, unit: unit, shareOf: m["share-of"].flatMap { bases[$0] },
                    noun: m["noun"], nounEn: m["noun-en"], scale: m["scale"].flatMap { scales[$0] },
                    direction: m["direction"].flatMap(Direction.init(rawValue:)) ?? .up,
                    aggregation: m["aggregate"].flatMap(Aggregation.init(rawValue:)) ?? (unit == .percent ? .weightedMean : unit == .rating ? .none : .sum),
                    normalisations: normalise.compactMap { Normalisation(rawValue: $0.trimmingCharacters(in: .whitespaces)) },
                    phrase: m["phrase"], phraseEn: m["phrase-en"], transferOf: m["transfer-of"], position: out.count,
                    measure: m["measure"], measureEn: m["measure-en"])
            default: continue
            }
        }
        return out
    }()

    /// The keys and values of a one-line YAML flow map ("- { id: x, name: "a, b", normalise: [p, q] }"),
    /// quotes taken off; commas inside quotes or brackets do not split.
    static func flowMap(_ line: String) -> [String: String] {
        guard let open = line.firstIndex(of: "{"), let close = line.lastIndex(of: "}"), open < close else { return [:] }
        var fields: [String] = [], current = "", quoted = false, depth = 0
        for ch in line[line.index(after: open)..<close] {
            if ch == "\"" { quoted.toggle() }
            if !quoted, ch == "[" { depth += 1 }
            if !quoted, ch == "]" { depth -= 1 }
            if ch == ",", !quoted, depth == 0 { fields.append(current); current = "" } else { current.append(ch) }
        }
        fields.append(current)
        var map: [String: String] = [:]
        for f in fields {
            guard let colon = f.firstIndex(of: ":") else { continue }
            var value = f[f.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            map[f[..<colon].trimmingCharacters(in: .whitespaces)] = value
        }
        return map
    }

    static func squeeze(_ s: String) -> String { s.replacingOccurrences(of: " ", with: "") }

    /// Scores of one half, per kind, and the lines that missed or were wrong.
    /// The keys of an extracted outcome that a gold outcome may name.
    static func keys(of e: ExtractedEntry) -> [String: String] {
        var k: [String: String] = [:]
        if let b = e.body { k["body"] = b }
        if let c = e.covers { k["covers"] = c }
        if let y = e.year { k["year"] = String(y) }
        if let x = e.excess { k["excess"] = squeeze(x) }
        return k
    }

    static func score(_ cases: [Case]) -> (targets: Score, outcomes: Score, stated: Score, notes: [String], kinds: [String: Score], linked: Score, facts: Score, factsLinked: Score) {
        let extractor = Extractor(catalogue: [:])
        // Facts and indicator guesses need the catalogue the CLI reads. Targets, outcomes and stated
        // attainments keep the catalogue-free reading they have always been scored on, so that the
        // scores of the parts written before facts do not move; an outcome's indicator guess is taken
        // from the catalogue reading's outcome on the same line with the same figure.
        let reader = Extractor(catalogue: catalogue)
        var t = Score(), o = Score(), s = Score()
        // Facts: the figure found (recall / precision), and of those the indicator and period right.
        var f = Score(), fLinked = Score()
        var factNotes: [String] = []
        // Outcomes whose figure, target, body, period and coverage (as far as the gold names them) are all right.
        var linked = Score()
        var notes: [String] = []
        var kinds: [String: Score] = [:]
        for c in cases {
            let before = (t, o, s)
            defer {
                // All three kinds of entry pooled, per failure kind of issue 18.
                for k in c.kinds {
                    kinds[k, default: Score()].gold += (t.gold - before.0.gold) + (o.gold - before.1.gold) + (s.gold - before.2.gold)
                    kinds[k, default: Score()].found += (t.found - before.0.found) + (o.found - before.1.found) + (s.found - before.2.found)
                    kinds[k, default: Score()].matched += (t.matched - before.0.matched) + (o.matched - before.1.matched) + (s.matched - before.2.matched)
                }
            }
            let entries = extractor.extract(c.text).entries
            let read = reader.read(c.text).entries
            var guesses = read.filter { $0.kind == .outcome }
            // Targets: rule and period.
            var gold = c.targets
            t.gold += gold.count
            for e in entries where e.kind == .target {
                guard let r = e.rule else { continue }
                t.found += 1
                let key = squeeze(r.rule + "|" + r.period)
                if let k = gold.firstIndex(of: key) { gold.remove(at: k); t.matched += 1 } else { notes.append("\(c.id): wrong target \(key) “\(e.words)”") }
            }
            notes += gold.map { "\(c.id): missed target \($0)" }
            // Outcomes: the figure, and the target beside it when the gold gives one.
            var golds = c.outcomes
            o.gold += golds.count
            linked.gold += golds.count
            for e in entries where e.kind == .outcome {
                o.found += 1
                linked.found += 1
                let value = squeeze(e.value ?? "?"), target = e.target.map(squeeze)
                var keys = Self.keys(of: e)
                // `indicator=` is right when the guess is that one id: none or two are not a guess.
                if let k = guesses.firstIndex(where: { $0.line == e.line && $0.value == e.value }) {
                    let ids = guesses[k].indicators
                    keys["indicator"] = ids.isEmpty ? "?" : ids.joined(separator: ",")
                    guesses.remove(at: k)
                }
                // Prefer the gold entry whose keys all agree, so that two outcomes of one figure pair well.
                let fits = golds.indices.filter { golds[$0].value == value && (golds[$0].target == nil || golds[$0].target == target) }
                if let k = fits.first(where: { i in golds[i].keys.allSatisfy { keys[$0.key] == $0.value } }) ?? fits.first {
                    if golds[k].keys.allSatisfy({ keys[$0.key] == $0.value }) { linked.matched += 1 } else {
                        notes.append("\(c.id): outcome \(value) keys \(keys) for \(golds[k].keys)")
                    }
                    golds.remove(at: k); o.matched += 1
                } else { notes.append("\(c.id): wrong outcome \(value) / \(target ?? "-") “\(e.words)”") }
            }
            notes += golds.map { "\(c.id): missed outcome \($0.value) / \($0.target ?? "-")" }
            // Stated attainments.
            var stated = c.stated
            s.gold += stated.count
            for e in entries where e.kind == .outcome {
                guard let st = e.stated else { continue }
                s.found += 1
                // The figure is judged; the words kept beside it ("vượt gần 5%") are for a person.
                let figure = String(st.filter { $0.isNumber || ",.%".contains($0) })
                if let k = stated.firstIndex(of: figure) { stated.remove(at: k); s.matched += 1 } else { notes.append("\(c.id): wrong stated \(st)") }
            }
            notes += stated.map { "\(c.id): missed stated \($0)" }
            // Facts: the figure, then its indicator (`?`: no single id) and period (`?`: none).
            var facts = c.facts
            f.gold += facts.count
            fLinked.gold += facts.count
            for e in read where e.kind == .fact {
                f.found += 1
                fLinked.found += 1
                let value = squeeze(e.value ?? "?")
                let indicator = e.indicators.count == 1 ? e.indicators.first : nil
                let period = e.period == "?" ? nil : e.period
                let right = { (k: Int) in facts[k].indicator == indicator && facts[k].period == period }
                let fits = facts.indices.filter { facts[$0].value == value }
                if let k = fits.first(where: right) ?? fits.first {
                    if right(k) { fLinked.matched += 1 } else {
                        factNotes.append("\(c.id): fact \(value) read as \(indicator ?? "?") at \(period ?? "?") for \(facts[k].indicator ?? "?") at \(facts[k].period ?? "?")")
                    }
                    facts.remove(at: k)
                    f.matched += 1
                } else { factNotes.append("\(c.id): wrong fact \(value) “\(e.words)”") }
            }
            factNotes += facts.map { "\(c.id): missed fact \($0.value) | \($0.indicator ?? "?") | \($0.period ?? "?")" }
        }
        // A part without F lines is not scored on facts, so its notes say nothing of them either.
        if f.gold > 0 { notes += factNotes }
        return (t, o, s, notes, kinds, linked, f, fLinked)
    }

    func testScoresOnTheInventedCorpus() throws {
        // CHITIEU_CORPUS_PARTS="tune.txt heldout4.txt" measures those parts only: development runs
        // leave out the held-out parts, whose scores are looked at once, at the end of a round.
        let all = ["tune.txt", "heldout.txt", "heldout2.txt", "heldout3.txt", "heldout4.txt", "heldout5.txt", "heldout6.txt", "heldout7.txt", "heldout8.txt", "heldout9.txt", "heldout10.txt", "heldout11.txt", "heldout12.txt"]
        // The catalogue read by the harness's own reader: 50 indicators today (Targets/indicators.yaml).
        XCTAssertGreaterThanOrEqual(Self.catalogue.count, 50, "the harness no longer reads Targets/indicators.yaml")
        XCTAssertEqual(Self.catalogue["dang-vien-htt"]?.shareOf?.id, "members")
        XCTAssertEqual(Self.catalogue["ket-nap-dang-vien"]?.phrase, "kết nạp được {value} đảng viên mới")
        let chosen = ProcessInfo.processInfo.environment["CHITIEU_CORPUS_PARTS"].map { $0.split(separator: " ").map(String.init) } ?? all
        for half in all where chosen.contains(half) {
            // A part not yet committed (being written by an independent author) is measured once it is.
            if !FileManager.default.fileExists(atPath: Self.folder.appendingPathComponent(half).path) { continue }
            let cases = try Self.cases(half)
            XCTAssertGreaterThan(cases.count, 20, half)
            // Every indicator the gold names (F lines, `indicator=` keys) is one of the catalogue's.
            for c in cases {
                for id in c.facts.compactMap(\.indicator) + c.outcomes.compactMap({ $0.keys["indicator"] }) {
                    XCTAssertNotNil(Self.catalogue[id], "\(half), \(c.id): '\(id)' is not in Targets/indicators.yaml")
                }
            }
            let r = Self.score(cases)
            print("extract corpus \(half): targets \(r.targets)")
            print("extract corpus \(half): outcomes \(r.outcomes)")
            print("extract corpus \(half): stated \(r.stated)")
            print("extract corpus \(half): outcomes with target, body, period and coverage right \(r.linked)")
            if r.facts.gold > 0 {
                print("extract corpus \(half): facts \(r.facts)")
                print("extract corpus \(half): facts with indicator and period right \(r.factsLinked)")
            }
            for k in r.kinds.keys.sorted(by: { (Int($0) ?? 0) < (Int($1) ?? 0) }) {
                if let score = r.kinds[k] { print("extract corpus \(half): failure kind \(k): \(score)") }
            }
            // Floors a little under the scores of the commit that set them (README: "Extraction"),
            // so that a change which loses ground fails here; the held-out half's are lower, as measured.
            let floors: [(Score, Double, Double)]
            switch half {
            case "tune.txt": floors = [(r.targets, 98, 98), (r.outcomes, 98, 98), (r.stated, 98, 98), (r.linked, 98, 98)]
            case "heldout.txt": floors = [(r.targets, 82, 85), (r.outcomes, 95, 92), (r.stated, 92, 92), (r.linked, 95, 92)]
            // heldout2: measured before the changes of its round at targets 90,3 / 77,8, outcomes
            // 75,0 / 85,7, stated 86,4 / 100, linked 62,5 / 71,4 (README: "Extraction").
            case "heldout2.txt": floors = [(r.targets, 93, 93), (r.outcomes, 92, 92), (r.stated, 95, 95), (r.linked, 82, 82)]
            // heldout3: written by an independent author who neither read nor ran the extractor;
            // measured once after round 4 at targets 87,1 / 77,9, outcomes 72,1 / 84,5, stated
            // 77,4 / 96,0, linked 69,1 / 81,0; then used for development in round 5, which reached
            // 100 in every kind (README: "Extraction"). Floors 2 points under, so that a general fix
            // may cost one entry of a part developed against.
            case "heldout3.txt": floors = [(r.targets, 98, 98), (r.outcomes, 98, 98), (r.stated, 98, 98), (r.linked, 98, 98)]
            // heldout4: an independent author (neither read nor ran the extractor, nor read the other
            // held-out parts); measured after rounds 4 and 5 (targets 94,2 / 85,1 after round 5), then
            // used for development in round 6, which reached targets 96,1 / 96,1, outcomes 93,8 / 93,8,
            // stated 97,4 / 100, linked 86,2 / 86,2 (README: "Extraction"). Floors about 2 points under.
            // Round 7 raised its outcomes to 96,2 / 96,2 and linked to 96,2 / 96,2: those floors follow.
            case "heldout4.txt": floors = [(r.targets, 94, 94), (r.outcomes, 94, 94), (r.stated, 95, 98), (r.linked, 94, 94)]
            // heldout5: a third independent author (neither read nor ran the extractor, nor read the
            // other held-out parts), the North and the Highlands; measured after rounds 5 and 6
            // (targets 91,9 / 89,8, outcomes 90,1 / 88,9, stated 97,0 / 100, linked 83,1 / 81,9 after
            // round 6), then used for development in round 7, which reached targets 93,0 / 96,4,
            // outcomes 97,2 / 100, stated 100 / 100, linked 97,2 / 100. Floors about 2 points under.
            case "heldout5.txt": floors = [(r.targets, 91, 94), (r.outcomes, 95, 98), (r.stated, 98, 98), (r.linked, 95, 98)]
            // heldout6: a fourth independent author (neither read nor ran the extractor, nor read the
            // other held-out parts), political reports, the Mekong Delta and the Central Coast, armed
            // forces and enterprise blocs; measured after rounds 5, 6 and 7 (after round 5: targets
            // 87,5 / 94,4, outcomes 90,3 / 77,8, stated 97,1 / 97,1, linked 83,9 / 72,2), then used for
            // development in round 8, which reached targets 99,0 / 99,0, outcomes 100 / 100, stated
            // 100 / 100, linked 100 / 100 (corpus README: "History"). Floors about 2 points under.
            case "heldout6.txt": floors = [(r.targets, 97, 97), (r.outcomes, 98, 98), (r.stated, 98, 98), (r.linked, 98, 98)]
            // heldout7: a fifth independent author (neither read nor ran the extractor, nor read the
            // other held-out parts), outcome-heavy reports, Thanh Hóa, Quảng Trị, Lâm Đồng, Bình Phước,
            // Bạc Liêu, Cà Mau, Hòa Bình, Yên Bái, Bắc Ninh, Vĩnh Phúc.
            // heldout8: a sixth independent author (neither read nor ran the extractor, nor read the
            // other held-out parts), a provincial organisation committee's inbox over a year: articles of
            // Hà Tĩnh, Quảng Bình, Kiên Giang, Hậu Giang, Tây Ninh, Đắk Nông, Sơn La, Lai Châu, Bắc Giang,
            // Nam Định, merged communes, bloc and armed-forces committees.
            // Both measured after rounds 6–8 (heldout7) and 7–8 (heldout8): heldout7 targets 100 / 96,5,
            // outcomes 96,1 / 94,8, stated 100 / 100, linked 96,1 / 94,8; heldout8 targets 97,3 / 100,
            // outcomes 98,7 / 90,5, stated 92,1 / 100, linked 96,1 / 88,1; then used for development in
            // round 9, which reached 100 / 100 in every kind of both (corpus README: "History"). Floors
            // about 2 points under.
            case "heldout7.txt", "heldout8.txt": floors = [(r.targets, 98, 98), (r.outcomes, 98, 98), (r.stated, 98, 98), (r.linked, 98, 98)]
            // heldout9: a seventh independent author (neither read nor ran the extractor, nor read the
            // other held-out parts), the first part with facts (F lines) and outcomes' indicator keys:
            // articles with datelines, structure at dates, near-misses. Measured after round 9 (targets
            // 97,9 / 94,0, outcomes 96,8 / 93,8, stated 100 / 100, linked 88,7 / 85,9, facts 76,0 / 91,9,
            // facts with indicator and period 60,0 / 72,6), then used for development in round 10, which
            // reached targets 100 / 96,0, outcomes 98,4 / 100, stated 100 / 100, linked 98,4 / 100, facts
            // 98,7 / 100 and 98,7 / 100 (corpus README: "History"). Floors about 2 points under.
            case "heldout9.txt": floors = [(r.targets, 98, 94), (r.outcomes, 96, 98), (r.stated, 98, 98), (r.linked, 96, 98),
                                           (r.facts, 96, 98), (r.factsLinked, 96, 98)]
            // heldout10: an eighth independent author (neither read nor ran the extractor, nor read the
            // other held-out parts), facts and indicator keys again: Lào Cai to Bến Tre, articles with
            // datelines, structure in many shapes (brackets, abbreviations, tables, "nâng tổng số … lên"),
            // near-misses (delegates, the committee elected, members transferred, disciplined, awarded).
            // Measured after round 9 and again after round 10 (targets 97,1 / 100, outcomes 97,8 / 88,2,
            // stated 100 / 100, linked 84,8 / 76,5, facts 85,1 / 96,1 and 85,1 / 96,1), then used for
            // development in round 11, which reached 100 / 100 in every kind (corpus README: "History").
            // Floors about 2 points under.
            case "heldout10.txt": floors = [(r.targets, 97, 98), (r.outcomes, 98, 98), (r.stated, 98, 98), (r.linked, 98, 98),
                                            (r.facts, 98, 98), (r.factsLinked, 98, 98)]
            // heldout11: a ninth independent author (neither read nor ran the extractor, nor read the
            // other held-out parts), outcome-heavy: yearly, six-month, quarterly and term reports, tables of
            // results, several bodies per sentence, plans worded like results, indicator keys on outcomes,
            // facts in 26 cases (Lạng Sơn to Hậu Giang). Measured after rounds 10 and 11 (targets 93,9 /
            // 96,9, outcomes 89,7 / 91,8, stated 100 / 97,4, linked 78,2 / 80,0, facts 98,7 / 100 and
            // 92,1 / 93,3), then used for development in round 12, which reached targets 100 / 97,1,
            // outcomes 93,1 / 98,8, stated 100 / 97,4, linked 92,0 / 97,6, facts 98,7 / 100 and 92,1 /
            // 93,3 (corpus README: "History"). Floors about 2 points under.
            case "heldout11.txt": floors = [(r.targets, 98, 95), (r.outcomes, 91, 96), (r.stated, 98, 95), (r.linked, 90, 95),
                                            (r.facts, 96, 98), (r.factsLinked, 90, 91)]
            // heldout12: a tenth independent author (neither read nor ran the extractor, nor read the
            // other held-out parts), outcome-heavy again: yearly, six-month, quarterly, monthly and term
            // reports, results tables, several bodies per sentence, plans worded like results and results
            // like plans, 63 indicator keys, facts in 26 cases (Hà Nội to Bạc Liêu); measured only, no floors.
            default: floors = []
            }
            for (score, recall, precision) in floors {
                XCTAssertGreaterThanOrEqual(score.recall, recall, "\(half): \(score)")
                XCTAssertGreaterThanOrEqual(score.precision, precision, "\(half): \(score)")
            }
            // The details of the parts developed against only (heldout3 since round 5, heldout4 since
            // round 6, heldout5 since round 7, heldout6 since round 8, heldout7 and heldout8 since
            // round 9, heldout9 since round 10, heldout10 since round 11, heldout11 since round 12): the
            // held-out parts (heldout12 on) are measured, not read.
            if ["tune.txt", "heldout3.txt", "heldout4.txt", "heldout5.txt", "heldout6.txt", "heldout7.txt", "heldout8.txt", "heldout9.txt", "heldout10.txt", "heldout11.txt"].contains(half), ProcessInfo.processInfo.environment["CHITIEU_CORPUS_DETAIL"] != nil {
                for n in r.notes { print("  " + n) }
            }
        }
    }
}
