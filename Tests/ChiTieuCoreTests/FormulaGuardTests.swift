import ChiTieuCore
import XCTest

final class FormulaGuardTests: XCTestCase {
    func testEveryFormulaStartIsGuardedAndReadBackAsWritten() {
        let cases = [
            ("= 0", "'= 0"), ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"), ("+84 912", "'+84 912"),
            ("- Kết nạp được 868 đảng viên", "'- Kết nạp được 868 đảng viên"), ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"), ("\rx", "'\rx"),
        ]
        for (text, written) in cases {
            XCTAssertEqual(FormulaGuard.guarded(text), written)
            XCTAssertEqual(FormulaGuard.unguarded(written), text)
        }
    }

    func testOrdinaryTextAndNegativeNumbersAreLeftAlone() {
        for text in ["Kết nạp", "", "868", "-12.5", "-3", "'quoted'", "O'Neil", "90%"] {
            XCTAssertEqual(FormulaGuard.guarded(text), text)
        }
        XCTAssertEqual(FormulaGuard.guarded("-12.5.1"), "'-12.5.1", "not a number, so guarded")
        XCTAssertEqual(FormulaGuard.guarded("-"), "'-")
        XCTAssertEqual(FormulaGuard.unguarded("'quoted'"), "'quoted'", "an apostrophe the guard did not add stays")
    }
}
