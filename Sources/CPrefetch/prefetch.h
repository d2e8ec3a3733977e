#ifndef BACKPROPLAB_CPREFETCH_H
#define BACKPROPLAB_CPREFETCH_H

/// Asks the CPU to start loading the cache line holding `address` (a hint: it never
/// faults, whatever the address). Swift has no prefetch of its own.
static inline __attribute__((always_inline)) void backproplab_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
