/* format_data.c — how fmt prints Go's data: floats, slices, arrays, maps.
 *
 * Called from format.c's per-kind dispatch for V_FLOAT, V_SLICE, V_ARRAY and
 * V_MAP (and for the unsigned integers tagged in a V_INT's aux).  Elements go
 * back through format.c's callback, one level deeper, so a pointer inside a
 * slice prints as an address as in Go.
 *
 * Floats follow strconv.FormatFloat(f, 'g', -1, 64) as fmt's %v uses it
 * (strconv/ftoa.go): the shortest digits that read back as the same double,
 * in %e form when the exponent is < -4 or >= 6 ("if precision was the
 * shortest possible, use precision 6 for this decision"): 1e+06, 123456.7.
 * Maps print sorted by key, as fmt does since Go 1.12 (internal/fmtsort).
 */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format_data.h"
#include "machine_internal.h"
#include "util.h"
#include "vm_data.h"
#include "utf8.h"

static void put(char **buf, uint32_t *len, uint32_t *cap, const char *s)
{
    buf_append(buf, len, cap, s, strlen(s));
}

/* The shortest %e digits of d that read back as d (as a float32 when
 * `single`): "d.ddde±XX". */
static int shortest_e(double d, bool single, char *out, size_t n)
{
    for (int prec = 0; prec < 17; prec++) {
        snprintf(out, n, "%.*e", prec, d);
        if (single ? strtof(out, NULL) == (float)d : strtod(out, NULL) == d) return prec + 1;
    }
    snprintf(out, n, "%.16e", d);
    return 17;
}

void format_data_float(double d, char verb, int prec, char *out, size_t n)
{
    if (isnan(d)) { snprintf(out, n, "NaN"); return; }
    if (isinf(d)) { snprintf(out, n, d > 0 ? "+Inf" : "-Inf"); return; }
    if (verb == 'f' || verb == 'F') { snprintf(out, n, "%.*f", prec < 0 ? 6 : prec, d); return; }
    if (verb == 'e' || verb == 'E') {
        snprintf(out, n, verb == 'e' ? "%.*e" : "%.*E", prec < 0 ? 6 : prec, d);
        return;
    }
    char e[64];
    int nd, exp;
    bool shortest = prec < 0;
    if (shortest) {
        nd = shortest_e(d, verb == 's', e, sizeof e);
    } else {
        if (prec == 0) prec = 1;
        snprintf(e, sizeof e, "%.*e", prec - 1, d);
        nd = prec;
    }
    exp = atoi(strchr(e, 'e') + 1);
    /* strconv/ftoa.go %g: trailing zeros of the digits do not count */
    char *mant_end = strchr(e, 'e');
    if (!shortest) {
        char *p = mant_end;
        while (p > e && p[-1] == '0') { p--; nd--; }
        if (p > e && p[-1] == '.') p--;
        memmove(p, mant_end, strlen(mant_end) + 1);
        mant_end = p;
    }
    int eprec = shortest ? 6 : prec;
    if (!shortest && eprec > nd && nd >= exp + 1) eprec = nd;
    if (exp < -4 || exp >= eprec) {
        /* Go writes at least two exponent digits, as C does */
        snprintf(out, n, "%s", e);
        return;
    }
    int decimals = nd - 1 - exp;
    snprintf(out, n, "%.*f", decimals < 0 ? 0 : decimals, d);
}

/* internal/fmtsort's order for the keys the subset has. */
static int key_cmp(const Machine *m, const Value *a, const Value *b)
{
    if (a->kind == V_STR && b->kind == V_STR) {
        uint32_t la, lb;
        const char *sa = machine_string(m, *a, &la), *sb = machine_string(m, *b, &lb);
        int c = memcmp(sa, sb, la < lb ? la : lb);
        if (c) return c;
        return la < lb ? -1 : la > lb;
    }
    if (a->kind == V_FLOAT || b->kind == V_FLOAT) {
        double x = value_f(*a), y = value_f(*b);
        return x < y ? -1 : x > y;
    }
    if (value_unsigned64(*a))
        return (uint64_t)a->i < (uint64_t)b->i ? -1 : (uint64_t)a->i > (uint64_t)b->i;
    return a->i < b->i ? -1 : a->i > b->i;
}

