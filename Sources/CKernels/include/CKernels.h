#ifndef BACKPROPLAB_CKERNELS_H
#define BACKPROPLAB_CKERNELS_H

/// The fast engine's hot loops in C, compiled twice on x86-64 — for AVX2 + FMA (with
/// `__attribute__((target("avx2,fma")))`) and for baseline x86-64 (SSE2) — and picked once at
/// run time by what the CPU reports, so that a default release build runs on any x86-64
/// and still uses AVX2 where there is one. On other architectures there is one portable
/// set. Every sum runs in the order of the Swift textbook engine and nothing is fused
/// (`#pragma STDC FP_CONTRACT OFF`): the results are the textbook's bit for bit, whichever
/// set runs. The only fused multiply-adds are in the AVX2 set's vector `exp`, exactly where
/// glibc's `__exp_fma` has them (see `VectorExp.swift`).
///
/// Functions taking `single` run on `float` when it is non-zero, on `double` otherwise;
/// the pointers marked "real" point at numbers of that type.

#include <stdint.h>

/// One set of kernels (see `bpl_kernels_avx2` and `bpl_kernels_baseline`).
typedef struct bpl_kernels bpl_kernels;

/// A mini-batch's examples in the packed set (`PackedDataSet.Rows` and the batch): what
/// `bpl_multiply` and `bpl_gather` read the non-zero inputs from.
typedef struct {
    const long *row_starts;           ///< the packed set's compressed rows
    const uint16_t *indices;
    const uint32_t *codes;
    const void *table;                ///< real: input values by code
    const long *batch;                ///< the batch's example numbers
    long m;                           ///< examples in the batch
} bpl_batch_rows;

/// The first-layer products of one mini-batch that is not gathered (more than 64
/// examples, or evaluation), for `bpl_multiply` (see FirstLayerSweep.swift).
typedef struct {
    const void *weights;              ///< real: (w²)ᵀ, rows of `width`
    bpl_batch_rows rows;              ///< where the batch's inputs are
    void *z;                          ///< real: z(e) rows of `width`, summed into
    long width;                       ///< padded row width, a multiple of 8
    long *cursors;                    ///< per example, its next non-zero input
} bpl_multiply_args;

/// The first layer's pending update, for `bpl_update` (see FirstLayerSweep.swift).
typedef struct {
    void *target;                     ///< real: (w²)ᵀ
    const void *delta;                ///< real: Δ² rows of `width`
    double decay, step;               ///< w → decay·w − step·∇w (values of the real type)
    long width;
    uint64_t *column_examples;        ///< per input k, `column_words` words: bit e mod 64 of word e/64 set
                                      ///< when xₖ(e) ≠ 0; cleared as read
    const void *column_values;        ///< real: xₖ(e) at e·column_stride + k
    long column_capacity;             ///< 0 when nothing was recorded
    long column_stride;
    long column_words;                ///< ⌈capacity / 64⌉
} bpl_update_args;

/// One mini-batch's non-zero inputs gathered once, for `bpl_gather` and `bpl_products`
/// (see FirstLayerSweep.swift): the inputs regrouped as `bpl_multiply` records them, and
/// per example e and block b of 64 inputs where its inputs of the block begin in the
/// packed set (`bounds[e·(blocks + 1) + b]`, the last entry its end).
typedef struct {
    bpl_batch_rows rows;              ///< where the batch's inputs are
    long blocks;                      ///< blocks of 64 inputs
    long *bounds;                     ///< out: m × (blocks + 1) positions in the packed set
    uint64_t *column_examples;        ///< out: per input k, `column_words` words, bit e mod 64 of word e/64 set
                                      ///< when xₖ(e) ≠ 0 (or-ed in); NULL: not kept
    void *column_values;              ///< out, real: xₖ(e) at e·column_stride + k
    long column_stride;
    long column_words;
    uint64_t *touched;                ///< out: per block, bit k mod 64 set when input k is non-zero somewhere (or-ed in)
    long row_begin, row_end;          ///< only inputs k in [row_begin, row_end) are gathered
} bpl_gather_args;

