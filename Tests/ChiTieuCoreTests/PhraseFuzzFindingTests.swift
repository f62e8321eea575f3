import ChiTieuCore
import Foundation
import XCTest

/// A fuzzing finding of the phrase reader, kept as a test: every rule it writes must parse.
final class PhraseFuzzFindingTests: XCTestCase {
    func testAnEndLevelThatIsAFractionGetsNoPercentSign() throws {
        // The yearly floor is a share, the end level a fraction of a whole: "6/10%" would not parse.
        let rules = PhraseReader.read("hằng năm đạt 65% trở lên để đến cuối nhiệm kỳ có 6/10 đoàn thể vững mạnh")
        XCTAssertEqual(rules.map(\.rule), [">= 65%", "6/10"])
        for r in rules { XCTAssertNoThrow(try RuleParser.parse(r.rule), r.rule) }
        // A plain end level of a share still takes the '%' of the yearly floor.
        XCTAssertEqual(PhraseReader.read("hằng năm đạt 65% trở lên để đến cuối nhiệm kỳ đạt 70").last?.rule, ">= 70%")
    }
}
