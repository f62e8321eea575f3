import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Path arithmetic on the text of a path, by its slashes alone. Unlike Foundation's `NSString`
/// and `URL` path methods (which trap on some one-word, empty or root paths in
/// swift-corelibs-foundation), these are plain string operations defined for every string.
public enum PathText {
    /// The folder part of a path: `a/b` → `a`, `b` → `.`, `/b` → `/`, `/` → `/`, `""` → `.`,
    /// `a/b/` → `a`.
    public static func folder(of path: String) -> String {
        var bytes = Array(path.utf8)
        while bytes.count > 1, bytes.last == slash { bytes.removeLast() }
        if bytes == [slash] { return "/" }
        guard let cut = bytes.lastIndex(of: slash) else { return "." }
        var head = Array(bytes[..<cut])
        while head.count > 1, head.last == slash { head.removeLast() }
        if head.isEmpty || head == [slash] { return "/" }
        return String(decoding: head, as: UTF8.self)
    }

    /// The last name of a path: `a/b` → `b`, `a/b/` → `b`, `/` → `/`, `""` → `""`.
    public static func lastName(of path: String) -> String {
        var bytes = Array(path.utf8)
        while bytes.count > 1, bytes.last == slash { bytes.removeLast() }
        if bytes == [slash] { return "/" }
        guard let cut = bytes.lastIndex(of: slash) else { return String(decoding: bytes, as: UTF8.self) }
        return String(decoding: bytes[(cut + 1)...], as: UTF8.self)
    }

    /// A name inside a folder: `join("a", "b")` → `a/b`, `join("a/", "b")` → `a/b`.
    public static func join(_ folder: String, _ name: String) -> String {
        folder.isEmpty ? name : folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// The absolute path with `.`, `..` and repeated slashes taken out by the text alone (links are
    /// not followed); a relative path is taken from the current folder. `""` is the current folder.
    public static func absolute(_ path: String) -> String {
        let full = path.hasPrefix("/") ? path : currentFolder() + "/" + path
        var parts: [Substring] = []
        for part in full.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// The path with every link resolved (`realpath(3)`), or nil when it does not exist.
    public static func real(_ path: String) -> String? {
        guard !path.isEmpty, let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The current folder, as the shell reached it (`$PWD`) when that is this folder, else as
    /// `getcwd(3)` gives it; `/` if it cannot be known (removed under the process).
    public static func currentFolder() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return "/" }
        let cwd = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // The folder as the shell reached it (through links), when $PWD is this very folder.
        // getenv reads the one variable; ProcessInfo's environment copies them all into a
        // dictionary, on every call (once per data file and folder looked up).
        if let pwd = getenv("PWD"), case let logical = String(cString: pwd), logical.hasPrefix("/") {
            var here = stat(), there = stat()
            if stat(".", &here) == 0, stat(logical, &there) == 0, here.st_dev == there.st_dev, here.st_ino == there.st_ino {
                return logical
            }
        }
        return cwd.hasPrefix("/") ? cwd : "/"
    }

    private static let slash = UInt8(ascii: "/")
}
