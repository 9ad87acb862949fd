/* layout.c — pane geometry and clipped drawing (see layout.h). */
#include "layout.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

Pane pane_make(int y, int x, int h, int w)
{
    Pane p = { y, x, h > 0 ? h : 0, w > 0 ? w : 0 };
    return p;
}

/* Decode one UTF-8 character at s (at most n bytes); returns its length
 * (>= 1) and its code point in *wc, U+FFFD for a bad byte. */
static int decode(const char *s, int n, wchar_t *wc)
{
    unsigned char c = (unsigned char)s[0];
    if (c < 0x80) { *wc = c; return 1; }
    int len = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    if (len == 1 || len > n) { *wc = 0xfffd; return 1; }
    wchar_t v = c & (0x3f >> (len - 1));
    for (int i = 1; i < len; i++) {
        unsigned char d = (unsigned char)s[i];
        if ((d & 0xc0) != 0x80) { *wc = 0xfffd; return 1; }
        v = (v << 6) | (d & 0x3f);
    }
    *wc = v;
    return len;
}

static int char_width(wchar_t wc)
{
    int w = wcwidth(wc);
    return w < 0 ? 1 : w;
}

int pane_putn(const Pane *p, int row, int col, attr_t a, const char *s, int nbytes)
{
    if (row < 0 || row >= p->h || col >= p->w || !s) return 0;
    int x = col < 0 ? 0 : col;
    int used = 0;
    bool ascii = theme_ascii();
    int i = 0;
    while (i < nbytes && s[i]) {
        wchar_t wc;
        int len = decode(s + i, nbytes - i, &wc);
        i += len;
        if (wc == '\t') {
            int n = 4 - (x - col) % 4;
            while (n-- > 0 && x < p->w) {
                mvaddch(p->y + row, p->x + x, ' ' | a);
                x++, used++;
            }
            continue;
        }
        if (wc < 0x20 || wc == 0x7f) wc = '?';
        if (ascii && wc >= 0x80) wc = wc == 0xb5 ? 'u' : '?';   /* µs → us */
        int cw = char_width(wc);
        if (x + cw > p->w) break;
        if (wc < 0x80) {
            mvaddch(p->y + row, p->x + x, (chtype)wc | a);
        } else {
            cchar_t cc;
            wchar_t str[2] = { wc, 0 };
            setcchar(&cc, str, a, (short)PAIR_NUMBER(a), NULL);
            mvadd_wch(p->y + row, p->x + x, &cc);
        }
        x += cw;
        used += cw;
    }
    return used;
}

int pane_put(const Pane *p, int row, int col, attr_t a, const char *s)
{
    return pane_putn(p, row, col, a, s, s ? (int)strlen(s) : 0);
}

int pane_printf(const Pane *p, int row, int col, attr_t a, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return pane_put(p, row, col, a, buf);
}

int text_width(const char *s)
{
    int w = 0, n = (int)strlen(s), i = 0;
    bool ascii = theme_ascii();
    while (i < n) {
        wchar_t wc;
        i += decode(s + i, n - i, &wc);
        if (wc == '\t') w += 4 - w % 4;
        else w += (ascii && wc >= 0x80) ? 1 : char_width(wc);
    }
    return w;
}

int pane_put_trunc(const Pane *p, int row, int col, int maxw, attr_t a, const char *s)
{
    if (maxw <= 0) return 0;
    if (text_width(s) <= maxw) {
        Pane q = pane_make(p->y, p->x, p->h, col + maxw < p->w ? col + maxw : p->w);
        return pane_put(&q, row, col, a, s);
    }
    const char *ell = theme_glyph(GLYPH_ELLIPSIS);
    int ew = text_width(ell);
    Pane q = pane_make(p->y, p->x, p->h, col + maxw - ew < p->w ? col + maxw - ew : p->w);
    int used = pane_put(&q, row, col, a, s);
    return used + pane_put(p, row, col + used, a, ell);
}

