/* sysmon.c — the system monitor (Go's sysmon in runtime/proc.go), and
 * GODEBUG=schedtrace.
 *
 * sysmon runs on a thread of its own without a P.  It sleeps 20 µs between
 * looks while it has work, doubling the sleep after 50 idle looks up to
 * 10 ms, and sleeps until the next timer while every P is idle (a system
 * call wakes it).  At each look it:
 *   - polls the network if nobody has for 10 ms;
 *   - takes back the P of every thread that has been in the same system
 *     call since its previous look [retake]: unless that P has nothing
 *     queued and some other P is idle or spinning (then it waits up to
 *     10 ms), the P goes to another thread [handoffp];
 *   - writes the SCHED line when schedtrace asks for one.
 *   - asks a goroutine to stop when it has seen the same schedtick on its P
 *     for 10 ms [preemptone]: with sysmon sleeping 10 ms between looks by
 *     then, a busy goroutine keeps its core 10 to 20 ms.
 * A lesson's shorter time slice is not sysmon's: the running thread checks
 * it after each instruction (sched.c), so that it ends exactly.
 *
 * Each sleep is a usleep, which Linux lengthens by the thread's timer
 * slack (TIMING_SLEEP_SLACK_NS).
 */
#include <inttypes.h>
#include <stdio.h>

#include "machine_internal.h"
#include "timing.h"

#define SYSMON_IDLE_LOOKS 50             /* proc.go: "start doubling the sleep after 1ms" */
#define SYSMON_POLL_NS 10000000          /* poll the network if not polled for 10 ms     */
#define SYSCALL_GRACE_NS 10000000        /* retake: pd.syscallwhen+10*1000*1000 > now    */
#define FORCEGC_HALF_NS 60000000000LL    /* forcegcperiod / 2: the longest idle sleep    */

void sysmon_wake(Machine *m)
{
    if (!m->sysmon_waiting) return;
    Thread *t = &m->threads[m->sysmon];
    int64_t at = m->now_ps + timing_wake(m, 0x50) * PS_PER_NS;
    if (at < t->clock) {
        t->clock = at;
        m->sysmon_woken = true;
    }
}

/* retake: asks goroutines that have run for the time slice to stop
 * (preemptone: they stop at their next instruction); returns how many Ps it
 * took from threads in system calls. */
static int retake(Machine *m)
{
    int n = 0;
    for (int i = 0; i < m->ncores; i++) {
        Core *c = &m->cores[i];
        if (c->state == CORE_RUNNING || c->state == CORE_SYSCALL) {
            if (c->seen_schedtick != c->schedtick) {
                c->seen_schedtick = c->schedtick;
                c->seen_schedwhen = m->now;
            } else if (c->seen_schedwhen + MACHINE_GO_TIME_SLICE <= m->now && c->g &&
                       sched_sysmon_preempts(m)) {
                c->preempt = true;
            }
        }
        if (c->state != CORE_SYSCALL) continue;
        if (c->seen_syscalltick != c->syscalltick) {
            c->seen_syscalltick = c->syscalltick;
            c->seen_syscallwhen = m->now;
            continue;
        }
        if (runq_empty(c) && m->nmspinning + sched_npidle(m) > 0 &&
            c->seen_syscallwhen + SYSCALL_GRACE_NS > m->now)
            continue;
        Event *e = machine_emit(m, EV_HANDOFF, 0, c->id);
        e->aux = c->thread;
        c->syscalltick++;
        c->state = CORE_IDLE;                   /* (Cas to _Pidle), then handoffp */
        c->thread = -1;
        sched_handoffp(m, c);
        n++;
    }
    return n;
}

static void schedtrace(Machine *m)
{
    if (m->trace_start < 0) m->trace_start = m->now;
    int idle = 0;
    for (int i = 0; i < m->nthreads; i++) idle += m->threads[i].state == TH_IDLE;
    char line[160 + 8 * MACHINE_MAX_CORES];
    int k = snprintf(line, sizeof line,
                     "SCHED %" PRId64 "ms: gomaxprocs=%d idleprocs=%d threads=%d spinningthreads=%d "
                     "idlethreads=%d runqueue=%d",
                     (m->now - m->trace_start) / 1000000, m->gomaxprocs, sched_npidle(m), m->nthreads,
                     m->nmspinning, idle, m->global.len);
    for (int i = 0; i < m->ncores && k < (int)sizeof line; i++)
        k += snprintf(line + k, sizeof line - (size_t)k, "%s%d", i ? " " : " [", m->cores[i].local.len);
    if (k < (int)sizeof line) k += snprintf(line + k, sizeof line - (size_t)k, "]\n");
    if (k > (int)sizeof line - 1) k = (int)sizeof line - 1;
    buf_append(&m->stderr_buf, &m->stderr_len, &m->stderr_cap, line, (size_t)k);
}

void sysmon_tick(Machine *m, Thread *t)
{
    if (m->sysmon_waiting) {
        m->sysmon_waiting = false;
        if (m->sysmon_woken) {                  /* woken by a system call */
            m->sysmon_woken = false;
            m->sysmon_idle = 0;
            m->sysmon_delay = TIMING_SYSMON_MIN_US;
        }
    } else if (!m->cfg.schedtrace_ms && sched_npidle(m) == m->ncores) {
        int64_t next = timer_next(m), sleep = FORCEGC_HALF_NS;
        if (next > m->now) {
            if (next - m->now < sleep) sleep = next - m->now;
            m->sysmon_waiting = true;
            t->clock += sleep * PS_PER_NS;
            return;
        }
    }
    if (m->lastpoll != 0 && m->lastpoll + SYSMON_POLL_NS < m->now) {
        m->lastpoll = m->now;
        netpoll_inject(m);
    }
    if (retake(m)) m->sysmon_idle = 0;
    else m->sysmon_idle++;
    t = &m->threads[m->sysmon];          /* a handoff may have made a thread: m->threads moved */
    if (m->cfg.schedtrace_ms > 0 && m->lasttrace + (int64_t)m->cfg.schedtrace_ms * 1000000 <= m->now) {
        m->lasttrace = m->now;
        schedtrace(m);
    }
    if (m->sysmon_idle == 0) m->sysmon_delay = TIMING_SYSMON_MIN_US;
    else if (m->sysmon_idle > SYSMON_IDLE_LOOKS) m->sysmon_delay *= 2;
    if (m->sysmon_delay > TIMING_SYSMON_MAX_US) m->sysmon_delay = TIMING_SYSMON_MAX_US;
    t->clock += (m->sysmon_delay * 1000 + TIMING_SLEEP_SLACK_NS) * PS_PER_NS;
}
