/* program_dir.h — read a user program's directory into the sandbox the
 * simulated machine sees (see program_dir.c and sim/lib/fsimage.h). */
#ifndef INTERLEAVE_PROGRAM_DIR_H
#define INTERLEAVE_PROGRAM_DIR_H

#include <stddef.h>
#include "fsimage.h"

/* The files of the directory holding the .go file `program` (a path).
 * NULL, with "DIR: the program's directory holds more than 16 MiB of
 * files; ..." in err, when it is too big.  Free with program_dir_free. */
FsImage *program_dir_load(const char *program, char *err, size_t errn);
void program_dir_free(FsImage *img);

#endif
