/* check.h — what the type checker's files share (not for the code generator).
 *
 * The checker (public side: sim/lang/types.h) is two families of files:
 *   types.c        types: representation, identity, type expressions
 *   types_print.c  how messages name types, expressions and operands
 *   types_pkg.c    the fmt, sync and time packages: what they export
 *   types_expr.c   expressions: names, selectors, composites, assignability
 *   types_call.c   calls: functions, builtins, conversions
 *   types_op.c     operators and constant folding
 *   types_conc.c   channels, select, range over channels; sync (RWMutex, Once,
 *                  Cond), sync/atomic, runtime and time beyond Sleep
 *   scope.c        scopes, declarations, package-level names, the file
 *   scope_stmt.c   statements and function bodies
 * and, before the parser, check_unsupported.c (features outside the subset).
 */
#ifndef INTERLEAVE_CHECK_H
#define INTERLEAVE_CHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "types.h"

/* ---- sim/lang/check_unsupported.c ---------------------------------------------------------- */

/* Report the uses of features interleave never supports (goto, cgo, the
 * network, reflection, complex numbers ...), found in the tokens alone;
 * returns how many.  When there are any, the file is not parsed further. */
int check_unsupported(const char *src, size_t len, DiagList *dl);

/* How many checks may nest (scope_enter): expressions, statements and the
 * package-level declarations they resolve on the way.  The parser bounds one
 * tree's depth (MAX_DEPTH, sim/lang/parse_internal.h), but resolving a name checks
 * another declaration's tree from inside this one, so `var a0 = a1`, `var a1
 * = a2` ... would stack tree on tree without this limit.  Twice the parser's
 * limit: a single tree never reaches it. */
#define CHECK_MAX_DEPTH 2000

/* ---- sim/lang/types_expr.c ----------------------------------------------------------------- */

/* Mark e as erroneous (MODE_INVALID, the invalid type). */
void types_invalid(Checker *c, Expr *e);

/* ---- sim/lang/types_op.c ------------------------------------------------------------------- */

/* e is the constant i of kind k and type t. */
void types_set_const(Expr *e, Type *t, ConstKind k, int64_t i);
/* Give an untyped operand the type `target` if it can take it (Go's
 * matchTypes); false if it cannot.  Typed operands are left alone. */
bool types_convert_untyped(Checker *c, Expr *x, Type *target);
/* op x: + - ! ^ & (the operand is checked here). */
void types_unary(Checker *c, Expr *e);

/* ---- sim/lang/types_call.c ----------------------------------------------------------------- */

/* f(args): a function call, a builtin, or a conversion T(x). */
void types_call(Checker *c, Expr *e);

/* ---- sim/lang/types_pkg.c ------------------------------------------------------------------ */

/* e is pkg.Name: the package's Import (marked used), or NULL if e->x does not
 * name an imported package. */
const Import *types_package_of(Checker *c, const Expr *e);
/* Check pkg.Name as an expression: a builtin, a constant or a type. */
void types_package_member(Checker *c, Expr *e, const Import *im);
/* pkg.Name as a type (sync.Mutex, time.Duration); reports when `report`. */
Type *types_package_type(Checker *c, Expr *e, bool report);

/* ---- sim/lang/types_conc.c: channels, select, sync, sync/atomic, runtime, time ---------- */

/* The types of sync, time (Checker.t_rwmutex ...). */
void types_conc_init(Checker *c);
/* Package sync/time/atomic/runtime members this file models: true (and e
 * checked) if pkg.name is one. */
bool types_conc_member(Checker *c, Expr *e, const Import *im, bool as_type, Type **type);
/* x.name is a method of a library type (RWMutex, Once, Cond, Timer, Ticker,
 * Duration, Time): true when e has been checked (it may be an error). */
bool types_conc_method(Checker *c, Expr *e, Expr *x, Type *t);
/* Can `go f(...)` / `defer f(...)` take builtin f (it has a deferred form:
 * one instruction over its evaluated operands)? */
bool types_conc_deferrable(int bi);
/* A call of a BI_MAKE ... BI__CONC_END builtin. */
void types_conc_call(Checker *c, Expr *e, int bi, const char *callee);
/* <-x (e is the EX_UNARY). */
void types_conc_receive(Checker *c, Expr *e);
/* Can a value of type `from` be assigned to `to` as a channel (a
 * bidirectional channel to a directional one)? */
bool types_conc_assignable(const Type *from, const Type *to);
/* Statements: ch <- v, for ... range ch, select. */
void scope_conc_send(Checker *c, Stmt *s);
void scope_conc_range(Checker *c, Stmt *s);
void scope_conc_select(Checker *c, Stmt *s);

