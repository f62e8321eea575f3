import ChiTieuCore
import Foundation
import XCTest

/// Path arithmetic by text: every shape of path has a folder and a name, and none traps
/// (Foundation's `deletingLastPathComponent` trapped on a one-word relative folder, issue 15).
final class PathTextTests: XCTestCase {
    func testEveryShapeHasAFolder() {
        let cases: [(String, String)] = [
            ("T", "."), (".", "."), ("..", "."), ("/", "/"), ("", "."), ("x.yaml", "."),
            ("T/", "."), ("a/b", "a"), ("a/b/", "a"), ("/b", "/"), ("//", "/"), ("a//b", "a"), ("/a/b/c.yaml", "/a/b"),
        ]
        for (path, folder) in cases { XCTAssertEqual(PathText.folder(of: path), folder, "folder of '\(path)'") }
    }

    func testEveryShapeHasALastName() {
        let cases: [(String, String)] = [
            ("T", "T"), (".", "."), ("..", ".."), ("/", "/"), ("", ""), ("x.yaml", "x.yaml"), ("T/", "T"), ("a/b.yaml", "b.yaml"),
        ]
        for (path, name) in cases { XCTAssertEqual(PathText.lastName(of: path), name, "last name of '\(path)'") }
    }

    func testAbsolutePathsTakeOutDotsByText() {
        XCTAssertEqual(PathText.absolute("/a/./b/../c//d/"), "/a/c/d")
        XCTAssertEqual(PathText.absolute("/.."), "/")
        XCTAssertEqual(PathText.absolute("/"), "/")
        let here = PathText.absolute("")
        XCTAssertTrue(here.hasPrefix("/"), here)
        XCTAssertEqual(PathText.absolute("."), here)
        XCTAssertEqual(PathText.absolute("T"), here == "/" ? "/T" : here + "/T")
        XCTAssertEqual(PathText.absolute(".."), PathText.folder(of: here))
    }
}
