/* breakpoints.c — line breakpoints and when a run reaches one (see
 * breakpoints.h).
 *
 * The set is a sorted array of line numbers: a program has tens of lines and
 * a user a handful of breakpoints, and the check after every frame looks at
 * the few goroutines that moved, not at the set.
 */
#include "breakpoints.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

struct Breakpoints {
    int *lines;         /* ascending */
    int n, cap;
};

Breakpoints *breakpoints_new(void) { return xcalloc(1, sizeof(Breakpoints)); }

void breakpoints_free(Breakpoints *b)
{
    if (!b) return;
    free(b->lines);
    free(b);
}

bool breakpoints_line_has_code(const Program *p, int line)
{
    for (int pc = 0; pc < p->ncode; pc++)
        if (p->code_line[pc] == line) return true;
    return false;
}

/* The index of `line` in the set, or where it would go. */
static int find(const Breakpoints *b, int line)
{
    int i = 0;
    while (i < b->n && b->lines[i] < line) i++;
    return i;
}

bool breakpoints_has(const Breakpoints *b, int line)
{
    int i = find(b, line);
    return i < b->n && b->lines[i] == line;
}

bool breakpoints_toggle(Breakpoints *b, int line)
{
    int i = find(b, line);
    if (i < b->n && b->lines[i] == line) {
        memmove(&b->lines[i], &b->lines[i + 1], (size_t)(b->n - i - 1) * sizeof *b->lines);
        b->n--;
        return false;
    }
    if (b->n == b->cap) {
        b->cap = b->cap ? b->cap * 2 : 8;
        b->lines = xrealloc(b->lines, (size_t)b->cap * sizeof *b->lines);
    }
    memmove(&b->lines[i + 1], &b->lines[i], (size_t)(b->n - i) * sizeof *b->lines);
    b->lines[i] = line;
    b->n++;
    return true;
}

int breakpoints_count(const Breakpoints *b) { return b->n; }
void breakpoints_clear(Breakpoints *b) { b->n = 0; }

/* Is pc the first instruction of a run of its line's code?  A return into
 * the middle of a line (after a call) is not: the line was already entered. */
static bool starts_line(const Program *p, int pc)
{
    return pc == 0 || p->code_line[pc - 1] != p->code_line[pc];
}

/* The instruction goroutine g runs next, -1 when it is not about to run
 * any (parked, in a system call, done). */
static int next_pc(const Goroutine *g)
{
    if ((g->state != G_RUNNING && g->state != G_RUNNABLE) || g->nframes == 0) return -1;
    return g->frames[g->nframes - 1].pc;
}

/* Is g, about to run pc, at a breakpoint?  Its line then, else 0. */
static int arrives(const Breakpoints *b, const Program *p, int pc)
{
    if (pc < 0 || pc >= p->ncode || !starts_line(p, pc)) return 0;
    int line = p->code_line[pc];
    return line > 0 && breakpoints_has(b, line) ? line : 0;
}

int breakpoints_hit(const Breakpoints *b, const Machine *m, int *line)
{
    if (b->n == 0) return 0;
    const Program *p = m->prog;
    /* the goroutines that executed an instruction and moved on */
    for (int c = 0; c < m->ncores; c++) {
        const CoreStep *s = &m->last[c];
        const Goroutine *g = s->g ? machine_goroutine(m, s->g) : NULL;
        int pc = g ? next_pc(g) : -1;
        if (pc == s->pc) continue;
        if ((*line = arrives(b, p, pc))) return g->id;
    }
    /* the ones a go statement made, and the ones woken past the
     * instruction that parked them (a sleep, a lock handed over) */
    for (int i = 0; i < m->nevents; i++) {
        const Event *e = &m->events[i];
        int id = e->kind == EV_GO_CREATE ? e->other_g : e->kind == EV_GO_WAKE ? e->g : 0;
        const Goroutine *g = id ? machine_goroutine(m, id) : NULL;
        int pc = g ? next_pc(g) : -1;
        if (pc < 0 || (e->kind == EV_GO_WAKE && pc == g->last_pc)) continue;
        if ((*line = arrives(b, p, pc))) return g->id;
    }
    *line = 0;
    return 0;
}
