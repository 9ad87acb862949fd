/* chan.c — channels and select, after Go's runtime/chan.go and select.go.
 *
 * A channel is a Chan in Machine.chans; a chan value is V_CHAN holding its id
 * (1 + index), so copies of the value share the channel, and the nil channel
 * is V_NIL.  Channels are made in program order, so a Machine and its copies
 * number them identically.
 *
 * As in chan.go, a channel is a ring buffer of `cap` values plus two FIFO
 * queues of parked goroutines (Go's sudogs): recvq and sendq.  Every
 * operation is one instruction, so it happens at once and entirely; a
 * goroutine that cannot proceed parks in a queue and the goroutine that
 * later completes its operation does the rest of the work for it:
 *
 *   send:  closed → panic "send on closed channel".  A receiver waiting →
 *          the value goes straight to it (Go's direct handoff: it never
 *          touches the buffer) and the receiver becomes runnable in the
 *          sender's runnext.  Room in the buffer → append.  Otherwise park
 *          in sendq ("chan send").
 *   recv:  closed and empty → the zero value, ok false.  A sender waiting →
 *          unbuffered: take its value; buffered (then full): take the head
 *          and put the sender's value at the tail, FIFO kept.  The sender
 *          becomes runnable.  Values in the buffer → take the head.
 *          Otherwise park in recvq ("chan receive").
 *   close: nil → panic "close of nil channel"; closed → "close of closed
 *          channel".  Every parked receiver gets the zero value and ok false,
 *          every parked sender wakes to panic; Go collects them (receivers,
 *          then senders) on a list it pops from the front after pushing to
 *          the front, so they are readied in reverse order — and each goes
 *          into the closer's runnext, pushing the previous one to its local
 *          queue.  We ready them in that same order.
 *   nil:   a send or receive on the nil channel parks forever ("chan send
 *          (nil chan)", "chan receive (nil chan)").
 *
 * A parked goroutine's pc is already past its SEND/RECV/SELECT, so the
 * completer pushes a receive's results on its stack (vm_push) and, for a
 * select, points its pc at the chosen case.  A sender woken by close is
 * rewound to its instruction with closed_wake set: it executes again and
 * panics there, as Go's sender panics when it resumes.
 *
 * select (selectgo): the cases are polled in a uniformly random order drawn
 * from the frame's seeded randomness (Go's pollorder, from fastrand), so the
 * choice among ready cases is uniform; nil channels are left out.  The first
 * ready case wins; none and a default → the default; none and no default →
 * the goroutine parks in every channel's queue at once ("select"; "select
 * (no cases)" for `select {}`), and whichever operation completes one of its
 * sudogs first removes the others.  Operands are evaluated by the code before
 * SELECT, in source order, as the spec says.
 *
 * Invariants (chan_check_invariants, SIM_PARANOID builds):
 *   1. 0 <= len <= cap, and the ring's head lies inside the buffer;
 *   2. receivers wait only on an empty buffer, senders only on a full one;
 *   3. a closed channel has nobody waiting;
 *   4. every sudog's goroutine is G_BLOCKED: a plain one in "chan receive" /
 *      "chan send" on this channel, a select's in "select";
 *   5. a goroutine blocked in a plain send or receive has exactly one sudog.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "machine_internal.h"
#include "util.h"

static const char SEND_CLOSED[] = "send on closed channel";

static Chan *chan_of(Machine *m, Value ch)
{
    if (ch.kind != V_CHAN || ch.i < 1 || ch.i > m->nchans) return NULL;
    return &m->chans[ch.i - 1];
}

Value chan_make(Machine *m, int made_by, int elem_type, int name, int64_t size)
{
    GROW(m->chans, m->chans_cap, m->nchans + 1);
    Chan *c = &m->chans[m->nchans++];
    memset(c, 0, sizeof *c);
    c->id = m->nchans;
    c->name = name;
    c->elem_type = elem_type;
    c->zero = value_nil();
    if (elem_type >= 0 && elem_type < m->prog->ntypes && m->prog->types[elem_type].nslots == 1)
        c->zero = m->prog->types[elem_type].zero[0];
    c->cap = size;
    if (size > 0) c->buf = xcalloc((size_t)size, sizeof *c->buf);
    c->made_by = made_by;
    return value_make(V_CHAN, 0, c->id);
}

/* ---- wait queues ------------------------------------------------------------------- */