/// The first-layer products of one block of a gathered batch, for `bpl_products`.
typedef struct {
    const void *weights;              ///< real: (w²)ᵀ, rows of `width`
    const uint16_t *indices;          ///< the packed set's input numbers
    const void *column_values;        ///< real: xₖ(e) at e·column_stride + k, from `bpl_gather`
    long column_stride;
    const long *bounds;               ///< from `bpl_gather`
    long m, blocks;
    void *z;                          ///< real: z(e) rows of `width`, summed into
    long width;
    long example_begin, example_end;  ///< the examples e computed here (all: 0, m)
} bpl_products_args;

/// The first layer's ∇w of a gathered batch summed into `gradient` (rows of `width`, laid
/// out as (w²)ᵀ), for `bpl_scatter`: g[k] += xₖ(e)·δ(e) for e ascending, then each input
/// of e in order.
typedef struct {
    const uint16_t *indices;          ///< the packed set's input numbers
    const long *bounds;               ///< from `bpl_gather`
    long blocks;
    const void *column_values;        ///< real: xₖ(e) at e·column_stride + k
    long column_stride;
    long m;
    const void *delta;                ///< real: Δ² rows of `width`
    long width;
    void *gradient;                   ///< real: rows of `width`, +0 where not yet summed into
} bpl_scatter_args;

/// w → decay·w − step·g for the rows of one block, then g → +0, for `bpl_apply`.
typedef struct {
    void *target;                     ///< real: (w²)ᵀ
    void *gradient;                   ///< real: laid out as the target
    double decay, step;
    long width;
} bpl_apply_args;

struct bpl_kernels {
    const char *name;
    void (*combine[2])(void *out, long width, int descend, double decay, double step, const void *rows,
                       long row_stride, const int32_t *indices, const void *coefficients, long count);
    void (*multiply[2])(const bpl_multiply_args *args, long block_end);
    void (*update[2])(const bpl_update_args *args, long block, uint64_t rows);
    void (*sigmoid_bias[2])(void *z, const void *b, long width, long n);
    void (*combine_many[2])(void *out, long out_stride, long outputs, long width, int descend, double decay, double step,
                            const void *rows, long row_stride, const void *coefficients, long coef_stride,
                            long coef_step, long count);
    void (*gather[2])(const bpl_gather_args *args);
    void (*products[2])(const bpl_products_args *args, long block);
    void (*scatter[2])(const bpl_scatter_args *args);
    void (*apply[2])(const bpl_apply_args *args, long block, uint64_t rows);
};

/// The AVX2 + FMA set, or NULL when this CPU lacks AVX2 or FMA (or is not x86-64).
const bpl_kernels *bpl_kernels_avx2(void);
/// The baseline set: SSE2 on x86-64, the compiler's portable code elsewhere.
const bpl_kernels *bpl_kernels_baseline(void);
/// Whether the CPU reports AVX2 and FMA (0 on other architectures).
int bpl_cpu_has_avx2_fma(void);
/// What the CPU reports of the vector extensions that matter here, as bits: 1 AVX2,
/// 2 FMA, 4 AVX-512F (0 on other architectures). The kernels use at most AVX2 and FMA.
int bpl_cpu_vector_features(void);
/// eˣ for `n` numbers (n a multiple of 4) with the AVX2 set's vector exp; returns 0 and
/// writes nothing when that set is not available.
int bpl_vector_exp(const double *x, double *y, long n);

/// acc = Σₜ coefficients[t]·rows[kₜ] (t ascending, kₜ = indices[t] or t when indices is
/// NULL), then out = acc (descend = 0) or out = decay·out − step·acc (descend = 1).
static inline void bpl_combine(const bpl_kernels *k, int single, void *out, long width, int descend, double decay,
                               double step, const void *rows, long row_stride, const int32_t *indices,
                               const void *coefficients, long count) {
    k->combine[single != 0](out, width, descend, decay, step, rows, row_stride, indices, coefficients, count);
}

