// swift-tools-version:6.1
//
// BackpropLab: chapter 1 (and the backprop of chapter 2) of Michael Nielsen's
// "Neural Networks and Deep Learning", as a Swift package you can run and check.
//
// One library target per concern; executables are thin shells over them.

import PackageDescription

let argumentParser: Target.Dependency = .product(name: "ArgumentParser", package: "swift-argument-parser")

/// A command-line tool: a thin `@main` shell over the libraries it names.
func tool(_ name: String, path: String? = nil, _ libraries: [Target.Dependency]) -> Target {
    .executableTarget(name: name, dependencies: libraries + ["CommandLineSupport", argumentParser], path: path)
}

let libraries: [Target] = [
    /// The textbook engine: `Network`, sigmoid, costs, backprop (BP1–BP4), SGD, model files.
    .target(name: "BackpropEngine"),

    /// The one C library: zlib, for reading `.gz` data and writing PNG.
    .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
    /// Swift wrappers over zlib: gunzip, deflate, CRC-32.
    .target(name: "Zlib", dependencies: ["CZlib"]),

    /// Output for people: aligned tables, terminal detection, PNG and SVG pictures.
    .target(name: "Rendering", dependencies: ["Zlib"]),

    /// What every executable shares: parsing `--sizes`, `--cost`, `--seed`, `--format`.
    .target(name: "CommandLineSupport", dependencies: ["BackpropEngine", "FastEngine", "Rendering", argumentParser]),

    /// Gradient checking: backprop against finite differences, the bug zoo, the report.
    .target(name: "GradientChecking", dependencies: ["BackpropEngine", "Rendering"]),

    /// A second oracle: the cost as a differentiable Swift function, differentiated by
    /// the compiler (`import _Differentiation`). Shares no code with backprop; only
    /// `gradcheck` (and its tests) depend on it.
    .target(name: "AutodiffOracle"),

    /// One backpropagation shown equation by equation (BP1–BP4): text, Markdown, LaTeX, JSON.
    .target(name: "BackpropTrace", dependencies: ["BackpropEngine", "Rendering", "GradientChecking"]),

    /// Chapter 1's perceptrons: NAND, adders, scaling, the sigmoid limit, the 4-bit layer.
    .target(name: "Perceptrons", dependencies: ["BackpropEngine", "Rendering"]),

    /// The fast engine: matrix-form mini-batch backprop over padded SIMD buffers,
    /// proven equal to BackpropEngine by FastEngineTests. Tuned for the building CPU in release.
    /// `__builtin_prefetch` for the fast engine (a header-only shim: Swift has no prefetch).
    .systemLibrary(name: "CPrefetch"),
    .target(
        name: "FastEngine",
        dependencies: ["BackpropEngine", "CPrefetch"],
        swiftSettings: [.unsafeFlags(["-target-cpu", "native"], .when(configuration: .release))]
    ),

    /// MNIST: the IDX reader, the book's split, where the data lives.
    .target(name: "Datasets", dependencies: ["BackpropEngine", "Zlib"]),
    /// `mnist download`: fetch the four MNIST files from mirrors, verify SHA-256, write atomically.
    .target(
        name: "DatasetDownload",
        dependencies: ["Datasets", "BackpropEngine", "Zlib", .product(name: "Crypto", package: "swift-crypto")]
    ),

    /// The MNIST experiments: training runs with checkpoints, evaluation, baselines, pictures.
    .target(name: "MNISTLab", dependencies: ["BackpropEngine", "FastEngine", "Rendering"]),
    /// LIBSVM, the library scikit-learn's `SVC` wraps (`libsvm-dev`); only `mnist` links it.
    .systemLibrary(name: "CLibSVM", providers: [.apt(["libsvm-dev"])]),
    /// `mnist baselines --svm`: the chapter's SVM baseline on LIBSVM (sparse MNIST, training,
    /// prediction on every core, checked model files).
    .target(name: "SVMBaseline", dependencies: ["CLibSVM", "Datasets", "MNISTLab", "Rendering"]),

    /// The demos of lessons 4 and 8: gradient descent on a bowl, mini-batch sizes,
    /// per-layer gradient norms in deep sigmoid nets, and the data they run on.
    .target(name: "GradientDemos", dependencies: ["BackpropEngine", "Datasets", "Rendering"]),

    /// The course: reading lesson files, normalising output, running lesson commands.
    .target(name: "Lessons", dependencies: ["BackpropEngine", "Rendering"]),

    /// libFuzzer entry points for the file parsers (built with -sanitize=fuzzer by Fuzz/run).
    .target(name: "FuzzTargets", dependencies: ["BackpropEngine", "Datasets"]),
]

