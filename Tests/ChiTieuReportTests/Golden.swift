import Foundation
import XCTest

/// Golden files, read by eye before they were committed. Re-record with `RECORD_GOLDEN=1 swift
/// test --filter …` and review the diff in git.
enum Golden {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let repo = here.deletingLastPathComponent().deletingLastPathComponent()

    /// Fails unless `text` equals the golden file `name`; writes the actual text beside the
    /// temporary files for a diff.
    static func assert(_ text: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        // File paths inside reports are made relative, so that goldens do not depend on the checkout.
        let text = text.replacingOccurrences(of: repo.path + "/", with: "")
        let url = here.appendingPathComponent("Golden").appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try Data(text.utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        if expected != text {
            let actual = NSTemporaryDirectory() + name
            try Data(text.utf8).write(to: URL(fileURLWithPath: actual))
            XCTFail("\(name) differs from its golden file; compare with: diff \(url.path) \(actual)", file: file, line: line)
        }
    }
}
