import Foundation
import XCTest

/// Issue 15: option and text arguments that once trapped or were taken silently.
extension CLITests {
    func testEmptyCompareArgumentsAreRefusedNotATrap() throws {
        let empty = try run(["compare", ""])
        XCTAssertEqual(empty.status, 1)
        XCTAssertTrue(empty.stderr.contains("'': name a body, e.g. lang-son/khoi-cac-co-quan@2020"), empty.stderr)
        let equals = try run(["compare", "lang-son/khoi-cac-co-quan@2020", "quang-ninh/khoi-cac-co-quan@2022", "--indicator", "="])
        XCTAssertEqual(equals.status, 1)
        XCTAssertTrue(equals.stderr.contains("'--indicator =': name an indicator id"), equals.stderr)
    }

    func testEveryCommandReadsAsOfAlike() throws {
        for command in [["check"], ["export", "-o", "-"], ["report", "-o", "-"]] {
            let r = try run(command + ["--as-of", "99999"])
            XCTAssertNotEqual(r.status, 0, command.joined(separator: " "))
            XCTAssertTrue(r.stderr.contains("--as-of takes a year such as 2023, not 99999"), "\(command): \(r.stderr)")
        }
        let year = try run(["compare", "lang-son/khoi-cac-co-quan", "--year", "99999999999"])
        XCTAssertTrue(year.stderr.contains("--year takes a year from 1900 to 2200"), year.stderr)
    }
}
