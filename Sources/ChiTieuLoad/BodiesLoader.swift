import ChiTieuCore
import Yams

/// Reads `bodies.yaml`: every body with its province, kind and lineage.
enum BodiesLoader {
    static func load(_ ctx: YAMLContext) -> (bodies: [String: Body], sources: [String: Source]) {
        guard let root = ctx.root(), let top = ctx.fields(root, allowed: ["sources", "bodies"], what: "the bodies file") else { return ([:], [:]) }
        let sources = SourcesLoader.load(top["sources"], ctx)
        var bodies: [String: Body] = [:]
        for item in ctx.items(top["bodies"], "bodies") {
            guard let f = ctx.fields(item, allowed: ["id", "name", "name-en", "province", "kind", "lineage"], what: "a body"),
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
            bodies[id.text] = Body(id: id.text, name: name.text, nameEn: en.text, province: province.text, kind: kind, lineage: lineage)
        }
        return (bodies, sources)
    }
}
