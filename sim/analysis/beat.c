/* beat.c — parse beat patterns and match them against a machine's frames
 * (see beat.h and scenarios/README.md). */
#include "beat.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const kind_names[BEAT__COUNT] = {
    [BEAT_GO] = "go", [BEAT_START] = "start", [BEAT_PREEMPT] = "preempt", [BEAT_BLOCK] = "block",
    [BEAT_WAKE] = "wake", [BEAT_DONE] = "done", [BEAT_LOCK] = "lock", [BEAT_UNLOCK] = "unlock",
    [BEAT_LOCK_WAIT] = "lock-wait", [BEAT_HANDOFF_LOCK] = "handoff-lock", [BEAT_RLOCK] = "rlock",
    [BEAT_RUNLOCK] = "runlock", [BEAT_COND_WAIT] = "cond-wait", [BEAT_SIGNAL] = "signal",
    [BEAT_BROADCAST] = "broadcast", [BEAT_ONCE] = "once", [BEAT_SEND] = "send", [BEAT_RECV] = "recv",
    [BEAT_CLOSE] = "close", [BEAT_PRINT] = "print", [BEAT_SYSCALL] = "syscall",
    [BEAT_SYSCALL_RETURN] = "syscall-return", [BEAT_HANDOFF] = "handoff",
    [BEAT_THREAD_NEW] = "thread-new", [BEAT_DEADLOCK] = "deadlock", [BEAT_PANIC] = "panic",
    [BEAT_EXIT] = "exit", [BEAT_STEP] = "step",
};

const char *beat_kind_name(BeatKind k)
{
    return k >= 0 && k < BEAT__COUNT ? kind_names[k] : "?";
}

static int parse_kind(const char *w, size_t n)
{
    for (int k = 0; k < BEAT__COUNT; k++)
        if (strlen(kind_names[k]) == n && !strncmp(kind_names[k], w, n)) return k;
    return -1;
}

/* A positive decimal number filling w[0..n), else 0. */
static int parse_count(const char *w, size_t n)
{
    if (n == 0 || n > 9) return 0;
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (!isdigit((unsigned char)w[i])) return 0;
        v = v * 10 + (w[i] - '0');
    }
    return v;
}

int beat_parse(const char *spec, Beat *b, char *err, size_t errn)
{
    memset(b, 0, sizeof *b);
    b->nth = 1;
    const char *p = spec;
    /* The pattern ends at the first ": " outside quotes; the caption follows. */
    const char *end = NULL;
    for (const char *q = p; *q; q++) {
        if (*q == '"') {
            const char *close = strchr(q + 1, '"');
            if (!close) break;
            q = close;
        } else if (*q == ':' && (q[1] == ' ' || q[1] == '\0')) {
            end = q;
            break;
        }
    }
    if (!end) {
        snprintf(err, errn, "a beat is 'PATTERN: caption', with no ': ' in '%s'", spec);
        return -1;
    }
    const char *cap = end + 1;
    while (*cap == ' ') cap++;
    snprintf(b->caption, sizeof b->caption, "%s", cap);
    bool have_kind = false;
    while (p < end) {
        while (p < end && *p == ' ') p++;
        if (p >= end) break;
        const char *w = p;
        if (*p == '"') {
            const char *close = memchr(p + 1, '"', (size_t)(end - p - 1));
            if (!close) {
                snprintf(err, errn, "unclosed quote in beat '%.*s'", (int)(end - spec), spec);
                return -1;
            }
            snprintf(b->text, sizeof b->text, "%.*s", (int)(close - p - 1), p + 1);
            p = close + 1;
            continue;
        }
        while (p < end && *p != ' ') p++;
        size_t n = (size_t)(p - w);
        if (!have_kind) {
            int k = parse_kind(w, n);
            if (k < 0) {
                snprintf(err, errn, "unknown beat kind '%.*s' (scenarios/README.md lists them)", (int)n, w);
                return -1;
            }
            b->kind = (BeatKind)k;
            have_kind = true;
        } else if (n >= 2 && w[0] == 'G' && parse_count(w + 1, n - 1)) {
            b->g = parse_count(w + 1, n - 1);
        } else if (n >= 2 && w[0] == '#' && parse_count(w + 1, n - 1)) {
            b->nth = parse_count(w + 1, n - 1);
        } else if (n == 4 && !strncmp(w, "line", 4)) {
            while (p < end && *p == ' ') p++;
            const char *d = p;
            while (p < end && *p != ' ') p++;
            b->line = parse_count(d, (size_t)(p - d));
            if (!b->line) {
                snprintf(err, errn, "'line' wants a line number in beat '%.*s'", (int)(end - spec), spec);
                return -1;
            }
        } else {
            if (b->object[0]) {
                snprintf(err, errn, "two object names in beat '%.*s'", (int)(end - spec), spec);
                return -1;
            }
            snprintf(b->object, sizeof b->object, "%.*s", (int)n, w);
        }
    }
    if (!have_kind) {
        snprintf(err, errn, "a beat needs a kind of event before ': '");
        return -1;
    }
    return 0;
}

/* The beat kind of an event, -1 when none applies; *also: a second kind the
 * same event matches (an unlock that hands the mutex over), else -1. */
