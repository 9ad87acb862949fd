/* sched.c — goroutines on threads on cores, in virtual time, after Go's
 * runtime/proc.go (Go 1.19).
 *
 * Concepts (Go's names, runtime2.go):
 *   G  a goroutine: a stack of frames and a pc.                (Goroutine)
 *   M  an OS thread.  It runs Go code only while it holds a P. (Thread)
 *   P  a processor: the right to run Go code, with its run queues;
 *      GOMAXPROCS of them, one per simulated core.             (Core)
 * A G runs on an M that holds a P.  An M that enters a blocking system call
 * keeps its G and lets its P go (another M may take it); an M with nothing to
 * do gives its P back and parks.  So there are usually more Ms than Ps, and
 * the number of Ms grows when system calls block: that is how Go keeps
 * GOMAXPROCS cores busy while threads wait in the kernel.
 *
 * The problem.  Show what Go's scheduler does — who runs where, when a new
 * or woken G starts, what a blocked thread costs — so that a program's
 * default run is what a learner would see on their own machine, while
 * (1) a run stays a pure function of (program, config, seed, schedule) and
 * (2) every interleaving stays reachable by a schedule.
 *
 * Rejected approaches.
 *   a. Lock-step cores: every busy core executes one instruction per frame.
 *      Simple and parallel-looking, but identical loops never drift, a woken
 *      core starts within a few instructions where a real thread needs
 *      microseconds, and rare outcomes become common (the race without a
 *      sleep printed "the value is 1." in a third of the seeds; real Go:
 *      never).
 *   b. Picking uniformly at random among runnable goroutines.  It produces
 *      interleavings, but ones Go would almost never produce, and seeds say
 *      nothing about Go.
 *   c. Modelling the host (caches, the OS scheduler) in detail: huge, and
 *      still a guess.
 * Chosen: Go's own data structures and protocols, in a discrete-event
 * simulation with one clock per thread.  Each thread that is doing
 * something has a time at which it acts next (Thread.clock, picoseconds).
 * A step (a frame) is the action of the thread whose clock is earliest
 * (ties: the lower thread id): one instruction of its goroutine, one look
 * for work, a wake-up, a system call's return, a poller's wake-up, a tick
 * of sysmon — or a network delivery, the kernel's own event.  The action
 * moves the thread's clock on by what it costs: an instruction's cost
 * (opcodes.def, scaled by the thread's speed of the moment, timing.h), a
 * goroutine switch, a futex wake-up of a parked thread (microseconds),
 * Go's 3 µs back-off before stealing a running P's runnext (which Linux
 * stretches to ~55 µs).  The figures are Go 1.19's on Linux, measured
 * (tests/fidelity/, timing.h).  Parallelism is two threads whose busy
 * intervals overlap on the clock; concurrency on one core is one thread
 * alternating goroutines.  The seed acts in two places only, both drawn
 * from the frame number (counter-based: independent of how the frame was
 * reached): the threads' speeds, which drift per microsecond, and the
 * wake-up latency of each parked thread.
 *
 * Protocols (proc.go's function names in brackets).
 * 1. Making a G runnable [newproc, ready].  It goes into the runnext of the
 *    P whose thread made or woke it, kicking the previous runnext to the
 *    local queue's tail (a full queue spills half to the global queue,
 *    runq.c); then [wakep]: if some P is idle and no M is spinning, one M
 *    is started spinning on an idle P [startm]: the most recently parked M
 *    (or a new one) wakes after a futex wake-up's latency, to go and steal.
 *    A G woken by a timer goes to the runnext of the P whose thread ran the
 *    timer; goroutines the network poller finds go to the global queue
 *    [injectglist].
 * 2. Looking for work [findRunnable], one step of a thread holding a P:
 *    run the timers that are due [checkTimers]; every 61st schedtick the
 *    global queue first; runnext; the local queue; the global queue (a fair
 *    batch moves to the local queue, globrunqget); the goroutines the
 *    network poller has ready; then, if this M is spinning or fewer than
 *    half of the busy Ps have a spinning M, steal [stealWork]: the victims
 *    in a random order, half of the first non-empty local queue, and only
 *    then a victim's runnext — from a running P only after backing off
 *    [runqgrab's usleep(3)], which is why a G made by a goroutine that
 *    keeps running is seldom stolen before its maker blocks.  A spinning M
 *    that finds work stops spinning and wakes another [resetspinning].
 *    Finding nothing, the M releases its P [pidleput] and, if some queue
 *    has work after all, takes an idle P and looks again; else it blocks
 *    in the network poller if timers or network waits are pending and no
 *    other M polls [netpoll(delay): a timeout in whole milliseconds], or
 *    parks [stopm].
 * 3. Running [execute]: a G picked without inheriting starts a new time
 *    slice (schedtick++).  After each instruction: a G that blocked, slept
 *    or exited leaves its thread looking for work (protocol 2) after a
 *    goroutine switch; a G that ran for the time slice (Go: 10 ms,
 *    sysmon's forcePreemptNS) is preempted to the global queue's tail
 *    [gopreempt_m]; a G that entered a system call takes its thread into
 *    the kernel (syscall.c).
 * 4. System calls [entersyscall, retake, handoffp, exitsyscall]: see
 *    syscall.c and sysmon.c.  The network poller: netpoll.c.
 * 5. The end [checkdead]: when the last thread parks with no timer
 *    pending, every goroutine is blocked for good: "all goroutines are
 *    asleep - deadlock!".
 *
 * Forced steps.  A schedule (schedule.c) names the goroutine of each
 * goroutine step.  At a step where the earliest action is some goroutine's
 * instruction, the named goroutine runs its next instruction instead, at
 * the later of now and its thread's clock: as if the OS had stalled every
 * other thread.  A named goroutine that is runnable but on no thread is
 * started at once: by a thread that holds a P without a G, or on an idle P
 * with a thread woken instantly, or in place of the goroutine running on
 * its own P (which goes back to the head of that P's queue).  One that
 * sleeps or waits in a system call lets the machine's other events happen
 * first; one that is blocked is a schedule error.
 *
 * machine_run's fast path (sched_run) runs a thread's plain instructions
 * (vm_run_plain) back to back while its clock stays before every other
 * thread's, with exactly the effects of stepping them one by one.
 *
 * POLICY_SINGLE is the same machinery with one P.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "machine_internal.h"
#include "timing.h"
#include "util.h"

#define GLOBAL_EVERY 61     /* proc.go findRunnable: pp.schedtick%61 == 0 */

