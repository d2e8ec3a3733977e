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

    typealias V = SIMD8<S>

    /// Rows of (w²)ᵀ per block: 64 rows of 32 doubles are 16 KiB, half of L1. It must be
    /// 64: a block's rows are the bits of one UInt64 (`touchedRows`).
    static var blockRows: Int { 64 }
    /// The most examples whose non-zero inputs a sweep can regroup (bits of a UInt64).
    static var maximumColumnExamples: Int { 64 }

    let inputs: Int
    let width: Int
    /// The batch size the columns are recorded for, 0 when they are not recorded.
    let columnCapacity: Int
    private let cursors: AlignedBuffer<Int>
    private let columnExamples: AlignedBuffer<UInt64>
    private let columnValues: AlignedBuffer<S>
    private let touchedRows: AlignedBuffer<UInt64>

    /// A sweep for `inputs` rows of `width` padded columns and batches of up to
    /// `capacity` examples, regrouping their inputs when `capacity` ≤ 64.
    init(inputs: Int, width: Int, capacity: Int) {
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
            (z + e * width).initialize(repeating: 0, count: width)
        }
    }

    /// z(e) += Σ xₖ(e) (w²)ᵀ[k] over the block's k, for every example, 32 columns at a
    /// time with the running sums in registers. The pass over the first 32 columns also
    /// finds where the example's inputs in the block end and regroups them by k.
    private func multiply(block: Int, _ weights: UnsafePointer<S>, _ rows: PackedDataSet.Rows<S>,
                          _ batch: UnsafePointer<Int>, _ m: Int, _ zs: UnsafeMutablePointer<S>) {
        let blockEnd = UInt16(truncatingIfNeeded: min(inputs, (block + 1) * Self.blockRows) - 1)
        let indices = rows.indices, codes = rows.codes, rowStarts = rows.rowStarts, table = rows.table
        let record = recordsColumns(m)
        // Local copies of the pointers: the stores below cannot then make the loops reload them.
        let cursors = cursors.pointer, columnExamples = columnExamples.pointer, columnValues = columnValues.pointer
        let columnCapacity = columnCapacity, width = width
        var touched: UInt64 = 0
        /// Notes input k = x of example e for the update; returns k's bit in the block's mask.
        @inline(__always) func regroup(_ k: Int, _ e: Int, _ x: S) -> UInt64 {
            columnExamples[k] |= UInt64(1) &<< UInt64(e)
            columnValues[k &* columnCapacity &+ e] = x
            return UInt64(1) &<< UInt64(truncatingIfNeeded: k)      // &<< takes k mod 64 = k − blockStart
        }
        for e in 0..<m {
            let first = cursors[e], end = rowStarts[batch[e] &+ 1]
            let z = zs + e &* width
            var last = first, c = 0
            if width >= 32 {
                // The first 32 columns find the block's inputs, and regroup them, as they go:
                // one pass over them instead of two.
                var a0 = Kernels.load(z), a1 = Kernels.load(z + 8), a2 = Kernels.load(z + 16), a3 = Kernels.load(z + 24)
                while last < end && indices[last] <= blockEnd {
                    let k = Int(indices[last]), x = table[Int(codes[last])]
                    if record { touched |= regroup(k, e, x) }
                    let r = weights + k &* width, v = V(repeating: x)
                    a0 += v * Kernels.load(r); a1 += v * Kernels.load(r + 8)
                    a2 += v * Kernels.load(r + 16); a3 += v * Kernels.load(r + 24)
                    last &+= 1
                }
                Kernels.store(a0, z); Kernels.store(a1, z + 8); Kernels.store(a2, z + 16); Kernels.store(a3, z + 24)
                c = 32
            } else {
                while last < end && indices[last] <= blockEnd {
                    if record { touched |= regroup(Int(indices[last]), e, table[Int(codes[last])]) }
                    last &+= 1
                }
            }
            if last == first { continue }
            while c &+ 32 <= width {
                var a0 = Kernels.load(z + c), a1 = Kernels.load(z + (c &+ 8))
                var a2 = Kernels.load(z + (c &+ 16)), a3 = Kernels.load(z + (c &+ 24))
                for t in first..<last {
                    let r = weights + (Int(indices[t]) &* width &+ c)
                    let v = V(repeating: table[Int(codes[t])])
                    a0 += v * Kernels.load(r); a1 += v * Kernels.load(r + 8)
                    a2 += v * Kernels.load(r + 16); a3 += v * Kernels.load(r + 24)
                }
                Kernels.store(a0, z + c); Kernels.store(a1, z + (c &+ 8))
                Kernels.store(a2, z + (c &+ 16)); Kernels.store(a3, z + (c &+ 24))
                c &+= 32
            }
            while c < width {
                var a0 = Kernels.load(z + c)
                for t in first..<last {
                    a0 += V(repeating: table[Int(codes[t])]) * Kernels.load(weights + (Int(indices[t]) &* width &+ c))
                }
                Kernels.store(a0, z + c)
                c &+= 8
            }
            cursors[e] = last
        }
        if record { touchedRows.pointer[block] |= touched }
    }

    /// The update of the block's rows for the recorded batch: each touched row (every
    /// row when decay ≠ 1) once, its ∇w summed over the examples in registers.
    private func update(block: Int, _ u: Update) {
        // Two copies of the loop, so that the test for weight decay is not made per number.
        if u.decay == 1 { update(block: block, u, decays: false) } else { update(block: block, u, decays: true) }
    }

    @inline(__always)
    private func update(block: Int, _ u: Update, decays: Bool) {
        let rowCount = min(Self.blockRows, inputs - block * Self.blockRows)
        var rows = !decays ? touchedRows.pointer[block]
                                : (rowCount == 64 ? UInt64.max : (UInt64(1) << UInt64(rowCount)) - 1)
        touchedRows.pointer[block] = 0
        let columnExamples = columnExamples.pointer, columnValues = columnValues.pointer
        let columnCapacity = columnCapacity, width = width, delta = u.delta
        while rows != 0 {
            let k = block &* Self.blockRows &+ rows.trailingZeroBitCount
            rows &= rows &- 1
            let examples = columnCapacity == 0 ? 0 : columnExamples[k]
            if columnCapacity != 0 { columnExamples[k] = 0 }
            let x = columnValues + k &* columnCapacity
            let w = u.target + k &* width
            var c = 0
            while c &+ 32 <= width {
                var g0 = V(), g1 = V(), g2 = V(), g3 = V()
                var remaining = examples
                while remaining != 0 {
                    let e = remaining.trailingZeroBitCount
                    remaining &= remaining &- 1
                    let v = V(repeating: x[e]), d = delta + (e &* width &+ c)
                    g0 += v * Kernels.load(d); g1 += v * Kernels.load(d + 8)
                    g2 += v * Kernels.load(d + 16); g3 += v * Kernels.load(d + 24)
                }
                descend(w + c, g0, u, decays: decays); descend(w + (c &+ 8), g1, u, decays: decays)
                descend(w + (c &+ 16), g2, u, decays: decays); descend(w + (c &+ 24), g3, u, decays: decays)
                c &+= 32
            }
            while c < width {
                var g0 = V()
                var remaining = examples
                while remaining != 0 {
                    let e = remaining.trailingZeroBitCount
                    remaining &= remaining &- 1
                    g0 += V(repeating: x[e]) * Kernels.load(delta + (e &* width &+ c))
                }
                descend(w + c, g0, u, decays: decays)
                c &+= 8
            }
        }
    }

    /// w → decay·w − step·∇w; without weight decay the product 1·w is left out, since it
    /// is w exactly (the same bits).
    @inline(__always)
    private func descend(_ w: UnsafeMutablePointer<S>, _ gradient: V, _ u: Update, decays: Bool) {
        let kept = decays ? V(repeating: u.decay) * Kernels.load(w) : Kernels.load(w)
        Kernels.store(kept - V(repeating: u.step) * gradient, w)
    }
}
