import BackpropEngine
import CPrefetch

/// A data set packed once into contiguous storage for the fast engine: the inputs as a
/// sparse matrix in compressed-row form (only the non-zero pixels: about 19% of an
/// MNIST image), with the targets y as a dense row-major matrix (training data) or the
/// labels (test data).
///
/// Example e's non-zero inputs are at positions `rowStarts[e] ..< rowStarts[e + 1]` of
/// `indices` (which input neuron k, 16 bits) and `codes` (the activation a¹ₖ as its code
/// in `table`, see `ValueCodebook`): 6 bytes per non-zero input. Skipping the zeros
/// changes no sum: a zero input adds exactly 0 to every z and to every ∂C/∂w.
///
/// Pack a large set straight from its source (`init(count:sizes:input:target:)`) to
/// avoid ever holding it as `[Example]`: full MNIST's training set packs into about
/// 50 MB, where its 50,000 `Example`s take 320 MB. At most 65,536 inputs (`sizes[0]`).
public struct PackedDataSet: Sendable {
    /// How many examples.
    public let count: Int
    /// The input size the examples were packed for (`sizes[0]`).
    let inputSize: Int
    /// The output size the targets were packed for (`sizes[L - 1]`); 0 without targets.
    let outputSize: Int
    /// The first example whose x or y did not have the network's size, if any.
    public let firstMismatch: Int?
    let rowStarts: AlignedBuffer<Int>
    let indices: AlignedBuffer<UInt16>
    let codes: AlignedBuffer<UInt32>
    /// How many examples have input k non-zero, for each k, counted while packing: the
    /// pipelined epoch splits the first layer's rows by it.
    let nonZerosPerInput: [Int]
    /// The distinct non-zero input values, by code, and the same rounded to Float.
    let table: AlignedBuffer<Double>
    let floatTable: AlignedBuffer<Float>
    /// The most inputs a packed set can have: input indices are 16 bits.
    public static var maximumInputs: Int { 1 << 16 }
    /// y for each example, `outputSize` numbers each (training data only).
    let targets: AlignedBuffer<Double>
    /// The correct class of each example (test data only).
    let labels: AlignedBuffer<Int>

    /// Packs `count` examples for a network of `sizes`, asking `input(e)` for x and
    /// either `target(e)` for y or `label(e)` for the class. Each input is asked for
    /// twice (once to count its non-zeros, once to copy them), one at a time.
    ///
    /// Inputs longer than `sizes[0]` are cut and shorter ones padded with 0 (likewise
    /// targets), and the first such example is noted in `firstMismatch`: `sgd` refuses
    /// to train on a set with a mismatch (or with more than `maximumInputs` inputs, when
    /// `firstMismatch` is 0 and nothing is packed).
    init(count: Int, sizes: [Int], input: (Int) -> Vector, target: ((Int) -> Vector)?, label: ((Int) -> Int)?) {
        let count = max(count, 0)
        let inputSize = sizes.first ?? 0, outputSize = target == nil ? 0 : sizes.last ?? 0
        self.count = count
        self.inputSize = inputSize
        self.outputSize = outputSize
        var nonZero = 0
        var firstMismatch: Int?
        for e in 0..<count where inputSize <= Self.maximumInputs {
            let x = input(e)
            if x.count != inputSize, firstMismatch == nil { firstMismatch = e }
            for value in x.elements.prefix(inputSize) where value != 0 { nonZero += 1 }
        }
        rowStarts = AlignedBuffer(count: count + 1, repeating: 0)
        indices = AlignedBuffer(count: nonZero, repeating: 0)
        codes = AlignedBuffer(count: nonZero, repeating: 0)
        var codebook = ValueCodebook()
        targets = AlignedBuffer(count: count * outputSize, repeating: 0)
        labels = AlignedBuffer(count: label == nil ? 0 : count, repeating: 0)
        var position = 0
        var perInput = [Int](repeating: 0, count: min(inputSize, Self.maximumInputs))
        for e in 0..<count where inputSize <= Self.maximumInputs {
            rowStarts.pointer[e] = position
            for (k, value) in input(e).elements.prefix(inputSize).enumerated() where value != 0 && position < nonZero {
                indices.pointer[position] = UInt16(truncatingIfNeeded: k)
                codes.pointer[position] = codebook.code(value)
                perInput[k] += 1
                position += 1
            }
            if let target {
                let y = target(e)
                if y.count != outputSize, firstMismatch == nil { firstMismatch = e }
                for (j, value) in y.elements.prefix(outputSize).enumerated() { targets.pointer[e * outputSize + j] = value }
            }
            if let label { labels.pointer[e] = label(e) }
        }
        rowStarts.pointer[count] = position
        nonZerosPerInput = perInput
        table = AlignedBuffer(count: codebook.values.count, repeating: 0)
        floatTable = AlignedBuffer(count: codebook.values.count, repeating: 0)
        for (code, value) in codebook.values.enumerated() {
            table.pointer[code] = value
            floatTable.pointer[code] = Float(value)
        }
        self.firstMismatch = inputSize > Self.maximumInputs ? 0 : firstMismatch
    }

