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

ATTR void NAME(combine)(void *out_, long width, int descend, double decay_, double step_, const void *rows_,
                        long row_stride, const int32_t *indices, const void *coefficients_, long count) {
    REAL *out = out_;
    const REAL *rows = rows_, *coefficients = coefficients_;
    const REAL decay = (REAL)decay_, step = (REAL)step_;
    long c = 0;
    for (; c + 32 <= width; c += 32) {
        VEC a[NV];
        for (int i = 0; i < NV; i++) a[i] = (VEC){0};
        for (long t = 0; t < count; t++) {
            const REAL *r = rows + (indices ? (long)indices[t] : t) * row_stride + c;
            const VEC v = NAME(splat)(coefficients[t]);
            for (int i = 0; i < NV; i++) a[i] += v * NAME(load)(r + i * LANES);
        }
        for (int i = 0; i < NV; i++) NAME(write)(a[i], out + c + i * LANES, descend, decay, step);
    }
    for (; c < width; c += 8) {
        VEC a[N8];
        for (int i = 0; i < N8; i++) a[i] = (VEC){0};
        for (long t = 0; t < count; t++) {
            const REAL *r = rows + (indices ? (long)indices[t] : t) * row_stride + c;
            const VEC v = NAME(splat)(coefficients[t]);
            for (int i = 0; i < N8; i++) a[i] += v * NAME(load)(r + i * LANES);
        }
        for (int i = 0; i < N8; i++) NAME(write)(a[i], out + c + i * LANES, descend, decay, step);
    }
}

/// The first pass over an example's inputs in the block, over `nv` vectors of columns
/// from `c`: finds where they end (returned), regroups them by k when recording, and
/// sums the products into those columns. `nv` is a constant after inlining.
ATTR __attribute__((always_inline)) inline long NAME(first_pass)(
    const int nv, const bpl_multiply_args *args, long block_end, long e, long first, long end, REAL *z, long c,
    uint64_t *touched) {
    const REAL *weights = args->weights, *table = args->table;
    const uint16_t *indices = args->indices;
    const uint32_t *codes = args->codes;
    const long width = args->width, capacity = args->column_capacity;
    uint64_t *column_examples = args->column_examples;
    REAL *column_values = args->column_values;
    VEC a[32 / LANES];
    for (int i = 0; i < nv; i++) a[i] = NAME(load)(z + c + i * LANES);
    long last = first;
    while (last < end && indices[last] <= block_end) {
        const long k = indices[last];
        const REAL x = table[codes[last]];
        if (args->record) {
            column_examples[k] |= (uint64_t)1 << e;
            column_values[k * capacity + e] = x;
            *touched |= (uint64_t)1 << (k & 63);
        }
        const REAL *r = weights + k * width + c;
        const VEC v = NAME(splat)(x);
        for (int i = 0; i < nv; i++) a[i] += v * NAME(load)(r + i * LANES);
        last++;
    }
    for (int i = 0; i < nv; i++) NAME(store)(a[i], z + c + i * LANES);
    return last;
}

ATTR uint64_t NAME(multiply)(const bpl_multiply_args *args, long block_end) {
    const REAL *weights = args->weights, *table = args->table;
    const long *row_starts = args->row_starts, *batch = args->batch;
    const uint16_t *indices = args->indices;
    const uint32_t *codes = args->codes;
    const long m = args->m, width = args->width, begin = args->column_begin, stop = args->column_end;
    long *cursors = args->cursors;
    REAL *zs = args->z;
    uint64_t touched = 0;
    for (long e = 0; e < m; e++) {
        const long first = cursors[e], end = row_starts[batch[e] + 1];
        REAL *z = zs + e * width;
        // The first (up to) 32 columns find the block's inputs, and regroup them, as they go.
        long last, c;
        switch (stop - begin >= 32 ? 32 : stop - begin) {
        case 32: last = NAME(first_pass)(32 / LANES, args, block_end, e, first, end, z, begin, &touched); c = begin + 32; break;
        case 24: last = NAME(first_pass)(24 / LANES, args, block_end, e, first, end, z, begin, &touched); c = begin + 24; break;
        case 16: last = NAME(first_pass)(16 / LANES, args, block_end, e, first, end, z, begin, &touched); c = begin + 16; break;
        default: last = NAME(first_pass)(8 / LANES, args, block_end, e, first, end, z, begin, &touched); c = begin + 8; break;
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
    return touched;
}

/// w → decay·w − step·g, or w − step·g without weight decay (1·w is w exactly).
ATTR __attribute__((always_inline)) inline void NAME(descend)(REAL *w, VEC g, int decays, REAL decay, REAL step) {
    const VEC kept = decays ? NAME(splat)(decay) * NAME(load)(w) : NAME(load)(w);
    NAME(store)(kept - NAME(splat)(step) * g, w);
}

ATTR void NAME(update)(const bpl_update_args *u, long block, uint64_t rows) {
    const REAL decay = (REAL)u->decay, step = (REAL)u->step;
    const int decays = decay != 1;
    const long width = u->width, capacity = u->column_capacity, stop = u->column_end;
    const REAL *delta = u->delta, *column_values = u->column_values;
    REAL *target = u->target;
    uint64_t *column_examples = u->column_examples;
    while (rows != 0) {
        const long k = block * 64 + __builtin_ctzll(rows);
        rows &= rows - 1;
        const uint64_t examples = capacity == 0 ? 0 : column_examples[k];
        if (capacity != 0) column_examples[k] = 0;
        const REAL *x = column_values + k * capacity;
        REAL *w = target + k * width;
        long c = u->column_begin;
        for (; c + 32 <= stop; c += 32) {
            VEC g[NV];
            for (int i = 0; i < NV; i++) g[i] = (VEC){0};
            for (uint64_t remaining = examples; remaining != 0; remaining &= remaining - 1) {
                const long e = __builtin_ctzll(remaining);
                const VEC v = NAME(splat)(x[e]);
                const REAL *d = delta + e * width + c;
                for (int i = 0; i < NV; i++) g[i] += v * NAME(load)(d + i * LANES);
            }
            for (int i = 0; i < NV; i++) NAME(descend)(w + c + i * LANES, g[i], decays, decay, step);
        }
        for (; c < stop; c += 8) {
            VEC g[N8];
            for (int i = 0; i < N8; i++) g[i] = (VEC){0};
            for (uint64_t remaining = examples; remaining != 0; remaining &= remaining - 1) {
                const long e = __builtin_ctzll(remaining);
                const VEC v = NAME(splat)(x[e]);
                const REAL *d = delta + e * width + c;
                for (int i = 0; i < N8; i++) g[i] += v * NAME(load)(d + i * LANES);
            }
            for (int i = 0; i < N8; i++) NAME(descend)(w + c + i * LANES, g[i], decays, decay, step);
        }
    }
}

#undef NV
#undef N8
