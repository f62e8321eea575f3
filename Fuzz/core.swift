// libFuzzer harness over ChiTieuCore's readers of untrusted text: the Vietnamese number reader,
// the rule parser, the phrase reader and the extractor. Built by `make fuzz` with the Core sources
// in one module (so no import), `swiftc -sanitize=fuzzer,address -parse-as-library`.
import Foundation

private let catalogue: [String: Indicator] = [
    "ket-nap-dang-vien": Indicator(id: "ket-nap-dang-vien", name: "Kết nạp đảng viên mới", nameEn: "Admitted", unit: .count),
    "dang-vien-htt": Indicator(id: "dang-vien-htt", name: "Đảng viên hoàn thành tốt nhiệm vụ", nameEn: "Well", unit: .percent, position: 1),
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCore(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    for convention in NumberConvention.allCases {
        if let n = try? VietnameseNumber.parse(text, convention: convention) {
            // What is read must format and read back to the same value.
            let shown = NumberFormat(convention).decimal(n.value, places: max(0, n.fractionDigits))
            if let again = try? VietnameseNumber.parse(shown, convention: convention), again.value != n.value {
                fatalError("'\(text)' read as \(n.value) but its formatting '\(shown)' reads as \(again.value)")
            }
        }
        _ = try? VietnameseNumber.parseRange(text, convention: convention)
        if let rule = try? RuleParser.parse(text, convention: convention) { _ = rule.threshold; _ = rule.bound(1) }
    }
    for r in PhraseReader.read(text) where !r.rule.hasPrefix("~") && !r.rule.hasPrefix("xếp") {
        // Every rule the reader writes must be one the data files accept.
        if (try? RuleParser.parse(r.rule)) == nil { fatalError("PhraseReader wrote '\(r.rule)' from '\(text)', which does not parse") }
    }
    _ = Extractor(catalogue: catalogue).extract(text)
    _ = CalendarDate(iso: text)
    return 0
}
