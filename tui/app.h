/* app.h — the interactive front end (ncurses views driven by a libuv loop). */
#ifndef INTERLEAVE_APP_H
#define INTERLEAVE_APP_H

#include "machine.h"

typedef struct TuiOptions {
    const char *scenario;   /* built-in name or .go path; NULL opens the picker */
    MachineConfig cfg;      /* from the command line, defaults filled in        */
    int user_set;           /* CFG_SET_* bits: which cfg fields the user chose  */
} TuiOptions;

/* Runs until the user quits.  Returns the process exit status (0, or 1 when
 * the terminal cannot be used).  Restores the terminal on every path. */
int tui_main(const TuiOptions *opts);

#endif
