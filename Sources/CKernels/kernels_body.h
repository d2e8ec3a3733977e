// The generic kernels, included once per (number type, instruction set) by kernels.c
// with these macros defined:
//   REAL      double or float
//   VEC       a vector of REAL: 32 bytes for AVX2, 16 for the baseline
//   LANES     REALs per VEC
//   NAME(x)   x with the variant's suffix
//   ATTR      the variant's function attributes (its target, always "static")
//
// Each function is the Swift loop of the same name (Kernels.combineRows,
// FirstLayerSweep.multiply and .update) written over VECs: every number is summed in the
// same order from the same +0, so the results are the same bits in either variant.

#pragma STDC FP_CONTRACT OFF
#pragma clang fp contract(off)

/// 32 columns at a time: their running sums stay in registers.
#define NV (32 / LANES)
/// The last columns 8 at a time (a row's width is a multiple of 8).
#define N8 (8 / LANES)

ATTR __attribute__((always_inline)) inline VEC NAME(load)(const REAL *p) {
    VEC v;
    __builtin_memcpy(&v, p, sizeof v);
    return v;
}

ATTR __attribute__((always_inline)) inline void NAME(store)(VEC v, REAL *p) {
    __builtin_memcpy(p, &v, sizeof v);
}

ATTR __attribute__((always_inline)) inline VEC NAME(splat)(REAL x) {
    VEC v;
    for (int i = 0; i < LANES; i++) v[i] = x;
    return v;
}

/// out = acc or out = decay·out − step·acc.
ATTR __attribute__((always_inline)) inline void NAME(write)(VEC acc, REAL *p, int descend, REAL decay, REAL step) {
    if (descend) NAME(store)(NAME(splat)(decay) * NAME(load)(p) - NAME(splat)(step) * acc, p);
    else NAME(store)(acc, p);
}

/// 16 columns (Double) or 32 (Float) per pass when two outputs are summed in step.
#define NC (NV < 4 ? NV : 4)

/// One output's combination over `nv` vectors of columns: Σₜ coefficients[t·coef_step]·
/// rows[kₜ], kₜ = indices[t] or t when indices is NULL.
ATTR __attribute__((always_inline)) inline void NAME(combine_one)(
    const int nv, REAL *o, const REAL *rows, long row_stride, const int32_t *indices, const REAL *coefficients,
    long coef_step, long count, int descend, REAL decay, REAL step) {
    VEC a[NV];
    for (int i = 0; i < nv; i++) a[i] = (VEC){0};
    for (long t = 0; t < count; t++) {
        const REAL *r = rows + (indices ? (long)indices[t] : t) * row_stride;
        const VEC v = NAME(splat)(coefficients[t * coef_step]);
        for (int i = 0; i < nv; i++) a[i] += v * NAME(load)(r + i * LANES);
    }
    for (int i = 0; i < nv; i++) NAME(write)(a[i], o + i * LANES, descend, decay, step);
}

/// One output over all `width` columns, 32 at a time with the running sums in registers.
ATTR __attribute__((always_inline)) inline void NAME(combine_row)(
    REAL *o, long width, const REAL *rows, long row_stride, const int32_t *indices, const REAL *coefficients,
    long coef_step, long count, int descend, REAL decay, REAL step) {
    long c = 0;
    for (; c + 32 <= width; c += 32)
        NAME(combine_one)(NV, o + c, rows + c, row_stride, indices, coefficients, coef_step, count, descend, decay, step);
    for (; c < width; c += 8)
        NAME(combine_one)(N8, o + c, rows + c, row_stride, indices, coefficients, coef_step, count, descend, decay, step);
}

ATTR void NAME(combine)(void *out, long width, int descend, double decay, double step, const void *rows,
                        long row_stride, const int32_t *indices, const void *coefficients, long count) {
    NAME(combine_row)(out, width, rows, row_stride, indices, coefficients, 1, count, descend, (REAL)decay, (REAL)step);
}

