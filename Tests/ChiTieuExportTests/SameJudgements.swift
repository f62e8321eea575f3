import ChiTieuCore
import Foundation
import XCTest

/// Every judged row of a target: its years, its term row and the sum or pool of its years.
func judgedRows(_ t: TargetAssessment) -> [Judgement] {
    t.rows
}

/// Asserts that two assessments of one record (before and after export → import) judge every
/// row of every target alike, and list the same figures apart.
func assertSameJudgements(_ a: Assessment, _ b: Assessment, _ context: String, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(b.record.observations.count, a.record.observations.count, "every figure came back once; \(context)", file: file, line: line)
    XCTAssertEqual(b.targets.count, a.targets.count, context, file: file, line: line)
    for (x, y) in zip(a.targets, b.targets) {
        let (left, right) = (judgedRows(x), judgedRows(y))
        XCTAssertEqual(left.count, right.count, "\(x.target.id); \(context)", file: file, line: line)
        for (p, q) in zip(left, right) {
            let at = "\(x.target.id) \(p.period); \(context)"
            XCTAssertEqual(p.value, q.value, at, file: file, line: line)
            XCTAssertEqual(p.valueRange, q.valueRange, at, file: file, line: line)
            XCTAssertEqual(p.rating, q.rating, at, file: file, line: line)
            XCTAssertEqual(p.attainment, q.attainment, at, file: file, line: line)
            XCTAssertEqual(p.gap, q.gap, at, file: file, line: line)
            XCTAssertEqual(p.verdict, q.verdict, at, file: file, line: line)
            XCTAssertEqual(p.progress, q.progress, at, file: file, line: line)
            XCTAssertEqual(p.partialThrough, q.partialThrough, at, file: file, line: line)
        }
    }
    XCTAssertEqual(b.otherOutcomes.map(\.observation.value), a.otherOutcomes.map(\.observation.value), context, file: file, line: line)
    XCTAssertEqual(b.unusedFigures.map(\.observation.value), a.unusedFigures.map(\.observation.value), context, file: file, line: line)
}
