/* view_code.c — the source, with a marker per goroutine on its current line.
 *
 *   ─ deadlock.go ─────────────────────────────────────────────────────
 *          29  func main() {
 *     G1▶  30      var wg sync.WaitGroup                       G1 NEW 3 "wg"
 *          31      printSum := func(v1, v2 *value) {
 *  G2,G3▶  34          v2.mu.Lock()                      G2 CALL 1  G3 CALL 1
 *
 * The gutter names the goroutines whose next instruction is on the line, in
 * their colours; lines a goroutine is running on are highlighted; with `i`
 * the right edge shows that next instruction as the disassembler prints it
 * (the line under the panes says it in words either way).  A breakpoint is
 * a dot between the gutter and the line number, and the cursor (where `b`
 * sets one) lights the line number.  The view scrolls only when a marked
 * line would leave the window, or to the cursor when it has just moved.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "breakpoints.h"
#include "race.h"
#include "stuck.h"
#include "views.h"

#define MAX_MARKS 64

typedef struct Mark { int line, g; bool running; } Mark;

static const char *const keywords[] = {
    "break", "case", "chan", "const", "continue", "default", "defer", "else",
    "fallthrough", "for", "func", "go", "goto", "if", "import", "interface", "map",
    "package", "range", "return", "select", "struct", "switch", "type", "var", NULL,
};

static bool is_ident(char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
           ch == '_';
}

static bool is_keyword(const char *s, int n)
{
    for (int i = 0; keywords[i]; i++)
        if ((int)strlen(keywords[i]) == n && strncmp(keywords[i], s, (size_t)n) == 0) return true;
    return false;
}

/* One source line with light syntax colouring: keywords, strings, comments.
 * Returns the display columns used. */
static int draw_source(const Pane *p, int row, int col, const char *s, int n, attr_t base,
                       bool plain)
{
    int x = col, i = 0;
    bool cut = false;               /* the line goes on past the pane */
    while (i < n && !cut) {
        if (x >= p->w) {
            cut = true;
            break;
        }
        int j = i;
        attr_t a = base;
        if (s[i] == '/' && i + 1 < n && s[i + 1] == '/') {
            j = n;
            if (!plain) a = theme_attr(ROLE_COMMENT);
        } else if (s[i] == '"' || s[i] == '`' || s[i] == '\'') {
            char q = s[i];
            j = i + 1;
            while (j < n && s[j] != q) j += (s[j] == '\\' && q != '`' && j + 1 < n) ? 2 : 1;
            if (j < n) j++;
            if (!plain) a = theme_attr(ROLE_STRING);
        } else if (is_ident(s[i])) {
            while (j < n && is_ident(s[j])) j++;
            if (!plain && is_keyword(s + i, j - i)) a = theme_attr(ROLE_KEYWORD);
        } else {
            j = i + 1;
        }
        /* Tabs expand relative to the start of the code column. */
        if (s[i] == '\t') {
            int w = 4 - (x - col) % 4;
            pane_fill(p, row, x, w, base);
            x += w;
        } else {
            int k = pane_putn(p, row, x, a, s + i, j - i);
            cut = x + k >= p->w && k < j - i;
            x += k;
        }
        i = j;
    }
    if (cut && p->w > col + 1)      /* say so, as a pager does */
        pane_put(p, row, p->w - 1, theme_attr(ROLE_DIM), theme_glyph(GLYPH_ELLIPSIS));
    return x - col;
}

static int collect_marks(const Machine *m, Mark *marks)
{
    int n = 0;
    for (int i = 0; i < m->ngs && n < MAX_MARKS; i++) {
        const Goroutine *g = &m->gs[i];
        if (g->state == G_DONE) continue;
        int line = machine_goroutine_line(m, g);
        if (line <= 0) continue;
        marks[n++] = (Mark){ line, g->id, g->state == G_RUNNING };
    }
    return n;
}

/* The line to centre on when the marks do not fit: where the goroutine that
 * ran on the lowest core in the last frame now is, else main's line. */
static int focus_line(const Machine *m, const Mark *marks, int n)
{
    for (int c = 0; c < m->ncores; c++) {
        int g = m->last[c].g;
        for (int i = 0; g && i < n; i++)
            if (marks[i].g == g) return marks[i].line;
    }
    return n ? marks[0].line : 0;
}

