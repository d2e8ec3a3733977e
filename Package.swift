// swift-tools-version:6.1
//
// BackpropLab: chapter 1 (and the backprop of chapter 2) of Michael Nielsen's
// "Neural Networks and Deep Learning", as a Swift package you can run and check.
//
// One library target per concern; executables are thin shells over them.

import PackageDescription

let package = Package(
    name: "BackpropLab",
    products: [
        .library(name: "BackpropEngine", targets: ["BackpropEngine"]),
        .library(name: "Zlib", targets: ["Zlib"]),
        .library(name: "Rendering", targets: ["Rendering"]),
        .library(name: "CommandLineSupport", targets: ["CommandLineSupport"]),
        .library(name: "Datasets", targets: ["Datasets"]),
        .library(name: "DatasetDownload", targets: ["DatasetDownload"]),
        .executable(name: "xor", targets: ["xor"]),
        .library(name: "Perceptrons", targets: ["Perceptrons"]),
        .executable(name: "perceptrons", targets: ["perceptrons"]),
        .executable(name: "sigmoid-limit", targets: ["sigmoid-limit"]),
        .library(name: "BackpropTrace", targets: ["BackpropTrace"]),
        .executable(name: "backprop-trace", targets: ["backprop-trace"]),
        .library(name: "GradientChecking", targets: ["GradientChecking"]),
        .library(name: "AutodiffOracle", targets: ["AutodiffOracle"]),
        .executable(name: "gradcheck", targets: ["gradcheck"]),
        .executable(name: "mnist-data", targets: ["mnist-data"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // MARK: Libraries

        /// The textbook engine: `Network`, sigmoid, costs, backprop (BP1–BP4), SGD, model files.
        .target(name: "BackpropEngine"),

        /// The one C library: zlib, for reading `.gz` data and writing PNG.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        /// Swift wrappers over zlib: gunzip, deflate, CRC-32.
        .target(name: "Zlib", dependencies: ["CZlib"]),

        /// Output for people: aligned tables, terminal detection, PNG and SVG pictures.
        .target(name: "Rendering", dependencies: ["Zlib"]),

        /// What every executable shares: parsing `--sizes`, `--cost`, `--seed` and friends.
        .target(
            name: "CommandLineSupport",
            dependencies: [
                "BackpropEngine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        /// Chapter 1's perceptrons: NAND, adders, scaling, the sigmoid limit, the 4-bit layer.
        .target(name: "Perceptrons", dependencies: ["BackpropEngine", "Rendering"]),
        /// One backpropagation shown equation by equation (BP1–BP4): text, Markdown, LaTeX, JSON.
        .target(name: "BackpropTrace", dependencies: ["BackpropEngine", "Rendering", "GradientChecking"]),

        /// Gradient checking: backprop against finite differences, the bug zoo, the report.
        .target(name: "GradientChecking", dependencies: ["BackpropEngine", "Rendering"]),

        /// A second oracle: the cost as a differentiable Swift function, differentiated by
        /// the compiler (`import _Differentiation`). Shares no code with backprop; only
        /// `gradcheck` (and its tests) depend on it.
        .target(name: "AutodiffOracle"),
        /// MNIST: the IDX reader, the book's split, where the data lives.
        .target(name: "Datasets", dependencies: ["BackpropEngine", "Zlib"]),
        /// `mnist download`: fetch the four MNIST files from mirrors, verify SHA-256, write atomically.
        .target(
            name: "DatasetDownload",
            dependencies: ["Datasets", "BackpropEngine", "Zlib", .product(name: "Crypto", package: "swift-crypto")]
        ),

        // MARK: Executables

        .executableTarget(
            name: "xor",
            dependencies: [
                "BackpropEngine", "CommandLineSupport", "Rendering",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        .executableTarget(
            name: "perceptrons",
            dependencies: [
                "Perceptrons", "BackpropEngine", "CommandLineSupport", "Rendering",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "sigmoid-limit",
            dependencies: [
                "Perceptrons", "BackpropEngine", "CommandLineSupport", "Rendering",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "backprop-trace",
            dependencies: [
                "BackpropEngine", "BackpropTrace", "CommandLineSupport", "Rendering",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        .executableTarget(
            name: "gradcheck",
            dependencies: [
                "BackpropEngine", "CommandLineSupport", "Rendering", "GradientChecking", "AutodiffOracle",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "mnist-data",
            dependencies: ["Datasets", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // MARK: Fuzz targets (see Fuzz/run)

        /// libFuzzer entry points for the file parsers (built by Fuzz/run).
        .target(name: "FuzzTargets", dependencies: ["BackpropEngine", "Datasets"]),

        // MARK: Tests

        .testTarget(name: "BackpropEngineTests", dependencies: ["BackpropEngine"]),
        .testTarget(name: "ZlibTests", dependencies: ["Zlib"]),
        .testTarget(name: "RenderingTests", dependencies: ["Rendering", "Zlib"]),
        .testTarget(name: "CommandLineSupportTests", dependencies: ["CommandLineSupport"]),
        .testTarget(name: "PerceptronsTests", dependencies: ["Perceptrons", "BackpropEngine", "Rendering"]),
        .testTarget(
            name: "BackpropTraceTests",
            dependencies: ["BackpropTrace", "BackpropEngine", "backprop-trace"],
            exclude: ["Golden"]
        ),
        .testTarget(name: "GradientCheckingTests", dependencies: ["GradientChecking", "BackpropEngine"]),
        .testTarget(name: "AutodiffOracleTests", dependencies: ["AutodiffOracle", "GradientChecking", "BackpropEngine"]),
        .testTarget(name: "DatasetsTests", dependencies: ["Datasets", "BackpropEngine", "Zlib"]),
        .testTarget(name: "DatasetDownloadTests", dependencies: ["DatasetDownload", "Datasets", "Zlib"]),
        .testTarget(name: "FuzzTargetsTests", dependencies: ["FuzzTargets"], exclude: ["Regressions"]),
    ],
    swiftLanguageModes: [.v6]
)