/// Two outputs' combinations in step: the same rows, each output with its own
/// coefficients and its own sums (two independent chains, each over t ascending).
ATTR __attribute__((always_inline)) inline void NAME(combine_two)(
    const int nv, REAL *o0, REAL *o1, const REAL *rows, long row_stride, const REAL *c0, const REAL *c1, long coef_step,
    long count, int descend, REAL decay, REAL step) {
    VEC a[NV], b[NV];
    for (int i = 0; i < nv; i++) a[i] = (VEC){0};
    for (int i = 0; i < nv; i++) b[i] = (VEC){0};
    for (long t = 0; t < count; t++) {
        const REAL *r = rows + t * row_stride;
        const VEC v0 = NAME(splat)(c0[t * coef_step]), v1 = NAME(splat)(c1[t * coef_step]);
        for (int i = 0; i < nv; i++) {
            const VEC x = NAME(load)(r + i * LANES);
            a[i] += v0 * x;
            b[i] += v1 * x;
        }
    }
    for (int i = 0; i < nv; i++) NAME(write)(a[i], o0 + i * LANES, descend, decay, step);
    for (int i = 0; i < nv; i++) NAME(write)(b[i], o1 + i * LANES, descend, decay, step);
}

ATTR void NAME(combine_many)(void *out_, long out_stride, long outputs, long width, int descend, double decay_,
                             double step_, const void *rows_, long row_stride, const void *coefficients_,
                             long coef_stride, long coef_step, long count) {
    REAL *out = out_;
    const REAL *rows = rows_, *coefficients = coefficients_;
    const REAL decay = (REAL)decay_, step = (REAL)step_;
    long o = 0;
    for (; o + 2 <= outputs; o += 2) {
        REAL *o0 = out + o * out_stride, *o1 = o0 + out_stride;
        const REAL *c0 = coefficients + o * coef_stride, *c1 = c0 + coef_stride;
        long c = 0;
        for (; c + NC * LANES <= width; c += NC * LANES)
            NAME(combine_two)(NC, o0 + c, o1 + c, rows + c, row_stride, c0, c1, coef_step, count, descend, decay, step);
        if (NC * LANES > 16 && c + 16 <= width) {
            NAME(combine_two)(16 / LANES, o0 + c, o1 + c, rows + c, row_stride, c0, c1, coef_step, count, descend, decay, step);
            c += 16;
        }
        for (; c < width; c += 8)
            NAME(combine_two)(N8, o0 + c, o1 + c, rows + c, row_stride, c0, c1, coef_step, count, descend, decay, step);
    }
    for (; o < outputs; o++) {
        NAME(combine_row)(out + o * out_stride, width, rows, row_stride, NULL, coefficients + o * coef_stride, coef_step,
                          count, descend, decay, step);
    }
}

#undef NC

/// The first pass over an example's inputs in the block, over `nv` vectors of columns
/// from `c`: finds where they end (returned) and sums the products into those columns.
/// `nv` is a constant after inlining.
ATTR __attribute__((always_inline)) inline long NAME(first_pass)(
    const int nv, const bpl_multiply_args *args, long block_end, long first, long end, REAL *z, long c) {
    const REAL *weights = args->weights, *table = args->rows.table;
    const uint16_t *indices = args->rows.indices;
    const uint32_t *codes = args->rows.codes;
    const long width = args->width;
    VEC a[32 / LANES];
    for (int i = 0; i < nv; i++) a[i] = NAME(load)(z + c + i * LANES);
    long last = first;
    while (last < end && indices[last] <= block_end) {
        const long k = indices[last];
        const REAL *r = weights + k * width + c;
        const VEC v = NAME(splat)(table[codes[last]]);
        for (int i = 0; i < nv; i++) a[i] += v * NAME(load)(r + i * LANES);
        last++;
    }
    for (int i = 0; i < nv; i++) NAME(store)(a[i], z + c + i * LANES);
    return last;
}

