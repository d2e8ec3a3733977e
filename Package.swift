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
    .executableTarget(name: name, dependencies: libraries + ["CommandLineSupport", "Localization", argumentParser], path: path)
}

let libraries: [Target] = [
    /// The one JSON writer: shortest round-trip Doubles, insertion key order, pretty and
    /// compact forms, NaN/±∞ as the strings "NaN"/"Infinity"/"-Infinity".
    .target(name: "JSONOutput"),

    /// Files written whole or not at all (`AtomicFile`) and the one file error (`FileError`).
    .target(name: "Files"),

    /// The textbook engine: `Network`, sigmoid, costs, backprop (BP1–BP4), SGD, model files.
    .target(name: "BackpropEngine", dependencies: ["JSONOutput", "Files"]),

    /// The one C library: zlib, for reading `.gz` data and writing PNG.
    .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
    /// Swift wrappers over zlib: gunzip, deflate, CRC-32.
    .target(name: "Zlib", dependencies: ["CZlib"]),

    /// Text output: aligned tables (CJK-aware widths), terminal detection and progress, `--format text|json`.
    .target(name: "Rendering", dependencies: ["JSONOutput", "Localization"]),
    /// Pictures: PNG (deflate via zlib), SVG line plots and their raster form.
    .target(name: "Pictures", dependencies: ["Zlib", "Files"]),

    /// Which language to speak (`--lang`, else the locale), the English ↔ 中文 glossary,
    /// and terminal display width (a CJK character takes two columns).
    .target(name: "Localization"),

    /// What every executable shares: parsing `--sizes`, `--cost`, `--seed`, `--format`, `--lang`.
    .target(name: "CommandLineSupport", dependencies: ["BackpropEngine", "Files", "Rendering", "Localization", argumentParser]),

    /// Gradient checking: backprop against finite differences, the bug zoo, the report.
    .target(name: "GradientChecking", dependencies: ["BackpropEngine", "Rendering", "JSONOutput", "Localization"]),

    /// A second oracle: the cost as a differentiable Swift function, differentiated by
    /// the compiler (`import _Differentiation`). Shares no code with backprop; only
    /// `gradcheck` (and its tests) depend on it.
    .target(name: "AutodiffOracle"),

    /// Running someone else's program: argv without a shell, own process group, line
    /// exchanges with deadlines, bounded stderr, SIGTERM then SIGKILL, always reaped.
    .target(name: "ChildProcess"),
    /// Checking a gradient another program computes: the JSON-lines protocol, the
    /// built-in network.py adapter, the probing suite run against a child process.
    .target(name: "ExternalGradient", dependencies: ["GradientChecking", "BackpropEngine", "AutodiffOracle", "ChildProcess", "JSONOutput"]),

    /// One backpropagation shown equation by equation (BP1–BP4): text, Markdown, LaTeX, JSON,
    /// and the classroom page (HTML) and network drawing (SVG).
    .target(name: "BackpropTrace", dependencies: ["BackpropEngine", "Rendering", "GradientChecking", "Localization", "JSONOutput"]),

    /// The classroom pages of a gradient check: per-layer heat maps of the relative error,
    /// the diagnosis, the network coloured by the errors (`gradcheck --format html`).
    .target(name: "ClassroomPages", dependencies: ["BackpropTrace", "GradientChecking", "Rendering", "Pictures"]),

    /// Chapter 1's perceptrons: NAND, adders, scaling, the sigmoid limit, the 4-bit layer.
    .target(name: "PerceptronCircuits", dependencies: ["BackpropEngine", "Rendering", "Pictures", "Localization"]),

    /// The fast engine: matrix-form mini-batch backprop over padded SIMD buffers,
    /// proven equal to BackpropEngine by FastEngineTests. Its hot loops are CKernels'.
    /// `__builtin_prefetch` for the fast engine (a header-only shim: Swift has no prefetch).
    .systemLibrary(name: "CPrefetch"),
    /// The fast engine's hot loops in C, for AVX2 + FMA and for baseline x86-64, picked
    /// at run time (no build flags: the instruction sets are function attributes).
    .target(name: "CKernels"),
    .target(name: "FastEngine", dependencies: ["BackpropEngine", "CPrefetch", "CKernels"]),

    /// MNIST: the IDX reader, the book's split, where the data lives.
    .target(name: "Datasets", dependencies: ["BackpropEngine", "Zlib", "Files"]),
    /// `mnist download`: fetch the four MNIST files from mirrors, verify SHA-256, write atomically.
    .target(
        name: "DatasetDownload",
        dependencies: ["Datasets", "BackpropEngine", "Files", "Zlib", .product(name: "Crypto", package: "swift-crypto")]
    ),

    /// The MNIST experiments: training runs with checkpoints, evaluation, baselines, pictures.
    .target(name: "MNISTLab", dependencies: ["BackpropEngine", "FastEngine", "Datasets", "Rendering", "Pictures", "Files", "JSONOutput", "Localization"]),
    /// LIBSVM, the library scikit-learn's `SVC` wraps (`libsvm-dev`); only `mnist` links it.
    .systemLibrary(name: "CLibSVM", providers: [.apt(["libsvm-dev"])]),
    /// `mnist baselines --svm`: the chapter's SVM baseline on LIBSVM (sparse MNIST, training,
    /// prediction on every core, checked model files).
    .target(name: "SVMBaseline", dependencies: ["BackpropEngine", "CLibSVM", "Datasets", "MNISTLab", "Rendering", "Files", "Localization"]),

    /// The demos of lessons 4 and 8: gradient descent on a bowl, mini-batch sizes,
    /// per-layer gradient norms in deep sigmoid nets, and the data they run on.
    .target(name: "GradientDemos", dependencies: ["BackpropEngine", "Datasets", "Rendering", "Pictures", "Localization"]),

    /// The course: reading lesson files, normalising output, running lesson commands.
    .target(name: "Course", dependencies: ["Localization", "ChildProcess"]),

    /// libFuzzer entry points for the file parsers (built with -sanitize=fuzzer by Fuzz/run).
    .target(name: "FuzzTargets", dependencies: ["BackpropEngine", "Datasets"]),
]

