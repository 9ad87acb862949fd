/* format.c — fmt.Printf and fmt.Println over simulated Values.
 *
 * Output is appended to Machine.stdout_buf; the VM turns it into an EV_OUTPUT.
 * The verbs are Go's (fmt/print.go, fmt/format.go) for the types the subset
 * has: %v (any), %d %x %X %o %b %c (integers), %s %q (strings), %t (bools),
 * %T (type names), %p (pointers), %% — with the flags '-' and '0' and a
 * width.  A verb that does not fit its argument prints Go's complaint,
 * "%!d(string=hi)"; a missing argument "%!d(MISSING)"; a verb without a
 * letter "%!(NOVERB)"; leftover arguments "%!(EXTRA int=3, string=x)".
 *
 * A typed value (value.h: aux set by OP_TYPED where it became fmt's argument)
 * prints as its Go type does: a time.Duration as Duration.String ("1.5s")
 * for %v and %s, a time.Time as Time.String on the virtual clock
 * ("2009-11-10 23:00:00.00002 +0000 UTC m=+0.000020001"), and %T names the
 * static type, qualified as Go does ("main.Celsius", "<-chan int").  A
 * channel prints as a made-up address, like a pointer.
 *
 * %v of a pointer to a struct prints "&{...}" as Go does; the zero values of
 * sync.Mutex and sync.WaitGroup print as their Go 1.19 fields would.  Other
 * pointers and functions print a stable made-up address (0xc000010000 plus 8
 * per slot): the simulation must not print host addresses.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "duration.h"
#include "format_data.h"
#include "machine_internal.h"

typedef struct Out { char **buf; uint32_t *len, *cap; } Out;

static void put(Out o, const char *s, size_t n) { buf_append(o.buf, o.len, o.cap, s, n); }
static void puts_(Out o, const char *s) { put(o, s, strlen(s)); }

static void put_int(Out o, int64_t i)
{
    char tmp[32];
    int n = snprintf(tmp, sizeof tmp, "%" PRId64, i);
    put(o, tmp, (size_t)n);
}

static int64_t fake_addr(int64_t slot) { return 0xc000010000LL + slot * 8; }

static int64_t object_at(const Machine *m, int64_t addr);
static void value_v(const Machine *m, Value v, Out o, int depth);

/* The name of a typed value's type (value.h), NULL for an untyped one. */
static const char *typed_name(const Machine *m, Value v)
{
    uint32_t t = value_typed(v);   /* (a V_INT keeps its NumKind beside it: value.h) */
    if (!t || (int)t > m->prog->ntypes) return NULL;
    return m->prog->types[t - 1].name;
}

static bool is_typed(const Machine *m, Value v, const char *name)
{
    const char *t = typed_name(m, v);
    return t && !strcmp(t, name);
}

static bool ident_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/* Go's %T spelling of a type the checker printed: names declared in package
 * main get "main." ("chan request" -> "chan main.request"). */
static void qualify(const char *t, char *out, size_t n)
{
    static const char *const plain[] = {
        "int", "bool", "string", "chan", "func", "struct", "map", "interface", "error", "any",
        "byte", "rune", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32",
        "uint64", "uintptr", "float32", "float64", "complex64", "complex128",
    };
    size_t k = 0;
    for (size_t i = 0; t[i] && k + 1 < n;) {
        if (!ident_char(t[i]) || (t[i] >= '0' && t[i] <= '9')) { out[k++] = t[i++]; continue; }
        size_t j = i;
        while (ident_char(t[j])) j++;
        bool qualified = (i > 0 && t[i - 1] == '.') || t[j] == '.';
        for (size_t p = 0; p < sizeof plain / sizeof plain[0] && !qualified; p++)
            qualified = strlen(plain[p]) == j - i && !strncmp(plain[p], t + i, j - i);
        int w = snprintf(out + k, n - k, "%s%.*s", qualified ? "" : "main.", (int)(j - i), t + i);
        k = w < 0 || (size_t)w >= n - k ? n - 1 : k + (size_t)w;
        i = j;
    }
    out[k] = '\0';
}

