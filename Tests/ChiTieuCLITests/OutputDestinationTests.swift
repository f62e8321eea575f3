import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// Reads a FIFO while a command writes it: opened without waiting (so a writer that never opens
/// it cannot hang the test), drained until the command has ended and the FIFO is empty.
final class FIFODrain: @unchecked Sendable {
    private let fd: Int32
    private let lock = NSLock()
    private var bytes = Data()
    private var finished = false
    private let done = DispatchSemaphore(value: 0)

    init(_ path: String) {
        fd = open(path, O_RDONLY | O_NONBLOCK)
        Thread.detachNewThread { self.drain() }
    }

    private func drain() {
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while fd >= 0 {
            let n = read(fd, &buffer, buffer.count)
            if n > 0 {
                lock.withLock { bytes.append(contentsOf: buffer[0..<n]) }
            } else if n == 0 || errno == EAGAIN || errno == EINTR {
                if lock.withLock({ finished }) { break }
                usleep(2000)
            } else {
                break
            }
        }
        done.signal()
    }

    /// Everything read, once the writer has ended.
    func finish() -> Data {
        lock.withLock { finished = true }
        done.wait()
        if fd >= 0 { close(fd) }
        return lock.withLock { bytes }
    }
}

/// `-o` onto what is not a plain file (issue 15): a link keeps being a link and its target gets
/// the new content; a FIFO, a device and standard output are written through, never replaced.
extension CLITests {
    private static let oneTerm = "Targets/lang-son/khoi-cac-co-quan/2015-2020.yaml"

    private func kind(_ path: String) -> mode_t? {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : nil
    }

