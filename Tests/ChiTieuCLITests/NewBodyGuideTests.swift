import Foundation
import XCTest

/// Targets/README.md's "Starting a new body" is followed as an office would: every YAML block of
/// the section is written where its first line (`# file: PATH`) says, beside a copy of the
/// built-in data, and every command of the section is run on them, without an error.
extension CLITests {
    /// The section's fenced blocks of one language, in order.
    private func guideBlocks(_ language: String) throws -> [String] {
        let readme = try String(contentsOf: Self.repo.appendingPathComponent("Targets/README.md"), encoding: .utf8)
        let start = try XCTUnwrap(readme.range(of: "\n## Starting a new body\n"), "the section is in Targets/README.md")
        var section = String(readme[start.upperBound...])
        if let next = section.range(of: "\n## ") { section = String(section[..<next.lowerBound]) }
        return section.components(separatedBy: "```" + language + "\n").dropFirst().compactMap { $0.components(separatedBy: "\n```").first }
    }

    func testTheNewBodyGuideLoadsAndItsCommandsRun() throws {
        let blocks = try guideBlocks("yaml")
        XCTAssertGreaterThanOrEqual(blocks.count, 7, "bodies, indicators, sources, a term file, two facts files, a draft")
        let folder = scratch.appendingPathComponent("guide")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.repo.appendingPathComponent("Targets"), to: folder.appendingPathComponent("Targets"))
        for block in blocks {
            let first = try XCTUnwrap(block.components(separatedBy: "\n").first)
            XCTAssertTrue(first.hasPrefix("# file: "), "every example names its file on its first line: \(first)")
            let file = folder.appendingPathComponent(String(first.dropFirst("# file: ".count)))
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data((block + "\n").utf8).write(to: file)
        }
        let mine = try run(["check", "Targets/mau"], in: folder)
        XCTAssertEqual(mine.status, 0, mine.stderr)
        XCTAssertTrue(mine.stderr.contains("; 0 lỗi, 0 cảnh báo"), mine.stderr)
        // Beside the built-in data: only the built-in Quảng Ninh warning.
        let all = try run(["check", "Targets"], in: folder)
        XCTAssertEqual(all.status, 0, all.stderr)
        XCTAssertTrue(all.stderr.contains("0 lỗi, 1 cảnh báo"), all.stderr)

        let commands = try XCTUnwrap(try guideBlocks("sh").first).components(separatedBy: "\n")
        XCTAssertEqual(commands.count, 4, "\(commands)")
        var outputs: [String] = []
        for line in commands {
            let words = (line.components(separatedBy: "#").first ?? "").split(separator: " ").map(String.init)
            XCTAssertEqual(words.first, "chitieu")
            let r = try run(Array(words.dropFirst()), in: folder)
            XCTAssertEqual(r.status, 0, line + "\n" + r.stderr)
            outputs.append(r.stdout)
        }
        // The report: the congress not given, the figures stop in 2024, the shared source listed.
        XCTAssertTrue(outputs[1].contains("Đại hội (chưa rõ lần thứ), nhiệm kỳ 2020–2025"), outputs[1])
        XCTAssertTrue(outputs[1].contains("Số liệu mới nhất: năm 2024."), outputs[1])
        XCTAssertTrue(outputs[1].contains("Các đảng bộ trực thuộc Tỉnh ủy Mẫu kết nạp đảng viên năm 2024"), outputs[1])
        // The amounts: 4.418,5 ÷ 4.200 × 100 = 105,2 %; a rate's 7,2 against "trên 7,5" is −0,3.
        let flowed = outputs[1].split(whereSeparator: \.isWhitespace).joined(separator: " ")
        XCTAssertTrue(flowed.contains("Thu ngân sách trên địa bàn: 4.418,5 tỷ đồng, đạt 105,2 % chỉ tiêu"), outputs[1])
        XCTAssertTrue(flowed.contains("7,2 %/năm 96,0 % −0,3 không đạt"), outputs[1])
        // The comparison: 31 ranks above 26; a police and a military committee are not added up.
        XCTAssertTrue(outputs[2].contains("Không cộng: đảng bộ khác loại (đảng bộ công an tỉnh, đảng bộ quân sự tỉnh)"), outputs[2])
        // The plan, from outside the data folder: the latest of 84 (2023) and 48 (2024) admitted against 70 a year.
        XCTAssertTrue(outputs[3].contains("Số liệu gần nhất: 48 (năm 2024) [bao-mau]"), outputs[3])
    }
}
