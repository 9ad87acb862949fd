/* parse.h — the Go parser: tokens to a syntax tree (sim/lang/ast.h).
 *
 * Recursive descent over the Go subset whose EBNF heads sim/lang/parse.c.  The
 * parser stops at the first syntax error (as Go's own compiler effectively
 * does), records it as a Diagnostic and returns NULL.  Constructs outside the
 * subset (switch, channels, maps, methods ...) are reported the same way as
 * "interleave does not support X".
 */
#ifndef INTERLEAVE_PARSE_H
#define INTERLEAVE_PARSE_H

#include <stdarg.h>
#include <stddef.h>
#include "ast.h"

/* Zeroed memory from the arena; never NULL. */
void *parse_alloc(Arena *a, size_t n);
char *parse_strndup(Arena *a, const char *s, size_t n);
void parse_arena_free(Arena *a);

/* Append a diagnostic (printf-style message). */
void parse_diag(DiagList *dl, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void parse_vdiag(DiagList *dl, int line, int col, const char *fmt, va_list ap);

/* Parse a whole file.  NULL (with one diagnostic in `diags`) on a syntax error. */
File *parse_file(Arena *a, const char *src, size_t len, DiagList *diags);

#endif
