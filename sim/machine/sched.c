/* sched.c — the goroutine scheduler, after Go's runtime/proc.go.
 *
 * Concepts (Go's names, runtime2.go):
 *   G  a goroutine: a stack of frames and a pc.              (Goroutine)
 *   M  an OS thread that executes Gs.                          (Thread)
 *   P  a processor: the context an M needs to run Gs — its run queues.
 *      GOMAXPROCS of them; here one per simulated core.        (Core)
 * Every M holds a P while it runs Go code; a G runs on an M.  This machine
 * binds one M to each P for now (no syscalls yet, so no M ever has to leave
 * its P behind), which makes "core" and "P" the same thing.
 *
 * The problem.  In one frame every busy core executes one instruction of its
 * G.  The scheduler decides which G each core runs, when a G gives its core
 * up, and where a G goes when it becomes runnable, so that (1) the machine
 * shows what Go's scheduler does — runnext, local queues, the global queue,
 * stealing, preemption, idle Ps being woken; (2) a run is a pure function of
 * (program, config, seed, schedule); (3) different seeds give the different
 * interleavings a real machine would.
 *
 * Rejected approaches.
 *   a. One global FIFO of runnable Gs served round-robin (a textbook OS
 *      scheduler).  Simple, but it is not Go: it hides runnext (a woken G runs
 *      next on the waker's P), the local queues and stealing, which are what
 *      the article is about; Go abandoned it in 1.1 for contention reasons.
 *   b. Picking uniformly at random among runnable Gs each frame.  It produces
 *      interleavings, but ones Go would almost never produce (a G is switched
 *      out after one instruction), and seeds would say nothing about Go.
 *   c. Modelling host timing (cache misses, OS thread scheduling) in detail.
 *      Faithful in spirit, but huge and still a guess; the results would hinge
 *      on made-up constants.
 * Chosen: Go's data structures and algorithms, with the nondeterminism of a
 * real machine concentrated in two seeded places.  Both draw on the frame's
 * random words, splitmix64 over (frame number, purpose) keyed by the seed in
 * Machine.rng — a counter-based PRNG, so the randomness of frame f never
 * depends on the path taken to it (a forced pick, a fast path that skips
 * frames without decisions) and costs nothing when no decision is made:
 *   - the memory-bus arbiter: the order in which the cores execute their
 *     instructions within a frame (which of two same-frame stores lands last);
 *   - the wake-up latency of an idle P's M (protocol 2): 0..7 extra frames
 *     while other cores keep the machine busy, 0..5 µs of virtual time when
 *     nothing else runs — which decides whether it or a timer comes first.
 *
 * Protocols.
 * 1. A frame (sched_frame): fire every timer due at `now`;
 *    then for each core in arbiter order: a core without a G tries to pick
 *    one (protocol 3), a core with a G executes one instruction (vm_exec),
 *    after which the G may have blocked, slept or exited (the core's M spins:
 *    it looks for work in its next turn) or used up its time slice
 *    (protocol 5).  The clock advances by the largest instruction cost.  A
 *    frame in which no core executed anything is an idle frame (protocol 6).
 * 2. Making a G runnable (Go's ready() and newproc()).  If some P is parked
 *    and none is spinning, the G is handed to the most recently parked P
 *    (Go's pidle list is a stack, pidleget pops the top), whose M wakes up
 *    (CORE_WAKING) and starts it (a pick, protocol 3) at its first turn
 *      - at least one frame later (it was asleep when this frame began),
 *      - after 0..7 further frames in which some core is running a G — an M
 *        waking up takes microseconds, far more than an instruction, but a
 *        timeline where new goroutines idle for thousands of frames would
 *        show nothing; so while the machine is busy, frames measure it.
 *        One wake-up in four is slow (8..47 more frames), as an OS thread
 *        sometimes is: then a goroutine made in a loop may still be waiting
 *        for its M when the next one is made, and two goroutines started
 *        one after the other can run their bodies at the same time (the
 *        lost update of tests/go/sched_lost_update.go) —
 *      - or as soon as `now` reaches Core.wake_at, now + 0..5 µs drawn at the
 *        wake-up: while nothing else runs, idle frames jump the clock to the
 *        earliest of the wake-ups and the timers (protocol 6), so a timer due
 *        sooner than the M overtakes it.
 *    Go's wakep() only wakes that M, which then steals the G; handing it the
 *    G at once is as if the steal won its race against the G's own P.  The
 *    wake-up delay then shows, and it is what makes racy programs such as
 *    scenarios/race.go come out differently with different seeds: main's
 *    1 µs sleep ends before or after the new goroutine's M is up.  Otherwise
 *    (no parked P, or one spinning that will find the G itself):
 *      - a new goroutine (go statement) goes into its creator's P's runnext,
 *        kicking the previous runnext to the local queue tail (runqput with
 *        next = true);
 *      - a G woken by Unlock, Add or Done goes into the waker's P's runnext
 *        (Go's goready → ready(next=true));
 *      - a G woken by its timer goes to the global queue (Go runs timers on
 *        per-P heaps and readies the G into that P's runnext; our one sleep
 *        queue belongs to no P, so the global queue is the neutral place).
 *    A local queue holds 256 Gs (runtime2.go p.runq); when full, half of it
 *    plus the new G move to the global queue (runqputslow).
 * 3. Picking (findRunnable in proc.go), for a spinning core or a waking one
 *    whose frames are up:
 *      a. every 61st schedtick the global queue first (fairness: two Gs that
 *         keep readying each other through runnext must not starve the
 *         global queue — proc.go's schedtick%61);
 *      b. runnext (the G inherits the current time slice, so a ping-pong pair
 *         cannot hog the P: runqget's inheritTime; after a preemption the
 *         slice is over and the next one starts afresh);
 *      c. the local queue head;
 *      d. the global queue: a batch of min(len/GOMAXPROCS+1, 128) moves to
 *         the local queue (globrunqget);
 *      e. stealing: victims in a random order (proc.go randomOrder: a random
 *         start and a stride coprime to GOMAXPROCS); take half of the first
 *         non-empty local queue (runqsteal/runqgrab, n - n/2); if every local
 *         queue is empty, take a running P's runnext (Go's last steal try,
 *         stealRunNextG; Go first backs off 3 µs, which we leave out).
 *    Nothing found: the core parks (CORE_PARKED) until protocol 2 wakes it.
 *    A pick sets the G running, emits EV_GO_START and counts in npicks; if the
 *    schedule (Machine.schedule) names a G for this pick number, that G is
 *    taken from whichever queue holds it instead, and the policy's choice is
 *    put back where it came from (M_SCHEDULE_ERROR if the named G is not
 *    runnable).  Randomness never depends on the choice, so replaying a run's
 *    own picks reproduces it frame for frame.
 * 4. Blocking: sync.c and vm.c set the G's state; the core lets it go.
 * 5. Preemption: after cfg.quantum steps in one time slice (Go: sysmon's
 *    forcePreemptNS, 10 ms) the G goes to the global queue tail (Go's
 *    gopreempt_m → goschedImpl → globrunqput) and the core picks again in
 *    its next turn — often the same G if nothing else waits.
 * 6. An idle frame (no core executed anything): the clock jumps
 *    (EV_TIME_JUMP) to the earliest of the pending timers and the waking Ms'
 *    wake_at, and every timer due then fires; the next frame starts the Ms
 *    that are up.  With nothing running, runnable, waking or sleeping, every
 *    goroutine is blocked for good: Go's "all goroutines are asleep -
 *    deadlock!" (proc.go checkdead).
 *
 * machine_run's fast path (sched_run_solo) is this protocol specialised to
 * one active core with every other one parked; it must stay frame-for-frame
 * identical to sched_frame (tests/test_sched.c checks it).
 *
 * POLICY_SINGLE is the same machinery with one core: time-slicing by quantum.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "machine_internal.h"
#include "util.h"

#define RUNQ_SIZE 256       /* runtime2.go: p.runq [256]guintptr               */
#define GLOBAL_EVERY 61     /* proc.go findRunnable: pp.schedtick%61 == 0      */
#define WAKE_FRAMES 8       /* a woken P's M runs after 0..7 extra busy frames */
#define WAKE_SLOW_FRAMES 40 /* ...one wake-up in four is slow: 8..47 frames     */
#define WAKE_NS 5001        /* ...or 0..5 µs of virtual time, if that is sooner */

