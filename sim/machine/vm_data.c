/* vm_data.c — the instructions of Go's data: slices, arrays, strings,
 * numeric conversions, floats and unsigned arithmetic (opcodes.def's data
 * block).  Maps are in sim/machine/map.c.
 *
 * vm_exec (vm.c) hands every opcode it does not know to vm_data_exec, with
 * g->sp already stored.  Each call is still one indivisible step.  Element
 * access is split so interleavings stay visible: INDEXADDR computes &s[i]
 * (checking bounds, touching nothing shared) and the following LOAD or STORE
 * is the shared access, as for a struct field.
 *
 * Representations are documented atop sim/value.h.  Runtime errors carry Go
 * 1.19's texts (runtime/error.go boundsError).  append grows capacity as
 * runtime/slice.go growslice does, including the rounding up to malloc size
 * classes (runtime/sizeclasses.go), so programs that print cap() agree.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "machine_internal.h"
#include "format_data.h"
#include "util.h"
#include "vm_data.h"
#include "utf8.h"

static void fail(Machine *m, Goroutine *g, const char *msg)
{
    machine_fail(m, M_PANIC, g->id, true, msg);
}

static void index_panic(Machine *m, Goroutine *g, int64_t i, int64_t n)
{
    char msg[120];
    if (i < 0) snprintf(msg, sizeof msg, "runtime error: index out of range [%lld]", (long long)i);
    else snprintf(msg, sizeof msg, "runtime error: index out of range [%lld] with length %lld", (long long)i, (long long)n);
    fail(m, g, msg);
}

/* ---- allocation ------------------------------------------------------------------ */

/* n elements of layout `type` (each esz slots), zeroed; returns the base. */
static int64_t alloc_elems(Machine *m, int64_t n, int type, int esz)
{
    int64_t slots = n * esz;
    int64_t base = machine_alloc(m, (int)(slots ? slots : 0), -2, -1);
    if (type >= 0 && esz > 0) {
        const TypeLayout *t = &m->prog->types[type];
        for (int64_t k = 0; k < n; k++)
            memcpy(&m->mem[base + k * esz], t->zero, (size_t)esz * sizeof(Value));
        vm_data_materialize(m, base, slots);
    }
    return base;
}

void vm_data_materialize(Machine *m, int64_t base, int64_t n)
{
    for (int64_t k = 0; k < n; k++) {
        Value v = m->mem[base + k];
        if (v.kind != V_ARRAY || !slice_is_nil(v) || slice_cap(v) == 0) continue;
        int layout = (int)slice_cap(v) - 1;
        int64_t len = slice_len(v);
        int esz = m->prog->types[layout].nslots;
        int64_t at = alloc_elems(m, len, layout, esz);   /* (mem may move: index again) */
        m->mem[base + k] = value_slice_e(V_ARRAY, at, len, len, esz);
    }
}

/* runtime/sizeclasses.go: the malloc size classes up to 32 KiB. */
static const int size_classes[] = {
    8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256,
    288, 320, 352, 384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280,
    1408, 1536, 1792, 2048, 2304, 2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528,
    6784, 6912, 8192, 9472, 9728, 10240, 10880, 12288, 13568, 14336, 16384, 18432,
    19072, 20480, 21760, 24576, 27264, 28672, 32768,
};

/* runtime/msize.go roundupsize: the size malloc really hands out. */
static int64_t roundupsize(int64_t size)
{
    if (size <= 32768) {
        for (size_t i = 0; i < sizeof size_classes / sizeof size_classes[0]; i++)
            if (size <= size_classes[i]) return size_classes[i];
    }
    return (size + 8191) / 8192 * 8192;   /* _PageSize */
}

int64_t vm_data_growcap(int64_t oldcap, int64_t need, int64_t gosize)
{
    /* runtime/slice.go growslice (Go 1.19) */
    int64_t newcap = oldcap, doublecap = newcap + newcap;
    if (need > doublecap) {
        newcap = need;
    } else {
        const int64_t threshold = 256;
        if (oldcap < threshold) {
            newcap = doublecap;
        } else {
            while (0 < newcap && newcap < need) newcap += (newcap + 3 * threshold) / 4;
            if (newcap <= 0) newcap = need;
        }
    }
    if (gosize <= 0) return newcap;
    return roundupsize(newcap * gosize) / gosize;
}

/* Room for `add` more elements after s's len: s itself when it has the
 * capacity, else a grown copy.  Returns the slice with len += add. */