/* Time.String: "2006-01-02 15:04:05.999999999 -0700 MST m=+0.000000000". */
static void time_string(int64_t unix_ns, char *buf, size_t n)
{
    int64_t secs = unix_ns / 1000000000, frac = unix_ns % 1000000000;
    if (frac < 0) { frac += 1000000000; secs--; }
    int64_t days = secs / 86400, rem = secs % 86400;
    if (rem < 0) { rem += 86400; days--; }
    /* civil_from_days (H. Hinnant) */
    int64_t z = days + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097, yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t y = yoe + era * 400, doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
    int64_t d = doy - (153 * mp + 2) / 5 + 1, mo = mp < 10 ? mp + 3 : mp - 9;
    if (mo <= 2) y++;
    char fr[16] = "";
    if (frac) {
        snprintf(fr, sizeof fr, ".%09lld", (long long)frac);
        for (size_t e = strlen(fr); e > 1 && fr[e - 1] == '0'; e--) fr[e - 1] = '\0';
    }
    int64_t mono = unix_ns - MACHINE_EPOCH_UNIX_NS;
    uint64_t am = mono < 0 ? 0 - (uint64_t)mono : (uint64_t)mono;
    snprintf(buf, n, "%04lld-%02lld-%02lld %02lld:%02lld:%02lld%s +0000 UTC m=%c%llu.%09llu",
             (long long)y, (long long)mo, (long long)d, (long long)(rem / 3600),
             (long long)(rem / 60 % 60), (long long)(rem % 60), fr, mono < 0 ? '-' : '+',
             (unsigned long long)(am / 1000000000), (unsigned long long)(am % 1000000000));
}

/* A typed value that prints as text of its own (Duration, Time): into buf. */
static bool typed_text(const Machine *m, Value v, char *buf, size_t n)
{
    if (v.kind != V_INT) return false;
    if (is_typed(m, v, "time.Duration")) { duration_format(v.i, buf, n); return true; }
    if (is_typed(m, v, "time.Time")) { time_string(v.i, buf, n); return true; }
    return false;
}

/* Go's name for v's type ("int", "*main.value"), into tmp when built. */
static const char *type_name(const Machine *m, Value v, char *tmp, size_t n)
{
    if (v.aux == VALUE_AUX_FMT) return "string";
    if (value_is_iface(v) && (int)v.aux - 1 < m->prog->ntypes && m->prog->types[v.aux - 1].goname)
        return m->prog->types[v.aux - 1].goname;
    const char *typed = typed_name(m, v);    /* OP_TYPED's (value.h) */
    if (typed) {
        qualify(typed, tmp, n);
        return tmp;
    }
    switch ((ValueKind)v.kind) {
    case V_NIL: return "<nil>";
    case V_INT: return format_data_int_type(v);
    case V_BOOL: return "bool";
    case V_STR: return "string";
    case V_PTR: {
        int64_t k = object_at(m, v.i);
        if (k < 0 || m->blocks[k].type < 0) return "*int";
        const char *t = m->prog->types[m->blocks[k].type].name;
        bool builtin = strchr(t, '.') || !strcmp(t, "int") || !strcmp(t, "bool") || !strcmp(t, "string");
        snprintf(tmp, n, "*%s%s", builtin ? "" : "main.", t);
        return tmp;
    }
    case V_FUNC: case V_CLOSURE: return "func()";
    case V_SYNC: return v.aux == SYNC_MUTEX ? "sync.Mutex" : "sync.WaitGroup";
    case V_BOX: return "?";             /* an interface: named above */
    case V_CHAN: return "chan";
    case V_FLOAT: return v.aux == NK_FLOAT32 ? "float32" : "float64";
    case V_SLICE: case V_ARRAY: case V_MAP: break;   /* element types are not in the Value */
    }
    return "?";
}

/* The block starting exactly at addr (the last one, past zero-size
 * blocks there), -1 if none. */
static int64_t object_at(const Machine *m, int64_t addr)
{
    int64_t lo = 0, hi = m->nblocks - 1, found = -1;
    while (lo <= hi) {
        int64_t mid = lo + (hi - lo) / 2;
        if (m->blocks[mid].base <= addr) { found = mid; lo = mid + 1; }
        else hi = mid - 1;
    }
    return found >= 0 && m->blocks[found].base == addr ? found : -1;
}

static void struct_v(const Machine *m, const Block *obj, Out o, int depth)
{
    puts_(o, "&{");
    for (int k = 0; k < obj->nslots; k++) {
        if (k) puts_(o, " ");
        value_v(m, m->mem[obj->base + k], o, depth + 1);
    }
    puts_(o, "}");
}

/* ---- typed values: what an interface value's dynamic type says */

static void typed_v(const Machine *m, Value v, int t, Out o, int depth, bool plus);
static void quote_byte(Out o, unsigned char c, char q);

/* A struct at mem[base] of layout t: {1 2}, with %+v {X:1 Y:2}. */
static void struct_fields(const Machine *m, int64_t base, int t, Out o, int depth, bool plus)
{
    const TypeLayout *tl = &m->prog->types[t];
    puts_(o, "{");
    for (int i = 0; i < tl->nfields; i++) {
        if (i) puts_(o, " ");
        if (plus) { puts_(o, tl->field_name[i]); puts_(o, ":"); }
        int ft = tl->field_type[i];
        int64_t at = base + tl->field_off[i];
        if (at < 0 || at >= m->nmem) { puts_(o, "?"); continue; }
        const Value *sv = fmt_cached(m, at, ft);
        if (sv) { typed_v(m, *sv, -1, o, depth + 1, plus); continue; }
        if (m->prog->types[ft].kind == RT_STRUCT)
            typed_v(m, value_make(V_PTR, 0, at), ft, o, depth + 1, plus);
        else
            typed_v(m, m->mem[at], ft, o, depth + 1, plus);
    }
    puts_(o, "}");
}

