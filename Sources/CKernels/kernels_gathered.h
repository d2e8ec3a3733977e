// The fast engine's kernels over a gathered mini-batch, included by kernels_body.h (with
// its macros REAL, VEC, LANES, NAME, ATTR, NV, N8 and its helpers defined): gathering a
// batch's non-zero inputs (`gather`), the first layer's products from them (`products`),
// and the update summed example by example (`scatter`, `apply`). As in kernels_body.h,
// every number is summed in the textbook's order from the same +0, nothing fused.

ATTR void NAME(gather)(const bpl_gather_args *g) {
    const long *restrict row_starts = g->rows.row_starts, *restrict batch = g->rows.batch;
    const uint16_t *restrict indices = g->rows.indices;
    const uint32_t *restrict codes = g->rows.codes;
    const REAL *restrict table = g->rows.table;
    long *restrict bounds = g->bounds;
    uint64_t *restrict column_examples = g->column_examples, *restrict touched = g->touched;
    const long m = g->rows.m, stride = g->column_stride, words = g->column_words;
    const long row_begin = g->row_begin, row_end = g->row_end, last_block = (row_end - 1) >> 6;
    for (long e = 0; e < m; e++) {
        long *restrict b = bounds + e * (g->blocks + 1);
        REAL *restrict values = (REAL *)g->column_values + e * stride;
        long first = row_starts[batch[e]], end = row_starts[batch[e] + 1];
        // This stage's inputs of the example, by binary search over its sorted indices (a
        // scan would read the other stages' share of the example too).
        if (first < end && indices[first] < row_begin) {
            long high = end;
            while (first < high) {
                const long middle = first + (high - first) / 2;
                if (indices[middle] < row_begin) first = middle + 1; else high = middle;
            }
        }
        if (first < end && indices[end - 1] >= row_end) {
            long low = first;
            while (low < end) {
                const long middle = low + (end - low) / 2;
                if (indices[middle] < row_end) low = middle + 1; else end = middle;
            }
        }
        const uint64_t bit = (uint64_t)1 << (e & 63);
        uint64_t *restrict examples = column_examples ? column_examples + (e >> 6) : NULL;
        long block = row_begin >> 6;
        uint64_t mask = 0;
        b[block] = first;
        for (long t = first; t < end; t++) {
            const long k = indices[t];
            if ((k >> 6) != block) {                  // blocks block + 1 … k/64 begin here
                touched[block] |= mask;
                mask = 0;
                while (block < (k >> 6)) b[++block] = t;
            }
            values[k] = table[codes[t]];
            if (examples) examples[k * words] |= bit;
            mask |= (uint64_t)1 << (k & 63);
        }
        touched[block] |= mask;
        while (block <= last_block) b[++block] = end;
    }
}

/// One example's products over `nv` vectors of columns from `c`: positions [f, l).
ATTR __attribute__((always_inline)) inline void NAME(products_one)(
    const int nv, const REAL *restrict weights, long width, const uint16_t *restrict indices, const REAL *restrict x,
    long f, long l, REAL *restrict z) {
    VEC a[NV];
    for (int i = 0; i < nv; i++) a[i] = NAME(load)(z + i * LANES);
    for (long t = f; t < l; t++) {
        const long k = indices[t];
        const REAL *r = weights + k * width;
        const VEC v = NAME(splat)(x[k]);
        for (int i = 0; i < nv; i++) a[i] += v * NAME(load)(r + i * LANES);
    }
    for (int i = 0; i < nv; i++) NAME(store)(a[i], z + i * LANES);
}

/// Two examples' products in step (two independent chains of sums, so that the adds of
/// one fill the latency of the other's), then what is left of the longer one. Each
/// example's sum still runs over its inputs in order.
ATTR __attribute__((always_inline)) inline void NAME(products_two)(
    const int nv, const REAL *restrict weights, long width, const uint16_t *restrict indices,
    const REAL *restrict x0, long f0, long l0, REAL *restrict z0, const REAL *restrict x1, long f1, long l1,
    REAL *restrict z1) {
    VEC a[NV], b[NV];
    for (int i = 0; i < nv; i++) a[i] = NAME(load)(z0 + i * LANES);
    for (int i = 0; i < nv; i++) b[i] = NAME(load)(z1 + i * LANES);
    const long n = (l0 - f0) < (l1 - f1) ? (l0 - f0) : (l1 - f1);
    for (long s = 0; s < n; s++) {
        const long k0 = indices[f0 + s], k1 = indices[f1 + s];
        const REAL *r0 = weights + k0 * width, *r1 = weights + k1 * width;
        const VEC v0 = NAME(splat)(x0[k0]), v1 = NAME(splat)(x1[k1]);
        for (int i = 0; i < nv; i++) {
            a[i] += v0 * NAME(load)(r0 + i * LANES);
            b[i] += v1 * NAME(load)(r1 + i * LANES);
        }
    }
    for (long t = f0 + n; t < l0; t++) {
        const long k = indices[t];
        const REAL *r = weights + k * width;
        const VEC v = NAME(splat)(x0[k]);
        for (int i = 0; i < nv; i++) a[i] += v * NAME(load)(r + i * LANES);
    }
    for (long t = f1 + n; t < l1; t++) {
        const long k = indices[t];
        const REAL *r = weights + k * width;
        const VEC v = NAME(splat)(x1[k]);
        for (int i = 0; i < nv; i++) b[i] += v * NAME(load)(r + i * LANES);
    }
    for (int i = 0; i < nv; i++) NAME(store)(a[i], z0 + i * LANES);
    for (int i = 0; i < nv; i++) NAME(store)(b[i], z1 + i * LANES);
}

