// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "Waymark",
    // Linux only (the sources import Glibc and link ncursesw): no Apple platform is claimed.
    products: [
        .executable(name: "waymark", targets: ["waymark"]),
        .library(name: "Safeguard", targets: ["Safeguard"]),
        .library(name: "ChatCore", targets: ["ChatCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(
            url: "https://github.com/apple/swift-configuration", from: "1.4.0",
            traits: [.defaults, "YAML"]),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: [
        // MARK: - C shims
        .systemLibrary(
            name: "CNcursesw",
            path: "Sources/CNcursesw",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"]), .yum(["ncurses-devel"]), .brew(["ncurses"])]
        ),
        .target(name: "CWidth"),

        // MARK: - Libraries
        // Optimised in debug builds too: the contextual encoder's matrix products are ~50× slower
        // unoptimised, and `swift test` runs the shipped engine over thousands of messages.
        .target(name: "Safeguard", swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        .target(
            name: "ChatCore",
            dependencies: ["Safeguard", .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "OpenAIResponder", dependencies: ["ChatCore"]),
        .target(
            name: "CommandResponder",
            dependencies: ["ChatCore", .product(name: "Subprocess", package: "swift-subprocess")]),
        .target(name: "TerminalUI", dependencies: ["ChatCore", "CWidth"]),
        .target(name: "NcursesTerminal", dependencies: ["TerminalUI", "CNcursesw"]),
        .target(
            name: "WaymarkConfig",
            dependencies: [
                "ChatCore", "OpenAIResponder", "CommandResponder",
                .product(name: "Configuration", package: "swift-configuration"),
            ]),
        .target(
            name: "WaymarkStore",
            dependencies: [
                "ChatCore", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]),
        .target(name: "WaymarkReview", dependencies: ["ChatCore"]),
        .target(name: "WaymarkTesting", dependencies: ["ChatCore", "TerminalUI"]),
        // Test-only: the `.ownThread` trait (imports Testing, so kept out of WaymarkTesting,
        // which waymark-bench links).
        .target(name: "WaymarkTestTraits"),

        // MARK: - Executables
        .executableTarget(
            name: "waymark",
            dependencies: [
                "Safeguard", "ChatCore", "OpenAIResponder", "CommandResponder", "TerminalUI",
                "NcursesTerminal", "WaymarkConfig", "WaymarkStore", "WaymarkReview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(name: "waymark-store-probe", dependencies: ["WaymarkStore"]),
        .executableTarget(
            name: "waymark-bench",
            dependencies: [
                "Safeguard", "ChatCore", "OpenAIResponder", "CommandResponder", "TerminalUI",
                "WaymarkTesting",
            ]),

        // MARK: - Tests
        .testTarget(
            name: "SafeguardTests", dependencies: ["Safeguard", "WaymarkTesting", "WaymarkTestTraits"]),
        .testTarget(
            name: "ChatCoreTests", dependencies: ["ChatCore", "WaymarkTesting", "WaymarkTestTraits"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "WaymarkTesting"]),
        .testTarget(
            name: "OpenAIResponderTests",
            dependencies: ["OpenAIResponder", "WaymarkTesting", "WaymarkTestTraits"],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "CommandResponderTests", dependencies: ["CommandResponder", "WaymarkTesting"],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "WaymarkStoreTests", dependencies: ["WaymarkStore", "WaymarkTesting", "WaymarkTestTraits"]),
        .testTarget(
            name: "WaymarkReviewTests",
            dependencies: ["WaymarkReview", "WaymarkTesting", "WaymarkTestTraits"]),
        .testTarget(
            name: "WaymarkCLITests",
            dependencies: [
                "ChatCore", "Safeguard", "WaymarkConfig", "WaymarkTesting", "WaymarkTestTraits",
            ]),
    ],
    swiftLanguageModes: [.v6]
)