/* %#v, Go syntax (fmt's fmtSharpV): main.T{A:1, B:"x"}, &main.T{...} for a
 * pointer at the top; strings quoted; other field kinds print as %v does. */
static void sharp_v(const Machine *m, Value v, int t, Out o, int depth)
{
    if (value_is_iface(v) && (int)v.aux - 1 < m->prog->ntypes) {
        t = (int)v.aux - 1;
        v = vm_unbox(m, v);
    }
    const TypeLayout *tl = t >= 0 && t < m->prog->ntypes ? &m->prog->types[t] : NULL;
    if (v.kind == V_STR && v.aux != VALUE_AUX_FMT) {
        uint32_t n;
        const char *s = machine_string(m, v, &n);
        puts_(o, "\"");
        for (uint32_t k = 0; k < n; k++) quote_byte(o, (unsigned char)s[k], '"');
        puts_(o, "\"");
        return;
    }
    if (tl && tl->kind == RT_PTR && depth == 0 && v.kind == V_PTR && tl->elem >= 0 &&
        m->prog->types[tl->elem].kind == RT_STRUCT) {
        puts_(o, "&");
        sharp_v(m, v, tl->elem, o, depth);
        return;
    }
    if (tl && tl->goname && (tl->kind == RT_PTR || (tl->kind == RT_IFACE && v.kind == V_NIL))) {
        char a[32] = "nil";                      /* (*main.T)(nil), interface {}(nil) */
        if (v.kind == V_PTR) snprintf(a, sizeof a, "0x%" PRIx64, (uint64_t)fake_addr(v.i));
        if (tl->kind == RT_PTR) puts_(o, "(");
        puts_(o, tl->goname);
        puts_(o, tl->kind == RT_PTR ? ")(" : "(");
        puts_(o, a);
        puts_(o, ")");
        return;
    }
    if (!tl || tl->kind != RT_STRUCT || v.kind != V_PTR || v.i < 0 || v.i >= m->nmem) {
        typed_v(m, v, t, o, depth, false);
        return;
    }
    puts_(o, tl->goname ? tl->goname : "struct");
    puts_(o, "{");
    for (int i = 0; i < tl->nfields; i++) {
        if (i) puts_(o, ", ");
        puts_(o, tl->field_name[i]);
        puts_(o, ":");
        int ft = tl->field_type[i];
        int64_t at = v.i + tl->field_off[i];
        if (at < 0 || at >= m->nmem) { puts_(o, "?"); continue; }
        if (m->prog->types[ft].kind == RT_STRUCT) sharp_v(m, value_make(V_PTR, 0, at), ft, o, depth + 1);
        else sharp_v(m, m->mem[at], ft, o, depth + 1);
    }
    puts_(o, "}");
}

static void typed_v(const Machine *m, Value v, int t, Out o, int depth, bool plus)
{
    if (v.aux == VALUE_AUX_FMT) {
        uint32_t n;
        const char *s = machine_string(m, v, &n);
        put(o, s, n);
        return;
    }
    if (value_is_iface(v) && (int)v.aux - 1 < m->prog->ntypes) {
        t = (int)v.aux - 1;
        v = vm_unbox(m, v);            /* the value as its kind has it */
    } else if (t >= 0 && m->prog->types[t].kind == RT_IFACE) {
        t = -1;                        /* a nil interface */
    }
    if (t < 0 || t >= m->prog->ntypes) { value_v(m, v, o, depth); return; }
    const TypeLayout *tl = &m->prog->types[t];
    char tmp[64];
    switch (tl->kind) {
    case RT_STRUCT:
        if (v.kind == V_PTR && v.i >= 0 && v.i < m->nmem) struct_fields(m, v.i, t, o, depth, plus);
        else puts_(o, "{}");
        return;
    case RT_PTR:
        if (v.kind != V_PTR) { puts_(o, "<nil>"); return; }
        if (depth == 0 && tl->elem >= 0 && m->prog->types[tl->elem].kind == RT_STRUCT) {
            puts_(o, "&");
            struct_fields(m, v.i, tl->elem, o, depth, plus);
            return;
        }
        if (tl->elem < 0 && v.i >= 0 && v.i < m->nmem) {   /* *errors.errorString: its Error() */
            value_v(m, m->mem[v.i], o, depth + 1);
            return;
        }
        snprintf(tmp, sizeof tmp, "0x%" PRIx64, (uint64_t)fake_addr(v.i));
        puts_(o, tmp);
        return;
    case RT_FUNC:
        if (v.kind == V_NIL) { puts_(o, "<nil>"); return; }
        break;
    case RT_INT:
        if (tl->goname && !strcmp(tl->goname, "time.Duration")) {   /* its String method */
            char d[64];
            duration_format(v.i, d, sizeof d);
            puts_(o, d);
            return;
        }
        if (tl->goname && !strcmp(tl->goname, "time.Time")) {
            char d[96];
            time_string(v.i, d, sizeof d);
            puts_(o, d);
            return;
        }
        break;
    case RT_SLICE: case RT_ARRAY:
        /* structs as elements: their fields by the layout, so a one-field
         * struct keeps its braces and nested structs their own */
        if ((v.kind == V_SLICE || v.kind == V_ARRAY) && tl->elem >= 0 &&
            m->prog->types[tl->elem].kind == RT_STRUCT) {
            int64_t n = slice_len(v), base = slice_base(v);
            int esz = slice_esz(v);
            puts_(o, "[");
            for (int64_t k = 0; k < n && base >= 0 && base + (k + 1) * esz <= m->nmem; k++) {
                if (k) puts_(o, " ");
                struct_fields(m, base + k * esz, tl->elem, o, depth + 1, plus);
            }
            puts_(o, "]");
            return;
        }
        break;
    default:
        break;
    }
    value_v(m, v, o, depth);
}

