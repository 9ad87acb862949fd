/* view_status.c — the three lines above the key bar.
 *
 *   frame 41: G2 locks a.mu; G3 locks b.mu                        (events)
 *    DEADLOCK  G2 waits for b.mu held by G3; G3 waits for a.mu held by G2  (notice)
 *    Deadlock: printSum │ 2 cores · go · seed 1 · q10 │ frame 41 │ t=2.000001s │ ‖ paused · 10 f/s
 *
 * The notice line is the one to read first: the wait-for cycle in words (the
 * sentence waitfor_describe_cycle makes), goroutines nothing can wake any
 * more (stuck_describe's chain), the end of the run, a panic, or a
 * hint; when all is quiet, the scenario's summary.
 */
#include <stdio.h>
#include <string.h>

#include "duration.h"
#include "event_text.h"
#include "memwatch.h"
#include "race.h"
#include "stuck.h"
#include "views.h"

/* ---- the "what happened this frame" line ------------------------------- */

static bool contended(const Machine *m, int g)
{
    for (int i = 0; i < m->nevents; i++)
        if (m->events[i].kind == EV_LOCK_CONTEND && m->events[i].g == g) return true;
    return false;
}

size_t view_events_text(const ViewCtx *c, char *buf, size_t n)
{
    const Machine *m = c->m;
    size_t len = 0;
#define ADD(...) do { if (len < n) len += (size_t)snprintf(buf + len, n - len, __VA_ARGS__); } while (0)
    buf[0] = '\0';
    if (c->frame == 0) {
        ADD("frame 0: main is about to start");
        return len;
    }
    ADD("frame %llu: ", (unsigned long long)c->frame);
    int said = 0;
    for (int i = 0; i < m->nevents; i++) {
        const Event *e = &m->events[i];
        /* A core picking up a goroutine is visible in the lanes; say it only
         * when nothing else happened. */
        if (e->kind == EV_GO_START && m->nevents > 1) continue;
        /* "G3 wants a.mu, held by G2: waits" already says it blocks. */
        if (e->kind == EV_GO_BLOCK && e->wait == WAIT_MUTEX && contended(m, e->g)) continue;
        char one[256];
        event_describe(m, e, one, sizeof one);
        ADD("%s%s", said ? "; " : "", one);
        said++;
    }
    char words[256];
    if (memwatch_describe(m, words, sizeof words)) {   /* "G2 loads data (0)" */
        ADD("%s%s", said ? "; " : "", words);
        said++;
    }
    if (!said) {
        /* Nothing to say in words: which instruction each busy core executed. */
        for (int core = 0; core < m->ncores; core++) {
            const CoreStep *s = &m->last[core];
            if (!s->g) continue;
            char ins[64];
            disasm_instr(c->prog, s->pc, ins, sizeof ins);
            int line = s->pc >= 0 && s->pc < c->prog->ncode ? c->prog->code_line[s->pc] : 0;
            ADD("%score %d: G%d line %d %s", said ? "; " : "", core, s->g, line, ins);
            said++;
        }
        if (!said) ADD("every core idle");
    }
#undef ADD
    return len < n ? len : n - 1;
}

static void banner(const Pane *p, Role role, const char *tag, const char *text);

void view_events_draw(const Pane *p, const ViewCtx *c)
{
    /* At a beat, the lesson's caption says what this frame is about, in the
     * words of the scenario; the notice line below keeps the verdicts. */
    if (c->beat >= 0 && c->meta && c->beat < c->meta->nbeats) {
        char tag[32];
        snprintf(tag, sizeof tag, "BEAT %d/%d", c->beat + 1, c->nbeats);
        banner(p, ROLE_NOTICE, tag, c->meta->beats[c->beat].caption);
        return;
    }
    char text[1024];
    if (c->race) {
        view_race_text(c, text, sizeof text);
        banner(p, ROLE_DEADLOCK, "DATA RACE", text);
        return;
    }
    if (c->lost) {
        memwatch_describe_lost(c->m, c->lost, text, sizeof text);
        banner(p, ROLE_DEADLOCK, "LOST UPDATE", text);
        return;
    }
    view_events_text(c, text, sizeof text);
    const char *colon = strchr(text, ':');
    int split = colon ? (int)(colon - text) + 1 : 0;
    int x = 1 + pane_putn(p, 0, 1, theme_attr(ROLE_DIM), text, split);
    pane_put_trunc(p, 0, x, p->w - x - 1, theme_attr(ROLE_EVENT), text + split);
}

