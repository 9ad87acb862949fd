/* syscall.c — blocking system calls (Go's entersyscall, exitsyscall).
 *
 * A goroutine in a blocking system call (a file read, a write) keeps its M:
 * the thread is inside the kernel and runs nothing else until the call
 * returns.  Its P is left in the state "in a system call" (Go's _Psyscall):
 * still the thread's, but sysmon may take it back and hand it to another
 * thread so that the other goroutines keep running (sysmon.c, retake).  Go
 * does not hand the P off at once because most system calls are short: a
 * call that returns before sysmon looks twice costs nothing but itself.
 *
 * Protocol.
 * 1. Enter [entersyscall]: the goroutine is G_SYSCALL, its thread
 *    TH_SYSCALL until the call returns (the call's cost after the
 *    instruction's own); the P is CORE_SYSCALL, its syscalltick counts the
 *    call; a sysmon that sleeps because every P was idle is woken.
 * 2. Return [exitsyscall]: if the P is still the thread's, it takes it back
 *    and the goroutine goes on (exitsyscallfast); else the thread takes an
 *    idle P if there is one and runs the goroutine on it; else the
 *    goroutine goes to the global queue and the thread parks
 *    (exitsyscall0).
 */
#include "machine_internal.h"
#include "timing.h"

bool syscall_block(Machine *m, Goroutine *g, int core, int64_t ns)
{
    g->state = G_SYSCALL;
    g->wait = WAIT_SYSCALL;
    g->wake_time = ns > 0 ? ns : 0;             /* the call's length until syscall_enter */
    Event *e = machine_emit(m, EV_SYSCALL, g->id, core);
    e->line = m->prog->code_line[g->last_pc];
    return false;
}

/* A system call's work in the kernel (copying a file's pages, say) needs a
 * CPU like any thread: with more threads wanting the cores than there are
 * cores, each gets its share and the call lasts that much longer (measured:
 * a 1 MiB os.ReadFile takes 261 µs on one busy P, 570 µs beside two busy
 * ones, tests/fidelity/syscall_handoff.dist).  The share is taken when the
 * call begins. */
static int64_t stretched(const Machine *m, int64_t ns)
{
    int busy = 0;
    for (int i = 0; i < m->nthreads; i++)
        busy += m->threads[i].state == TH_RUNNING || m->threads[i].state == TH_SYSCALL;
    return busy > m->ncores ? ns * busy / m->ncores : ns;
}

void syscall_enter(Machine *m, Thread *t)
{
    Goroutine *g = machine_g(m, t->g);
    Core *c = &m->cores[t->core];
    t->state = TH_SYSCALL;
    t->clock += stretched(m, g->wake_time) * PS_PER_NS;
    g->wake_time = t->clock / PS_PER_NS;        /* from now on: when it returns */
    g->core = -1;
    c->state = CORE_SYSCALL;
    c->g = 0;
    c->syscalltick++;
    sysmon_wake(m);
}

void syscall_exit(Machine *m, Thread *t)
{
    Goroutine *g = machine_g(m, t->g);
    Core *old = t->core >= 0 ? &m->cores[t->core] : NULL;
    Event *e = machine_emit(m, EV_SYSCALL, g->id, old ? old->id : -1);
    e->aux = 1;
    e->line = m->prog->code_line[g->last_pc];
    g->wait = WAIT_NONE;
    if (old && old->state == CORE_SYSCALL && old->thread == t->id) {   /* exitsyscallfast */
        old->state = CORE_RUNNING;
        old->syscalltick++;
        old->g = g->id;
        g->state = G_RUNNING;
        g->core = old->id;
        t->state = TH_RUNNING;
        t->clock += TIMING_SYSCALL_EXIT_NS * PS_PER_NS;
        return;
    }
    t->core = -1;
    Core *p = sched_pidleget(m);
    if (p) {
        sched_acquire(t, p);
        sched_execute(m, t, g->id, false);
        t->clock += TIMING_SWITCH_NS * PS_PER_NS;
        sysmon_wake(m);
        return;
    }
    g->state = G_RUNNABLE;                      /* exitsyscall0 */
    g->thread = -1;
    runq_push_tail(&m->global, g->id);
    t->g = 0;
    sched_stopm(m, t);
}