static void scroll_to_marks(const Machine *m, const Mark *marks, int n, int rows, int nlines,
                            int *top)
{
    if (*top < 1) *top = 1;
    if (n == 0) return;
    int lo = marks[0].line, hi = marks[0].line;
    for (int i = 1; i < n; i++) {
        if (marks[i].line < lo) lo = marks[i].line;
        if (marks[i].line > hi) hi = marks[i].line;
    }
    int t = *top;
    if (lo >= *top && hi < *top + rows) {           /* all visible: stay put, */
        if (t > nlines - rows + 1) t = nlines - rows + 1;   /* but no blank tail */
        *top = t < 1 ? 1 : t;
        return;
    }
    if (hi - lo + 1 <= rows) {
        t = lo - (rows - (hi - lo + 1)) / 2;
    } else {
        t = focus_line(m, marks, n) - rows / 2;
    }
    if (t > nlines - rows + 1) t = nlines - rows + 1;
    if (t < 1) t = 1;
    *top = t;
}

/* Keep the cursor's line in the window, moving it as little as possible. */
static void scroll_to_cursor(int line, int rows, int nlines, int *top)
{
    if (line < *top) *top = line;
    if (line >= *top + rows) *top = line - rows + 1;
    if (*top > nlines - rows + 1) *top = nlines - rows + 1;
    if (*top < 1) *top = 1;
}

static int gutter_text(const Mark *marks, int n, int line, char *buf, size_t cap, int *first_g)
{
    size_t len = 0;
    int count = 0;
    buf[0] = '\0';
    *first_g = 0;
    for (int i = 0; i < n; i++) {
        if (marks[i].line != line) continue;
        if (!count) *first_g = marks[i].g;
        if (count < 3)
            len += (size_t)snprintf(buf + len, cap - len, "%sG%d", count ? "," : "", marks[i].g);
        else if (count == 3)
            len += (size_t)snprintf(buf + len, cap - len, "+");
        count++;
        if (len >= cap) len = cap - 1;
    }
    return count;
}

/* The marker gutter, each label in its goroutine's colour, ending in ▶. */
static void draw_gutter(const Pane *p, int row, int gw, const Mark *marks, int n, int line)
{
    char text[64];
    int first;
    int count = gutter_text(marks, n, line, text, sizeof text, &first);
    if (!count) return;
    int w = text_width(text) + 1;
    int x = gw - w > 0 ? gw - w : 0;
    int shown = 0;
    for (int i = 0; i < n && shown < 3; i++) {
        if (marks[i].line != line) continue;
        char lab[16];
        snprintf(lab, sizeof lab, "%sG%d", shown ? "," : "", marks[i].g);
        x += pane_put(p, row, x, theme_g_text(marks[i].g), lab);
        shown++;
    }
    if (count > 3) x += pane_put(p, row, x, theme_attr(ROLE_DIM), "+");
    pane_put(p, row, x, theme_g_text(first), theme_glyph(GLYPH_MARKER));
}

/* "G2 LOADREF 0  G3 CALL 1" at the right edge, when it clears the code. */
static void draw_instrs(const Pane *p, int row, int code_end, const ViewCtx *c,
                        const Mark *marks, int n, int line)
{
    char parts[4][80];
    int gs[4], np = 0, total = 0;
    for (int i = 0; i < n && np < 4; i++) {
        if (marks[i].line != line) continue;
        const Goroutine *g = machine_goroutine(c->m, marks[i].g);
        if (!g || g->nframes == 0) continue;
        char ins[64];
        /* A parked goroutine is inside the instruction that parked it; a
         * running or runnable one is about to execute its frame's pc. */
        bool parked = g->state == G_BLOCKED || g->state == G_SLEEPING;
        int pc = parked && g->last_pc >= 0 ? g->last_pc : g->frames[g->nframes - 1].pc;
        disasm_instr(c->prog, pc, ins, sizeof ins);
        snprintf(parts[np], sizeof parts[np], "%s", ins);
        gs[np] = marks[i].g;
        total += text_width(ins) + 2 + (gs[np] >= 10 ? 4 : 3);
        np++;
    }
    if (!np) return;
    /* Right-aligned when it fits, else as much as fits after the code. */
    int x = p->w - total;
    if (x < code_end + 3) x = code_end + 3;
    if (p->w - x < 8) return;
    for (int i = 0; i < np && x < p->w - 4; i++) {
        char lab[16];
        snprintf(lab, sizeof lab, "G%d ", gs[i]);
        x += pane_put(p, row, x, theme_g_text(gs[i]), lab);
        x += pane_put_trunc(p, row, x, p->w - x - 1, theme_attr(ROLE_INSTR), parts[i]);
        x += 2;
    }
}