/// Executables: (product name, target name, libraries).
let tools: [(product: String, target: Target)] = [
    ("xor", tool("xor", ["BackpropEngine", "Rendering"])),
    ("perceptrons", tool("perceptrons", ["PerceptronCircuits", "BackpropEngine", "Rendering"])),
    ("sigmoid-limit", tool("sigmoid-limit", ["PerceptronCircuits", "BackpropEngine", "Rendering", "Pictures"])),
    ("gradcheck", tool("gradcheck", ["BackpropEngine", "Rendering", "GradientChecking", "AutodiffOracle", "ExternalGradient", "ClassroomPages"])),
    /// The worked example of the gradcheck protocol in Swift: answers with the textbook engine (or a zoo bug).
    ("backprop-server", tool("backprop-server", ["BackpropEngine", "GradientChecking", "JSONOutput"])),
    ("backprop-trace", tool("backprop-trace", ["BackpropEngine", "BackpropTrace", "Rendering", "Files"])),
    ("mnist", tool("mnist", ["BackpropEngine", "FastEngine", "Datasets", "DatasetDownload", "Rendering", "MNISTLab", "SVMBaseline"])),
    ("mnist-data", tool("mnist-data", ["Datasets"])),
    ("gradient-descent", tool("gradient-descent", ["BackpropEngine", "GradientDemos", "Pictures"])),
    ("deep-gradients", tool("deep-gradients", ["BackpropEngine", "GradientDemos", "Pictures"])),
    /// Seconds per MNIST epoch, fast vs textbook vs NumPy, and a full run's peak memory.
    ("bench", tool("bench", ["BackpropEngine", "FastEngine", "Datasets", "Rendering", "MNISTLab", "ChildProcess", "JSONOutput"])),
    /// `lessons`: lists the lessons, runs one lesson's commands.
    ("lessons", tool("lessons", ["Course", "Rendering"])),
]

