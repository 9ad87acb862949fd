/* vm_lib.c — OP_LIB: the strings helpers, math/rand, bytes.Buffer and
 * strings.Builder (feat-func).  Each is one step: the subset treats them as
 * the library calls they are, not as code to watch.
 *
 * math/rand draws from Machine.user_rand, a splitmix64 stream seeded from
 * the machine's own seed on first use (so runs are deterministic per
 * --seed, as everything in the simulation) or by rand.Seed(n), after which
 * the same n gives the same sequence, as in Go.  The numbers are not Go's.
 *
 * A buffer (bytes.Buffer, strings.Builder) is one slot holding its text as
 * a string; writing appends, as Fprintf into it does (vm_fmt.c).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "duration.h"
#include "machine_internal.h"
#include "util.h"

/* splitmix64 (Steele, Lea, Flood 2014) over a state word. */
static uint64_t splitmix(uint64_t *state)
{
    uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static uint64_t next_rand(Machine *m)
{
    if (!m->user_rand) m->user_rand = (m->rng[0] ^ 0x6a09e667f3bcc909ULL) | 1;
    return splitmix(&m->user_rand);
}

/* UTF-8 of rune r (U+FFFD when invalid), as Go's utf8.EncodeRune. */
static int rune_utf8(int64_t r, char *b)
{
    if (r < 0 || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF)) r = 0xFFFD;
    if (r < 0x80) { b[0] = (char)r; return 1; }
    if (r < 0x800) { b[0] = (char)(0xC0 | (r >> 6)); b[1] = (char)(0x80 | (r & 0x3F)); return 2; }
    if (r < 0x10000) {
        b[0] = (char)(0xE0 | (r >> 12)); b[1] = (char)(0x80 | ((r >> 6) & 0x3F)); b[2] = (char)(0x80 | (r & 0x3F));
        return 3;
    }
    b[0] = (char)(0xF0 | (r >> 18)); b[1] = (char)(0x80 | ((r >> 12) & 0x3F));
    b[2] = (char)(0x80 | ((r >> 6) & 0x3F)); b[3] = (char)(0x80 | (r & 0x3F));
    return 4;
}

static Value str(Machine *m, const char *s, size_t n)
{
    return value_make(V_STR, 0, machine_add_string(m, s, n));
}

/* The string of v (a copy: interning may move strdata). */
static char *text(const Machine *m, Value v, uint32_t *n)
{
    if (v.kind != V_STR) { *n = 0; return xstrndup("", 0); }
    const char *s = machine_string(m, v, n);
    return xstrndup(s, *n);
}

static const char *find(const char *h, uint32_t hn, const char *nd, uint32_t nn, bool last)
{
    if (nn > hn) return NULL;
    const char *hit = NULL;
    for (uint32_t i = 0; i + nn <= hn; i++)
        if (!memcmp(h + i, nd, nn)) { hit = h + i; if (!last) break; }
    return hit;
}

/* strings.Replace(s, old, new, n): n < 0 replaces all. */
static Value replace(Machine *m, const char *s, uint32_t sn, const char *o, uint32_t on,
                     const char *w, uint32_t wn, int64_t n)
{
    char *out = NULL;
    uint32_t len = 0, cap = 0;
    uint32_t i = 0;
    int64_t done = 0;
    while (i <= sn) {
        if ((n < 0 || done < n) && on == 0 && (done == 0 || true)) {
            /* an empty old matches at every rune boundary (bytes here) */
            buf_append(&out, &len, &cap, w, wn);
            done++;
            if (i < sn) buf_append(&out, &len, &cap, s + i, 1);
            i++;
            continue;
        }
        if ((n < 0 || done < n) && on && i + on <= sn && !memcmp(s + i, o, on)) {
            buf_append(&out, &len, &cap, w, wn);
            i += on;
            done++;
            continue;
        }
        if (i < sn) buf_append(&out, &len, &cap, s + i, 1);
        i++;
    }
    Value r = str(m, out ? out : "", len);
    free(out);
    return r;
}