static void q_push(WaitQ *q, Sudog sg)
{
    GROW(q->q, q->cap, q->n + 1);
    q->q[q->n++] = sg;
}

static Sudog q_pop(WaitQ *q)
{
    Sudog sg = q->q[0];
    memmove(q->q, q->q + 1, (size_t)--q->n * sizeof *q->q);
    return sg;
}

static void q_remove_g(WaitQ *q, int g)
{
    int k = 0;
    for (int i = 0; i < q->n; i++)
        if (q->q[i].g != g) q->q[k++] = q->q[i];
    q->n = k;
}

/* A select's goroutine leaves every queue it parked in. */
static void dequeue_all(Machine *m, int g)
{
    for (int i = 0; i < m->nchans; i++) {
        q_remove_g(&m->chans[i].recvq, g);
        q_remove_g(&m->chans[i].sendq, g);
    }
}

/* ---- the ring buffer ---------------------------------------------------------------- */

static void buf_put(Chan *c, Value v)
{
    c->buf[(c->head + c->len++) % c->cap] = v;
}

static Value buf_take(Chan *c)
{
    Value v = c->buf[c->head];
    c->buf[c->head] = value_nil();
    c->head = (c->head + 1) % c->cap;
    c->len--;
    return v;
}

/* ---- events, parking, completing ------------------------------------------------------ */

static int line_of(const Machine *m, int g)
{
    return g ? m->prog->code_line[m->gs[g - 1].last_pc] : 0;
}

static void event(Machine *m, EventKind k, int g, int other, int core, const Chan *c, int aux)
{
    Event *e = machine_emit(m, k, g, core);
    e->other_g = other;
    e->addr = c ? c->id : 0;
    e->line = line_of(m, g);
    e->aux = aux;
}

/* Select case k was chosen: continue at its entry of the jump table that
 * starts at `table` (the instruction after the SELECT). */
static void goto_case(Machine *m, Goroutine *g, int table, int k)
{
    g->frames[g->nframes - 1].pc = m->prog->code[table + k].a;
}

/* Finish the operation of parked sudog sg (its goroutine is then ready to be
 * readied): a receive gets (v, ok) pushed, a select case its jump. */
static void finish(Machine *m, Sudog sg, bool recv, Value v, bool ok)
{
    Goroutine *g = machine_g(m, sg.g);
    if (sg.sel >= 0) {
        dequeue_all(m, sg.g);
        goto_case(m, g, g->frames[g->nframes - 1].pc, sg.sel);
        if (recv) {
            vm_push(g, v);
            vm_push(g, value_bool(ok));
        }
    } else if (recv) {
        vm_push(g, v);
        if (sg.want_ok) vm_push(g, value_bool(ok));
    }
}

static void complete(Machine *m, Sudog sg, int waker, int core, bool recv, Value v, bool ok)
{
    finish(m, sg, recv, v, ok);
    sched_ready(m, sg.g, waker, core);
}

/* A parked sender finds its channel closed: rewound, it runs its SEND (or
 * SELECT) again when it next runs, which panics. */
static void finish_to_panic(Machine *m, Sudog sg)
{
    Goroutine *g = machine_g(m, sg.g);
    if (sg.sel >= 0) dequeue_all(m, sg.g);
    g->closed_wake = 1;
    g->frames[g->nframes - 1].pc = g->last_pc;
}

static void push_result(Goroutine *g, Value v, bool want_ok, bool ok)
{
    vm_push(g, v);
    if (want_ok) vm_push(g, value_bool(ok));
}

/* ---- happens-before (the Go memory model's channel rules) --------------------------- */

/* Send number seq of c completes: it is ordered after receive number
 * seq - cap (the capacity rule), and before the receive of its value. */
