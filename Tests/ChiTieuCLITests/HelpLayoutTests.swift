import Foundation
import XCTest

/// `--help` as a reader sees it. swift-argument-parser wraps the overview and discussion itself
/// to the terminal's width (COLUMNS), leaving each line break of the text where it is, so a
/// discussion is written one paragraph per line and only short example lines are kept as lines.
extension CLITests {
    /// The subcommands `chitieu --help` lists.
    private func subcommands() throws -> [String] {
        let r = try run(["--help"], environment: ["COLUMNS": "80"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let section = r.stdout.components(separatedBy: "SUBCOMMANDS:\n").dropFirst().first ?? ""
        // A command's line: two spaces, its name, then its abstract after more spaces.
        return section.components(separatedBy: "\n").compactMap { line -> String? in
            guard line.hasPrefix("  "), !line.hasPrefix("   ") else { return nil }
            let name = line.dropFirst(2).prefix { $0 != " " }
            return name.allSatisfy { $0.isLowercase || $0 == "-" } && !name.isEmpty ? String(name) : nil
        }
    }

    /// Every command's overview and discussion at 80 and at 200 columns: each line of a paragraph
    /// is full (the next line's first word would not have fitted after it, which a line break
    /// left in the text would break), and an example line is never broken (the line after an
    /// indented line is indented too, or blank).
    func testHelpParagraphsAreWrappedCleanly() throws {
        let commands = try subcommands()
        XCTAssertEqual(commands, ["check", "report", "compare", "site", "export", "plan", "extract", "form", "import", "consolidate"])
        for command in [""] + commands {
            for width in [80, 200] {
                let label = "chitieu \(command) --help at \(width) columns"
                let r = try run((command.isEmpty ? [] : [command]) + ["--help"], environment: ["COLUMNS": "\(width)"])
                XCTAssertEqual(r.status, 0, r.stderr)
                let top = try XCTUnwrap(r.stdout.components(separatedBy: "\nUSAGE:").first)
                let lines = top.components(separatedBy: "\n")
                XCTAssertTrue(lines.contains("Examples:") || lines.contains("Example:"), "\(label): \(top)")
                var prose = 0
                for (line, next) in zip(lines, lines.dropFirst()) where !line.isEmpty && !next.isEmpty {
                    XCTAssertLessThanOrEqual(line.count, width, "\(label): \(line)")
                    if line.hasPrefix(" ") {
                        XCTAssertTrue(next.hasPrefix(" "), "\(label): the example “\(line)” is broken before “\(next)”")
                    } else if !next.hasPrefix(" ") {
                        // The parser breaks at the last space of the next `width` characters.
                        let word = next.prefix { $0 != " " }
                        XCTAssertGreaterThanOrEqual(line.count + 1 + word.count, width, "\(label): “\(line)” ends early: “\(word)” fits after it")
                        prose += 1
                    }
                }
                if width == 80 { XCTAssertGreaterThan(prose, 0, "\(label): a paragraph over several lines is checked") }
            }
        }
    }

    /// An option's default is said once: the parser adds "(default: …)" to the help of an option
    /// with a default value, so the help text does not say it too.
    func testHelpSaysEachDefaultOnce() throws {
        for command in try subcommands() {
            let r = try run([command, "--help"], environment: ["COLUMNS": "200"])
            XCTAssertEqual(r.status, 0, r.stderr)
            for line in r.stdout.components(separatedBy: "\n") {
                let defaults = line.components(separatedBy: "(default: ").dropFirst().map { $0.prefix { $0 != ")" } }
                XCTAssertEqual(Set(defaults).count, defaults.count, "\(command): \(line)")
            }
        }
    }
}
