/* strbuf.c — strings.Builder and bytes.Buffer: a growing string in one slot.
 *
 * Both are TY_STRBUF: one memory slot holding the text so far as a V_STR
 * (the zero value is "", so `var b bytes.Buffer` is ready to use, as in
 * Go).  Every method is one instruction, STRBUF A B (method A, B arguments
 * above the receiver's address), which reads and rewrites that slot: a
 * buffer shared by goroutines without a lock shows its interleavings as
 * one step per call.  fmt.Fprintf(&b, ...) can append the same way (write
 * the formatted text after the slot's string).
 *
 * The methods that return (n int, err error) in Go return nothing here, so
 * they are used as statements; String, Len and the constructors return
 * values.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "machine_internal.h"
#include "util.h"
#include "vm_data.h"

#include "lib_data.h"
#include "utf8.h"

/* ---- running ------------------------------------------------------------------------ */

int strbuf_exec(Machine *m, Goroutine *g, Instr in)
{
    Value *st = g->stack;
    int sp = g->sp;
    if (in.a >= BM_NEWBUFFERSTRING) {   /* constructors: a fresh buffer holding the argument */
        Value arg = st[sp - 1];
        int64_t at = machine_alloc(m, 1, -2, -1);
        if (arg.kind == V_STR) {
            m->mem[at] = arg;
        } else {
            int64_t n = slice_len(arg);
            char *b = xmalloc((size_t)n + 1);
            for (int64_t k = 0; k < n; k++) b[k] = (char)m->mem[slice_base(arg) + k].i;
            m->mem[at] = value_make(V_STR, 0, machine_add_string(m, b, (size_t)n));
            free(b);
        }
        st[sp - 1] = value_make(V_PTR, 0, at);
        return 0;
    }
    int argc = in.b;
    Value recv = st[sp - argc - 1];
    if (recv.kind != V_PTR || recv.i < 0 || recv.i >= m->nmem) {
        machine_fail(m, M_PANIC, g->id, true, "runtime error: invalid memory address or nil pointer dereference");
        return 0;
    }
    Value cur = m->mem[recv.i];
    uint32_t len;
    machine_string(m, cur, &len);
    Value res = value_nil();
    bool has = false;
    char enc[4];
    const char *add = NULL;
    char *owned = NULL;
    size_t addn = 0;
    switch ((BufMethod)in.a) {
    case BM_WRITESTRING: {
        uint32_t n;
        const char *s = machine_string(m, st[sp - 1], &n);
        owned = xmalloc(n + 1);
        memcpy(owned, s, n);
        add = owned;
        addn = n;
        break;
    }
    case BM_WRITEBYTE: enc[0] = (char)st[sp - 1].i; add = enc; addn = 1; break;
    case BM_WRITERUNE: addn = (size_t)utf8_encode(st[sp - 1].i, enc); add = enc; break;
    case BM_WRITE: {
        Value b = st[sp - 1];
        int64_t n = slice_len(b);
        owned = xmalloc((size_t)n + 1);
        for (int64_t k = 0; k < n; k++) owned[k] = (char)m->mem[slice_base(b) + k].i;
        add = owned;
        addn = (size_t)n;
        break;
    }
    case BM_STRING: res = cur.kind == V_STR ? cur : value_make(V_STR, 0, 0); has = true; break;
    case BM_LEN: res = value_int(len); has = true; break;
    case BM_RESET: m->mem[recv.i] = value_make(V_STR, 0, 0); break;
    default: break;
    }
    if (add && addn) {
        uint32_t n;
        const char *s = machine_string(m, cur, &n);
        char *joined = xmalloc(n + addn + 1);
        memcpy(joined, s, n);
        memcpy(joined + n, add, addn);
        m->mem[recv.i] = value_make(V_STR, 0, machine_add_string(m, joined, n + addn));
        free(joined);
    }
    free(owned);
    sp -= argc + 1;
    if (has) st[sp++] = res;
    g->sp = sp;
    return 0;
}
