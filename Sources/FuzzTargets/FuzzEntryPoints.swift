import BackpropEngine
import Datasets
import Foundation

/// Entry points for fuzzing the parsers that read untrusted files. Each takes any
/// bytes and must either accept them or throw the parser's own error: never trap,
/// never hang, never allocate what the bytes merely claim.
///
/// `Fuzz/run` builds this module with `-sanitize=fuzzer,address` and `-DFUZZING`,
/// links it into one libFuzzer binary, and picks the target with the environment
/// variable `BACKPROPLAB_FUZZ_TARGET`. The tests replay every saved input in
/// `Tests/FuzzTargetsTests/Regressions/` through the same functions.
public enum FuzzEntryPoints {
    /// The targets by name.
    public static let all: [String: @Sendable (Data) -> Void] = [
        "model": fuzzModelFile,
        "idx": fuzzIDXFile,
    ]

    /// The network2 model-file loader (`ModelFile.decode`).
    @Sendable
    public static func fuzzModelFile(_ data: Data) {
        guard let network = try? ModelFile.decode(data) else { return }
        // A network that decodes must be usable and re-encodable.
        _ = network.feedforward(Vector(zeros: network.sizes[0]))
        _ = try? ModelFile.encode(network)
    }
}

extension FuzzEntryPoints {
    /// The IDX reader (`IDXFile(parsing:)`, plain or gzip), and for a parsed
    /// three-dimensional file the MNIST image set built on it.
    @Sendable
    public static func fuzzIDXFile(_ data: Data) {
        guard let idx = try? IDXFile(parsing: data) else { return }
        _ = idx.encoded()
        // Labels are made here, so size them by what the file really holds: a header
        // may claim 4 billion images of 0 × 0 pixels in a few bytes.
        if idx.dimensions.count == 3, idx.count <= idx.data.count, let labels = IDXFile(dimensions: [idx.count], data: [UInt8](repeating: 0, count: idx.count)),
           let set = try? MNISTSet(images: idx, labels: labels), set.count > 0 {
            _ = set.input(0)
            _ = set.example(set.count - 1)
        }
    }
}

#if FUZZING
private let selectedTarget: @Sendable (Data) -> Void = {
    let name = ProcessInfo.processInfo.environment["BACKPROPLAB_FUZZ_TARGET"] ?? "model"
    return FuzzEntryPoints.all[name] ?? FuzzEntryPoints.fuzzModelFile
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    selectedTarget(Data(bytes: start, count: count))
    return 0
}
#endif