/// Executables: (product name, target name, libraries).
let tools: [(product: String, target: Target)] = [
    ("xor", tool("xor", ["BackpropEngine", "Rendering"])),
    ("perceptrons", tool("perceptrons", ["Perceptrons", "BackpropEngine", "Rendering"])),
    ("sigmoid-limit", tool("sigmoid-limit", ["Perceptrons", "BackpropEngine", "Rendering"])),
    ("gradcheck", tool("gradcheck", ["BackpropEngine", "Rendering", "GradientChecking", "AutodiffOracle"])),
    ("backprop-trace", tool("backprop-trace", ["BackpropEngine", "BackpropTrace", "Rendering"])),
    ("mnist", tool("mnist", ["BackpropEngine", "FastEngine", "Datasets", "DatasetDownload", "Rendering", "MNISTLab", "SVMBaseline"])),
    ("mnist-data", tool("mnist-data", ["Datasets"])),
    ("gradient-descent", tool("gradient-descent", ["BackpropEngine", "GradientDemos", "Rendering"])),
    ("deep-gradients", tool("deep-gradients", ["BackpropEngine", "GradientDemos", "Rendering"])),
    /// Seconds per MNIST epoch, fast vs textbook vs NumPy, and a full run's peak memory.
    ("bench", tool("bench", ["BackpropEngine", "FastEngine", "Datasets", "Rendering"])),
    /// `lessons`: lists the lessons, runs one lesson's commands.
    ("lessons", tool("LessonsTool", ["Lessons", "Rendering"])),
]

let tests: [Target] = [
    .testTarget(name: "BackpropEngineTests", dependencies: ["BackpropEngine"]),
    .testTarget(name: "ZlibTests", dependencies: ["Zlib"]),
    .testTarget(name: "RenderingTests", dependencies: ["Rendering", "Zlib"]),
    .testTarget(name: "CommandLineSupportTests", dependencies: ["CommandLineSupport"]),
    .testTarget(name: "GradientCheckingTests", dependencies: ["GradientChecking", "BackpropEngine"]),
    .testTarget(name: "AutodiffOracleTests", dependencies: ["AutodiffOracle", "GradientChecking", "BackpropEngine"]),
    .testTarget(
        name: "BackpropTraceTests",
        dependencies: ["BackpropTrace", "BackpropEngine", "backprop-trace"],
        exclude: ["Golden"]
    ),
    .testTarget(name: "PerceptronsTests", dependencies: ["Perceptrons", "BackpropEngine", "Rendering"]),
    .testTarget(name: "FastEngineTests", dependencies: ["FastEngine", "BackpropEngine", "GradientChecking"]),
    .testTarget(name: "DatasetsTests", dependencies: ["Datasets", "BackpropEngine", "Zlib"]),
    .testTarget(name: "DatasetDownloadTests", dependencies: ["DatasetDownload", "Datasets", "Zlib"]),
    .testTarget(name: "MNISTLabTests", dependencies: ["MNISTLab", "BackpropEngine", "Datasets"]),
    /// The SVM baseline on a few hundred real digits, its model files, and `mnist baselines --svm`.
    .testTarget(name: "SVMBaselineTests", dependencies: ["SVMBaseline", "Datasets", "BackpropEngine", "mnist"]),
    .testTarget(name: "GradientDemosTests", dependencies: ["GradientDemos", "BackpropEngine"]),
    /// Parser and normaliser unit tests, and the doc-test that runs every lesson command.
    .testTarget(name: "LessonsTests", dependencies: ["Lessons"]),
    /// Issue 9's catalogue of broken files and bad flags, run against the built executables.
    .testTarget(name: "BadInputTests", dependencies: ["Lessons", "Zlib"]),
    .testTarget(name: "FuzzTargetsTests", dependencies: ["FuzzTargets"], exclude: ["Regressions"]),
]

let package = Package(
    name: "BackpropLab",
    products: [
        .library(name: "BackpropEngine", targets: ["BackpropEngine"]),
        .library(name: "GradientChecking", targets: ["GradientChecking"]),
        .library(name: "FastEngine", targets: ["FastEngine"]),
        .library(name: "Datasets", targets: ["Datasets"]),
    ] + tools.map { .executable(name: $0.product, targets: [$0.target.name]) },
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: libraries + tools.map(\.target) + tests,
    swiftLanguageModes: [.v6]
)
