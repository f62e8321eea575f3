import ChiTieuCore
import Yams

/// Reads the indicator catalogue (`indicators.yaml`): share bases, rating scales, indicators.
enum CatalogueLoader {
    /// An entry of `id`, `name` and `name-en`, with the place of its id.
    private static func name(_ node: Node, _ what: String, _ ctx: YAMLContext) -> (CatalogueName, SourceLocation)? {
        guard let f = ctx.fields(node, allowed: ["id", "name", "name-en"], what: what),
              let id = ctx.text(f["id"], "id", in: f), let name = ctx.text(f["name"], "name", in: f),
              let en = ctx.text(f["name-en"], "name-en", in: f) else { return nil }
        return (CatalogueName(id: id.text, name: name.text, nameEn: en.text), id.location)
    }

    /// What one catalogue file defines: its indicators, and its share bases and rating scales
    /// (which a catalogue file below it may use).
    struct Loaded {
        var indicators: [String: Indicator] = [:]
        var bases: [String: ShareBase] = [:]
        var scales: [String: RatingScale] = [:]
        var fields: [String: TargetField] = [:]
        /// The office's bands for attainment (`bands:`), for the term files below that set none.
        var bands: [OfficeBand] = []
    }

    /// Reads one catalogue file.
    /// - Parameters:
    ///   - ctx: The file.
    ///   - bases: Share bases of the catalogue files above it, which its indicators may name.
    ///   - scales: Rating scales of the catalogue files above it.
    ///   - fields: Fields of work of the catalogue files above it; its own follow them in rank.
    static func load(_ ctx: YAMLContext, bases inherited: [String: ShareBase] = [:], scales inheritedScales: [String: RatingScale] = [:], fields inheritedFields: [String: TargetField] = [:]) -> Loaded {
        guard let root = ctx.root(), let top = ctx.fields(root, allowed: ["bases", "scales", "fields", "indicators", "bands"], what: "the catalogue") else { return Loaded() }
        var own = Loaded()
        own.bands = RecordLoader.parseBands(top["bands"], ctx)
        // A results annex lists fields in the catalogue's order: the files above first.
        let rankOffset = (inheritedFields.values.map(\.rank).max() ?? -1) + 1
        for item in ctx.items(top["fields"], "fields") {
            guard let (field, at) = name(item, "a field of work", ctx) else { continue }
            if own.fields[field.id] != nil { ctx.error("field '\(field.id)' is defined twice; keep one", at: at); continue }
            // A field another catalogue defined already keeps its place: two copies of one
            // catalogue (two data folders) define the same field, not a clash of ranks.
            let rank = inheritedFields[field.id]?.rank ?? rankOffset + own.fields.values.filter { inheritedFields[$0.id] == nil }.count
            own.fields[field.id] = TargetField(id: field.id, name: field.name, nameEn: field.nameEn, rank: rank)
            ctx.definitions["field:" + field.id] = at
        }
        let fields = own.fields.merging(inheritedFields) { mine, _ in mine }
        for item in ctx.items(top["bases"], "bases") {
            guard let (base, at) = name(item, "a share base", ctx) else { continue }
            if own.bases[base.id] != nil { ctx.error("share base '\(base.id)' is defined twice", at: at); continue }
            own.bases[base.id] = base
            ctx.definitions["base:" + base.id] = at
        }
        for item in ctx.items(top["scales"], "scales") {
            guard let f = ctx.fields(item, allowed: ["id", "levels"], what: "a rating scale"),
                  let id = ctx.text(f["id"], "id", in: f) else { continue }
            var levels: [RatingLevel] = []
            for levelNode in ctx.items(f["levels"], "levels") {
                if let (level, _) = name(levelNode, "a rating level", ctx) { levels.append(level) }
            }
            if levels.isEmpty { ctx.error("rating scale '\(id.text)' has no levels; list them best first under 'levels:'", at: id.location) }
            own.scales[id.text] = RatingScale(id: id.text, levels: levels)
            ctx.definitions["scale:" + id.text] = id.location
        }
        // Its own definitions, then those of the catalogues above it.
        let bases = own.bases.merging(inherited) { mine, _ in mine }
        let scales = own.scales.merging(inheritedScales) { mine, _ in mine }
        var indicators: [String: Indicator] = [:]
        let keys = ["id", "name", "name-en", "unit", "share-of", "noun", "noun-en", "scale", "direction", "aggregate", "normalise", "phrase", "phrase-en", "transfer-of", "measure", "measure-en", "field", "limit"]
        for item in ctx.items(top["indicators"], "indicators") {
            guard let f = ctx.fields(item, allowed: keys, what: "an indicator"),
                  let id = ctx.text(f["id"], "id", in: f) else { continue }
            let name = ctx.text(f["name"], "name", in: f)
            let en = ctx.text(f["name-en"], "name-en", in: f)
            let unit = ctx.choice(ctx.text(f["unit"], "unit", in: f), "unit", as: IndicatorUnit.self)
            let direction = ctx.choice(ctx.text(f["direction"], "direction", in: f, required: false), "direction", as: Direction.self) ?? .up
            let aggregation = ctx.choice(ctx.text(f["aggregate"], "aggregate", in: f, required: false), "aggregate", as: Aggregation.self)
            var normalisations: [Normalisation] = []
            for n in ctx.items(f["normalise"], "normalise") {
                if case let .scalar(s) = n {
                    let located = Located(text: s.string, location: ctx.location(s.mark), contentShift: 0)
                    if let v = ctx.choice(located, "normalisation", as: Normalisation.self) { normalisations.append(v) }
                }
            }
            var base: ShareBase?
            if let b = ctx.text(f["share-of"], "share-of", in: f, required: unit == .percent) {
                base = bases[b.text]
                if base == nil { ctx.error("unknown share base '\(b.text)'; define it under 'bases:' here or in an indicators.yaml above (known: \(bases.keys.sorted().joined(separator: ", ")))", at: b.location) }
            }
            var scale: RatingScale?
            if let s = ctx.text(f["scale"], "scale", in: f, required: unit == .rating) {
                scale = scales[s.text]
                if scale == nil { ctx.error("unknown rating scale '\(s.text)'; define it under 'scales:' here or in an indicators.yaml above (known: \(scales.keys.sorted().joined(separator: ", ")))", at: s.location) }
            }
            let (measure, measureEn) = measures(f, id: id, unit: unit, aggregation: aggregation, ctx)
            let transferOf = ctx.text(f["transfer-of"], "transfer-of", in: f, required: false)
            if let transferOf, unit != nil, unit != .count {
                ctx.error("'transfer-of' marks a count moved in from another body; '\(id.text)' is not a count", at: transferOf.location)
            }
            let field = ctx.text(f["field"], "field", in: f, required: false).flatMap { Self.field($0, fields, ctx) }
            guard let name, let en, let unit else { continue }
            if let first = indicators[id.text] {
                ctx.error("indicator '\(id.text)' is defined twice (first: \(first.name))", at: id.location)
                continue
            }
            ctx.definitions["indicator:" + id.text] = id.location
            indicators[id.text] = Indicator(
                id: id.text, name: name.text, nameEn: en.text, unit: unit, shareOf: base,
                noun: ctx.text(f["noun"], "noun", in: f, required: false)?.text,
                nounEn: ctx.text(f["noun-en"], "noun-en", in: f, required: false)?.text,
                scale: scale, direction: direction,
                // An amount adds up only where the catalogue says so: a rate or a per-person figure never does.
                aggregation: aggregation ?? (unit == .count ? .sum : unit == .percent ? .weightedMean : .none),
                normalisations: normalisations,
                phrase: ctx.text(f["phrase"], "phrase", in: f, required: false)?.text,
                phraseEn: ctx.text(f["phrase-en"], "phrase-en", in: f, required: false)?.text,
                transferOf: transferOf?.text, position: indicators.count, measure: measure, measureEn: measureEn)
            indicators[id.text]?.field = field
            // sdg-build's `limit` for the no-target status: a figure, signed when the bound is below 0.
            if let l = ctx.text(f["limit"], "limit", in: f, required: false), let n = ctx.number(l, signed: true) {
                indicators[id.text]?.limit = n.value
            }
        }
        // A transfer names the stock it moves; checked once every indicator is known.
        for i in indicators.values.sorted(by: { $0.id < $1.id }) {
            if let target = i.transferOf, indicators[target]?.unit != .count {
                ctx.error("'\(i.id)' is a transfer of '\(target)', which is not a count indicator of this catalogue file", at: SourceLocation(file: ctx.file, line: 1, column: 1))
            }
        }
        if indicators.isEmpty && own.bases.isEmpty && own.scales.isEmpty && !ctx.diagnostics.hasErrors {
            ctx.error("the catalogue defines no indicators; list them under 'indicators:'", at: SourceLocation(file: ctx.file, line: 1, column: 1))
        }
        own.indicators = indicators
        return own
    }

