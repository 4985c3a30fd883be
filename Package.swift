// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Releve",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "releve", targets: ["releve"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", exact: "2.0.1"),
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
    ],
    targets: [
        .systemLibrary(name: "CNcursesW", path: "Sources/CNcursesW"),
        .target(name: "Domain", path: "Sources/Domain"),
        .target(
            name: "Store",
            dependencies: ["Domain", .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "Crypto", package: "swift-crypto"),
                           .product(name: "_CryptoExtras", package: "swift-crypto")],
            path: "Sources/Store"),
        .target(name: "Documents", dependencies: ["Domain"], path: "Sources/Documents"),
        .target(
            name: "TUI",
            dependencies: ["Domain", "CNcursesW", .product(name: "TOMLKit", package: "TOMLKit")],
            path: "Sources/TUI"),
        .executableTarget(
            name: "releve",
            dependencies: [
                "Domain", "Store", "TUI", "Documents",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/releve"),
        .testTarget(
            name: "DomainTests",
            dependencies: ["Domain", .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(
            name: "StoreTests",
            dependencies: ["Domain", "Store", .product(name: "GRDB", package: "GRDB.swift")],
            resources: [.copy("Fixtures")]),
        .testTarget(name: "TUITests", dependencies: ["TUI", "Domain"]),
        .testTarget(name: "DocumentsTests", dependencies: ["Documents", "Domain"]),
        // What the command-line and end-to-end tests share: the built binary, tmux, the demo.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "CLITests", dependencies: ["Domain", "Store", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "EndToEndTests", dependencies: ["TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