/* ---- sim/lang/scope.c ---------------------------------------------------------------------- */

/* Growable arrays in the arena (the old copy is simply left behind). */
void *scope_grow(Checker *c, void *arr, int n, int *cap, size_t elem);
#define PUSH(c, arr, n, cap, x) \
    ((arr) = scope_grow((c), (arr), (n), &(cap), sizeof *(arr)), (arr)[(n)++] = (x))

bool scope_is_blank(const char *name, int len);
/* One more nested check: false (reported once) past CHECK_MAX_DEPTH, when
 * the caller must give up on the node; else the caller ends with depth--. */
bool scope_enter(Checker *c, int line, int col);
void scope_open(Checker *c);
/* Close the innermost scope, reporting its unused local variables. */
void scope_close(Checker *c);
Sym *scope_new_sym(Checker *c, SymKind k, const char *name, int len, int line, int col);
/* Declare in the current scope; `_` is never entered. */
Sym *scope_declare(Checker *c, SymKind k, const char *name, int len, int line, int col);
/* Look a name up in one scope only. */
Sym *scope_lookup_in(const Scope *sc, const char *name, int len);
/* Check a right-hand side list against `n` targets; the value types go to
 * `types` (NULL entries when invalid).  A single call may supply them all. */
void scope_rhs_values(Checker *c, Stmt *s, int n, Type **types);
/* Report (and return true) if r copies a struct or sync value; a composite
 * literal initialising a new variable is fine when `composite_ok`. */
bool scope_copies_struct(Checker *c, Expr *r, bool composite_ok);
/* var and const specs, local or (global: the syms exist already) package level. */
void scope_var_spec(Checker *c, Stmt *s, bool global);
void scope_const_spec(Checker *c, Stmt *s, bool global);

/* ---- sim/lang/scope_stmt.c ----------------------------------------------------------------- */

FuncInfo *scope_new_func(Checker *c, const char *name, FuncNode *fn, Type *sig);
/* Check one statement / a block's statements in a new scope. */
void scope_check_stmt(Checker *c, Stmt *s);
void scope_check_block(Checker *c, Stmt **stmts, int n);
/* Check a function's body: parameters, statements, unused names, missing return. */
void scope_func_body(Checker *c, FuncInfo *fi);

/* ---- sim/lang/types_variadic.c: the hooks slices plug into ---------------------- */

/* The type []elem of a variadic parameter ...elem. */
Type *types_variadic_slice(Checker *c, Type *elem, int line, int col);
/* The element type T of a variadic parameter's []T. */
Type *types_variadic_elem(const Type *slice);

/* ---- sim/lang/types_lib_func.c: io.Writer, rand.New, errors.Is ------------------ */

Type *types_lib_writer(Checker *c);
/* io.Writer, rand.Rand, rand.Source; NULL if pkg.Name is none. */
Type *types_lib_type(Checker *c, const Import *im, const Expr *e);
/* The library row of pkg.Name, -1 if none (e->builtin = BI_LIB + it). */
int types_lib_member(const Import *im, const Expr *e);
/* Check a call of builtin bi if it is a library one. */
bool types_lib_call(Checker *c, Expr *e, int bi, const char *callee);
/* x.Name on a *rand.Rand: a builtin. */
bool types_lib_method(Checker *c, Expr *e, Type *t);

/* ---- sim/lang/types_io.c: os (files), io, net, bufio ------------------------------ */

/* pkg.Name as a type (os.File, net.Conn, io.Reader ...); NULL if none. */
Type *types_io_type(Checker *c, const Import *im, const Expr *e);
/* pkg.Name of os, io, net, bufio: a type, a function or a value (io.EOF);
 * true when e has been checked. */
bool types_io_member(Checker *c, Expr *e, const Import *im);
/* x.Name on a library type: a builtin with the receiver first. */
bool types_io_method(Checker *c, Expr *e, Type *t);
/* Check a call of io builtin bi. */
void types_io_call(Checker *c, Expr *e, int bi, const char *callee);

/* ---- sim/lang/scope_switch.c, hooks in sim/lang/scope_stmt.c ------------------------- */

/* Check statements in the current scope; `owner` is the ST_CASE whose body
 * they are (fallthrough is checked against it), else NULL. */
void scope_stmt_list(Checker *c, Stmt **stmts, int n, Stmt *owner);
void scope_switch(Checker *c, Stmt *s);
void scope_check_label(Checker *c, Stmt *s);
void scope_push_label(Checker *c, Stmt *s);
void scope_pop_label(Checker *c, Stmt *s);
void scope_check_fallthrough(Checker *c, Stmt *s, Stmt **list, int n, Stmt *owner);
/* Does statement kind s take labels for break/continue besides for and
 * switch (select does)?  Otherwise an unused label is an error. */
