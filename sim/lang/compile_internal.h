/* compile_internal.h — what the code generator's files share.
 *
 * The code generator walks the checked tree (sim/lang/types.h) and emits bytecode
 * (sim/program.h).  Its files, in the order a reader meets them:
 *   compile.c        the pipeline, the memory layout, functions, the init proto
 *   compile_emit.c   the code buffer: instructions, constants, type layouts
 *   compile_place.c  places: where a variable or field lives, read and write
 *   compile_expr.c   expressions and calls
 *   compile_stmt.c   statements
 *   compile_conc.c   channels, select, range over a channel, go of a builtin,
 *                    and the sync / atomic / runtime / time builtins
 *   compile_fuse.c   fused instructions for int locals only one goroutine sees
 */
#ifndef INTERLEAVE_COMPILE_INTERNAL_H
#define INTERLEAVE_COMPILE_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>
#include "program.h"
#include "types.h"

/* The jumps of a for loop (or, is_select, a select: break only) still
 * waiting for their targets. */
typedef struct Loop {
    struct Loop *outer;
    const char *label; int labellen;  /* its label, NULL none      */
    bool is_switch;           /* a switch: a break target only                 */
    int *breaks; int nbreaks, breaks_cap;
    int *conts; int nconts, conts_cap;
    bool is_select;           /* a select: a break target only                 */
} Loop;

typedef struct Compiler {
    Program *p;
    Checker *ck;
    int code_cap, consts_cap, strings_cap, protos_cap, types_cap;
    FuncInfo *fn;             /* function being compiled                      */
    int nslots;               /* its frame slots so far                       */
    int line, col;            /* source position given to emitted code        */
    Loop *loop;
    FuncInfo **pending; int npending, pending_cap, pending_next;  /* literals */
    int name_hint;            /* string index of the variable an expression is
                                 assigned to (names make(chan T), &T{...}), 0 none */
    char hint_text[96];       /* ... its text                                   */
    char composite_name[96];  /* the object a composite literal fills ("c"):
                                 its fields' channels are named "c.updates"   */
    struct Thunk *thunks; int nthunks, thunks_cap;  /* go builtin(...): compile_conc.c */
    struct LibWrapper *wrappers; int nwrappers, wrappers_cap;  /* library methods as
                                 functions, emitted last: compile_rtype.c */
    Type **layout_type; int nlayout_type;   /* the Type of each layout */
    bool in_thunk;            /* compiling the deferred form a thunk wraps       */
} Compiler;

/* A "place" (Lua's expdesc) is where an assignable expression lives; code for
 * its address is emitted first, the read or write last. */
typedef enum PlaceKind { PL_BLANK, PL_LOCAL, PL_REF, PL_GLOBAL, PL_ADDR,
                        PL_MAP  /* map and key on the stack; slot: K index of the zero value */ } PlaceKind;
typedef struct Place {
    PlaceKind kind;
    int slot;     /* PL_LOCAL, PL_REF: frame slot; PL_GLOBAL: global slot      */
    int off;      /* PL_ADDR: FIELD offset still to emit, -1 none              */
} Place;

typedef enum CallKind { CALL_PLAIN, CALL_GO, CALL_DEFER } CallKind;

/* ---- sim/lang/compile.c ----------------------------------------------------------------------- */

/* A Proto for the function (its code is compiled later). */
int compile_new_proto(Compiler *C, FuncInfo *fi);

/* ---- sim/lang/compile_emit.c ------------------------------------------------------------------ */

/* Append an instruction at C->line/col; returns its pc. */
int compile_emit(Compiler *C, int op, int a, int b);
/* Point the jump at pc `at` to `target`. */
void compile_patch(Compiler *C, int at, int target);
/* The pc of the next instruction. */
int compile_here(const Compiler *C);
/* The index of a string constant (deduplicated). */
int compile_add_string(Compiler *C, const char *s, int len);
void compile_emit_const(Compiler *C, const ConstVal *cv);
/* Push the zero value of a scalar type. */
void compile_emit_zero(Compiler *C, const Type *t);
/* Flatten t's slots from *k on: zero values and field paths ("inner.x"). */
void compile_flatten(const Type *t, const char *prefix, Value *zero, const char **names, int *k);
/* The Program.types index of t (made on first use). */
int compile_layout(Compiler *C, Type *t);

/* Fill in the runtime type of t's layout (sim/lang/compile_rtype.c). */
void compile_rtype(Compiler *C, Type *t);
/* Go's (reflect's) name of t: "main.Point", "*main.Point", "struct { A int }",
 * "interface {}" — what %T prints; for other kinds to build on. */
