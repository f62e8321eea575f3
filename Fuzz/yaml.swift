// libFuzzer harness over the YAML data-file loader: the input is written as one data file beside
// the built-in catalogue and bodies, and loaded, checked and judged as `chitieu check` would.
// Built by `make fuzz` with Yams (and its libyaml), ChiTieuCore and ChiTieuLoad in one module.
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

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
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
