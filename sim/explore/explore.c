/* explore.c — every ending of a program over every order of its
 * goroutines' steps.
 *
 * The problem.  A run of the machine is a pure function of (program,
 * config, seed, schedule), and a schedule (sim/machine/schedule.c) names
 * the goroutine of each goroutine step.  So the set of endings a program
 * can reach is the set reached over all schedules: a tree whose nodes are
 * the decision points (the next frame is some goroutine's instruction,
 * machine_next_is_goroutine_step) and whose choices are the goroutines
 * that can take that step.  The tree is exponential in the steps; three
 * ideas cut it down, and the tests check that neither changes the outcome
 * set (tests/test_explore.c compares it with --no-reduce's and
 * --no-hash's).
 *
 * 1. Decisions.  At a decision point the goroutines that can take the next
 *    step are the running and the runnable ones: a forced pick starts a
 *    runnable goroutine at once (sched.c, "Forced steps").  Blocked ones
 *    cannot run (a pick of one is M_SCHEDULE_ERROR); sleeping ones and ones
 *    in a system call come back when the machine's clock says, so they are
 *    no choice: between decision points the machine steps by its own
 *    timing (threads looking for work, timers, sysmon, the network).
 *    Branching on goroutine g = copy the machine, append g to the path, step
 *    until that pick is used.  A goroutine about to run a select with two
 *    or more ready cases is one choice per ready case, the schedule's step
 *    naming the case to poll first ("2/1", schedule.c): select's choice
 *    among ready cases, random in Go, is a decision too.
 *
 * 2. State hashing.  Two paths often reach the same state (x++ by G2 then
 *    G3's unrelated step, or the other way round).  Each decision point is
 *    digested (statehash.h: memory, goroutines, sync objects, channels,
 *    output, status; not clocks, threads, cores or counters) and a state
 *    whose digest was seen is not searched again.  End states are digested
 *    too: an outcome's count is its number of distinct end states.
 *
 * 3. Partial-order reduction: local steps.  An instruction that touches
 *    only its goroutine's own frame and operand stack (arithmetic on the
 *    stack, locals, jumps, a call or return without defers: the opcodes of
 *    local_next below; no shared load or store, no sync object, no
 *    channel, no allocation, no output, none that can panic) commutes with
 *    every step of every other goroutine and cannot enable or disable one.
 *    So where some goroutine's next step is local, exploring that step
 *    alone loses no ending (a persistent set of one), and a goroutine that
 *    has just taken a step runs its following local steps at once, without
 *    a decision in between.  What is left to interleave is the visible
 *    steps: loads and stores of shared memory, sync operations, channel
 *    operations, go statements, output.  The racy counter's x++ is LOADREF,
 *    ADDI, STOREREF: the ADDI no longer multiplies the orders.
 *    The cycle proviso: a goroutine looping on local steps alone would keep
 *    the others waiting for ever (the "ignoring" problem).  Where the one
 *    local choice leads to a state already seen, the decision point is
 *    widened to every goroutine; a run of local steps stops after
 *    LOCAL_RUN_MAX steps and becomes a decision point.
 *
 * What is not explored (yet).  Time: a sleeper wakes when the clock along
 * the path says, and two states that differ only in clocks are merged; so
 * is a mutex's starvation mode (after 1 ms of virtual waiting).
 * Files and sockets are not in the digest: a program with them is searched
 * without merging (ExploreStats.unmerged).
 */
#include <stdlib.h>
#include <string.h>

#include "explore.h"
#include "statehash.h"
#include "util.h"

/* Local steps in a row before a decision point is made anyway. */
#define LOCAL_RUN_MAX 10000
/* A call is a local step below this depth: well short of the machine's
 * stack overflow (10,000 frames, a panic, which is not local). */
#define LOCAL_MAX_FRAMES 1000
/* Frames between two goroutine steps (timers, sysmon, looks for work)
 * before the path is given up as stuck in the machine's own timing. */
#define ADVANCE_MAX_FRAMES 10000000

/* A choice: goroutine g, and for a select 1 + the case it polls first. */
#define CHOICE(g, sel) ((g) | (sel) << 24)
#define CHOICE_G(b) ((b) & 0xffffff)
#define CHOICE_SEL(b) ((b) >> 24)

typedef struct Level {
    Machine *m;             /* the state at this decision point                  */
    int *cand; int ncand, cand_cap;   /* choices (CHOICE), in goroutine order   */
    int next;               /* the next of them to try                           */
    bool reduced;           /* cand is one goroutine's local step                */
    int plen;               /* picks on the path to here                         */
    uint64_t hash;          /* the state's digest                                */
    bool moved;             /* its last choice took m over (see explore_run)     */
} Level;

