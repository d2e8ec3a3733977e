// A barrier for the fast engine's training threads. A batch's share of work per thread
// is a few microseconds, too short to put a thread to sleep every time, so a waiting
// thread first spins on the generation counter for a while (about a batch's time); only
// then — e.g. on a machine busier than its cores, where the thread it waits for is not
// running — does it sleep (a futex on Linux, sched_yield elsewhere), so that it does not
// burn the CPU the other thread needs.

#include "CKernels.h"
#include <limits.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdlib.h>
#if defined(__linux__)
#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

struct bpl_barrier {
    _Atomic int arrived;
    _Atomic int generation;
    _Atomic int sleepers;
    int parties;
};

/// Spins before sleeping: a pause is 10–50 ns, so about 20–100 µs.
enum { spin_limit = 2000 };

bpl_barrier *bpl_barrier_create(long parties) {
    bpl_barrier *barrier = calloc(1, sizeof *barrier);
    if (barrier) barrier->parties = parties < 1 ? 1 : (parties > 1024 ? 1024 : (int)parties);
    return barrier;
}

void bpl_barrier_destroy(bpl_barrier *barrier) { free(barrier); }

static void sleep_while(_Atomic int *word, int value) {
#if defined(__linux__)
    syscall(SYS_futex, (int *)word, FUTEX_WAIT_PRIVATE, value, NULL, NULL, 0);
#else
    (void)word;
    (void)value;
    sched_yield();
#endif
}

static void wake_all(_Atomic int *word) {
#if defined(__linux__)
    syscall(SYS_futex, (int *)word, FUTEX_WAKE_PRIVATE, INT_MAX, NULL, NULL, 0);
#else
    (void)word;
#endif
}

void bpl_barrier_wait(bpl_barrier *barrier) {
    const int generation = atomic_load(&barrier->generation);
    if (atomic_fetch_add(&barrier->arrived, 1) == barrier->parties - 1) {
        // The last to arrive opens the barrier for this round (the others cannot leave,
        // and so cannot arrive at the next round, before the generation changes).
        atomic_store(&barrier->arrived, 0);
        atomic_fetch_add(&barrier->generation, 1);
        if (atomic_load(&barrier->sleepers) > 0) wake_all(&barrier->generation);
        return;
    }
    for (int spins = 0; spins < spin_limit; spins++) {
        if (atomic_load(&barrier->generation) != generation) return;
#if defined(__x86_64__)
        __builtin_ia32_pause();
#endif
    }
    // Sequentially consistent: either the opener sees this sleeper and wakes it, or this
    // thread sees the new generation (and the futex returns at once).
    atomic_fetch_add(&barrier->sleepers, 1);
    while (atomic_load(&barrier->generation) == generation) sleep_while(&barrier->generation, generation);
    atomic_fetch_sub(&barrier->sleepers, 1);
}