static int event_kind(const Machine *m, const Event *e, int *also)
{
    *also = -1;
    switch (e->kind) {
    case EV_GO_CREATE: return BEAT_GO;
    case EV_GO_START: return BEAT_START;
    case EV_GO_PREEMPT: return BEAT_PREEMPT;
    case EV_GO_BLOCK: return BEAT_BLOCK;
    case EV_GO_WAKE: return BEAT_WAKE;
    case EV_GO_DONE: return BEAT_DONE;
    case EV_LOCK_ACQUIRE: return BEAT_LOCK;
    case EV_LOCK_RELEASE:
        if (e->aux == 1) *also = BEAT_HANDOFF_LOCK;
        return BEAT_UNLOCK;
    case EV_LOCK_CONTEND: return BEAT_LOCK_WAIT;
    case EV_OUTPUT: return BEAT_PRINT;
    case EV_FATAL: return m->status == M_DEADLOCK ? BEAT_DEADLOCK : BEAT_PANIC;
    case EV_EXIT: return BEAT_EXIT;
    case EV_CHAN_SEND: return BEAT_SEND;
    case EV_CHAN_RECV: return BEAT_RECV;
    case EV_CHAN_CLOSE: return BEAT_CLOSE;
    case EV_SYNC:
        switch ((SyncOp)e->aux) {
        case SYNC_OP_RLOCK: return BEAT_RLOCK;
        case SYNC_OP_RUNLOCK: return BEAT_RUNLOCK;
        case SYNC_OP_WLOCK: return BEAT_LOCK;
        case SYNC_OP_WUNLOCK: return BEAT_UNLOCK;
        case SYNC_OP_ONCE_RUN: return BEAT_ONCE;
        case SYNC_OP_ONCE_DONE: return -1;
        case SYNC_OP_COND_WAIT: return BEAT_COND_WAIT;
        case SYNC_OP_COND_SIGNAL: return BEAT_SIGNAL;
        case SYNC_OP_COND_BROADCAST: return BEAT_BROADCAST;
        }
        return -1;
    case EV_SYSCALL: return e->aux ? BEAT_SYSCALL_RETURN : BEAT_SYSCALL;
    case EV_HANDOFF: return BEAT_HANDOFF;
    case EV_THREAD_NEW: return BEAT_THREAD_NEW;
    }
    return -1;
}

/* The name of what the event is about, as the panes name it; "" none. */
static const char *event_object(const Machine *m, const Event *e, char *buf, size_t n)
{
    buf[0] = '\0';
    switch (e->kind) {
    case EV_CHAN_SEND: case EV_CHAN_RECV: case EV_CHAN_CLOSE:
        return machine_chan_name(m, e->addr, buf, n);
    case EV_LOCK_ACQUIRE: case EV_LOCK_RELEASE: case EV_LOCK_CONTEND: case EV_SYNC:
        return machine_addr_name(m, e->addr, buf, n);
    case EV_GO_BLOCK:
        switch (e->wait) {
        case WAIT_CHAN_RECV: case WAIT_CHAN_SEND: case WAIT_SELECT:
            return e->addr ? machine_chan_name(m, e->addr, buf, n) : buf;
        case WAIT_MUTEX: case WAIT_WAITGROUP: case WAIT_RWMUTEX_R: case WAIT_RWMUTEX_W:
        case WAIT_ONCE: case WAIT_COND:
            return machine_addr_name(m, e->addr, buf, n);
        default: return buf;
        }
    default: return buf;
    }
}

/* The source line the acting goroutine executed in this frame, 0 none. */
static int frame_line(const Machine *m, int g)
{
    for (int c = 0; c < m->ncores; c++)
        if (m->last[c].g && (!g || m->last[c].g == g)) return m->prog->code_line[m->last[c].pc];
    return 0;
}

static bool filters_match(const Beat *b, int g, int line, const char *object)
{
    if (b->g && g != b->g) return false;
    if (b->line && line != b->line) return false;
    if (b->object[0] && strcmp(object, b->object) != 0) return false;
    return true;
}

/* Does event e of the last frame match the beat? */
static bool event_matches(const Machine *m, const Beat *b, const Event *e)
{
    int also, k = event_kind(m, e, &also);
    if (k != (int)b->kind && also != (int)b->kind) return false;
    char name[64];
    const char *object = b->object[0] ? event_object(m, e, name, sizeof name) : "";
    int line = b->line ? (e->line ? e->line : frame_line(m, e->g)) : 0;
    if (!filters_match(b, e->g, line, object)) return false;
    if (b->text[0]) {
        if (e->kind != EV_OUTPUT || e->out_off + e->out_len > m->stdout_len) return false;
        const char *t = m->stdout_buf + e->out_off;
        size_t tl = strlen(b->text);
        for (uint32_t j = 0; j + tl <= e->out_len; j++)
            if (memcmp(t + j, b->text, tl) == 0) return true;
        return false;
    }
    return true;
}

/* The frame as a list of happenings: each core's step (index < ncores),
 * then each event.  Does happening i match the beat? */
static bool happening_matches(const Machine *m, const Beat *b, int i)
{
    if (i < m->ncores) {
        const CoreStep *s = &m->last[i];
        return b->kind == BEAT_STEP && s->g && filters_match(b, s->g, m->prog->code_line[s->pc], "");
    }
    return b->kind != BEAT_STEP && event_matches(m, b, &m->events[i - m->ncores]);
}

int beat_matches(const Machine *m, const Beat *b)
{
    int count = 0;
    for (int i = 0; i < m->ncores + m->nevents; i++) count += happening_matches(m, b, i);
    return count;
}

int beat_advance(const Machine *m, const Beat *beats, int n, BeatCursor *cur)
{
    int fired = 0;
    /* Each happening counts for the beat waited for when it happens: a beat
     * may fire in the same frame as the one before it, on a later event. */
    for (int i = 0; i < m->ncores + m->nevents && cur->next < n; i++) {
        if (!happening_matches(m, &beats[cur->next], i)) continue;
        if (++cur->seen < beats[cur->next].nth) continue;
        cur->next++;
        cur->seen = 0;
        fired++;
    }
    return fired;
}
