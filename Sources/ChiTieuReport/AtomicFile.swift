import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
    }

    /// Writes `data` to `path` atomically, creating the folder if needed.
    /// - Throws: `WriteError`; the previous file at `path`, if any, is left as it was.
    public static func write(_ data: Data, to path: String) throws {
        try replace(path) { temporary in try writeSynced(data, to: temporary) }
    }

    /// Writes all bytes and flushes them to the disk before the rename makes them visible.
    private static func writeSynced(_ data: Data, to temporary: String) throws {
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw WriteError(path: temporary, reason: String(cString: strerror(errno))) }
        var failure: String?
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count, let base = raw.baseAddress {
                let n = Glibc.write(fd, base + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                offset += n
            }
        }
        if failure == nil, fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        if close(fd) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        if let failure { throw WriteError(path: temporary, reason: failure) }
    }

    /// Lets `produce` write a file at a temporary path beside `path`, then renames it over `path`.
    /// If `produce` throws, the temporary file is removed and `path` is left as it was.
    public static func replace(_ path: String, _ produce: (String) throws -> Void) throws {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        } catch {
            throw WriteError(path: path, reason: "cannot create the folder \(dir) (\(error.localizedDescription))")
        }
        let temporary = dir + "/." + url.lastPathComponent + ".tmp-\(getpid())"
        do {
            try produce(temporary)
        } catch let e as WriteError {
            unlink(temporary)
            throw WriteError(path: path, reason: e.reason)
        } catch {
            unlink(temporary)
            throw WriteError(path: path, reason: "\(error)")
        }
        if rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw WriteError(path: path, reason: reason)
        }
    }
}