void compile_go_name(const Type *t, char *buf, size_t n);
/* The runtime types the VM makes values of: *errors.errorString, runtime.Error. */
void compile_builtin_rtypes(Compiler *C);
/* Those the library makes values of (Program.rt_io), when the program uses
 * os, io, net or bufio. */
void compile_io_rtypes(Compiler *C);
/* The code of the library methods' functions that runtime types asked for
 * (after every other function: they only wrap an OP_LIB). */
void compile_lib_wrappers(Compiler *C);
/* ---- sim/lang/compile_fuse.c ------------------------------------------------------------------ */

/* Does op jump to its operand A (patched by compile_patch)? */
bool compile_is_jump(int op);
/* Code that jumps when cond is false; returns the jump's pc, to patch.  A
 * comparison of a private int local is one instruction (JNLTLI ...). */
int compile_jump_unless(Compiler *C, Expr *cond);
/* The back edge of a loop whose test at pc exit_jump is fused: the test
 * again, jumping to `body` while it holds, so an iteration runs one test and
 * no JMP (the test at the top then runs only on entry).  False (nothing
 * emitted) when the test is not fused. */
bool compile_loop_back(Compiler *C, int exit_jump, int body);
/* x op= y, x++, x-- on a private int local as one instruction (ADDLL,
 * ADDLI); false (nothing emitted) when x or y does not qualify. */
bool compile_fused_update(Compiler *C, int op, Expr *x, Expr *y);

/* ---- sim/lang/compile_place.c ----------------------------------------------------------------- */

/* Does the variable live in a heap cell (captured, address taken, struct)? */
bool compile_boxed(const Sym *v);
/* The slot of a local in the current frame: its own, or its capture slot. */
int compile_var_slot(Compiler *C, const Sym *v);
Place compile_var_place(Compiler *C, const Sym *v);
/* A new local: a slot, and a heap cell when it must be boxed. */
void compile_declare_local(Compiler *C, Sym *v);
/* The place of an addressable expression (emits its address code). */
Place compile_place(Compiler *C, Expr *e);
/* Emit the pending FIELD of an address place. */
void compile_place_prepare(Compiler *C, Place *pl);
void compile_place_addr(Compiler *C, Place *pl);
void compile_place_load(Compiler *C, Place *pl);
void compile_place_store(Compiler *C, Place *pl);
/* Fill a fresh struct from a composite literal (see compile_place.c). */
void compile_fill_composite(Compiler *C, Expr *lit, int addr_slot, int gslot);
Expr *compile_unparen(Expr *e);

/* ---- sim/lang/compile_expr.c ------------------------------------------------------------------ */

/* Push the value of e. */
void compile_expr(Compiler *C, Expr *e);
/* Compile a call; returns the number of results left on the stack. */
int compile_call(Compiler *C, Expr *e, CallKind how);
/* Push y and apply the binary `op` to the value below it. */
void compile_apply(Compiler *C, int op, const Type *t, Expr *y);

/* ---- sim/lang/compile_func.c, sim/lang/compile_switch.c ------------------------------ */

/* Struct values, method values, type assertions, composite literals as
 * values: emits e and returns true, or returns false for compile_expr. */
bool compile_func_expr(Compiler *C, Expr *e);
/* Push e as a value the receiver owns: a struct is copied (CLONE). */
void compile_value_copy(Compiler *C, Expr *e);
int compile_func_print_spread(Compiler *C, Expr *e, bool printf, CallKind how);
/* x.(T) with comma-ok: pushes the value and ok; returns 2. */
int compile_assert(Compiler *C, Expr *e);
/* A call of a method (static, or dynamic through an interface). */
int compile_method_call(Compiler *C, Expr *e, CallKind how);
/* panic, recover, os.Exit, the fmt functions, errors.New, print(ln). */
int compile_func_builtin(Compiler *C, Expr *e, int bi, CallKind how);
/* Push the zero value of any type (a struct: a new zeroed one). */
void compile_zero_value(Compiler *C, Type *t);
/* Does the statement list hold a defer (outside function literals)? */
bool compile_has_defer(Stmt **body, int n);
/* Push a new slice of type `slice` holding args[0..n): a variadic call's
 * extra arguments (nil when there are none). */
void compile_variadic_args(Compiler *C, Expr **args, int n, Type *slice);
/* Box each result of a multi-value call passed to fmt (f(g())). */
void compile_box_tuple(Compiler *C, Expr *call, int n);
/* RET 0 B=1 (the deferred calls), push the named results (zeros for
 * unnamed ones), RET n. */
void compile_named_return(Compiler *C, FuncInfo *fi, bool unnamed_zero);
/* The code a frame runs when a deferred call recovered its panic. */
void compile_recover_epilogue(Compiler *C, FuncInfo *fi);
void compile_switch(Compiler *C, Stmt *s);
/* break/continue [label]: the jump to patch, into the right Loop. */
void compile_branch(Compiler *C, Stmt *s);
/* ---- sim/lang/compile_conc.c ------------------------------------------------------------------ */

