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
    // The command line's text arguments (compare's BODY@TIME, --term, --indicator A=B): whatever
    // they hold, read or refused with a message, never a trap; what is read is in range.
    if case let .success(spec) = CompareArguments.body(text) {
        if spec.id.isEmpty { fatalError("an empty body id was read from '\(text)'") }
        if case let .year(y)? = spec.alignment, !CompareArguments.years.contains(y) { fatalError("year \(y) out of range from '\(text)'") }
    }
    if let t = CompareArguments.term(text), !(CompareArguments.years.contains(t.lowerBound) && t.lowerBound < t.upperBound) {
        fatalError("term \(t) from '\(text)'")
    }
    if let i = CompareArguments.indicator(text), i.id.isEmpty || i.standIn?.isEmpty == true { fatalError("an empty indicator id from '\(text)'") }
    return 0
}
