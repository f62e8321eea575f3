@testable import ChiTieuExport
import Foundation
import XCTest

/// The feed's JSON strings survive any text a source may hold.
final class JSONStringTests: XCTestCase {
    func testEscapesParseBackToTheSameText() throws {
        for text in ["đạt 115,7% “chỉ tiêu”", "a \"quoted\" word", "back\\slash", "line\nbreak\rand\ttab", "bell\u{07}", ""] {
            let literal = "[" + FeedWriter.jsonString(text) + "]"
            let parsed = try JSONSerialization.jsonObject(with: Data(literal.utf8)) as? [String]
            XCTAssertEqual(parsed, [text], literal)
        }
        XCTAssertEqual(FeedWriter.jsonString("\u{07}"), "\"\\u0007\"")
    }
}
