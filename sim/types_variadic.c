/* types_variadic.c — variadic functions' calling convention (feat-func).
 *
 * `func f(a int, xs ...T)` has the parameter types (int, []T) and the
 * variadic flag.  A call f(1, x, y) passes its extra arguments (each
 * assignable to T) packed into a new []T; f(1, s...) passes the slice s
 * itself.  The checker side is in types_call.c's arguments(), the packing in
 * compile_expr.c's arguments(), both through the two hooks below, which is
 * all that depends on how slices are represented (feat-data): until []T
 * exists, a variadic parameter is reported as unsupported.
 */
#include "check.h"

Type *types_variadic_slice(Checker *c, Type *elem, int line, int col)
{
    (void)elem;
    types_errorf(c, line, col, "interleave does not support variadic functions yet (they need slices)");
    return c->t_invalid;
}

Type *types_variadic_elem(const Type *slice)
{
    return slice->elem;
}