/* splitmix64's mixing function (Steele, Lea, Flood 2014). */
static uint64_t mix(uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

enum { SALT_ORDER = 1, SALT_WAKE = 0x100, SALT_STEAL = 0x200 };

/* Frame f's random word for one purpose: splitmix64 over (frame, salt),
 * keyed by the seed — computed only when a decision needs it. */
static uint64_t frame_random(const Machine *m, uint64_t salt)
{
    return mix(m->rng[0] ^ mix(m->frame ^ m->rng[1]) ^ (salt * 0xd1b54a32d192ed03ULL));
}

/* ---- run queues (rings of goroutine ids) ------------------------------------ */

static int rq_at(const RunQueue *q, int k) { return q->ids[(q->head + k) % q->cap]; }

static void rq_grow(RunQueue *q)
{
    int cap = q->cap ? q->cap * 2 : 64;
    int *ids = xmalloc((size_t)cap * sizeof *ids);
    for (int k = 0; k < q->len; k++) ids[k] = rq_at(q, k);
    free(q->ids);
    q->ids = ids;
    q->cap = cap;
    q->head = 0;
}

static void rq_push_tail(RunQueue *q, int g)
{
    if (q->len == q->cap) rq_grow(q);
    q->ids[(q->head + q->len++) % q->cap] = g;
}

static void rq_push_head(RunQueue *q, int g)
{
    if (q->len == q->cap) rq_grow(q);
    q->head = (q->head + q->cap - 1) % q->cap;
    q->ids[q->head] = g;
    q->len++;
}

static int rq_pop_head(RunQueue *q)
{
    if (!q->len) return 0;
    int g = q->ids[q->head];
    q->head = (q->head + 1) % q->cap;
    q->len--;
    return g;
}

static bool rq_remove(RunQueue *q, int g)
{
    for (int k = 0; k < q->len; k++) {
        if (rq_at(q, k) != g) continue;
        for (; k + 1 < q->len; k++) q->ids[(q->head + k) % q->cap] = rq_at(q, k + 1);
        q->len--;
        return true;
    }
    return false;
}

/* Go's runqput: next puts g in runnext and kicks the old one to the tail. */
static void runqput(Machine *m, Core *c, int g, bool next)
{
    if (next) {
        int old = c->runnext;
        c->runnext = g;
        if (!old) return;
        g = old;
    }
    if (c->local.len < RUNQ_SIZE) {
        rq_push_tail(&c->local, g);
        return;
    }
    /* runqputslow: half of the full local queue and g go to the global one. */
    for (int k = 0; k < RUNQ_SIZE / 2; k++) rq_push_tail(&m->global, rq_pop_head(&c->local));
    rq_push_tail(&m->global, g);
}

/* Go's globrunqget: take one G and move a fair batch to the local queue. */
static int globrunqget(Machine *m, Core *c, int max)
{
    int n = m->global.len;
    if (n <= 1) return rq_pop_head(&m->global);
    int want = n / m->ncores + 1;
    if (want > n) want = n;
    if (max > 0 && want > max) want = max;
    if (want > RUNQ_SIZE / 2) want = RUNQ_SIZE / 2;
    int g = rq_pop_head(&m->global);
    while (--want > 0) runqput(m, c, rq_pop_head(&m->global), false);
    return g;
}

/* The line a goroutine that is about to run (or was just stopped by the
 * scheduler) is at, for its events: machine_goroutine_line, cheaply. */
static int run_line(const Machine *m, const Goroutine *g)
{
    const Frame *f = &g->frames[g->nframes - 1];
    const Proto *pr = &m->prog->protos[f->proto];
    bool begun = g->steps && g->last_pc >= pr->code_start && g->last_pc < pr->code_end;
    return f->pc == pr->code_start && !begun && pr->line > 0 ? pr->line : m->prog->code_line[f->pc];
}

/* ---- picking ------------------------------------------------------------------ */

static int gcd(int a, int b) { while (b) { int t = a % b; a = b; b = t; } return a; }

static int steal(Machine *m, Core *c)
{
    int n = m->ncores;
    if (n < 2) return 0;
    uint64_t r = frame_random(m, SALT_STEAL + (uint64_t)c->id);
    int start = (int)(r % (uint64_t)n), stride = 1;
    int ncop = 0, coprimes[MACHINE_MAX_CORES];
    for (int k = 1; k <= n; k++)
        if (gcd(k, n) == 1) coprimes[ncop++] = k;
    stride = coprimes[(r >> 32) % (uint64_t)ncop];
    for (int pass = 0; pass < 2; pass++) {
        for (int k = 0; k < n; k++) {
            Core *v = &m->cores[(start + k * stride) % n];
            if (v == c) continue;
            if (pass == 0 && v->local.len) {
                int take = v->local.len - v->local.len / 2;
                for (int i = 0; i < take - 1; i++) rq_push_tail(&c->local, rq_pop_head(&v->local));
                return rq_pop_head(&v->local);
            }
            if (pass == 1 && v->state == CORE_RUNNING && v->runnext) {
                int g = v->runnext;
                v->runnext = 0;
                return g;
            }
        }
    }
    return 0;
}

static int findrunnable(Machine *m, Core *c, bool *inherit)
{
    *inherit = false;
    if (c->schedtick % GLOBAL_EVERY == 0 && m->global.len) return globrunqget(m, c, 1);
    if (c->runnext) {
        int g = c->runnext;
        c->runnext = 0;
        *inherit = true;
        return g;
    }
    if (c->local.len) return rq_pop_head(&c->local);
    if (m->global.len) return globrunqget(m, c, 0);
    return steal(m, c);
}

/* The schedule's G for this pick, taken from whichever queue holds it. */
static bool take(Machine *m, int g)
{
    if (g < 1 || g > m->ngs || m->gs[g - 1].state != G_RUNNABLE) return false;
    for (int i = 0; i < m->ncores; i++) {
        if (m->cores[i].runnext == g) { m->cores[i].runnext = 0; return true; }
        if (rq_remove(&m->cores[i].local, g)) return true;
    }
    return rq_remove(&m->global, g);
}

static void park(Machine *m, Core *c)
{
    c->state = CORE_PARKED;
    c->park_seq = ++m->park_seq;
    c->slice = 0;
    m->threads[c->thread].g = 0;
}

/* Start g (the policy's choice, or the schedule's) on core c. */
static bool start(Machine *m, Core *c, int g, bool inherit)
{
    if (m->schedule && m->npicks < (uint64_t)m->schedule->n) {
        int forced = m->schedule->picks[m->npicks];
        if (forced != g) {
            if (inherit) c->runnext = g;
            else if (c->local.len < RUNQ_SIZE) rq_push_head(&c->local, g);
            else rq_push_head(&m->global, g);
            if (!take(m, forced)) {
                m->status = M_SCHEDULE_ERROR;
                m->exit_code = 2;
                snprintf(m->fatal_msg, sizeof m->fatal_msg,
                         "schedule: pick %llu names G%d, which is not runnable",
                         (unsigned long long)m->npicks + 1, forced);
                return false;
            }
            g = forced;
            inherit = false;
        }
    }
    Goroutine *gp = machine_g(m, g);
    gp->state = G_RUNNING;
    gp->core = gp->last_core = c->id;
    if (!inherit) {
        c->schedtick++;
        c->slice = 0;
    }
    gp->slice_used = c->slice;
    c->g = g;
    c->state = CORE_RUNNING;
    m->threads[c->thread].g = g;
    m->npicks++;
    machine_emit(m, EV_GO_START, g, c->id)->line = run_line(m, gp);
    return true;
}

/* A core without a G in its turn: true when it now runs one.  `busy`: some
 * core was running a goroutine when the frame began (protocol 2's rule for
 * when a waking M's frames count). */
static bool pick(Machine *m, Core *c, bool busy)
{
    switch (c->state) {
    case CORE_RUNNING:
        return true;
    case CORE_PARKED:
        return false;
    case CORE_WAKING:
        if (m->frame == c->woken_frame) return false;   /* asleep when its turn began */
        if (m->now < c->wake_at) {
            if (!busy) return false;
            if (c->wake_frames > 0) {
                c->wake_frames--;
                return false;
            }
        }
        break;
    case CORE_SPINNING:
        break;
    }
    bool inherit;
    int g = findrunnable(m, c, &inherit);
    if (!g) {
        park(m, c);
        return false;
    }
    return start(m, c, g, inherit);
}

/* ---- making goroutines runnable -------------------------------------------------- */

/* Protocol 2: hand g to the most recently parked P, if no M is spinning. */
static bool wakep(Machine *m, int g)
{
    Core *best = NULL;
    for (int i = 0; i < m->ncores; i++) {
        Core *c = &m->cores[i];
        if (c->state == CORE_SPINNING) return false;
        if (c->state == CORE_PARKED && (!best || c->park_seq > best->park_seq)) best = c;
    }
    if (!best) return false;
    uint64_t r = frame_random(m, SALT_WAKE + (uint64_t)best->id);
    best->state = CORE_WAKING;
    best->runnext = g;
    best->wake_frames = (int)(r % WAKE_FRAMES);
    if (((r >> 40) & 3) == 0)                   /* the OS was slow to run the M */
        best->wake_frames += WAKE_FRAMES + (int)((r >> 42) % WAKE_SLOW_FRAMES);
    best->woken_frame = m->frame;
    best->wake_at = m->now + (int64_t)((r >> 16) % WAKE_NS);
    return true;
}

void sched_ready(Machine *m, int g, int waker, int core)
{
    Goroutine *gp = machine_g(m, g);
    gp->state = G_RUNNABLE;
    gp->wait = WAIT_NONE;
    gp->wait_addr = 0;
    gp->core = -1;
    Event *e = machine_emit(m, EV_GO_WAKE, g, core);
    e->other_g = waker;
    e->line = machine_goroutine_line(m, gp);
    if (wakep(m, g)) return;
    if (core >= 0) runqput(m, &m->cores[core], g, true);
    else rq_push_tail(&m->global, g);
}

void sched_newproc(Machine *m, int g, int core)
{
    if (!wakep(m, g)) runqput(m, &m->cores[core], g, true);
}

/* Every timer due now: a sleeper wakes; a channel timer sends the time on
 * its channel without blocking (a ticker first re-arms, as Go's runOneTimer:
 * at the next multiple of its period after now). */
static void fire_timers(Machine *m)
{
    Timer t;
    while (timer_pop(m, m->now, &t)) {
        if (t.g) {
            sched_ready(m, t.g, 0, -1);
            continue;
        }
        if (t.net) {
            net_deliver(m, t.net);
            continue;
        }
        if (t.period > 0) {
            int64_t next = t.when + t.period * (1 + (m->now - t.when) / t.period);
            timer_add_chan_id(m, t.id, t.chan, next, t.period);
        }
        chan_timer_send(m, t.chan, m->now);
    }
}

uint64_t sched_random(const Machine *m, uint64_t salt)
{
    return frame_random(m, salt);
}

void sched_gosched(Machine *m, Goroutine *g, int core)
{
    g->state = G_RUNNABLE;
    rq_push_tail(&m->global, g->id);
    Event *e = machine_emit(m, EV_GO_PREEMPT, g->id, core);
    e->line = m->prog->code_line[g->last_pc];
    e->aux = 1;                                 /* yielded, not preempted */
}

/* ---- frames ---------------------------------------------------------------------- */

void sched_init(Machine *m)
{
    for (int i = 0; i < m->ncores; i++) {
        Core *c = &m->cores[i];
        c->id = i;
        c->thread = i;
        c->local.ids = xmalloc(RUNQ_SIZE * sizeof(int));
        c->local.cap = RUNQ_SIZE;
        c->state = CORE_PARKED;
        /* procresize pushes P(n-1) .. P1 on the idle stack: P1 is woken first. */
        c->park_seq = (uint64_t)(m->ncores - i);
        m->threads[i].id = i + 1;
        m->threads[i].core = i;
    }
    m->park_seq = (uint64_t)m->ncores;
    rq_grow(&m->global);
    m->cores[0].state = CORE_SPINNING;  /* M0 runs runtime.main's G on P0 */
    m->cores[0].runnext = 1;
}

/* Go's checkdead runs when the last M goes idle: the frame in which the last
 * goroutine blocks is the frame of the deadlock, so stepping back one frame
 * shows the world just before it.  Nothing can wake a goroutine blocked on a
 * mutex or WaitGroup when every other one is blocked too and no timer is
 * pending (a timer could wake a sleeper, which could release something). */
static bool all_blocked_for_good(const Machine *m)
{
    for (int i = 0; i < m->ngs; i++)
        if (m->gs[i].state != G_DONE && m->gs[i].state != G_BLOCKED) return false;
    return timer_next(m) == INT64_MAX;
}

static void after_exec(Machine *m, Core *c, int gid)
{
    Goroutine *g = machine_g(m, gid);
    if (g->state == G_BLOCKED && m->status == M_RUNNING && all_blocked_for_good(m))
        machine_fail(m, M_DEADLOCK, 0, false, "all goroutines are asleep - deadlock!");
    if (g->state == G_RUNNING) {
        if (m->status != M_RUNNING) return;     /* it failed: it stays where it is */
        g->slice_used = ++c->slice;
        if (c->slice < m->cfg.quantum) return;
        g->state = G_RUNNABLE;                  /* protocol 5 */
        c->slice = 0;                           /* the slice is over: none to inherit */
        rq_push_tail(&m->global, gid);
        machine_emit(m, EV_GO_PREEMPT, gid, c->id)->line = run_line(m, g);
    }
    g->core = -1;
    c->g = 0;
    c->state = CORE_SPINNING;
    m->threads[c->thread].g = 0;
}

static bool any_runnable(const Machine *m)
{
    if (m->global.len) return true;
    for (int i = 0; i < m->ncores; i++)
        if (m->cores[i].runnext || m->cores[i].local.len) return true;
    return false;
}

/* Protocol 6. */
static void idle_frame(Machine *m)
{
    int64_t wake = INT64_MAX;
    for (int i = 0; i < m->ncores; i++) {
        const Core *c = &m->cores[i];
        if (c->state == CORE_SPINNING || c->state == CORE_RUNNING) return;
        if (c->state == CORE_WAKING && c->wake_at < wake) wake = c->wake_at;
    }
    int64_t t = timer_next(m);
    if (t != INT64_MAX || wake != INT64_MAX) {
        int64_t to = t < wake ? t : wake;
        if (to > m->now) {
            m->now = to;
            machine_emit(m, EV_TIME_JUMP, 0, -1);
        }
        fire_timers(m);
        return;
    }
    if (any_runnable(m)) sim_fatal("idle_frame", "runnable goroutines but every P parked");
    machine_fail(m, M_DEADLOCK, 0, false, "all goroutines are asleep - deadlock!");
}

static void begin_frame(Machine *m)
{
    m->nevents = 0;
    m->frame++;
    for (int i = 0; i < m->ncores; i++) m->last[i].g = m->last[i].pc = 0;
}

/* Core c executes one instruction of its goroutine in this frame. */
static int exec_on(Machine *m, Core *c)
{
    int gid = c->g;
    Goroutine *g = machine_g(m, gid);
    m->last[c->id].g = gid;
    m->last[c->id].pc = g->frames[g->nframes - 1].pc;
    int cost = vm_exec(m, g, c->id);
    after_exec(m, c, gid);
    return cost;
}

/* The arbiter: this frame's order of the cores, a permutation decoded from
 * one random word. */
static void arbiter_order(const Machine *m, int *order)
{
    int n = m->ncores;
    for (int i = 0; i < n; i++) order[i] = i;
    if (n < 2) return;
    uint64_t r = frame_random(m, SALT_ORDER);
    for (int i = n - 1; i > 0; i--) {
        int j = (int)(r % (uint64_t)(i + 1));
        r /= (uint64_t)(i + 1);
        int t = order[i]; order[i] = order[j]; order[j] = t;
    }
}

void sched_frame(Machine *m)
{
    begin_frame(m);
    fire_timers(m);
    int n = m->ncores, order[MACHINE_MAX_CORES];
    arbiter_order(m, order);
    bool busy = false;
    for (int i = 0; i < n; i++) busy |= m->cores[i].g != 0;
    int maxcost = 0;
    bool executed = false;
    for (int k = 0; k < n && m->status == M_RUNNING; k++) {
        Core *c = &m->cores[order[k]];
        if (!c->g && !pick(m, c, busy)) continue;
        int cost = exec_on(m, c);
        if (cost > maxcost) maxcost = cost;
        executed = true;
    }
    m->now += maxcost;
    if (!executed && m->status == M_RUNNING) idle_frame(m);
}

/* ---- machine_run's fast path ---------------------------------------------------- */

/* The one core that is not parked, if it runs or is about to pick. */
static Core *sole_core(Machine *m)
{
    Core *c = NULL;
    for (int i = 0; i < m->ncores; i++) {
        if (m->cores[i].state == CORE_PARKED) continue;
        if (c) return NULL;
        c = &m->cores[i];
    }
    return c && (c->state == CORE_RUNNING || c->state == CORE_SPINNING) ? c : NULL;
}

/* A frame in which only core c is active (every other core parked at its
 * start, no timer due): sched_frame's effects without its loop.  Should c's
 * instruction wake a parked P, the cores after c in the arbiter order get
 * their turn, as in sched_frame (those before c were parked at theirs). */
static void solo_frame(Machine *m, Core *c)
{
    begin_frame(m);
    bool busy = c->g != 0;
    if (!c->g && !pick(m, c, false)) return;        /* a schedule error */
    Goroutine *g = machine_g(m, c->g);
    int pc = g->frames[g->nframes - 1].pc;
    if (vm_run_plain(m, g, 1, INT64_MAX)) {         /* no events, nobody woken */
        m->last[c->id].g = g->id;
        m->last[c->id].pc = pc;
        after_exec(m, c, g->id);
        return;
    }
    int cost = exec_on(m, c);
    bool woke = false;
    for (int i = 0; i < m->ncores; i++) woke |= &m->cores[i] != c && m->cores[i].state != CORE_PARKED;
    if (woke && m->status == M_RUNNING) {
        int order[MACHINE_MAX_CORES], k = 0;
        arbiter_order(m, order);
        while (order[k] != c->id) k++;
        for (k++; k < m->ncores && m->status == M_RUNNING; k++) {
            Core *o = &m->cores[order[k]];
            if (!o->g && !pick(m, o, busy)) continue;
            int more = exec_on(m, o);
            if (more > cost) cost = more;
        }
    }
    m->now += cost;
}

/* A lone goroutine's time slices, many at once.  With every run queue empty
 * and no forced pick ahead, ending a slice only preempts g to the global
 * queue (frame A, protocol 5), and the next frame's pick takes it straight
 * back (frame B, protocol 3: findrunnable finds nothing but g, whether or not
 * schedtick%61 sends it to the global queue first), to start a fresh slice.
 * So vm_run_plain may run across slice ends, and their bookkeeping is
 * settled afterwards: instruction j of the run leaves the slice at
 * (slice + j) mod quantum, 0 meaning it ended the slice.  Only the last
 * frame's events survive a run, so only they are written.  A quantum of 1
 * (every frame both A and B) is left to the general path. */
static uint64_t solo_slices(Machine *m, Core *c, Goroutine *g, uint64_t room, int64_t next_timer)
{
    const uint64_t q = (uint64_t)m->cfg.quantum, s0 = (uint64_t)c->slice;
    uint64_t k = vm_run_plain(m, g, room, next_timer);
    if (!k) return 0;
    /* (divisions only when a slice did end: a run cut short by a call is common) */
    uint64_t t = s0 + k, nA = t < q ? 0 : t / q;         /* slices ended           */
    uint64_t slice = t < q ? t : t % q;
    bool ends_on_A = nA && slice == 0;
    uint64_t nB = nA - ends_on_A;                       /* picks of g again       */
    m->frame += k;
    if (nA) {
        c->schedtick += (uint32_t)nB;
        m->npicks += nB;
        /* nA pushes onto the empty global queue, each but the last popped again */
        RunQueue *gq = &m->global;
        uint64_t cap = (uint64_t)gq->cap, from = nA > cap ? nA - cap : 0;
        for (uint64_t j = from; j < nA; j++) gq->ids[((uint64_t)gq->head + j) % cap] = g->id;
        gq->head = (int)(((uint64_t)gq->head + nB) % cap);
        gq->len = (int)(nA - nB);
    }
    m->nevents = 0;
    for (int i = 0; i < m->ncores; i++) m->last[i].g = m->last[i].pc = 0;
    m->last[c->id].g = g->id;
    m->last[c->id].pc = g->last_pc;
    if (ends_on_A) {                                    /* after_exec's preemption */
        g->slice_used = (int)q;
        c->slice = 0;
        g->state = G_RUNNABLE;
        g->core = -1;
        c->g = 0;
        c->state = CORE_SPINNING;
        m->threads[c->thread].g = 0;
        machine_emit(m, EV_GO_PREEMPT, g->id, c->id)->line = run_line(m, g);
        return k;
    }
    c->slice = g->slice_used = (int)slice;
    if (nA && c->slice == 1)                            /* the last frame was a B: */
        machine_emit(m, EV_GO_START, g->id, c->id)->line = m->prog->code_line[g->last_pc];
    return k;                                           /* g had begun: run_line   */
}

/* While one core is active and every other one is parked, a frame is that
 * core's work and nothing else: no arbiter to consult, no other core asking
 * for work.  Frames run here back to back with sched_frame's exact effects:
 * runs of plain instructions (vm_run_plain: no events, no scheduling) with no
 * per-frame bookkeeping at all, anything else as a solo_frame.  Stops where
 * the general path is needed (a timer due, a core to park or wake); returns
 * the frames executed. */
uint64_t sched_run_solo(Machine *m, uint64_t max)
{
    uint64_t done = 0;
    while (done < max && m->status == M_RUNNING) {
        Core *c = sole_core(m);
        if (!c) break;
        int64_t next_timer = timer_next(m);
        if (next_timer <= m->now) break;                /* a timer fires first */
        if (c->g) {
            Goroutine *g = machine_g(m, c->g);
            uint64_t q = (uint64_t)(m->cfg.quantum - 1 - c->slice), room = max - done;
            if (!m->global.len && !c->runnext && !c->local.len && m->cfg.quantum >= 2 &&
                (!m->schedule || m->npicks >= (uint64_t)m->schedule->n)) {
                uint64_t k = solo_slices(m, c, g, room, next_timer);
                done += k;
                if (k) continue;
                solo_frame(m, c);                       /* not a plain instruction */
                done++;
                continue;
            }
            uint64_t k = q ? vm_run_plain(m, g, q < room ? q : room, next_timer) : 0;
            if (k) {
                m->frame += k;
                c->slice += (int)k;
                g->slice_used = c->slice;
                m->nevents = 0;
                for (int i = 0; i < m->ncores; i++) m->last[i].g = m->last[i].pc = 0;
                m->last[c->id].g = g->id;
                m->last[c->id].pc = g->last_pc;
                done += k;
                continue;
            }
        } else if (!c->runnext && !c->local.len && !m->global.len) {
            break;                                      /* c would park */
        }
        solo_frame(m, c);
        done++;
    }
    return done;
}

void sched_check_invariants(const Machine *m)
{
    int *seen = xcalloc((size_t)m->ngs + 1, sizeof *seen);
    for (int i = 0; i < m->ncores; i++) {
        const Core *c = &m->cores[i];
        if ((c->g != 0) != (c->state == CORE_RUNNING)) sim_fatal(__func__, "core state vs g");
        if (c->g && (m->gs[c->g - 1].state != G_RUNNING || m->gs[c->g - 1].core != i))
            sim_fatal(__func__, "core runs a goroutine that is not running there");
        if (c->state == CORE_PARKED && (c->runnext || c->local.len))
            sim_fatal(__func__, "parked P with work");
        if (c->runnext) seen[c->runnext]++;
        for (int k = 0; k < c->local.len; k++) seen[rq_at(&c->local, k)]++;
    }
    for (int k = 0; k < m->global.len; k++) seen[rq_at(&m->global, k)]++;
    for (int i = 0; i < m->ngs; i++) {
        const Goroutine *g = &m->gs[i];
        if (seen[g->id] != (g->state == G_RUNNABLE))
            sim_fatal(__func__, "a runnable goroutine is not on exactly one run queue");
    }
    free(seen);
}
