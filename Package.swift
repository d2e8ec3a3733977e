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
        .library(name: "FastEngine", targets: ["FastEngine"]),
        .library(name: "Datasets", targets: ["Datasets"]),
        .library(name: "DatasetDownload", targets: ["DatasetDownload"]),
        .library(name: "MNISTLab", targets: ["MNISTLab"]),
        .executable(name: "xor", targets: ["xor"]),
        .executable(name: "mnist-data", targets: ["mnist-data"]),
        .executable(name: "mnist", targets: ["mnist"]),
        .executable(name: "bench", targets: ["bench"]),
        .library(name: "GradientChecking", targets: ["GradientChecking"]),
        .library(name: "AutodiffOracle", targets: ["AutodiffOracle"]),
        .executable(name: "gradcheck", targets: ["gradcheck"]),
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

        /// The fast engine: matrix-form mini-batch backprop over padded SIMD buffers,
        /// proven equal to BackpropEngine by FastEngineTests.
        .target(
            name: "FastEngine",
            dependencies: ["BackpropEngine"],
            swiftSettings: [.unsafeFlags(["-target-cpu", "native"], .when(configuration: .release))]
        ),
        /// MNIST: the IDX reader, the book's split, where the data lives.
        .target(name: "Datasets", dependencies: ["BackpropEngine", "Zlib"]),
        /// `mnist download`: fetch the four MNIST files from mirrors, verify SHA-256, write atomically.
        .target(
            name: "DatasetDownload",
            dependencies: ["Datasets", "BackpropEngine", "Zlib", .product(name: "Crypto", package: "swift-crypto")]
        ),
        /// `mnist`'s work: training runs with checkpoints, evaluation, baselines, pictures.
        .target(name: "MNISTLab", dependencies: ["BackpropEngine", "FastEngine", "Rendering"]),

        /// Gradient checking: backprop against finite differences, the bug zoo, the report.
        .target(name: "GradientChecking", dependencies: ["BackpropEngine", "Rendering"]),

        /// A second oracle: the cost as a differentiable Swift function, differentiated by
        /// the compiler (`import _Differentiation`). Shares no code with backprop; only
        /// `gradcheck` (and its tests) depend on it.
        .target(name: "AutodiffOracle"),

        // MARK: Executables

        .executableTarget(
            name: "xor",
            dependencies: [
                "BackpropEngine", "CommandLineSupport", "Rendering",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        .executableTarget(
            name: "mnist-data",
            dependencies: ["Datasets", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),

        .executableTarget(
            name: "mnist",
            dependencies: [
                "BackpropEngine", "CommandLineSupport", "Datasets", "DatasetDownload", "Rendering", "MNISTLab",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        /// Seconds per MNIST epoch, fast vs textbook vs NumPy, and a full run's peak memory.
        .executableTarget(
            name: "bench",
            dependencies: [
                "BackpropEngine", "FastEngine", "Datasets", "CommandLineSupport", "Rendering",
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

        // MARK: Tests

        .testTarget(name: "BackpropEngineTests", dependencies: ["BackpropEngine"]),
        .testTarget(name: "ZlibTests", dependencies: ["Zlib"]),
        .testTarget(name: "RenderingTests", dependencies: ["Rendering", "Zlib"]),
        .testTarget(name: "CommandLineSupportTests", dependencies: ["CommandLineSupport"]),
        .testTarget(name: "FastEngineTests", dependencies: ["FastEngine", "BackpropEngine", "GradientChecking"]),
        .testTarget(name: "DatasetsTests", dependencies: ["Datasets", "BackpropEngine", "Zlib"]),
        .testTarget(name: "DatasetDownloadTests", dependencies: ["DatasetDownload", "Datasets", "Zlib"]),
        .testTarget(name: "MNISTLabTests", dependencies: ["MNISTLab", "BackpropEngine", "Datasets"]),
        .testTarget(name: "GradientCheckingTests", dependencies: ["GradientChecking", "BackpropEngine"]),
        .testTarget(name: "AutodiffOracleTests", dependencies: ["AutodiffOracle", "GradientChecking", "BackpropEngine"]),
    ],
    swiftLanguageModes: [.v6]
)
