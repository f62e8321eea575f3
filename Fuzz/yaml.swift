// libFuzzer harness over the YAML data-file loader: the input is written as one data file beside
// the built-in catalogue and bodies, and loaded, checked and judged as `chitieu check` would.
// Built by `make fuzz` with Yams (and its libyaml), ChiTieuCore and ChiTieuLoad in one module.
// An input that begins with byte 1 is the paths mode instead: the rest, split at NUL bytes, is
// the path arguments of a command (`chitieu check A B`, `-o C`), given to the loader's path
// resolution, `dataRoot` and the writer's choice of destination (which only looks, never writes),
// from inside the folder of the catalogue so that relative paths (`.`, `..`, `x.yaml`) meet it.
import Foundation

private let folder: String = {
    let dir = NSTemporaryDirectory() + "chitieu-fuzz-yaml-\(getpid())"
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let data = ProcessInfo.processInfo.environment["CHITIEU_TARGETS"] ?? "Targets"
    for name in ["indicators.yaml", "bodies.yaml"] {
        try? FileManager.default.removeItem(atPath: dir + "/" + name)
        try? FileManager.default.copyItem(atPath: data + "/" + name, toPath: dir + "/" + name)
    }
    return dir
}()

/// The paths mode: arbitrary bytes as path arguments; none may trap, hang or find an impossible position.
private func fuzzPaths(_ bytes: Data) {
    // Inside the catalogue's folder for this input only: libFuzzer's own paths are relative.
    let before = FileManager.default.currentDirectoryPath
    guard FileManager.default.changeCurrentDirectoryPath(folder) else { return }
    defer { _ = FileManager.default.changeCurrentDirectoryPath(before) }
    let paths = bytes.split(separator: 0, omittingEmptySubsequences: false).prefix(4).map { String(decoding: $0, as: UTF8.self) }
    for path in paths {
        let up = PathText.folder(of: path), last = PathText.lastName(of: path), absolute = PathText.absolute(path)
        if up.isEmpty { fatalError("no folder for \(path)") }
        if !absolute.hasPrefix("/") || absolute.contains("//") || (absolute != "/" && absolute.hasSuffix("/")) { fatalError("absolute \(absolute) of \(path)") }
        if !path.isEmpty, last.isEmpty, !path.hasSuffix("/") { fatalError("no last name for \(path)") }
        _ = LedgerLoader.dataRoot(of: path)
        _ = try? AtomicFile.destination(of: path)
    }
    let result = LedgerLoader.load(paths: paths, catalogueFrom: Array(paths.suffix(1)))
    for d in result.diagnostics.items {
        if let at = d.location, at.line < 1 || at.column < 1 { fatalError("finding at \(at): \(d.message)") }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    if size > 0, data[0] == 1 {
        fuzzPaths(Data(bytes: data + 1, count: size - 1))
        return 0
    }
    let file = folder + "/x.yaml"
    guard FileManager.default.createFile(atPath: file, contents: Data(bytes: data, count: size)) else { return 0 }
    let result = LedgerLoader.load(paths: [file])
    for d in result.diagnostics.items {
        if let at = d.location, at.line < 1 || at.column < 1 { fatalError("finding at \(at): \(d.message)") }
    }
    if let ledger = result.ledger {
        // Judged as ended and as running, with every progress method asked for.
        for asOf in [2026, 2018] {
            for a in Evaluator(ledger: ledger, asOf: asOf).assessAll() {
                for t in a.targets {
                    if let trend = t.trend, let ratio = trend.ratio, ratio.isNaN { fatalError("NaN trend ratio for \(t.target.id)") }
                    if let p = t.baselineProgress?.percent, p.isNaN { fatalError("NaN baseline progress for \(t.target.id)") }
                    if let p = t.summary.proRata, p.achievedPercent.isNaN { fatalError("NaN pro-rata for \(t.target.id)") }
                }
                _ = HeadlineCounts(a)
            }
        }
    }
    return 0
}
