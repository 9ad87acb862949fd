/* io_state.c — the machine's files and sockets, as a part of the Machine value.
 *
 * The program's directory is the image its front end read (fsimage.h),
 * shared by every machine and never written.  A machine's own changes are
 * IoNodes: a file it opened, created, wrote or removed gets a node on first
 * touch, which shares the image's bytes (base) until the first write copies
 * them (copy on write).  A removed file keeps its node as a tombstone that
 * hides the image's entry, and the descriptors open on it keep reading and
 * writing its bytes, as Unix keeps an unlinked inode.  Lookups take the last
 * node of a path, then the image.
 *
 * Everything here is plain data owned by the IoState, so machine_copy's
 * deep copy (io_state_copy) gives a clone that steps exactly as the
 * original: arrays in creation order, no pointers into the image but its
 * bytes, no host state.
 */
#include <stdlib.h>
#include <string.h>

#include "io.h"
#include "util.h"

IoState *io_state(Machine *m)
{
    if (!m->io) {
        m->io = xcalloc(1, sizeof *m->io);
        /* Linux hands out ephemeral ports from 32768 (net.ipv4.ip_local_port_range),
         * at random; the simulation takes them in order from there */
        m->io->next_port = 32768;
    }
    return m->io;
}

IoFd *io_fd(Machine *m, int64_t d)
{
    if (!m->io || d < IO_FIRST_FD || d >= IO_FIRST_FD + m->io->nfds) return NULL;
    return &m->io->fds[d - IO_FIRST_FD];
}

int io_fd_new(Machine *m, IoFdKind kind)
{
    IoState *s = io_state(m);
    GROW(s->fds, s->fds_cap, s->nfds + 1);
    IoFd *f = &s->fds[s->nfds];
    memset(f, 0, sizeof *f);
    f->kind = kind;
    f->node = -1;
    return IO_FIRST_FD + s->nfds++;
}

static void free_fd(IoFd *f)
{
    free(f->backlog);
    free(f->buf);
    free(f->segs);
}

void io_state_free(IoState *s)
{
    if (!s) return;
    for (int i = 0; i < s->nnodes; i++) {
        free(s->nodes[i].path);
        free(s->nodes[i].data);
    }
    for (int i = 0; i < s->nfds; i++) free_fd(&s->fds[i]);
    free(s->nodes);
    free(s->fds);
    free(s);
}

static void *dup_mem(const void *p, size_t n)
{
    if (!p || !n) return NULL;
    void *c = xmalloc(n);
    memcpy(c, p, n);
    return c;
}

IoState *io_state_copy(IoState *reuse, const IoState *src)
{
    io_state_free(reuse);
    if (!src) return NULL;
    IoState *d = xcalloc(1, sizeof *d);
    *d = *src;
    d->nodes = dup_mem(src->nodes, (size_t)src->nnodes * sizeof *src->nodes);
    d->nodes_cap = src->nnodes;
    for (int i = 0; i < d->nnodes; i++) {
        IoNode *n = &d->nodes[i];
        n->path = xstrdup(n->path);
        n->data = dup_mem(n->data, (size_t)n->cap);
    }
    d->fds = dup_mem(src->fds, (size_t)src->nfds * sizeof *src->fds);
    d->fds_cap = src->nfds;
    for (int i = 0; i < d->nfds; i++) {
        IoFd *f = &d->fds[i];
        f->backlog = dup_mem(f->backlog, (size_t)f->backlog_cap * sizeof *f->backlog);
        f->buf = dup_mem(f->buf, (size_t)f->cap);
        f->segs = dup_mem(f->segs, (size_t)f->segs_cap * sizeof *f->segs);
    }
    return d;
}

void io_state_roots(const IoState *s, void (*addr)(void *ctx, int64_t a), void (*str)(void *ctx, int64_t i),
                    void *ctx)
{
    if (!s) return;
    for (int k = 0; k < IOS__COUNT; k++)
        if (s->sentinel[k]) addr(ctx, s->sentinel[k]);
    for (int i = 0; i < s->nfds; i++)
        if (s->fds[i].kind == IOFD_FILE) str(ctx, s->fds[i].name);
}

/* ---- names ------------------------------------------------------------------------------ */

