/* program_dir.c — the program's directory, read once into the machine's
 * sandbox (sim/lib/fsimage.h).
 *
 * When a front end loads a user's .go file it reads the regular files
 * directly in the file's directory into memory: that is the file system
 * the simulated program sees (os.ReadFile("data.txt")).  It is read here,
 * outside sim/, because the machine never touches the real disk; it is
 * read once, so every run, restart and clone of the same load sees the
 * same files, and nothing the program writes ever reaches the disk.
 *
 * Only the directory's own regular files, in name order: subdirectories
 * are not read (a program kept in /tmp must not load all of /tmp's caches),
 * nor names starting with '.' (.git, editor files), symlinks, devices or
 * unreadable files.  Together the files may hold FS_IMAGE_MAX_BYTES; a
 * bigger directory is refused with a message rather than run with its
 * data missing.
 */
#include "program_dir.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util.h"

#define MAX_ENTRIES 10000      /* more names than this are not a program's data */

typedef struct Walk {
    FsImage *img;
    int cap;
} Walk;

static void add(Walk *w, const char *path, unsigned char *data, size_t len)
{
    GROW(w->img->entries, w->cap, w->img->n + 1);
    FsEntry *e = &w->img->entries[w->img->n++];
    e->path = xstrdup(path);
    e->data = data;
    e->len = len;
    e->is_dir = false;
    w->img->bytes += len;
}

/* Read one file whole; NULL (skipped) when it cannot be. */
static unsigned char *read_file(const char *full, size_t size)
{
    FILE *f = fopen(full, "rb");
    if (!f) return NULL;
    unsigned char *b = xmalloc(size ? size : 1);
    size_t got = size ? fread(b, 1, size, f) : 0;
    fclose(f);
    if (got != size) { free(b); return NULL; }
    return b;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The visible names in dir, sorted; NULL when it cannot be read. */
static char **names_of(const char *dir, int *n)
{
    DIR *d = opendir(dir);
    *n = 0;
    if (!d) return NULL;
    char **names = NULL;
    int cap = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.') continue;
        GROW(names, cap, *n + 1);
        names[(*n)++] = xstrdup(de->d_name);
    }
    closedir(d);
    if (*n > 1) qsort(names, (size_t)*n, sizeof *names, by_name);
    return names;
}

/* The directory's regular files; -1 when they pass the budget. */
static int read_dir(Walk *w, const char *dir)
{
    int n;
    char **names = names_of(dir, &n);
    int rc = 0;
    for (int i = 0; i < n && rc == 0; i++) {
        size_t fl = strlen(dir) + strlen(names[i]) + 2;
        char *full = xmalloc(fl);
        snprintf(full, fl, "%s/%s", dir, names[i]);
        struct stat st;
        if (lstat(full, &st) == 0 && S_ISREG(st.st_mode)) {
            if (w->img->n >= MAX_ENTRIES || w->img->bytes + (size_t)st.st_size > FS_IMAGE_MAX_BYTES) {
                rc = -1;
            } else {
                unsigned char *b = read_file(full, (size_t)st.st_size);
                if (b) add(w, names[i], b, (size_t)st.st_size);
            }
        }
        free(full);
    }
    for (int i = 0; i < n; i++) free(names[i]);
    free(names);
    return rc;
}

FsImage *program_dir_load(const char *program, char *err, size_t errn)
{
    const char *slash = strrchr(program, '/');
    char *dir = slash ? xstrndup(program, (size_t)(slash - program)) : xstrdup(".");
    if (!dir[0]) { free(dir); dir = xstrdup("/"); }
    Walk w = {xcalloc(1, sizeof(FsImage)), 0};
    if (read_dir(&w, dir)) {
        snprintf(err, errn, "%s: the program's directory holds more than %zu MiB of files; "
                 "move the program to a directory of its own (the simulated program sees "
                 "that directory's files)", dir, FS_IMAGE_MAX_BYTES >> 20);
        program_dir_free(w.img);
        free(dir);
        return NULL;
    }
    free(dir);
    return w.img;
}

void program_dir_free(FsImage *img)
{
    if (!img) return;
    for (int i = 0; i < img->n; i++) {
        free((char *)img->entries[i].path);
        free((unsigned char *)img->entries[i].data);
    }
    free(img->entries);
    free(img);
}
