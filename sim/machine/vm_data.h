/* vm_data.h — how the VM, the formatter and the tests reach the data
 * instructions (sim/machine/vm_data.c) and maps (sim/machine/map.c).  Internal to sim/. */
#ifndef INTERLEAVE_VM_DATA_H
#define INTERLEAVE_VM_DATA_H

#include <stdbool.h>
#include <stdint.h>
#include "machine.h"

/* Execute a data opcode (opcodes.def's data block) (g->sp is current); returns 0, or -1 when the
 * opcode is not one of them.  The machine may have failed (a panic). */
int vm_data_exec(Machine *m, Goroutine *g, int core, int pc, Instr in);
/* runtime/slice.go growslice: the capacity append gives a slice of capacity
 * oldcap that needs `need` elements of gosize bytes (0: no size classes). */
int64_t vm_data_growcap(int64_t oldcap, int64_t need, int64_t gosize);
/* x wrapped to the integer NumKind: a V_INT whose aux is the kind (0 int),
 * so fmt can print uint64s, %c and %T. */
Value vm_data_wrap(int64_t x, int kind);
/* OP_CONV: v converted to NumKind kind (from: 1 a float, 2 an unsigned 64-bit). */
Value vm_data_conv(Value v, int kind, int from);
/* An array inside a struct's zero value is a marker (a V_ARRAY without
 * storage whose cap field names its element layout + 1): give every marker
 * in mem[base, base+n) zeroed elements of its own. */
void vm_data_materialize(Machine *m, int64_t base, int64_t n);
/* Replace every array in mem[base, base+n) by a copy of its own (after a
 * struct or array value was copied there). */
void vm_data_deepen(Machine *m, int64_t base, int64_t n);
/* Go's == on two scalar Values (strings by content, floats as doubles). */
bool vm_data_equal(const Machine *m, Value a, Value b);

/* sim/lib/strings_pkg.c: OP_STRFN. */
int strings_exec(Machine *m, Goroutine *g, Instr in);
/* sim/lib/rand_pkg.c: OP_RANDFN. */
int rand_exec(Machine *m, Goroutine *g, Instr in);
/* sim/lib/strbuf.c: OP_STRBUF. */
int strbuf_exec(Machine *m, Goroutine *g, Instr in);

/* ---- sim/machine/map.c ---- */
int map_exec(Machine *m, Goroutine *g, Instr in);
int64_t map_len(const Machine *m, Value map);
/* The address of a map's entry array (the block its keys and values live
 * in; the header holds it as a number), -1 for the nil map. */
int64_t map_entry_array(const Machine *m, Value map);
/* ... and of its index (the other block the header holds as a number). */
int64_t map_index_array(const Machine *m, Value map);
/* The live entries of a map in storage order: up to max entry addresses
 * into entries (key slots, then value slots), and the slots of a key (*kn)
 * and a value (*vn); returns the number of live entries. */
int64_t map_entries(const Machine *m, Value map, int64_t *entries, int64_t max, int *kn, int *vn);

#endif