static void data_elem(const Machine *m, Value v, char **buf, uint32_t *len, uint32_t *cap, int depth)
{
    Out o = {buf, len, cap};
    value_v(m, v, o, depth);
}

static void value_v(const Machine *m, Value v, Out o, int depth)
{
    char tmp[96];
    if (value_is_iface(v)) { typed_v(m, v, -1, o, depth, false); return; }
    if (typed_text(m, v, tmp, sizeof tmp)) {   /* OP_TYPED's Duration, Time */
        puts_(o, tmp);
        return;
    }
    if (format_data_v(m, v, o.buf, o.len, o.cap, depth, data_elem)) return;   /* sim/lib/format_data.c */
    switch ((ValueKind)v.kind) {
    case V_NIL: puts_(o, "<nil>"); return;
    case V_INT: put_int(o, v.i); return;
    case V_BOOL: puts_(o, v.i ? "true" : "false"); return;
    case V_STR: {
        uint32_t n;
        const char *s = machine_string(m, v, &n);
        put(o, s, n);
        return;
    }
    case V_SYNC:
        puts_(o, v.aux == SYNC_MUTEX ? "{0 0}" : "{{} 0 0}");
        return;
    case V_PTR: {
        int64_t k = depth == 0 ? object_at(m, v.i) : -1;
        if (k >= 0 && m->blocks[k].type >= 0) {
            const TypeLayout *t = &m->prog->types[m->blocks[k].type];
            if (t->nslots > 1 || (t->slot_name && t->slot_name[0] && t->slot_name[0][0])) {
                struct_v(m, &m->blocks[k], o, depth);
                return;
            }
        }
        if (depth == 0 && v.i >= 0 && v.i < m->nmem) {   /* &xs prints &[1 2 3], as Go's */
            Value d = m->mem[v.i];
            if (d.kind == V_SLICE || d.kind == V_ARRAY || d.kind == V_MAP) {
                puts_(o, "&");
                value_v(m, d, o, depth + 1);
                return;
            }
        }
        snprintf(tmp, sizeof tmp, "0x%" PRIx64, (uint64_t)fake_addr(v.i));
        puts_(o, tmp);
        return;
    }
    case V_FUNC: case V_CLOSURE:
        snprintf(tmp, sizeof tmp, "0x%" PRIx64, (uint64_t)(0x47b000 + v.i * 32));
        puts_(o, tmp);
        return;
    case V_BOX:                         /* an interface without a type: its value */
        value_v(m, vm_unbox(m, v), o, depth);
        return;
    case V_CHAN:
        snprintf(tmp, sizeof tmp, "0x%" PRIx64, (uint64_t)(0xc000020000LL + v.i * 0x60));
        puts_(o, tmp);
        return;
    case V_SLICE: case V_ARRAY: case V_MAP: case V_FLOAT: break;   /* format_data_v's */
    }
    puts_(o, "?");
}

void format_value(const Machine *m, Value v, char **buf, uint32_t *len, uint32_t *cap)
{
    Out o = {buf, len, cap};
    value_v(m, v, o, 0);
}