static Value grow(Machine *m, Value s, int64_t add, int esz, int64_t gosize)
{
    int64_t len = slice_len(s), cap = slice_cap(s), base = slice_base(s);
    if (s.kind == V_NIL) base = -1;
    if (len + add <= cap) return value_slice_e(V_SLICE, base, len + add, cap, esz);
    int64_t ncap = vm_data_growcap(cap, len + add, gosize);
    int64_t nb = alloc_elems(m, ncap, -1, esz);
    if (len) memmove(&m->mem[nb], &m->mem[base], (size_t)(len * esz) * sizeof(Value));
    return value_slice_e(V_SLICE, nb, len + add, ncap, esz);
}

/* ---- strings ----------------------------------------------------------------------- */

/* Decode the UTF-8 sequence at s[i] (as unicode/utf8.DecodeRuneInString:
 * an invalid byte is U+FFFD of width 1). */
static int32_t decode_rune(const unsigned char *s, int64_t n, int64_t i, int *width)
{
    unsigned c = s[i];
    *width = 1;
    if (c < 0x80) return (int32_t)c;
    int need = c >= 0xf0 && c < 0xf8 ? 3 : c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xc2 && c < 0xe0 ? 1 : -1;
    if (need < 0 || i + need >= n) return 0xfffd;
    int32_t r = (int32_t)(c & (0x3f >> need));
    for (int k = 1; k <= need; k++) {
        unsigned d = s[i + k];
        if ((d & 0xc0) != 0x80) return 0xfffd;
        r = (r << 6) | (int32_t)(d & 0x3f);
    }
    if ((need == 2 && (r < 0x800 || (r >= 0xd800 && r <= 0xdfff))) || (need == 3 && (r < 0x10000 || r > 0x10ffff)))
        return 0xfffd;
    *width = need + 1;
    return r;
}

static Value new_string(Machine *m, const char *s, size_t n)
{
    return value_make(V_STR, 0, machine_add_string(m, s, n));
}

/* A string's bytes, copied out (strdata may move when strings are added). */
static char *string_copy(const Machine *m, Value v, uint32_t *n)
{
    const char *s = machine_string(m, v, n);
    char *c = xmalloc(*n + 1);
    memcpy(c, s, *n);
    return c;
}

static Value conv_string(Machine *m, Goroutine *g, Value v, int how)
{
    (void)g;
    switch (how) {
    case 1: {                                   /* string(rune) */
        char b[4];
        int n = utf8_encode(v.i, b);
        return new_string(m, b, (size_t)n);
    }
    case 2: case 4: {                           /* []byte(s), []rune(s) */
        uint32_t n;
        char *s = string_copy(m, v, &n);
        int64_t count = n;
        if (how == 4) {
            count = 0;
            for (int64_t i = 0; i < n; count++) { int w; decode_rune((unsigned char *)s, n, i, &w); i += w; }
        }
        int64_t base = alloc_elems(m, count, -1, 1);
        int64_t k = 0;
        for (int64_t i = 0; i < n; k++) {
            int w = 1;
            int64_t x = how == 2 ? (unsigned char)s[i] : decode_rune((unsigned char *)s, n, i, &w);
            m->mem[base + k] = value_make(V_INT, how == 2 ? NK_UINT8 : NK_INT32, x);
            i += w;
        }
        free(s);
        return value_slice(V_SLICE, base, count, count);
    }
    case 3: case 5: {                           /* string([]byte), string([]rune) */
        int64_t len = slice_len(v), base = slice_base(v);
        char *buf = xmalloc((size_t)len * 4 + 1);
        size_t n = 0;
        for (int64_t k = 0; k < len; k++) {
            int64_t x = m->mem[base + k].i;
            if (how == 3) buf[n++] = (char)x;
            else n += (size_t)utf8_encode(x, buf + n);
        }
        Value r = new_string(m, buf, n);
        free(buf);
        return r;
    }
    }
    return v;
}

/* ---- numbers ----------------------------------------------------------------------- */

