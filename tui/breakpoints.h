/* breakpoints.h — source lines to stop at (`b` on the code cursor's line).
 *
 * A breakpoint belongs to a line of the open program, not to an instruction:
 * playing, End and `]` stop in the frame after which some goroutine is about
 * to run that line's code, having come from elsewhere (the line before it,
 * a loop's jump back, a call), as a debugger's line breakpoint does.  The
 * set survives restarts (other cores, another seed, the file reloaded), so
 * the same moment can be found in each run.
 */
#ifndef INTERLEAVE_BREAKPOINTS_H
#define INTERLEAVE_BREAKPOINTS_H

#include <stdbool.h>
#include "machine.h"
#include "program.h"

typedef struct Breakpoints Breakpoints;

Breakpoints *breakpoints_new(void);
void breakpoints_free(Breakpoints *b);

/* Does `line` hold code a goroutine can stop at (not a comment, a blank, a
 * declaration that compiles to nothing)? */
bool breakpoints_line_has_code(const Program *p, int line);
/* Set or clear the breakpoint on `line`; returns true when it is now set. */
bool breakpoints_toggle(Breakpoints *b, int line);
bool breakpoints_has(const Breakpoints *b, int line);
int breakpoints_count(const Breakpoints *b);
void breakpoints_clear(Breakpoints *b);

/* In the machine's last frame, did a goroutine arrive at a breakpoint's
 * line?  Returns that goroutine (the first, by core) and its line in *line;
 * 0 none.  A goroutine arrives when it executed an instruction and its next
 * one is the first of a run of the line's code, or when a go statement made
 * it in this frame and its function starts on the line. */
int breakpoints_hit(const Breakpoints *b, const Machine *m, int *line);

#endif
