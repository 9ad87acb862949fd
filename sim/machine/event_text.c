/* event_text.c — events in words (see event_text.h). */
#include "event_text.h"

#include <stdio.h>
#include <string.h>

#include "duration.h"

/* The first line of the output chunk, quoted, shortened to fit a status line. */
static void quote_output(const Machine *m, const Event *e, char *q, size_t n)
{
    size_t j = 0;
    q[j++] = '"';
    for (uint32_t i = 0; i < e->out_len && j + 6 < n; i++) {
        char c = m->stdout_buf[e->out_off + i];
        if (c == '\n') { q[j++] = '\\'; q[j++] = 'n'; }
        else if (c == '"') { q[j++] = '\\'; q[j++] = '"'; }
        else if ((unsigned char)c < 0x20) q[j++] = '?';
        else q[j++] = c;
    }
    q[j++] = '"';
    q[j] = '\0';
}

/* Does the event's addr name a channel (an id) rather than a memory slot? */
static bool names_chan(const Event *e)
{
    if (e->kind == EV_CHAN_SEND || e->kind == EV_CHAN_RECV || e->kind == EV_CHAN_CLOSE) return true;
    return e->kind == EV_GO_BLOCK && (e->wait == WAIT_CHAN_RECV || e->wait == WAIT_CHAN_SEND ||
                                      e->wait == WAIT_SELECT);
}

static size_t sync_op(const Event *e, const char *obj, char *buf, size_t n)
{
    switch ((SyncOp)e->aux) {
    case SYNC_OP_RLOCK: return (size_t)snprintf(buf, n, "G%d read-locks %s", e->g, obj);
    case SYNC_OP_RUNLOCK: return (size_t)snprintf(buf, n, "G%d read-unlocks %s", e->g, obj);
    case SYNC_OP_WLOCK: return (size_t)snprintf(buf, n, "G%d write-locks %s", e->g, obj);
    case SYNC_OP_WUNLOCK: return (size_t)snprintf(buf, n, "G%d write-unlocks %s", e->g, obj);
    case SYNC_OP_ONCE_RUN: return (size_t)snprintf(buf, n, "G%d runs %s's function", e->g, obj);
    case SYNC_OP_ONCE_DONE: return (size_t)snprintf(buf, n, "G%d: %s is done", e->g, obj);
    case SYNC_OP_COND_WAIT: return (size_t)snprintf(buf, n, "G%d waits on %s and unlocks its L", e->g, obj);
    case SYNC_OP_COND_SIGNAL: return (size_t)snprintf(buf, n, "G%d signals %s", e->g, obj);
    case SYNC_OP_COND_BROADCAST: return (size_t)snprintf(buf, n, "G%d broadcasts on %s", e->g, obj);
    }
    return (size_t)snprintf(buf, n, "G%d uses %s", e->g, obj);
}

static size_t blocks(const Machine *m, const Event *e, const char *obj, char *buf, size_t n)
{
    char extra[64];
    switch (e->wait) {
    case WAIT_MUTEX:
        return (size_t)snprintf(buf, n, "G%d blocks on %s", e->g, obj);
    case WAIT_WAITGROUP:
        return (size_t)snprintf(buf, n, "G%d waits for %s to reach zero", e->g, obj);
    case WAIT_SLEEP: {
        const Goroutine *g = machine_goroutine(m, e->g);
        duration_format(g ? g->wake_time : 0, extra, sizeof extra);
        return (size_t)snprintf(buf, n, "G%d sleeps until t=%s", e->g, extra);
    }
    case WAIT_CHAN_RECV:
        return (size_t)snprintf(buf, n, "G%d waits to receive from %s", e->g, obj);
    case WAIT_CHAN_SEND:
        return (size_t)snprintf(buf, n, "G%d waits to send on %s", e->g, obj);
    case WAIT_CHAN_RECV_NIL:
        return (size_t)snprintf(buf, n, "G%d receives from a nil channel: blocks forever", e->g);
    case WAIT_CHAN_SEND_NIL:
        return (size_t)snprintf(buf, n, "G%d sends on a nil channel: blocks forever", e->g);
    case WAIT_SELECT:
        if (!e->addr) return (size_t)snprintf(buf, n, "G%d selects on nil channels only: blocks forever", e->g);
        return (size_t)snprintf(buf, n, "G%d waits in select (%s, ...)", e->g, obj);
    case WAIT_SELECT_EMPTY:
        return (size_t)snprintf(buf, n, "G%d blocks forever in select {}", e->g);
    case WAIT_RWMUTEX_R:
        return (size_t)snprintf(buf, n, "G%d waits to read-lock %s (a writer holds or wants it)", e->g, obj);
    case WAIT_RWMUTEX_W:
        return (size_t)snprintf(buf, n, "G%d waits to write-lock %s", e->g, obj);
    case WAIT_ONCE:
        return (size_t)snprintf(buf, n, "G%d waits for %s's function to return", e->g, obj);
    case WAIT_COND:
        return (size_t)snprintf(buf, n, "G%d waits on %s", e->g, obj);
    case WAIT_IO:
        return (size_t)snprintf(buf, n, "G%d waits for the network (its thread goes on)", e->g);
    case WAIT_SYSCALL:
        return (size_t)snprintf(buf, n, "G%d is in a system call", e->g);
    case WAIT_NONE:
        break;
    }
    return (size_t)snprintf(buf, n, "G%d blocks", e->g);
}

