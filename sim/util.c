/* util.c — allocation wrappers and growable arrays (see util.h). */
#include "util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static _Noreturn void out_of_memory(size_t n)
{
    fprintf(stderr, "interleave: out of memory (%zu bytes)\n", n);
    abort();
}

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) out_of_memory(n);
    return p;
}

void *xcalloc(size_t count, size_t size)
{
    void *p = calloc(count ? count : 1, size ? size : 1);
    if (!p) out_of_memory(count * size);
    return p;
}

void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) out_of_memory(n);
    return q;
}

char *xstrndup(const char *s, size_t n)
{
    char *d = xmalloc(n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *xstrdup(const char *s)
{
    return xstrndup(s, strlen(s));
}

void grow_array(void **pp, int *capp, int need, size_t elem)
{
    if (need <= *capp) return;
    int cap = *capp ? *capp : 8;
    while (cap < need) cap *= 2;
    *pp = xrealloc(*pp, (size_t)cap * elem);
    *capp = cap;
}

_Noreturn void sim_fatal(const char *func, const char *msg)
{
    fprintf(stderr, "interleave: internal error: %s: %s\n", func, msg);
    abort();
}

void textbuf_put(TextBuf *s, const char *fmt, ...)
{
    if (s->len + 1 >= s->n) return;
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(s->buf + s->len, s->n - s->len, fmt, ap);
    va_end(ap);
    if (k > 0) s->len += (size_t)k;
    if (s->len >= s->n) s->len = s->n - 1;
}
