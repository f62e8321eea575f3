import ChiTieuCore
import Yams

/// Reads `bodies.yaml`: every body with its province, kind and lineage.
enum BodiesLoader {
    static func load(_ ctx: YAMLContext) -> (bodies: [String: Body], sources: [String: Source]) {
        guard let root = ctx.root(), let top = ctx.fields(root, allowed: ["sources", "bodies"], what: "the bodies file") else { return ([:], [:]) }
        let sources = SourcesLoader.load(top["sources"], ctx)
        var bodies: [String: Body] = [:]
        for item in ctx.items(top["bodies"], "bodies") {
            guard let f = ctx.fields(item, allowed: ["id", "name", "name-en", "province", "kind", "lineage", "letterhead", "parent"], what: "a body"),
                  let id = ctx.text(f["id"], "id", in: f) else { continue }
            let name = ctx.text(f["name"], "name", in: f)
            let en = ctx.text(f["name-en"], "name-en", in: f)
            let province = ctx.text(f["province"], "province", in: f)
            let kindText = ctx.text(f["kind"], "kind", in: f)
            // A misspelt kind is reported here, once, at its line; the body is still kept (as
            // "other") so that its data files do not each echo "unknown body". The error stops
            // every command but check, so the stand-in kind is never compared or reported.
            let kind = ctx.choice(kindText, "kind", as: BodyKind.self) ?? (kindText == nil ? nil : BodyKind.other)
            var lineage: [LineageEvent] = []
            for e in ctx.items(f["lineage"], "lineage") {
                guard let ef = ctx.fields(e, allowed: ["date", "event", "name", "source", "line", "quote"], what: "a lineage event"),
                      let date = ctx.date(ctx.text(ef["date"], "date", in: ef), "date"),
                      let kind = ctx.choice(ctx.text(ef["event"], "event", in: ef), "event", as: LineageEvent.Kind.self),
                      let citation = SourcesLoader.citation(ef, sources, ctx),
                      let quote = ctx.text(ef["quote"], "quote", in: ef) else { continue }
                if let last = lineage.last, date < last.date {
                    ctx.error("lineage events must be in date order; \(date) comes before \(last.date)", at: ctx.location(of: e))
                }
                lineage.append(LineageEvent(date: date, kind: kind, name: ctx.text(ef["name"], "name", in: ef, required: false)?.text, quote: quote.text, source: citation.source))
            }
            guard let name, let en, let province, let kind else { continue }
            if bodies[id.text] != nil {
                ctx.error("body '\(id.text)' is defined twice; keep one", at: id.location)
                continue
            }
            ctx.definitions["body:" + id.text] = id.location
            let derived = Letterhead.derived(name: name.text, nameEn: en.text, province: province.text, kind: kind)
            let letterhead = f["letterhead"].map { readLetterhead($0, derived, ctx) } ?? derived
            let parent = ctx.text(f["parent"], "parent", in: f, required: false)?.text
            bodies[id.text] = Body(id: id.text, name: name.text, nameEn: en.text, province: province.text, kind: kind, lineage: lineage, letterhead: letterhead, parent: parent)
        }
        return (bodies, sources)
    }

    /// A body's `letterhead:`: each part given replaces the one its name implies.
    private static func readLetterhead(_ node: Node, _ derived: Letterhead, _ ctx: YAMLContext) -> Letterhead {
        let keys = ["superior", "issuer", "symbol", "place", "signed-for", "signer-title", "recipients",
                    "superior-en", "issuer-en", "signed-for-en", "signer-title-en", "recipients-en"]
        guard let f = ctx.fields(node, allowed: keys, what: "a letterhead") else { return derived }
        func text(_ key: String) -> String? { ctx.text(f[key], key, in: f, required: false)?.text }
        func list(_ key: String) -> [String]? {
            guard f[key] != nil else { return nil }
            return ctx.items(f[key], key).compactMap { item -> String? in
                guard case let .scalar(s) = item, !s.string.isEmpty else {
                    ctx.error("'\(key)' lists recipients as lines of text, one per item", at: ctx.location(of: item))
                    return nil
                }
                return s.string
            }
        }
        var l = derived
        // "superior: ''" says the issuing body has no line above it.
        if f["superior"] != nil { l.superior = text("superior").flatMap { $0.isEmpty ? nil : $0 } }
        if f["superior-en"] != nil { l.superiorEn = text("superior-en").flatMap { $0.isEmpty ? nil : $0 } }
        l.issuer = text("issuer") ?? l.issuer
        l.symbol = text("symbol") ?? l.symbol
        l.place = text("place") ?? l.place
        l.signedFor = text("signed-for") ?? l.signedFor
        l.signerTitle = text("signer-title") ?? l.signerTitle
        l.recipients = list("recipients") ?? l.recipients
        l.issuerEn = text("issuer-en") ?? l.issuerEn
        l.signedForEn = text("signed-for-en") ?? l.signedForEn
        l.signerTitleEn = text("signer-title-en") ?? l.signerTitleEn
        l.recipientsEn = list("recipients-en") ?? l.recipientsEn
        return l
    }
}
