import ChiTieuCore
import Yams

/// Reads a `sources:` mapping (id → title, publisher, date, seed, url), shared by every file kind.
enum SourcesLoader {
    static func load(_ node: Node?, _ ctx: YAMLContext) -> [String: Source] {
        guard let node else { return [:] }
        guard case let .mapping(mapping) = node else {
            ctx.error("'sources' must map an id to a source: 'nhiemky: { title: …, publisher: …, date: …, seed: … }'", at: ctx.location(of: node))
            return [:]
        }
        var sources: [String: Source] = [:]
        for (key, value) in mapping {
            let id = key.scalar?.string ?? ""
            guard let f = ctx.fields(value, allowed: ["title", "publisher", "date", "seed", "url"], what: "source '\(id)'"),
                  let title = ctx.text(f["title"], "title", in: f),
                  let publisher = ctx.text(f["publisher"], "publisher", in: f) else { continue }
            let date = ctx.date(ctx.text(f["date"], "date", in: f, required: false), "date")
            ctx.definitions["source:" + id] = ctx.location(of: key)
            sources[id] = Source(
                id: id, title: title.text, publisher: publisher.text, date: date,
                seed: ctx.text(f["seed"], "seed", in: f, required: false)?.text,
                url: ctx.text(f["url"], "url", in: f, required: false)?.text)
        }
        return sources
    }

    /// A citation: a known source id and an optional line in it.
    static func citation(_ f: Fields, _ sources: [String: Source], _ ctx: YAMLContext) -> Citation? {
        guard let source = ctx.text(f["source"], "source", in: f) else { return nil }
        guard sources[source.text] != nil else {
            let known = sources.keys.sorted().joined(separator: ", ")
            let defined = known.isEmpty ? "" : "; defined: \(known)"
            if ctx.sharedSourceFiles.isEmpty {
                ctx.error("unknown source '\(source.text)'; define it under 'sources:'\(known.isEmpty ? "" : " (defined: \(known))")", at: source.at(0))
            } else {
                let places = (["this file's 'sources:'"] + ctx.sharedSourceFiles).joined(separator: ", ")
                ctx.error("unknown source '\(source.text)'; define it under 'sources:' of this file or in \(LedgerLoader.sourcesFile) at or above its folder (looked in \(places)\(defined))", at: source.at(0))
            }
            return nil
        }
        let line = ctx.integer(ctx.text(f["line"], "line", in: f, required: false), "line", in: 1...1_000_000)
        let cell = ctx.text(f["cell"], "cell", in: f, required: false)?.text
        return Citation(source: source.text, line: line, cell: cell)
    }
}
