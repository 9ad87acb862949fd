/* os_file.c — package os's files: ReadFile, WriteFile, Open, Create, Remove,
 * Stat, the methods of *os.File and of os.FileInfo.
 *
 * The files are the machine's file set (io_state.c: the program's directory,
 * copy on write).  Each call is one instruction that does its work at once
 * and then blocks the goroutine in a system call for what the calls real
 * Go makes would cost (io_costs.c): os.ReadFile is open, fstat, a read of
 * the whole file, a read that sees EOF, close.  Errors are Go 1.19's, with
 * their types: *fs.PathError ("open nofile.txt: no such file or
 * directory"), os.ErrClosed behind "file already closed", io.EOF.
 *
 * os.Stdin, os.Stdout and os.Stderr are descriptors 0, 1 and 2: the
 * program's output (stdout_buf, stderr_buf), and an empty input (a read is
 * io.EOF: the simulation has no keyboard).
 *
 * A file opened with os.Open is read-only, one made by os.Create is read
 * and write; permissions are not modelled (perm is accepted and ignored:
 * every file can be read and written), nor directories beyond the ones the
 * image holds (there is no os.Mkdir).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io.h"
#include "util.h"

static const char *const std_names[3] = {"/dev/stdin", "/dev/stdout", "/dev/stderr"};

/* Go's texts for the errno values files meet (syscall/zerrors_linux_amd64.go). */
#define E_NOENT "no such file or directory"
#define E_ISDIR "is a directory"
#define E_BADF "bad file descriptor"
#define E_NOTEMPTY "directory not empty"
#define E_INVAL "invalid argument"

/* The cleaned name of a string value into path; false: no such file. */
static bool clean_name(const Machine *m, Value name, char *path, size_t n)
{
    uint32_t len = 0;
    const char *s = machine_string(m, name, &len);
    return io_path_clean(s, len, path, n);
}

static Value not_exist(Machine *m, const char *op, Value name)
{
    return io_path_error(m, op, name, io_errno(m, E_NOENT));
}

/* ---- package-level functions ------------------------------------------------------------ */

/* The file `name` names, made empty (os.Create, os.WriteFile); -1 and *err. */
static int create(IoCall *c, Value name, Value *err)
{
    Machine *m = c->m;
    char path[1024];
    if (!clean_name(m, name, path, sizeof path) || !io_parent_exists(m, path)) {
        *err = not_exist(m, "open", name);
        return -1;
    }
    int k = io_node_find(m, path);
    if (k >= 0 && m->io->nodes[k].is_dir) {
        *err = io_path_error(m, "open", name, io_errno(m, E_ISDIR));
        return -1;
    }
    if (k < 0) return io_node_create(m, path);
    IoNode *node = &m->io->nodes[k];              /* O_TRUNC: the same file, emptied */
    node->base = -1;
    node->len = 0;
    return k;
}

/* A FileInfo of node k named after the last element of `name`. */
static Value file_info(Machine *m, Value name, int k)
{
    uint32_t len = 0;
    const char *s = machine_string(m, name, &len);
    while (len > 1 && s[len - 1] == '/') len--;   /* filepath.Base */
    uint32_t from = len;
    while (from > 0 && s[from - 1] != '/') from--;
    Value base = io_new_string(m, s + from, len - from);
    const IoNode *node = &m->io->nodes[k];
    int64_t at = machine_alloc(m, 3, -1, -1);
    m->mem[at] = base;
    /* a directory's size is its block, 4096 on ext4, as Linux reports it */
    m->mem[at + 1] = value_make(V_INT, NK_INT64, node->is_dir ? 4096 : node->len);
    m->mem[at + 2] = value_bool(node->is_dir);
    return value_make(V_PTR, (uint32_t)m->prog->rt_io[IORT_FILESTAT] + 1, at);
}