void view_code_draw(const Pane *p, const ViewCtx *c, int *top)
{
    const Program *prog = c->prog;
    char right[48] = "";
    Mark marks[MAX_MARKS];
    int n = collect_marks(c->m, marks);
    int rows = p->h - 1;
    if (n) snprintf(right, sizeof right, "%s next line of each goroutine", theme_glyph(GLYPH_MARKER));
    pane_rule(p, 0, c->filename, p->w > 60 ? right : NULL);
    if (rows <= 0) return;
    if (c->follow_cursor && c->cursor_line > 0) scroll_to_cursor(c->cursor_line, rows, prog->nlines, top);
    else scroll_to_marks(c->m, marks, n, rows, prog->nlines, top);

    /* Gutter as wide as the widest marker anywhere, so the code never shifts
     * sideways as goroutines move between lines. */
    int gw = 4;
    for (int i = 0; i < n; i++) {
        char text[64];
        int first;
        gutter_text(marks, n, marks[i].line, text, sizeof text, &first);
        int w = text_width(text) + 1;
        if (w > gw) gw = w;
    }
    int lw = 1;
    for (int k = prog->nlines; k >= 10; k /= 10) lw++;
    int code_x = gw + 1 + lw + 2;

    for (int r = 0; r < rows; r++) {
        int line = *top + r;
        if (line > prog->nlines) break;
        int row = 1 + r;
        bool running = false, marked = false;
        for (int i = 0; i < n; i++)
            if (marks[i].line == line) {
                marked = true;
                running |= marks[i].running;
            }
        attr_t base = running ? theme_attr(ROLE_CODE_CURRENT) : theme_attr(ROLE_NORMAL);
        if (running) pane_fill(p, row, gw + 1, p->w - gw - 1, base);
        draw_gutter(p, row, gw, marks, n, line);
        if (c->breaks && breakpoints_has(c->breaks, line))
            pane_put(p, row, gw, theme_attr(ROLE_BREAKPOINT), theme_glyph(GLYPH_BREAKPOINT));
        if (line == c->cursor_line)
            pane_printf(p, row, gw + 1, theme_attr(ROLE_SELECTED), "%*d ", lw, line);
        else
            pane_printf(p, row, gw + 1, running ? base : theme_attr(ROLE_LINENO), "%*d", lw, line);
        int len;
        const char *text = program_line_text(prog, line, &len);
        Pane code = pane_make(p->y, p->x, p->h, p->w);
        int used = draw_source(&code, row, code_x, text, len, base, running);
        if (marked && c->instructions) draw_instrs(p, row, code_x + used, c, marks, n, line);
        if (c->race && (line == c->race->cur.line || line == c->race->prev.line)) {
            /* both accesses of a data race, whatever else the line shows */
            const RaceAccess *a = line == c->race->cur.line ? &c->race->cur : &c->race->prev;
            char tag[48];
            snprintf(tag, sizeof tag, " RACE G%d %s ", a->g, a->write ? "write" : "read");
            int w = text_width(tag);
            if (p->w - w > code_x) pane_put(p, row, p->w - w, theme_attr(ROLE_DEADLOCK), tag);
        } else if (c->stuck) {
            /* where each goroutine that nothing can wake waits */
            char tag[48];
            int at = 0;
            for (int i = 0; i < c->stuck->n && at < 32; i++)
                if (c->stuck->gs[i].line == line)
                    at += snprintf(tag + at, sizeof tag - (size_t)at, "%sG%d", at ? " " : " STUCK ",
                                    c->stuck->gs[i].g);
            if (at) {
                snprintf(tag + at, sizeof tag - (size_t)at, " ");
                int w = text_width(tag);
                if (p->w - w > code_x) pane_put(p, row, p->w - w, theme_attr(ROLE_DEADLOCK), tag);
            }
        }
    }
}