Value vm_data_wrap(int64_t x, int kind)
{
    switch ((NumKind)kind) {
    case NK_INT8: return value_make(V_INT, NK_INT8, (int8_t)x);
    case NK_INT16: return value_make(V_INT, NK_INT16, (int16_t)x);
    case NK_INT32: return value_make(V_INT, NK_INT32, (int32_t)x);
    case NK_UINT8: return value_make(V_INT, NK_UINT8, (uint8_t)x);
    case NK_UINT16: return value_make(V_INT, NK_UINT16, (uint16_t)x);
    case NK_UINT32: return value_make(V_INT, NK_UINT32, (uint32_t)x);
    case NK_INT64: case NK_UINT: case NK_UINT64: case NK_UINTPTR: return value_make(V_INT, (uint32_t)kind, x);
    default: return value_int(x);
    }
}

Value vm_data_conv(Value v, int kind, int from)
{
    if (kind == NK_FLOAT64 || kind == NK_FLOAT32) {
        double d;
        if (from == 1) d = value_f(v);
        else if (from == 2) d = (double)(uint64_t)v.i;
        else d = (double)v.i;
        if (kind != NK_FLOAT32) return value_float(d);
        Value f = value_float((double)(float)d);
        f.aux = NK_FLOAT32;      /* prints with float32's shortest digits */
        return f;
    }
    if (from == 1) {
        double d = value_f(v);
        int64_t x;
        if (isnan(d)) x = INT64_MIN;
        else if (kind >= NK_UINT && d >= 9223372036854775808.0) x = (int64_t)(uint64_t)d;
        else if (d >= 9223372036854775807.0 || d < -9223372036854775808.0) x = INT64_MIN;
        else x = (int64_t)d;
        return vm_data_wrap(x, kind);
    }
    return vm_data_wrap(v.i, kind);
}

/* ---- slicing ----------------------------------------------------------------------- */

static bool slice_op(Machine *m, Goroutine *g, int esz, int flags)
{
    Value *st = g->stack;
    int sp = g->sp;
    int64_t lo = 0, hi = -1, max = -1;
    if (flags & 4) max = st[--sp].i;
    if (flags & 2) hi = st[--sp].i;
    if (flags & 1) lo = st[--sp].i;
    Value x = st[--sp];
    char msg[120];
    int64_t len, cap;
    uint32_t slen = 0;
    if (flags & 8) {
        machine_string(m, x, &slen);
        len = cap = slen;
    } else {
        len = slice_len(x);
        cap = slice_cap(x);
    }
    bool is_cap = !(flags & 8) && !(flags & 16);   /* a slice: bounds against cap */
    if (hi < 0 && !(flags & 2)) hi = len;
    msg[0] = 0;
    if (flags & 4) {
        if (max < 0) snprintf(msg, sizeof msg, "slice bounds out of range [::%lld]", (long long)max);
        else if (max > cap) snprintf(msg, sizeof msg, "slice bounds out of range [::%lld] with %s %lld",
                                     (long long)max, is_cap ? "capacity" : "length", (long long)cap);
        else if (hi < 0) snprintf(msg, sizeof msg, "slice bounds out of range [:%lld:]", (long long)hi);
        else if (hi > max) snprintf(msg, sizeof msg, "slice bounds out of range [:%lld:%lld]", (long long)hi, (long long)max);
        else if (lo < 0) snprintf(msg, sizeof msg, "slice bounds out of range [%lld::]", (long long)lo);
        else if (lo > hi) snprintf(msg, sizeof msg, "slice bounds out of range [%lld:%lld:]", (long long)lo, (long long)hi);
    } else {
        int64_t bound = is_cap ? cap : len;
        if (hi < 0) snprintf(msg, sizeof msg, "slice bounds out of range [:%lld]", (long long)hi);
        else if (hi > bound) snprintf(msg, sizeof msg, "slice bounds out of range [:%lld] with %s %lld",
                                      (long long)hi, is_cap ? "capacity" : "length", (long long)bound);
        else if (lo < 0) snprintf(msg, sizeof msg, "slice bounds out of range [%lld:]", (long long)lo);
        else if (lo > hi) snprintf(msg, sizeof msg, "slice bounds out of range [%lld:%lld]", (long long)lo, (long long)hi);
    }
    if (msg[0]) {
        char full[160];
        snprintf(full, sizeof full, "runtime error: %s", msg);
        fail(m, g, full);
        return false;
    }
    if (flags & 8) {
        uint32_t n;
        char *s = string_copy(m, x, &n);
        st[sp++] = lo == 0 && hi == (int64_t)n ? x : new_string(m, s + lo, (size_t)(hi - lo));
        free(s);
    } else if (x.kind == V_NIL || slice_is_nil(x)) {
        st[sp++] = value_slice(V_SLICE, -1, 0, 0);   /* nil[0:0] is nil */
    } else {
        int64_t newcap = (flags & 4 ? max : cap) - lo;
        st[sp++] = value_slice_e(V_SLICE, slice_base(x) + lo * esz, hi - lo, newcap, esz);
    }
    g->sp = sp;
    return true;
}