/* Pad `s` (n bytes) to `width` as the flags say. */
static void padded(Out o, const char *s, size_t n, int width, bool minus, bool zero)
{
    size_t pad = width > 0 && (size_t)width > n ? (size_t)width - n : 0;
    if (minus) {
        put(o, s, n);
        for (size_t i = 0; i < pad; i++) puts_(o, " ");
        return;
    }
    if (zero && n && (s[0] == '-' || s[0] == '+')) {    /* the sign goes before the zeros */
        put(o, s, 1);
        s++, n--;
    }
    for (size_t i = 0; i < pad; i++) puts_(o, zero ? "0" : " ");
    put(o, s, n);
}

/* "%!d(string=hi)": a verb that does not fit its argument. */
/* The value goes through %v with the verb's flags still set, as Go's
 * badVerb does: "%!f(int=    0)" for %5.1f. */
static void bad_verb(const Machine *m, Out o, char verb, Value v, int width, bool minus, bool zero)
{
    char tmp[8], tn[80];
    snprintf(tmp, sizeof tmp, "%%!%c(", verb);
    puts_(o, tmp);
    if (v.kind == V_NIL && (!v.aux || v.aux == VALUE_AUX_FMT)) {
        puts_(o, "<nil>");
    } else {
        puts_(o, type_name(m, v, tn, sizeof tn));
        puts_(o, "=");
        char *s = NULL;
        uint32_t len = 0, cap = 0;
        Out so = {&s, &len, &cap};
        value_v(m, v, so, 0);
        padded(o, s ? s : "", len, width, minus, zero && v.kind == V_INT);
        free(s);
    }
    puts_(o, ")");
}

static void format_one(const Machine *m, Out o, char verb, Value v, int width, bool minus, bool zero,
                       bool plus, int prec, bool sharp, bool space);

/* A struct (or a pointer to one, at the top) under a verb other than %v:
 * Go applies the verb to each field, "{%!s(int=1) x}".  False if v is no
 * struct. */
static bool struct_verb(const Machine *m, Out o, char verb, Value v, bool plus, bool sharp, bool space);

/* %d of []T, T a struct: [{3} {4}], each element by struct_verb. */
static bool slice_of_structs_verb(const Machine *m, Out o, char verb, Value v, bool plus, bool sharp, bool space)
{
    if (!value_is_iface(v) || v.kind != V_BOX || (int)v.aux - 1 >= m->prog->ntypes) return false;
    const TypeLayout *tl = &m->prog->types[v.aux - 1];
    if ((tl->kind != RT_SLICE && tl->kind != RT_ARRAY) || tl->elem < 0 || m->prog->types[tl->elem].kind != RT_STRUCT)
        return false;
    Value s = vm_unbox(m, v);
    if (s.kind != V_SLICE && s.kind != V_ARRAY) return false;
    int64_t n = slice_len(s), base = slice_base(s);
    int esz = slice_esz(s);
    puts_(o, "[");
    for (int64_t k = 0; k < n && base >= 0 && base + (k + 1) * esz <= m->nmem; k++) {
        if (k) puts_(o, " ");
        struct_verb(m, o, verb, value_make(V_PTR, (uint32_t)tl->elem + 1, base + k * esz), plus, sharp, space);
    }
    puts_(o, "]");
    return true;
}

static bool struct_verb(const Machine *m, Out o, char verb, Value v, bool plus, bool sharp, bool space)
{
    if (!value_is_iface(v) || v.kind != V_PTR || (int)v.aux - 1 >= m->prog->ntypes) return false;
    int t = (int)v.aux - 1;
    const TypeLayout *tl = &m->prog->types[t];
    if (tl->kind == RT_PTR && tl->elem >= 0 && m->prog->types[tl->elem].kind == RT_STRUCT) {
        puts_(o, "&");
        t = tl->elem;
        tl = &m->prog->types[t];
    } else if (tl->kind != RT_STRUCT) {
        return false;
    }
    if (v.i < 0 || v.i >= m->nmem) return false;
    puts_(o, "{");
    for (int i = 0; i < tl->nfields; i++) {
        if (i) puts_(o, " ");
        if (plus) { puts_(o, tl->field_name[i]); puts_(o, ":"); }
        int ft = tl->field_type[i];
        int64_t at = v.i + tl->field_off[i];
        const Value *sv = strchr("vsxXq", verb) ? fmt_cached(m, at, ft) : NULL;
        if (sv) { format_one(m, o, verb, *sv, 0, false, false, plus, -1, sharp, space); continue; }
        Value f = m->prog->types[ft].kind == RT_STRUCT ? value_make(V_PTR, 0, at) : m->mem[at];
        if (!f.aux && value_aux_free(f.kind) && m->prog->types[ft].kind != RT_IFACE) f.aux = (uint32_t)ft + 1;
        if (value_is_iface(f) && m->prog->types[f.aux - 1].kind == RT_PTR && m->prog->types[ft].kind != RT_IFACE) {
            /* a pointer field is an address at depth > 0 */
            typed_v(m, f, -1, o, 1, plus);
            continue;
        }
        format_one(m, o, verb, f, 0, false, false, plus, -1, sharp, space);
    }
    puts_(o, "}");
    return true;
}

