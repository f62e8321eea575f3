/// A problem in a workbook being read, with where it is: the file, then a part of the package or
/// a sheet's cell (`Sheet!C7`), printed the way compilers print (`file.xlsx:Sheet!C7: error: …`).
public struct XlsxReadError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The workbook's path as given.
    public var path: String
    /// Where in it: `Sheet!C7`, a sheet's name or a part (`xl/sharedStrings.xml`); nil for the whole file.
    public var place: String?
    /// What is wrong and what to do instead, in Vietnamese.
    public var message: String

    /// An error at a place in a workbook.
    public init(path: String, place: String?, _ message: String) {
        self.path = path
        self.place = place
        self.message = message
    }

    /// `file.xlsx:Sheet!C7: error: …`.
    public var description: String {
        if let place { return "\(path):\(place): error: \(message)" }
        return "\(path): error: \(message)"
    }
}
