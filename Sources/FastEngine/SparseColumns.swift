/// A mini-batch's sparse inputs regrouped by input neuron: for each input k that is
/// non-zero in at least one example of the batch, the examples e (in batch order) and
/// their values aₖ(e). Row k of the first layer's ∇wᵀ is then Σₑ aₖ(e) δ(e) over just
/// that list, summed in the textbook's order (e ascending) in registers.
///
/// A counting sort per batch; `reset` happens as the columns are visited, so the
/// counters are all 0 between batches and nothing is allocated per batch.
final class SparseColumns<S: FastScalar>: @unchecked Sendable {
    // @unchecked Sendable: owned by one BatchWorkspace, used by one thread at a time.

    private let counts: AlignedBuffer<Int>
    private let next: AlignedBuffer<Int>
    private let touched: AlignedBuffer<Int>
    private var touchedCount = 0
    private let examples: AlignedBuffer<Int32>
    private let values: AlignedBuffer<S>

    /// Room for `inputs` input neurons and `capacity` non-zeros in one batch.
    init(inputs: Int, capacity: Int) {
        counts = AlignedBuffer(count: inputs, repeating: 0)
        next = AlignedBuffer(count: inputs, repeating: 0)
        touched = AlignedBuffer(count: inputs, repeating: 0)
        examples = AlignedBuffer(count: capacity, repeating: 0)
        values = AlignedBuffer(count: capacity, repeating: 0)
    }

    /// Groups the non-zero inputs of `batch[0..<m]` by input neuron.
    func gather(data: PackedDataSet, batch: UnsafePointer<Int>, m: Int) {
        let rowStarts = data.rowStarts.pointer, indices = data.indices.pointer
        let codes = data.codes.pointer, table = data.valueTable(S.self)
        touchedCount = 0
        for e in 0..<m {
            for t in rowStarts[batch[e]]..<rowStarts[batch[e] + 1] {
                let k = Int(indices[t])
                if counts.pointer[k] == 0 {
                    touched.pointer[touchedCount] = k
                    touchedCount += 1
                }
                counts.pointer[k] += 1
            }
        }
        var position = 0
        for u in 0..<touchedCount {
            let k = touched.pointer[u]
            next.pointer[k] = position
            position += counts.pointer[k]
        }
        guard position <= values.count else {
            // Cannot happen when the capacity came from `PackedDataSet.nonZeros(inBatchesOf:)`.
            for u in 0..<touchedCount { counts.pointer[touched.pointer[u]] = 0 }
            touchedCount = 0
            return
        }
        for e in 0..<m {
            for t in rowStarts[batch[e]]..<rowStarts[batch[e] + 1] {
                let k = Int(indices[t])
                examples.pointer[next.pointer[k]] = Int32(truncatingIfNeeded: e)
                values.pointer[next.pointer[k]] = table[Int(codes[t])]
                next.pointer[k] += 1
            }
        }
    }

    /// Whether input k is non-zero in some example of the gathered batch.
    func touches(_ k: Int) -> Bool { counts.pointer[k] != 0 }

    /// Calls `body(k, examples, values, count)` for each touched input k, then clears
    /// the counters for the next batch.
    func forEachColumn(_ body: (Int, UnsafePointer<Int32>, UnsafePointer<S>, Int) -> Void) {
        for u in 0..<touchedCount {
            let k = touched.pointer[u], count = counts.pointer[k]
            let start = next.pointer[k] - count
            body(k, examples.pointer + start, values.pointer + start, count)
            counts.pointer[k] = 0
        }
        touchedCount = 0
    }
}
