/* view_help.c — the key bar and the help overlay, both made from key_table.
 *
 * The bar shows the rows that carry a bar label, in table order, and drops
 * from the end what does not fit.  The help folds rows with the same action
 * into one line ("→ l   step forward one frame"), so adding a binding to the
 * table is the whole job of documenting it; when the lines outgrow the
 * screen they go in two columns, or on pages that Space turns.
 */
#include <stdio.h>
#include <string.h>

#include "keys.h"
#include "views.h"

void view_keybar_draw(const Pane *p, int ctx, bool playing)
{
    pane_fill(p, 0, 0, p->w, theme_attr(ROLE_NORMAL));
    /* Collect the screen's bar entries (entries next to each other with one
     * label are one item: "←/→ Step", "+/- Speed"), then drop the least
     * important (highest rank, rightmost first) until the rest fits. */
    typedef struct Item { char keys[32]; const char *label; int rank, w; } Item;
    Item bar[32];
    int n = 0, total = 0;
    for (int i = 0; i < key_table_count; i++) {
        const KeyBinding *b = &key_table[i];
        if (!b->bar || !(b->ctx & ctx)) continue;
        Item *it = n ? &bar[n - 1] : NULL;
        if (it && !strcmp(it->label, b->bar)) {
            size_t k = strlen(it->keys);
            snprintf(it->keys + k, sizeof it->keys - k, "/%s", keys_name(b));
        } else if (n < 32) {
            it = &bar[n++];
            snprintf(it->keys, sizeof it->keys, "%s", keys_name(b));
            it->label = b->action == ACT_PLAY && playing ? "Pause" : b->bar;
            it->rank = b->rank;
            it->w = 0;
        } else {
            continue;
        }
        total -= it->w;
        it->w = text_width(it->keys) + text_width(it->label) + 3;
        total += it->w;
    }
    for (int rank = 3; rank > 1 && total > p->w; rank--)
        for (int i = n - 1; i >= 0 && total > p->w; i--)
            if (bar[i].rank == rank) {
                total -= bar[i].w;
                memmove(&bar[i], &bar[i + 1], (size_t)(n - i - 1) * sizeof bar[0]);
                n--;
            }
    int x = 0;
    for (int i = 0; i < n; i++) {
        x += pane_put(p, 0, x, theme_attr(ROLE_KEY), bar[i].keys);
        x += pane_printf(p, 0, x, theme_attr(ROLE_KEYDESC), " %s ", bar[i].label);
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
    { GLYPH_MARKER, "G2", ROLE_COUNT, "the line G2 runs next, lit up while it runs" },
    { GLYPH_BREAKPOINT, "", ROLE_BREAKPOINT, "a breakpoint on the line (b)" },
    { GLYPH_IDLE,   "",   ROLE_DIM,   "a core idle in that frame" },
    { GLYPH_CYCLE,  "",   ROLE_CYCLE, "deadlocked: on a cycle, or stuck" },
    { GLYPH_COUNT,  "RACE", ROLE_DEADLOCK, "an access of a data race (code and timeline)" },
    { GLYPH_COUNT,  "LOADREF", ROLE_INSTR, "(i) load a shared variable; STOREREF stores it" },
};
#define NLEGEND ((int)(sizeof legend / sizeof legend[0]))

/* One row of the help: a key line, a gap, the legend's title or an entry. */
typedef enum { ITEM_KEYS, ITEM_GAP, ITEM_TITLE, ITEM_LEGEND } ItemKind;
typedef struct HelpItem { ItemKind kind; const HelpLine *keys; const Legend *leg; } HelpItem;

/* How the help is cut to the screen: columns side by side when two fit
 * whole, else pages of one column, so no description is ever truncated. */
typedef struct HelpLayout {
    HelpLine lines[ACT_COUNT];
    HelpItem items[ACT_COUNT + NLEGEND + 2];
    int nitems;
    int kw;                    /* the keys' column                           */
    int colw;                  /* a column: keys, gap, the longest text       */
    int ncols, per_col;        /* rows a column holds                        */
    int page_start[ACT_COUNT + NLEGEND + 3], npages;
    int page_h[ACT_COUNT + NLEGEND + 3];   /* a column's rows on each page: the
                                            last page's columns are balanced */
} HelpLayout;

#define COL_GAP 3

/* The column of at most h rows that starts at item *i of a page ending
 * before `last`: *i moves to its first item (a gap never opens a column);
 * returns one past its last.  The legend (the gap's title and entries) is
 * not cut in two when a column of its own would hold it whole. */
static int column(const HelpLayout *L, int h, int *i, int last)
{
    if (*i < last && L->items[*i].kind == ITEM_GAP) (*i)++;
    int end = *i + h < last ? *i + h : last;
    for (int g = *i + 1; g < end; g++)
        if (L->items[g].kind == ITEM_GAP && L->nitems - (g + 1) > end - (g + 1) && L->nitems - (g + 1) <= h)
            return g;
    if (end < last && end > *i + 1 && L->items[end - 1].kind == ITEM_TITLE) end--;
    return end;
}

static void help_layout(int rows, int cols, int ctx, HelpLayout *L)
{
    int n = help_lines(ctx, L->lines, ACT_COUNT);
    int k = 0, dw = 0;
    L->kw = 0;
    for (int i = 0; i < n; i++) {
        L->items[k++] = (HelpItem){ ITEM_KEYS, &L->lines[i], NULL };
        if (text_width(L->lines[i].keys) > L->kw) L->kw = text_width(L->lines[i].keys);
        if (text_width(L->lines[i].desc) > dw) dw = text_width(L->lines[i].desc);
    }
    if (ctx & CTX_LIVE) {
        L->items[k++] = (HelpItem){ ITEM_GAP, NULL, NULL };
        L->items[k++] = (HelpItem){ ITEM_TITLE, NULL, NULL };
        for (int i = 0; i < NLEGEND; i++) {
            L->items[k++] = (HelpItem){ ITEM_LEGEND, NULL, &legend[i] };
            if (text_width(legend[i].text) > dw) dw = text_width(legend[i].text);
        }
    }
    L->nitems = k;
    L->colw = L->kw + COL_GAP + dw;
    int inner_w = cols - 2 - 4;                /* draw_dialog's margins and borders */
    if (L->colw > inner_w) L->colw = inner_w;
    /* rows inside the box: a blank first row, the entries, the footer */
    L->per_col = rows - 2 - 2 - 2;
    if (L->per_col < 1) L->per_col = 1;
    L->ncols = k > L->per_col && inner_w >= 2 * L->colw + COL_GAP ? 2 : 1;
    L->npages = 0;
    for (int i = 0; i < k;) {
        int pg = L->npages++, left = k - i;
        int h = left <= L->ncols * L->per_col ? (left + L->ncols - 1) / L->ncols + 1 : L->per_col;
        L->page_start[pg] = i;
        L->page_h[pg] = h < L->per_col ? h : L->per_col;
        for (int c = 0; c < L->ncols && i < k; c++) i = column(L, L->page_h[pg], &i, k);
    }
    L->page_start[L->npages] = k;
}

int view_help_pages(int rows, int cols, int ctx)
{
    HelpLayout L;
    help_layout(rows, cols, ctx, &L);
    return L.npages;
}

static void draw_item(const Pane *in, int row, int x, const HelpLayout *L, const HelpItem *it)
{
    int tx = x + L->kw + COL_GAP, tw = L->colw - L->kw - COL_GAP;
    switch (it->kind) {
    case ITEM_KEYS:
        pane_put(in, row, x, theme_attr(ROLE_KEY), it->keys->keys);
        pane_put_trunc(in, row, tx, tw, theme_attr(ROLE_NORMAL), it->keys->desc);
        return;
    case ITEM_GAP:
        return;
    case ITEM_TITLE:
        pane_put(in, row, x, theme_attr(ROLE_TITLE), "On the screen");
        return;
    case ITEM_LEGEND: {
        const Legend *g = it->leg;
        attr_t a = g->role == ROLE_COUNT ? theme_g_text(2) : theme_attr(g->role);
        int w = pane_put(in, row, x, a, g->prefix);
        if (g->glyph != GLYPH_COUNT) pane_put(in, row, x + w, a, theme_glyph(g->glyph));
        pane_put_trunc(in, row, tx, tw, theme_attr(ROLE_NORMAL), g->text);
        return;
    }
    }
}

void view_help_draw(int rows, int cols, int ctx, int page)
{
    HelpLayout L;
    help_layout(rows, cols, ctx, &L);
    if (page < 0) page = 0;
    if (page >= L.npages) page = L.npages - 1;
    int first = L.page_start[page], last = L.page_start[page + 1];
    int tallest = 0;                   /* the page's tallest column sets the height */
    for (int c = 0, i = first; c < L.ncols && i < last; c++) {
        int end = column(&L, L.page_h[page], &i, last);
        if (end - i > tallest) tallest = end - i;
        i = end;
    }
    int w = L.ncols * L.colw + (L.ncols - 1) * COL_GAP + 4;
    Pane in = draw_dialog(rows, cols, tallest + 4, w, "Keys");
    for (int c = 0, i = first; c < L.ncols && i < last; c++) {
        int end = column(&L, L.page_h[page], &i, last);
        for (int row = 1; i < end && row < in.h - 1; i++, row++)
            draw_item(&in, row, c * (L.colw + COL_GAP), &L, &L.items[i]);
        i = end;
    }
    char foot[96];
    if (L.npages > 1)
        snprintf(foot, sizeof foot, "page %d of %d: Space turns, any other key closes", page + 1, L.npages);
    else
        snprintf(foot, sizeof foot, "any key closes this help");
    pane_put(&in, in.h - 1, 0, theme_attr(ROLE_DIM), foot);
}