static IoResult os_pkg(IoCall *c, int fn, const Value *a)
{
    Machine *m = c->m;
    char path[1024];
    switch (fn) {
    case IO_OS_READFILE: {
        c->cost += io_cost(IOC_OPEN, 0);
        int k = clean_name(m, a[0], path, sizeof path) ? io_node_find(m, path) : -1;
        if (k < 0) {
            io_push(c, value_nil());
            io_push(c, not_exist(m, "open", a[0]));
            return IO_DONE;
        }
        c->cost += io_cost(IOC_STAT, 0) + io_cost(IOC_CLOSE, 0);
        if (m->io->nodes[k].is_dir) {
            c->cost += io_cost(IOC_READ, 0);
            io_push(c, value_nil());
            io_push(c, io_path_error(m, "read", a[0], io_errno(m, E_ISDIR)));
            return IO_DONE;
        }
        int64_t len;
        const uint8_t *b = io_node_bytes(m, k, &len);
        uint8_t *copy = xmalloc((size_t)(len ? len : 1));   /* (allocating may move nothing, but be safe) */
        if (len) memcpy(copy, b, (size_t)len);
        c->cost += io_cost(IOC_READ, len) + io_cost(IOC_READ, 0);
        io_push(c, io_new_bytes(m, copy, len));
        io_push(c, value_nil());
        free(copy);
        return IO_DONE;
    }
    case IO_OS_WRITEFILE: {
        Value err = value_nil();
        c->cost += io_cost(IOC_CREATE, 0);
        int k = create(c, a[0], &err);
        if (k >= 0) {
            int64_t n;
            uint8_t *b = io_bytes_of(m, a[1], &n);
            if (n) memcpy(io_node_writable(m, k, n), b, (size_t)n);
            free(b);
            c->cost += io_cost(IOC_WRITE, n) + io_cost(IOC_CLOSE, 0);
        }
        io_push(c, err);
        return IO_DONE;
    }
    case IO_OS_OPEN: case IO_OS_CREATE: {
        Value err = value_nil();
        int k;
        if (fn == IO_OS_CREATE) {
            c->cost += io_cost(IOC_CREATE, 0);
            k = create(c, a[0], &err);
        } else {
            c->cost += io_cost(IOC_OPEN, 0);
            k = clean_name(m, a[0], path, sizeof path) ? io_node_find(m, path) : -1;
            if (k < 0) err = not_exist(m, "open", a[0]);
        }
        if (k < 0) {
            io_push(c, value_nil());
            io_push(c, err);
            return IO_DONE;
        }
        int d = io_fd_new(m, IOFD_FILE);
        IoFd *f = io_fd(m, d);
        f->node = k;
        f->name = (int)a[0].i;
        f->rd = true;
        f->wr = fn == IO_OS_CREATE;
        io_push(c, value_int(d));
        io_push(c, value_nil());
        return IO_DONE;
    }
    case IO_OS_REMOVE: {
        c->cost += io_cost(IOC_REMOVE, 0);
        int k = clean_name(m, a[0], path, sizeof path) ? io_node_find(m, path) : -1;
        Value err = value_nil();
        if (k < 0) err = not_exist(m, "remove", a[0]);
        else if (!path[0]) err = io_path_error(m, "remove", a[0], io_errno(m, E_INVAL));
        else if (m->io->nodes[k].is_dir && io_dir_has_entries(m, path))
            err = io_path_error(m, "remove", a[0], io_errno(m, E_NOTEMPTY));
        else m->io->nodes[k].removed = true;
        io_push(c, err);
        return IO_DONE;
    }
    case IO_OS_STAT: {
        c->cost += io_cost(IOC_STAT, 0);
        int k = clean_name(m, a[0], path, sizeof path) ? io_node_find(m, path) : -1;
        if (k < 0) {
            io_push(c, value_nil());
            io_push(c, not_exist(m, "stat", a[0]));
            return IO_DONE;
        }
        io_push(c, file_info(m, a[0], k));
        io_push(c, value_nil());
        return IO_DONE;
    }
    case IO_OS_ISNOTEXIST: case IO_OS_ISEXIST:
        io_push(c, value_bool(io_error_is_not_exist(m, a[0], fn == IO_OS_ISEXIST)));
        return IO_DONE;
    }
    return IO_DONE;
}

