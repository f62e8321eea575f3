import ChiTieuCore
import Foundation

/// Loads and validates the data under a `Targets/` directory: the catalogue (`indicators.yaml`),
/// the bodies (`bodies.yaml`) and every other `*.yaml` file as a record.
///
/// Loading never stops at the first problem: every file is read and every finding collected,
/// so that one `chitieu check` lists them all.
public enum LedgerLoader {
    /// The catalogue file name, which also marks the data root.
    public static let catalogueFile = "indicators.yaml"
    /// The bodies file name, beside the catalogue.
    public static let bodiesFile = "bodies.yaml"

    /// The result of a load: the ledger (nil if nothing could be read) and every finding.
    public struct Result: Sendable {
        /// The data as far as it could be read: each record keeps its valid targets and figures and
        /// drops the faulty ones. When `diagnostics` has errors it is not complete, and nothing is
        /// reported or exported from it (the CLI refuses).
        public var ledger: Ledger?
        /// Every finding, errors and warnings.
        public var diagnostics: Diagnostics
    }

    /// Loads the data files at `paths` (files or directories), with the catalogue found at the
    /// nearest directory at or above them that holds `indicators.yaml`.
    /// - Parameter paths: Files or directories; empty means `Targets`.
    public static func load(paths: [String]) -> Result {
        var diagnostics = Diagnostics()
        let paths = paths.isEmpty ? ["Targets"] : paths
        var roots: [String] = []
        var files: [String] = []
        var tables: [String] = []
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                diagnostics.error("\(path): no such file or directory", at: nil)
                continue
            }
            guard let root = dataRoot(for: path, isDirectory: isDirectory.boolValue) else {
                diagnostics.error("\(path): no \(catalogueFile) in it or any folder above it; pass the Targets directory or a file inside it", at: nil)
                continue
            }
            if !roots.contains(root) { roots.append(root) }
            if isDirectory.boolValue {
                let found = Self.files(under: path, endingWith: [".yaml", ".yml", ".csv"])
                let data = found.filter { !$0.hasSuffix(".csv") && !isCatalogue($0, root: root) }
                if data.isEmpty { diagnostics.error("\(path): no data files (*.yaml) found; a data file holds one body's targets for one term", at: nil) }
                files += data
                tables += found.filter { $0.hasSuffix(".csv") }
            } else if !isCatalogue(path, root: root) {
                files.append(path)
            }
        }
        guard roots.count <= 1 else {
            diagnostics.error("the paths belong to different data directories (\(roots.joined(separator: ", "))); check one at a time", at: nil)
            return Result(ledger: nil, diagnostics: diagnostics)
        }
        guard let root = roots.first else { return Result(ledger: nil, diagnostics: diagnostics) }

        let catalogueContext = YAMLContext(file: join(root, catalogueFile))
        let indicators = CatalogueLoader.load(catalogueContext)
        diagnostics.append(contentsOf: catalogueContext.diagnostics)
        let bodiesContext = YAMLContext(file: join(root, bodiesFile))
        let (bodies, bodySources) = fm.fileExists(atPath: bodiesContext.file)
            ? BodiesLoader.load(bodiesContext)
            : ([:], [:])
        if !fm.fileExists(atPath: bodiesContext.file) {
            diagnostics.error("\(bodiesContext.file): missing; the bodies that hold congresses are defined there", at: nil)
        }
        diagnostics.append(contentsOf: bodiesContext.diagnostics)

        var records: [Record] = []
        var seenFiles = Set<String>()
        var named = Set<String>()
        for file in files where seenFiles.insert(file).inserted {
            let ctx = YAMLContext(file: file)
            let record = RecordLoader(ctx: ctx, indicators: indicators, bodies: bodies).load()
            diagnostics.append(contentsOf: ctx.diagnostics)
            named.formUnion(ctx.tables.map(standard))
            guard let record else { continue }
            if let twin = records.first(where: { $0.bodyID == record.bodyID && $0.term != nil && $0.term?.congress == record.term?.congress }) {
                diagnostics.error("\(record.bodyID) congress \(record.term?.congress ?? "") is already described in \(twin.file); keep one file per body and term", at: SourceLocation(file: file, line: 1, column: 1))
                continue
            }
            records.append(record)
        }
        for table in tables where !named.contains(standard(table)) {
            let name = (table as NSString).lastPathComponent
            diagnostics.warning("no data file names this table, so it is not read; add 'outcomes-csv: \(name)' to the data file of its body and term", at: SourceLocation(file: table, line: 1, column: 1))
        }
        records.sort { a, b in
            if a.bodyID != b.bodyID { return a.bodyID < b.bodyID }
            return (a.term?.startYear ?? Int.max, a.file) < (b.term?.startYear ?? Int.max, b.file)
        }
        return Result(ledger: Ledger(indicators: indicators, bodies: bodies, bodySources: bodySources, records: records), diagnostics: diagnostics)
    }

    /// The data folder a file belongs to: the nearest folder at or above it with the catalogue.
    public static func dataRoot(of path: String) -> String? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        return dataRoot(for: path, isDirectory: isDirectory.boolValue)
    }

    static func join(_ dir: String, _ name: String) -> String {
        dir.hasSuffix("/") ? dir + name : dir + "/" + name
    }

    static func standard(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }

    static func isCatalogue(_ path: String, root: String) -> Bool {
        let path = standard(path)
        return path == standard(join(root, catalogueFile)) || path == standard(join(root, bodiesFile))
    }

    /// The nearest directory at or above `path` that holds the catalogue, spelled as the path was
    /// given where possible, so that messages name files the way the user typed them.
    static func dataRoot(for path: String, isDirectory: Bool) -> String? {
        let fm = FileManager.default
        var dir = isDirectory ? path : (path as NSString).deletingLastPathComponent
        while true {
            let candidate = dir.isEmpty ? "." : dir
            if fm.fileExists(atPath: join(candidate, catalogueFile)) { return candidate }
            if dir.isEmpty || dir == "/" || dir == "." { break }
            dir = (dir as NSString).deletingLastPathComponent
        }
        // The given spelling ran out (e.g. a file named from inside Targets/): climb the absolute path.
        var url = URL(fileURLWithPath: isDirectory ? path : (path as NSString).deletingLastPathComponent).standardizedFileURL
        while url.path != "/" {
            if fm.fileExists(atPath: join(url.path, catalogueFile)) { return url.path }
            url.deleteLastPathComponent()
        }
        return nil
    }

    /// Every file below a directory whose name ends with one of `suffixes`, sorted.
    static func files(under dir: String, endingWith suffixes: [String]) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: dir) else { return [] }
        var found: [String] = []
        while let relative = walker.nextObject() as? String {
            if suffixes.contains(where: relative.hasSuffix) { found.append(join(dir, relative)) }
        }
        return found.sorted()
    }
}