    /// Training examples for a network of `sizes`, x and y asked for one example at a time.
    public init(count: Int, sizes: [Int], input: (Int) -> Vector, target: (Int) -> Vector) {
        self = withoutActuallyEscaping(target) { target in
            PackedDataSet(count: count, sizes: sizes, input: input, target: target, label: nil)
        }
    }

    /// Test examples for a network of `sizes`, x and the label asked for one at a time.
    public init(count: Int, sizes: [Int], input: (Int) -> Vector, label: (Int) -> Int) {
        self = withoutActuallyEscaping(label) { label in
            PackedDataSet(count: count, sizes: sizes, input: input, target: nil, label: label)
        }
    }

    /// Training examples (x, y).
    public init(_ examples: [Example], sizes: [Int]) {
        self.init(count: examples.count, sizes: sizes, input: { examples[$0].x }, target: { examples[$0].y })
    }

    /// Test examples (x, label).
    public init(_ examples: [LabeledExample], sizes: [Int]) {
        self.init(count: examples.count, sizes: sizes, input: { examples[$0].x }, label: { examples[$0].label })
    }

    /// The most non-zero inputs any `m` examples of the set can have together.
    func nonZeros(inBatchesOf m: Int) -> Int {
        var longest = 0
        for e in 0..<count { longest = max(longest, rowStarts.pointer[e + 1] - rowStarts.pointer[e]) }
        let (product, overflow) = longest.multipliedReportingOverflow(by: max(m, 0))
        return overflow ? codes.count : min(product, codes.count)
    }

    /// Raw pointers to the set's arrays, for the hot loops: passing them around retains
    /// nothing (the set itself must outlive the view).
    struct Rows<S: FastScalar> {
        let rowStarts: UnsafePointer<Int>
        let indices: UnsafePointer<UInt16>
        let codes: UnsafePointer<UInt32>
        /// The input values by code, in precision S.
        let table: UnsafePointer<S>
        let targets: UnsafePointer<Double>
        let outputSize: Int

        /// Asks the CPU to start loading examples `batch[0..<m]` — their non-zero inputs
        /// and, with `targets`, their targets — into cache, so that a coming mini-batch,
        /// whose examples lie anywhere in the set, does not wait for main memory (a hint: it
        /// changes no number). A pipeline stage asks only for its `share` of `shares`
        /// equal parts of each example's inputs, about the part it gathers.
        func prefetch(_ batch: UnsafePointer<Int>, m: Int, share: Int = 0, of shares: Int = 1, targets: Bool = true) {
            let lineCodes = 16, lineIndices = 32
            for e in 0..<m {
                let start = rowStarts[batch[e]], length = rowStarts[batch[e] + 1] - start
                let from = start + length * share / shares, to = start + length * (share + 1) / shares
                for t in stride(from: from & -lineCodes, to: to, by: lineCodes) { backproplab_prefetch(codes + t) }
                for t in stride(from: from & -lineIndices, to: to, by: lineIndices) { backproplab_prefetch(indices + t) }
                if targets && outputSize > 0 { backproplab_prefetch(self.targets + batch[e] * outputSize) }
            }
        }
    }

    /// The view of this set's arrays the kernels read, with input values in precision S.
    func rows<S: FastScalar>(_: S.Type) -> Rows<S> {
        Rows(rowStarts: rowStarts.pointer, indices: indices.pointer, codes: codes.pointer, table: valueTable(S.self),
             targets: targets.pointer, outputSize: outputSize)
    }

    /// The input values by code in precision S: `table` or `floatTable`.
    func valueTable<S: FastScalar>(_: S.Type) -> UnsafePointer<S> {
        if S.self == Float.self { return UnsafeRawPointer(floatTable.pointer).assumingMemoryBound(to: S.self) }
        return UnsafeRawPointer(table.pointer).assumingMemoryBound(to: S.self)
    }

    /// The fraction of inputs that are non-zero.
    public var density: Double {
        count == 0 || inputSize == 0 ? 0 : Double(codes.count) / Double(count * inputSize)
    }

    /// The bytes the packed set occupies.
    public var byteCount: Int {
        rowStarts.count * 8 + indices.count * 2 + codes.count * 4 + table.count * 12 + targets.count * 8 + labels.count * 8
    }
}