ATTR void NAME(multiply)(const bpl_multiply_args *args, long block_end) {
    const REAL *weights = args->weights, *table = args->rows.table;
    const long *row_starts = args->rows.row_starts, *batch = args->rows.batch;
    const uint16_t *indices = args->rows.indices;
    const uint32_t *codes = args->rows.codes;
    const long m = args->rows.m, width = args->width, begin = 0, stop = width;
    long *cursors = args->cursors;
    REAL *zs = args->z;
    for (long e = 0; e < m; e++) {
        const long first = cursors[e], end = row_starts[batch[e] + 1];
        REAL *z = zs + e * width;
        // The first (up to) 32 columns find the block's inputs as they go.
        long last, c;
        switch (stop - begin >= 32 ? 32 : stop - begin) {
        case 32: last = NAME(first_pass)(32 / LANES, args, block_end, first, end, z, begin); c = begin + 32; break;
        case 24: last = NAME(first_pass)(24 / LANES, args, block_end, first, end, z, begin); c = begin + 24; break;
        case 16: last = NAME(first_pass)(16 / LANES, args, block_end, first, end, z, begin); c = begin + 16; break;
        default: last = NAME(first_pass)(8 / LANES, args, block_end, first, end, z, begin); c = begin + 8; break;
        }
        if (last == first) continue;
        for (; c + 32 <= stop; c += 32) {
            VEC a[NV];
            for (int i = 0; i < NV; i++) a[i] = NAME(load)(z + c + i * LANES);
            for (long t = first; t < last; t++) {
                const REAL *r = weights + (long)indices[t] * width + c;
                const VEC v = NAME(splat)(table[codes[t]]);
                for (int i = 0; i < NV; i++) a[i] += v * NAME(load)(r + i * LANES);
            }
            for (int i = 0; i < NV; i++) NAME(store)(a[i], z + c + i * LANES);
        }
        for (; c < stop; c += 8) {
            VEC a[N8];
            for (int i = 0; i < N8; i++) a[i] = NAME(load)(z + c + i * LANES);
            for (long t = first; t < last; t++) {
                const REAL *r = weights + (long)indices[t] * width + c;
                const VEC v = NAME(splat)(table[codes[t]]);
                for (int i = 0; i < N8; i++) a[i] += v * NAME(load)(r + i * LANES);
            }
            for (int i = 0; i < N8; i++) NAME(store)(a[i], z + c + i * LANES);
        }
        cursors[e] = last;
    }
}

/// w → decay·w − step·g, or w − step·g without weight decay (1·w is w exactly).
ATTR __attribute__((always_inline)) inline void NAME(descend)(REAL *w, VEC g, int decays, REAL decay, REAL step) {
    const VEC kept = decays ? NAME(splat)(decay) * NAME(load)(w) : NAME(load)(w);
    NAME(store)(kept - NAME(splat)(step) * g, w);
}

/// One row's gradient over `nv` vectors of columns: g = Σₑ xₖ(e) δ(e) over the examples
/// e whose bits are set in the `words` words at `examples` (bit e mod 64 of word e/64),
/// ascending, from +0.
ATTR __attribute__((always_inline)) inline void NAME(gradient_one)(
    const int nv, VEC *g, const uint64_t *examples, long words, const REAL *restrict x, long stride,
    const REAL *restrict delta, long width) {
    for (int i = 0; i < nv; i++) g[i] = (VEC){0};
    for (long w = 0; w < words; w++) {
        for (uint64_t bits = examples[w]; bits != 0; bits &= bits - 1) {
            const long e = w * 64 + __builtin_ctzll(bits);
            const VEC v = NAME(splat)(x[e * stride]);
            const REAL *d = delta + e * width;
            for (int i = 0; i < nv; i++) g[i] += v * NAME(load)(d + i * LANES);
        }
    }
}