/* ---- arrays ------------------------------------------------------------------------- */

/* A copy of array a (esz slots per element), every array inside it (rows,
 * struct fields) copied too: arrays are values all the way down. */
static Value array_copy(Machine *m, Value a, int esz, int levels)
{
    (void)levels;
    int64_t n = slice_len(a);
    int64_t nb = alloc_elems(m, n, -1, esz);
    if (n) memcpy(&m->mem[nb], &m->mem[slice_base(a)], (size_t)(n * esz) * sizeof(Value));
    vm_data_deepen(m, nb, n * esz);
    return value_slice_e(V_ARRAY, nb, n, n, esz);
}

void vm_data_deepen(Machine *m, int64_t base, int64_t n)
{
    for (int64_t k = 0; k < n; k++) {
        Value v = m->mem[base + k];
        if (v.kind != V_ARRAY || slice_is_nil(v)) continue;
        Value c = array_copy(m, v, slice_esz(v), 0);   /* (mem may move: index again) */
        m->mem[base + k] = c;
    }
}

static bool array_equal(const Machine *m, Value a, Value b, int esz, int levels)
{
    int64_t n = slice_len(a) * esz;
    for (int64_t k = 0; k < n; k++) {
        Value x = m->mem[slice_base(a) + k], y = m->mem[slice_base(b) + k];
        if (levels > 0 ? !array_equal(m, x, y, 1, levels - 1) : !vm_data_equal(m, x, y)) return false;
    }
    return true;
}

/* ---- the dispatcher ------------------------------------------------------------------ */

static bool ucmp(uint64_t a, uint64_t b, int how)
{
    switch (how) {
    case 1: return a < b;
    case 2: return a <= b;
    case 3: return a > b;
    default: return a >= b;
    }
}

static int64_t bitop(int64_t a, int64_t b, int how)
{
    uint64_t ua = (uint64_t)a, ub = (uint64_t)b;
    switch (how) {
    case 1: return a & b;
    case 2: return a | b;
    case 3: return a ^ b;
    case 4: return a & ~b;
    case 5: return ub >= 64 ? 0 : (int64_t)(ua << ub);
    case 6: return ub >= 64 ? (a < 0 ? -1 : 0) : a >> ub;
    default: return ub >= 64 ? 0 : (int64_t)(ua >> ub);
    }
}