struct Explorer {
    const Program *prog;
    Machine *start;                   /* the machine as built, for replays      */
    MachineConfig cfg;
    ExploreOptions o;
    Level *levels; int nlevels;       /* levels[0..depth] are the current path  */
    Schedule path;                    /* the picks so far, for every level's machine */
    StateHasher hasher;
    uint64_t *seen; size_t seen_cap, seen_n;   /* digests, open addressing, 0 empty */
    ExploreOutcome *outs; int nouts, outs_cap;
    ExploreStats st;
};

/* ---- the set of digests ------------------------------------------------------------- */

static bool seen_insert(Explorer *e, uint64_t h)
{
    if (!h) h = 1;                                      /* 0 marks an empty slot */
    if ((e->seen_n + 1) * 2 > e->seen_cap) {
        size_t cap = e->seen_cap ? e->seen_cap * 2 : 1 << 16;
        uint64_t *t = xcalloc(cap, sizeof *t);
        for (size_t i = 0; i < e->seen_cap; i++) {
            uint64_t x = e->seen[i];
            if (!x) continue;
            size_t k = (size_t)x & (cap - 1);
            while (t[k]) k = (k + 1) & (cap - 1);
            t[k] = x;
        }
        free(e->seen);
        e->seen = t;
        e->seen_cap = cap;
    }
    size_t k = (size_t)h & (e->seen_cap - 1);
    while (e->seen[k]) {
        if (e->seen[k] == h) return false;
        k = (k + 1) & (e->seen_cap - 1);
    }
    e->seen[k] = h;
    e->seen_n++;
    return true;
}

/* ---- goroutine steps -------------------------------------------------------------------- */

static bool can_step(const Goroutine *g) { return g->state == G_RUNNING || g->state == G_RUNNABLE; }

/* Does g's next instruction touch only g's own frame and stack, and
 * succeed?  (The opcodes vm_run_plain runs, minus the shared loads and
 * stores, under the same conditions it checks.) */
static bool local_next(const Machine *m, const Goroutine *g)
{
    if (!can_step(g) || g->unwinding || g->nframes == 0) return false;
    const Frame *f = &g->frames[g->nframes - 1];
    const Instr in = m->prog->code[f->pc];
    const Value *st = g->stack;
    int sp = g->sp;
    switch ((Opcode)in.op) {
    case OP_NOP: case OP_INT: case OP_CONST: case OP_STR: case OP_TRUE: case OP_FALSE:
    case OP_NIL: case OP_POP: case OP_DUP: case OP_DUP2: case OP_LOCAL: case OP_SETLOCAL:
    case OP_GADDR: case OP_FUNC: case OP_NOT: case OP_NEG: case OP_ADDI: case OP_SUB: case OP_MUL:
    case OP_EQ: case OP_NE: case OP_LT: case OP_LE: case OP_GT: case OP_GE:
    case OP_JMP: case OP_JMPF: case OP_JMPT: case OP_BITNOT:
    case OP_FADD: case OP_FSUB: case OP_FMUL: case OP_FDIV: case OP_FNEG: case OP_CONV: case OP_TYPED:
    case OP_ADDLL: case OP_ADDLI: case OP_JNLTLI: case OP_JNLELI: case OP_JNGTLI: case OP_JNGELI:
    case OP_JNLTLL: case OP_JNLELL: case OP_JNGTLL: case OP_JNGELL:
        return true;
    case OP_ADD:                    /* strings concatenate into a new string */
        return sp >= 2 && st[sp - 1].kind != V_STR && st[sp - 2].kind != V_STR;
    case OP_DIV: case OP_MOD:       /* by zero panics */
        return sp >= 2 && st[sp - 1].kind == V_INT && st[sp - 1].i != 0 && st[sp - 1].i != -1;
    case OP_FIELD:
        return sp >= 1 && st[sp - 1].kind == V_PTR && st[sp - 1].i >= 0 && st[sp - 1].i < m->nmem;
    case OP_INDEXADDR:
        return sp >= 2 && (st[sp - 2].kind == V_SLICE || st[sp - 2].kind == V_ARRAY) &&
               st[sp - 1].i >= 0 && st[sp - 1].i < slice_len(st[sp - 2]);
    case OP_LEN:
        return sp >= 1 && (st[sp - 1].kind == V_SLICE || st[sp - 1].kind == V_ARRAY ||
                           st[sp - 1].kind == V_NIL);
    case OP_CALL: {
        if (sp < in.a + 1 || g->nframes + 1 >= LOCAL_MAX_FRAMES) return false;
        Value callee = st[sp - in.a - 1];
        if (callee.kind == V_FUNC) return true;
        return callee.kind == V_CLOSURE && callee.i >= 0 && callee.i < m->nmem && !m->mem[callee.i].aux;
    }
    case OP_RET:
        return g->ndefers <= f->ndefers_at_entry && g->nframes >= 2 && !f->deferred && !in.b;
    default:
        return false;
    }
}