/* ---- descriptors --------------------------------------------------------------------------- */

/* The name a descriptor's errors carry. */
static Value fd_name(Machine *m, int64_t d)
{
    if (d >= 0 && d < 3) return io_new_string(m, std_names[d], strlen(std_names[d]));
    IoFd *f = io_fd(m, d);
    return value_make(V_STR, 0, f ? f->name : 0);
}

IoResult os_read_fd(IoCall *c, int64_t d, uint8_t *out, int64_t max, int64_t *got, Value *err)
{
    Machine *m = c->m;
    *got = 0;
    *err = value_nil();
    IoFd *f = io_fd(m, d);
    if (f && f->kind == IOFD_CONN) return net_read(c, d, out, max, got, err);
    c->cost += io_cost(IOC_READ, 0);
    if (d == 0) { *err = io_sentinel(m, IOS_EOF); return IO_DONE; }   /* no input */
    if (!f || f->kind != IOFD_FILE || !f->rd) {
        *err = io_path_error(m, "read", fd_name(m, d), io_errno(m, E_BADF));
        return IO_DONE;
    }
    if (f->closed) { *err = io_path_error(m, "read", fd_name(m, d), io_sentinel(m, IOS_CLOSED)); return IO_DONE; }
    if (m->io->nodes[f->node].is_dir) {
        *err = io_path_error(m, "read", fd_name(m, d), io_errno(m, E_ISDIR));
        return IO_DONE;
    }
    int64_t len;
    const uint8_t *b = io_node_bytes(m, f->node, &len);
    f = io_fd(m, d);
    if (f->off >= len) { *err = io_sentinel(m, IOS_EOF); return IO_DONE; }
    int64_t k = len - f->off < max ? len - f->off : max;
    memcpy(out, b + f->off, (size_t)k);
    f->off += k;
    *got = k;
    c->cost += io_cost(IOC_READ, k) - io_cost(IOC_READ, 0);
    return IO_DONE;
}

Value os_write_fd(IoCall *c, int64_t d, const uint8_t *b, int64_t n, int64_t *wrote)
{
    Machine *m = c->m;
    *wrote = 0;
    IoFd *f = io_fd(m, d);
    if (f && f->kind == IOFD_CONN) return net_write(c, d, b, n, wrote);
    c->cost += io_cost(IOC_WRITE, n);
    if (d == 1 || d == 2) {
        if (d == 1) {
            uint32_t from = m->stdout_len;
            buf_append(&m->stdout_buf, &m->stdout_len, &m->stdout_cap, (const char *)b, (size_t)n);
            machine_output(m, c->g->id, c->core, from);
        } else {
            buf_append(&m->stderr_buf, &m->stderr_len, &m->stderr_cap, (const char *)b, (size_t)n);
        }
        *wrote = n;
        return value_nil();
    }
    if (!f || f->kind != IOFD_FILE) return io_path_error(m, "write", fd_name(m, d), io_errno(m, E_BADF));
    if (f->closed) return io_path_error(m, "write", fd_name(m, d), io_sentinel(m, IOS_CLOSED));
    if (!f->wr) return io_path_error(m, "write", fd_name(m, d), io_errno(m, E_BADF));
    int64_t off = f->off;
    if (n) memcpy(io_node_writable(m, f->node, off + n) + off, b, (size_t)n);
    io_fd(m, d)->off = off + n;
    *wrote = n;
    return value_nil();
}

/* The receiver of a *os.File method: its descriptor, or -1 for a nil *File
 * (Go's methods then return os.ErrInvalid, "invalid argument"). */
static int64_t receiver(Value v)
{
    return v.kind == V_INT ? v.i : -1;
}

