import CKernels
import CPrefetch

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
/// Before the products, a batch's non-zero inputs are regrouped by input k, all blocks
/// at once (`bpl_gather`): row k of `columnExamples` (`columnWords` words) has bit e mod 64
/// of word e/64 set when xₖ(e) ≠ 0, xₖ(e) is at
/// `columnValues[e·columnStride + k]`, and per example and block the position where its
/// inputs of the block begin. The products of every block then read the inputs from
/// there (`bpl_products`, two examples in step: two independent sums, each still over
/// its k ascending), and the update sums Σₑ xₖ(e) δ(e) in registers (`bpl_update`, two
/// rows in step) — or, for narrow rows (`scatters`), example by example
/// into a gradient matrix right after the backward pass (`bpl_scatter`), whose rows the
/// sweep then applies (`bpl_apply`). That needs at most 256 examples a batch (`recordsColumns`); larger
/// batches and evaluation walk the packed set block by block (`bpl_multiply`) and are
/// updated by `BatchWorkspace.descend`. Gathering copies inputs and changes no number.
///
/// The record is kept twice, for alternate batches: a batch is gathered before the
/// update of the previous one, which reads that one's record, has run.
final class FirstLayerSweep<S: FastScalar>: @unchecked Sendable {
    // @unchecked Sendable: owned by one BatchWorkspace, used by one thread at a time.

    /// Rows of (w²)ᵀ per block: 64 rows of 32 doubles are 16 KiB, half of L1. It must be
    /// 64: a block's rows are the bits of one UInt64 (`touchedRows`).
    static var blockRows: Int { 64 }
    /// The most examples whose non-zero inputs a pipeline stage regroups (a record of 256
    /// examples takes 2 × 784 × 256 Doubles, 3.2 MB, for MNIST): the pipeline needs the
    /// record, so batches up to this size train on several threads.
    static var maximumColumnExamples: Int { 256 }
    /// The most a sweep over all rows (one thread) regroups: beyond 64 examples the
    /// update's scattered reads of the record cost more than walking the packed set on
    /// MNIST (`bench --threads 1`, fastest of three alternating runs: batch 100, 0.1073 s
    /// an epoch regrouped against 0.0895 s not; batch 256, 0.0955 against 0.0931). The
    /// dense variant went the other way (batch 256: 0.1809 against 0.2417); MNIST decides.
    static var maximumSingleThreadColumnExamples: Int { 64 }

    let inputs: Int
    let width: Int
    /// The compiled loops that run the products and the update.
    let kernels: KernelSet
    /// The rows of (w²)ᵀ — the inputs k — this sweep computes: all of them unless the
    /// work is pipelined over threads by rows (`PipelinedEpoch`); then z²(e) is summed
    /// over these inputs from where the previous stage left it.
    let rows: Range<Int>
    /// The blocks holding `rows` (the first and last may hold other stages' rows too).
    let blocks: Range<Int>
    /// The batch size the columns are recorded for, 0 when they are not recorded.
    let columnCapacity: Int
    private let cursors: AlignedBuffer<Int>
    /// The regrouped inputs, twice (see `recorded`): alternate batches use alternate halves.
    private let columnExamples: AlignedBuffer<UInt64>
    /// Words of example bits per row of `columnExamples`: ⌈columnCapacity / 64⌉.
    private let columnWords: Int
    private let columnValues: AlignedBuffer<S>
    private let touchedRows: AlignedBuffer<UInt64>
    /// Which half of the records holds the last recorded batch (the pending update's).
    private var recorded = 0
    private let blockCount: Int
    /// xₖ(e) is at `e·columnStride + k` of a record (`inputs` rounded up to a multiple of 8).
    private let columnStride: Int
    /// Per example and block, where the example's inputs of the block begin in the
    /// packed set (`bpl_gather`).
    private let bounds: AlignedBuffer<Int>
    /// Whether the update is summed example by example into `gradient` (`bpl_scatter`,
    /// then `bpl_apply`) rather than row by row over the examples' bits (`bpl_update`):
    /// when a row is at most 64 bytes (a hidden layer of up to 8 doubles or 16 floats), so
    /// few numbers that the row-by-row loop is all overhead, and the sweep has all the
    /// blocks. Both sum each ∇w entry over e ascending from +0.
    let scatters: Bool
    /// With `scatters`, the recorded batch's ∇w laid out as (w²)ᵀ, +0 between uses.
    private let gradient: AlignedBuffer<S>