/* Run frames by the machine's own timing up to the next goroutine step or
 * the end; false when that takes unreasonably long. */
static bool advance(Machine *m)
{
    for (long k = 0; m->status == M_RUNNING && !machine_next_is_goroutine_step(m); k++) {
        if (k == ADVANCE_MAX_FRAMES) return false;
        machine_step(m);
    }
    return true;
}

/* Goroutine g takes the next goroutine step of m (frames of the machine's
 * own before it, if any are due); a select in it polls case sel - 1 first
 * (sel 0: its random order). */
static void step_goroutine(Explorer *e, Machine *m, int g, int sel)
{
    schedule_push(&e->path, g);
    if (sel) schedule_set_select(&e->path, e->path.n - 1, sel - 1);
    while (m->status == M_RUNNING && m->nforced < (uint64_t)e->path.n) machine_step(m);
    if (m->status == M_SCHEDULE_ERROR) sim_fatal("explore", m->fatal_msg);
    e->st.steps++;
}

/* The choice: its goroutine's step, then its local steps that follow. */
static void run_choice(Explorer *e, Machine *m, int choice)
{
    int g = CHOICE_G(choice);
    step_goroutine(e, m, g, CHOICE_SEL(choice));
    if (e->o.no_reduce) return;
    for (int k = 0; k < LOCAL_RUN_MAX && m->status == M_RUNNING && local_next(m, machine_goroutine(m, g)); k++) {
        uint32_t out = m->stdout_len;
        step_goroutine(e, m, g, 0);
        e->st.local_steps++;
        if (m->naccesses || m->nhb || m->stdout_len != out || m->status != M_RUNNING)
            sim_fatal("explore", "a local step touched what other goroutines see");
    }
}

/* ---- outcomes --------------------------------------------------------------------------- */

static void record_end(Explorer *e, const Machine *m)
{
    ExploreOutcome *o = NULL;
    /* what a script sees of stderr: its first line (Go's "fatal error: ..."
     * or "panic: ..."), else the machine's word for a hang */
    char msg[sizeof o->msg];
    uint32_t n = 0;
    while (n < m->stderr_len && m->stderr_buf[n] != '\n') n++;
    if (n) snprintf(msg, sizeof msg, "%.*s", (int)n, m->stderr_buf);
    else snprintf(msg, sizeof msg, "%s", m->status == M_EXITED ? "" : m->fatal_msg);
    for (int i = 0; i < e->nouts && !o; i++) {
        ExploreOutcome *x = &e->outs[i];
        if (x->status == m->status && x->exit_code == m->exit_code && x->out_len == m->stdout_len &&
            !memcmp(x->out, m->stdout_buf, m->stdout_len) && !strcmp(x->msg, msg))
            o = x;
    }
    if (!o) {
        GROW(e->outs, e->outs_cap, e->nouts + 1);
        o = &e->outs[e->nouts++];
        memset(o, 0, sizeof *o);
        o->status = m->status;
        o->exit_code = m->exit_code;
        o->out = xmalloc(m->stdout_len + 1);
        if (m->stdout_len) memcpy(o->out, m->stdout_buf, m->stdout_len);
        o->out[m->stdout_len] = '\0';
        o->out_len = m->stdout_len;
        snprintf(o->msg, sizeof o->msg, "%s", msg);
        schedule_init(&o->witness);
        for (int i = 0; i < e->path.n; i++) {
            schedule_push(&o->witness, e->path.picks[i]);
            if (e->path.sel && e->path.sel[i]) schedule_set_select(&o->witness, i, e->path.sel[i] - 1);
        }
    }
    o->ends++;
}

/* ---- the search ------------------------------------------------------------------------- */

static Level *level(Explorer *e, int d)
{
    if (d >= e->nlevels) {
        int n = e->nlevels;
        GROW(e->levels, n, d + 1);
        memset(e->levels + e->nlevels, 0, (size_t)(n - e->nlevels) * sizeof *e->levels);
        e->nlevels = n;
    }
    return &e->levels[d];
}

/* The cases that are ready in the select g is about to run, as a bit set
 * (its choice among them is a decision); 0 when its next step is not a
 * select or none is ready.  Ready as chan.c's selectgo finds them: a
 * receive from a closed channel, a buffered value or a waiting sender; a
 * send to a waiting receiver or into room in the buffer (a send on a
 * closed channel panics: ready too). */