/* UTF-8 of rune r (U+FFFD for an invalid one), into b (4 bytes); returns its length. */
static int utf8(int64_t r, char *b)
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

/* strconv.Quote's escapes for byte c (q is the quote in use); printable
 * bytes, UTF-8 included, pass through. */
static void quote_byte(Out o, unsigned char c, char q)
{
    static const char esc[] = {'\a', 'a', '\b', 'b', '\f', 'f', '\n', 'n', '\r', 'r', '\t', 't', '\v', 'v'};
    if (c == (unsigned char)q || c == '\\') { char e[2] = {'\\', (char)c}; put(o, e, 2); return; }
    for (size_t k = 0; k < sizeof esc; k += 2)
        if (c == (unsigned char)esc[k]) { char e[2] = {'\\', esc[k + 1]}; put(o, e, 2); return; }
    if (c < 0x20 || c == 0x7f) { char e[8]; snprintf(e, sizeof e, "\\x%02x", c); puts_(o, e); return; }
    put(o, (const char *)&c, 1);
}

static void data_verb_elem(const Machine *m, Value v, char verb, int width, bool minus,
                           char **buf, uint32_t *len, uint32_t *cap)
{
    Out o = {buf, len, cap};
    format_one(m, o, verb, v, width, minus, false, false, -1, false, false);
}

