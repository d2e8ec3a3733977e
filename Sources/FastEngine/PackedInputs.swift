import BackpropEngine

/// A data set packed once into contiguous storage for the fast engine: the inputs as a
/// sparse matrix in compressed-row form (only the non-zero pixels: about 19% of an
/// MNIST image), and the targets y as a dense row-major matrix.
///
/// Example e's non-zero inputs are at positions `rowStarts[e] ..< rowStarts[e + 1]` of
/// `indices` (which input neuron k) and `values` (the activation a¹ₖ). Skipping the
/// zeros changes no sum: a zero input adds exactly 0 to every z and to every ∂C/∂w.
struct PackedInputs: Sendable {
    /// How many examples.
    let count: Int
    /// The input size the examples were packed for (`sizes[0]`).
    let inputSize: Int
    /// The output size the targets were packed for (`sizes[L - 1]`), 0 without targets.
    let outputSize: Int
    let rowStarts: AlignedBuffer<Int>
    let indices: AlignedBuffer<Int32>
    let values: AlignedBuffer<Double>
    /// y for each example, `outputSize` numbers each (training data only).
    let targets: AlignedBuffer<Double>
    /// The correct class of each example (test data only).
    let labels: AlignedBuffer<Int>

    /// Packs `inputs`; entries beyond `inputSize` are ignored and missing ones count as 0
    /// (`FastNetwork.sgd` rejects mismatched examples before packing).
    init(inputs: [Vector], inputSize: Int, targets: [Vector] = [], outputSize: Int = 0, labels: [Int] = []) {
        count = inputs.count
        self.inputSize = inputSize
        self.outputSize = outputSize
        let nonZero = inputs.reduce(0) { total, x in
            total + x.elements.prefix(inputSize).reduce(0) { $0 + ($1 != 0 ? 1 : 0) }
        }
        rowStarts = AlignedBuffer(count: count + 1, repeating: 0)
        indices = AlignedBuffer(count: nonZero, repeating: 0)
        values = AlignedBuffer(count: nonZero, repeating: 0)
        var position = 0
        for (e, x) in inputs.enumerated() {
            rowStarts.pointer[e] = position
            for (k, value) in x.elements.prefix(inputSize).enumerated() where value != 0 {
                indices.pointer[position] = Int32(truncatingIfNeeded: k)
                values.pointer[position] = value
                position += 1
            }
        }
        rowStarts.pointer[count] = position
        self.targets = AlignedBuffer(count: targets.count * outputSize, repeating: 0)
        for (e, y) in targets.enumerated() {
            for (j, value) in y.elements.prefix(outputSize).enumerated() {
                self.targets.pointer[e * outputSize + j] = value
            }
        }
        self.labels = AlignedBuffer(count: labels.count, repeating: 0)
        for (e, label) in labels.enumerated() { self.labels.pointer[e] = label }
    }

    /// Training examples (x, y).
    init(_ examples: [Example], sizes: [Int]) {
        self.init(inputs: examples.map(\.x), inputSize: sizes.first ?? 0,
                  targets: examples.map(\.y), outputSize: sizes.last ?? 0)
    }

    /// Test examples (x, label).
    init(_ examples: [LabeledExample], sizes: [Int]) {
        self.init(inputs: examples.map(\.x), inputSize: sizes.first ?? 0, labels: examples.map(\.label))
    }

    /// The fraction of inputs that are non-zero.
    var density: Double {
        count == 0 || inputSize == 0 ? 0 : Double(values.count) / Double(count * inputSize)
    }
}