bool scope_labels_stmt(const Stmt *s);

/* ---- sim/lang/types_method.c ---------------------------------------------------- */

/* The embedded field of struct t (or *t) through which `name` (a field, a
 * method, or a sync method of an embedded Mutex/WaitGroup) is reached; NULL
 * when it is t's own or nowhere. */
TField *types_promoted_via(Type *t, const char *name, int len);
/* The name an embedded field of type ft is known by (T for T, *T, pkg.T). */
void types_embedded_name(const Type *ft, const char **name, int *len);
/* Bind the method declared as function sym fs to its receiver's type. */
void scope_bind_method(Checker *c, Sym *fs);
/* Generate the wrappers through which interfaces call promoted methods. */
void scope_promote_methods(Checker *c);
/* type T ... inside a function. */
void scope_local_type(Checker *c, Stmt *s);
/* interface { ... } */
Type *types_iface_type(Checker *c, Expr *e);
/* A predeclared interface with one method `mname() string`. */
Type *types_string_method_iface(Checker *c, const char *tname, const char *mname);
/* e (checked) becomes an interface value of type target: records the
 * concrete type in e->boxed for the code generator. */
void types_box(Checker *c, Expr *e, Type *target);
/* ---- sim/lang/types_data.c, types_builtin.c, scope_range.c ---- */
void types_data_universe(Checker *c);
Type *types_data_type(Checker *c, Expr *e);            /* EX_ARRAYTYPE, EX_MAPTYPE */
void types_data_expr(Checker *c, Expr *e);             /* EX_FLOAT, EX_INDEX, EX_SLICEEXPR */
Type *types_data_literal_type(Checker *c, Expr *e);    /* the type of T{...}, [...]T too */
void types_data_composite(Checker *c, Expr *e, Type *t);   /* slice, array, map literals */
/* An untyped constant x takes the numeric type target: converts its value,
 * reports truncation and overflow (false). */
bool types_data_convert_const(Checker *c, Expr *x, Type *target);
bool types_data_fold(Checker *c, Expr *e, const ConstVal *x, const ConstVal *y, ConstVal *out);
/* x op y for untyped integer constants past int64 (CV_BIGINT). */
bool types_data_fold_big(Checker *c, Expr *e, const ConstVal *x, const ConstVal *y, ConstVal *out);
/* An untyped constant r about to take its default type t: report a big
 * integer that overflows it (Go's "... (overflows)"). */
void types_data_check_big(Checker *c, Expr *r, Type *t, const char *context);
/* x << y and x >> y whose count y has another integer type than x (Go
 * allows any); true when handled. */
bool types_data_shift(Checker *c, Expr *e);
bool types_data_conversion(Checker *c, Expr *e, Expr *a, Type *t);
void types_data_builtin(Checker *c, Expr *e, int bi, const char *callee);
void scope_range(Checker *c, Stmt *s);
/* sim/lib/strings_pkg.c: strings.Contains ... as builtins (BI_STRFN). */
bool strings_member(Checker *c, Expr *e, const Import *im);
void strings_check(Checker *c, Expr *e, const char *callee);
/* sim/lib/rand_pkg.c: math/rand.Intn ... as builtins (BI_RANDFN). */
bool rand_member(Checker *c, Expr *e, const Import *im);
void rand_check(Checker *c, Expr *e, const char *callee);
/* sim/lib/strbuf.c: strings.Builder and bytes.Buffer (TY_STRBUF). */
Type *strbuf_type(Checker *c, const Import *im, const Expr *e);
bool strbuf_member(Checker *c, Expr *e, const Import *im);
bool strbuf_method(Checker *c, Expr *e, Type *t);
void strbuf_check(Checker *c, Expr *e, const char *callee);
/* r is m[k] assigned to two variables: make it the tuple (elem, bool). */
void types_data_commaok(Checker *c, Expr *r);
/* A typed integer constant result must fit its type (reported if not). */
bool types_data_const_fits(Checker *c, Expr *e, const ConstVal *r, const Type *t);
/* Go's assignability of an unnamed composite type to a named one with the
 * same underlying type (and back). */
bool types_data_assignable(const Type *v, const Type *t);
/* m[k] = T{...} for a map of structs (r checked already): checks l and
 * returns true; false when l is not such a target. */
bool types_data_map_store(Checker *c, Expr *l, Expr *r);
/* l (checked) is a field of a map element: Go's error, true. */
bool types_data_map_field(Checker *c, Expr *l);
/* A block in its own scope (sim/lang/scope_stmt.c). */
void scope_block(Checker *c, Stmt **stmts, int n);

#endif
