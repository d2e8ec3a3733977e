import CKernels

/// The first layer's share of a training step, done as one sweep over (w²)ᵀ in blocks
/// of 64 rows: while a block is in the L1 cache, it is first *updated* with the last
/// mini-batch's gradient and then *used* for the next mini-batch's products,
///
///     (w²)ᵀ[k] → decay·(w²)ᵀ[k] − step·Σₑ xₖ(e) δ²(e)      (BP4 over batch t, e ascending)
///     z²(e) += xₖ(e) (w²)ᵀ[k]     for each k of the block   (feedforward of batch t + 1)
///
/// so each row of the first layer's 784 × 30 weights travels from L2 to L1 once per
/// mini-batch instead of once per non-zero pixel of every example. The numbers are the
/// textbook's bit for bit: each z²(e) is still summed over k ascending from 0 (blocks run
/// in order and the running sum is carried from block to block), each ∇w entry over e
/// ascending from 0, with nothing fused; the update is the textbook's formula. Zero
/// inputs are skipped: adding 0·w to a sum that starts at +0 changes nothing.
///
/// While the products for a batch run, its non-zero inputs are also regrouped by input
/// k — `columnExamples[k]` has bit e set when xₖ(e) ≠ 0 and `columnValues[k·capacity + e]`
/// holds it — so that the update can sum Σₑ xₖ(e) δ(e) with the sum in registers. That
/// needs at most 64 examples a batch (`recordsColumns`); larger batches and evaluation
/// use only the products (`BatchWorkspace.descend` updates the weights for them).
final class FirstLayerSweep<S: FastScalar>: @unchecked Sendable {
    // @unchecked Sendable: owned by one BatchWorkspace, used by one thread at a time.

    /// Rows of (w²)ᵀ per block: 64 rows of 32 doubles are 16 KiB, half of L1. It must be
    /// 64: a block's rows are the bits of one UInt64 (`touchedRows`).
    static var blockRows: Int { 64 }
    /// The most examples whose non-zero inputs a sweep can regroup (bits of a UInt64).
    static var maximumColumnExamples: Int { 64 }

    let inputs: Int
    let width: Int
    /// The compiled loops that run the products and the update.
    let kernels: KernelSet
    /// The columns of (w²)ᵀ and z² this sweep computes — the neurons j of layer 2 it
    /// owns, all of them unless the work is split over threads (`BatchWorkspace.parts`).
    /// Each z²ⱼ and each w²ⱼₖ is then computed by one sweep only, in the same order.
    let columns: Range<Int>
    /// The batch size the columns are recorded for, 0 when they are not recorded.
    let columnCapacity: Int
    private let cursors: AlignedBuffer<Int>
    private let columnExamples: AlignedBuffer<UInt64>
    private let columnValues: AlignedBuffer<S>
    private let touchedRows: AlignedBuffer<UInt64>

    /// A sweep for `inputs` rows of `width` padded columns (computing `columns`, multiples
    /// of 8, all by default) and batches of up to `capacity` examples, regrouping their
    /// inputs when `capacity` ≤ 64.
    init(inputs: Int, width: Int, capacity: Int, kernels: KernelSet, columns: Range<Int>? = nil) {
        self.kernels = kernels
        self.columns = columns ?? 0..<width
        self.inputs = inputs
        self.width = width
        columnCapacity = capacity <= Self.maximumColumnExamples ? capacity : 0
        cursors = AlignedBuffer(count: capacity, repeating: 0)
        columnExamples = AlignedBuffer(count: columnCapacity == 0 ? 0 : inputs, repeating: 0)
        columnValues = AlignedBuffer(count: inputs * columnCapacity, repeating: 0)
        touchedRows = AlignedBuffer(count: (inputs + Self.blockRows - 1) / Self.blockRows, repeating: 0)
    }

    /// Whether a batch of `m` examples gets its first-layer update from `sweep`.
    func recordsColumns(_ m: Int) -> Bool { m <= columnCapacity }

    /// The last batch's first-layer update: (w²)ᵀ at `target` (laid out as the weights),
    /// Δ² at `delta` (rows of `width`), w → decay·w − step·∇w.
    struct Update {
        var target: UnsafeMutablePointer<S>
        var delta: UnsafePointer<S>
        var decay: S
        var step: S
    }