static void hb_send(Machine *m, int g, const Chan *c, uint64_t seq)
{
    if (c->cap > 0 && seq >= (uint64_t)c->cap)
        machine_hb(m, HB_ACQUIRE, g, hb_key(HBK_CHAN_SLOT, c->id, seq - (uint64_t)c->cap));
    machine_hb(m, HB_RELEASE, g, hb_key(HBK_CHAN_MSG, c->id, seq));
}

/* Receive number seq of c completes: after its value's send; and before
 * send seq + cap completes (buffered), or before send seq completes
 * (unbuffered: hb_ack). */
static void hb_recv(Machine *m, int g, const Chan *c, uint64_t seq)
{
    machine_hb(m, HB_ACQUIRE, g, hb_key(HBK_CHAN_MSG, c->id, seq));
    if (c->cap > 0) machine_hb(m, HB_RELEASE, g, hb_key(HBK_CHAN_SLOT, c->id, seq));
}

/* Unbuffered: the receive of message seq is ordered before its send completes. */
static void hb_ack(Machine *m, int receiver, int sender, const Chan *c, uint64_t seq)
{
    machine_hb(m, HB_RELEASE, receiver, hb_key(HBK_CHAN_ACK, c->id, seq));
    machine_hb(m, HB_ACQUIRE, sender, hb_key(HBK_CHAN_ACK, c->id, seq));
}

/* ---- the operations, each one step -------------------------------------------------- */

/* Try to send v on c without parking; g is the sender (0: a timer). */
static bool try_send(Machine *m, int g, int core, Chan *c, Value v)
{
    if (c->recvq.n) {
        Sudog r = q_pop(&c->recvq);
        hb_send(m, g, c, c->sends);
        hb_recv(m, r.g, c, c->sends);
        if (c->cap == 0) hb_ack(m, r.g, g, c, c->sends);
        c->sends++;
        c->recvs++;
        event(m, EV_CHAN_SEND, g, r.g, core, c, 0);
        event(m, EV_CHAN_RECV, r.g, g, -1, c, g ? 0 : 2);
        complete(m, r, g, core, true, v, true);
        return true;
    }
    if (c->len < c->cap) {
        buf_put(c, v);
        hb_send(m, g, c, c->sends);
        c->sends++;
        event(m, EV_CHAN_SEND, g, 0, core, c, 0);
        return true;
    }
    return false;
}

/* The zero value a receive from closed c gives: a struct value is the
 * address of a fresh zeroed struct (struct values). */
static Value chan_zero(Machine *m, const Chan *c)
{
    int t = c->elem_type;
    if (t < 0 || t >= m->prog->ntypes || m->prog->types[t].kind != RT_STRUCT) return c->zero;
    int n = m->prog->types[t].nslots;
    int64_t base = machine_alloc(m, n, t, -1);
    if (n) memcpy(&m->mem[base], m->prog->types[t].zero, (size_t)n * sizeof(Value));
    return value_make(V_PTR, 0, base);
}

/* Try to receive from c without parking: *out and *ok get the result. */
static bool try_recv(Machine *m, int g, int core, Chan *c, Value *out, bool *ok)
{
    if (c->closed && c->len == 0) {
        *out = chan_zero(m, c);
        *ok = false;
        machine_hb(m, HB_ACQUIRE, g, hb_key(HBK_CHAN_CLOSE, c->id, 0));
        event(m, EV_CHAN_RECV, g, 0, core, c, 1);
        return true;
    }
    if (c->sendq.n) {
        Sudog s = q_pop(&c->sendq);
        if (c->cap == 0) {
            *out = s.elem;
            hb_send(m, s.g, c, c->sends);
            hb_recv(m, g, c, c->recvs);
            hb_ack(m, g, s.g, c, c->recvs);
        } else {                    /* full: take the head, the sender's value goes last */
            *out = buf_take(c);
            buf_put(c, s.elem);
            hb_recv(m, g, c, c->recvs);
            hb_send(m, s.g, c, c->sends);
        }
        *ok = true;
        c->sends++;
        c->recvs++;
        event(m, EV_CHAN_RECV, g, s.g, core, c, 0);
        event(m, EV_CHAN_SEND, s.g, g, -1, c, 0);
        complete(m, s, g, core, false, value_nil(), true);
        return true;
    }
    if (c->len > 0) {
        *out = buf_take(c);
        *ok = true;
        hb_recv(m, g, c, c->recvs);
        c->recvs++;
        event(m, EV_CHAN_RECV, g, 0, core, c, 0);
        return true;
    }
    return false;
}

