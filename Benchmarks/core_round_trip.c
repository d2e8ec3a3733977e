/*
 * How long the two training threads' hand-overs take on this machine right now: a
 * round trip between two threads pinned to CPUs 0 and 1, each waiting for a counter on
 * its own cache line that the other sets (what `bpl_counter_publish` and
 * `bpl_counter_wait` do for each pair of examples and each mini-batch's δ²). Five
 * measurements of 200,000 round trips, a tenth of a second apart.
 *
 *     cc -O2 -pthread Benchmarks/core_round_trip.c -o /tmp/core_round_trip && /tmp/core_round_trip
 *
 * On a VM the figure depends on where the host runs the two virtual CPUs (the same core
 * complex or not) and can change from minute to minute; the pipelined epoch pays it at
 * least twice a mini-batch, 5,000 mini-batches an epoch (README "Speed").
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

enum { rounds = 200000 };
static _Alignas(64) _Atomic long ping;
static _Alignas(64) _Atomic long pong;

static void pin(int cpu) {
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    pthread_setaffinity_np(pthread_self(), sizeof set, &set);
}

static void *answer(void *unused) {
    (void)unused;
    pin(1);
    for (long i = 1; i <= rounds; i++) {
        while (atomic_load_explicit(&ping, memory_order_acquire) != i) {}
        atomic_store_explicit(&pong, i, memory_order_release);
    }
    return NULL;
}

static double round_trip_ns(void) {
    struct timespec start, end;
    atomic_store(&ping, 0);
    atomic_store(&pong, 0);
    pthread_t other;
    pthread_create(&other, NULL, answer, NULL);
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (long i = 1; i <= rounds; i++) {
        atomic_store_explicit(&ping, i, memory_order_release);
        while (atomic_load_explicit(&pong, memory_order_acquire) != i) {}
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    pthread_join(other, NULL);
    return ((end.tv_sec - start.tv_sec) * 1e9 + (end.tv_nsec - start.tv_nsec)) / rounds;
}

int main(void) {
    if (sysconf(_SC_NPROCESSORS_ONLN) < 2) {
        fprintf(stderr, "core_round_trip: needs two CPUs\n");
        return 1;
    }
    pin(0);
    for (int run = 0; run < 5; run++) {
        printf("round trip between CPUs 0 and 1: %.0f ns\n", round_trip_ns());
        fflush(stdout);
        usleep(100000);
    }
    return 0;
}
