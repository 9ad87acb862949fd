/* io_errors.c — the error values of packages os, io and net, as Go makes them.
 *
 * Go's values, with their texts and their chains:
 *   - the sentinels io.EOF, os.ErrNotExist, net.ErrClosed ...: each an
 *     *errors.errorString made once per machine (on first use), so that
 *     err == io.EOF compares one object;
 *   - *fs.PathError{Op, Path, Err}: "open nofile.txt: no such file or
 *     directory", wrapping its Err;
 *   - *net.OpError{Op, Net, Source, Addr, Err}: "dial tcp
 *     127.0.0.1:9999: connect: connection refused", wrapping its Err;
 *   - syscall.Errno: the kernel's error, its text; its Is method says
 *     ENOENT is os.ErrNotExist (errors.Is(err, os.ErrNotExist)).
 * The first two are two slots, [text, wrapped error], the layout of
 * fmt.Errorf's *fmt.wrapError, so fmt prints their text as it prints any
 * builtin error (Error() is slot 0).  An Errno is its text, typed.
 * (Go's OpError wraps an *os.SyscallError around the Errno: "connect:
 * connection refused"; here that prefix is part of the Errno's text.)
 */
#include <stdio.h>
#include <string.h>

#include "io.h"

static const char *const sentinel_text[IOS__COUNT] = {
    [IOS_EOF] = "EOF",
    [IOS_UNEXPECTEDEOF] = "unexpected EOF",
    [IOS_NOTEXIST] = "file does not exist",
    [IOS_EXIST] = "file already exists",
    [IOS_CLOSED] = "file already closed",
    [IOS_PERMISSION] = "permission denied",
    [IOS_NETCLOSED] = "use of closed network connection",
};

Value io_new_string(Machine *m, const char *b, size_t n)
{
    return value_make(V_STR, 0, machine_add_string(m, b, n));
}

/* A two-slot error object [text, wrapped] of runtime type `type`. */
static Value error_object(Machine *m, int type, const char *text, Value wrapped)
{
    Value t = io_new_string(m, text, strlen(text));
    int64_t base = machine_alloc(m, 2, -1, -1);
    m->mem[base] = t;
    m->mem[base + 1] = wrapped;
    return value_make(V_PTR, (uint32_t)type + 1, base);
}

Value io_sentinel(Machine *m, IoSentinel s)
{
    IoState *st = io_state(m);
    if (!st->sentinel[s])
        st->sentinel[s] = error_object(m, m->prog->rt_errstring, sentinel_text[s], value_nil()).i;
    return value_make(V_PTR, (uint32_t)m->prog->rt_errstring + 1, st->sentinel[s]);
}

Value io_plain_error(Machine *m, const char *text)
{
    return error_object(m, m->prog->rt_errstring, text, value_nil());
}

Value io_errno(Machine *m, const char *text)
{
    Value v = io_new_string(m, text, strlen(text));
    v.aux = (uint32_t)m->prog->rt_io[IORT_ERRNO] + 1;
    return v;
}

void io_error_text(const Machine *m, Value e, char *buf, size_t n)
{
    Value t = e;
    if (e.kind == V_PTR && (uint64_t)e.i < (uint64_t)m->nmem) t = m->mem[e.i];
    uint32_t len = 0;
    const char *s = t.kind == V_STR ? machine_string(m, t, &len) : "";
    snprintf(buf, n, "%.*s", (int)len, s);
}

Value io_path_error(Machine *m, const char *op, Value name, Value err)
{
    char et[200], text[400];
    uint32_t nl = 0;
    const char *ns = machine_string(m, name, &nl);
    io_error_text(m, err, et, sizeof et);
    snprintf(text, sizeof text, "%s %.*s: %s", op, (int)nl, ns, et);
    return error_object(m, m->prog->rt_io[IORT_PATHERROR], text, err);
}

Value io_op_error(Machine *m, const char *op, const char *source, const char *addr, Value err)
{
    char et[200], text[400];
    io_error_text(m, err, et, sizeof et);
    if (!addr[0]) snprintf(text, sizeof text, "%s tcp: %s", op, et);
    else if (source && source[0]) snprintf(text, sizeof text, "%s tcp %s->%s: %s", op, source, addr, et);
    else snprintf(text, sizeof text, "%s tcp %s: %s", op, addr, et);
    return error_object(m, m->prog->rt_io[IORT_OPERROR], text, err);
}

static bool of_type(Value e, int rt)
{
    return rt >= 0 && value_is_iface(e) && (int)e.aux - 1 == rt;
}

bool io_error_unwrap(const Machine *m, Value e, Value *next)
{
    if (!of_type(e, m->prog->rt_io[IORT_PATHERROR]) && !of_type(e, m->prog->rt_io[IORT_OPERROR]))
        return false;
    if ((uint64_t)e.i + 1 >= (uint64_t)m->nmem) return false;
    *next = m->mem[e.i + 1];
    return true;
}

/* The Errno texts that syscall.Errno.Is maps to the sentinels. */
static bool errno_is(const Machine *m, Value e, IoSentinel s)
{
    if (!of_type(e, m->prog->rt_io[IORT_ERRNO])) return false;
    uint32_t n = 0;
    const char *t = machine_string(m, e, &n);
    const char *want = s == IOS_NOTEXIST ? "no such file or directory"
                     : s == IOS_EXIST ? "file exists"
                     : s == IOS_PERMISSION ? "permission denied" : NULL;
    return want && n == strlen(want) && !memcmp(t, want, n);
}

bool io_error_is(Machine *m, Value e, Value target)
{
    if (!m->io || !of_type(e, m->prog->rt_io[IORT_ERRNO])) return false;
    for (int s = 0; s < IOS__COUNT; s++)
        if (m->io->sentinel[s] && target.kind == V_PTR && target.i == m->io->sentinel[s]) return errno_is(m, e, s);
    return false;
}

bool io_error_is_not_exist(Machine *m, Value e, bool exist)
{
    /* os.underlyingErrorIs: one PathError (or OpError) unwrapped, then the Errno or the sentinel */
    Value inner;
    if (io_error_unwrap(m, e, &inner)) e = inner;
    IoSentinel s = exist ? IOS_EXIST : IOS_NOTEXIST;
    if (errno_is(m, e, s)) return true;
    return m->io && m->io->sentinel[s] && e.kind == V_PTR && e.i == m->io->sentinel[s] &&
           (int)e.aux - 1 == m->prog->rt_errstring;
}
