// libFuzzer harness over the CSV reader and the text normalisation of ChiTieuLoad (built by
// `make fuzz` with those sources and ChiTieuCore's in one module).
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let raw = String(data: Data(bytes: data, count: size), encoding: .utf8) else { return 0 }
    let text = TextFile.normalised(raw)
    var diagnostics = Diagnostics()
    var cells = 0
    CSVReader(file: "fuzz.csv", text: text).forEachRow(diagnostics: &diagnostics) { row in
        for cell in row where cell.line < 1 || cell.column < 1 { fatalError("cell at \(cell.line):\(cell.column)") }
        cells += row.count
    }
    return 0
}