static IoResult file_method(IoCall *c, int fn, const Value *a)
{
    Machine *m = c->m;
    int64_t d = receiver(a[0]);
    IoFd *f = io_fd(m, d);
    if (d < 0 && fn != IO_F_NAME) {
        Value inval = io_plain_error(m, E_INVAL);
        if (fn == IO_F_READ || fn == IO_F_WRITE || fn == IO_F_WRITESTRING || fn == IO_F_STAT)
            io_push(c, fn == IO_F_STAT ? value_nil() : value_int(0));
        io_push(c, inval);
        return IO_DONE;
    }
    switch (fn) {
    case IO_F_READ: {
        int64_t max = slice_len(a[1]), got = 0;
        Value err = value_nil();
        if (max > 0) {                 /* Go's File.Read of an empty buffer makes no call */
            uint8_t *buf = xmalloc((size_t)max);
            os_read_fd(c, d, buf, max, &got, &err);
            io_bytes_into(m, a[1], buf, got);
            free(buf);
        }
        io_push(c, value_int(got));
        io_push(c, err);
        return IO_DONE;
    }
    case IO_F_WRITE: case IO_F_WRITESTRING: {
        int64_t n = 0, wrote = 0;
        uint8_t *b;
        if (fn == IO_F_WRITE) {
            b = io_bytes_of(m, a[1], &n);
        } else {
            uint32_t len = 0;
            const char *s = machine_string(m, a[1], &len);
            b = xmalloc(len ? len : 1);
            memcpy(b, s, len);
            n = len;
        }
        Value err = os_write_fd(c, d, b, n, &wrote);
        free(b);
        io_push(c, value_int(wrote));
        io_push(c, err);
        return IO_DONE;
    }
    case IO_F_CLOSE: {
        c->cost += io_cost(IOC_CLOSE, 0);
        Value err = value_nil();
        if (f && f->closed) err = io_path_error(m, "close", fd_name(m, d), io_sentinel(m, IOS_CLOSED));
        else if (f) f->closed = true;
        io_push(c, err);
        return IO_DONE;
    }
    case IO_F_NAME:
        if (d < 0) {
            machine_fail(m, M_PANIC, c->g->id, true, "runtime error: invalid memory address or nil pointer dereference");
            return IO_DONE;
        }
        io_push(c, fd_name(m, d));
        return IO_DONE;
    case IO_F_STAT:
        c->cost += io_cost(IOC_STAT, 0);
        if (!f || f->kind != IOFD_FILE) {
            io_push(c, value_nil());
            io_push(c, io_path_error(m, "stat", fd_name(m, d), io_errno(m, E_BADF)));
        } else if (f->closed) {
            io_push(c, value_nil());
            io_push(c, io_path_error(m, "stat", fd_name(m, d), io_sentinel(m, IOS_CLOSED)));
        } else {
            int k = f->node;
            io_push(c, file_info(m, fd_name(m, d), k));
            io_push(c, value_nil());
        }
        return IO_DONE;
    }
    return IO_DONE;
}

/* os.FileInfo's methods on a *os.fileStat [name, size, is dir]. */
static IoResult info_method(IoCall *c, int fn, const Value *a)
{
    Machine *m = c->m;
    Value p = a[0];
    if (p.kind != V_PTR || (uint64_t)p.i + 3 > (uint64_t)m->nmem) {
        machine_fail(m, M_PANIC, c->g->id, true, "runtime error: invalid memory address or nil pointer dereference");
        return IO_DONE;
    }
    io_push(c, m->mem[p.i + (fn == IO_FI_NAME ? 0 : fn == IO_FI_SIZE ? 1 : 2)]);
    return IO_DONE;
}

IoResult os_exec(IoCall *c, int fn, const Value *a, int n)
{
    (void)n;
    if (fn >= IO_FI_NAME) return info_method(c, fn, a);
    if (fn >= IO_F_READ) return file_method(c, fn, a);
    return os_pkg(c, fn, a);
}
