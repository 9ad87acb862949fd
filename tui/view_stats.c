/* view_stats.c — who got the machine: CPU time and lock waits per goroutine
 * as bars, and Jain's fairness index (stats.c), an overlay (`S`).
 *
 *   ┌ Stats, frames 1..1601122 ──────────────────────────────────────┐
 *   │ G    function     cpu share                         locks  waited │
 *   │ G2   main.func1   ██████████████████████  51.3%     50001  28.2ms │
 *   │ G3   main.func2   █████████████████████   48.6%     77565  19.4ms │
 *   │ Jain's fairness index 0.67 (1 = even)                             │
 *   └────────────────────────────────────────────────────────────────────┘
 */
#include <stdio.h>

#include "duration.h"
#include "stats.h"
#include "views.h"

void view_stats_draw(int rows, int cols, const Stats *s, const Machine *m, uint64_t scanned)
{
    int n;
    const GStats *g = stats_goroutines(s, &n);
    int w = cols - 8 < 100 ? cols - 8 : 100;
    int h = n + 7;
    if (h > rows - 2) h = rows - 2;
    char title[96];
    snprintf(title, sizeof title, "Stats, frames 1..%llu (as far as the run has gone)", (unsigned long long)scanned);
    Pane in = draw_dialog(rows, cols, h, w, title);
    int64_t total = 0;
    for (int i = 0; i < n; i++) total += g[i].cpu_ns;
    int barw = in.w - 62;
    if (barw < 10) barw = 10;
    pane_printf(&in, 1, 0, theme_attr(ROLE_HEADER), "%-5s%-13s%-*s %6s  %7s  %-10s %s", "G", "function",
                barw, "cpu share", "", "locks", "waited", "longest");
    int row = 2;
    for (int i = 0; i < n && row < in.h - 2; i++, row++) {
        char id[16], wt[32], lg[32];
        snprintf(id, sizeof id, "G%d", i + 1);
        const char *fn = g[i].entry_proto >= 0 && g[i].entry_proto < m->prog->nprotos
                       ? m->prog->protos[g[i].entry_proto].name : "?";
        double share = total ? (double)g[i].cpu_ns / (double)total : 0;
        int x = pane_put(&in, row, 0, theme_g_text(i + 1), id);
        pane_put_trunc(&in, row, 5, 12, theme_attr(ROLE_NORMAL), fn);
        x = 18;
        int len = (int)(share * barw + 0.5);
        pane_fill(&in, row, x, len, theme_g_cell(i + 1));
        duration_format(g[i].wait_ns, wt, sizeof wt);
        duration_format(g[i].longest_wait_ns, lg, sizeof lg);
        pane_printf(&in, row, x + barw + 1, theme_attr(ROLE_NORMAL), "%5.1f%%  %7lld  %-10s %s", 100 * share,
                    (long long)g[i].acquisitions, wt, lg);
    }
    pane_printf(&in, in.h - 2, 0, theme_attr(ROLE_TITLE),
                "Jain's fairness index over the goroutines main started: %.2f (1 = even)", stats_fairness(s));
    pane_put(&in, in.h - 1, 0, theme_attr(ROLE_DIM), "any key closes this");
}
