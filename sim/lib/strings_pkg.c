/* strings_pkg.c — the functions of Go's package strings that programs use
 * most, sort.Ints / Strings / Float64s and strconv.Itoa / FormatInt / Quote
 * / FormatBool, executed here (checked in sim/lang/types_lib.c).
 *
 * Each is one instruction, STRFN A B (function A with B arguments): strings
 * are immutable values, so nothing another goroutine can see changes while
 * it runs.  Semantics follow Go's strings package (ASCII case mapping and
 * white space, which is what the corpus programs need; Unicode letters
 * outside ASCII are left as they are).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "machine_internal.h"
#include "util.h"
#include "vm_data.h"

#include "lib_data.h"
#include "utf8.h"

/* ---- running ------------------------------------------------------------------------ */

typedef struct Buf { char *p; size_t n, cap; } Buf;

static void add(Buf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        b->cap = (b->n + n + 1) * 2;
        b->p = xrealloc(b->p, b->cap);
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
}

/* A string argument copied out (strdata moves when strings are added). */
static char *arg(const Machine *m, Value v, size_t *n)
{
    uint32_t len;
    const char *s = machine_string(m, v, &len);
    char *c = xmalloc(len + 1);
    memcpy(c, s, len);
    c[len] = 0;
    *n = len;
    return c;
}

static int64_t find(const char *s, size_t n, const char *sub, size_t k, bool last)
{
    if (k > n) return -1;
    if (last) {
        for (size_t i = n - k + 1; i-- > 0;) if (!memcmp(s + i, sub, k)) return (int64_t)i;
        return -1;
    }
    for (size_t i = 0; i + k <= n; i++) if (!memcmp(s + i, sub, k)) return (int64_t)i;
    return -1;
}

/* strings.Count: non-overlapping; an empty sub counts runes + 1. */
static int64_t count(const char *s, size_t n, const char *sub, size_t k)
{
    int64_t c = 0;
    if (k == 0) {
        for (size_t i = 0; i < n; i++) if (((unsigned char)s[i] & 0xc0) != 0x80) c++;
        return c + 1;
    }
    for (size_t i = 0; i + k <= n;) {
        if (!memcmp(s + i, sub, k)) { c++; i += k; } else i++;
    }
    return c;
}

static Value str(Machine *m, const char *s, size_t n)
{
    return value_make(V_STR, 0, machine_add_string(m, s, n));
}

static Value string_slice(Machine *m, char **parts, size_t *lens, int64_t n)
{
    int64_t base = machine_alloc(m, (int)(n ? n : 0), -2, -1);
    for (int64_t i = 0; i < n; i++) m->mem[base + i] = str(m, parts[i], lens[i]);
    return value_slice(V_SLICE, base, n, n);
}

static bool in_cutset(char ch, const char *cut, size_t k) { return memchr(cut, ch, k) != NULL; }