/* A map's live entries sorted by key (fmt prints maps so); caller frees. */
static int64_t *sorted_entries(const Machine *m, Value v, int64_t *np, int *kn, int *vn)
{
    int64_t n = map_entries(m, v, NULL, 0, kn, vn);
    int64_t *e = xmalloc(sizeof *e * (size_t)(n ? n : 1));
    map_entries(m, v, e, n, kn, vn);
    for (int64_t i = 1; i < n; i++) {       /* insertion sort: maps are small */
        int64_t x = e[i], j = i;
        for (; j > 0; j--) {
            int c = 0;
            for (int f = 0; f < *kn && !c; f++) c = key_cmp(m, &m->mem[e[j - 1] + f], &m->mem[x + f]);
            if (c <= 0) break;
            e[j] = e[j - 1];
        }
        e[j] = x;
    }
    *np = n;
    return e;
}

/* n slots at `at`: one value, or a struct's fields in braces. */
static void slots_v(const Machine *m, int64_t at, int n, char **buf, uint32_t *len, uint32_t *cap, int depth,
                    FormatElemFn elem)
{
    if (n > 1) put(buf, len, cap, "{");
    for (int f = 0; f < n; f++) {
        if (f) put(buf, len, cap, " ");
        elem(m, m->mem[at + f], buf, len, cap, depth + 1);
    }
    if (n > 1) put(buf, len, cap, "}");
}

bool format_data_v(const Machine *m, Value v, char **buf, uint32_t *len, uint32_t *cap, int depth,
                   FormatElemFn elem)
{
    char tmp[64];
    switch ((ValueKind)v.kind) {
    case V_INT:
        if (value_unsigned64(v)) {
            snprintf(tmp, sizeof tmp, "%" PRIu64, (uint64_t)v.i);
            put(buf, len, cap, tmp);
            return true;
        }
        return false;
    case V_FLOAT:
        format_data_float(value_f(v), v.aux == NK_FLOAT32 ? 's' : 'g', -1, tmp, sizeof tmp);
        put(buf, len, cap, tmp);
        return true;
    case V_SLICE: case V_ARRAY: {
        put(buf, len, cap, "[");
        int64_t n = slice_len(v), base = slice_base(v);
        int esz = slice_esz(v);
        for (int64_t k = 0; k < n; k++) {
            if (k) put(buf, len, cap, " ");
            if (esz > 1) put(buf, len, cap, "{");   /* a struct element: its (flattened) fields */
            for (int f = 0; f < esz; f++) {
                if (f) put(buf, len, cap, " ");
                elem(m, m->mem[base + k * esz + f], buf, len, cap, depth + 1);
            }
            if (esz > 1) put(buf, len, cap, "}");
        }
        put(buf, len, cap, "]");
        return true;
    }
    case V_MAP: {
        put(buf, len, cap, "map[");
        int kn, vn;
        int64_t n;
        int64_t *ents = sorted_entries(m, v, &n, &kn, &vn);
        for (int64_t k = 0; k < n; k++) {
            if (k) put(buf, len, cap, " ");
            slots_v(m, ents[k], kn, buf, len, cap, depth, elem);
            put(buf, len, cap, ":");
            slots_v(m, ents[k] + kn, vn, buf, len, cap, depth, elem);
        }
        free(ents);
        put(buf, len, cap, "]");
        return true;
    }
    default:
        return false;
    }
}

const char *format_data_int_type(Value v)
{
    static const char *const names[] = {
        "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32",
        "uint64", "uintptr",
    };
    return (size_t)value_numkind(v) < sizeof names / sizeof names[0] ? names[value_numkind(v)] : "int";
}

int format_data_rune(int64_t r, char *out)
{
    int n = utf8_encode(r, out);
    out[n] = 0;
    return n;
}