/* A call of a BI_MAKE ... BI__CONC_END builtin; returns its results pushed. */
int compile_conc_builtin(Compiler *C, Expr *e, int bi, CallKind how);
/* <-x (and v, ok := <-x: two values). */
void compile_conc_receive(Compiler *C, Expr *e);
/* fmt's arguments from `from` on, each typed (OP_TYPED) when fmt must know
 * its Go type; returns how many. */
int compile_conc_print_args(Compiler *C, Expr *e, int from);
/* The name to give what r makes when it is assigned to target l: a
 * make(chan T), sync.NewCond or &T{...} (C->name_hint: a string index, its
 * text in C->hint_text), 0 otherwise. */
int compile_conc_hint(Compiler *C, Expr *l, Expr *r);
/* In a composite literal being filled into a named object: the name for a
 * field's make(chan T) ("c.updates"), 0 otherwise. */
int compile_conc_field_hint(Compiler *C, Expr *el);
/* go f(args) of a builtin f (wg.Done, close, fmt.Println ...): the new
 * goroutine runs a small proto that does f on its arguments (a "thunk",
 * emitted by compile_conc_thunks after every function). */
int compile_conc_go(Compiler *C, Expr *e);
int compile_conc_thunk(Compiler *C, Expr *e, bool go_);
bool compile_func_defer_thunk(const Expr *e);
void compile_conc_thunks(Compiler *C);
void compile_conc_send(Compiler *C, Stmt *s);
void compile_conc_range(Compiler *C, Stmt *s);
void compile_conc_select(Compiler *C, Stmt *s);

/* ---- sim/lang/compile_stmt.c ------------------------------------------------------------------ */

void compile_stmt(Compiler *C, Stmt *s);
void compile_block(Compiler *C, Stmt **body, int n);
/* lhs... = rhs... (also the values of var and := declarations). */
void compile_assign_values(Compiler *C, Stmt *s);

/* ---- sim/lang/compile_data.c, compile_range.c ----------------------------------------- */
int compile_data_const(Compiler *C, Value v);
Value compile_data_zero_value(const Type *t);
/* Push t's zero value if it is a data type (float, slice, map, array). */
bool compile_data_zero(Compiler *C, const Type *t);
/* Put array markers (sim/value.h) into the zero of layout `layout` of t. */
void compile_data_layout_arrays(Compiler *C, Type *t, int layout);
/* Mark the array slots of a value of type t whose zero starts at zero[0]. */
void compile_data_mark_arrays(Compiler *C, Type *t, Value *zero);
/* Push the zero of a global slot whose flattened zero is z (t: the
 * variable's type when it takes one slot). */
void compile_data_global_zero(Compiler *C, Value z, const Type *t);
/* Push a typed sized-integer constant with its kind tag; false if plain. */
bool compile_data_const_expr(Compiler *C, const Expr *e);
/* Wrap the top of the stack to the sized integer type t (nothing for int). */
void compile_data_wrap(Compiler *C, const Type *t);
bool compile_data_apply(Compiler *C, int op, const Type *t, Expr *y);
bool compile_data_unary(Compiler *C, Expr *e);
void compile_data_incdec(Compiler *C, const Type *t, int op);
/* An array read as a value is copied (arrays are values in Go). */
void compile_data_array_copy(Compiler *C, const Expr *e);
/* EX_COMPOSITE of a data type, EX_INDEX, EX_SLICEEXPR: false if not one. */
bool compile_data_expr(Compiler *C, Expr *e);
Place compile_data_index_place(Compiler *C, Expr *e);
/* Evaluate the operands of the index expressions among lhs[0..n) into two
 * temporaries each (slots base + 2i, base + 2i + 1); returns base, or -1
 * when no target is an index expression. */
int compile_data_index_operands(Compiler *C, Expr **lhs, int n);
/* The place of index expression e whose operands wait in slots at, at+1. */
Place compile_data_index_place_at(Compiler *C, Expr *e, int at);
int compile_data_builtin(Compiler *C, Expr *e, int bi);
bool compile_data_conversion(Compiler *C, Expr *e);
void compile_range(Compiler *C, Stmt *s);
/* v, ok := m[k]: push both; returns 2. */
int compile_data_commaok(Compiler *C, Expr *e);
/* m[k] = T{...} for a map of structs; false if s is not that. */
bool compile_data_map_struct_store(Compiler *C, Stmt *s);
/* arr = v for an array variable: copied into its storage; false if not. */
bool compile_data_array_store(Compiler *C, Stmt *s);

#endif