    /// A `field:` of an indicator or a target: one of the catalogue's `fields:`.
    static func field(_ l: Located, _ fields: [String: TargetField], _ ctx: YAMLContext) -> TargetField? {
        let id = l.text.trimmedSpaces
        if let f = fields[id] { return f }
        let known = fields.values.sorted { $0.rank < $1.rank }.map(\.id)
        let hint = known.isEmpty ? "define the fields under 'fields:' in indicators.yaml, e.g. - { id: kiem-tra-giam-sat, name: \"Công tác kiểm tra, giám sát\", name-en: \"Inspection and supervision\" }" : "write one of: " + known.joined(separator: ", ")
        ctx.error("unknown field '\(id)'; \(hint)", at: l.at(0))
        return nil
    }

    /// An amount's `measure` and `measure-en` (both required); refused on other units, which have
    /// a noun, a share base or a scale instead.
    private static func measures(_ f: Fields, id: Located, unit: IndicatorUnit?, aggregation: Aggregation?, _ ctx: YAMLContext) -> (String?, String?) {
        guard unit == .amount else {
            for key in ["measure", "measure-en"] where f[key] != nil {
                let what = unit.map { "a \($0.rawValue)" } ?? "this indicator"
                let instead = unit == .count ? "; a count names what it counts with 'noun'" : ""
                ctx.error("'\(key)' is for an amount (unit: amount), not \(what)\(instead)", at: f.place(key))
            }
            return (nil, nil)
        }
        if aggregation == .weightedMean {
            ctx.error("an amount has no denominator to weight by; write 'aggregate: sum' (money, km: it adds up) or 'aggregate: none' (a rate, a per-person figure)", at: f.place("aggregate"))
        }
        if let b = f["share-of"] { ctx.error("an amount is not a share of a base; drop 'share-of' (or use unit: percent)", at: ctx.location(of: b)) }
        let viText = ctx.text(f["measure"], "measure", in: f, required: false)
        let enText = ctx.text(f["measure-en"], "measure-en", in: f, required: false)
        if viText == nil || enText == nil {
            let missing = viText == nil ? (enText == nil ? "'measure' and 'measure-en'" : "'measure'") : "'measure-en'"
            ctx.error("the amount '\(id.text)' lacks \(missing): an amount names its measure as reports print it after figures, e.g. measure: \"tỷ đồng\", measure-en: \"billion VND\"", at: id.location)
        }
        let vi = viText.flatMap { checkedMeasure($0, ctx) }
        let en = enText.flatMap { checkedMeasure($0, ctx) }
        return (vi, en)
    }