    /// The next batch's first-layer products: z(e) = Σₖ xₖ(e) (w²)ᵀ[k] for `batch[0..<m]`
    /// of `data`, written to rows of `width` at `z` (the bias and σ come later).
    struct Products {
        var weights: UnsafePointer<S>
        var data: PackedDataSet
        var batch: UnsafePointer<Int>
        var m: Int
        var z: UnsafeMutablePointer<S>
        /// The batch after this one, whose examples the sweep asks the CPU to start
        /// loading, a few per block, while it works (see `PackedDataSet.prefetch`).
        var upcoming: UnsafePointer<Int>? = nil
        var upcomingCount = 0
    }

    /// Runs the update and then the products block by block; either may be absent (the
    /// first batch of an epoch has nothing to update, the last nothing to compute).
    /// The update applies to the batch whose products the previous sweep computed.
    func sweep(update: Update?, products: Products?) {
        let blockCount = (inputs + Self.blockRows - 1) / Self.blockRows
        guard let products else {
            if let update { for block in 0..<blockCount { self.update(block: block, update) } }
            return
        }
        // The set's arrays as raw pointers, and the batch's fields, taken out once: the
        // block loop then copies (and retains) nothing.
        withExtendedLifetime(products.data) {
            let rows = products.data.rows(S.self)
            let (weights, batch, m, z) = (products.weights, products.batch, products.m, products.z)
            let (upcoming, upcomingCount) = (products.upcoming, products.upcomingCount)
            start(batch, m, z, rows)
            for block in 0..<blockCount {
                if let update { self.update(block: block, update) }
                multiply(block: block, weights, rows, batch, m, z)
                if let upcoming {
                    let from = block * upcomingCount / blockCount, to = (block + 1) * upcomingCount / blockCount
                    rows.prefetch(upcoming + from, m: to - from)
                }
            }
        }
    }

    private func start(_ batch: UnsafePointer<Int>, _ m: Int, _ z: UnsafeMutablePointer<S>, _ rows: PackedDataSet.Rows<S>) {
        for e in 0..<m {
            cursors.pointer[e] = rows.rowStarts[batch[e]]
            (z + e * width + columns.lowerBound).initialize(repeating: 0, count: columns.count)
        }
    }

    /// z(e) += Σ xₖ(e) (w²)ᵀ[k] over the block's k, for every example, 32 columns at a
    /// time with the running sums in registers. The pass over the first 32 columns also
    /// finds where the example's inputs in the block end and regroups them by k.
    /// (`multiply` in `Sources/CKernels/kernels_body.h`.)
    private func multiply(block: Int, _ weights: UnsafePointer<S>, _ rows: PackedDataSet.Rows<S>,
                          _ batch: UnsafePointer<Int>, _ m: Int, _ zs: UnsafeMutablePointer<S>) {
        let blockEnd = min(inputs, (block + 1) * Self.blockRows) - 1
        var arguments = bpl_multiply_args(
            weights: weights, row_starts: rows.rowStarts, indices: rows.indices, codes: rows.codes, table: rows.table,
            batch: batch, m: m, z: zs, width: width, column_begin: columns.lowerBound, column_end: columns.upperBound, cursors: cursors.pointer, column_examples: columnExamples.pointer,
            column_values: columnValues.pointer, column_capacity: columnCapacity, record: recordsColumns(m) ? 1 : 0)
        let touched = bpl_multiply(kernels.table, S.single, &arguments, blockEnd)
        if recordsColumns(m) { touchedRows.pointer[block] |= touched }
    }

    /// The update of the block's rows for the recorded batch: each touched row (every
    /// row when decay ≠ 1) once, its ∇w summed over the examples in registers, then
    /// w → decay·w − step·∇w (without weight decay the product 1·w is left out, since it
    /// is w exactly). (`update` in `Sources/CKernels/kernels_body.h`.)
    private func update(block: Int, _ u: Update) {
        let rowCount = min(Self.blockRows, inputs - block * Self.blockRows)
        let rows = u.decay == 1 ? touchedRows.pointer[block]
                                : (rowCount == 64 ? UInt64.max : (UInt64(1) << UInt64(rowCount)) - 1)
        touchedRows.pointer[block] = 0
        var arguments = bpl_update_args(
            target: u.target, delta: u.delta, decay: Double(u.decay), step: Double(u.step), width: width,
            column_begin: columns.lowerBound, column_end: columns.upperBound,
            column_examples: columnExamples.pointer, column_values: columnValues.pointer, column_capacity: columnCapacity)
        bpl_update(kernels.table, S.single, &arguments, block, rows)
    }
}