/// Two rows' updates over `nv` vectors of columns: their gradients summed in step (two
/// independent chains), each over its own examples in ascending order, then the
/// descent of each row.
ATTR __attribute__((always_inline)) inline void NAME(update_two)(
    const int nv, const uint64_t *ex0, const REAL *restrict x0, REAL *restrict w0, const uint64_t *ex1,
    const REAL *restrict x1, REAL *restrict w1, long words, long stride, const REAL *restrict delta, long width,
    int decays, REAL decay, REAL step) {
    VEC g0[NV], g1[NV];
    for (int i = 0; i < nv; i++) g0[i] = (VEC){0};
    for (int i = 0; i < nv; i++) g1[i] = (VEC){0};
    for (long w = 0; w < words; w++) {
        uint64_t b0 = ex0[w], b1 = ex1[w];
        const long base = w * 64;
        while (b0 != 0 && b1 != 0) {
            const long e0 = base + __builtin_ctzll(b0), e1 = base + __builtin_ctzll(b1);
            b0 &= b0 - 1;
            b1 &= b1 - 1;
            const VEC v0 = NAME(splat)(x0[e0 * stride]), v1 = NAME(splat)(x1[e1 * stride]);
            const REAL *d0 = delta + e0 * width, *d1 = delta + e1 * width;
            for (int i = 0; i < nv; i++) {
                g0[i] += v0 * NAME(load)(d0 + i * LANES);
                g1[i] += v1 * NAME(load)(d1 + i * LANES);
            }
        }
        for (; b0 != 0; b0 &= b0 - 1) {
            const long e = base + __builtin_ctzll(b0);
            const VEC v = NAME(splat)(x0[e * stride]);
            const REAL *d = delta + e * width;
            for (int i = 0; i < nv; i++) g0[i] += v * NAME(load)(d + i * LANES);
        }
        for (; b1 != 0; b1 &= b1 - 1) {
            const long e = base + __builtin_ctzll(b1);
            const VEC v = NAME(splat)(x1[e * stride]);
            const REAL *d = delta + e * width;
            for (int i = 0; i < nv; i++) g1[i] += v * NAME(load)(d + i * LANES);
        }
    }
    for (int i = 0; i < nv; i++) NAME(descend)(w0 + i * LANES, g0[i], decays, decay, step);
    for (int i = 0; i < nv; i++) NAME(descend)(w1 + i * LANES, g1[i], decays, decay, step);
}

ATTR __attribute__((always_inline)) inline void NAME(update_row)(
    const int nv, const uint64_t *examples, long words, const REAL *restrict x, long stride, REAL *restrict w,
    const REAL *restrict delta, long width, int decays, REAL decay, REAL step) {
    VEC g[NV];
    NAME(gradient_one)(nv, g, examples, words, x, stride, delta, width);
    for (int i = 0; i < nv; i++) NAME(descend)(w + i * LANES, g[i], decays, decay, step);
}

/// 16 columns (Double) or 32 (Float) per pass: two rows' sums fit in registers.
#define NP (NV < 4 ? NV : 4)

/// Takes the lowest row k left in `*rows` (clearing its bit) for `update`: returns its
/// weights (w²)ᵀ[k], and through `examples` and `x` the words holding the bits of the
/// examples whose input k is non-zero (the caller clears them when done) and where
/// xₖ(0) is.
ATTR __attribute__((always_inline)) inline REAL *NAME(take_row)(
    uint64_t *rows, long block, uint64_t *column_examples, long words, const REAL *column_values, REAL *target,
    long width, uint64_t **examples, const REAL **x) {
    const long k = block * 64 + __builtin_ctzll(*rows);
    *rows &= *rows - 1;
    *examples = column_examples + k * words;
    *x = column_values + k;
    return target + k * width;
}