    func testOutputThroughALinkWritesItsTargetAndKeepsTheLink() throws {
        for (arguments, name, magic) in [
            (["export", "Targets"], "feed.csv", "feed_version,"),
            (["report", Self.oneTerm, "--as-of", "2026"], "bao-cao.txt", "BÁO CÁO"),
            (["report", Self.oneTerm, "--format", "xlsx"], "bao-cao.xlsx", "PK"),
            (["export", "Targets", "--format", "sqlite"], "feed.sqlite", "SQLite format 3"),
        ] {
            let target = scratch.appendingPathComponent("that/" + name).path
            let link = scratch.appendingPathComponent("link-" + name).path
            try FileManager.default.createDirectory(atPath: scratch.appendingPathComponent("that").path, withIntermediateDirectories: true)
            try Data("cũ".utf8).write(to: URL(fileURLWithPath: target))
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "that/" + name)
            let r = try run(arguments + ["-o", link], in: Self.repo)
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertEqual(kind(link), S_IFLNK, "\(name): the link must stay a link")
            XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), "that/" + name)
            let written = try Data(contentsOf: URL(fileURLWithPath: target))
            XCTAssertTrue(String(decoding: written.prefix(64), as: UTF8.self).uppercased().contains(magic.uppercased()), "\(name): \(written.prefix(64))")
            XCTAssertTrue(try FileManager.default.contentsOfDirectory(atPath: scratch.appendingPathComponent("that").path).allSatisfy { !$0.contains(".tmp-") })
        }
        // A link to a file not there yet: the file is made where it points.
        let dangling = scratch.appendingPathComponent("dangling.csv").path
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: "made.csv")
        let r = try run(["export", "Targets", "-o", dangling], in: Self.repo)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(kind(dangling), S_IFLNK)
        XCTAssertEqual(kind(scratch.appendingPathComponent("made.csv").path), S_IFREG)
    }

    func testOutputIntoAFIFOIsWrittenThroughForEveryFormat() throws {
        for (arguments, magic) in [
            (["export", "Targets"], "feed_version,"),
            (["export", "Targets", "--format", "json"], "{\"schema\""),
            (["export", "Targets", "--format", "sqlite"], "SQLite format 3"),
            (["report", Self.oneTerm, "--as-of", "2026"], "BÁO CÁO"),
            (["report", Self.oneTerm, "--format", "xlsx"], "PK"),
            (["compare", "lang-son/khoi-cac-co-quan@2020", "quang-ninh/khoi-cac-co-quan@2022", "--format", "xlsx"], "PK"),
        ] {
            let fifo = scratch.appendingPathComponent("fifo").path
            unlink(fifo)
            XCTAssertEqual(mkfifo(fifo, 0o600), 0)
            let reader = FIFODrain(fifo)
            let r = try run(arguments + ["-o", fifo], in: Self.repo)
            let got = reader.finish()
            XCTAssertEqual(r.status, 0, "\(arguments): \(r.stderr)")
            XCTAssertEqual(kind(fifo), S_IFIFO, "\(arguments): the FIFO must stay a FIFO")
            XCTAssertTrue(String(decoding: got.prefix(64), as: UTF8.self).uppercased().contains(magic.uppercased()), "\(arguments): the reader got \(got.count) bytes")
            XCTAssertTrue(try FileManager.default.contentsOfDirectory(atPath: scratch.path).allSatisfy { !$0.contains(".tmp-") })
        }
    }

    func testOutputToDevNullLeavesItADevice() throws {
        var before = stat()
        guard stat("/dev/null", &before) == 0, before.st_mode & S_IFMT == S_IFCHR else {
            throw XCTSkip("/dev/null is not a character device here")
        }
        defer {
            // Should a regression replace it (as root), put the device back.
            var after = stat()
            if stat("/dev/null", &after) != 0 || after.st_mode & S_IFMT != S_IFCHR, getuid() == 0 {
                unlink("/dev/null")
                mknod("/dev/null", S_IFCHR | 0o666, before.st_rdev)
                chmod("/dev/null", 0o666)
            }
        }
        for arguments in [["export", "Targets"], ["export", "Targets", "--format", "sqlite"], ["report", Self.oneTerm, "--format", "xlsx"], ["report", Self.oneTerm]] {
            let r = try run(arguments + ["-o", "/dev/null"], in: Self.repo)
            XCTAssertEqual(r.status, 0, r.stderr)
            var after = stat()
            XCTAssertEqual(stat("/dev/null", &after), 0)
            XCTAssertEqual(after.st_mode & S_IFMT, S_IFCHR, "\(arguments) replaced /dev/null")
            XCTAssertEqual(after.st_rdev, before.st_rdev)
        }
    }

    func testDashIsStandardOutputForEveryCommand() throws {
        let cases: [([String], String)] = [
            (["export", Self.repo.appendingPathComponent("Targets").path], "feed_version,"),
            (["export", Self.repo.appendingPathComponent("Targets").path, "--format", "json"], "{\"schema\""),
            (["export", Self.repo.appendingPathComponent("Targets").path, "--format", "sqlite"], "SQLite format 3"),
            (["report", Self.repo.appendingPathComponent(Self.oneTerm).path, "--as-of", "2026"], "BÁO CÁO"),
            (["report", Self.repo.appendingPathComponent(Self.oneTerm).path, "--format", "xlsx"], "PK"),
            (["compare", "--data", Self.repo.appendingPathComponent("Targets").path, "lang-son/khoi-cac-co-quan@2020", "quang-ninh/khoi-cac-co-quan@2022", "--format", "csv"], "indicator,"),
        ]
        for (arguments, magic) in cases {
            let r = try run(arguments + ["-o", "-"], in: scratch)
            XCTAssertEqual(r.status, 0, "\(arguments): \(r.stderr)")
            XCTAssertTrue(r.stdout.prefix(64).uppercased().contains(magic.uppercased()), "\(arguments): \(r.stdout.prefix(64))")
            XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.appendingPathComponent("-").path), "\(arguments) wrote a file named '-'")
            XCTAssertFalse(r.stderr.contains("wrote"), r.stderr)
        }
    }

    func testAnEmptyOutputSaysWhatToWrite() throws {
        for arguments in [["export"], ["report"], ["report", "--format", "xlsx"], ["plan", Self.oneTerm], ["extract", "x.txt"],
                          ["compare", "lang-son/khoi-cac-co-quan@2020", "--format", "csv"]] {
            let r = try run(arguments + ["-o", ""], in: Self.repo)
            XCTAssertNotEqual(r.status, 0, "\(arguments)")
            XCTAssertTrue(r.stderr.contains("-o needs a file name: write -o FILE"), "\(arguments): \(r.stderr)")
        }
    }

    func testAnOutputFolderThatCannotBeMadeGivesTheSystemsReason() throws {
        let r = try run(["report", Self.oneTerm, "--as-of", "2026", "--output-dir", "/proc/x"], in: Self.repo)
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("cannot create the folder /proc/x (No such file or directory)"), r.stderr)
        XCTAssertFalse(r.stderr.contains("NSCocoaErrorDomain"), r.stderr)
        XCTAssertFalse(r.stderr.contains("Error Domain"), r.stderr)
    }

    func testAFolderAsOutputSaysToNameAFileInIt() throws {
        let r = try run(["export", "Targets", "-o", scratch.path], in: Self.repo)
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("it is a folder; write a file name inside it"), r.stderr)
    }

    /// `check` with every shape of path from a folder with no catalogue above it: once
    /// "Illegal instruction" in Foundation's path handling for `check T`.
    func testEveryShapeOfPathIsAnsweredNotTrapped() throws {
        try FileManager.default.createDirectory(at: scratch.appendingPathComponent("T"), withIntermediateDirectories: true)
        try Data("body: x\n".utf8).write(to: scratch.appendingPathComponent("x.yaml"))
        for path in ["T", ".", "..", "/", "", "x.yaml", "T/"] {
            let r = try run(["check", path], in: scratch)
            XCTAssertEqual(r.status, 1, "'\(path)': \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("1 lỗi"), "'\(path)': \(r.stderr)")
        }
        let alone = try run(["check", "T"], in: scratch)
        XCTAssertTrue(alone.stderr.contains("a data folder needs the catalogue (indicators.yaml) and the bodies (bodies.yaml) in it or in a folder above it"), alone.stderr)
        XCTAssertTrue(alone.stderr.contains("\"Starting a new body\""), alone.stderr)
        // A draft with no folder part: its data folder is looked for from here.
        let plan = try run(["plan", "x.yaml"], in: scratch)
        XCTAssertEqual(plan.status, 1, plan.stderr)
        XCTAssertTrue(plan.stderr.contains("x.yaml: no indicators.yaml"), plan.stderr)
    }
}
