import ChiTieuCore
import Foundation

/// The shared files one data file sees: every `indicators.yaml`, `bodies.yaml` and
/// `sources.yaml` in its folder and the folders above it, the outermost first.
struct SharedFiles: Hashable {
    var indicators: [String] = []
    var bodies: [String] = []
    var sources: [String] = []
}

/// Finds each folder's shared files by walking up from it, once per folder (memoised: fifty
/// thousand data folders under one catalogue cost three checks each).
final class SharedFileFinder {
    private var memo: [String: SharedFiles] = [:]

    /// The shared files of a folder, spelled the way the folder was, so that messages name files
    /// the way the user typed them.
    func files(forFolder folder: String) -> SharedFiles {
        let dir = folder.isEmpty ? "." : folder
        if let known = memo[dir] { return known }
        let fm = FileManager.default
        func here(_ name: String) -> [String] {
            let path = LedgerLoader.join(dir, name)
            return fm.fileExists(atPath: path) ? [path] : []
        }
        var found = Self.parent(of: dir).map { files(forFolder: $0) } ?? SharedFiles()
        found.indicators += here(LedgerLoader.catalogueFile)
        found.bodies += here(LedgerLoader.bodiesFile)
        found.sources += here(LedgerLoader.sourcesFile)
        memo[dir] = found
        return found
    }

    /// The shared files of a data file or folder.
    func files(for path: String, isDirectory: Bool) -> SharedFiles {
        files(forFolder: isDirectory ? path : PathText.folder(of: path))
    }

    /// The folder above, in the given spelling while it lasts ("Targets/x" → "Targets" → "."),
    /// then by the absolute path; nil above the root. Plain text arithmetic: no path traps.
    static func parent(of dir: String) -> String? {
        if dir == "/" || dir.isEmpty { return nil }
        let last = PathText.lastName(of: dir)
        if dir == "." || last == "." || last == ".." || last == "/" {
            let absolute = PathText.absolute(dir)
            return absolute == "/" ? nil : PathText.folder(of: absolute)
        }
        let up = PathText.folder(of: dir)
        return up == dir ? nil : up
    }
}

/// The indicators, bodies and lineage sources of every shared file used in one run, merged into
/// one catalogue, so that bodies of different data folders can be compared: an id defined in two
/// files with the same content is one, with different content an error naming both places.
/// It also keeps each `sources.yaml` and each bodies file's `sources:` for the data files that
/// cite them.
struct MergedCatalogue {
    var indicators: [String: Indicator] = [:]
    var bodies: [String: Body] = [:]
    var bodySources: [String: Source] = [:]
    /// Share bases and rating scales, which a catalogue file may take from one read before it.
    var bases: [String: ShareBase] = [:]
    var scales: [String: RatingScale] = [:]
    /// Fields of work that group targets in an annex, ranked in the order the catalogues list them.
    var fields: [String: TargetField] = [:]
    /// Each catalogue file's bands (`bands:`), by its absolute path, when it sets any.
    var bandsOf: [String: [OfficeBand]] = [:]
    var diagnostics = Diagnostics()

    /// Where each merged id was first defined ("indicator:ID", "body:ID", "source:ID").
    private var places: [String: SourceLocation] = [:]
    /// Every shared file read, by its standard path.
    private var read: Set<String> = []
    /// The citable sources of each bodies or sources file, by its path as spelled.
    private var sourcesOf: [String: (sources: [String: Source], places: [String: SourceLocation])] = [:]
    /// The citable sources of each pair of files a data file sees, once merged.
    private var shared: [SharedFiles: [String: Source]] = [:]

    /// Merges one file's definitions into those read before: the same definition twice is one,
    /// a different one a clash naming both places.
    private mutating func merged<T: Equatable>(
        _ loaded: [String: T], with earlierOnes: [String: T], id: KeyPath<T, String>, what: String, at place: (String) -> SourceLocation?
    ) -> [String: T] {
        var known = earlierOnes
        for item in loaded.values.sorted(by: { $0[keyPath: id] < $1[keyPath: id] }) {
            let key = item[keyPath: id]
            if let earlier = known[key] {
                if earlier != item { clash(what, key, at: place(key)) }
                continue
            }
            known[key] = item
            places[what + ":" + key] = place(key)
        }
        return known
    }

