/* duration.h — time.Duration formatting, as Go's Duration.String prints it. */
#ifndef INTERLEAVE_DURATION_H
#define INTERLEAVE_DURATION_H

#include <stddef.h>
#include <stdint.h>

/* "0s", "1ns", "1.5µs", "2s", "1m30s", "2h0m0.000000001s"; returns the length
 * it needs (snprintf-like).  Always writes a NUL when n > 0. */
size_t duration_format(int64_t ns, char *buf, size_t n);

#endif
