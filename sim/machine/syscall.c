/* syscall.c — blocking system calls (Go's entersyscall / exitsyscall).
 *
 * A goroutine in a blocking system call keeps its M: the thread is inside
 * the kernel and runs nothing else until the call returns.  This first form
 * parks the goroutine for the call's duration and frees its core at once,
 * as if the P were handed off immediately (Go's entersyscallblock); the M
 * that blocks with it, sysmon's retake and exitsyscall's search for a P are
 * the scheduler's part of the story (sim/machine/sched.c).
 */
#include "machine_internal.h"

bool syscall_block(Machine *m, Goroutine *g, int core, int64_t ns)
{
    g->state = G_SLEEPING;
    g->wake_time = m->now + (ns > 0 ? ns : 0);
    timer_add(m, g->id, g->wake_time);
    Event *e = machine_emit(m, EV_GO_BLOCK, g->id, core);
    e->wait = WAIT_SLEEP;
    e->line = m->prog->code_line[g->last_pc];
    return false;
}
