/* view_output.c — what the program printed: stdout, then stderr in the error
 * colour.  When everything fits, that is all of it; when not, the last lines
 * of stdout (a terminal's scrollback) and stderr from its first line, because
 * a fatal error's first line says what happened and its tail is traceback. */
#include <stdio.h>
#include <string.h>

#include "views.h"

enum { CAP = 128 };

typedef struct Line { const char *s; int n; } Line;

/* Lines of buf: all counted in *total; the first CAP kept when `first`,
 * else the last CAP (in a ring indexed by line number % CAP). */
static void split_lines(const char *buf, uint32_t len, bool first, Line *out, int *total)
{
    uint32_t i = 0;
    *total = 0;
    while (i < len) {
        uint32_t j = i;
        while (j < len && buf[j] != '\n') j++;
        if (!first || *total < CAP) out[*total % CAP] = (Line){ buf + i, (int)(j - i) };
        (*total)++;
        i = j + 1;
    }
}

static void draw_line(const Pane *p, int row, const Line *l, Role role)
{
    char tmp[512];
    int n = l->n < (int)sizeof tmp - 1 ? l->n : (int)sizeof tmp - 1;
    memcpy(tmp, l->s, (size_t)n);
    tmp[n] = '\0';
    pane_put_trunc(p, row, 1, p->w - 1, theme_attr(role), tmp);
}

void view_output_draw(const Pane *p, const ViewCtx *c)
{
    const Machine *m = c->m;
    Line out[CAP], err[CAP];
    int nout, nerr;
    split_lines(m->stdout_buf, m->stdout_len, false, out, &nout);
    split_lines(m->stderr_buf, m->stderr_len, true, err, &nerr);
    int count = nout + nerr;
    char right[48] = "";
    if (count) snprintf(right, sizeof right, "%d line%s%s", count, count == 1 ? "" : "s",
                        nerr ? ", stderr last" : "");
    pane_rule(p, 0, "Output", right);
    int rows = p->h - 1;
    if (rows <= 0) return;
    if (!count) {
        pane_put(p, 1, 2, theme_attr(ROLE_DIM), "nothing printed yet");
        return;
    }
    int show_out = nout, show_err = nerr;
    if (count > rows) {
        if (nerr == 0) {
            show_out = rows;
        } else {
            show_out = nout < rows / 3 ? nout : rows / 3;
            show_err = rows - show_out;
            if (show_err > nerr) {
                show_err = nerr;
                show_out = rows - nerr;
            }
        }
    }
    if (show_out > CAP) show_out = CAP;
    if (show_err > CAP) show_err = CAP;
    int row = 1;
    for (int k = nout - show_out; k < nout; k++) draw_line(p, row++, &out[k % CAP], ROLE_NORMAL);
    for (int k = 0; k < show_err; k++) draw_line(p, row++, &err[k], ROLE_ERROR);
}