    /// A sweep for `inputs` rows of `width` padded columns and batches of up to `capacity`
    /// examples: over all rows (`rows` nil: one thread), regrouping their inputs when
    /// `capacity` ≤ `maximumSingleThreadColumnExamples`, or as a pipeline stage computing
    /// `rows`, when `capacity` ≤ `maximumColumnExamples`.
    init(inputs: Int, width: Int, capacity: Int, kernels: KernelSet, rows: Range<Int>? = nil) {
        self.kernels = kernels
        self.inputs = inputs
        self.width = width
        let limit = rows == nil ? Self.maximumSingleThreadColumnExamples : Self.maximumColumnExamples
        columnCapacity = capacity <= limit ? capacity : 0
        cursors = AlignedBuffer(count: capacity, repeating: 0)
        columnStride = (inputs + 7) / 8 * 8
        columnWords = (columnCapacity + 63) / 64
        columnExamples = AlignedBuffer(count: 2 * inputs * columnWords, repeating: 0)
        columnValues = AlignedBuffer(count: 2 * columnStride * columnCapacity, repeating: 0)
        blockCount = (inputs + Self.blockRows - 1) / Self.blockRows
        self.rows = rows ?? 0..<inputs
        blocks = self.rows.lowerBound / Self.blockRows ..< (self.rows.upperBound + Self.blockRows - 1) / Self.blockRows
        touchedRows = AlignedBuffer(count: 2 * blockCount, repeating: 0)
        bounds = AlignedBuffer(count: columnCapacity * (blockCount + 1), repeating: 0)
        scatters = columnCapacity > 0 && width * MemoryLayout<S>.stride <= 64 && self.rows == 0..<inputs
        gradient = AlignedBuffer(count: scatters ? inputs * width : 0, repeating: 0)
    }

    /// With `scatters`, sums the recorded batch's ∇w from Δ² at
    /// `delta` (rows of `width`): g[k] += xₖ(e)·δ(e) for e ascending, each example's inputs
    /// in order — for each entry the textbook's sum, from +0, in its order.
    func scatter(delta: UnsafePointer<S>, m: Int, data: PackedDataSet) {
        guard scatters else { return }
        withExtendedLifetime(data) {
            var arguments = bpl_scatter_args(
                indices: data.indices.pointer, bounds: bounds.pointer, blocks: blockCount,
                column_values: valuesByColumn(recorded), column_stride: columnStride, m: m, delta: delta, width: width,
                gradient: gradient.pointer)
            bpl_scatter(kernels.table, S.single, &arguments)
        }
    }

    private func examples(_ half: Int) -> UnsafeMutablePointer<UInt64> { columnExamples.pointer + half * inputs * columnWords }
    private func valuesByColumn(_ half: Int) -> UnsafeMutablePointer<S> { columnValues.pointer + half * columnStride * columnCapacity }
    private func touched(_ half: Int) -> UnsafeMutablePointer<UInt64> { touchedRows.pointer + half * blockCount }

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
    /// of the set whose arrays `rows` points into (the caller keeps the set alive), written
    /// to rows of `width` at `z` (the bias and σ come later). Raw pointers only: making and
    /// passing one retains nothing, so threads that train on the same set do not take
    /// turns at its buffers' reference counts every batch.
    struct Products {
        var weights: UnsafePointer<S>
        var rows: PackedDataSet.Rows<S>
        var batch: UnsafePointer<Int>
        var m: Int
        var z: UnsafeMutablePointer<S>
        /// The batch after this one, whose examples the sweep asks the CPU to start
        /// loading, a few per block, while it works (see `PackedDataSet.prefetch`).
        var upcoming: UnsafePointer<Int>? = nil
        var upcomingCount = 0
        /// How many examples follow the upcoming batch (at `upcoming + upcomingCount`):
        /// the batch after it, whose row starts the sweep asks for, so that the next
        /// sweep's prefetch does not itself wait on `rowStarts` (a random 400 KB array).
        var aheadCount = 0
    }

    /// Runs the update and then the products block by block; either may be absent (the
    /// first batch of an epoch has nothing to update, the last nothing to compute).
    /// The update applies to the batch whose products the previous sweep computed.
    func sweep(update: Update?, products: Products?) {
        guard let products else {
            if let update { self.update(update) }
            return
        }
        // The batch's fields taken out once: the block loop then copies nothing.
        let rows = products.rows
        let (weights, batch, m, z) = (products.weights, products.batch, products.m, products.z)
        let (upcoming, upcomingCount) = (products.upcoming, products.upcomingCount)
        if let upcoming {
            for e in 0..<products.aheadCount { backproplab_prefetch(rows.rowStarts + upcoming[upcomingCount + e]) }
        }
        let half = 1 - recorded
        for e in 0..<m { (z + e * width).initialize(repeating: 0, count: width) }
        let gathered = recordsColumns(m)
        if gathered {
            gather(rows, batch, m, half)
        } else {
            for e in 0..<m { cursors.pointer[e] = rows.rowStarts[batch[e]] }
        }
        var arguments = productsArguments(weights, rows, m, z, examples: 0..<m, half: half)
        for block in blocks {
            if let update { self.update(block: block, update) }
            if gathered {
                bpl_products(kernels.table, S.single, &arguments, block)
            } else {
                multiply(block: block, weights, rows, batch, m, z)
            }
            if let upcoming {
                let from = block * upcomingCount / blockCount, to = (block + 1) * upcomingCount / blockCount
                rows.prefetch(upcoming + from, m: to - from)
            }
        }
        if gathered { recorded = half }
    }