let tests: [Target] = [
    /// What the test targets share (as argument-parser's `ArgumentParserTestHelpers` and
    /// swift-numerics' `_TestSupport`): the one child-process runner, built executables,
    /// temporary directories, approximate comparisons, golden files.
    .target(name: "TestSupport", dependencies: ["ChildProcess"], path: "Tests/TestSupport"),
    .testTarget(name: "TestSupportTests", dependencies: ["TestSupport"]),
    /// Golden `--help` of every tool, run on the built executables (`BACKPROPLAB_UPDATE_GOLDEN=1` rewrites them).
    .testTarget(name: "HelpTests", dependencies: ["TestSupport"], exclude: ["Golden"]),
    .testTarget(name: "BackpropEngineTests", dependencies: ["BackpropEngine", "TestSupport"]),
    /// The JSON writer's policy, and every migrated tool's `--format json` pinned by golden files.
    .testTarget(
        name: "JSONOutputTests",
        dependencies: ["JSONOutput", "BackpropTrace", "perceptrons", "sigmoid-limit", "mnist", "xor",
                       "BackpropEngine", "GradientChecking", "Rendering", "TestSupport", "gradcheck", "backprop-server", "lessons"],
        exclude: ["Golden"]
    ),
    .testTarget(name: "ZlibTests", dependencies: ["Zlib"]),
    .testTarget(name: "RenderingTests", dependencies: ["Rendering"]),
    .testTarget(name: "PicturesTests", dependencies: ["Pictures", "Zlib"]),
    .testTarget(name: "CommandLineSupportTests", dependencies: ["CommandLineSupport", "Localization"]),
    .testTarget(name: "GradientCheckingTests", dependencies: ["GradientChecking", "BackpropEngine"]),
    .testTarget(name: "AutodiffOracleTests", dependencies: ["AutodiffOracle", "GradientChecking", "BackpropEngine"]),
    .testTarget(name: "ChildProcessTests", dependencies: ["ChildProcess", "TestSupport"]),
    /// Student modules and programs checked through the built gradcheck (real python3 + NumPy).
    .testTarget(
        name: "ExternalGradientTests",
        dependencies: ["ExternalGradient", "ChildProcess", "GradientChecking", "BackpropEngine", "gradcheck", "backprop-server", "TestSupport"]
    ),
    .testTarget(
        name: "BackpropTraceTests",
        dependencies: ["BackpropTrace", "BackpropEngine", "backprop-trace", "TestSupport", "Localization", "Course"],
        exclude: ["Golden"]
    ),
    /// The classroom pages in a real headless Chromium (`Browser/drive.py`), the SVG drawing parsed as XML.
    .testTarget(
        name: "ClassroomPagesTests",
        dependencies: ["ClassroomPages", "BackpropTrace", "GradientChecking", "BackpropEngine", "backprop-trace", "gradcheck", "TestSupport"],
        exclude: ["Browser"]
    ),
    .testTarget(name: "PerceptronCircuitsTests", dependencies: ["PerceptronCircuits", "BackpropEngine", "Rendering", "Pictures", "TestSupport"]),
    .testTarget(name: "FastEngineTests", dependencies: ["FastEngine", "BackpropEngine", "GradientChecking", "TestSupport"]),
    .testTarget(name: "DatasetsTests", dependencies: ["Datasets", "BackpropEngine", "Zlib", "TestSupport"]),
    .testTarget(name: "DatasetDownloadTests", dependencies: ["DatasetDownload", "Datasets", "Zlib", "TestSupport"]),
    .testTarget(name: "MNISTLabTests", dependencies: ["MNISTLab", "BackpropEngine", "Datasets", "Rendering", "TestSupport"]),
    .testTarget(name: "GradientDemosTests", dependencies: ["GradientDemos", "BackpropEngine", "Pictures"]),
    /// The SVM baseline on a few hundred real digits, its model files, and `mnist baselines --svm`.
    .testTarget(name: "SVMBaselineTests", dependencies: ["SVMBaseline", "Datasets", "BackpropEngine", "Files", "mnist", "TestSupport"]),
    /// Parser and normaliser unit tests, and the doc-test that runs every lesson command.
    .testTarget(name: "LessonsTests", dependencies: ["Course", "Localization", "TestSupport"]),
    /// `--lang` and the locale, display width, the glossary file.
    .testTarget(name: "LocalizationTests", dependencies: ["Localization", "Rendering"]),
    /// The chapter-1 tools in Chinese (--lang zh-Hans, LANG=zh_CN): the English run's numbers,
    /// the glossary's terms, aligned tables; golden Chinese text in Golden/.
    .testTarget(
        name: "ToolLanguageTests",
        dependencies: ["Localization", "Rendering", "perceptrons", "sigmoid-limit", "xor", "gradient-descent", "deep-gradients", "mnist", "gradcheck", "TestSupport"],
        exclude: ["Golden"]
    ),
    /// Issue 9's catalogue of broken files and bad flags, run against the built executables.
    .testTarget(name: "BadInputTests", dependencies: ["TestSupport", "Zlib"]),
    .testTarget(name: "FuzzTargetsTests", dependencies: ["FuzzTargets"], exclude: ["Regressions"]),
]

let package = Package(
    name: "BackpropLab",
    products: [
        .library(name: "BackpropEngine", targets: ["BackpropEngine"]),
        .library(name: "GradientChecking", targets: ["GradientChecking"]),
        .library(name: "AutodiffOracle", targets: ["AutodiffOracle"]),
        .library(name: "ExternalGradient", targets: ["ExternalGradient"]),
        .library(name: "ChildProcess", targets: ["ChildProcess"]),
        .library(name: "FastEngine", targets: ["FastEngine"]),
        .library(name: "Datasets", targets: ["Datasets"]),
    ] + tools.map { .executable(name: $0.product, targets: [$0.target.name]) },
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        /// `swift package generate-documentation`: the DocC catalogs of the library products.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: libraries + tools.map(\.target) + tests,
    swiftLanguageModes: [.v6]
)
