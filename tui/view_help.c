/* view_help.c — the key bar and the help overlay, both made from key_table.
 *
 * The bar shows the rows that carry a bar label, in table order, and drops
 * from the end what does not fit.  The help folds rows with the same action
 * into one line ("→ l   step forward one frame"), so adding a binding to the
 * table is the whole job of documenting it.
 */
#include <stdio.h>
#include <string.h>

#include "keys.h"
#include "views.h"

void view_keybar_draw(const Pane *p, int ctx, bool playing)
{
    pane_fill(p, 0, 0, p->w, theme_attr(ROLE_NORMAL));
    /* Collect the screen's bar entries, then drop the least important
     * (highest rank, rightmost first) until the rest fits. */
    const KeyBinding *bar[32];
    int n = 0, total = 0;
    for (int i = 0; i < key_table_count && n < 32; i++) {
        const KeyBinding *b = &key_table[i];
        if (!b->bar || !(b->ctx & ctx)) continue;
        bar[n++] = b;
        total += text_width(keys_name(b)) + text_width(b->bar) + 3;
    }
    for (int rank = 3; rank > 1 && total > p->w; rank--)
        for (int i = n - 1; i >= 0 && total > p->w; i--)
            if (bar[i]->rank == rank) {
                total -= text_width(keys_name(bar[i])) + text_width(bar[i]->bar) + 3;
                memmove(&bar[i], &bar[i + 1], (size_t)(n - i - 1) * sizeof bar[0]);
                n--;
            }
    int x = 0;
    for (int i = 0; i < n; i++) {
        const char *label = bar[i]->action == ACT_PLAY && playing ? "Pause" : bar[i]->bar;
        x += pane_put(p, 0, x, theme_attr(ROLE_KEY), keys_name(bar[i]));
        x += pane_printf(p, 0, x, theme_attr(ROLE_KEYDESC), " %s ", label);
        x += 1;
    }
}

typedef struct HelpLine { char keys[48]; const char *desc; } HelpLine;

/* Fold the table for one screen: one line per action, its keys joined. */
static int help_lines(int ctx, HelpLine *out, int cap)
{
    int n = 0;
    Action seen[ACT_COUNT] = { 0 };
    for (int i = 0; i < key_table_count && n < cap; i++) {
        const KeyBinding *b = &key_table[i];
        if (!(b->ctx & ctx) || seen[b->action]) continue;
        seen[b->action] = 1;
        HelpLine *h = &out[n++];
        h->keys[0] = '\0';
        h->desc = b->desc;
        size_t len = 0;
        const char *last = NULL;
        for (int j = i; j < key_table_count; j++) {
            const KeyBinding *o = &key_table[j];
            if (o->action != b->action || !(o->ctx & ctx)) continue;
            const char *name = keys_name(o);
            if (last && strcmp(last, name) == 0) continue;    /* Enter, Enter */
            len += (size_t)snprintf(h->keys + len, sizeof h->keys - len, "%s%s", len ? " " : "", name);
            if (len >= sizeof h->keys) len = sizeof h->keys - 1;
            last = name;
        }
    }
    return n;
}

/* What the symbols on the live screen mean. */
typedef struct Legend { Glyph glyph; const char *prefix; Role role; const char *text; } Legend;
static const Legend legend[] = {
    { GLYPH_COUNT,  "G2", ROLE_COUNT, "a goroutine, in its own colour everywhere" },
    { GLYPH_MARKER, "G2", ROLE_COUNT, "the line G2 runs next (highlighted while it runs)" },
    { GLYPH_IDLE,   "",   ROLE_DIM,   "a core idle in that frame" },
    { GLYPH_CYCLE,  "",   ROLE_CYCLE, "deadlocked: on a wait-for cycle, or nothing can wake it" },
    { GLYPH_COUNT,  "RACE", ROLE_DEADLOCK, "an access of a data race (code and timeline)" },
    { GLYPH_COUNT,  "LOADREF", ROLE_INSTR, "(i) load a shared variable; STOREREF stores it" },
};

void view_help_draw(int rows, int cols, int ctx)
{
    HelpLine lines[ACT_COUNT];
    int n = help_lines(ctx, lines, ACT_COUNT);
    int kw = 0;
    for (int i = 0; i < n; i++) {
        int w = text_width(lines[i].keys);
        if (w > kw) kw = w;
    }
    int nleg = (ctx & CTX_LIVE) ? (int)(sizeof legend / sizeof legend[0]) : 0;
    int h = n + 4 + (nleg ? nleg + 3 : 0);
    if (h > rows - 2) { nleg = 0; h = n + 4; }
    int w = 64;
    Pane in = draw_dialog(rows, cols, h, w, "Keys");
    int row = 1;
    for (int i = 0; i < n && row < in.h; i++, row++) {
        pane_put(&in, row, 0, theme_attr(ROLE_KEY), lines[i].keys);
        pane_put_trunc(&in, row, kw + 3, in.w - kw - 3, theme_attr(ROLE_NORMAL), lines[i].desc);
    }
    if (nleg) {
        row++;
        pane_put(&in, row++, 0, theme_attr(ROLE_TITLE), "On the screen");
        for (int i = 0; i < nleg && row < in.h; i++, row++) {
            const Legend *g = &legend[i];
            attr_t a = g->role == ROLE_COUNT ? theme_g_text(2) : theme_attr(g->role);
            int x = pane_put(&in, row, 0, a, g->prefix);
            if (g->glyph != GLYPH_COUNT) pane_put(&in, row, x, a, theme_glyph(g->glyph));
            pane_put_trunc(&in, row, kw + 3, in.w - kw - 3, theme_attr(ROLE_NORMAL), g->text);
        }
    }
    pane_put(&in, in.h - 1, 0, theme_attr(ROLE_DIM), "any key closes this help");
}
