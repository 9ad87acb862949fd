/* format_data.h — fmt's printing of floats, slices, arrays and maps
 * (sim/lib/format_data.c), called from sim/lib/format.c.  Internal to sim/. */
#ifndef INTERLEAVE_FORMAT_DATA_H
#define INTERLEAVE_FORMAT_DATA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "machine.h"

/* Print one element (format.c's %v at a depth). */
typedef void (*FormatElemFn)(const Machine *m, Value v, char **buf, uint32_t *len, uint32_t *cap, int depth);

/* %v of v if it is a data value (float, slice, array, map, unsigned int):
 * appends it and returns true; false leaves v to format.c. */
bool format_data_v(const Machine *m, Value v, char **buf, uint32_t *len, uint32_t *cap, int depth,
                   FormatElemFn elem);
/* d as strconv.FormatFloat(d, verb, prec, 64) writes it (prec < 0: the
 * shortest); verb is 'g', 'e', 'E' or 'f' ('s': 'g' with float32's shortest
 * digits).  "+Inf", "-Inf", "NaN". */
void format_data_float(double d, char verb, int prec, char *out, size_t n);

/* A verb other than %T, %p (or %v with a width) applied to a slice, array
 * or map: Go applies it, width included, to each element ([6 7] for %d,
 * [1     ] for %-6v); %x, %X and %s of a []byte format its bytes.  Returns
 * false when v is not one of them. */
typedef void (*FormatVerbFn)(const Machine *m, Value v, char verb, int width, bool minus,
                             char **buf, uint32_t *len, uint32_t *cap);
bool format_data_verb(const Machine *m, Value v, char verb, int width, bool minus,
                      char **buf, uint32_t *len, uint32_t *cap, FormatVerbFn elem);
/* A float formatted by Printf's verb (v f F e E g G) with width and
 * precision (-1: none) as fmt does; false when v is not a float or the verb
 * not one of those. */
bool format_data_float_verb(Value v, char verb, int width, int prec, bool minus, bool zero, bool plus,
                            char **buf, uint32_t *len, uint32_t *cap);
/* Go's name of a V_INT's type from its kind tag: "int", "uint8", "int32". */
const char *format_data_int_type(Value v);
/* %c: the UTF-8 of rune r into out (at least 5 bytes); returns its length. */
int format_data_rune(int64_t r, char *out);

/* The builtins print (nl false) and println: Go's runtime/print.go text
 * on stderr (floats as +1.500000e+000). */
void format_data_runtime_print(Machine *m, const Value *args, int n, bool nl);
void format_data_runtime_float(double v, char *buf);   /* "+d.dddddde+ddd", 32 bytes */

#endif