void view_race_text(const ViewCtx *c, char *buf, size_t n)
{
    const RaceReport *r = c->race;
    char name[64];
    machine_addr_name(c->m, r->addr, name, sizeof name);
    snprintf(buf, n, "G%d %s %s (line %d); G%d %s it at line %d (frame %llu), and neither "
             "happens before the other", r->cur.g, r->cur.write ? "writes" : "reads", name,
             r->cur.line, r->prev.g, r->prev.write ? "wrote" : "read", r->prev.line,
             (unsigned long long)r->prev.frame);
}

/* ---- the notice line ---------------------------------------------------- */

static void banner(const Pane *p, Role role, const char *tag, const char *text)
{
    attr_t a = theme_attr(role);
    pane_fill(p, 0, 0, p->w, a);
    int x = 1;
    if (tag) x += pane_put(p, 0, x, a | A_BOLD, tag) + 2;
    pane_put_trunc(p, 0, x, p->w - x - 1, a, text);
}

void view_notice_draw(const Pane *p, const ViewCtx *c)
{
    const Machine *m = c->m;
    char text[512];
    if (c->notice_first && c->notice && *c->notice) {     /* the answer to a key, first */
        pane_put_trunc(p, 0, 1, p->w - 2, theme_attr(ROLE_NOTICE), c->notice);
        return;
    }
    if (c->wg && c->wg->ncycle > 0) {
        char cyc[400];
        waitfor_describe_cycle(m, c->wg, cyc, sizeof cyc);
        bool partial = m->status == M_RUNNING && view_progress_possible(m);
        banner(p, ROLE_DEADLOCK, partial ? "PARTIAL DEADLOCK" : "DEADLOCK", cyc);
        return;
    }
    if (c->stuck && !c->stuck->global && m->status == M_RUNNING) {
        stuck_describe(c->stuck_watch, m, c->stuck, text, sizeof text);
        banner(p, ROLE_DEADLOCK, "PARTIAL DEADLOCK", text);
        return;
    }
    switch (m->status) {
    case M_DEADLOCK: {
        char stuck[400], full[600];
        if (c->stuck) {             /* the chain says it all: who, where, why */
            stuck_describe(c->stuck_watch, m, c->stuck, stuck, sizeof stuck);
            banner(p, ROLE_DEADLOCK, "DEADLOCK", stuck);
            return;
        }
        waitfor_describe_stuck(m, stuck, sizeof stuck);
        if (stuck[0]) snprintf(full, sizeof full, "all goroutines are asleep: %s", stuck);
        else snprintf(full, sizeof full, "%s", m->fatal_msg[0] ? m->fatal_msg : "all goroutines are asleep");
        banner(p, ROLE_DEADLOCK, "DEADLOCK", full);
        return;
    }
    case M_PANIC:
        if (m->fatal_g) snprintf(text, sizeof text, "%s (in G%d)", m->fatal_msg, m->fatal_g);
        else snprintf(text, sizeof text, "%s", m->fatal_msg);
        banner(p, ROLE_DEADLOCK, "PANIC", text);
        return;
    case M_SCHEDULE_ERROR:
        banner(p, ROLE_ERROR, "SCHEDULE", m->fatal_msg);
        return;
    case M_HANG:
        banner(p, ROLE_DEADLOCK, "HANG", m->fatal_msg);
        return;
    case M_EXITED:
        snprintf(text, sizeof text, "the program exited with status %d after %llu frames  "
                 "(%s steps back, Home goes to frame 0, s tries the next seed)",
                 m->exit_code, (unsigned long long)c->frame, theme_glyph(GLYPH_LEFT));
        banner(p, ROLE_OK, NULL, text);
        return;
    case M_RUNNING:
        break;
    }
    if (c->notice && *c->notice) {
        pane_put_trunc(p, 0, 1, p->w - 2, theme_attr(ROLE_NOTICE), c->notice);
    } else if (c->frame == 0) {
        snprintf(text, sizeof text, "Space plays, %s steps one frame, n shows what to look for, "
                 "? lists every key", theme_glyph(GLYPH_RIGHT));
        pane_put_trunc(p, 0, 1, p->w - 2, theme_attr(ROLE_NOTICE), text);
    } else if (c->meta && c->meta->summary[0]) {
        pane_put_trunc(p, 0, 1, p->w - 2, theme_attr(ROLE_DIM), c->meta->summary);
    }
}

/* ---- the status bar ----------------------------------------------------- */

