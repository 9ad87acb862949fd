/* types_variadic.c — variadic functions' calling convention.
 *
 * `func f(a int, xs ...T)` has the parameter types (int, []T) and the
 * variadic flag.  A call f(1, x, y) passes its extra arguments (each
 * assignable to T) packed into a new []T; f(1, s...) passes the slice s
 * itself.  The checker side is in types_call.c's arguments(), the packing in
 * compile_func.c's compile_variadic_args, on slices.
 */
#include "check.h"

Type *types_variadic_slice(Checker *c, Type *elem, int line, int col)
{
    (void)line;
    (void)col;
    return types_slice_of(c, elem);    /* []T */
}

Type *types_variadic_elem(const Type *slice)
{
    return slice->elem;
}
