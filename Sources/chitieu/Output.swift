import ArgumentParser
import ChiTieuCore
import ChiTieuLoad
import ChiTieuReport
import Foundation

/// Loads the data for a command: prints its errors, counts its warnings (see `printFindings`),
/// and stops (exit 1) if any is an error, with `refusal` ("no report written") saying what did
/// not happen.
func loadLedger(_ paths: [String], refusal: String) throws -> Ledger {
    let result = LedgerLoader.load(paths: paths)
    printFindings(result.diagnostics)
    guard let ledger = result.ledger, !result.diagnostics.hasErrors else {
        printError("chitieu: \(refusal): the data has errors (see above)")
        throw ExitCode(1)
    }
    return ledger
}

/// The path a command writes for its `-o` option: `-` is standard output, for every command
/// and format (written through, never renamed over; see `AtomicFile.replace`).
func outputPath(_ option: String) -> String { option == "-" ? "/dev/stdout" : option }

/// Refuses an `-o` that names nothing, and a workbook (or another binary file, named by its
/// `suffix`) bound for a terminal.
func validateOutput(_ output: String?, binary: Bool = false, suffix: String = "xlsx") throws {
    guard let output else { return }
    if output.trimmingCharacters(in: .whitespaces).isEmpty {
        throw ValidationError("-o needs a file name: write -o FILE (such as Reports/chitieu.csv), or -o - for standard output")
    }
    if binary, output == "-", isatty(1) == 1 {
        let what = suffix == "xlsx" ? "a workbook" : "a .\(suffix) file"
        throw ValidationError("\(what) is not written to a terminal: redirect standard output (-o - > FILE.\(suffix)) or give -o FILE.\(suffix)")
    }
}

/// Says where a command wrote, unless it was standard output.
func sayWrote(_ path: String) {
    if path != "-", path != "/dev/stdout" { printError("chitieu: wrote \(path)") }
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
        sayWrote(path)
    } catch {
        printError("chitieu: error: \(error)")
        throw ExitCode(1)
    }
}

/// Prints a load's findings for every command but `check`: each error in full (with the notes,
/// which explain errors), and the warnings only as one count on standard error, since data
/// warnings belong to `chitieu check` and would otherwise repeat in every command of a run.
func printFindings(_ diagnostics: Diagnostics...) {
    let errors = diagnostics.contains { $0.hasErrors }
    for d in diagnostics.flatMap(\.sorted) where d.severity == .error || (errors && d.severity == .note) { printError(d.description) }
    let warnings = diagnostics.reduce(0) { $0 + $1.count(.warning) }
    if warnings > 0 { printError("chitieu: \(warnings) cảnh báo trong dữ liệu (chạy chitieu check để xem)") }
}

/// `--as-of` names a year of assessment: one every command reads the same way, refused outside
/// the years any data file may hold.
func validateAsOf(_ asOf: Int?) throws {
    if let asOf, !CompareArguments.years.contains(asOf) {
        throw ValidationError("--as-of takes a year such as 2023, not \(asOf)")
    }
}