int vm_data_exec(Machine *m, Goroutine *g, int core, int pc, Instr in)
{
    (void)core; (void)pc;
    Value *st = g->stack;
    int sp = g->sp;
    switch ((Opcode)in.op) {
    case OP_NEWSLICE: case OP_NEWARRAY: {
        int esz = m->prog->types[in.b].nslots;
        int64_t base = alloc_elems(m, in.a, in.b, esz);
        st[sp++] = value_slice_e(in.op == OP_NEWSLICE ? V_SLICE : V_ARRAY, base, in.a, in.a, esz);
        break;
    }
    case OP_MAKESLICE: {
        int64_t c = st[--sp].i, n = st[--sp].i;
        if (c < 0 && c != -1) { fail(m, g, "runtime error: makeslice: cap out of range"); return 0; }
        if (c == -1) c = n;
        if (n < 0 || n > SLICE_MAX_LEN) { fail(m, g, "runtime error: makeslice: len out of range"); return 0; }
        if (c < n || c > SLICE_MAX_LEN) { fail(m, g, "runtime error: makeslice: cap out of range"); return 0; }
        int esz = m->prog->types[in.b].nslots;
        int64_t base = alloc_elems(m, c, in.b, esz);
        if (in.a > 0) machine_name_array(m, base, c, esz, in.b, in.a);   /* forks := make(...) */
        st[sp++] = value_slice_e(V_SLICE, base, n, c, esz);
        break;
    }
    case OP_INDEXADDR: {
        int64_t i = st[--sp].i;
        Value s = st[sp - 1];
        int64_t n = slice_len(s);
        if (i < 0 || i >= n) { index_panic(m, g, i, n); return 0; }
        st[sp - 1] = value_make(V_PTR, 0, slice_base(s) + i * in.a);
        break;
    }
    case OP_STRINDEX: {
        int64_t i = st[--sp].i;
        uint32_t n;
        const char *s = machine_string(m, st[sp - 1], &n);
        if (i < 0 || i >= (int64_t)n) { index_panic(m, g, i, n); return 0; }
        st[sp - 1] = value_make(V_INT, NK_UINT8, (unsigned char)s[i]);
        break;
    }
    case OP_SLICE:
        g->sp = sp;
        slice_op(m, g, in.a, in.b);
        return 0;
    case OP_LEN: case OP_CAP: {
        Value v = st[sp - 1];
        int64_t n;
        if (v.kind == V_STR) { uint32_t l; machine_string(m, v, &l); n = l; }
        else if (v.kind == V_MAP) n = map_len(m, v);
        else n = in.op == OP_LEN ? slice_len(v) : slice_cap(v);
        st[sp - 1] = value_int(n);
        break;
    }
    case OP_APPEND: {
        int esz = in.a & 0xff, n = in.b;
        int64_t gosize = in.a >> 8;
        Value s = st[sp - n - 1];
        if (slice_len(s) + n > SLICE_MAX_LEN) { fail(m, g, "runtime error: growslice: len out of range"); return 0; }
        Value r = grow(m, s, n, esz, gosize);
        int64_t at = slice_base(r) + (slice_len(r) - n) * esz;
        for (int k = 0; k < n; k++) m->mem[at + k * esz] = st[sp - n + k];
        sp -= n + 1;
        st[sp++] = r;
        break;
    }
    case OP_APPENDADDR: {
        int esz = in.a & 0xff, n = in.b;
        Value s = st[sp - n - 1];
        for (int k = 0; k < n; k++) {
            Value p = st[sp - n + k];
            if (p.kind != V_PTR || p.i < 0 || p.i + esz > m->nmem) {
                fail(m, g, "runtime error: invalid memory address or nil pointer dereference");
                return 0;
            }
        }
        if (slice_len(s) + n > SLICE_MAX_LEN) { fail(m, g, "runtime error: growslice: len out of range"); return 0; }
        Value r = grow(m, s, n, esz, in.a >> 8);
        int64_t at = slice_base(r) + (slice_len(r) - n) * esz;
        for (int k = 0; k < n; k++)
            memmove(&m->mem[at + k * esz], &m->mem[st[sp - n + k].i], (size_t)esz * sizeof(Value));
        vm_data_deepen(m, at, (int64_t)n * esz);
        sp -= n + 1;
        st[sp++] = r;
        break;
    }
    case OP_COPYN: {
        Value src = st[--sp], dst = st[--sp];
        if (src.kind != V_PTR || dst.kind != V_PTR || src.i + in.a > m->nmem || dst.i + in.a > m->nmem) {
            fail(m, g, "runtime error: invalid memory address or nil pointer dereference");
            return 0;
        }
        memmove(&m->mem[dst.i], &m->mem[src.i], (size_t)in.a * sizeof(Value));
        vm_data_deepen(m, dst.i, in.a);
        machine_access(m, src.i, in.a, false, false);
        machine_access(m, dst.i, in.a, true, false);
        break;
    }
    case OP_APPENDS: {
        int esz = in.a & 0xff;
        int64_t gosize = in.a >> 8;
        Value t = st[--sp], s = st[sp - 1];
        if (t.kind == V_STR) {
            uint32_t n;
            char *b = string_copy(m, t, &n);
            Value r = grow(m, s, n, 1, 1);
            int64_t at = slice_base(r) + slice_len(r) - n;
            for (uint32_t k = 0; k < n; k++) m->mem[at + k] = value_make(V_INT, NK_UINT8, (unsigned char)b[k]);
            free(b);
            st[sp - 1] = r;
            break;
        }
        int64_t n = slice_len(t);
        if (n == 0) break;
        if (slice_len(s) + n > SLICE_MAX_LEN) { fail(m, g, "runtime error: growslice: len out of range"); return 0; }
        int64_t tb = slice_base(t);
        Value r = grow(m, s, n, esz, gosize);
        int64_t at = slice_base(r) + (slice_len(r) - n) * esz;
        memmove(&m->mem[at], &m->mem[tb], (size_t)(n * esz) * sizeof(Value));
        vm_data_deepen(m, at, n * esz);
        st[sp - 1] = r;
        break;
    }
    case OP_COPY: {
        Value src = st[--sp], dst = st[sp - 1];
        int64_t n = slice_len(dst);
        if (src.kind == V_STR) {
            uint32_t l;
            char *b = string_copy(m, src, &l);
            if ((int64_t)l < n) n = l;
            for (int64_t k = 0; k < n; k++) m->mem[slice_base(dst) + k] = value_make(V_INT, NK_UINT8, (unsigned char)b[k]);
            free(b);
        } else {
            if (slice_len(src) < n) n = slice_len(src);
            if (n) memmove(&m->mem[slice_base(dst)], &m->mem[slice_base(src)], (size_t)(n * in.a) * sizeof(Value));
            vm_data_deepen(m, slice_base(dst), n * in.a);
        }
        st[sp - 1] = value_int(n);
        break;
    }
    case OP_ACOPY: st[sp - 1] = array_copy(m, st[sp - 1], in.a, in.b); break;
    case OP_AEQ: {
        Value b = st[--sp];
        st[sp - 1] = value_bool(array_equal(m, st[sp - 1], b, in.a, in.b));
        break;
    }
    case OP_STRFN: return strings_exec(m, g, in);
    case OP_STRBUF: return strbuf_exec(m, g, in);
    case OP_RTPRINT: case OP_RTPRINTLN:
        format_data_runtime_print(m, &st[sp - in.a], in.a, in.op == OP_RTPRINTLN);
        g->sp = sp - in.a;
        return 0;
    case OP_RANDFN: return rand_exec(m, g, in);
    case OP_MAPNEW: case OP_MAPGET: case OP_MAPSET: case OP_MAPDEL: case OP_MAPITER: case OP_MAPNEXT:
        return map_exec(m, g, in);
    case OP_RUNE: {
        int64_t i = st[--sp].i;
        uint32_t n;
        const char *s = machine_string(m, st[sp - 1], &n);
        int w = 1;
        int32_t r = i < (int64_t)n ? decode_rune((const unsigned char *)s, n, i, &w) : 0xfffd;
        st[sp - 1] = value_make(V_INT, NK_INT32, r);
        st[sp++] = value_int(w);
        break;
    }
    case OP_CONV: st[sp - 1] = vm_data_conv(st[sp - 1], in.a, in.b); break;
    case OP_CONVSTR:
        g->sp = sp;
        st[sp - 1] = conv_string(m, g, st[sp - 1], in.a);
        return 0;
    case OP_FADD: sp--; st[sp - 1] = value_float(value_f(st[sp - 1]) + value_f(st[sp])); break;
    case OP_FSUB: sp--; st[sp - 1] = value_float(value_f(st[sp - 1]) - value_f(st[sp])); break;
    case OP_FMUL: sp--; st[sp - 1] = value_float(value_f(st[sp - 1]) * value_f(st[sp])); break;
    case OP_FDIV: sp--; st[sp - 1] = value_float(value_f(st[sp - 1]) / value_f(st[sp])); break;
    case OP_FNEG: st[sp - 1] = value_float(-value_f(st[sp - 1])); break;
    case OP_UDIV: case OP_UMOD: {
        uint64_t b = (uint64_t)st[--sp].i, a = (uint64_t)st[sp - 1].i;
        if (b == 0) { fail(m, g, "runtime error: integer divide by zero"); return 0; }
        st[sp - 1] = value_make(V_INT, st[sp - 1].aux, (int64_t)(in.op == OP_UDIV ? a / b : a % b));
        break;
    }
    case OP_UCMP: sp--; st[sp - 1] = value_bool(ucmp((uint64_t)st[sp - 1].i, (uint64_t)st[sp].i, in.a)); break;
    case OP_BITOP:
        if (in.a >= 5 && st[sp - 1].i < 0 && !value_unsigned64(st[sp - 1])) {
            fail(m, g, "runtime error: negative shift amount");
            return 0;
        }
        sp--;
        st[sp - 1] = value_make(V_INT, st[sp - 1].aux, bitop(st[sp - 1].i, st[sp].i, in.a));
        break;
    case OP_DUP2: st[sp] = st[sp - 2]; st[sp + 1] = st[sp - 1]; sp += 2; break;
    case OP_BITNOT: st[sp - 1] = value_make(V_INT, st[sp - 1].aux, ~st[sp - 1].i); break;
    default:
        return -1;
    }
    g->sp = sp;
    return 0;
}
