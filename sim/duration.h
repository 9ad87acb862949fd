/* duration.h — time.Duration formatting, as Go's Duration.String prints it. */
#ifndef INTERLEAVE_DURATION_H
#define INTERLEAVE_DURATION_H

#include <stddef.h>
#include <stdint.h>

/* "0s", "1ns", "1.5µs", "2s", "1m30s", "2h0m0.000000001s"; returns the length
 * it needs (snprintf-like).  Always writes a NUL when n > 0. */
size_t duration_format(int64_t ns, char *buf, size_t n);

/* Go's time.ParseDuration for non-negative durations: "200ns", "1.5µs",
 * "10ms", "1m30s" (units ns, us, µs, μs, ms, s, m, h).  0 ok, -1 bad text
 * or past int64 nanoseconds. */
int duration_parse(const char *s, int64_t *ns);

#endif
