import ChiTieuCore
import ChiTieuLoad
import Foundation
import XCTest

/// A throw-away data directory with a small catalogue and one body, for loader tests.
struct Fixture {
    let root: String

    static let catalogue = """
        bases:
          - { id: members, name: "đảng viên", name-en: "members" }
        scales:
          - id: xl
            levels:
              - { id: tot, name: "Hoàn thành tốt nhiệm vụ", name-en: "Well" }
              - { id: hoan-thanh, name: "Hoàn thành nhiệm vụ", name-en: "Fulfilled" }
        indicators:
          - { id: ket-nap-dang-vien, name: "Kết nạp đảng viên mới", name-en: "Admitted", unit: count, noun: "đảng viên" }
          - { id: dang-vien-htt, name: "Đảng viên hoàn thành tốt nhiệm vụ", name-en: "Well", unit: percent, share-of: members }
          - { id: xep-loai, name: "Xếp loại", name-en: "Rating", unit: rating, scale: xl }
        """

    static let bodies = """
        bodies:
          - { id: test/khoi, name: "Đảng bộ Khối thử", name-en: "Test bloc", province: "Lạng Sơn", kind: bloc }
        """

    /// The head of a valid term file, to which a test appends targets and outcomes.
    static let head = """
        body: test/khoi
        term: { congress: XIII, years: 2015-2020 }
        sources:
          s: { title: "Nguồn", publisher: "Báo", date: 2020-07-21 }

        """

    init() throws {
        root = NSTemporaryDirectory() + "chitieu-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root + "/data", withIntermediateDirectories: true)
        try write("indicators.yaml", Self.catalogue)
        try write("bodies.yaml", Self.bodies)
    }

    func write(_ name: String, _ text: String) throws {
        try write(name, Data(text.utf8))
    }

    func write(_ name: String, _ data: Data) throws {
        let path = root + "/" + name
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: path))
    }

    func path(_ name: String) -> String { root + "/" + name }

    /// Loads one data file written with `text` and returns the result.
    func load(_ text: String, name: String = "data/f.yaml") throws -> LedgerLoader.Result {
        try write(name, text)
        return LedgerLoader.load(paths: [path(name)])
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
}

extension LedgerLoader.Result {
    var errors: [Diagnostic] { diagnostics.items.filter { $0.severity == .error } }
    var warnings: [Diagnostic] { diagnostics.items.filter { $0.severity == .warning } }
}