size_t event_describe(const Machine *m, const Event *e, char *buf, size_t n)
{
    char obj[64], extra[96];
    obj[0] = extra[0] = '\0';
    if (names_chan(e))
        machine_chan_name(m, e->addr, obj, sizeof obj);
    else if (e->addr || e->kind == EV_LOCK_ACQUIRE || e->kind == EV_LOCK_RELEASE ||
             e->kind == EV_LOCK_CONTEND || e->kind == EV_GO_BLOCK || e->kind == EV_SYNC)
        machine_addr_name(m, e->addr, obj, sizeof obj);
    bool cond = (e->kind == EV_SYNC && e->aux >= SYNC_OP_COND_WAIT) ||
                (e->kind == EV_GO_BLOCK && e->wait == WAIT_COND);
    size_t ol = strlen(obj);
    if (cond && ol > 2 && !strcmp(obj + ol - 2, ".L")) obj[ol - 2] = '\0';   /* a Cond is named by its L slot */
    switch (e->kind) {
    case EV_GO_CREATE:
        return (size_t)snprintf(buf, n, "G%d starts goroutine G%d (go statement, line %d)",
                                e->g, e->other_g, e->line);
    case EV_GO_START:
        return (size_t)snprintf(buf, n, "core %d picks G%d (thread M%d)", e->core, e->g, e->aux);
    case EV_GO_PREEMPT:
        if (e->aux)
            return (size_t)snprintf(buf, n, "G%d yields core %d (runtime.Gosched)", e->g, e->core);
        return (size_t)snprintf(buf, n, "G%d preempted on core %d: time slice used up",
                                e->g, e->core);
    case EV_GO_BLOCK:
        return blocks(m, e, obj, buf, n);
    case EV_GO_WAKE:
        if (e->other_g)
            return (size_t)snprintf(buf, n, "G%d woken by G%d", e->g, e->other_g);
        if (e->wait == WAIT_IO)
            return (size_t)snprintf(buf, n, "G%d wakes up (network ready)", e->g);
        return (size_t)snprintf(buf, n, "G%d wakes up (timer)", e->g);
    case EV_GO_DONE:
        return (size_t)snprintf(buf, n, "G%d returns and exits", e->g);
    case EV_LOCK_ACQUIRE:
        return (size_t)snprintf(buf, n, "G%d locks %s", e->g, obj);
    case EV_LOCK_RELEASE:
        if (e->other_g && e->aux)
            return (size_t)snprintf(buf, n, "G%d unlocks %s and hands it to G%d (starvation mode)", e->g,
                                    obj, e->other_g);
        if (e->other_g)
            return (size_t)snprintf(buf, n, "G%d unlocks %s and wakes G%d", e->g, obj, e->other_g);
        return (size_t)snprintf(buf, n, "G%d unlocks %s", e->g, obj);
    case EV_LOCK_CONTEND:
        return (size_t)snprintf(buf, n, "G%d wants %s, held by G%d: waits", e->g, obj,
                                e->other_g);
    case EV_OUTPUT:
        quote_output(m, e, extra, sizeof extra);
        return (size_t)snprintf(buf, n, "G%d prints %s", e->g, extra);
    case EV_FATAL:
        return (size_t)snprintf(buf, n, "%s", m->fatal_msg[0] ? m->fatal_msg : "fatal error");
    case EV_EXIT:
        return (size_t)snprintf(buf, n, "main returns: the program exits");
    case EV_CHAN_SEND:
        if (!e->g) return (size_t)snprintf(buf, n, "the timer sends the time on %s", obj);
        if (e->other_g) return (size_t)snprintf(buf, n, "G%d sends on %s, straight to G%d", e->g, obj, e->other_g);
        return (size_t)snprintf(buf, n, "G%d sends on %s into its buffer", e->g, obj);
    case EV_CHAN_RECV:
        if (e->aux == 1) return (size_t)snprintf(buf, n, "G%d receives from %s: closed, zero value", e->g, obj);
        if (e->aux == 2) return (size_t)snprintf(buf, n, "G%d receives the time from %s", e->g, obj);
        if (e->other_g) return (size_t)snprintf(buf, n, "G%d receives from %s what G%d sent", e->g, obj, e->other_g);
        return (size_t)snprintf(buf, n, "G%d receives from %s's buffer", e->g, obj);
    case EV_CHAN_CLOSE:
        return (size_t)snprintf(buf, n, "G%d closes %s", e->g, obj);
    case EV_SYNC:
        return sync_op(e, obj, buf, n);
    case EV_SYSCALL:
        if (e->aux) return (size_t)snprintf(buf, n, "G%d returns from its system call", e->g);
        return (size_t)snprintf(buf, n, "G%d enters a system call: its thread blocks with it", e->g);
    case EV_HANDOFF:
        return (size_t)snprintf(buf, n, "sysmon takes core %d from M%d, blocked in a system call", e->core,
                                e->aux);
    case EV_THREAD_NEW:
        return (size_t)snprintf(buf, n, "a new thread, M%d, starts for core %d", e->aux, e->core);
    }
    return (size_t)snprintf(buf, n, "event %d", (int)e->kind);
}