static uint64_t select_ready(const Machine *m, const Goroutine *g)
{
    if (g->unwinding || g->closed_wake || g->nframes == 0) return 0;
    const Instr in = m->prog->code[g->frames[g->nframes - 1].pc];
    if (in.op != OP_SELECT) return 0;
    int ncases = in.b & 0x7fff, nops = ncases + __builtin_popcount((uint32_t)in.a);
    if (g->sp < nops || ncases > 63) return 0;
    const Value *ops = g->stack + g->sp - nops;
    uint64_t ready = 0;
    for (int i = 0, k = 0; i < ncases; i++) {
        bool send = ((uint32_t)in.a >> i) & 1;
        Value ch = ops[k];
        k += send ? 2 : 1;
        const Chan *c = ch.kind == V_CHAN ? machine_chan(m, ch.i) : NULL;
        if (!c) continue;                       /* nil: never proceeds */
        if (send ? c->closed || c->recvq.n || c->len < c->cap : c->closed || c->len || c->sendq.n)
            ready |= 1ULL << i;
    }
    return ready;
}

static void add_choice(Level *L, int b)
{
    GROW(L->cand, L->cand_cap, L->ncand + 1);
    L->cand[L->ncand++] = b;
}

static void set_candidates(Level *L, const Machine *m, bool reduce, int except)
{
    L->ncand = L->next = 0;
    L->reduced = false;
    if (reduce)
        for (int i = 0; i < m->ngs; i++)
            if (local_next(m, &m->gs[i])) {
                GROW(L->cand, L->cand_cap, 1);
                L->cand[L->ncand++] = m->gs[i].id;
                L->reduced = true;
                return;
            }
    for (int i = 0; i < m->ngs; i++) {
        const Goroutine *g = &m->gs[i];
        if (!can_step(g) || g->id == except) continue;
        uint64_t ready = select_ready(m, g);
        if (__builtin_popcountll(ready) < 2) {  /* no choice: its own order */
            add_choice(L, CHOICE(g->id, 0));
            continue;
        }
        for (int c = 0; c < 64; c++)            /* each ready case, polled first */
            if ((ready >> c) & 1) add_choice(L, CHOICE(g->id, c + 1));
    }
}

enum { ENTER_NEW, ENTER_SEEN, ENTER_END, ENTER_CUT };

/* The machine of level d has just reached a decision point or its end. */
static int enter(Explorer *e, int d)
{
    Level *L = &e->levels[d];
    Machine *m = L->m;
    uint64_t h = 0;
    bool mergeable = statehash_machine(&e->hasher, m, &h);
    if (!mergeable) e->st.unmerged = true;
    bool fresh = e->o.no_hash || !mergeable || seen_insert(e, h);
    if (m->status != M_RUNNING) {
        if (fresh) {
            e->st.ends++;
            record_end(e, m);
        }
        return ENTER_END;
    }
    if (!fresh) {
        e->st.revisits++;
        return ENTER_SEEN;
    }
    e->st.states++;
    L->hash = h;
    L->moved = false;
    if (d > e->st.max_depth) e->st.max_depth = d;
    if (d >= (e->o.max_depth ? e->o.max_depth : EXPLORE_DEFAULT_DEPTH)) {
        e->st.depth_cut = true;
        return ENTER_CUT;
    }
    L->plen = e->path.n;
    set_candidates(L, m, !e->o.no_reduce, 0);
    if (!L->ncand) sim_fatal("explore", "a decision point where no goroutine can step");
    return ENTER_NEW;
}

Explorer *explore_new(const Program *p, const MachineConfig *cfg, const ExploreOptions *o)
{
    MachineConfig c = *cfg;
    c.schedtrace_ms = 0;            /* time-driven output would split equal states */
    Machine *m = machine_new(p, &c);
    if (!m) return NULL;
    Explorer *e = xcalloc(1, sizeof *e);
    e->prog = p;
    e->cfg = c;
    if (o) e->o = *o;
    schedule_init(&e->path);
    statehash_init(&e->hasher);
    level(e, 0)->m = m;
    machine_set_schedule(m, &e->path);
    e->start = machine_clone(m);
    return e;
}

void explore_free(Explorer *e)
{
    if (!e) return;
    for (int i = 0; i < e->nlevels; i++) {
        if (e->levels[i].m) machine_free(e->levels[i].m);
        free(e->levels[i].cand);
    }
    free(e->levels);
    machine_free(e->start);
    for (int i = 0; i < e->nouts; i++) {
        free(e->outs[i].out);
        schedule_fini(&e->outs[i].witness);
    }
    free(e->outs);
    free(e->seen);
    schedule_fini(&e->path);
    statehash_fini(&e->hasher);
    free(e);
}