int pane_put_right(const Pane *p, int row, int end, attr_t a, const char *s)
{
    int w = text_width(s);
    int col = end - w;
    if (col < 0) col = 0;
    return pane_put(p, row, col, a, s);
}

void pane_fill(const Pane *p, int row, int col, int n, attr_t a)
{
    if (row < 0 || row >= p->h) return;
    for (int x = col < 0 ? 0 : col; x < col + n && x < p->w; x++)
        mvaddch(p->y + row, p->x + x, ' ' | a);
}

void pane_fill_rect(const Pane *p, attr_t a)
{
    for (int r = 0; r < p->h; r++) pane_fill(p, r, 0, p->w, a);
}

void pane_rule(const Pane *p, int row, const char *title, const char *right)
{
    attr_t border = theme_attr(ROLE_BORDER);
    const char *h = theme_glyph(GLYPH_HLINE);
    for (int x = 0; x < p->w; x++) pane_put(p, row, x, border, h);
    int x = 1;
    if (title && *title) {
        x += pane_put(p, row, x, border, " ");
        x += pane_put_trunc(p, row, x, p->w - x - 2, theme_attr(ROLE_TITLE), title);
        x += pane_put(p, row, x, border, " ");
    }
    if (right && *right) {
        int w = text_width(right) + 2;
        if (p->w - 2 - w > x) {
            int at = p->w - 2 - w;
            pane_put(p, row, at, border, " ");
            pane_put(p, row, at + 1, theme_attr(ROLE_DIM), right);
            pane_put(p, row, at + w - 1, border, " ");
        }
    }
}

/* Word wrap, drawing when p is not NULL; returns the rows used. */
static int wrap(const Pane *p, int width, int row, int col, int maxrows, attr_t a, const char *text)
{
    if (width <= 0 || maxrows <= 0) return 0;
    int line = 0, x = 0;
    const char *s = text;
    while (*s && line < maxrows) {
        if (*s == '\n') { line++; x = 0; s++; continue; }
        if (*s == ' ') { s++; continue; }
        const char *e = s;
        while (*e && *e != ' ' && *e != '\n') e++;
        char word[256];
        int n = (int)(e - s) < 255 ? (int)(e - s) : 255;
        memcpy(word, s, (size_t)n);
        word[n] = '\0';
        int ww = text_width(word);
        if (x > 0 && x + 1 + ww > width) {
            line++;
            x = 0;
            if (line >= maxrows) break;
        }
        if (x > 0) x++;
        if (p) pane_putn(p, row + line, col + x, a, word, n);
        x += ww > width ? width : ww;
        s = e;
    }
    return x > 0 ? line + 1 : line;
}

int pane_wrap(const Pane *p, int row, int col, int maxrows, attr_t a, const char *text)
{
    return wrap(p, p->w - col, row, col, maxrows, a, text);
}

int wrap_rows(const char *text, int width)
{
    return wrap(NULL, width, 0, 0, 1 << 20, A_NORMAL, text);
}

void screen_vline(int y, int x, int h)
{
    Pane p = pane_make(y, x, h, 1);
    for (int r = 0; r < h; r++) pane_put(&p, r, 0, theme_attr(ROLE_BORDER), theme_glyph(GLYPH_VLINE));
}

void draw_too_small(int rows, int cols)
{
    char msg[96];
    snprintf(msg, sizeof msg, "terminal too small (need %dx%d, have %dx%d)", MIN_COLS, MIN_ROWS,
             cols, rows);
    Pane p = pane_make(0, 0, rows, cols);
    int w = text_width(msg);
    pane_put(&p, rows / 2, w < cols ? (cols - w) / 2 : 0, theme_attr(ROLE_ERROR) | A_BOLD, msg);
    const char *hint = "enlarge the window, or press q to quit";
    w = text_width(hint);
    if (rows > 2) pane_put(&p, rows / 2 + 1, w < cols ? (cols - w) / 2 : 0, theme_attr(ROLE_DIM), hint);
}

