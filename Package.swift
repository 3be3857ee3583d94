// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "vocan",
    products: [
        .executable(name: "vocan", targets: ["vocan"]),
        .library(name: "VocanCore", targets: ["VocanCore"]),
        .library(name: "VocanIO", targets: ["VocanIO"]),
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
        // The lexicons/ folder embedded as Swift source at build time, so the binary runs from anywhere.
        .target(name: "VocanLexicons", plugins: ["EmbedLexicons"]),
        .executableTarget(name: "LexiconEmbedder"),
        .plugin(name: "EmbedLexicons", capability: .buildTool(), dependencies: ["LexiconEmbedder"]),
        // The engine: feedback model, lexicons, sentiment, emotions, signals. Pure values, no I/O.
        .target(name: "VocanCore", dependencies: ["VocanText", "VocanLexicons"]),
        // Readers and writers at the edge.
        .target(name: "VocanIO", dependencies: ["VocanCore"]),
        .executableTarget(
            name: "vocan",
            dependencies: [
                "VocanCore", "VocanIO",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "VocanTextTests", dependencies: ["VocanText"]),
        .testTarget(name: "VocanCoreTests", dependencies: ["VocanCore", "VocanLexicons"]),
        .testTarget(
            name: "VocanIOTests", dependencies: ["VocanIO"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
