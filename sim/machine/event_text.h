/* event_text.h — one event as a short English sentence, for the TUI's "this
 * frame" line, the --trace column and recordings. */
#ifndef INTERLEAVE_EVENT_TEXT_H
#define INTERLEAVE_EVENT_TEXT_H

#include <stddef.h>
#include "machine.h"

/* "G2 locks a.mu", "G3 wants b.mu, held by G2: waits", "G1 prints \"sum=3\"".
 * Returns the length it needs (snprintf-like). */
size_t event_describe(const Machine *m, const Event *e, char *buf, size_t n);

#endif