int strings_exec(Machine *m, Goroutine *g, Instr in)
{
    Value *args = &g->stack[g->sp - in.b];
    size_t n = 0, k = 0, r = 0;
    char *s = in.b > 0 && args[0].kind == V_STR ? arg(m, args[0], &n) : NULL;
    char *t = in.b > 1 && args[1].kind == V_STR ? arg(m, args[1], &k) : NULL;
    char *u = in.b > 2 && args[2].kind == V_STR ? arg(m, args[2], &r) : NULL;
    Value res = value_nil();
    Buf b = {NULL, 0, 0};
    switch ((StrFn)in.a) {
    case SF_CONTAINS: res = value_bool(find(s, n, t, k, false) >= 0); break;
    case SF_CONTAINSRUNE: {
        char enc[4];
        int w = utf8_encode(args[1].i, enc);
        res = value_bool(find(s, n, enc, (size_t)w, false) >= 0);
        break;
    }
    case SF_COUNT: res = value_int(count(s, n, t, k)); break;
    case SF_EQUALFOLD: {
        bool eq = n == k;
        for (size_t i = 0; eq && i < n; i++) eq = tolower((unsigned char)s[i]) == tolower((unsigned char)t[i]);
        res = value_bool(eq);
        break;
    }
    case SF_HASPREFIX: res = value_bool(k <= n && !memcmp(s, t, k)); break;
    case SF_HASSUFFIX: res = value_bool(k <= n && !memcmp(s + n - k, t, k)); break;
    case SF_INDEX: res = value_int(find(s, n, t, k, false)); break;
    case SF_LASTINDEX: res = value_int(find(s, n, t, k, true)); break;
    case SF_INDEXBYTE: {
        const char *p = memchr(s, (int)args[1].i, n);
        res = value_int(p ? p - s : -1);
        break;
    }
    case SF_REPEAT:
        if (args[1].i < 0) {
            machine_fail(m, M_PANIC, g->id, true, "strings: negative Repeat count");
            break;
        }
        for (int64_t i = 0; i < args[1].i; i++) add(&b, s, n);
        res = str(m, b.p ? b.p : "", b.n);
        break;
    case SF_REPLACE: case SF_REPLACEALL: {
        int64_t limit = in.a == SF_REPLACE ? args[3].i : -1, done = 0;
        size_t i = 0;
        if (k == 0) {   /* an empty old matches before every rune and at the end */
            while (limit < 0 || done < limit) {
                add(&b, u, r);
                done++;
                if (i >= n) break;
                size_t w = 1;
                while (i + w < n && ((unsigned char)s[i + w] & 0xc0) == 0x80) w++;
                add(&b, s + i, w);
                i += w;
            }
        } else {
            while (limit < 0 || done < limit) {
                int64_t at = find(s + i, n - i, t, k, false);
                if (at < 0) break;
                add(&b, s + i, (size_t)at);
                add(&b, u, r);
                i += (size_t)at + k;
                done++;
            }
        }
        if (i < n) add(&b, s + i, n - i);
        res = str(m, b.p ? b.p : "", b.n);
        break;
    }
    case SF_SPLIT: case SF_FIELDS: {
        char **parts = xmalloc(sizeof *parts * (n + 2));
        size_t *lens = xmalloc(sizeof *lens * (n + 2));
        int64_t np = 0;
        if (in.a == SF_FIELDS) {
            for (size_t i = 0; i < n;) {
                while (i < n && isspace((unsigned char)s[i])) i++;
                size_t st = i;
                while (i < n && !isspace((unsigned char)s[i])) i++;
                if (i > st) { parts[np] = s + st; lens[np++] = i - st; }
            }
        } else if (k == 0) {
            for (size_t i = 0; i < n;) {
                size_t w = 1;
                while (i + w < n && ((unsigned char)s[i + w] & 0xc0) == 0x80) w++;
                parts[np] = s + i; lens[np++] = w;
                i += w;
            }
        } else {
            size_t i = 0;
            for (;;) {
                int64_t at = find(s + i, n - i, t, k, false);
                if (at < 0) break;
                parts[np] = s + i; lens[np++] = (size_t)at;
                i += (size_t)at + k;
            }
            parts[np] = s + i; lens[np++] = n - i;
        }
        res = string_slice(m, parts, lens, np);
        free(parts);
        free(lens);
        break;
    }
    case SF_JOIN: {
        Value xs = args[0];
        for (int64_t i = 0; i < slice_len(xs); i++) {
            size_t l;
            char *e = arg(m, m->mem[slice_base(xs) + i], &l);
            if (i) add(&b, t, k);
            add(&b, e, l);
            free(e);
        }
        res = str(m, b.p ? b.p : "", b.n);
        break;
    }
    case SF_TOLOWER: case SF_TOUPPER:
        for (size_t i = 0; i < n; i++)
            s[i] = (char)(in.a == SF_TOLOWER ? tolower((unsigned char)s[i]) : toupper((unsigned char)s[i]));
        res = str(m, s, n);
        break;
    case SF_TRIM: case SF_TRIMLEFT: case SF_TRIMRIGHT: case SF_TRIMSPACE: {
        size_t lo = 0, hi = n;
        bool left = in.a != SF_TRIMRIGHT, right = in.a != SF_TRIMLEFT;
        bool space = in.a == SF_TRIMSPACE;
        while (left && lo < hi && (space ? isspace((unsigned char)s[lo]) != 0 : in_cutset(s[lo], t, k))) lo++;
        while (right && hi > lo && (space ? isspace((unsigned char)s[hi - 1]) != 0 : in_cutset(s[hi - 1], t, k))) hi--;
        res = str(m, s + lo, hi - lo);
        break;
    }
    case SF_TRIMPREFIX:
        res = k <= n && !memcmp(s, t, k) ? str(m, s + k, n - k) : args[0];
        break;
    case SF_TRIMSUFFIX:
        res = k <= n && !memcmp(s + n - k, t, k) ? str(m, s, n - k) : args[0];
        break;
    case SF_SORTINTS: case SF_SORTSTRINGS: case SF_SORTFLOATS: {
        /* sort.Ints/Strings/Float64s: the whole slice is rewritten in one
         * step (a program sharing it unlocked races with all of it at once) */
        Value xs = args[0];
        int64_t base = slice_base(xs), len = slice_len(xs);
        for (int64_t i = 1; i < len; i++) {   /* insertion sort: stable, and ints/strings sort alike */
            Value x = m->mem[base + i];
            int64_t j = i;
            for (; j > 0; j--) {
                Value y = m->mem[base + j - 1];
                bool greater;
                if (in.a == SF_SORTSTRINGS) {
                    uint32_t ly, lx;
                    const char *sy = machine_string(m, y, &ly), *sx = machine_string(m, x, &lx);
                    int cmp = memcmp(sy, sx, ly < lx ? ly : lx);
                    greater = cmp > 0 || (cmp == 0 && ly > lx);
                } else if (in.a == SF_SORTFLOATS) {
                    greater = value_f(y) > value_f(x) || (value_f(y) != value_f(y) && value_f(x) == value_f(x));
                } else {
                    greater = y.i > x.i;
                }
                if (!greater) break;
                m->mem[base + j] = y;
            }
            m->mem[base + j] = x;
        }
        g->sp -= in.b;
        free(s); free(t); free(u); free(b.p);
        return 0;
    }
    case SF_ITOA: case SF_FORMATINT: {
        int64_t base = in.a == SF_FORMATINT ? args[1].i : 10;
        if (base < 2 || base > 36) {
            machine_fail(m, M_PANIC, g->id, true, "strconv: illegal AppendInt/FormatInt base");
            break;
        }
        char tmp[72];
        int nd = 0;
        uint64_t x = args[0].i < 0 ? 0 - (uint64_t)args[0].i : (uint64_t)args[0].i;
        do { tmp[nd++] = "0123456789abcdefghijklmnopqrstuvwxyz"[x % (uint64_t)base]; x /= (uint64_t)base; } while (x);
        if (args[0].i < 0) tmp[nd++] = '-';
        for (int i = 0; i < nd / 2; i++) { char ch = tmp[i]; tmp[i] = tmp[nd - 1 - i]; tmp[nd - 1 - i] = ch; }
        res = str(m, tmp, (size_t)nd);
        break;
    }
    case SF_FORMATBOOL: res = str(m, args[0].i ? "true" : "false", args[0].i ? 4 : 5); break;
    case SF_QUOTE:   /* strconv.Quote: Go's escapes for the common bytes, UTF-8 kept */
        add(&b, "\"", 1);
        for (size_t i = 0; i < n; i++) {
            unsigned char ch = (unsigned char)s[i];
            char e[8];
            if (ch == '"' || ch == '\\') { e[0] = '\\'; e[1] = (char)ch; add(&b, e, 2); }
            else if (ch == '\n') add(&b, "\\n", 2);
            else if (ch == '\t') add(&b, "\\t", 2);
            else if (ch == '\r') add(&b, "\\r", 2);
            else if (ch < 0x20 || ch == 0x7f) { snprintf(e, sizeof e, "\\x%02x", ch); add(&b, e, 4); }
            else add(&b, (const char *)&ch, 1);
        }
        add(&b, "\"", 1);
        res = str(m, b.p, b.n);
        break;
    case SF__COUNT:
        break;
    }
    free(s); free(t); free(u); free(b.p);
    g->sp -= in.b;
    g->stack[g->sp++] = res;
    return 0;
}