    /// A measure is printed after figures and in workbook cell formats: words, no digits first, no quotes.
    private static func checkedMeasure(_ l: Located, _ ctx: YAMLContext) -> String? {
        let m = l.text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        if m.isEmpty {
            ctx.error("the measure is empty; write it as reports print it, e.g. \"tỷ đồng\" or \"%/năm\"", at: l.at(0))
            return nil
        }
        if let bad = m.unicodeScalars.firstIndex(where: { $0 == "\"" || $0 == "\\" }) {
            ctx.error("a measure cannot hold '\(m.unicodeScalars[bad])'; write it in words, e.g. \"tỷ đồng\"", at: l.at(m.unicodeScalars.distance(from: m.unicodeScalars.startIndex, to: bad)))
            return nil
        }
        if m.count > 32 {
            ctx.error("a measure is a few words printed after every figure ('tỷ đồng', 'triệu đồng/người/tháng'); '\(m)' has \(m.count) characters, at most 32", at: l.at(0))
            return nil
        }
        if let first = m.unicodeScalars.first, first.properties.numericType != nil || first == "." || first == "," || first == "-" {
            ctx.error("a measure begins with a word or '%', not '\(first)'; write e.g. \"tỷ đồng\" (a figure goes in the data, not in the measure)", at: l.at(0))
            return nil
        }
        return m
    }
}