void lib_op(Machine *m, Goroutine *g, const Instr in)
{
    int n = in.a, fn = in.b & 0xff;
    bool push = in.b & FMT_RESULTS;
    Value *a = &g->stack[g->sp - n];
    Value r[2] = {value_nil(), value_nil()};
    int nr = 1;
    uint32_t l0 = 0, l1 = 0, l2 = 0;
    char *s0 = NULL, *s1 = NULL, *s2 = NULL;
    if (fn <= LIB_EQUALFOLD) {
        s0 = text(m, a[0], &l0);
        if (n > 1) s1 = text(m, a[1], &l1);
        if (n > 2) s2 = text(m, a[2], &l2);
    }
    switch ((LibFunc)fn) {
    case LIB_CONTAINS: r[0] = value_bool(find(s0, l0, s1, l1, false) != NULL); break;
    case LIB_HASPREFIX: r[0] = value_bool(l1 <= l0 && !memcmp(s0, s1, l1)); break;
    case LIB_HASSUFFIX: r[0] = value_bool(l1 <= l0 && !memcmp(s0 + l0 - l1, s1, l1)); break;
    case LIB_INDEX: case LIB_LASTINDEX: {
        const char *h = find(s0, l0, s1, l1, fn == LIB_LASTINDEX);
        r[0] = value_int(h ? h - s0 : -1);
        break;
    }
    case LIB_COUNT: {
        int64_t c = 0;
        if (!l1) c = l0 + 1;
        else for (uint32_t i = 0; i + l1 <= l0;) { if (!memcmp(s0 + i, s1, l1)) { c++; i += l1; } else i++; }
        r[0] = value_int(c);
        break;
    }
    case LIB_REPEAT: {
        int64_t k = a[1].i;
        if (k < 0) {
            machine_fail(m, M_PANIC, g->id, true, "strings: negative Repeat count");
            break;
        }
        char *out = NULL;
        uint32_t len = 0, cap = 0;
        for (int64_t i = 0; i < k && len < (1u << 24); i++) buf_append(&out, &len, &cap, s0, l0);
        r[0] = str(m, out ? out : "", len);
        free(out);
        break;
    }
    case LIB_TOUPPER: case LIB_TOLOWER:
        for (uint32_t i = 0; i < l0; i++)
            s0[i] = (char)(fn == LIB_TOUPPER ? toupper((unsigned char)s0[i]) : tolower((unsigned char)s0[i]));
        r[0] = str(m, s0, l0);
        break;
    case LIB_TRIMSPACE: {
        uint32_t b = 0, e = l0;
        while (b < e && strchr(" \t\n\r\v\f", s0[b])) b++;
        while (e > b && strchr(" \t\n\r\v\f", s0[e - 1])) e--;
        r[0] = str(m, s0 + b, e - b);
        break;
    }
    case LIB_TRIMPREFIX:
        r[0] = l1 <= l0 && !memcmp(s0, s1, l1) ? str(m, s0 + l1, l0 - l1) : str(m, s0, l0);
        break;
    case LIB_TRIMSUFFIX:
        r[0] = l1 <= l0 && !memcmp(s0 + l0 - l1, s1, l1) ? str(m, s0, l0 - l1) : str(m, s0, l0);
        break;
    case LIB_REPLACEALL: r[0] = replace(m, s0, l0, s1, l1, s2, l2, -1); break;
    case LIB_REPLACE: r[0] = replace(m, s0, l0, s1, l1, s2, l2, a[3].i); break;
    case LIB_EQUALFOLD: {
        bool eq = l0 == l1;
        for (uint32_t i = 0; eq && i < l0; i++) eq = tolower((unsigned char)s0[i]) == tolower((unsigned char)s1[i]);
        r[0] = value_bool(eq);
        break;
    }
    case LIB_RAND_INTN:
        if (a[0].i <= 0) {
            machine_fail(m, M_PANIC, g->id, true, "invalid argument to Intn");
            break;
        }
        r[0] = value_int((int64_t)(next_rand(m) % (uint64_t)a[0].i));
        break;
    case LIB_RAND_INT: r[0] = value_int((int64_t)(next_rand(m) >> 1)); break;
    case LIB_RAND_SEED: m->user_rand = ((uint64_t)a[0].i * 0x9e3779b97f4a7c15ULL) | 1; nr = 0; break;
    case LIB_BUF_WRITEBYTE: case LIB_BUF_WRITERUNE: {
        Value p = a[0];
        if (p.kind != V_PTR || (uint64_t)p.i >= (uint64_t)m->nmem) {
            machine_fail(m, M_PANIC, g->id, true, "runtime error: invalid memory address or nil pointer dereference");
            break;
        }
        char b[4];
        int k = fn == LIB_BUF_WRITEBYTE ? (b[0] = (char)a[1].i, 1) : rune_utf8(a[1].i, b);
        Value cur = m->mem[p.i];
        if (cur.kind != V_STR) cur = str(m, "", 0);
        m->mem[p.i] = value_make(V_STR, 0, machine_concat(m, cur, str(m, b, (size_t)k)));
        if (fn == LIB_BUF_WRITEBYTE) r[0] = value_nil();
        else { r[0] = value_int(k); nr = 2; }
        break;
    }
    case LIB_BUF_WRITESTRING: case LIB_BUF_STRING: case LIB_BUF_LEN: case LIB_BUF_RESET: {
        Value p = a[0];
        if (p.kind != V_PTR || (uint64_t)p.i >= (uint64_t)m->nmem) {
            machine_fail(m, M_PANIC, g->id, true, "runtime error: invalid memory address or nil pointer dereference");
            break;
        }
        Value cur = m->mem[p.i];
        uint32_t cl = 0;
        if (cur.kind == V_STR) machine_string(m, cur, &cl);
        if (fn == LIB_BUF_WRITESTRING) {
            uint32_t al = 0;
            if (a[1].kind == V_STR) machine_string(m, a[1], &al);
            m->mem[p.i] = value_make(V_STR, 0, machine_concat(m, cur.kind == V_STR ? cur : str(m, "", 0), a[1]));
            r[0] = value_int(al);
            nr = 2;
        } else if (fn == LIB_BUF_STRING) {
            r[0] = cur.kind == V_STR ? cur : str(m, "", 0);
        } else if (fn == LIB_BUF_LEN) {
            r[0] = value_int(cl);
        } else {
            m->mem[p.i] = str(m, "", 0);
            nr = 0;
        }
        break;
    }
    case LIB_ERRORS_UNWRAP: case LIB_ERRORS_IS: {
        /* a *fmt.wrapError (Errorf with %w) keeps the error it wraps in its
         * second slot; Is walks that chain comparing as == does */
        Value e = a[0];
        bool is = false;
        for (int hops = 0; hops < 64; hops++) {
            if (fn == LIB_ERRORS_IS && vm_iface_equal(m, e, a[1])) { is = true; break; }
            if (!value_is_iface(e) || (int)e.aux - 1 != m->prog->rt_wrap_error ||
                (uint64_t)e.i + 1 >= (uint64_t)m->nmem) { e = value_nil(); break; }
            e = m->mem[e.i + 1];
            if (fn == LIB_ERRORS_UNWRAP) break;
        }
        r[0] = fn == LIB_ERRORS_IS ? value_bool(is) : e;
        break;
    }
    case LIB_RAND_NEWSOURCE: r[0] = value_int(a[0].i); break;
    case LIB_RAND_NEW: {               /* a *rand.Rand: one slot of state */
        int64_t base = machine_alloc(m, 1, -1, -1);
        m->mem[base] = value_int((int64_t)(((uint64_t)a[0].i * 0x9e3779b97f4a7c15ULL) | 1));
        r[0] = value_make(V_PTR, 0, base);
        break;
    }
    case LIB_R_INTN: case LIB_R_INT: {
        Value p = a[0];
        if (p.kind != V_PTR || (uint64_t)p.i >= (uint64_t)m->nmem) {
            machine_fail(m, M_PANIC, g->id, true, "runtime error: invalid memory address or nil pointer dereference");
            break;
        }
        uint64_t st = (uint64_t)m->mem[p.i].i;
        uint64_t x = splitmix(&st);
        m->mem[p.i] = value_int((int64_t)st);
        if (fn == LIB_R_INT) { r[0] = value_int((int64_t)(x >> 1)); break; }
        if (a[1].i <= 0) {
            machine_fail(m, M_PANIC, g->id, true, "invalid argument to Intn");
            break;
        }
        r[0] = value_int((int64_t)(x % (uint64_t)a[1].i));
        break;
    }
    case LIB_DUR_STRING: {
        char d[64];
        size_t k = duration_format(a[0].i, d, sizeof d);
        r[0] = str(m, d, k < sizeof d ? k : sizeof d - 1);
        break;
    }
    case LIB_NEWBUFFERSTRING: {
        int64_t base = machine_alloc(m, 1, -1, -1);
        m->mem[base] = a[0];
        m->mem[base].aux = 0;
        r[0] = value_make(V_PTR, 0, base);
        break;
    }
    case LIB__COUNT: default:
        machine_fail(m, M_PANIC, g->id, false, "interleave: bad bytecode: unknown library function");
        break;
    }
    free(s0);
    free(s1);
    free(s2);
    g->sp -= n;
    if (push && m->status == M_RUNNING && !g->unwinding)
        for (int i = 0; i < nr; i++) g->stack[g->sp++] = r[i];
}