static void format_one(const Machine *m, Out o, char verb, Value v, int width, bool minus, bool zero,
                       bool plus, int prec, bool sharp, bool space)
{
    char tmp[96];
    int n = -1;
    if (v.aux == VALUE_AUX_FMT) v.aux = 0;    /* the text a String()/Error() method gave */
    if (verb == 'w') verb = 'v';             /* Errorf's %w: the error's text */
    if (verb != 'v' && verb != 'T' && verb != 'p' && struct_verb(m, o, verb, v, plus, sharp, space)) return;
    if (verb != 'v' && verb != 'T' && verb != 'p' && slice_of_structs_verb(m, o, verb, v, plus, sharp, space)) return;
    if ((verb == 'v' || verb == 's') && typed_text(m, v, tmp, sizeof tmp)) {   /* OP_TYPED's */
        padded(o, tmp, strlen(tmp), width, minus, false);
        return;
    }
    Value orig = v;                          /* %v, %T and complaints see its type */
    if (v.kind == V_BOX && verb != 'T') v = vm_unbox(m, v);   /* a slice's own printer (%v too) */
    if (space && (verb == 'x' || verb == 'X') && (v.kind == V_SLICE || v.kind == V_ARRAY)) {
        /* "% x" of a []byte: fmtSbx puts a space between the bytes */
        int64_t len = v.aux & 0xffffff, base = (int64_t)(v.i & 0xffffffff) - 1;
        bool bytes = len > 0 && base >= 0 && base + len <= m->nmem;
        for (int64_t k = 0; bytes && k < len; k++) bytes = value_numkind(m->mem[base + k]) == NK_UINT8;
        if (bytes) {
            for (int64_t k = 0; k < len; k++) {
                char b[4];
                snprintf(b, sizeof b, verb == 'x' ? "%02x" : "%02X", (unsigned)m->mem[base + k].i & 0xff);
                if (k) puts_(o, " ");
                puts_(o, b);
            }
            return;
        }
    }
    if (verb == 'q' && (v.kind == V_SLICE || (v.kind == V_NIL && orig.kind == V_BOX))) {
        /* fmtBytes: %q of a []byte quotes it (an empty one too, known by its type) */
        int64_t len = slice_len(v), base = slice_base(v);
        bool typed = orig.kind == V_BOX && (int)orig.aux - 1 < m->prog->ntypes &&
                     !strcmp(m->prog->types[orig.aux - 1].goname, "[]uint8");
        bool bytes = (typed || len > 0) && (len == 0 || (base >= 0 && base + len <= m->nmem));
        for (int64_t k = 0; bytes && !typed && k < len; k++) bytes = value_numkind(m->mem[base + k]) == NK_UINT8;
        if (bytes) {
            char *q = NULL;
            uint32_t ql = 0, qc = 0;
            Out qo = {&q, &ql, &qc};
            puts_(qo, "\"");
            for (int64_t k = 0; k < len; k++) quote_byte(qo, (unsigned char)m->mem[base + k].i, '"');
            puts_(qo, "\"");
            padded(o, q, ql, width, minus, false);
            free(q);
            return;
        }
    }
    if (format_data_verb(m, v, verb, width, minus, o.buf, o.len, o.cap, data_verb_elem)) return;   /* %d of []int ... */
    switch (verb) {
    case 'v':
        if (orig.kind == V_INT && !value_typed(orig) && !value_unsigned64(orig)) {
            n = snprintf(tmp, sizeof tmp, "%" PRId64, v.i);
            break;
        }
        {
            char *s = NULL;
            uint32_t len = 0, cap = 0;
            Out so = {&s, &len, &cap};
            if (sharp) sharp_v(m, orig, -1, so, 0);
            else typed_v(m, orig, -1, so, 0, plus);
            padded(o, s, len, width, minus, false);
            free(s);
        }
        return;
    case 'd': case 'x': case 'X': case 'o': case 'b': case 'c':
        if ((verb == 'x' || verb == 'X') && v.kind == V_STR) {   /* hex of the bytes */
            uint32_t len;
            const char *s = machine_string(m, v, &len);
            char *h = NULL;
            uint32_t hl = 0, hc = 0;
            Out ho = {&h, &hl, &hc};
            for (uint32_t i = 0; i < len; i++) {
                char e[4];
                if (space && i) puts_(ho, " ");
                snprintf(e, sizeof e, verb == 'x' ? "%02x" : "%02X", (unsigned char)s[i]);
                puts_(ho, e);
            }
            padded(o, h ? h : "", hl, width, minus, false);
            free(h);
            return;
        }
        if (v.kind != V_INT) break;
        if (plus && verb == 'd' && v.i >= 0) { n = snprintf(tmp, sizeof tmp, "+%" PRId64, v.i); break; }
        if (verb == 'd') n = snprintf(tmp, sizeof tmp, "%" PRId64, v.i);
        else if (verb == 'c') { n = utf8(v.i, tmp); tmp[n] = 0; }
        else {
            uint64_t u = v.i < 0 ? 0 - (uint64_t)v.i : (uint64_t)v.i;
            int neg = v.i < 0;
            if (verb == 'b') {
                char bits[66];
                int k = 65;
                bits[k] = '\0';
                do { bits[--k] = (char)('0' + (u & 1)); u >>= 1; } while (u);
                n = snprintf(tmp, sizeof tmp, "%s%s", neg ? "-" : "", &bits[k]);
            } else {
                n = snprintf(tmp, sizeof tmp, verb == 'x' ? "%s%s%" PRIx64 : verb == 'X' ? "%s%s%" PRIX64 : "%s%s%" PRIo64,
                             neg ? "-" : "", !sharp ? "" : verb == 'x' ? "0x" : verb == 'X' ? "0X" : "0", u);
            }
        }
        break;
    case 'U':
        if (v.kind != V_INT) break;
        n = snprintf(tmp, sizeof tmp, "U+%04" PRIX64, (uint64_t)v.i);
        break;
    case 's': case 'q':
        if (verb == 'q' && v.kind == V_INT) {      /* a quoted rune: 'x' */
            char *q = NULL;
            uint32_t ql = 0, qc = 0;
            Out qo = {&q, &ql, &qc};
            char b[4];
            int k = utf8(v.i, b);
            puts_(qo, "'");
            if (k == 1) quote_byte(qo, (unsigned char)b[0], '\'');
            else put(qo, b, (size_t)k);
            puts_(qo, "'");
            padded(o, q, ql, width, minus, false);
            free(q);
            return;
        }
        if (v.kind != V_STR) break;
        {
            uint32_t len;
            const char *s = machine_string(m, v, &len);
            if (prec >= 0) {                          /* precision counts runes */
                uint32_t i = 0;
                for (int r = 0; i < len && r < prec; r++) {
                    i++;
                    while (i < len && ((unsigned char)s[i] & 0xC0) == 0x80) i++;
                }
                len = i;
            }
            if (verb == 's') { padded(o, s, len, width, minus, false); return; }
            char *q = NULL;
            uint32_t ql = 0, qc = 0;
            Out qo = {&q, &ql, &qc};
            puts_(qo, "\"");
            for (uint32_t i = 0; i < len; i++) quote_byte(qo, (unsigned char)s[i], '"');
            puts_(qo, "\"");
            padded(o, q, ql, width, minus, false);
            free(q);
            return;
        }
    case 't':
        if (v.kind != V_BOOL) break;
        n = snprintf(tmp, sizeof tmp, "%s", v.i ? "true" : "false");
        break;
    case 'T':
        {
            char tn[80];
            n = snprintf(tmp, sizeof tmp, "%s", type_name(m, v, tn, sizeof tn));
        }
        break;
    case 'p':
        if (v.kind == V_CHAN) {
            n = snprintf(tmp, sizeof tmp, "0x%" PRIx64, (uint64_t)(0xc000020000LL + v.i * 0x60));
            break;
        }
        if (v.kind != V_PTR && v.kind != V_FUNC && v.kind != V_CLOSURE) break;
        n = snprintf(tmp, sizeof tmp, "0x%" PRIx64, (uint64_t)fake_addr(v.i));
        break;
    default:
        break;
    }
    if (n < 0) {
        bad_verb(m, o, verb, orig, width, minus, zero);
        return;
    }
    padded(o, tmp, (size_t)n, width, minus, zero && verb != 's');
}

