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
        .executable(name: "xor", targets: ["xor"]),
        .library(name: "Lessons", targets: ["Lessons"]),
        .executable(name: "lessons", targets: ["LessonsTool"]),
        .library(name: "GradientDemos", targets: ["GradientDemos"]),
        .executable(name: "gradient-descent", targets: ["gradient-descent"]),
        .executable(name: "deep-gradients", targets: ["deep-gradients"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
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

        /// The course: reading lesson files, normalising output, running lesson commands.
        .target(name: "Lessons", dependencies: ["BackpropEngine", "Rendering"]),

        /// MNIST: the IDX reader, the book's split, where the data lives.
        .target(name: "Datasets", dependencies: ["BackpropEngine", "Zlib"]),

        /// The demos of lessons 4 and 8: gradient descent on a bowl, mini-batch sizes,
        /// per-layer gradient norms in deep sigmoid nets, and the data they run on.
        .target(name: "GradientDemos", dependencies: ["BackpropEngine", "Datasets", "Rendering"]),

        // MARK: Executables

        .executableTarget(
            name: "xor",
            dependencies: [
                "BackpropEngine", "CommandLineSupport", "Rendering",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        /// `lessons`: lists the lessons, runs one lesson's commands (`Sources/LessonsTool`).
        .executableTarget(
            name: "LessonsTool",
            dependencies: [
                "Lessons", "Rendering",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        .executableTarget(
            name: "gradient-descent",
            dependencies: [
                "BackpropEngine", "CommandLineSupport", "GradientDemos", "Rendering",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "deep-gradients",
            dependencies: [
                "BackpropEngine", "CommandLineSupport", "GradientDemos", "Rendering",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: Tests

        .testTarget(name: "BackpropEngineTests", dependencies: ["BackpropEngine"]),
        .testTarget(name: "ZlibTests", dependencies: ["Zlib"]),
        .testTarget(name: "RenderingTests", dependencies: ["Rendering", "Zlib"]),
        .testTarget(name: "CommandLineSupportTests", dependencies: ["CommandLineSupport"]),
        /// Parser and normaliser unit tests, and the doc-test that runs every lesson command.
        .testTarget(name: "LessonsTests", dependencies: ["Lessons"]),
        .testTarget(name: "GradientDemosTests", dependencies: ["GradientDemos", "BackpropEngine"]),
        .testTarget(name: "DatasetsTests", dependencies: ["Datasets", "BackpropEngine", "Zlib"]),
    ],
    swiftLanguageModes: [.v6]
)
