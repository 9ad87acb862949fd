/* fsimage.h — the program's directory as the simulated machine sees it.
 *
 * The sandbox: a front end reads the regular files of the program's
 * directory once, when it loads the program, into an FsImage
 * (tui/program_dir.c), and lends it to every Machine through
 * MachineConfig.fs.  The machine never touches the real disk: it reads the
 * image, and whatever the program writes, creates or removes stays in the
 * Machine's own state (copy on write, sim/lib/io_state.c), so a run changes
 * nothing on disk and two runs (or a clone) start from the same files.
 *
 * Names are relative to the program's directory ("data.txt"); an entry
 * may be a directory (is_dir) holding the entries named "dir/...", though
 * the front ends read only the directory's own files.  A name the program
 * gives is cleaned as Go's path.Clean does; an absolute name, or one whose
 * ".." leaves the directory, is "no such file or directory".  A built-in
 * scenario gets an empty directory (fs NULL).
 */
#ifndef INTERLEAVE_FSIMAGE_H
#define INTERLEAVE_FSIMAGE_H

#include <stdbool.h>
#include <stddef.h>

/* The most a program's directory may hold: the front ends refuse more
 * (the whole image lives in memory, and every clone of a machine shares it). */
#define FS_IMAGE_MAX_BYTES ((size_t)16 << 20)

typedef struct FsEntry {
    const char *path;              /* cleaned, relative, no trailing '/'       */
    const unsigned char *data;     /* the file's bytes (NULL for a directory)  */
    size_t len;
    bool is_dir;
} FsEntry;

/* Immutable once built; owned by the front end that built it. */
typedef struct FsImage {
    FsEntry *entries; int n;       /* in the order they were read              */
    size_t bytes;                  /* the files' sizes together                */
} FsImage;

#endif
