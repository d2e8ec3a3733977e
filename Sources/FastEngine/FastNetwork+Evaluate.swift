import BackpropEngine
import Dispatch
import Foundation

extension FastNetwork {
    /// The number of test inputs whose most active output neuron is the correct label
    /// (`Network.evaluate`), computed on every core: the test set is split into one
    /// contiguous chunk per core, each fed forward in blocks of `evaluationBlock`.
    public func evaluate(_ testData: [LabeledExample]) -> Int {
        evaluate(packed: PackedDataSet(testData, sizes: sizes))
    }

    /// `evaluate` on a set packed beforehand with labels for this network's sizes;
    /// `nil` when the set was packed for another input size or without labels.
    public func evaluate(_ testSet: PackedDataSet) -> Int? {
        fits(testSet) ? evaluate(packed: testSet) : nil
    }

    /// Whether `set` was packed with labels for this network's input size.
    func fits(_ set: PackedDataSet) -> Bool {
        set.inputSize == layout.sizes[0] && set.labels.count == set.count && set.inputSize <= PackedDataSet.maximumInputs
    }

    /// How many examples one feedforward pass of `evaluate` holds.
    static var evaluationBlock: Int { 256 }

    func evaluate(packed test: PackedDataSet) -> Int {
        switch storage {
        case .double(let p): Self.evaluate(packed: test, layout: layout, parameters: p, kernels: kernels)
        case .float(let p): Self.evaluate(packed: test, layout: layout, parameters: p, kernels: kernels)
        }
    }

    private static func evaluate<S: FastScalar>(packed test: PackedDataSet, layout: FastLayout, parameters: AlignedBuffer<S>,
                                                    kernels: KernelSet) -> Int {
        let chunks = max(1, min(ProcessInfo.processInfo.activeProcessorCount, test.count))
        let correct = AlignedBuffer<Int>(count: chunks, repeating: 0)
        let chunkSize = (test.count + chunks - 1) / chunks
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let block = Self.evaluationBlock
            let workspace = BatchWorkspace<S>(layout: layout, capacity: block, nonZeros: 0, kernels: kernels)
            let ids = AlignedBuffer<Int>(count: block, repeating: 0)
            let last = layout.layerCount - 1, width = layout.widths[last], outputs = layout.sizes[last + 1]
            var count = 0
            var start = chunk * chunkSize
            let end = min(test.count, start + chunkSize)
            while start < end {
                let m = min(block, end - start)
                for e in 0..<m { ids.pointer[e] = start + e }
                workspace.forward(parameters: parameters.pointer, data: test, batch: ids.pointer, m: m)
                for e in 0..<m {
                    let a = workspace.activation(last) + e * width
                    var best = 0
                    for j in 0..<outputs where a[j] > a[best] { best = j }   // first maximum, as argmax
                    if best == test.labels.pointer[start + e] { count += 1 }
                }
                start += m
            }
            correct.pointer[chunk] = count
        }
        return correct.buffer.reduce(0, +)
    }
}