/// 16 columns (Double) or 32 (Float) per pass: two examples' sums fit in registers.
#define NP (NV < 4 ? NV : 4)

ATTR void NAME(products)(const bpl_products_args *a, long block) {
    const REAL *weights = a->weights, *values = a->column_values;
    const uint16_t *indices = a->indices;
    const long *bounds = a->bounds;
    const long stride = a->blocks + 1, width = a->width, begin = 0, stop = width;
    const long vstride = a->column_stride;
    REAL *zs = a->z;
    long e = a->example_begin;
    for (; e + 2 <= a->example_end; e += 2) {
        const long f0 = bounds[e * stride + block], l0 = bounds[e * stride + block + 1];
        const long f1 = bounds[(e + 1) * stride + block], l1 = bounds[(e + 1) * stride + block + 1];
        if (f0 == l0 && f1 == l1) continue;
        const REAL *x0 = values + e * vstride, *x1 = values + (e + 1) * vstride;
        REAL *z0 = zs + e * width, *z1 = zs + (e + 1) * width;
        long c = begin;
        // 32 columns of one example fill the registers by themselves (doubles in AVX2):
        // the eight sums already keep the adders busy.
        for (; NV > NP && c + 32 <= stop; c += 32) {
            NAME(products_one)(NV, weights + c, width, indices, x0, f0, l0, z0 + c);
            NAME(products_one)(NV, weights + c, width, indices, x1, f1, l1, z1 + c);
        }
        for (; c + NP * LANES <= stop; c += NP * LANES)
            NAME(products_two)(NP, weights + c, width, indices, x0, f0, l0, z0 + c, x1, f1, l1, z1 + c);
        if (NP * LANES > 16 && c + 16 <= stop) {
            NAME(products_two)(16 / LANES, weights + c, width, indices, x0, f0, l0, z0 + c, x1, f1, l1, z1 + c);
            c += 16;
        }
        for (; c < stop; c += 8)
            NAME(products_two)(N8, weights + c, width, indices, x0, f0, l0, z0 + c, x1, f1, l1, z1 + c);
    }
    for (; e < a->example_end; e++) {
        const long f = bounds[e * stride + block], l = bounds[e * stride + block + 1];
        if (f == l) continue;
        const REAL *x = values + e * vstride;
        REAL *z = zs + e * width;
        long c = begin;
        for (; c + NP * LANES <= stop; c += NP * LANES) NAME(products_one)(NP, weights + c, width, indices, x, f, l, z + c);
        if (NP * LANES > 16 && c + 16 <= stop) {
            NAME(products_one)(16 / LANES, weights + c, width, indices, x, f, l, z + c);
            c += 16;
        }
        for (; c < stop; c += 8) NAME(products_one)(N8, weights + c, width, indices, x, f, l, z + c);
    }
}

/// One example's share of ∇w over `nv` vectors of columns: δ(e) held in registers,
/// g[k] += xₖ(e)·δ(e) for each of its inputs k in order.
ATTR __attribute__((always_inline)) inline void NAME(scatter_pass)(
    const int nv, const uint16_t *restrict indices, long f, long l, const REAL *restrict x, const REAL *restrict d,
    REAL *restrict g, long width) {
    VEC dv[NV];
    for (int i = 0; i < nv; i++) dv[i] = NAME(load)(d + i * LANES);
    for (long t = f; t < l; t++) {
        const long k = indices[t];
        const VEC v = NAME(splat)(x[k]);
        REAL *r = g + k * width;
        for (int i = 0; i < nv; i++) NAME(store)(NAME(load)(r + i * LANES) + v * dv[i], r + i * LANES);
    }
}

ATTR void NAME(scatter)(const bpl_scatter_args *a) {
    const uint16_t *indices = a->indices;
    const long *bounds = a->bounds;
    const REAL *values = a->column_values, *delta = a->delta;
    REAL *g = a->gradient;
    const long m = a->m, bs = a->blocks + 1, stride = a->column_stride, width = a->width;
    const long begin = 0, stop = width;
    for (long e = 0; e < m; e++) {
        const long f = bounds[e * bs], l = bounds[e * bs + a->blocks];
        const REAL *x = values + e * stride, *d = delta + e * width;
        long c = begin;
        for (; c + 32 <= stop; c += 32) NAME(scatter_pass)(32 / LANES, indices, f, l, x, d + c, g + c, width);
        if (c + 16 <= stop) {
            NAME(scatter_pass)(16 / LANES, indices, f, l, x, d + c, g + c, width);
            c += 16;
        }
        for (; c < stop; c += 8) NAME(scatter_pass)(N8, indices, f, l, x, d + c, g + c, width);
    }
}

ATTR void NAME(apply)(const bpl_apply_args *u, long block, uint64_t rows) {
    const REAL decay = (REAL)u->decay, step = (REAL)u->step;
    const int decays = decay != 1;
    const long width = u->width, begin = 0, stop = width;
    REAL *target = u->target, *gradient = u->gradient;
    while (rows != 0) {
        const long k = block * 64 + __builtin_ctzll(rows);
        rows &= rows - 1;
        REAL *w = target + k * width, *g = gradient + k * width;
        for (long c = begin; c < stop; c += LANES) {
            NAME(descend)(w + c, NAME(load)(g + c), decays, decay, step);
            NAME(store)((VEC){0}, g + c);
        }
    }
}

