import ChiTieuCore
import Foundation
import XCTest

/// The target phrasings of DOMAIN.md (all from the seeds), each with the entry a person would
/// write for it by hand; every rule read must also parse as a data file's rule.
final class PhraseReaderTests: XCTestCase {
    private func assertReads(_ phrase: String, _ expected: [(String, String)], file: StaticString = #filePath, line: UInt = #line) {
        let read = PhraseReader.read(phrase)
        XCTAssertEqual(read.map(\.rule), expected.map(\.0), phrase, file: file, line: line)
        XCTAssertEqual(read.map(\.period), expected.map(\.1), phrase, file: file, line: line)
        for r in read where !r.rule.hasPrefix("~") {
            XCTAssertNoThrow(try RuleParser.parse(r.rule), "\(r.rule) parses", file: file, line: line)
        }
    }

    func testThePhrasingsOfTheSeeds() {
        assertReads("kết nạp được trên 750 đảng viên", [("> 750", "term")])
        assertReads("hằng năm kết nạp được ít nhất 120 đảng viên mới", [(">= 120", "each-year")])
        assertReads("mỗi năm kết nạp 150 đảng viên mới trở lên", [(">= 150", "each-year")])
        assertReads("kết nạp từ 150-200 đảng viên mới", [("150-200", "term")])
        assertReads("đảng viên hoàn thành tốt nhiệm vụ trở lên đạt 90%", [(">= 90%", "term")])
        assertReads("đến năm 2000 đạt trên 70% cơ sở trong sạch, vững mạnh", [("> 70%", "by 2000")])
        assertReads("giảm tỷ lệ đảng viên loại 4 xuống dưới 0,5% vào năm 2000", [("< 0,5%", "by 2000")])
        assertReads("không có cơ sở yếu kém", [("= 0", "term")])
        assertReads("3/3 đoàn thể chính trị - xã hội", [("3/3", "term")])
        assertReads("phấn đấu có 2/3 chi bộ đảng đạt tiêu chuẩn “chi bộ 4 tốt”", [("2/3", "term")])
        assertReads("kiểm tra toàn diện mỗi năm đạt từ 15-20% cơ sở đảng", [("15-20%", "each-year")])
        assertReads("mỗi năm kiểm tra từ 02 đến 03 cơ sở đảng", [("02-03", "each-year")])
        // Every organisation at least once: the reviewed data reads it as 100 % of organisations.
        assertReads("mỗi cơ sở đảng được kiểm tra hoặc giám sát ít nhất 01 lần", [(">= 100%", "term")])
        assertReads("đảm bảo khoảng 50% tổ chức cơ sở đảng", [("~ 50%", "term")])
        assertReads("Đảng bộ Khối được xếp loại hoàn thành tốt nhiệm vụ trở lên", [("xếp loại >= hoan-thanh-tot", "term")])
    }

    func testARatingStrictlyAboveALevelIsLeftForAPerson() throws {
        let read = try XCTUnwrap(PhraseReader.read("Hằng năm, Đảng bộ được xếp loại trên hoàn thành tốt nhiệm vụ").first)
        XCTAssertEqual(read.rule, "xếp loại >= hoan-thanh-tot")
        XCTAssertTrue(read.review.contains { $0.contains("'trên' is strictly above the level named") }, "\(read.review)")
        let plain = try XCTUnwrap(PhraseReader.read("Đảng bộ Khối được xếp loại hoàn thành tốt nhiệm vụ trở lên").first)
        XCTAssertFalse(plain.review.contains { $0.contains("strictly above") })
    }

    func testTwoTargetsInOnePhrase() {
        assertReads("100% đảng viên và trên 90% quần chúng", [(">= 100%", "term"), ("> 90%", "term")])
        assertReads("cơ sở đạt trong sạch vững mạnh hằng năm đạt 65% trở lên để đến cuối nhiệm kỳ đạt 70%",
                    [(">= 65%", "each-year"), (">= 70%", "end-of-term")])
    }

    func testReadingsAPersonMustConfirmAreMarked() {
        XCTAssertTrue(PhraseReader.read("đảm bảo khoảng 50% tổ chức cơ sở đảng").first?.review.contains { $0.contains("tolerance") } == true)
        XCTAssertTrue(PhraseReader.read("đảng viên hoàn thành tốt nhiệm vụ trở lên đạt 90%").first?.review.contains { $0.contains("at least") } == true)
        XCTAssertEqual(PhraseReader.read("kết nạp được trên 750 đảng viên").first?.review, [])
    }

    func testNFDNonBreakingSpacesAndLineBreaks() {
        let nfd = "kết nạp được trên 750 đảng viên".decomposedStringWithCanonicalMapping
        assertReads(nfd, [("> 750", "term")])
        assertReads("hằng\u{00A0}năm kết nạp được ít nhất\n120 đảng viên mới", [(">= 120", "each-year")])
    }

    func testAMalformedFigureIsNotGuessed() {
        // "7.5000" has a four-digit group: no figure is read from it, so no rule is made up.
        XCTAssertEqual(PhraseReader.read("phấn đấu có trên 7.5000 đảng viên"), [])
        XCTAssertEqual(PhraseReader.read("Đại hội đã bầu Ban Chấp hành"), [], "no figure, no cue: not a target")
    }

    /// Inputs the fuzzer found (Fuzz/run.sh): every rule the reader writes must parse.
    func testFuzzFindings() {
        for input in ["21-07-2020 08:46", "Tỉnh ủy. Đăng }ngày7:, 0/0", "0/3 chi bộ", "00000000: 3231 2d30 372d 3230 3230 2030 383a 3436  21-07-2020 08:46\n"] {
            for r in PhraseReader.read(input) where !r.rule.hasPrefix("~") {
                XCTAssertNoThrow(try RuleParser.parse(r.rule), "\(r.rule) from \(input)")
            }
        }
    }

    func testAFigureIsNeverReadFromTheMiddleOfAnother() {
        // "(4.294" was read as 294 after its first digit was skipped; a date cut by a stray control
        // character ("27/9/19\u{15}54") gave the fraction 9/19 and the rule "9/19%" (found by fuzzing).
        XCTAssertEqual(PhraseReader.read("kết nạp trên 294 đảng viên").map(\.rule), ["> 294"], "the reading the bug gave")
        XCTAssertEqual(PhraseReader.read("(4.294 đảng viên) kết nạp trên 200 đảng viên").map(\.rule), ["> 200"])
        let cut = PhraseReader.read("Truyền thống (27/9/19\u{15}54 - 27/9/2021): đạt 65% trở lên")
        XCTAssertEqual(cut.map(\.rule), [">= 65%"])
        for r in cut { XCTAssertNoThrow(try RuleParser.parse(r.rule), r.rule) }
    }
}
