// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "chitieu",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "chitieu", targets: ["chitieu"]),
        .library(name: "ChiTieuCore", targets: ["ChiTieuCore"]),
        .library(name: "ChiTieuLoad", targets: ["ChiTieuLoad"]),
        .library(name: "ChiTieuReport", targets: ["ChiTieuReport"]),
        .library(name: "ChiTieuExport", targets: ["ChiTieuExport"]),
        .library(name: "XlsxRead", targets: ["XlsxRead"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .target(name: "ChiTieuCore"),
        .target(name: "ChiTieuLoad", dependencies: ["ChiTieuCore", "Yams"]),
        .systemLibrary(name: "CXlsxWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
        .target(name: "Xlsx", dependencies: ["CXlsxWriter"]),
        .target(name: "Docx", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(name: "ChiTieuReport", dependencies: ["ChiTieuCore", "Xlsx", "Docx"]),
        // Reading workbooks back: ZIPFoundation for the package, FoundationXML's streaming parser for the parts.
        .target(name: "XlsxRead", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(name: "ChiTieuForms", dependencies: ["ChiTieuCore", "ChiTieuLoad", "Xlsx", "XlsxRead"]),
        .target(name: "ChiTieuExport", dependencies: ["ChiTieuCore", .product(name: "GRDB", package: "GRDB.swift")]),
        .executableTarget(
            name: "chitieu",
            dependencies: [
                "ChiTieuCore", "ChiTieuLoad", "ChiTieuReport", "ChiTieuExport", "ChiTieuForms",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ChiTieuCoreTests", dependencies: ["ChiTieuCore"], exclude: ["Fixtures"]),
        .testTarget(name: "ChiTieuLoadTests", dependencies: ["ChiTieuLoad", "ChiTieuCore"]),
        .testTarget(
            name: "ChiTieuReportTests",
            dependencies: [
                "ChiTieuReport", "ChiTieuLoad", "ChiTieuCore", "Xlsx", "Docx",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["Golden", "Fixtures"]
        ),
        .testTarget(name: "ChiTieuExportTests", dependencies: ["ChiTieuExport", "ChiTieuLoad", "ChiTieuCore", "ChiTieuReport"]),
        .testTarget(name: "XlsxTests", dependencies: ["Xlsx", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "DocxTests", dependencies: ["Docx", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "ChiTieuFormsTests", dependencies: ["ChiTieuForms", "ChiTieuLoad", "ChiTieuCore", "XlsxRead", "Xlsx"]),
        .testTarget(name: "XlsxReadTests", dependencies: ["XlsxRead", "Xlsx", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "ChiTieuCLITests", dependencies: ["chitieu"]),
    ]
)