    /// Reads the shared files (each once per run) and merges what they define.
    mutating func use(_ files: SharedFiles) {
        for path in files.indicators where firstRead(path) {
            let ctx = YAMLContext(file: path)
            let loaded = CatalogueLoader.load(ctx, bases: bases, scales: scales, fields: fields)
            diagnostics.append(contentsOf: ctx.diagnostics)
            if !loaded.bands.isEmpty { bandsOf[LedgerLoader.standard(path)] = loaded.bands }
            fields = merged(loaded.fields, with: fields, id: \.id, what: "field", at: { ctx.definitions["field:" + $0] })
            bases = merged(loaded.bases, with: bases, id: \.id, what: "share base", at: { ctx.definitions["base:" + $0] })
            scales = merged(loaded.scales, with: scales, id: \.id, what: "rating scale", at: { ctx.definitions["scale:" + $0] })
            // Catalogue order: a later file's own indicators follow the ones already known.
            let offset = (indicators.values.map(\.position).max() ?? -1) + 1
            for var indicator in loaded.indicators.values.sorted(by: { $0.position < $1.position }) {
                let place = ctx.definitions["indicator:" + indicator.id]
                if let known = indicators[indicator.id] {
                    var same = indicator
                    same.position = known.position
                    if same != known { clash("indicator", indicator.id, at: place) }
                    continue
                }
                indicator.position += offset
                indicators[indicator.id] = indicator
                places["indicator:" + indicator.id] = place
            }
        }
        for path in files.bodies where firstRead(path) {
            let ctx = YAMLContext(file: path)
            let (loaded, sources) = BodiesLoader.load(ctx)
            diagnostics.append(contentsOf: ctx.diagnostics)
            bodies = merged(loaded, with: bodies, id: \.id, what: "body", at: { ctx.definitions["body:" + $0] })
            // Lineage cites these by id across every bodies file: one set.
            for source in sources.values.sorted(by: { $0.id < $1.id }) {
                let place = ctx.definitions["source:" + source.id]
                if let known = bodySources[source.id] {
                    if known != source { clash("source", source.id, at: place, hint: "the sources of all bodies files are one set; give one of them another id") }
                    continue
                }
                bodySources[source.id] = source
                places["source:" + source.id] = place
            }
            sourcesOf[path] = (sources, ctx.definitions.filter { $0.key.hasPrefix("source:") })
        }
        for path in files.sources where firstRead(path) {
            let ctx = YAMLContext(file: path)
            if let root = ctx.root(), let top = ctx.fields(root, allowed: ["sources"], what: "the shared sources file") {
                let sources = SourcesLoader.load(top["sources"], ctx)
                if sources.isEmpty, !ctx.diagnostics.hasErrors {
                    ctx.error("the shared sources file lists no source; write 'sources:' and under it 'ID: { title: …, publisher: …, date: … }'", at: SourceLocation(file: path, line: 1, column: 1))
                }
                sourcesOf[path] = (sources, ctx.definitions)
            }
            diagnostics.append(contentsOf: ctx.diagnostics)
        }
    }

    /// The bands a data file's targets are graded on when it sets none: those of the nearest
    /// catalogue file above it that sets any (the files are listed outermost first).
    func bands(for files: SharedFiles) -> [OfficeBand] {
        files.indicators.reversed().lazy.compactMap { bandsOf[LedgerLoader.standard($0)] }.first ?? []
    }

    /// The sources a data file may cite besides its own: those of every `sources.yaml` and
    /// bodies file it sees. They may not give one id different sources.
    mutating func sharedSources(for files: SharedFiles) -> [String: Source] {
        if let known = shared[files] { return known }
        var merged: [String: Source] = [:]
        var from: [String: String] = [:]
        for path in files.sources + files.bodies {
            guard let (sources, places) = sourcesOf[path] else { continue }
            for source in sources.values.sorted(by: { $0.id < $1.id }) {
                if let known = merged[source.id] {
                    if known != source, let first = from[source.id] {
                        diagnostics.error("source '\(source.id)' is defined differently here and in \(first); a data file under both could not tell which it cites: keep one, or give one another id", at: places["source:" + source.id])
                    }
                    continue
                }
                merged[source.id] = source
                from[source.id] = places["source:" + source.id].map { "\($0.file):\($0.line)" } ?? path
            }
        }
        shared[files] = merged
        return merged
    }

    private mutating func firstRead(_ path: String) -> Bool {
        read.insert(LedgerLoader.standard(path)).inserted
    }

    private mutating func clash(_ what: String, _ id: String, at place: SourceLocation?, hint: String? = nil) {
        let first = places[what + ":" + id].map { "\($0.file):\($0.line)" } ?? "another file"
        let advice = hint ?? "one id must mean one thing in every data folder read together: make the two the same, or give one another id"
        diagnostics.error("\(what) '\(id)' is defined differently here and in \(first); \(advice)", at: place)
    }
}