Pane draw_dialog(int rows, int cols, int h, int w, const char *title)
{
    if (w > cols - 2) w = cols - 2;
    if (h > rows - 2) h = rows - 2;
    int y = (rows - h) / 2, x = (cols - w) / 2;
    Pane box = pane_make(y, x, h, w);
    attr_t border = theme_attr(ROLE_BORDER);
    pane_fill_rect(&box, theme_attr(ROLE_NORMAL));
    const char *hl = theme_glyph(GLYPH_HLINE), *vl = theme_glyph(GLYPH_VLINE);
    for (int xx = 1; xx < w - 1; xx++) {
        pane_put(&box, 0, xx, border, hl);
        pane_put(&box, h - 1, xx, border, hl);
    }
    for (int r = 1; r < h - 1; r++) {
        pane_put(&box, r, 0, border, vl);
        pane_put(&box, r, w - 1, border, vl);
    }
    bool a = theme_ascii();
    pane_put(&box, 0, 0, border, a ? "+" : "\u256d");
    pane_put(&box, 0, w - 1, border, a ? "+" : "\u256e");
    pane_put(&box, h - 1, 0, border, a ? "+" : "\u2570");
    pane_put(&box, h - 1, w - 1, border, a ? "+" : "\u256f");
    if (title) {
        pane_put(&box, 0, 2, border, " ");
        int tw = pane_put_trunc(&box, 0, 3, w - 6, theme_attr(ROLE_TITLE), title);
        pane_put(&box, 0, 3 + tw, border, " ");
    }
    return pane_make(y + 1, x + 2, h - 2, w - 4);
}

/* The live screen, top to bottom:
 *   timeline   rule + ruler + one lane per core
 *   middle     code on the left | goroutines, locks, memory, output on the right
 *   event      what happened this frame
 *   notice     the deadlock sentence, the end of the run, or a hint
 *   status     scenario, config, frame, virtual time, playing, speed
 *   keybar     generated from the key table                                */
void live_layout(int rows, int cols, int ncores, int ngs, int nlocks, int nmem, LiveLayout *o)
{
    memset(o, 0, sizeof *o);
    int th = 2 + ncores;
    if (th > rows / 3) th = rows / 3;
    o->timeline = pane_make(0, 0, th, cols);
    int bottom = 4;
    o->event = pane_make(rows - 4, 0, 1, cols);
    o->notice = pane_make(rows - 3, 0, 1, cols);
    o->status = pane_make(rows - 2, 0, 1, cols);
    o->keybar = pane_make(rows - 1, 0, 1, cols);
    o->mid_y = th;
    o->mid_h = rows - th - bottom;

    /* The code gets a bit more than half; the tables the rest. */
    int left = cols * 52 / 100;
    if (cols - left - 1 < 38) left = cols - 39;
    o->split_x = left;
    o->code = pane_make(o->mid_y, 0, o->mid_h, left);
    int rx = left + 1, rw = cols - left - 1;

    int avail = o->mid_h;
    int out_min = 3;
    int gneed = 2 + (ngs > 0 ? ngs : 1);
    int lneed = 2 + (nlocks > 0 ? nlocks : 1);
    int gh, lh;
    if (gneed + lneed + out_min <= avail) {
        gh = gneed;
        lh = lneed;
    } else {
        lh = lneed < avail / 3 ? lneed : avail / 3;
        if (lh < 3) lh = 3;
        gh = avail - lh - out_min;
        if (gh > gneed) gh = gneed;
        if (gh < 3) gh = 3;
    }
    int oh = avail - gh - lh;
    /* Memory: out of the output's share, keeping it three rows at least. */
    int mh = 0;
    if (nmem > 0 && oh - out_min >= 3) {
        mh = 2 + nmem;
        if (mh > oh - out_min) mh = oh - out_min;
        oh -= mh;
    }
    o->gor = pane_make(o->mid_y, rx, gh, rw);
    o->locks = pane_make(o->mid_y + gh, rx, lh, rw);
    o->memory = pane_make(o->mid_y + gh + lh, rx, mh, rw);
    o->output = pane_make(o->mid_y + gh + lh + mh, rx, oh, rw);
}
