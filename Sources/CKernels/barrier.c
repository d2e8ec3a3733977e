// A barrier for the fast engine's training threads: a batch's share of work per thread
// is a few microseconds, too short for a mutex and condition variable, so the waiting
// threads spin (then yield the CPU, on a loaded machine) on a generation counter.

#include "CKernels.h"
#include <sched.h>
#include <stdatomic.h>
#include <stdlib.h>

struct bpl_barrier {
    _Atomic long arrived;
    _Atomic long generation;
    long parties;
};

bpl_barrier *bpl_barrier_create(long parties) {
    bpl_barrier *barrier = calloc(1, sizeof *barrier);
    if (barrier) barrier->parties = parties < 1 ? 1 : parties;
    return barrier;
}

void bpl_barrier_destroy(bpl_barrier *barrier) { free(barrier); }

void bpl_barrier_wait(bpl_barrier *barrier) {
    const long generation = atomic_load_explicit(&barrier->generation, memory_order_acquire);
    if (atomic_fetch_add_explicit(&barrier->arrived, 1, memory_order_acq_rel) == barrier->parties - 1) {
        // The last to arrive opens the barrier for this round (the others cannot leave,
        // and so cannot arrive at the next round, before the generation changes).
        atomic_store_explicit(&barrier->arrived, 0, memory_order_relaxed);
        atomic_fetch_add_explicit(&barrier->generation, 1, memory_order_acq_rel);
        return;
    }
    for (long spins = 0; atomic_load_explicit(&barrier->generation, memory_order_acquire) == generation; spins++) {
        if (spins < 4000) {
#if defined(__x86_64__)
            __builtin_ia32_pause();
#endif
        } else {
            sched_yield();
        }
    }
}
