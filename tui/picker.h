/* picker.h — the scenario picker: the built-in scenarios with their titles
 * and summaries on the left, the selected one's notes on the right. */
#ifndef INTERLEAVE_PICKER_H
#define INTERLEAVE_PICKER_H

#include "keys.h"
#include "scenario.h"

typedef struct Picker {
    int sel, top;              /* selected row, first row shown             */
    int n;                     /* rows: the scenarios that are not variants */
    int *order;                /* row -> index in scenarios_builtin[]: the
                                  lessons in order, then the rest by name   */
    ScenarioMeta *metas;       /* one per scenarios_builtin[] entry         */
    char message[320];         /* an error to show ("cannot open ...")      */
    char own[512];             /* the user's own file, listed first, "" none */
    ScenarioMeta own_meta;     /* ... its header, if it has one             */
} Picker;

/* Select the scenario named `select` when it is a built-in one (a variant
 * selects the scenario it varies). */
void picker_init(Picker *p, const char *select);
void picker_fini(Picker *p);
/* List the user's own file (a path) first and select it, so Esc from it
 * comes back to a list that has it. */
void picker_add_own(Picker *p, const char *path);
int picker_action(Picker *p, Action a);
/* The name of the selected scenario, NULL when there is none. */
const char *picker_selected(const Picker *p);
void picker_draw(Picker *p, int rows, int cols);

#endif
