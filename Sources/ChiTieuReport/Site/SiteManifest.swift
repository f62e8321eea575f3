import ChiTieuCore
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The list of the files a site's folder holds because chitieu wrote them (`.chitieu-site`, one
/// path inside the folder a line), so that the next run removes the ones it no longer writes —
/// the pages and feed rows of a body or term taken out of the data or renamed — the way a build
/// system removes its stale outputs. A planner who reads `feed/*.csv` then never reads the rows of
/// a body that is gone. A file the manifest does not list (the user's own) is never touched.
public enum SiteManifest {
    /// The manifest's name inside the site's folder.
    public static let name = ".chitieu-site"

    /// The manifest's first line, for a reader who finds the file (lines starting with `#` are skipped).
    static let header = "# chitieu site: the files chitieu wrote in this folder; the next run removes those it does not write again"

    /// What the folder held before a run, read before anything is written.
    public enum Previous: Equatable, Sendable {
        /// No manifest and no page: a new folder, or one holding only the user's own files.
        case none
        /// Pages but no manifest: a site written by an older chitieu, whose stale pages cannot be told
        /// from the user's files; nothing is removed.
        case unlisted
        /// A manifest that cannot be read, with the reason; nothing is removed.
        case unreadable(String)
        /// The paths the manifest lists inside the folder, and its lines that point outside it
        /// (ignored, never followed).
        case listed([String], outside: [Line])
    }

    /// A line of the manifest, by its number.
    public struct Line: Equatable, Sendable {
        /// Its number, from 1.
        public var number: Int
        /// Its text.
        public var text: String
    }

    /// A stale file that could not be removed, and the system's reason; it stays listed, for the next run.
    public struct Failure: Equatable, Sendable {
        /// Its path inside the folder.
        public var path: String
        /// Why ("Permission denied").
        public var reason: String
    }

    /// What a run did with the files of the run before it.
    public struct Cleanup: Equatable, Sendable {
        /// What the folder held before the run.
        public var previous: Previous
        /// The stale files removed, as paths inside the folder, sorted.
        public var removed: [String] = []
        /// The stale files that could not be removed.
        public var failed: [Failure] = []
    }

    /// Reads what `directory` held before a run.
    public static func read(in directory: String) -> Previous {
        let path = PathText.join(directory, name)
        var info = stat()
        guard lstat(path, &info) == 0 else {
            if errno != ENOENT { return .unreadable(AtomicFile.systemError()) }
            return holdsPages(directory) ? .unlisted : .none
        }
        guard let data = FileManager.default.contents(atPath: path) else { return .unreadable("cannot read it") }
        guard let text = String(data: data, encoding: .utf8) else { return .unreadable("it is not UTF-8 text") }
        var inside: [String] = [], outside: [Line] = []
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : String(raw)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if isInside(line) { inside.append(line) } else { outside.append(Line(number: i + 1, text: line)) }
        }
        return .listed(inside, outside: outside)
    }

    /// Whether a manifest's line names a path inside the folder: relative, every name in it a real
    /// name (no `..`, no `.`, no empty name from `//`), no NUL. Anything else is not a path chitieu
    /// wrote, so it is never followed.
    static func isInside(_ path: String) -> Bool {
        guard !path.hasPrefix("/"), !path.contains("\0") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }

    /// Whether a folder without a manifest holds a site: a page (`*.html`) or a `feed` folder at its top.
    private static func holdsPages(_ directory: String) -> Bool {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return false }
        return names.contains { $0.hasSuffix(".html") || $0 == "feed" }
    }

    /// After a run has written `written` (paths inside `directory`): removes every file the old
    /// manifest lists that this run did not write, and the folders that leaves empty, then writes
    /// the new manifest. Without an old manifest, or with one that cannot be read, only the new
    /// manifest is written.
    ///
    /// The manifest is written first listing the old files too, so that a run stopped while
    /// removing them leaves every file chitieu wrote listed; a file that cannot be removed stays
    /// listed, to be tried again.
    /// - Throws: `AtomicFile.WriteError` when the manifest cannot be written.
    public static func update(in directory: String, written: [String], previous: Previous) throws -> Cleanup {
        var cleanup = Cleanup(previous: previous)
        guard case let .listed(old, _) = previous else {
            try write(written, in: directory)
            return cleanup
        }
        let now = Set(written)
        let stale = Set(old.filter { !now.contains($0) && $0 != name }).sorted()
        guard !stale.isEmpty else {
            try write(written, in: directory)
            return cleanup
        }
        try write(written + stale, in: directory)
        let root = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard root >= 0 else {
            let reason = AtomicFile.systemError()
            cleanup.failed = stale.map { Failure(path: $0, reason: reason) }
            return cleanup
        }
        defer { close(root) }
        for path in stale {
            switch remove(path, root: root) {
            case .removed: cleanup.removed.append(path)
            case .gone, .notAFile: break
            case let .failed(reason): cleanup.failed.append(Failure(path: path, reason: reason))
            }
        }
        try write(written + cleanup.failed.map(\.path), in: directory)
        return cleanup
    }

    /// Writes the manifest: its header, then each path once, sorted (the same files give the same bytes).
    /// A path that cannot be one line (a line break in a name) is left out: it could not be read back.
    static func write(_ paths: [String], in directory: String) throws {
        let lines = Set(paths.filter { isInside($0) && !$0.contains("\n") && !$0.contains("\r") }).sorted()
        let text = ([header] + lines).joined(separator: "\n") + "\n"
        try AtomicFile.write(Data(text.utf8), to: PathText.join(directory, name))
    }

    /// What became of a stale path.
    enum Removal: Equatable {
        case removed
        /// Nothing there any more.
        case gone
        /// Something other than a regular file reached through real folders: a folder, a link
        /// (a folder on the way included), a device; not chitieu's, left alone.
        case notAFile
        case failed(String)
    }

    /// Removes the regular file at `path` inside the folder open as `root`, going down one name at
    /// a time with `openat(…, O_NOFOLLOW)`, so that no link is ever followed (not even a folder
    /// swapped for a link meanwhile), then each folder above it that this leaves empty, up to but
    /// not including the site's folder.
    static func remove(_ path: String, root: Int32) -> Removal {
        let names = path.split(separator: "/").map(String.init)
        guard let last = names.last else { return .notAFile }
        // folders[i] is the open folder holding names[i].
        var folders: [Int32] = [root]
        defer { for fd in folders.dropFirst() { close(fd) } }
        for name in names.dropLast() {
            let fd = openat(folders[folders.count - 1], name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard fd >= 0 else {
                switch errno {
                case ENOENT: return .gone
                case ENOTDIR, ELOOP: return .notAFile
                default: return .failed(AtomicFile.systemError())
                }
            }
            folders.append(fd)
        }
        let holder = folders[folders.count - 1]
        var info = stat()
        guard fstatat(holder, last, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
            return errno == ENOENT ? .gone : .failed(AtomicFile.systemError())
        }
        guard info.st_mode & S_IFMT == S_IFREG else { return .notAFile }
        guard unlinkat(holder, last, 0) == 0 else {
            return errno == ENOENT ? .gone : .failed(AtomicFile.systemError())
        }
        // The folders on the way, deepest first, while each is left empty (rmdir refuses a full one).
        for i in stride(from: names.count - 2, through: 0, by: -1) {
            if unlinkat(folders[i], names[i], AT_REMOVEDIR) != 0 { break }
        }
        return .removed
    }
}
