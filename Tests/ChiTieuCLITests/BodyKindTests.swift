import Foundation
import XCTest

/// The committees a provincial committee lists beside its districts (issue 14): police, military,
/// border guard and companies, each a kind that `compare --every` picks and totals keep apart.
extension CLITests {
    /// A data folder with the built-in catalogue and four committees of one province, each
    /// with its admissions of 2023 (invented figures, as REAL-DATA.md's).
    func committeesFolder() throws -> URL {
        let data = scratch.appendingPathComponent("tinh-x")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.repo.appendingPathComponent("Targets/indicators.yaml"), to: data.appendingPathComponent("indicators.yaml"))
        try Data("""
            bodies:
              - { id: x/cong-an, name: "Đảng bộ Công an tỉnh X", name-en: "X Provincial Police Committee", province: "X", kind: police }
              - { id: y/cong-an, name: "Đảng bộ Công an tỉnh Y", name-en: "Y Provincial Police Committee", province: "Y", kind: police }
              - { id: x/quan-su, name: "Đảng bộ Quân sự tỉnh X", name-en: "X Provincial Military Committee", province: "X", kind: military }
              - { id: x/bien-phong, name: "Đảng bộ Bộ đội Biên phòng tỉnh X", name-en: "X Border Guard Committee", province: "X", kind: border-guard }

            """.utf8).write(to: data.appendingPathComponent("bodies.yaml"))
        for (body, admitted) in [("x/cong-an", "26"), ("y/cong-an", "31"), ("x/quan-su", "40"), ("x/bien-phong", "12")] {
            let folder = data.appendingPathComponent(body)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data("""
                body: \(body)
                sources:
                  bao: { title: "Kết nạp đảng viên năm 2023", publisher: "Báo X", date: 2024-01-10 }
                facts:
                  - { indicator: ket-nap-dang-vien, period: 2023, value: "\(admitted)", source: bao, quote: "kết nạp \(admitted) đảng viên" }

                """.utf8).write(to: folder.appendingPathComponent("facts.yaml"))
        }
        return data
    }

    func testEveryPoliceCommitteeIsComparedAndAddedUp() throws {
        let data = try committeesFolder()
        let r = try run(["compare", "--every", "police", "--year", "2023", "--indicator", "ket-nap-dang-vien", "--data", data.path, "--format", "csv"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let rows = r.stdout.components(separatedBy: "\r\n").filter { $0.hasPrefix("ket-nap-dang-vien,value,") }
        // The two police committees only (not the military or border guard), and their sum 26 + 31 = 57.
        XCTAssertEqual(rows.count, 3, r.stdout)
        XCTAssertTrue(rows.contains { $0.contains(",x/cong-an,") && $0.contains(",26,") }, r.stdout)
        XCTAssertTrue(rows.contains { $0.contains(",y/cong-an,") && $0.contains(",31,") }, r.stdout)
        XCTAssertTrue(rows.contains { $0.hasPrefix("ket-nap-dang-vien,value,total,") && $0.contains(",57,") }, r.stdout)
    }

    func testCommitteesOfDifferentKindsAreRankedButNotAddedUpAndTheKindsAreNamed() throws {
        let data = try committeesFolder()
        let args = ["compare", "x/cong-an", "x/quan-su", "x/bien-phong", "--year", "2023", "--indicator", "ket-nap-dang-vien", "--data", data.path]
        let vi = try run(args)
        XCTAssertEqual(vi.status, 0, vi.stderr)
        XCTAssertTrue(vi.stdout.contains("Không cộng: đảng bộ khác loại (đảng bộ công an tỉnh, đảng bộ quân sự tỉnh, đảng bộ bộ đội biên"), vi.stdout)
        let en = try run(args + ["--lang", "en"])
        XCTAssertTrue(en.stdout.contains("Not added up: bodies of different kinds (police committee, military committee, border-guard"), en.stdout)
    }

    func testAnUnknownKindListsEveryKind() throws {
        let data = try committeesFolder()
        let every = try run(["compare", "--every", "cong-an", "--data", data.path])
        XCTAssertEqual(every.status, 1)
        XCTAssertTrue(every.stderr.contains("--every takes a kind (province, bloc, district, police, military, border-guard, company, grassroots, other) or 'all', not 'cong-an'"), every.stderr)
        let bodies = try String(contentsOf: data.appendingPathComponent("bodies.yaml"), encoding: .utf8)
        try Data(bodies.replacingOccurrences(of: "kind: military", with: "kind: quan-su").utf8).write(to: data.appendingPathComponent("bodies.yaml"))
        let check = try run(["check", data.path])
        XCTAssertEqual(check.status, 1)
        // Line 4, the kind's value at column 119 (counted in characters).
        XCTAssertTrue(check.stderr.contains("bodies.yaml:4:119: error: 'quan-su' is not a valid kind; write one of: province, bloc, district, police, military, border-guard, company, grassroots, other"), check.stderr)
    }
}
