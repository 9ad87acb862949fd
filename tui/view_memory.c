/* view_memory.c — the variables the goroutines share.
 *
 *   ─ Memory ──────────────────────────────────────── 2 shared ──
 *      variable   value    last store
 *      counter    1873     G3 at frame 36120
 *      done       true     G1 at frame 12
 *
 * A variable is listed once a second goroutine has touched it (memwatch.c),
 * by its name in the source, with its value now as fmt's %v prints it and
 * the last store at or before this frame; the row of a store made in this
 * frame is highlighted.
 */
#include <stdio.h>

#include "memwatch.h"
#include "views.h"

/* Cells shared by frame f. */
int view_memory_count(const MemWatch *w, uint64_t f)
{
    int n, k = 0;
    const MemCell *c = w ? memwatch_cells(w, &n) : NULL;
    for (int i = 0; c && i < n; i++) k += c[i].shared_frame && c[i].shared_frame <= f;
    return k;
}

void view_memory_draw(const Pane *p, const ViewCtx *c)
{
    if (p->h <= 0) return;
    int shown = view_memory_count(c->mem, c->frame);
    char right[32];
    snprintf(right, sizeof right, "%d shared", shown);
    pane_rule(p, 0, "Memory", p->w > 40 ? right : NULL);
    if (p->h < 2) return;
    pane_printf(p, 1, 2, theme_attr(ROLE_HEADER), "%-14s %-12s %s", "variable", "value", "last store");
    int n;
    const MemCell *cells = memwatch_cells(c->mem, &n);
    int row = 2;
    for (int i = 0; i < n && row < p->h; i++) {
        if (!cells[i].shared_frame || cells[i].shared_frame > c->frame) continue;
        char name[64], val[64], who[48] = "";
        machine_addr_name(c->m, cells[i].addr, name, sizeof name);
        machine_value_text(c->m, c->m->mem[cells[i].addr], val, sizeof val);
        int g;
        uint64_t f;
        memwatch_last_write(c->mem, i, c->frame, &g, &f);
        if (g) snprintf(who, sizeof who, "G%d at frame %llu", g, (unsigned long long)f);
        bool now = g && f == c->frame;
        attr_t a = now ? theme_attr(ROLE_CODE_CURRENT) : theme_attr(ROLE_NORMAL);
        if (now) pane_fill(p, row, 0, p->w, a);
        pane_put_trunc(p, row, 2, 14, a, name);
        pane_put_trunc(p, row, 17, 12, a | A_BOLD, val);
        if (g) pane_put_trunc(p, row, 30, p->w - 31, now ? a : theme_g_text(g), who);
        row++;
    }
}