bool format_data_verb(const Machine *m, Value v, char verb, int width, bool minus,
                      char **buf, uint32_t *len, uint32_t *cap, FormatVerbFn elem)
{
    if (verb == 'd' && value_unsigned64(v)) {
        char tmp[32];
        snprintf(tmp, sizeof tmp, "%" PRIu64, (uint64_t)v.i);   /* %d of a uint64 past 1<<63 */
        put(buf, len, cap, tmp);
        return true;
    }
    if ((v.kind != V_SLICE && v.kind != V_ARRAY && v.kind != V_MAP) || (verb == 'v' && width == 0) ||
        verb == 'T' || verb == 'p')
        return false;
    int64_t n = slice_len(v), base = slice_base(v);
    bool bytes = v.kind != V_MAP && (verb == 'x' || verb == 'X' || verb == 's');
    for (int64_t k = 0; bytes && k < n; k++)
        bytes = value_numkind(m->mem[base + k]) == NK_UINT8;
    if (bytes && n > 0) {   /* fmt's fmtBytes: a []byte is a string to %s %x %X */
        for (int64_t k = 0; k < n; k++) {
            char b[4];
            unsigned x = (unsigned)m->mem[base + k].i & 0xff;
            if (verb == 's') { b[0] = (char)x; b[1] = 0; }
            else snprintf(b, sizeof b, verb == 'x' ? "%02x" : "%02X", x);
            put(buf, len, cap, b);
        }
        return true;
    }
    if (v.kind == V_MAP) {
        int kn, vn;
        int64_t cnt;
        int64_t *ents = sorted_entries(m, v, &cnt, &kn, &vn);
        put(buf, len, cap, "map[");
        for (int64_t k = 0; k < cnt; k++) {
            if (k) put(buf, len, cap, " ");
            for (int f = 0; f < kn; f++) elem(m, m->mem[ents[k] + f], verb, width, minus, buf, len, cap);
            put(buf, len, cap, ":");
            for (int f = 0; f < vn; f++) elem(m, m->mem[ents[k] + kn + f], verb, width, minus, buf, len, cap);
        }
        put(buf, len, cap, "]");
        free(ents);
        return true;
    }
    int esz = slice_esz(v);
    put(buf, len, cap, "[");
    for (int64_t k = 0; k < n; k++) {
        if (k) put(buf, len, cap, " ");
        if (esz > 1) put(buf, len, cap, "{");
        for (int f = 0; f < esz; f++) {
            if (f) put(buf, len, cap, " ");
            elem(m, m->mem[base + k * esz + f], verb, width, minus, buf, len, cap);
        }
        if (esz > 1) put(buf, len, cap, "}");
    }
    put(buf, len, cap, "]");
    return true;
}

/* runtime/print.go printfloat: "+d.dddddde+ddd". */
static void runtime_float(double v, char *buf)
{
    if (v != v) { strcpy(buf, "NaN"); return; }
    if (v + v == v && v > 0) { strcpy(buf, "+Inf"); return; }
    if (v + v == v && v < 0) { strcpy(buf, "-Inf"); return; }
    enum { N = 7 };
    char b[N + 8];
    b[0] = '+';
    int e = 0;
    if (v == 0) {
        if (signbit(v)) b[0] = '-';
    } else {
        if (v < 0) { v = -v; b[0] = '-'; }
        while (v >= 10) { e++; v /= 10; }
        while (v < 1) { e--; v *= 10; }
        double h = 5.0;
        for (int i = 0; i < N; i++) h /= 10;
        v += h;
        if (v >= 10) { e++; v /= 10; }
    }
    for (int i = 0; i < N; i++) {
        int s = (int)v;
        b[i + 2] = (char)(s + '0');
        v -= s;
        v *= 10;
    }
    b[1] = b[2];
    b[2] = '.';
    b[N + 2] = 'e';
    b[N + 3] = '+';
    if (e < 0) { e = -e; b[N + 3] = '-'; }
    b[N + 4] = (char)(e / 100 + '0');
    b[N + 5] = (char)(e / 10 % 10 + '0');
    b[N + 6] = (char)(e % 10 + '0');
    b[N + 7] = 0;
    strcpy(buf, b);
}

