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
        public var description: String { "\(path): cannot write the report: \(reason)" }

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
    static func describe(_ error: Error) -> String {
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

    /// Lets `produce` write a file at a temporary path beside `path`, then renames it over `path`.
    /// If `produce` throws, the temporary file is removed and `path` is left as it was.
    public static func replace(_ path: String, _ produce: (String) throws -> Void) throws {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        } catch {
            throw WriteError(path: path, reason: "cannot create the folder \(dir) (\(describe(error)))")
        }
        let prefix = "." + url.lastPathComponent + ".tmp-"
        removeAbandoned(in: dir, prefix: prefix)
        let temporary = dir + "/" + prefix + "\(getpid())"
        do {
            try produce(temporary)
        } catch let e as WriteError {
            unlink(temporary)
            throw WriteError(path: path, reason: e.reason)
        } catch let e as AbandonedWrite {
            unlink(temporary)
            throw e
        } catch {
            unlink(temporary)
            throw WriteError(path: path, reason: describe(error))
        }
        if rename(temporary, path) != 0 {
            let reason = systemError()
            unlink(temporary)
            throw WriteError(path: path, reason: reason)
        }
    }
}
