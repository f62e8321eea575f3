import Foundation
import XCTest

/// Only the command line knows whether the year of assessment was given: the report says which.
extension CLITests {
    func testTheReportSaysWhetherTheYearOfAssessmentWasGivenOrTheDefault() throws {
        let file = "Targets/lang-son/khoi-cac-co-quan/2015-2020.yaml"
        let given = try run(["report", "--as-of", "2026", file, "-o", "-"])
        XCTAssertEqual(given.status, 0, given.stderr)
        XCTAssertTrue(given.stdout.contains("\nĐánh giá tại năm 2026 (chọn bằng --as-of): nhiệm kỳ kết thúc năm 2020, đã kết thúc.\n"), given.stdout)
        let year = Calendar(identifier: .gregorian).component(.year, from: Date())
        let byDefault = try run(["report", file, "-o", "-"])
        XCTAssertTrue(byDefault.stdout.contains("\nĐánh giá tại năm \(year) (mặc định: năm hiện tại; đổi bằng --as-of): nhiệm kỳ kết thúc năm 2020, đã kết thúc.\n"), byDefault.stdout)
        let en = try run(["report", "--lang", "en", file, "-o", "-"])
        XCTAssertTrue(en.stdout.contains("\nAssessed as of \(year) (default: the current year; change with --as-of): the term ended in 2020.\n"), en.stdout)
    }
}
