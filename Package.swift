// swift-tools-version:6.0
import PackageDescription

/// `STORYDIFF_FUZZ=1 swift build --product storydiff-fuzz` (scripts/fuzz) instruments the engine for
/// libFuzzer and links the fuzzer; nothing else is built that way.
let fuzzing = Context.environment["STORYDIFF_FUZZ"] != nil
let fuzzCompile: [SwiftSetting] = fuzzing ? [.unsafeFlags(["-sanitize=fuzzer"])] : []

let package = Package(
    name: "storydiff",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "storydiff", targets: ["storydiff"]),
        .library(name: "StoryCore", targets: ["StoryCore"]),
    ],
    dependencies: [
        // Command-line parsing, help and usage errors (see README, "Dependencies").
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Theme files are TOML (see README, "Themes").
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // Embeds samples/ (StoryCore) and Themes/ (StoryUI) at build time: one source, no files needed beside the binary.
        .executableTarget(name: "embed-files", path: "Sources/embed-files"),
        .plugin(name: "EmbedFiles", capability: .buildTool(), dependencies: ["embed-files"]),
        // Signal handlers in C (async-signal-safe): restore the terminal, remove a report's temporary file.
        .target(name: "CSignalGuard", path: "Sources/CSignalGuard"),
        .target(name: "StoryCore", dependencies: ["CLibXML2", "CStemmer", "CSignalGuard"], swiftSettings: fuzzCompile, plugins: ["EmbedFiles"]),
        .target(
            name: "StoryUI",
            dependencies: ["StoryCore", .product(name: "TOMLKit", package: "TOMLKit")],
            swiftSettings: fuzzCompile,
            plugins: ["EmbedFiles"]
        ),
        // ncursesw (Debian libncursesw5-dev): the terminal backend draws and reads keys through it.
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw", providers: [.apt(["libncursesw5-dev"])]),
        .target(name: "StoryTerminal", dependencies: ["StoryUI", "CNcursesw", "CSignalGuard"]),
        // libxml2 (Debian libxml2-dev): the HTML parser that reads saved web pages (and the tests' reports).
        .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // Snowball's stemmers (Debian libstemmer-dev): the English stemmer gives words their matching stem.
        .systemLibrary(name: "CStemmer", path: "Sources/CStemmer", providers: [.apt(["libstemmer-dev"])]),
        // libcurl (Debian libcurl4-openssl-dev): fetches the pages of `storydiff URL URL`.
        .systemLibrary(name: "CLibCurl", path: "Sources/CLibCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        // Fetching: bytes, the final URL and the server's charset, handed to StoryCore's reader as a file's would be.
        .target(name: "StoryFetch", dependencies: ["CLibCurl"]),
        .executableTarget(
            name: "storydiff",
            dependencies: [
                "StoryCore",
                "StoryFetch",
                "StoryUI",
                "StoryTerminal",
                "CSignalGuard",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Release-mode timing of the engine on the sample pair (see README, "Performance").
        .executableTarget(name: "storydiff-bench", dependencies: ["StoryCore", "StoryUI", "StoryProse"]),
        // Seeded news-like prose with the names, numbers, quotes and hostile characters real pages
        // carry, and a check that runs it through every command path (tests, fuzzer, benchmark).
        .target(name: "StoryProse", dependencies: ["StoryCore", "StoryUI"]),
        // libFuzzer target (scripts/fuzz builds it with -sanitize=fuzzer); otherwise it replays files.
        .executableTarget(
            name: "storydiff-fuzz",
            dependencies: ["StoryCore", "StoryUI", "StoryProse"],
            swiftSettings: fuzzing ? [.unsafeFlags(["-sanitize=fuzzer", "-parse-as-library", "-DFUZZING"])] : [],
            linkerSettings: fuzzing ? [.unsafeFlags(["-sanitize=fuzzer", "-use-ld=lld"])] : []
        ),
        .testTarget(
            name: "StoryCoreTests",
            dependencies: ["StoryCore", "CLibXML2", "StoryProse"],
            exclude: ["Snapshots"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "StoryUITests",
            dependencies: ["StoryUI", "StoryCore"],
            exclude: ["Screens"]
        ),
        .testTarget(
            name: "storydiffTests",
            // The executable is a dependency so that it is built before its end-to-end tests run.
            dependencies: ["StoryCore", "storydiff"],
            // A local HTTP server for the URL tests (python3), run from the source tree.
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
