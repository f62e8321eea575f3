import ArgumentParser
import ChiTieuCore
import ChiTieuLoad
import ChiTieuReport
import Foundation

/// Loads the data for a command: prints every finding, and stops (exit 1) if any is an error,
/// with `refusal` ("no report written") saying what did not happen.
func loadLedger(_ paths: [String], refusal: String) throws -> Ledger {
    let result = LedgerLoader.load(paths: paths)
    for d in result.diagnostics.sorted { printError(d.description) }
    guard let ledger = result.ledger, !result.diagnostics.hasErrors else {
        printError("chitieu: \(refusal): the data has errors (see above)")
        throw ExitCode(1)
    }
    return ledger
}

/// Writes a command's text to standard output (no path, or "-") or atomically to a file.
func emit(_ text: String, to path: String?) throws {
    let data = Data(text.utf8)
    guard let path, path != "-" else {
        FileHandle.standardOutput.write(data)
        return
    }
    do {
        try AtomicFile.write(data, to: path)
        printError("chitieu: wrote \(path)")
    } catch {
        printError("chitieu: error: \(error)")
        throw ExitCode(1)
    }
}
