// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Duban",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "duban", targets: ["duban"]),
        .library(name: "DubanCore", targets: ["DubanCore"]),
        .library(name: "DubanFormats", targets: ["DubanFormats"]),
        .library(name: "DubanServer", targets: ["DubanServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/leaf.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/leaf-kit.git", from: "1.14.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        // Tests only: reads the OpenAPI document to compare it with the registered routes.
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
    ],
    targets: [
        .target(name: "DubanCore"),
        .target(
            name: "DubanFormats",
            dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .target(
            name: "DubanServer",
            dependencies: [
                "DubanCore",
                "DubanFormats",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Leaf", package: "leaf"),
                // duban bench hostile builds a ZIP bomb to prove the reader's limit.
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "LeafKit", package: "leaf-kit"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            exclude: [
                "Features/README.md", "Features/Scoring/README.md",
                "Features/Bulletins/README.md", "Features/Exports/README.md", "Features/Cascade/README.md",
            ],
            resources: [.copy("Resources")]
        ),
        .executableTarget(name: "duban", dependencies: ["DubanServer"]),
        // The reader and parser under libFuzzer (scripts/fuzz.sh), and their regression test.
        .target(name: "DubanFuzzing", dependencies: ["DubanCore", "DubanFormats"]),
        .executableTarget(name: "duban-fuzz", dependencies: ["DubanFuzzing"]),
        .testTarget(
            name: "DubanCoreTests", dependencies: ["DubanCore", "DubanFormats", "DubanFuzzing"],
            exclude: ["Fixtures", "SeedExpectations", "CorpusExpectations"]),
        .testTarget(
            name: "DubanFormatsTests",
            dependencies: ["DubanFormats", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "DubanServerTests",
            dependencies: [
                "DubanServer", "DubanFormats", .product(name: "VaporTesting", package: "vapor"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
    ]
)