bool chan_send(Machine *m, Goroutine *g, int core, Value ch, Value v)
{
    Chan *c = chan_of(m, ch);
    if (!c) {
        sched_park(m, g, core, WAIT_CHAN_SEND_NIL, 0);
        return false;
    }
    if (c->closed) {
        machine_fail(m, M_PANIC, g->id, true, SEND_CLOSED);
        return false;
    }
    if (try_send(m, g->id, core, c, v)) return true;
    Sudog sg = {g->id, -1, 0, v};
    q_push(&c->sendq, sg);
    sched_park(m, g, core, WAIT_CHAN_SEND, c->id);
    return false;
}

bool chan_recv(Machine *m, Goroutine *g, int core, Value ch, bool want_ok)
{
    Chan *c = chan_of(m, ch);
    if (!c) {
        sched_park(m, g, core, WAIT_CHAN_RECV_NIL, 0);
        return false;
    }
    Value v;
    bool ok;
    if (try_recv(m, g->id, core, c, &v, &ok)) {
        push_result(g, v, want_ok, ok);
        return true;
    }
    Sudog sg = {g->id, -1, want_ok, value_nil()};
    q_push(&c->recvq, sg);
    sched_park(m, g, core, WAIT_CHAN_RECV, c->id);
    return false;
}

bool chan_close(Machine *m, Goroutine *g, int core, Value ch)
{
    Chan *c = chan_of(m, ch);
    if (!c) {
        machine_fail(m, M_PANIC, g->id, true, "close of nil channel");
        return false;
    }
    if (c->closed) {
        machine_fail(m, M_PANIC, g->id, true, "close of closed channel");
        return false;
    }
    c->closed = true;
    event(m, EV_CHAN_CLOSE, g->id, 0, core, c, 0);
    machine_hb(m, HB_RELEASE, g->id, hb_key(HBK_CHAN_CLOSE, c->id, 0));
    /* Go's closechan: receivers then senders are dequeued (a select's first
     * sudog wins, its others are skipped) and pushed at the front of glist,
     * which is then popped from the front: readied last to first. */
    int n = c->recvq.n + c->sendq.n, k = 0;
    int *won = xmalloc((size_t)(n ? n : 1) * sizeof *won);
    while (c->recvq.n || c->sendq.n) {
        bool recv = c->recvq.n > 0;
        Sudog sg = q_pop(recv ? &c->recvq : &c->sendq);
        if (recv) {
            event(m, EV_CHAN_RECV, sg.g, 0, -1, c, 1);
            machine_hb(m, HB_ACQUIRE, sg.g, hb_key(HBK_CHAN_CLOSE, c->id, 0));
            finish(m, sg, true, chan_zero(m, c), false);
        } else {
            finish_to_panic(m, sg);
        }
        /* finish removed a select's other sudogs, here too */
        won[k++] = sg.g;
    }
    while (k > 0) sched_ready(m, won[--k], g->id, core);
    free(won);
    return true;
}

int64_t chan_len(const Machine *m, Value ch)
{
    return ch.kind == V_CHAN && ch.i >= 1 && ch.i <= m->nchans ? m->chans[ch.i - 1].len : 0;
}

int64_t chan_cap(const Machine *m, Value ch)
{
    return ch.kind == V_CHAN && ch.i >= 1 && ch.i <= m->nchans ? m->chans[ch.i - 1].cap : 0;
}

/* ---- select ---------------------------------------------------------------------------- */

#define SELECT_MAX_CASES 31     /* bits of the send mask (opcodes.def: SELECT) */