/// One row's update over all its columns (see `update`).
ATTR __attribute__((always_inline)) inline void NAME(update_one_row)(
    const uint64_t *ex0, long words, const REAL *x0, long stride, REAL *w0, const REAL *delta, long width, int decays,
    REAL decay, REAL step) {
    long c = 0;
    for (; NV > NP && c + 32 <= width; c += 32)
        NAME(update_row)(NV, ex0, words, x0, stride, w0 + c, delta + c, width, decays, decay, step);
    for (; c + NP * LANES <= width; c += NP * LANES)
        NAME(update_row)(NP, ex0, words, x0, stride, w0 + c, delta + c, width, decays, decay, step);
    if (NP * LANES > 16 && c + 16 <= width) {
        NAME(update_row)(16 / LANES, ex0, words, x0, stride, w0 + c, delta + c, width, decays, decay, step);
        c += 16;
    }
    for (; c < width; c += 8) NAME(update_row)(N8, ex0, words, x0, stride, w0 + c, delta + c, width, decays, decay, step);
}

/// `update` for `words` words of example bits per row: inlined for one word (batches of
/// up to 64, where the loops over words then vanish) and for any number.
ATTR __attribute__((always_inline)) inline void NAME(update_words)(const bpl_update_args *u, long block, uint64_t rows,
                                                                    const long words) {
    const REAL decay = (REAL)u->decay, step = (REAL)u->step;
    const int decays = decay != 1;
    const long width = u->width, stop = width, stride = u->column_stride;
    static uint64_t no_examples[1];
    const REAL *delta = u->delta, *column_values = u->column_values;
    REAL *target = u->target;
    uint64_t *column_examples = words == 0 ? no_examples : u->column_examples;
    while (rows != 0) {
        uint64_t *ex0;
        const REAL *x0;
        REAL *w0 = NAME(take_row)(&rows, block, column_examples, words, column_values, target, width, &ex0, &x0);
        if (rows == 0) {
            NAME(update_one_row)(ex0, words, x0, stride, w0, delta, width, decays, decay, step);
            for (long w = 0; w < words; w++) ex0[w] = 0;
            break;
        }
        uint64_t *ex1;
        const REAL *x1;
        REAL *w1 = NAME(take_row)(&rows, block, column_examples, words, column_values, target, width, &ex1, &x1);
        long c = 0;
        for (; NV > NP && c + 32 <= stop; c += 32) {     // as in `products`
            NAME(update_row)(NV, ex0, words, x0, stride, w0 + c, delta + c, width, decays, decay, step);
            NAME(update_row)(NV, ex1, words, x1, stride, w1 + c, delta + c, width, decays, decay, step);
        }
        for (; c + NP * LANES <= stop; c += NP * LANES)
            NAME(update_two)(NP, ex0, x0, w0 + c, ex1, x1, w1 + c, words, stride, delta + c, width, decays, decay, step);
        if (NP * LANES > 16 && c + 16 <= stop) {
            NAME(update_two)(16 / LANES, ex0, x0, w0 + c, ex1, x1, w1 + c, words, stride, delta + c, width, decays, decay,
                             step);
            c += 16;
        }
        for (; c < stop; c += 8)
            NAME(update_two)(N8, ex0, x0, w0 + c, ex1, x1, w1 + c, words, stride, delta + c, width, decays, decay, step);
        for (long w = 0; w < words; w++) ex0[w] = ex1[w] = 0;
    }
}

ATTR void NAME(update)(const bpl_update_args *u, long block, uint64_t rows) {
    // Nothing recorded: no example bits (0 words), each row only decays.
    const long words = u->column_capacity == 0 ? 0 : u->column_words;
    if (words == 1) NAME(update_words)(u, block, rows, 1);
    else NAME(update_words)(u, block, rows, words);
}

#undef NP

// The kernels over a gathered batch (bpl_gather, bpl_products, bpl_scatter, bpl_apply).
#include "kernels_gathered.h"

#undef NP
#undef NV
#undef N8
