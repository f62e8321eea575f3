import CXlsxWriter
import Foundation

/// The library calls of one workbook, made on a thread of their own in the order they were asked
/// for. The thread that fills the workbook (judging, wording, laying out) then never waits for
/// libxlsxwriter, which in constant-memory mode turns each finished row into XML and writes it
/// to a temporary file: on two cores the two halves of the work run side by side.
///
/// Why it is safe: every call into libxlsxwriter is made either by the writer thread, taking the
/// calls in order from the queue, or by the filling thread after `drain()` has seen the queue
/// empty and the writer idle (calls that return something, such as a new sheet or format, or
/// that throw an error the caller must see at once). The lock's wait and signal order the two, so
/// no two threads ever touch the library's memory at once, and the calls, hence the bytes of the
/// file, are the same as when made one after the other on one thread. That protocol, not the
/// compiler, is what makes the class `Sendable`.
final class WritePipeline: @unchecked Sendable {
    /// One library call, with what it needs. Cells, row heights and validations are most of a
    /// large workbook's calls; anything else waits in the queue as a closure.
    enum Call {
        case string(UnsafeMutablePointer<lxw_worksheet>, lxw_row_t, lxw_col_t, String, UnsafeMutablePointer<lxw_format>?)
        case number(UnsafeMutablePointer<lxw_worksheet>, lxw_row_t, lxw_col_t, Double, UnsafeMutablePointer<lxw_format>?)
        case formula(UnsafeMutablePointer<lxw_worksheet>, lxw_row_t, lxw_col_t, String, Double, UnsafeMutablePointer<lxw_format>?)
        case textFormula(UnsafeMutablePointer<lxw_worksheet>, lxw_row_t, lxw_col_t, String, String, UnsafeMutablePointer<lxw_format>?)
        case blank(UnsafeMutablePointer<lxw_worksheet>, lxw_row_t, lxw_col_t, UnsafeMutablePointer<lxw_format>?)
        case row(UnsafeMutablePointer<lxw_worksheet>, lxw_row_t, Double, UnsafeMutablePointer<lxw_format>?)
        case other(() throws -> Void)
    }

    /// Calls handed over at once: large enough that the lock is taken rarely, small enough that
    /// the writer starts early and the calls waiting hold little memory.
    static let batchSize = 2_048
    /// Batches that may wait before the filling thread waits for the writer.
    static let maximumWaiting = 8

    /// The batch being gathered; touched by the filling thread only.
    private var batch: [Call] = []
    private let condition = NSCondition()
    // Guarded by `condition`:
    private var waiting: [[Call]] = []
    private var working = false
    private var stopping = false
    private var failure: Error?
    private let finished = DispatchSemaphore(value: 0)

    /// The writer thread's name, as the system shows it.
    static let threadName = "xlsx-writer"

    /// Whether the calls go to a writer thread; if not, each is made at once on the caller's.
    let threaded: Bool

    init(threaded: Bool = true) {
        self.threaded = threaded
        guard threaded else { return }
        batch.reserveCapacity(Self.batchSize)
        let thread = Thread { [self] in
            chitieu_name_this_thread(Self.threadName)
            run()
        }
        thread.start()
    }

    /// Queues a call; the writer makes it after every call queued before it.
    /// - Throws: the error of a call made earlier by the writer (the workbook is then lost; the
    ///   calls still queued are skipped).
    @inline(__always)
    func add(_ call: Call) throws {
        guard threaded else {
            if let failed = failure { throw failed }
            return try make(call)
        }
        batch.append(call)
        if batch.count >= Self.batchSize { try handOver() }
    }

    /// Queues a call that cannot fail itself, for callers that do not throw: an earlier call's
    /// error stays recorded and is thrown by the next `add`, `drain` or the workbook's `close`.
    func queue(_ call: Call) {
        guard threaded else {
            do { try make(call) } catch { if failure == nil { failure = error } }
            return
        }
        batch.append(call)
        if batch.count >= Self.batchSize { _ = try? handOver() }
    }

    /// Hands the gathered batch to the writer, waiting while too many batches wait already.
    private func handOver() throws {
        let calls = batch
        batch = []
        batch.reserveCapacity(Self.batchSize)
        condition.lock()
        if !calls.isEmpty {
            while waiting.count >= Self.maximumWaiting { condition.wait() }
            waiting.append(calls)
            condition.broadcast()
        }
        let failed = failure
        condition.unlock()
        if let failed { throw failed }
    }

    /// Returns once every call queued so far has been made: the library may then be called
    /// directly from this thread until the next `add`.
    /// - Throws: the first error of a queued call.
    func drain() throws {
        guard threaded else {
            if let failed = failure { throw failed }
            return
        }
        try handOver()
        condition.lock()
        while !waiting.isEmpty || working { condition.wait() }
        let failed = failure
        condition.unlock()
        if let failed { throw failed }
    }

    /// Makes the calls still queued, or skips them after an error, and ends the writer thread.
    /// Safe to call more than once.
    func stop() {
        guard threaded else { return }
        _ = try? handOver()
        condition.lock()
        let first = !stopping
        stopping = true
        condition.broadcast()
        condition.unlock()
        if first { finished.wait() }
    }

    /// The writer thread: takes batches in order until stopped with nothing left.
    private func run() {
        while true {
            condition.lock()
            while waiting.isEmpty && !stopping { condition.wait() }
            if waiting.isEmpty {
                condition.unlock()
                break
            }
            let calls = waiting.removeFirst()
            working = true
            let skip = failure != nil
            condition.broadcast()
            condition.unlock()
            var error: Error?
            if !skip {
                do { try make(calls) } catch let e { error = e }
            }
            condition.lock()
            working = false
            if let error, failure == nil { failure = error }
            condition.broadcast()
            condition.unlock()
        }
        finished.signal()
    }

    private func make(_ calls: [Call]) throws {
        for call in calls { try make(call) }
    }

    private func make(_ call: Call) throws {
        switch call {
        case let .string(sheet, r, c, s, f):
            try check(worksheet_write_string(sheet, r, c, s, f), "worksheet_write_string(\(Self.cell(sheet, r, c)))")
        case let .number(sheet, r, c, v, f):
            try check(worksheet_write_number(sheet, r, c, v, f), "worksheet_write_number(\(Self.cell(sheet, r, c)))")
        case let .formula(sheet, r, c, formula, cached, f):
            try check(worksheet_write_formula_num(sheet, r, c, formula, f, cached), "worksheet_write_formula_num(\(Self.cell(sheet, r, c)): \(formula))")
        case let .textFormula(sheet, r, c, formula, cached, f):
            try check(worksheet_write_formula_str(sheet, r, c, formula, f, cached), "worksheet_write_formula_str(\(Self.cell(sheet, r, c)): \(formula))")
        case let .blank(sheet, r, c, f):
            try check(worksheet_write_blank(sheet, r, c, f), "worksheet_write_blank(\(Self.cell(sheet, r, c)))")
        case let .row(sheet, r, height, f):
            try check(worksheet_set_row(sheet, r, height, f), "worksheet_set_row(\(Self.cell(sheet, r, 0)))")
        case let .other(body):
            try body()
        }
    }

    /// "Sheet!B7", for an error's message.
    private static func cell(_ sheet: UnsafeMutablePointer<lxw_worksheet>, _ r: lxw_row_t, _ c: lxw_col_t) -> String {
        let name = sheet.pointee.name.map { String(cString: $0) } ?? "?"
        return "\(name)!\(Worksheet.cellName(row: Int(r), column: Int(c)))"
    }
}