static void printf_to(const Machine *m, Out o, const Value *args, int n)
{
    if (n < 1) return;
    uint32_t flen;
    const char *f = machine_string(m, args[0], &flen);
    /* The format lives in strdata, which output never touches: f stays valid. */
    int next = 1;
    uint32_t i = 0;
    while (i < flen) {
        uint32_t j = i;
        while (j < flen && f[j] != '%') j++;
        if (j > i) put(o, f + i, j - i);
        if (j >= flen) break;
        i = j + 1;
        bool minus = false, zero = false, plus = false, sharp = false, space = false;
        int width = 0, prec = -1;
        while (i < flen && (f[i] == '-' || f[i] == '0' || f[i] == '+' || f[i] == ' ' || f[i] == '#')) {
            if (f[i] == '-') minus = true;
            if (f[i] == '0') zero = true;
            if (f[i] == '+') plus = true;
            if (f[i] == '#') sharp = true;
            if (f[i] == ' ') space = true;
            i++;
        }
        if (i < flen && f[i] == '*') {                /* the width from an argument */
            i++;
            if (next < n && args[next].kind == V_INT) {
                width = (int)args[next++].i;
                if (width < 0) { minus = true; width = -width; }
            } else {
                puts_(o, "%!(BADWIDTH)");
                if (next < n) next++;
            }
        }
        while (i < flen && f[i] >= '0' && f[i] <= '9') width = width * 10 + (f[i++] - '0');
        if (i < flen && f[i] == '.') {
            prec = 0;
            if (i + 1 < flen && f[i + 1] == '*') {
                i += 2;
                if (next < n && args[next].kind == V_INT) prec = (int)args[next++].i;
            } else {
                for (i++; i < flen && f[i] >= '0' && f[i] <= '9'; i++) prec = prec * 10 + (f[i] - '0');
            }
        }
        if (i >= flen) { puts_(o, "%!(NOVERB)"); break; }
        char verb = f[i++];
        if (verb == '%') { puts_(o, "%"); continue; }
        if (next >= n) {
            char tmp[24];
            snprintf(tmp, sizeof tmp, "%%!%c(MISSING)", verb);
            puts_(o, tmp);
            continue;
        }
        Value raw = args[next].kind == V_BOX ? vm_unbox(m, args[next]) : args[next];
        if (format_data_float_verb(raw, verb, width, prec, minus, zero && !minus, plus, o.buf, o.len, o.cap)) {
            next++;   /* %f %.2f %e %g of a float: sim/lib/format_data.c */
            continue;
        }
        format_one(m, o, verb, args[next++], width, minus, zero && !minus, plus, prec, sharp, space);
    }
    if (next < n) {
        puts_(o, "%!(EXTRA ");
        for (int k = next; k < n; k++) {
            if (k > next) puts_(o, ", ");
            char tn[80];
            if (args[k].kind == V_NIL) { puts_(o, "<nil>"); continue; }
            puts_(o, type_name(m, args[k], tn, sizeof tn));
            puts_(o, "=");
            value_v(m, args[k], o, 0);
        }
        puts_(o, ")");
    }
}

void format_printf(Machine *m, const Value *args, int n)
{
    Out o = {&m->stdout_buf, &m->stdout_len, &m->stdout_cap};
    printf_to(m, o, args, n);
}

void format_println(Machine *m, const Value *args, int n)
{
    format_to(m, FORMAT_PRINTLN, args, n, &m->stdout_buf, &m->stdout_len, &m->stdout_cap);
}

void format_to(const Machine *m, int style, const Value *args, int n, char **buf, uint32_t *len, uint32_t *cap)
{
    Out o = {buf, len, cap};
    if (style == FORMAT_PRINTF) { printf_to(m, o, args, n); return; }
    for (int k = 0; k < n; k++) {
        /* Print puts a space between operands when neither is a string */
        bool sp = style == FORMAT_PRINTLN ||
                  (style == FORMAT_PRINT && args[k].kind != V_STR && args[k - (k > 0)].kind != V_STR);
        if (k && sp) puts_(o, " ");
        Value v = args[k];
        if (v.aux == VALUE_AUX_FMT) v.aux = 0;
        value_v(m, v, o, 0);
    }
    if (style == FORMAT_PRINTLN) puts_(o, "\n");
}