/// For each output o < `outputs` (at out + o·out_stride, `width` numbers):
/// acc = Σₜ coefficients[o·coef_stride + t·coef_step]·rows[t] (t ascending, from +0), then
/// out = acc (descend = 0) or out = decay·out − step·acc (descend = 1) — `bpl_combine` for
/// many outputs at once, two of them in step.
static inline void bpl_combine_many(const bpl_kernels *k, int single, void *out, long out_stride, long outputs,
                                    long width, int descend, double decay, double step, const void *rows,
                                    long row_stride, const void *coefficients, long coef_stride, long coef_step,
                                    long count) {
    k->combine_many[single != 0](out, out_stride, outputs, width, descend, decay, step, rows, row_stride, coefficients,
                                 coef_stride, coef_step, count);
}

/// z(e) += Σ xₖ(e)·(w²)ᵀ[k] over the example's inputs k ≤ block_end (from its cursor on).
static inline void bpl_multiply(const bpl_kernels *k, int single, const bpl_multiply_args *args, long block_end) {
    k->multiply[single != 0](args, block_end);
}

/// Rows `block`·64 + (set bits of `rows`) of (w²)ᵀ: w → decay·w − step·Σₑ xₖ(e)δ(e),
/// two rows at a time (two independent sums, each over its examples e ascending).
static inline void bpl_update(const bpl_kernels *k, int single, const bpl_update_args *args, long block, uint64_t rows) {
    k->update[single != 0](args, block, rows);
}

/// Gathers a batch's non-zero inputs (see `bpl_gather_args`); the caller has checked
/// that `offsets` and `values` have room for all of them.
static inline void bpl_gather(const bpl_kernels *k, int single, const bpl_gather_args *args) {
    k->gather[single != 0](args);
}

/// z(e) += Σ xₖ(e)·(w²)ᵀ[k] over the example's inputs k in `block`, for every example,
/// from a gathered batch: the same sums, in the same order, as `bpl_multiply`.
static inline void bpl_products(const bpl_kernels *k, int single, const bpl_products_args *args, long block) {
    k->products[single != 0](args, block);
}

/// g[k] += xₖ(e)·δ(e) for every gathered input, e ascending (see `bpl_scatter_args`).
static inline void bpl_scatter(const bpl_kernels *k, int single, const bpl_scatter_args *args) {
    k->scatter[single != 0](args);
}

/// Rows `block`·64 + (set bits of `rows`): w → decay·w − step·g, then g → +0.
static inline void bpl_apply(const bpl_kernels *k, int single, const bpl_apply_args *args, long block, uint64_t rows) {
    k->apply[single != 0](args, block, rows);
}

/// z ← σ(z + b) for the first `n` of `width` numbers, 0 for the padding after them.
static inline void bpl_sigmoid_bias(const bpl_kernels *k, int single, void *z, const void *b, long width, long n) {
    k->sigmoid_bias[single != 0](z, b, width, n);
}

/// Counters one thread raises and others wait on (the pipelined epoch's progress): each
/// on its own cache line, starting at 0.
typedef struct bpl_counters bpl_counters;
/// `count` counters at 0, or NULL when out of memory. With `spin`, a waiting thread spins
/// a while before it sleeps; without (more threads than cores, where the thread waited for
/// is likely not running), it sleeps at once and leaves the core to it.
bpl_counters *bpl_counters_create(long count, int spin);
void bpl_counters_destroy(bpl_counters *counters);
/// Sets counter `index` to `value` (never lower than before); everything the calling
/// thread wrote before is visible to a thread that sees the value.
void bpl_counter_publish(bpl_counters *counters, long index, long value);
/// Returns once counter `index` is at least `value`: spins a while (see `bpl_counters_create`), then sleeps.
void bpl_counter_wait(bpl_counters *counters, long index, long value);
/// Counter `index`'s value now (what a wait for it would compare).
long bpl_counter_value(bpl_counters *counters, long index);
/// How many waits so far ran out of spins and slept (all counters): often, when the
/// threads do not get a core each — the machine is busy with other programs.
long bpl_counters_sleeps(bpl_counters *counters);

#endif
