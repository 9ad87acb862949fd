/* check.h — what the type checker's files share (not for the code generator).
 *
 * The checker (public side: sim/types.h) is two families of files:
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

/* ---- sim/check_unsupported.c ---------------------------------------------------------- */

/* Report the uses of features interleave never supports (goto, cgo, the
 * network, reflection, complex numbers ...), found in the tokens alone;
 * returns how many.  When there are any, the file is not parsed further. */
int check_unsupported(const char *src, size_t len, DiagList *dl);

/* How many checks may nest (scope_enter): expressions, statements and the
 * package-level declarations they resolve on the way.  The parser bounds one
 * tree's depth (MAX_DEPTH, sim/parse_internal.h), but resolving a name checks
 * another declaration's tree from inside this one, so `var a0 = a1`, `var a1
 * = a2` ... would stack tree on tree without this limit.  Twice the parser's
 * limit: a single tree never reaches it. */
#define CHECK_MAX_DEPTH 2000

/* ---- sim/types_expr.c ----------------------------------------------------------------- */

/* Mark e as erroneous (MODE_INVALID, the invalid type). */
void types_invalid(Checker *c, Expr *e);

/* ---- sim/types_op.c ------------------------------------------------------------------- */

/* e is the constant i of kind k and type t. */
void types_set_const(Expr *e, Type *t, ConstKind k, int64_t i);
/* Give an untyped operand the type `target` if it can take it (Go's
 * matchTypes); false if it cannot.  Typed operands are left alone. */
bool types_convert_untyped(Checker *c, Expr *x, Type *target);
/* op x: + - ! ^ & (the operand is checked here). */
void types_unary(Checker *c, Expr *e);

/* ---- sim/types_call.c ----------------------------------------------------------------- */

/* f(args): a function call, a builtin, or a conversion T(x). */
void types_call(Checker *c, Expr *e);

/* ---- sim/types_pkg.c ------------------------------------------------------------------ */

/* e is pkg.Name: the package's Import (marked used), or NULL if e->x does not
 * name an imported package. */
const Import *types_package_of(Checker *c, const Expr *e);
/* Check pkg.Name as an expression: a builtin, a constant or a type. */
void types_package_member(Checker *c, Expr *e, const Import *im);
/* pkg.Name as a type (sync.Mutex, time.Duration); reports when `report`. */
Type *types_package_type(Checker *c, Expr *e, bool report);

/* ---- sim/types_conc.c: channels, select, sync, sync/atomic, runtime, time ---------- */

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

/* ---- sim/scope.c ---------------------------------------------------------------------- */

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

/* ---- sim/scope_stmt.c ----------------------------------------------------------------- */

FuncInfo *scope_new_func(Checker *c, const char *name, FuncNode *fn, Type *sig);
/* Check one statement / a block's statements in a new scope. */
void scope_check_stmt(Checker *c, Stmt *s);
void scope_check_block(Checker *c, Stmt **stmts, int n);
/* Check a function's body: parameters, statements, unused names, missing return. */
void scope_func_body(Checker *c, FuncInfo *fi);

#endif
