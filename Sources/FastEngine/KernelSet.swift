import CKernels
import Foundation

/// Which compiled set of the fast engine's hot loops runs (target `CKernels`): the
/// AVX2 + FMA set, or the baseline set that runs on any x86-64 (or the portable set on
/// other architectures). Both compute every number in the textbook's order with nothing
/// fused, so the choice changes the speed, never a bit of the result; the tests train
/// with each set against the textbook engine.
///
/// `automatic` is chosen once per process from what the CPU reports (`cpuid`, through
/// `__builtin_cpu_supports`), so one release binary runs on any x86-64 and uses AVX2
/// where there is one. Setting the environment variable `BACKPROPLAB_KERNELS=baseline`
/// makes `automatic` the baseline set (to compare them, or to rule the AVX2 set out).
public struct KernelSet: Sendable, CustomStringConvertible {
    // @unchecked: the table is immutable static C data.
    nonisolated(unsafe) let table: UnsafePointer<bpl_kernels>
    /// The set's name: "avx2+fma", "baseline x86-64 (SSE2)" or "portable".
    public let name: String
    /// Why this set runs, e.g. "cpu reports avx2, fma".
    public let reason: String

    /// The set that runs on every CPU of this architecture.
    public static var baseline: KernelSet { chosen.baseline }
    /// The fastest set this CPU and this libm allow (see the type's notes).
    public static var automatic: KernelSet { chosen.automatic }

    /// "avx2+fma (cpu reports avx2, fma)".
    public var description: String { "\(name) (\(reason))" }

    /// The machine this process runs on, for a benchmark's header: the CPU's model name
    /// (from /proc/cpuinfo on Linux), its cores, and which vector extensions it reports,
    /// e.g. "AMD EPYC, 2 cores, reports avx2, fma, avx512f". Timings mean little without it.
    public static var machine: String {
        let features = bpl_cpu_vector_features()
        let reported = [(1, "avx2"), (2, "fma"), (4, "avx512f")].filter { features & Int32($0.0) != 0 }.map(\.1)
        let cores = ProcessInfo.processInfo.activeProcessorCount
        return "\(cpuModelName ?? "unknown CPU"), \(cores) core\(cores == 1 ? "" : "s"), reports "
            + (reported.isEmpty ? "none of avx2, fma, avx512f" : reported.joined(separator: ", "))
    }

    /// The first "model name" of /proc/cpuinfo, or nil where there is none.
    private static var cpuModelName: String? {
        guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return nil }
        for line in info.split(separator: "\n") where line.hasPrefix("model name") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if !name.isEmpty { return name }
        }
        return nil
    }

    private init(_ table: UnsafePointer<bpl_kernels>, reason: String) {
        self.table = table
        name = String(cString: table.pointee.name)
        self.reason = reason
    }

    private static let chosen: (automatic: KernelSet, baseline: KernelSet) = {
        let baseline = KernelSet(bpl_kernels_baseline(), reason: "runs on any CPU")
        func fallback(_ why: String) -> KernelSet { KernelSet(bpl_kernels_baseline(), reason: why) }
        if ProcessInfo.processInfo.environment["BACKPROPLAB_KERNELS"] == "baseline" {
            return (fallback("BACKPROPLAB_KERNELS=baseline"), baseline)
        }
        guard let avx2 = bpl_kernels_avx2() else {
            #if arch(x86_64)
            return (fallback("cpu lacks avx2 or fma"), baseline)
            #else
            return (fallback("not x86-64"), baseline)
            #endif
        }
        // σ in the AVX2 set is a replica of glibc's FMA exp: used only if it matches this libm.
        guard VectorExp.matchesPlatform else {
            return (fallback("cpu reports avx2, fma, but this libm's exp is not glibc's __exp_fma"), baseline)
        }
        return (KernelSet(avx2, reason: "cpu reports avx2, fma"), baseline)
    }()
}
