// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "vocan",
    products: [
        .executable(name: "vocan", targets: ["vocan"]),
        .library(name: "VocanCore", targets: ["VocanCore"]),
        .library(name: "VocanIO", targets: ["VocanIO"]),
        .library(name: "VocanLexicons", targets: ["VocanLexicons"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The system ICU (libicu-dev): module map and inline shims, nothing else.
        .systemLibrary(
            name: "CICU",
            pkgConfig: "icu-uc icu-i18n",
            providers: [.apt(["libicu-dev"])]
        ),
        // ICU bridge: segmentation, normalization, folding. Must not import Foundation (its ICU clashes).
        .target(name: "VocanText", dependencies: ["CICU"]),
        // The engine: feedback model, lexicons, sentiment, emotions, signals. Pure values, no I/O.
        .target(name: "VocanCore", dependencies: ["VocanText"]),
        // The lexicons/ folder compiled at build time into Swift source (texts and engine image), so the
        // binary runs from anywhere and loads its engine in milliseconds.
        .target(name: "VocanLexicons", dependencies: ["VocanCore"], plugins: ["EmbedLexicons"]),
        .executableTarget(name: "LexiconCompiler", dependencies: ["VocanCore"]),
        .plugin(name: "EmbedLexicons", capability: .buildTool(), dependencies: ["LexiconCompiler"]),
        // Readers and writers at the edge.
        .target(name: "VocanIO", dependencies: ["VocanCore"]),
        .executableTarget(
            name: "vocan",
            dependencies: [
                "VocanCore", "VocanIO", "VocanLexicons",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "VocanTextTests", dependencies: ["VocanText"]),
        .testTarget(name: "VocanCoreTests", dependencies: ["VocanCore", "VocanLexicons"]),
        .testTarget(
            name: "VocanIOTests", dependencies: ["VocanIO", "VocanLexicons"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