bool io_path_clean(const char *name, size_t n, char *out, size_t outn)
{
    if (n == 0 || name[0] == '/' || outn == 0) return false;
    size_t len = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && name[j] != '/') j++;
        size_t k = j - i;
        if (k == 0 || (k == 1 && name[i] == '.')) {
            /* "a//b", "./a": nothing */
        } else if (k == 2 && name[i] == '.' && name[i + 1] == '.') {
            if (len == 0) return false;          /* above the program's directory */
            while (len > 0 && out[len - 1] != '/') len--;
            if (len > 0) len--;                  /* the '/' before it */
        } else {
            if (memchr(name + i, '\0', k)) return false;
            if (len + (len > 0) + k + 1 > outn) return false;
            if (len > 0) out[len++] = '/';
            memcpy(out + len, name + i, k);
            len += k;
        }
        i = j + 1;
    }
    out[len] = '\0';
    return true;
}

/* ---- the file set ------------------------------------------------------------------------ */

static const FsImage *image(const Machine *m)
{
    return m->cfg.fs;
}

static int image_find(const Machine *m, const char *path)
{
    const FsImage *im = image(m);
    for (int i = 0; im && i < im->n; i++)
        if (!strcmp(im->entries[i].path, path)) return i;
    return -1;
}

/* The last node of path, -1 none. */
static int node_of(const Machine *m, const char *path)
{
    if (!m->io) return -1;
    for (int i = m->io->nnodes - 1; i >= 0; i--)
        if (!strcmp(m->io->nodes[i].path, path)) return i;
    return -1;
}

static int node_new(Machine *m, const char *path)
{
    IoState *s = io_state(m);
    GROW(s->nodes, s->nodes_cap, s->nnodes + 1);
    IoNode *n = &s->nodes[s->nnodes];
    memset(n, 0, sizeof *n);
    n->path = xstrdup(path);
    n->base = -1;
    return s->nnodes++;
}

int io_node_find(Machine *m, const char *path)
{
    int k = node_of(m, path);
    if (k >= 0) return m->io->nodes[k].removed ? -1 : k;
    if (!path[0]) {                              /* the program's directory itself */
        k = node_new(m, "");
        m->io->nodes[k].is_dir = true;
        return k;
    }
    int e = image_find(m, path);
    if (e < 0) return -1;
    k = node_new(m, path);
    m->io->nodes[k].is_dir = image(m)->entries[e].is_dir;
    m->io->nodes[k].base = image(m)->entries[e].is_dir ? -1 : e;
    m->io->nodes[k].len = (int64_t)image(m)->entries[e].len;
    return k;
}

bool io_parent_exists(Machine *m, const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash) return true;
    char *dir = xstrndup(path, (size_t)(slash - path));
    int k = io_node_find(m, dir);
    free(dir);
    return k >= 0 && m->io->nodes[k].is_dir;
}

int io_node_create(Machine *m, const char *path)
{
    return node_new(m, path);
}

const uint8_t *io_node_bytes(Machine *m, int k, int64_t *len)
{
    const IoNode *n = &m->io->nodes[k];
    *len = n->len;
    if (n->base >= 0) return image(m)->entries[n->base].data;
    return n->data;
}

uint8_t *io_node_writable(Machine *m, int k, int64_t len)
{
    IoNode *n = &m->io->nodes[k];
    if (n->base >= 0) {                          /* the first write: copy the image's bytes */
        const FsEntry *e = &image(m)->entries[n->base];
        n->cap = (int64_t)e->len > len ? (int64_t)e->len : len;
        n->data = xcalloc((size_t)(n->cap ? n->cap : 1), 1);
        if (e->len) memcpy(n->data, e->data, e->len);
        n->base = -1;
    }
    if (len > n->cap) {
        int64_t c = n->cap ? n->cap : 64;
        while (c < len) c *= 2;
        n->data = xrealloc(n->data, (size_t)c);
        memset(n->data + n->cap, 0, (size_t)(c - n->cap));
        n->cap = c;
    }
    if (len > n->len) n->len = len;
    return n->data;
}

bool io_dir_has_entries(Machine *m, const char *dir)
{
    size_t dl = strlen(dir);
    const FsImage *im = image(m);
    for (int i = 0; im && i < im->n; i++) {
        const char *p = im->entries[i].path;
        if (!strncmp(p, dir, dl) && p[dl] == '/' && io_node_find(m, p) >= 0) return true;
    }
    for (int i = 0; m->io && i < m->io->nnodes; i++) {
        const char *p = m->io->nodes[i].path;
        if (!strncmp(p, dir, dl) && p[dl] == '/' && io_node_find(m, p) >= 0) return true;
    }
    return false;
}
