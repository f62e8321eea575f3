import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An error by which a producer gives up a write for its own reason (the data had errors):
/// the temporary is removed and the error passes through as it is, not as a write failure.
public protocol AbandonedWrite: Error {}

/// Writes a file so that readers see either the old content or the whole new one: the bytes go
/// to a temporary file beside the target, are flushed, and the temporary file is renamed over it.
/// A failure leaves the previous report untouched and no partial file under the final name.
public enum AtomicFile {
    /// An error while writing, naming the file and what went wrong.
    public struct WriteError: Error, CustomStringConvertible {
        /// The final path.
        public var path: String
        /// What went wrong.
        public var reason: String
        public var description: String {
            path.isEmpty ? "cannot write the report: \(reason)" : "\(path): cannot write the report: \(reason)"
        }

        /// Creates an error for the final path.
        public init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }
    }

    /// Writes `data` to `path` atomically, creating the folder if needed.
    /// - Throws: `WriteError`; the previous file at `path`, if any, is left as it was.
    public static func write(_ data: Data, to path: String) throws {
        try replace(path) { temporary in try writeSynced(data, to: temporary) }
    }

    /// Moves a finished file (written and flushed elsewhere, such as a staging folder) to `path`
    /// atomically, as `write` would put it there: renamed when both are on one file system,
    /// otherwise copied and flushed. The file at `from` is gone afterwards either way.
    /// - Throws: `WriteError`; the previous file at `path`, if any, is left as it was.
    public static func move(_ from: String, to path: String) throws {
        try replace(path) { temporary in
            if rename(from, temporary) == 0 { return }
            guard errno == EXDEV else { throw WriteError(path: path, reason: systemError()) }
            let data = try Data(contentsOf: URL(fileURLWithPath: from))
            try writeSynced(data, to: temporary)
            unlink(from)
        }
    }

    /// Writes all bytes and flushes them to the disk before the rename makes them visible.
    private static func writeSynced(_ data: Data, to temporary: String) throws {
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw WriteError(path: temporary, reason: systemError()) }
        var failure: String?
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count, let base = raw.baseAddress {
                let n = Glibc.write(fd, base + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = systemError()
                    return
                }
                offset += n
            }
        }
        if failure == nil, fsync(fd) != 0 { failure = systemError() }
        if close(fd) != 0, failure == nil { failure = systemError() }
        if let failure { throw WriteError(path: temporary, reason: failure) }
    }

    /// The system's words for the last failed call ("File too large", "Permission denied").
    public static func systemError() -> String { String(cString: strerror(errno)) }

    /// An error's words without Foundation's "The operation could not be completed." preamble
    /// when the system's own reason is there to say.
    public static func describe(_ error: Error) -> String {
        if let posix = error as? POSIXError { return String(cString: strerror(posix.code.rawValue)) }
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return "\(error)"
    }

    /// Removes temporaries left beside the file by runs that were killed (`kill -9`, power loss):
    /// their process no longer exists, so no one will finish or rename them. A temporary of a
    /// run still going (another process writing the same report) is left alone.
    static func removeAbandoned(in dir: String, prefix: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return }
        for name in names where name.hasPrefix(prefix) {
            // The process id, then perhaps a suffix of the writer's own (SQLite's "-journal").
            let digits = name.dropFirst(prefix.count).prefix { $0.isASCII && $0.isNumber }
            guard let pid = pid_t(digits), pid > 0 else { continue }
            if pid != getpid(), kill(pid, 0) != 0, errno == ESRCH { unlink(dir + "/" + name) }
        }
    }

    /// Where a write lands, by what is at the path now.
    enum Destination: Equatable {
        /// A regular file or nothing yet: replaced atomically at this path (a link's final target).
        case file(String)
        /// A device, a FIFO, a socket or standard output: written straight through, never renamed over.
        case stream(String)
    }

    /// The paths of standard output and error, written through the process's own descriptors.
    static let standardStreams: [String: Int32] = ["/dev/stdout": 1, "/proc/self/fd/1": 1, "/dev/fd/1": 1,
                                                   "/dev/stderr": 2, "/proc/self/fd/2": 2, "/dev/fd/2": 2]

    /// What `path` is: a file to replace (following links to their final target, which keeps
    /// the links), or something to write through.
    static func destination(of path: String) throws -> Destination {
        guard !path.isEmpty else {
            throw WriteError(path: path, reason: "no file name given; write a file name (-o Reports/chitieu.csv), or '-' for standard output")
        }
        if standardStreams[path] != nil { return .stream(path) }
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0 else { return .file(current) } // nothing there yet
            switch info.st_mode & S_IFMT {
            case S_IFLNK:
                // A link: the new file goes where it points (a dangling link's target is created).
                var target = stat()
                if stat(current, &target) == 0, target.st_mode & S_IFMT != S_IFREG, target.st_mode & S_IFMT != S_IFDIR {
                    return .stream(current)
                }
                var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
                let n = readlink(current, &buffer, buffer.count - 1)
                guard n > 0 else { throw WriteError(path: path, reason: "cannot read the link \(current) (\(systemError()))") }
                let link = String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
                current = link.hasPrefix("/") ? link : PathText.join(PathText.folder(of: current), link)
            case S_IFDIR:
                throw WriteError(path: path, reason: "it is a folder; write a file name inside it (\(PathText.join(path, "NAME")))")
            case S_IFREG:
                return .file(current)
            default:
                return .stream(current)
            }
        }
        throw WriteError(path: path, reason: "too many links in a row (a loop?); write to the file itself")
    }

    /// Lets `produce` write a file at a temporary path beside `path`, then renames it over `path`.
    /// If `produce` throws, the temporary file is removed and `path` is left as it was.
    ///
    /// A link is followed: the temporary goes beside its final target, which is replaced, and the
    /// link stays a link. A device, a FIFO or standard output (`/dev/stdout`) is never renamed
    /// over: `produce` writes a temporary in the system's temporary folder, whose bytes are then
    /// written through to it.
    public static func replace(_ path: String, _ produce: (String) throws -> Void) throws {
        switch try destination(of: path) {
        case let .file(target): try replaceFile(target, reportedAs: path, produce)
        case let .stream(target): try writeThrough(target, reportedAs: path, produce)
        }
    }

    /// Creates a folder and every folder above it that is missing, with the system's reason on failure.
    static func makeFolders(_ dir: String) throws {
        var info = stat()
        if stat(dir, &info) == 0 {
            if info.st_mode & S_IFMT == S_IFDIR { return }
            throw PlainError("\(dir) is not a folder")
        }
        let up = PathText.folder(of: dir)
        if up != dir { try makeFolders(up) }
        if mkdir(dir, 0o755) != 0, errno != EEXIST { throw PlainError(systemError()) }
    }

    /// An error that is its own words.
    struct PlainError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// The atomic replacement of a regular file (or of nothing yet).
    private static func replaceFile(_ path: String, reportedAs shown: String, _ produce: (String) throws -> Void) throws {
        let dir = PathText.folder(of: path)
        let name = PathText.lastName(of: path)
        do {
            try makeFolders(dir)
        } catch {
            throw WriteError(path: shown, reason: "cannot create the folder \(dir) (\(error))")
        }
        let prefix = "." + name + ".tmp-"
        removeAbandoned(in: dir, prefix: prefix)
        let temporary = PathText.join(dir, prefix + "\(getpid())")
        try produceAt(temporary, reportedAs: shown, produce)
        if rename(temporary, path) != 0 {
            let reason = systemError()
            unlink(temporary)
            throw WriteError(path: shown, reason: reason)
        }
    }

    /// Runs `produce` at `temporary`, which is removed if it fails.
    private static func produceAt(_ temporary: String, reportedAs shown: String, _ produce: (String) throws -> Void) throws {
        do {
            try produce(temporary)
        } catch let e as WriteError {
            unlink(temporary)
            throw WriteError(path: shown, reason: e.reason)
        } catch let e as AbandonedWrite {
            unlink(temporary)
            throw e
        } catch {
            unlink(temporary)
            throw WriteError(path: shown, reason: describe(error))
        }
    }

    /// Produces the bytes into a temporary of the system's temporary folder, then writes them
    /// through to a device, FIFO or standard stream, which is opened and written, never replaced.
    private static func writeThrough(_ path: String, reportedAs shown: String, _ produce: (String) throws -> Void) throws {
        var folder = ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp"
        if folder.isEmpty { folder = "/tmp" }
        let temporary = PathText.join(folder, ".chitieu-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp")
        try produceAt(temporary, reportedAs: shown, produce)
        defer { unlink(temporary) }
        let input = open(temporary, O_RDONLY)
        guard input >= 0 else { throw WriteError(path: shown, reason: "cannot read the temporary \(temporary) (\(systemError()))") }
        defer { close(input) }
        let output: Int32
        if let fd = standardStreams[path] {
            output = fd
        } else {
            output = open(path, O_WRONLY)
            guard output >= 0 else { throw WriteError(path: shown, reason: systemError()) }
        }
        defer { if standardStreams[path] == nil { close(output) } }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            if n < 0 { throw WriteError(path: shown, reason: "cannot read the temporary \(temporary) (\(systemError()))") }
            if n == 0 { break }
            var offset = 0
            while offset < n {
                let w = buffer.withUnsafeBytes { raw in
                    raw.baseAddress.map { Glibc.write(output, $0 + offset, n - offset) } ?? -1
                }
                if w < 0, errno == EINTR { continue }
                if w < 0 { throw WriteError(path: shown, reason: systemError()) }
                offset += w
            }
        }
    }
}