static uint64_t splitmix(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

bool chan_select(Machine *m, Goroutine *g, int core, int pc, const Value *ops, int ncases,
                 uint32_t send_mask, bool has_default)
{
    if (ncases > SELECT_MAX_CASES) sim_fatal("chan_select", "too many cases");
    int table = pc + 1;
    Value chv[SELECT_MAX_CASES], val[SELECT_MAX_CASES];
    int order[SELECT_MAX_CASES], npoll = 0;
    for (int i = 0, k = 0; i < ncases; i++) {
        chv[i] = ops[k++];
        val[i] = (send_mask >> i) & 1 ? ops[k++] : value_nil();
        if (chan_of(m, chv[i])) order[npoll++] = i;     /* nil channels never proceed */
    }
    if (ncases == 0 && !has_default) {
        sched_park(m, g, core, WAIT_SELECT_EMPTY, 0);
        return false;
    }
    /* pollorder: a uniformly random permutation (Fisher-Yates). */
    uint64_t r = sched_random(m, SCHED_SALT_USER + (uint64_t)g->id);
    for (int i = npoll - 1; i > 0; i--) {
        int j = (int)(splitmix(&r) % (uint64_t)(i + 1));
        int t = order[i]; order[i] = order[j]; order[j] = t;
    }
    /* A schedule's step may name the case to poll first (schedule.c): the
     * explorer's branch, or its witness replayed. */
    const Schedule *s = m->schedule;
    if (s && s->sel && m->forced_step >= 0 && m->forced_step < s->n && s->sel[m->forced_step])
        for (int k = 0; k < npoll; k++)
            if (order[k] == s->sel[m->forced_step] - 1) {
                memmove(order + 1, order, (size_t)k * sizeof *order);
                order[0] = s->sel[m->forced_step] - 1;
                break;
            }
    for (int k = 0; k < npoll; k++) {
        int i = order[k];
        Chan *c = chan_of(m, chv[i]);
        if ((send_mask >> i) & 1) {
            if (c->closed) {
                machine_fail(m, M_PANIC, g->id, true, SEND_CLOSED);
                return false;
            }
            if (try_send(m, g->id, core, c, val[i])) {
                goto_case(m, g, table, i);
                return true;
            }
        } else {
            Value v;
            bool ok;
            if (try_recv(m, g->id, core, c, &v, &ok)) {
                goto_case(m, g, table, i);
                push_result(g, v, true, ok);
                return true;
            }
        }
    }
    if (has_default) {
        goto_case(m, g, table, ncases);
        return true;
    }
    int64_t first = 0;
    for (int i = 0; i < ncases; i++) {
        Chan *c = chan_of(m, chv[i]);
        if (!c) continue;
        if (!first) first = c->id;
        Sudog sg = {g->id, i, 1, val[i]};
        q_push((send_mask >> i) & 1 ? &c->sendq : &c->recvq, sg);
    }
    sched_park(m, g, core, WAIT_SELECT, first);
    return false;
}

/* ---- timers ------------------------------------------------------------------------------ */

void chan_timer_send(Machine *m, int chan, int64_t when, int core)
{
    Chan *c = chan_of(m, value_make(V_CHAN, 0, chan));
    if (!c || c->closed) return;
    /* Go's sendTime: select { case c <- Now(): default: } — a slow reader
     * misses ticks. */
    try_send(m, 0, core, c, value_int(MACHINE_EPOCH_UNIX_NS + when));
}

/* ---- copying, freeing, invariants ---------------------------------------------------------- */

void chan_free_all(Machine *m)
{
    for (int i = 0; i < m->nchans; i++) {
        free(m->chans[i].buf);
        free(m->chans[i].recvq.q);
        free(m->chans[i].sendq.q);
    }
    free(m->chans);
    m->chans = NULL;
    m->nchans = m->chans_cap = 0;
}

/* d := s, reusing d's array (kept: its old contents, capacity cap). */
static void copy_q(WaitQ *d, Sudog *keep, int keep_cap, const WaitQ *s)
{
    d->q = keep;
    d->cap = keep_cap;
    if (s->n > d->cap) {
        d->q = xrealloc(d->q, (size_t)s->n * sizeof *d->q);
        d->cap = s->n;
    }
    if (s->n) memcpy(d->q, s->q, (size_t)s->n * sizeof *d->q);
}

/* dst's Chan fields were overwritten by a struct copy from src; `old` holds
 * dst's previous array (old_n channels): each channel's buffer and queues
 * are reused where they fit (history restores a checkpoint many times). */
void chan_copy_all(Machine *dst, const Machine *src, Chan *old, int old_n, int old_cap)
{
    for (int i = src->nchans; i < old_n; i++) {
        free(old[i].buf);
        free(old[i].recvq.q);
        free(old[i].sendq.q);
    }
    dst->chans = old;
    dst->chans_cap = old_cap;
    dst->nchans = src->nchans;
    if (src->nchans > dst->chans_cap) {
        dst->chans = xrealloc(dst->chans, (size_t)src->nchans * sizeof *dst->chans);
        dst->chans_cap = src->nchans;
    }
    for (int i = 0; i < src->nchans; i++) {
        const Chan *s = &src->chans[i];
        Chan *d = &dst->chans[i];
        Chan keep = {0};
        if (i < old_n) keep = *d;
        *d = *s;
        d->buf = keep.buf;
        if (keep.buf && keep.cap != s->cap) {
            free(keep.buf);
            d->buf = NULL;
        }
        if (s->cap > 0) {
            if (!d->buf) d->buf = xmalloc((size_t)s->cap * sizeof *d->buf);
            memcpy(d->buf, s->buf, (size_t)s->cap * sizeof *d->buf);
        }
        copy_q(&d->recvq, keep.recvq.q, keep.recvq.cap, &s->recvq);
        copy_q(&d->sendq, keep.sendq.q, keep.sendq.cap, &s->sendq);
    }
}

int chan_queues_holding(const Machine *m, int g)
{
    int n = 0;
    for (int i = 0; i < m->nchans; i++) {
        const Chan *c = &m->chans[i];
        for (int k = 0; k < c->recvq.n; k++) n += c->recvq.q[k].g == g;
        for (int k = 0; k < c->sendq.n; k++) n += c->sendq.q[k].g == g;
    }
    return n;
}

static void check_sudog(const Machine *m, const Chan *c, const Sudog *sg, WaitReason plain)
{
    if (sg->g < 1 || sg->g > m->ngs) sim_fatal("chan_check_invariants", "sudog of no goroutine");
    const Goroutine *g = &m->gs[sg->g - 1];
    if (g->state != G_BLOCKED) sim_fatal("chan_check_invariants", "sudog of a goroutine not blocked");
    if (sg->sel < 0 && (g->wait != plain || g->wait_addr != c->id))
        sim_fatal("chan_check_invariants", "plain sudog of a goroutine waiting elsewhere");
    if (sg->sel >= 0 && g->wait != WAIT_SELECT)
        sim_fatal("chan_check_invariants", "select sudog of a goroutine not in select");
}

void chan_check_invariants(const Machine *m)
{
    for (int i = 0; i < m->nchans; i++) {
        const Chan *c = &m->chans[i];
        if (c->id != i + 1) sim_fatal(__func__, "channel id out of place");
        if (c->len < 0 || c->len > c->cap) sim_fatal(__func__, "buffer length out of range");
        if (c->cap > 0 && (c->head < 0 || c->head >= c->cap)) sim_fatal(__func__, "ring head outside the buffer");
        if (c->recvq.n && c->len > 0) sim_fatal(__func__, "receivers wait while values are buffered");
        if (c->sendq.n && c->len < c->cap) sim_fatal(__func__, "senders wait while the buffer has room");
        if (c->closed && (c->recvq.n || c->sendq.n)) sim_fatal(__func__, "goroutines wait on a closed channel");
        for (int k = 0; k < c->recvq.n; k++) check_sudog(m, c, &c->recvq.q[k], WAIT_CHAN_RECV);
        for (int k = 0; k < c->sendq.n; k++) check_sudog(m, c, &c->sendq.q[k], WAIT_CHAN_SEND);
    }
    for (int i = 0; i < m->ngs; i++) {
        const Goroutine *g = &m->gs[i];
        if (g->state != G_BLOCKED) continue;
        if ((g->wait == WAIT_CHAN_RECV || g->wait == WAIT_CHAN_SEND) && chan_queues_holding(m, g->id) != 1)
            sim_fatal(__func__, "a goroutine blocked on a channel is not in exactly one queue");
    }
}