void format_data_runtime_print(Machine *m, const Value *args, int n, bool nl)
{
    for (int k = 0; k < n; k++) {
        char tmp[64];
        Value v = args[k];
        if (nl && k) buf_append(&m->stderr_buf, &m->stderr_len, &m->stderr_cap, " ", 1);
        switch ((ValueKind)v.kind) {
        case V_STR: {
            uint32_t len;
            const char *s = machine_string(m, v, &len);
            char *c = xmalloc(len + 1);   /* stderr_buf and strdata are apart, but be plain */
            memcpy(c, s, len);
            buf_append(&m->stderr_buf, &m->stderr_len, &m->stderr_cap, c, len);
            free(c);
            continue;
        }
        case V_INT:
            if (value_unsigned64(v)) snprintf(tmp, sizeof tmp, "%" PRIu64, (uint64_t)v.i);
            else snprintf(tmp, sizeof tmp, "%" PRId64, v.i);
            break;
        case V_BOOL: snprintf(tmp, sizeof tmp, "%s", v.i ? "true" : "false"); break;
        case V_FLOAT: runtime_float(value_f(v), tmp); break;
        case V_NIL: snprintf(tmp, sizeof tmp, "0x0"); break;
        case V_SLICE: case V_ARRAY:
            snprintf(tmp, sizeof tmp, "[%lld/%lld]0x%llx", (long long)slice_len(v), (long long)slice_cap(v),
                     (unsigned long long)(0xc000010000LL + slice_base(v) * 8));
            break;
        default:
            snprintf(tmp, sizeof tmp, "0x%llx", (unsigned long long)(0xc000010000LL + v.i * 8));
            break;
        }
        buf_append(&m->stderr_buf, &m->stderr_len, &m->stderr_cap, tmp, strlen(tmp));
    }
    if (nl) buf_append(&m->stderr_buf, &m->stderr_len, &m->stderr_cap, "\n", 1);
}

bool format_data_float_verb(Value v, char verb, int width, int prec, bool minus, bool zero, bool plus,
                            char **buf, uint32_t *len, uint32_t *cap)
{
    if (v.kind != V_FLOAT || !strchr("vfFeEgG", verb)) return false;
    char tmp[400], body[420];
    double d = value_f(v);
    char fv = verb == 'v' ? 'g' : verb == 'F' ? 'f' : verb;
    if ((fv == 'g' || fv == 'G') && prec < 0 && v.aux == NK_FLOAT32) fv = 's';
    if (fv == 'G') {
        format_data_float(d, 'g', prec, tmp, sizeof tmp);
        for (char *p = tmp; *p; p++) if (*p == 'e') *p = 'E';
    } else {
        format_data_float(d, fv, prec, tmp, sizeof tmp);
    }
    snprintf(body, sizeof body, "%s%s", plus && tmp[0] != '-' && tmp[0] != '+' ? "+" : "", tmp);
    size_t n = strlen(body);
    bool finite = !isinf(d) && !isnan(d);
    size_t pad = width > 0 && (size_t)width > n ? (size_t)width - n : 0;
    if (minus) {
        put(buf, len, cap, body);
        for (size_t k = 0; k < pad; k++) put(buf, len, cap, " ");
        return true;
    }
    const char *digits = body;
    if (zero && finite && pad && (body[0] == '-' || body[0] == '+')) {   /* sign before the zeros */
        char sign[2] = {body[0], 0};
        put(buf, len, cap, sign);
        digits = body + 1;
    }
    for (size_t k = 0; k < pad; k++) put(buf, len, cap, zero && finite ? "0" : " ");
    put(buf, len, cap, digits);
    return true;
}

/* A panic value that is a float prints as print does (sim/machine/panic.c). */
void format_data_runtime_float(double v, char *buf) { runtime_float(v, buf); }
