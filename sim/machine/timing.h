/* timing.h — how long things take on the simulated machine.
 *
 * Every figure here stands for something real Go 1.19 does on Linux, and
 * where it matters it was measured there: tests/fidelity/costs.dist,
 * sleep_latency.dist and syscall_handoff.dist hold the measurements (the
 * programs beside them, the commands in their headers).  The instructions'
 * own costs are in opcodes.def (cost_ps).
 *
 * Times are in nanoseconds unless the name says PS (picoseconds): the
 * threads' clocks count picoseconds so that a loop iteration can cost about
 * what a compiled one does (a nanosecond or so) and still be the sum of its
 * instructions.
 */
#ifndef INTERLEAVE_TIMING_H
#define INTERLEAVE_TIMING_H

#include <stdint.h>
#include "machine.h"

#define PS_PER_NS 1000

/* A goroutine switch on one thread: gopark or goexit, schedule(), a
 * findRunnable that finds a G at once, execute and gogo. */
#define TIMING_SWITCH_NS 40
/* One fruitless look for work: checking the queues, four rounds of stealing
 * over every P, releasing the P. */
#define TIMING_LOOK_NS 800
/* Go's runqgrab backs off before taking a running P's runnext: usleep(3),
 * which Linux stretches by the thread's timer slack (50 µs by default). */
#define TIMING_BACKOFF_NS 60000
/* A thread parked in futex_wait is woken (futex_wake to running): at least
 * MIN, then a seeded spread (see timing_wake). */
#define TIMING_WAKE_MIN_NS 18000
#define TIMING_WAKE_SPREAD_NS 40000
/* What waking a parked thread costs the waker (futex_wake, measured as a go
 * statement's cost while a P is idle: costs.dist go_stmt_idle_p). */
#define TIMING_FUTEX_WAKE_NS 10000
/* The process's first timer sets up the network poller (epoll_create,
 * eventfd, epoll_ctl): paid by the goroutine that sets it. */
#define TIMING_NETPOLL_INIT_NS 20000
/* A thread blocked in epoll_wait runs again this long after the kernel
 * makes a socket ready: at least MIN, then a seeded spread — much quicker
 * than TIMING_WAKE: the loopback round trip of echo_server.dist (15.6 µs)
 * holds two of them. */
#define TIMING_EPOLL_WAKE_MIN_NS 2000
#define TIMING_EPOLL_WAKE_SPREAD_NS 4000
/* A new thread (clone, then its first instructions), on top of a wake-up. */
#define TIMING_NEWM_NS 30000
/* The network poller's timeout is in whole milliseconds (netpoll_epoll.go:
 * a wait shorter than 1 ms is 1 ms), and epoll_wait returns late by about
 * this much. */
#define TIMING_EPOLL_LATE_NS 95000
/* sysmon: its first sleep and its longest (proc.go sysmon), µs. */
#define TIMING_SYSMON_MIN_US 20
#define TIMING_SYSMON_MAX_US 10000
/* A usleep or nanosleep returns this much late: Linux's default timer slack
 * for a normal thread. */
#define TIMING_SLEEP_SLACK_NS 50000
/* Returning from a system call to the P it left (exitsyscallfast). */
#define TIMING_SYSCALL_EXIT_NS 100

/* The speed of thread t at picosecond `clock`, in 64ths: identical loops on
 * two cores drift as real cores do (caches, frequency, interrupts).  Drawn
 * per thread per epoch of 2^20 ps (about a microsecond) from the seed. */
#define TIMING_EPOCH_SHIFT 20
uint32_t timing_speed(const Machine *m, int thread, int64_t clock_ps);
/* cost_ps at that speed. */
static inline int64_t timing_scale(int64_t cost_ps, uint32_t speed) { return (cost_ps * speed) >> 6; }
/* How long a parked thread takes to run once woken, drawn from the seed
 * (frame f, purpose salt): TIMING_WAKE_MIN_NS + a skewed spread. */
int64_t timing_wake(const Machine *m, uint64_t salt);
/* The same for a thread blocked in the poller when a socket becomes ready. */
int64_t timing_epoll_wake(const Machine *m, uint64_t salt);

#endif