/* Level d's machine again, replayed from the start along the path: its
 * last choice took it over, and the cycle proviso wants to choose from it
 * once more.  The machine is a value, so the replay reaches the same state
 * (checked by its digest). */
static void rebuild(Explorer *e, int d)
{
    Level *L = &e->levels[d];
    if (!L->m) L->m = machine_clone(e->start);
    else machine_copy(L->m, e->start);
    int n = e->path.n;
    e->path.n = L->plen;
    while (L->m->status == M_RUNNING && L->m->nforced < (uint64_t)L->plen) machine_step(L->m);
    advance(L->m);
    e->path.n = n;
    uint64_t h;
    statehash_machine(&e->hasher, L->m, &h);
    if (h != L->hash) sim_fatal("explore", "a replayed path reached another state");
    L->moved = false;
}

static bool report(Explorer *e)
{
    return e->o.progress && e->o.progress(e->o.ctx, &e->st);
}

static int status_rank(MachineStatus s)
{
    switch (s) {
    case M_EXITED: return 0;
    case M_PANIC: return 1;
    case M_DEADLOCK: return 2;
    case M_HANG: return 3;
    default: return 4;
    }
}

static int outcome_cmp(const void *pa, const void *pb)
{
    const ExploreOutcome *a = pa, *b = pb;
    if (status_rank(a->status) != status_rank(b->status)) return status_rank(a->status) - status_rank(b->status);
    if (a->exit_code != b->exit_code) return a->exit_code < b->exit_code ? -1 : 1;
    uint32_t n = a->out_len < b->out_len ? a->out_len : b->out_len;
    int c = memcmp(a->out, b->out, n);
    if (c) return c;
    if (a->out_len != b->out_len) return a->out_len < b->out_len ? -1 : 1;
    return strcmp(a->msg, b->msg);
}

bool explore_run(Explorer *e)
{
    Machine *root = e->levels[0].m;
    if (!advance(root)) e->st.depth_cut = true;
    int depth = enter(e, 0) == ENTER_NEW ? 0 : -1;
    uint64_t next_report = EXPLORE_PROGRESS_EVERY, next_steps = EXPLORE_PROGRESS_STEPS;
    while (depth >= 0) {
        Level *L = &e->levels[depth];
        if (L->next == L->ncand) {
            depth--;
            continue;
        }
        int g = L->cand[L->next++];
        Level *C = level(e, depth + 1);
        L = &e->levels[depth];                  /* (level() may have moved them) */
        if (L->next == L->ncand) {
            /* The last choice steps the level's own machine, which nothing
             * needs after it (but the cycle proviso: rebuild) — a copy saved
             * per decision point. */
            Machine *t = C->m;
            C->m = L->m;
            L->m = t;
            L->moved = true;
        } else if (!C->m) {
            C->m = machine_clone(L->m);
        } else {
            machine_copy(C->m, L->m);
        }
        e->path.n = L->plen;
        run_choice(e, C->m, g);
        int r = advance(C->m) ? enter(e, depth + 1) : ENTER_CUT;
        if (r == ENTER_CUT) e->st.depth_cut = true;
        if (r == ENTER_SEEN && L->reduced) {    /* the cycle proviso: widen */
            if (L->moved) rebuild(e, depth);
            set_candidates(L, L->m, false, CHOICE_G(g));
            e->st.widened++;
        }
        if (r == ENTER_NEW) depth++;
        e->st.depth = depth;
        if (e->o.max_states && e->st.states >= e->o.max_states) {
            e->st.stopped = true;
            break;
        }
        /* (by steps too: a path of long local runs makes few states) */
        if (e->st.states >= next_report || e->st.steps >= next_steps) {
            next_report = e->st.states + EXPLORE_PROGRESS_EVERY;
            next_steps = e->st.steps + EXPLORE_PROGRESS_STEPS;
            if (report(e)) {
                e->st.stopped = true;
                break;
            }
        }
    }
    e->path.n = 0;
    if (e->nouts > 1) qsort(e->outs, (size_t)e->nouts, sizeof *e->outs, outcome_cmp);
    report(e);
    return !e->st.stopped && !e->st.depth_cut;
}

const ExploreOutcome *explore_outcomes(const Explorer *e, int *n)
{
    *n = e->nouts;
    return e->outs;
}

const ExploreStats *explore_stats(const Explorer *e)
{
    return &e->st;
}
