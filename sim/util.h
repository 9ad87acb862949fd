/* util.h — allocation that never returns NULL, and growable-array helpers. */
#ifndef INTERLEAVE_UTIL_H
#define INTERLEAVE_UTIL_H

#include <stddef.h>

/* Abort with a message on allocation failure: the simulator has no recovery
 * path for an exhausted heap, and a NULL check at every call would hide bugs. */
void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* Ensure array *pp of *capp elements of size `elem` can hold `need` elements,
 * growing geometrically. */
void grow_array(void **pp, int *capp, int need, size_t elem);
#define GROW(arr, cap, need) grow_array((void **)&(arr), &(cap), (need), sizeof *(arr))

/* A caller's fixed buffer filled by appending, truncating silently (the
 * text is for a message of bounded size); buf stays NUL-terminated. */
typedef struct TextBuf { char *buf; size_t n, len; } TextBuf;
void textbuf_put(TextBuf *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Internal invariant broken: print "func: message" and abort (Go's throw). */
_Noreturn void sim_fatal(const char *func, const char *msg);

#endif