/* ---- randomness --------------------------------------------------------------- */

/* splitmix64's mixing function (Steele, Lea, Flood 2014). */
static uint64_t mix(uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

enum { SALT_STEAL = 0x200, SALT_WAKE = 0x300 };

/* Frame f's random word for one purpose: splitmix64 over (frame, salt),
 * keyed by the seed — computed only when a decision needs it. */
static uint64_t frame_random(const Machine *m, uint64_t salt)
{
    return mix(m->rng[0] ^ mix(m->frame ^ m->rng[1]) ^ (salt * 0xd1b54a32d192ed03ULL));
}

uint64_t sched_random(const Machine *m, uint64_t salt)
{
    return frame_random(m, salt);
}

uint32_t timing_speed(const Machine *m, int thread, int64_t clock_ps)
{
    uint64_t epoch = (uint64_t)(clock_ps >> TIMING_EPOCH_SHIFT);
    uint64_t r = mix(m->rng[1] ^ mix(epoch ^ m->rng[0]) ^ ((uint64_t)(thread + 1) * 0x9e3779b97f4a7c15ULL));
    return 56 + (uint32_t)(r % 17);             /* 56..72: ±12% around 64 */
}

/* min + the smaller of two uniform draws below spread: short wake-ups are
 * the common ones. */
static int64_t skewed(const Machine *m, uint64_t salt, int64_t min, int64_t spread)
{
    uint64_t r = frame_random(m, SALT_WAKE + salt);
    uint64_t a = r % (uint64_t)spread, b = (r >> 32) % (uint64_t)spread;
    return min + (int64_t)(a < b ? a : b);
}

int64_t timing_wake(const Machine *m, uint64_t salt)
{
    return skewed(m, salt, TIMING_WAKE_MIN_NS, TIMING_WAKE_SPREAD_NS);
}

int64_t timing_epoll_wake(const Machine *m, uint64_t salt)
{
    return skewed(m, salt, TIMING_EPOLL_WAKE_MIN_NS, TIMING_EPOLL_WAKE_SPREAD_NS);
}

static int64_t ps(int64_t ns) { return ns * PS_PER_NS; }

/* ---- idle lists: Ps and Ms ------------------------------------------------------- */

int sched_npidle(const Machine *m)
{
    int n = 0;
    for (int i = 0; i < m->ncores; i++) n += m->cores[i].state == CORE_IDLE;
    return n;
}

/* pidleget: the most recently idled P, or NULL. */
Core *sched_pidleget(Machine *m)
{
    Core *best = NULL;
    for (int i = 0; i < m->ncores; i++) {
        Core *c = &m->cores[i];
        if (c->state == CORE_IDLE && (!best || c->idle_seq > best->idle_seq)) best = c;
    }
    return best;
}

static void pidleput(Machine *m, Core *c)
{
    c->state = CORE_IDLE;
    c->thread = -1;
    c->g = 0;
    c->idle_seq = ++m->idle_seq;
}

Thread *sched_newm(Machine *m)
{
    GROW(m->threads, m->threads_cap, m->nthreads + 1);
    Thread *t = &m->threads[m->nthreads];
    memset(t, 0, sizeof *t);
    t->id = m->nthreads++;
    t->state = TH_IDLE;
    t->core = -1;
    t->steal_from = -1;
    return t;
}

/* mget: the most recently parked M, or NULL. */
static Thread *mget(Machine *m)
{
    Thread *best = NULL;
    for (int i = 0; i < m->nthreads; i++) {
        Thread *t = &m->threads[i];
        if (t->state == TH_IDLE && (!best || t->idle_seq > best->idle_seq)) best = t;
    }
    return best;
}

/* Go's checkdead, run when a thread parks: with no thread left doing
 * anything (sysmon aside) and no timer pending, nothing can ever wake a
 * goroutine again. */
static void checkdead(Machine *m)
{
    for (int i = 0; i < m->nthreads; i++)
        if (m->threads[i].state != TH_IDLE && m->threads[i].state != TH_SYSMON) return;
    for (int i = 0; i < m->ngs; i++) {
        GState s = m->gs[i].state;
        if (s == G_RUNNABLE || s == G_RUNNING || s == G_SYSCALL) sim_fatal("checkdead", "runnable g");
    }
    if (timer_next(m) != INT64_MAX) return;
    machine_fail(m, M_DEADLOCK, 0, false, "all goroutines are asleep - deadlock!");
}

/* stopm: t parks on the idle list. */
void sched_stopm(Machine *m, Thread *t)
{
    t->state = TH_IDLE;
    t->core = -1;
    t->g = 0;
    t->spinning = false;
    t->steal_from = -1;
    t->idle_seq = ++m->idle_seq;
    if (m->status == M_RUNNING) checkdead(m);
}

/* startm: an M (the latest parked, or a new one) wakes to take P c (an idle
 * one when c is NULL).  A spinning start was counted in nmspinning by the
 * caller, as in Go. */
void sched_startm(Machine *m, Core *c, bool spinning)
{
    if (!c) c = sched_pidleget(m);
    if (!c) {
        if (spinning) m->nmspinning--;
        return;
    }
    int64_t delay = timing_wake(m, (uint64_t)m->nthreads);
    Thread *t = mget(m);
    m->charge_ps += ps(TIMING_FUTEX_WAKE_NS);
    if (!t) {
        t = sched_newm(m);
        delay += TIMING_NEWM_NS;
        machine_emit(m, EV_THREAD_NEW, 0, c->id)->aux = t->id;
    }
    c->state = CORE_RUNNING;
    c->thread = t->id;
    c->g = 0;
    t->state = TH_WAKING;
    t->core = c->id;
    t->spinning = spinning;
    t->steal_from = -1;
    t->clock = m->now_ps + ps(delay);
}

/* wakep: start a spinning M if some P is idle and no M spins already. */
void sched_wakep(Machine *m)
{
    if (!sched_npidle(m) || m->nmspinning) return;
    m->nmspinning = 1;
    sched_startm(m, NULL, true);
}

/* handoffp: P c, taken from a thread in a system call, goes to a new M if
 * there is work for it or nobody else could look; else it goes idle.  Go's
 * sched.npidle counts the Ps on the idle list, which c (already _Pidle, as
 * retake leaves it) joins only at the pidleput below: c is not one of them. */
void sched_handoffp(Machine *m, Core *c)
{
    int npidle = sched_npidle(m) - (c->state == CORE_IDLE);
    if (!runq_empty(c) || m->global.len) {
        sched_startm(m, c, false);
        return;
    }
    if (m->nmspinning + npidle == 0) {
        m->nmspinning++;
        sched_startm(m, c, true);
        return;
    }
    /* The last running P with nobody polling the network: a thread must. */
    if (npidle == m->ncores - 1 && m->lastpoll != 0 &&
        (timer_next(m) != INT64_MAX || netpoll_waiters(m))) {
        sched_startm(m, c, false);
        return;
    }
    pidleput(m, c);
}

/* acquirep: thread t takes idle P c. */
void sched_acquire(Thread *t, Core *c)
{
    c->state = CORE_RUNNING;
    c->thread = t->id;
    c->g = 0;
    t->core = c->id;
    t->state = TH_SCHED;
}

/* ---- running goroutines ------------------------------------------------------------ */

/* The line a goroutine that is about to run is at, for its events. */
static int run_line(const Machine *m, const Goroutine *g)
{
    const Frame *f = &g->frames[g->nframes - 1];
    const Proto *pr = &m->prog->protos[f->proto];
    bool begun = g->steps && g->last_pc >= pr->code_start && g->last_pc < pr->code_end;
    return f->pc == pr->code_start && !begun && pr->line > 0 ? pr->line : m->prog->code_line[f->pc];
}

/* execute: thread t runs g on its P from its next action on. */
void sched_execute(Machine *m, Thread *t, int gid, bool inherit)
{
    Core *c = &m->cores[t->core];
    Goroutine *g = machine_g(m, gid);
    g->state = G_RUNNING;
    g->core = g->last_core = c->id;
    g->thread = t->id;
    if (!inherit) {
        c->schedtick++;
        c->slice_start = m->now;
    }
    c->g = gid;
    t->g = gid;
    t->state = TH_RUNNING;
    m->npicks++;
    Event *e = machine_emit(m, EV_GO_START, gid, c->id);
    e->line = run_line(m, g);
    e->aux = t->id;
}

bool sched_sysmon_preempts(const Machine *m)
{
    return m->cfg.time_slice == MACHINE_GO_TIME_SLICE;
}

/* G gid leaves its thread (it blocked, slept, exited or was preempted). */
static void drop(Machine *m, Thread *t)
{
    Core *c = &m->cores[t->core];
    Goroutine *g = machine_g(m, t->g);
    g->core = -1;
    if (g->state != G_SYSCALL) g->thread = -1;
    c->g = 0;
    c->preempt = false;
    t->g = 0;
}

/* ---- parking and making goroutines runnable (protocol 1) -------------------------------- */

void sched_park(Machine *m, Goroutine *g, int core, WaitReason why, int64_t addr)
{
    g->state = G_BLOCKED;
    g->wait = why;
    g->wait_addr = addr;
    Event *e = machine_emit(m, EV_GO_BLOCK, g->id, core);
    e->wait = why;
    e->addr = addr;
    e->line = m->prog->code_line[g->last_pc];
}

void sched_ready(Machine *m, int g, int waker, int core)
{
    Goroutine *gp = machine_g(m, g);
    gp->state = G_RUNNABLE;
    gp->wait = WAIT_NONE;
    gp->wait_addr = 0;
    gp->core = -1;
    gp->thread = -1;
    Event *e = machine_emit(m, EV_GO_WAKE, g, core);
    e->other_g = waker;
    e->line = machine_goroutine_line(m, gp);
    if (core >= 0) runqput(m, &m->cores[core], g, true);
    else runq_push_tail(&m->global, g);
    sched_wakep(m);
}

void sched_newproc(Machine *m, int g, int core)
{
    runqput(m, &m->cores[core], g, true);
    sched_wakep(m);
}

void sched_gosched(Machine *m, Goroutine *g, int core)
{
    g->state = G_RUNNABLE;
    runq_push_tail(&m->global, g->id);
    Event *e = machine_emit(m, EV_GO_PREEMPT, g->id, core);
    e->line = m->prog->code_line[g->last_pc];
    e->aux = 1;                                 /* yielded, not preempted */
}

/* Every timer due now, run by a thread on P c [checkTimers]: a sleeper
 * wakes into c's runnext; a channel timer sends the time on its channel
 * without blocking (a ticker first re-arms at the next multiple of its
 * period, as Go's runOneTimer). */
static void run_timers(Machine *m, int core)
{
    Timer t;
    while (timer_pop(m, m->now, &t)) {
        if (t.g) {
            sched_ready(m, t.g, 0, core);
            continue;
        }
        if (t.period > 0) {
            int64_t next = t.when + t.period * (1 + (m->now - t.when) / t.period);
            timer_add_chan_id(m, t.id, t.chan, next, t.period);
        }
        chan_timer_send(m, t.chan, m->now, core);
    }
}

/* ---- looking for work (protocol 2) ------------------------------------------------------ */

static int gcd(int a, int b) { while (b) { int t = a % b; a = b; b = t; } return a; }

/* stealWork: half of a victim's local queue, else (unless `no_runnext`) a
 * victim's runnext: at once from a P that is not running Go code, after the
 * back-off from one that is (then t->steal_from names it and -1 returns:
 * the thread sleeps and comes back). */
static int steal(Machine *m, Thread *t, Core *c, bool no_runnext)
{
    int n = m->ncores;
    if (n < 2) return 0;
    uint64_t r = frame_random(m, SALT_STEAL + (uint64_t)t->id);
    int start = (int)(r % (uint64_t)n), ncop = 0, coprimes[MACHINE_MAX_CORES];
    for (int k = 1; k <= n; k++)
        if (gcd(k, n) == 1) coprimes[ncop++] = k;
    int stride = coprimes[(r >> 32) % (uint64_t)ncop];
    for (int k = 0; k < n; k++) {
        Core *v = &m->cores[(start + k * stride) % n];
        if (v == c || v->state == CORE_IDLE) continue;
        int g = runqsteal(c, v);
        if (g) return g;
    }
    if (no_runnext) return 0;
    for (int k = 0; k < n; k++) {
        Core *v = &m->cores[(start + k * stride) % n];
        if (v == c || v->state == CORE_IDLE || !v->runnext) continue;
        if (v->state == CORE_RUNNING && v->g) {
            t->steal_from = v->id;
            return -1;
        }
        int g = v->runnext;
        v->runnext = 0;
        return g;
    }
    return 0;
}

static bool any_runq(const Machine *m)
{
    for (int i = 0; i < m->ncores; i++)
        if (!runq_empty(&m->cores[i])) return true;
    return false;
}

/* What a poller that blocks now would wait for: the next timer, on
 * epoll's millisecond clock (a wait under 1 ms is 1 ms; longer ones are
 * floored), plus how late epoll_wait returns.  INT64_MAX: no timer. */
static int64_t poll_deadline_ps(const Machine *m)
{
    int64_t next = timer_next(m);
    if (next == INT64_MAX) return INT64_MAX;
    int64_t delay = next - m->now, waitms;
    if (delay <= 0) waitms = 0;
    else if (delay < 1000000) waitms = 1;
    else waitms = delay / 1000000;
    return ps(m->now + waitms * 1000000 + TIMING_EPOLL_LATE_NS);
}

/* One look for work by thread t, which holds a P (findRunnable). */
static void findrunnable(Machine *m, Thread *t)
{
    Core *c = &m->cores[t->core];
    bool inherit = false, no_runnext = false;
    int g = 0;
    if (t->steal_from >= 0) {                   /* back from the back-off */
        Core *v = &m->cores[t->steal_from];
        t->steal_from = -1;
        no_runnext = true;
        if (v->runnext && v->state != CORE_IDLE) {
            g = v->runnext;
            v->runnext = 0;
            goto found;
        }
    }
    run_timers(m, c->id);
    if (c->schedtick % GLOBAL_EVERY == 0 && m->global.len && (g = globrunqget(m, c, 1))) goto found;
    if ((g = runqget(c, &inherit))) goto found;
    if (m->global.len && (g = globrunqget(m, c, 0))) goto found;
    if (m->lastpoll != 0 && (g = netpoll_take(m, c))) goto found;
    if (t->spinning || 2 * m->nmspinning < m->ncores - sched_npidle(m)) {
        if (!t->spinning) {
            t->spinning = true;
            m->nmspinning++;
        }
        g = steal(m, t, c, no_runnext);
        if (g < 0) {                            /* usleep(3) before taking runnext */
            t->clock += ps(TIMING_BACKOFF_NS);
            return;
        }
        if (g) goto found;
    }
    if (m->global.len && (g = globrunqget(m, c, 0))) goto found;

    /* Nothing: give the P back. */
    pidleput(m, c);
    t->core = -1;
    t->clock += ps(TIMING_LOOK_NS);
    if (t->spinning) {
        t->spinning = false;
        m->nmspinning--;
        Core *p;
        if (any_runq(m) && (p = sched_pidleget(m))) {     /* checkRunqsNoP: look again */
            sched_acquire(t, p);
            t->spinning = true;
            m->nmspinning++;
            return;
        }
    }
    int64_t deadline = poll_deadline_ps(m);
    if (m->poller < 0 && m->lastpoll != 0 && (deadline != INT64_MAX || netpoll_waiters(m))) {
        netpoll_block(m, t, deadline);
        return;
    }
    sched_stopm(m, t);
    return;

found:
    if (t->spinning) {                          /* resetspinning */
        t->spinning = false;
        m->nmspinning--;
        sched_wakep(m);
    }
    sched_execute(m, t, g, inherit);
    t->clock += ps(TIMING_SWITCH_NS);
}

/* ---- after an instruction (protocol 3) ----------------------------------------------------- */

/* Thread t's goroutine executed an instruction that cost cost_ps. */
static void after_exec(Machine *m, Thread *t, int64_t cost_ps)
{
    t->clock += cost_ps;
    if (m->status != M_RUNNING) return;         /* it failed: it stays where it is */
    Goroutine *g = machine_g(m, t->g);
    switch (g->state) {
    case G_RUNNING: {
        Core *c = &m->cores[t->core];
        if (!c->preempt && (sched_sysmon_preempts(m) || t->clock < ps(c->slice_start + m->cfg.time_slice)))
            return;
        c->preempt = false;
        g->state = G_RUNNABLE;                  /* preempted [gopreempt_m] */
        runq_push_tail(&m->global, g->id);
        machine_emit(m, EV_GO_PREEMPT, g->id, c->id)->line = run_line(m, g);
        drop(m, t);
        t->state = TH_SCHED;
        t->clock += ps(TIMING_SWITCH_NS);
        return;
    }
    case G_SYSCALL:
        syscall_enter(m, t);
        return;
    default:                                    /* blocked, asleep, done */
        drop(m, t);
        t->state = TH_SCHED;
        t->clock += ps(TIMING_SWITCH_NS);
        return;
    }
}

/* Thread t runs one instruction of its goroutine at t's time. */
static void exec_step(Machine *m, Thread *t)
{
    Goroutine *g = machine_g(m, t->g);
    int core = t->core;
    m->last[core].g = g->id;
    m->last[core].pc = g->frames[g->nframes - 1].pc;
    int64_t cost = vm_exec(m, g, core);
    after_exec(m, t, timing_scale(cost, timing_speed(m, t->id, t->clock)));
}

/* ---- forced steps ----------------------------------------------------------------------------- */

static Thread *thread_of(Machine *m, int gid)
{
    const Goroutine *g = machine_g(m, gid);
    return g->thread >= 0 ? &m->threads[g->thread] : NULL;
}

/* Take runnable G gid out of whichever queue holds it. */
static bool unqueue(Machine *m, int gid)
{
    for (int i = 0; i < m->ncores; i++) {
        if (m->cores[i].runnext == gid) { m->cores[i].runnext = 0; return true; }
        if (runq_remove(&m->cores[i].local, gid)) return true;
    }
    return runq_remove(&m->global, gid);
}

/* Put runnable G gid on a thread at once (the schedule wants it to run now):
 * a thread that holds a P without a goroutine, else an idle P with a thread
 * woken instantly, else the P that had it queued (or P0), whose goroutine
 * goes back to the head of that P's queue. */
static Thread *force_start(Machine *m, int gid)
{
    Core *home = NULL;
    for (int i = 0; i < m->ncores && !home; i++)
        if (m->cores[i].runnext == gid || runq_has(&m->cores[i].local, gid)) home = &m->cores[i];
    if (!unqueue(m, gid)) return NULL;
    Thread *t = NULL;
    for (int i = 0; i < m->nthreads && !t; i++) {
        Thread *x = &m->threads[i];
        if ((x->state == TH_SCHED || x->state == TH_WAKING) && x->core >= 0) t = x;
    }
    Core *c;
    if (!t && (c = sched_pidleget(m))) {
        sched_startm(m, c, false);
        t = &m->threads[c->thread];
    }
    if (!t) {
        c = home && home->g ? home : &m->cores[0];
        for (int i = 0; i < m->ncores && !c->g; i++) c = &m->cores[i];
        t = &m->threads[c->thread];
        Goroutine *old = machine_g(m, c->g);
        old->state = G_RUNNABLE;
        runq_push_head(&c->local, old->id);
        machine_emit(m, EV_GO_PREEMPT, old->id, c->id)->line = run_line(m, old);
        drop(m, t);
    }
    if (t->spinning) {
        t->spinning = false;
        m->nmspinning--;
    }
    t->steal_from = -1;
    if (t->clock < m->now_ps) t->clock = m->now_ps;
    sched_execute(m, t, gid, false);
    return t;
}

/* ---- the step ------------------------------------------------------------------------------- */

/* The thread that acts next: the earliest clock, ties to the lower id;
 * `skip_running`: among those not running a goroutine. */
static Thread *earliest(const Machine *m, bool skip_running)
{
    Thread *best = NULL;
    for (int i = 0; i < m->nthreads; i++) {
        Thread *t = &m->threads[i];
        if (t->state == TH_IDLE || t->clock == INT64_MAX) continue;
        if (skip_running && t->state == TH_RUNNING) continue;
        if (!best || t->clock < best->clock) best = t;
    }
    return best;
}

static void begin_frame(Machine *m)
{
    /* A Thread pointer is held across a whole action (the acting thread,
     * sysmon's): room for every thread one action can make (a handoff per
     * core, a wakep, a poller), so m->threads never moves within one. */
    if (m->threads_cap < m->nthreads + m->ncores + 4)
        GROW(m->threads, m->threads_cap, m->nthreads + m->ncores + 4);
    m->nevents = 0;
    m->naccesses = 0;
    m->nhb = 0;
    m->nfreed = 0;
    m->frame++;
    m->acted = -1;
    m->forced_step = -1;
    for (int i = 0; i < m->ncores; i++) m->last[i].g = m->last[i].pc = 0;
}

static void set_time(Machine *m, int64_t at_ps)
{
    if (at_ps > m->now_ps) m->now_ps = at_ps;
    m->now = m->now_ps / PS_PER_NS;
}

/* The thread acting at this step, the schedule's choice applied. */
static void act_state(Machine *m, Thread *t);

static Thread *choose(Machine *m)
{
    Thread *t = earliest(m, false);
    if (!t || t->state != TH_RUNNING || !m->schedule || m->nforced >= (uint64_t)m->schedule->n) return t;
    int gid = m->schedule->picks[m->nforced];
    if (gid >= 1 && gid <= m->ngs) {
        const Goroutine *g = machine_g(m, gid);
        if (g->state == G_RUNNING) {
            m->forced_step = (int64_t)m->nforced++;
            return thread_of(m, gid);
        }
        if (g->state == G_RUNNABLE) {
            set_time(m, t->clock);
            Thread *f = force_start(m, gid);
            if (f) {
                m->forced_step = (int64_t)m->nforced++;
                return f;
            }
        }
        if (g->state == G_SLEEPING || g->state == G_SYSCALL) {
            Thread *o = earliest(m, true);      /* let the world move on first */
            if (o) return o;
        }
    }
    m->status = M_SCHEDULE_ERROR;
    m->exit_code = 2;
    snprintf(m->fatal_msg, sizeof m->fatal_msg, "schedule: step %llu names G%d, which cannot run",
             (unsigned long long)m->nforced + 1, gid);
    return NULL;
}

/* Thread t acts at its clock; what it spent waking other threads is added
 * to its clock afterwards. */
static void act(Machine *m, Thread *t)
{
    m->acted = t->id;
    m->charge_ps = 0;
    act_state(m, t);
    t->clock += m->charge_ps;
    m->charge_ps = 0;
}

static void act_state(Machine *m, Thread *t)
{
    switch (t->state) {
    case TH_RUNNING:
        exec_step(m, t);
        return;
    case TH_SCHED:
        findrunnable(m, t);
        return;
    case TH_WAKING:                             /* acquirep(nextp), then look */
        t->state = TH_SCHED;
        findrunnable(m, t);
        return;
    case TH_SYSCALL:
        syscall_exit(m, t);
        return;
    case TH_POLLING:
        netpoll_wakeup(m, t);
        return;
    case TH_SYSMON:
        sysmon_tick(m, t);
        return;
    case TH_IDLE:
        break;
    }
    sim_fatal("act", "an idle thread acts");
}

/* Nothing will ever happen again: every thread parked or blocked in the
 * poller without a timeout, no timer and no delivery pending — only sysmon
 * would go on looking.  Go's checkdead does not fire (the poller's thread
 * counts as running) and the process waits forever. */
static bool hung(const Machine *m)
{
    if (timer_next(m) != INT64_MAX || timer_next_net(m) != INT64_MAX) return false;
    for (int i = 0; i < m->nthreads; i++) {
        const Thread *t = &m->threads[i];
        if (t->state == TH_SYSMON || t->state == TH_IDLE) continue;
        if (t->state != TH_POLLING || t->clock != INT64_MAX || m->pollready.len) return false;
    }
    return true;
}

/* One frame, then the collector if the heap grew to its goal. */
static void frame(Machine *m);

void sched_step(Machine *m)
{
    frame(m);
    gc_end_frame(m);
}

static void frame(Machine *m)
{
    begin_frame(m);
    int64_t net = timer_next_net(m);
    Thread *t = choose(m);
    if (m->status != M_RUNNING) return;
    if ((!t || t->state == TH_SYSMON) && hung(m)) {      /* (only sysmon would act) */
        m->status = M_HANG;
        m->exit_code = 3;
        snprintf(m->fatal_msg, sizeof m->fatal_msg, "the program waits forever: its goroutines wait "
                 "for the network and nothing is on its way (Go would hang here)");
        machine_emit(m, EV_FATAL, 0, -1);
        return;
    }
    if (net != INT64_MAX && (!t || ps(net) <= t->clock)) {   /* the kernel's event */
        set_time(m, ps(net));
        netpoll_deliver_due(m);
        return;
    }
    if (!t) {
        machine_fail(m, M_DEADLOCK, 0, false, "all goroutines are asleep - deadlock!");
        return;
    }
    set_time(m, t->clock);
    act(m, t);
}

bool machine_next_is_goroutine_step(const Machine *m)
{
    if (m->status != M_RUNNING) return false;
    const Thread *t = earliest(m, false);
    if (!t || t->state != TH_RUNNING) return false;
    int64_t net = timer_next_net(m);        /* sched_step: the kernel's event goes first */
    return net == INT64_MAX || ps(net) > t->clock;
}

/* ---- machine_run's fast path ------------------------------------------------------------------ */

/* Runs of plain instructions: while the earliest thread runs a goroutine
 * whose next instructions are plain (no events, no scheduling), they are
 * executed back to back (vm_run_plain) until its clock reaches the next
 * other event, the end of its speed epoch or its time slice — each one a
 * frame, exactly as sched_step would have run it.  Anything else is a
 * sched_step.  Returns the frames executed. */
uint64_t sched_run(Machine *m, uint64_t max)
{
    uint64_t done = 0;
    while (done < max && m->status == M_RUNNING) {
        Thread *t = earliest(m, false);
        bool forced = m->schedule && m->nforced < (uint64_t)m->schedule->n;
        if (t && t->state == TH_RUNNING && !forced) {
            int64_t until = INT64_MAX;
            for (int i = 0; i < m->nthreads; i++) {
                const Thread *o = &m->threads[i];
                if (o != t && o->state != TH_IDLE && o->clock < until) until = o->clock;
            }
            int64_t net = timer_next_net(m);
            if (net != INT64_MAX && ps(net) < until) until = ps(net);
            int64_t epoch_end = ((t->clock >> TIMING_EPOCH_SHIFT) + 1) << TIMING_EPOCH_SHIFT;
            if (epoch_end < until) until = epoch_end;
            const Core *c = &m->cores[t->core];
            int64_t slice_end = c->preempt ? INT64_MIN
                              : sched_sysmon_preempts(m) ? INT64_MAX : ps(c->slice_start + m->cfg.time_slice);
            Goroutine *g = machine_g(m, t->g);
            if (t->clock < until) {
                int64_t last = t->clock;
                uint64_t k = vm_run_plain(m, g, max - done, &t->clock, until, slice_end,
                                          timing_speed(m, t->id, t->clock), &last);
                if (k) {
                    m->frame += k;
                    m->nevents = 0;
                    m->naccesses = 0;
                    m->nhb = 0;
                    m->nfreed = 0;
                    m->acted = t->id;
                    for (int i = 0; i < m->ncores; i++) m->last[i].g = m->last[i].pc = 0;
                    m->last[c->id].g = g->id;
                    m->last[c->id].pc = g->last_pc;
                    set_time(m, last);
                    done += k;
                    continue;
                }
            }
        }
        sched_step(m);
        done++;
    }
    return done;
}

/* ---- set-up and invariants -------------------------------------------------------------------- */

/* The runtime as main.main finds it (Go 1.19 on Linux, schedtrace_format.txt):
 * M0 runs main's goroutine on P0; sysmon runs on its own M; the runtime's
 * start-up goroutines have left one idle M behind (two with GOMAXPROCS ≥ 2);
 * the other Ps are idle, P1 first. */
void sched_init(Machine *m)
{
    for (int i = m->ncores - 1; i >= 0; i--) {
        Core *c = &m->cores[i];
        c->id = i;
        runq_init_local(c);
        if (i > 0) pidleput(m, c);
    }
    runq_grow(&m->global);
    m->poller = -1;
    m->lastpoll = 1;                            /* nobody polls yet */
    m->trace_start = -1;
    m->lasttrace = INT64_MIN / 2;               /* the first look writes a line */
    runq_grow(&m->pollready);
    Thread *m0 = sched_newm(m);
    Thread *mon = sched_newm(m);
    mon->state = TH_SYSMON;
    mon->clock = ps(TIMING_SYSMON_MIN_US * 1000);
    m->sysmon = mon->id;
    m->sysmon_delay = TIMING_SYSMON_MIN_US;
    Core *p0 = &m->cores[0];
    p0->state = CORE_RUNNING;
    p0->thread = m0->id;
    m0->core = 0;
    m0->state = TH_SCHED;
    runq_push_tail(&p0->local, 1);      /* a slice of its own: the runtime's start-up
                                           has blocked main already (schedtick > 0) */
    int spare = m->ncores >= 2 ? 2 : 1;
    for (int i = 0; i < spare; i++) sched_stopm(m, sched_newm(m));
}

void sched_check_invariants(const Machine *m)
{
    int *seen = xcalloc((size_t)m->ngs + 1, sizeof *seen);
    int spinning = 0;
    for (int i = 0; i < m->nthreads; i++) {
        const Thread *t = &m->threads[i];
        spinning += t->spinning;
        bool holds = t->state == TH_WAKING || t->state == TH_SCHED || t->state == TH_RUNNING;
        if (holds && (t->core < 0 || m->cores[t->core].thread != t->id || m->cores[t->core].state != CORE_RUNNING))
            sim_fatal(__func__, "a thread that holds a P is not that P's");
        if (!holds && t->state != TH_SYSCALL && t->core >= 0) sim_fatal(__func__, "a thread holds a P it should not");
        if ((t->state == TH_RUNNING || t->state == TH_SYSCALL) != (t->g != 0))
            sim_fatal(__func__, "thread state vs g");
        if (t->state == TH_RUNNING) {
            const Goroutine *g = &m->gs[t->g - 1];
            if (g->state != G_RUNNING || g->thread != t->id || m->cores[t->core].g != t->g)
                sim_fatal(__func__, "a running thread's goroutine is not running there");
        }
        if (t->state == TH_SYSCALL && m->gs[t->g - 1].state != G_SYSCALL)
            sim_fatal(__func__, "a thread in a system call without its goroutine in one");
    }
    if (spinning != m->nmspinning) sim_fatal(__func__, "nmspinning");
    for (int i = 0; i < m->ncores; i++) {
        const Core *c = &m->cores[i];
        if (c->state == CORE_IDLE && (c->thread >= 0 || c->g)) sim_fatal(__func__, "an idle P with an M or a G");
        if (c->g && (m->gs[c->g - 1].state != G_RUNNING || m->gs[c->g - 1].core != i))
            sim_fatal(__func__, "a P runs a goroutine that is not running there");
        if (c->runnext) seen[c->runnext]++;
        for (int k = 0; k < c->local.len; k++) seen[runq_at(&c->local, k)]++;
    }
    for (int k = 0; k < m->global.len; k++) seen[runq_at(&m->global, k)]++;
    for (int i = 0; i < m->ngs; i++) {
        const Goroutine *g = &m->gs[i];
        if (seen[g->id] != (g->state == G_RUNNABLE))
            sim_fatal(__func__, "a runnable goroutine is not on exactly one run queue");
    }
    free(seen);
}