static const char *run_state(const ViewCtx *c, char *buf, size_t n)
{
    const Machine *m = c->m;
    if (m->status != M_RUNNING) {
        const char *what = m->status == M_EXITED ? "exited" : m->status == M_DEADLOCK ? "deadlock"
                         : m->status == M_PANIC ? "panicked" : m->status == M_HANG ? "hangs" : "stopped";
        snprintf(buf, n, "%s %s", theme_glyph(GLYPH_STOP), what);
    } else if (c->playing) {
        snprintf(buf, n, "%s playing", theme_glyph(GLYPH_MARKER));
    } else {
        snprintf(buf, n, "%s paused", theme_glyph(GLYPH_PAUSE));
    }
    return buf;
}

/* "time slice 200ns (Go: 10ms)", or "time slice 10ms" when it is Go's. */
static void time_slice_text(int64_t slice, char *buf, size_t n)
{
    char d[24], go[16];
    duration_format(slice, d, sizeof d);
    duration_format(MACHINE_GO_TIME_SLICE, go, sizeof go);
    if (slice == MACHINE_GO_TIME_SLICE) snprintf(buf, n, "time slice %s", d);
    else snprintf(buf, n, "time slice %s (Go: %s)", d, go);
}

void view_status_draw(const Pane *p, const ViewCtx *c)
{
    const Machine *m = c->m;
    attr_t a = theme_attr(ROLE_STATUS), acc = theme_attr(ROLE_STATUS_ACCENT);
    const char *sep = theme_glyph(GLYPH_VLINE), *dot = theme_glyph(GLYPH_DOT);
    pane_fill(p, 0, 0, p->w, a);

    char cfg[192], frame[64], tm[48], state[48], speed[32], slice[64];
    time_slice_text(m->cfg.time_slice, slice, sizeof slice);
    snprintf(cfg, sizeof cfg, "%d core%s %s %s %s seed %llu %s %s", m->ncores,
             m->ncores == 1 ? "" : "s", dot, policy_name(m->cfg.policy), dot,
             (unsigned long long)m->cfg.seed, dot, slice);
    if (c->max_frame > c->frame)
        snprintf(frame, sizeof frame, "frame %llu/%llu", (unsigned long long)c->frame,
                 (unsigned long long)c->max_frame);
    else
        snprintf(frame, sizeof frame, "frame %llu", (unsigned long long)c->frame);
    char d[32];
    duration_format(m->now, d, sizeof d);
    snprintf(tm, sizeof tm, "t=%s", d);
    run_state(c, state, sizeof state);
    snprintf(speed, sizeof speed, "%d f/s", c->fps);

    /* Right part first: it must always show. */
    char right[256];
    snprintf(right, sizeof right, " %s %s %s %s ", frame, sep, tm, sep);
    int rw = text_width(right) + text_width(state) + 3 + text_width(speed) + 1;
    int x = p->w - rw;
    if (x < 0) x = 0;
    x += pane_put(p, 0, x, a, right);
    x += pane_put(p, 0, x, acc, state);
    x += pane_printf(p, 0, x, a, " %s ", dot);
    pane_put(p, 0, x, a, speed);

    /* Left: the scenario's title and the configuration; when narrow the
     * time slice goes first, then the title. */
    int room = p->w - rw - 2;
    char title[200];
    if (c->meta && c->meta->variant[0] && !strstr(c->meta->title, c->meta->variant))
        /* "Channels: a pipeline (buffered: make(chan int, 3))" */
        snprintf(title, sizeof title, "%s (%s)", c->meta->title, c->meta->variant);
    else
        snprintf(title, sizeof title, "%s", c->meta && c->meta->title[0] ? c->meta->title : c->filename);
    char shortcfg[96];
    snprintf(shortcfg, sizeof shortcfg, "%d core%s %s %s %s seed %llu", m->ncores,
             m->ncores == 1 ? "" : "s", dot, policy_name(m->cfg.policy), dot,
             (unsigned long long)m->cfg.seed);
    int tw = text_width(title) + 3;
    const char *conf = cfg;
    bool show_title = true;
    if (tw + text_width(cfg) > room) conf = shortcfg;
    if (tw + text_width(conf) > room) show_title = false;
    int lx = 1;
    if (show_title) {
        lx += pane_put(p, 0, lx, acc, title);
        lx += pane_printf(p, 0, lx, a, " %s ", sep);
    }
    pane_put_trunc(p, 0, lx, room - lx + 1, a, conf);
}
