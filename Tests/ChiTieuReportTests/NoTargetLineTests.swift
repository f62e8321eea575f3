@testable import ChiTieuReport
import ChiTieuCore
import Foundation
import XCTest

/// The no-target line of `compare` and `plan` says the limit's coefficient and the thresholds it
/// gives, so that a reader can redo the status by hand.
final class NoTargetLineTests: XCTestCase {
    func testALimitIsSaidWithItsCoefficientAndThresholds() {
        // 95 % → 96 % in 2020–2022 with limit 100: C = 1 − 0,95^4,44 = 0,2037 (OpenSdgMethodTests);
        // thresholds 1,5 % × C = 0,305 % and 0,5 % × C = 0,102 %; growth √(96/95) − 1 = +0,52 %/năm.
        let p = OpenSdgMethod.noTarget([SeriesPoint(year: 2020, value: 95), SeriesPoint(year: 2022, value: 96)], higherIsBetter: true, limit: 100)
        let vi = Vocabulary(language: .vi).noTargetLine(p, labelled: false)
        XCTAssertEqual(vi, "+0,52 %/năm (giới hạn 100, hệ số 0,2037: ngưỡng 0,306 % / 0,102 % / 0) → tiến bộ đáng kể")
        // Without a limit nothing is added.
        let plain = OpenSdgMethod.noTarget([SeriesPoint(year: 2020, value: 95), SeriesPoint(year: 2022, value: 96)], higherIsBetter: true)
        XCTAssertEqual(Vocabulary(language: .en).noTargetLine(plain, labelled: false), "+0.52% a year → moderate progress")
    }
}