    /// Gathers the inputs of `batch[0..<m]` in this sweep's rows, recording them in `half`
    /// (m ≤ `maximumColumnExamples`).
    private func gather(_ rows: PackedDataSet.Rows<S>, _ batch: UnsafePointer<Int>, _ m: Int, _ half: Int) {
        var arguments = bpl_gather_args(
            rows: rows.batch(batch, m: m),
            blocks: blockCount, bounds: bounds.pointer, column_examples: scatters ? nil : examples(half), column_values: valuesByColumn(half),
            column_stride: columnStride, column_words: columnWords, touched: touched(half), row_begin: self.rows.lowerBound, row_end: self.rows.upperBound)
        bpl_gather(kernels.table, S.single, &arguments)
    }

    private func productsArguments(_ weights: UnsafePointer<S>, _ rows: PackedDataSet.Rows<S>, _ m: Int,
                                   _ z: UnsafeMutablePointer<S>, examples: Range<Int>, half: Int) -> bpl_products_args {
        bpl_products_args(
            weights: weights, indices: rows.indices, column_values: valuesByColumn(half), column_stride: columnStride,
            bounds: bounds.pointer, m: m, blocks: blockCount, z: z, width: width,
            example_begin: examples.lowerBound, example_end: examples.upperBound)
    }

    // A pipeline stage's batch (`PipelinedEpoch`), m ≤ `maximumColumnExamples`: `gather`, then `update` (the
    // pending one), then `multiply` for runs of examples, then `finishBatch`.

    /// Gathers the batch's inputs of this sweep's rows (z is not touched).
    func gather(rows: PackedDataSet.Rows<S>, batch: UnsafePointer<Int>, m: Int) {
        gather(rows, batch, m, 1 - recorded)
    }

    /// The pending update of the previous batch, for this sweep's rows.
    func update(_ u: Update) {
        for block in blocks { update(block: block, u) }
    }

    /// z(e) += Σ xₖ(e) (w²)ᵀ[k] over this sweep's rows, for `examples` of the gathered batch.
    func multiply(examples: Range<Int>, weights: UnsafePointer<S>, rows: PackedDataSet.Rows<S>, m: Int,
                  z: UnsafeMutablePointer<S>) {
        var arguments = productsArguments(weights, rows, m, z, examples: examples, half: 1 - recorded)
        for block in blocks { bpl_products(kernels.table, S.single, &arguments, block) }
    }

    /// The gathered batch becomes the recorded one, whose update is the next pending one.
    func finishBatch() { recorded = 1 - recorded }

    /// z(e) += Σ xₖ(e) (w²)ᵀ[k] over the block's k, for every example of a batch that is
    /// not gathered, 32 columns at a time with the running sums in registers.
    /// (`multiply` in `Sources/CKernels/kernels_body.h`.)
    private func multiply(block: Int, _ weights: UnsafePointer<S>, _ rows: PackedDataSet.Rows<S>,
                          _ batch: UnsafePointer<Int>, _ m: Int, _ zs: UnsafeMutablePointer<S>) {
        let blockEnd = min(inputs, (block + 1) * Self.blockRows) - 1
        var arguments = bpl_multiply_args(
            weights: weights, rows: rows.batch(batch, m: m), z: zs, width: width,
            cursors: cursors.pointer)
        bpl_multiply(kernels.table, S.single, &arguments, blockEnd)
    }

    /// The update of the block's rows for the recorded batch: each touched row (every
    /// row when decay ≠ 1) once, its ∇w summed over the examples in registers (two rows
    /// in step), then
    /// w → decay·w − step·∇w (without weight decay the product 1·w is left out, since it
    /// is w exactly). (`update` in `Sources/CKernels/kernels_body.h`.)
    private func update(block: Int, _ u: Update) {
        // This sweep's rows of the block, as bits: low ..< high.
        let low = max(self.rows.lowerBound - block * Self.blockRows, 0)
        let high = min(self.rows.upperBound - block * Self.blockRows, Self.blockRows)
        let own = (high == 64 ? UInt64.max : (UInt64(1) << UInt64(high)) - 1) & ~((UInt64(1) << UInt64(low)) - 1)
        let rows = u.decay == 1 ? touched(recorded)[block] : own
        touched(recorded)[block] = 0
        if scatters {
            var arguments = bpl_apply_args(
                target: u.target, gradient: gradient.pointer, decay: Double(u.decay), step: Double(u.step), width: width)
            bpl_apply(kernels.table, S.single, &arguments, block, rows)
            return
        }
        var arguments = bpl_update_args(
            target: u.target, delta: u.delta, decay: Double(u.decay), step: Double(u.step), width: width,
            column_examples: examples(recorded), column_values: valuesByColumn(recorded), column_capacity: columnCapacity,
            column_stride: columnStride, column_words: columnWords)
        bpl_update(kernels.table, S.single, &arguments, block, rows)
    }
}

extension PackedDataSet.Rows {
    /// The examples `batch[0..<m]` of this view, as the kernels take them.
    func batch(_ batch: UnsafePointer<Int>, m: Int) -> bpl_batch_rows {
        bpl_batch_rows(row_starts: rowStarts, indices: indices, codes: codes, table: table, batch: batch, m: m)
    }
}
