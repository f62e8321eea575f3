import ChiTieuCore
import XCTest

/// Issue 15: the command line's text arguments are read or refused, never a trap (an empty
/// `compare ""` or `--indicator =` once indexed past an empty split).
final class CompareArgumentsTests: XCTestCase {
    func testBodiesWithTheirTime() throws {
        XCTAssertEqual(try CompareArguments.body("lang-son/khoi-cac-co-quan@2020").get(), .init(id: "lang-son/khoi-cac-co-quan", alignment: .year(2020)))
        XCTAssertEqual(try CompareArguments.body("a@2015-2020").get(), .init(id: "a", alignment: .term(2015...2020)))
        XCTAssertEqual(try CompareArguments.body("a").get(), .init(id: "a", alignment: nil))
        for bad in ["", "@", "@2020", "a@", "a@2099x", "a@20200", "a@2020-2015", "a@1800-1805"] {
            XCTAssertThrowsError(try CompareArguments.body(bad).get(), bad)
        }
    }

    func testTermsAndIndicators() {
        XCTAssertEqual(CompareArguments.term("2015–2020"), 2015...2020)
        XCTAssertNil(CompareArguments.term("9223372036854775806-9223372036854775807"), "years out of range")
        XCTAssertEqual(CompareArguments.indicator("dang-vien")?.id, "dang-vien")
        XCTAssertEqual(CompareArguments.indicator("a=b")?.standIn, "b")
        XCTAssertNil(CompareArguments.indicator(""))
        XCTAssertNil(CompareArguments.indicator("="))
        XCTAssertNil(CompareArguments.indicator("a="))
    }
}
