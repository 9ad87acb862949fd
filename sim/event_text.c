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

size_t event_describe(const Machine *m, const Event *e, char *buf, size_t n)
{
    char obj[64], extra[96];
    obj[0] = extra[0] = '\0';
    if (e->addr || e->kind == EV_LOCK_ACQUIRE || e->kind == EV_LOCK_RELEASE ||
        e->kind == EV_LOCK_CONTEND || e->kind == EV_GO_BLOCK)
        machine_addr_name(m, e->addr, obj, sizeof obj);
    switch (e->kind) {
    case EV_GO_CREATE:
        return (size_t)snprintf(buf, n, "G%d starts goroutine G%d (go statement, line %d)",
                                e->g, e->other_g, e->line);
    case EV_GO_START:
        return (size_t)snprintf(buf, n, "core %d picks G%d", e->core, e->g);
    case EV_GO_PREEMPT:
        return (size_t)snprintf(buf, n, "G%d preempted on core %d: time slice used up",
                                e->g, e->core);
    case EV_GO_BLOCK:
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
        default:
            return (size_t)snprintf(buf, n, "G%d blocks", e->g);
        }
    case EV_GO_WAKE:
        if (e->other_g)
            return (size_t)snprintf(buf, n, "G%d woken by G%d", e->g, e->other_g);
        return (size_t)snprintf(buf, n, "G%d wakes up (timer)", e->g);
    case EV_GO_DONE:
        return (size_t)snprintf(buf, n, "G%d returns and exits", e->g);
    case EV_LOCK_ACQUIRE:
        return (size_t)snprintf(buf, n, "G%d locks %s", e->g, obj);
    case EV_LOCK_RELEASE:
        if (e->other_g)
            return (size_t)snprintf(buf, n, "G%d unlocks %s and hands it to G%d", e->g, obj,
                                    e->other_g);
        return (size_t)snprintf(buf, n, "G%d unlocks %s", e->g, obj);
    case EV_LOCK_CONTEND:
        return (size_t)snprintf(buf, n, "G%d wants %s, held by G%d: waits", e->g, obj,
                                e->other_g);
    case EV_OUTPUT:
        quote_output(m, e, extra, sizeof extra);
        return (size_t)snprintf(buf, n, "G%d prints %s", e->g, extra);
    case EV_TIME_JUMP:
        duration_format(m->now, extra, sizeof extra);
        return (size_t)snprintf(buf, n, "every core idle: the clock jumps to t=%s", extra);
    case EV_FATAL:
        return (size_t)snprintf(buf, n, "%s", m->fatal_msg[0] ? m->fatal_msg : "fatal error");
    case EV_EXIT:
        return (size_t)snprintf(buf, n, "main returns: the program exits");
    }
    return (size_t)snprintf(buf, n, "event %d", (int)e->kind);
}
