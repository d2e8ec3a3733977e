import CLibSVM
import Datasets

/// MNIST images in LIBSVM's sparse layout: each image is a run of `svm_node`s
/// (1-based pixel index, pixel ÷ 255) for its non-zero pixels only, ended by a node of
/// index −1. All runs share one allocation; `rows[i]` points at image i's run.
///
/// Only 19.1% of MNIST's pixels are non-zero, so 50,000 training images take about
/// 50,000 × (150 + 1) × 16 bytes ≈ 121 MB instead of 313 MB as dense `Double`s — and the
/// RBF kernel K(x, z) = exp(−γ‖x − z‖²) that LIBSVM computes as ‖x‖² + ‖z‖² − 2x·z only
/// touches the non-zero pixels. The pixel bytes are read straight from the IDX data;
/// no dense copy is ever made.
///
/// `svm_model`s trained on these rows point into this storage (LIBSVM's `free_sv = 0`),
/// so a trained `SVMModel` keeps its `SparseDigits` alive.
public final class SparseDigits: @unchecked Sendable {
    // @unchecked: the storage is written once in `init` and only read afterwards.

    /// The digits, in row order.
    public let labels: [Int]
    /// Non-zero pixels stored (not counting the terminators).
    public let nonZeroCount: Int
    /// Pixels per image (784 for MNIST).
    public let pixelsPerImage: Int
    /// Bytes of `svm_node` storage plus the row pointers.
    public var bytes: Int { (nonZeroCount + labels.count) * MemoryLayout<svm_node>.stride + labels.count * MemoryLayout<UnsafeMutablePointer<svm_node>>.stride }

    let nodes: UnsafeMutableBufferPointer<svm_node>
    let rows: UnsafeMutableBufferPointer<UnsafeMutablePointer<svm_node>?>
    /// The labels as LIBSVM's `y` (class labels are doubles there).
    let targets: UnsafeMutableBufferPointer<Double>

    /// Images `indices` of `set`, in that order (indices outside `0..<set.count` are
    /// skipped).
    ///
    /// Two passes over the pixel bytes: one to count the non-zero pixels (so the node
    /// storage is allocated once, sized by data already in memory, never by a header),
    /// one to fill it.
    public init(_ set: MNISTSet, indices requested: [Int]) {
        let indices = requested.filter { (0..<set.count).contains($0) }
        let size = set.pixelsPerImage
        pixelsPerImage = size
        labels = indices.map { set.label($0) }
        var nonZero = 0
        set.pixels.withUnsafeBufferPointer { pixels in
            for i in indices {
                for p in (i * size)..<((i + 1) * size) where pixels[p] != 0 { nonZero += 1 }
            }
        }
        nonZeroCount = nonZero
        nodes = .allocate(capacity: nonZero + indices.count)
        rows = .allocate(capacity: indices.count)
        targets = .allocate(capacity: indices.count)
        var next = 0
        set.pixels.withUnsafeBufferPointer { pixels in
            for (row, i) in indices.enumerated() {
                rows[row] = nodes.baseAddress.map { $0 + next }
                targets[row] = Double(labels[row])
                let start = i * size
                for p in 0..<size where pixels[start + p] != 0 {
                    nodes[next] = svm_node(index: Int32(p + 1), value: Double(pixels[start + p]) / 255)
                    next += 1
                }
                nodes[next] = svm_node(index: -1, value: 0)
                next += 1
            }
        }
    }

    /// The first `limit` images of `range` of `set`, grouped by digit (0s first, then 1s,
    /// …), each digit's images in their file order.
    ///
    /// LIBSVM numbers the classes in the order they first appear; scikit-learn's copy of
    /// LIBSVM sorts them. Grouping the rows by digit makes both the same (labels 0…9),
    /// so one-vs-one votes break ties alike and the model file lists `label 0 1 … 9`.
    /// Within a digit the order is unchanged, so each pairwise problem sees its
    /// examples in the order scikit-learn gives them.
    public static func groupedByDigit(_ set: MNISTSet, range: Range<Int>) -> SparseDigits {
        let indices = range.clamped(to: 0..<set.count)
        let ordered = indices.sorted { (set.label($0), $0) < (set.label($1), $1) }
        return SparseDigits(set, indices: ordered)
    }

    /// Number of images.
    public var count: Int { labels.count }

    /// The fraction of pixels that are non-zero.
    public var density: Double { count > 0 ? Double(nonZeroCount) / Double(count * pixelsPerImage) : 0 }

    deinit {
        nodes.deallocate()
        rows.deallocate()
        targets.deallocate()
    }
}
