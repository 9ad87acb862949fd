/* compile_place.c — places: where a variable or field lives, and the code
 * that reads or writes it.
 *
 * A "place" (Lua's expdesc) is where an assignable expression lives: a plain
 * local slot, a local slot holding the address of a heap cell (a boxed
 * variable: captured, address taken, or a struct or sync value), a global
 * slot, or an address computed on the stack with a FIELD offset still to
 * add.  Code for the address is emitted first, the read or write last, so
 * `p.x = f()` evaluates in Go's order.
 */
#include "compile_internal.h"
#include "util.h"

bool compile_boxed(const Sym *v)
{
    TypeKind k = v->type->kind;
    return v->captured || v->addr_taken || (k == TY_STRUCT && v->type->nfields > 0) || k == TY_MUTEX ||
           k == TY_WAITGROUP;
}

int compile_var_slot(Compiler *C, const Sym *v)
{
    if (v->owner == C->fn) return v->slot;
    for (int i = 0; i < C->fn->ncaptures; i++)
        if (C->fn->captures[i] == v) return C->fn->nparams + i;
    sim_fatal("compile_var_slot", "variable neither local nor captured");
}

Place compile_var_place(Compiler *C, const Sym *v)
{
    Place pl = {PL_LOCAL, 0, -1};
    if (v->global) { pl.kind = PL_GLOBAL; pl.slot = v->slot; return pl; }
    pl.slot = compile_var_slot(C, v);
    if (v->owner != C->fn || compile_boxed(v)) pl.kind = PL_REF;
    return pl;
}

void compile_declare_local(Compiler *C, Sym *v)
{
    v->slot = C->nslots++;
    if (!compile_boxed(v)) return;
    compile_emit(C, OP_NEW, compile_layout(C, v->type), compile_add_string(C, v->name, v->namelen));
    compile_emit(C, OP_SETLOCAL, v->slot, 0);
}

Place compile_place(Compiler *C, Expr *e)
{
    Place pl = {PL_ADDR, 0, -1};
    switch (e->kind) {
    case EX_PAREN:
        return compile_place(C, e->x);
    case EX_IDENT:
        if (e->namelen == 1 && e->name[0] == '_') { pl.kind = PL_BLANK; return pl; }
        return compile_var_place(C, e->sym);
    case EX_SELECTOR:
        if (e->through_ptr) {
            compile_expr(C, e->x);
            pl.off = e->field_off;
            return pl;
        }
        pl = compile_place(C, e->x);
        switch (pl.kind) {
        case PL_GLOBAL: pl.slot += e->field_off; break;
        case PL_REF: compile_emit(C, OP_LOCAL, pl.slot, 0); pl.kind = PL_ADDR; pl.off = e->field_off; break;
        case PL_ADDR: pl.off = (pl.off < 0 ? 0 : pl.off) + e->field_off; break;
        default: sim_fatal("compile_place", "field of an unboxed local");
        }
        return pl;
    case EX_STAR:
        compile_expr(C, e->x);
        return pl;
    case EX_INDEX:
        return compile_data_index_place(C, e);   /* compile_data.c */
    default:
        if (e->type && e->type->kind == TY_STRUCT) {   /* f().x, v.(T).x: a struct value's address */
            compile_expr(C, e);
            return pl;
        }
        sim_fatal("place", "not addressable");
    }
}

void compile_place_prepare(Compiler *C, Place *pl)
{
    if (pl->kind == PL_ADDR && pl->off >= 0) {
        compile_emit(C, OP_FIELD, pl->off, 0);
        pl->off = -1;
    }
}

void compile_place_addr(Compiler *C, Place *pl)
{
    switch (pl->kind) {
    case PL_REF: compile_emit(C, OP_LOCAL, pl->slot, 0); break;
    case PL_GLOBAL: compile_emit(C, OP_GADDR, pl->slot, 0); break;
    case PL_ADDR: compile_place_prepare(C, pl); break;
    default: sim_fatal("compile_place_addr", "no address");
    }
}

void compile_place_load(Compiler *C, Place *pl)
{
    switch (pl->kind) {
    case PL_LOCAL: compile_emit(C, OP_LOCAL, pl->slot, 0); break;
    case PL_REF: compile_emit(C, OP_LOADREF, pl->slot, 0); break;
    case PL_GLOBAL: compile_emit(C, OP_GLOBAL, pl->slot, 0); break;
    case PL_ADDR: compile_place_prepare(C, pl); compile_emit(C, OP_LOAD, 0, 0); break;
    case PL_MAP: compile_emit(C, OP_MAPGET, pl->slot, 0); break;
    default: sim_fatal("compile_place_load", "blank");
    }
}

void compile_place_store(Compiler *C, Place *pl)
{
    switch (pl->kind) {
    case PL_BLANK: compile_emit(C, OP_POP, 0, 0); break;
    case PL_LOCAL: compile_emit(C, OP_SETLOCAL, pl->slot, 0); break;
    case PL_REF: compile_emit(C, OP_STOREREF, pl->slot, 0); break;
    case PL_GLOBAL: compile_emit(C, OP_SETGLOBAL, pl->slot, 0); break;
    case PL_ADDR: compile_emit(C, OP_STORE, 0, 0); break;
    case PL_MAP: compile_emit(C, OP_MAPSET, 0, 0); break;
    }
}

/* Fill a fresh (zeroed) struct from a composite literal.  The struct's
 * address is on the stack (addr_slot < 0: DUP it per field), in local slot
 * addr_slot, or the struct is the global at gslot (>= 0). */
void compile_fill_composite(Compiler *C, Expr *lit, int addr_slot, int gslot)
{
    for (int i = 0; i < lit->nargs; i++) {
        Expr *el = lit->args[i];
        Expr *v = el->kind == EX_KEYVALUE ? el->y : el;
        if (el->type && el->type->kind == TY_STRUCT && !v->boxed) {   /* a struct field: copied in */
            if (gslot >= 0) compile_emit(C, OP_GADDR, gslot + el->field_off, 0);
            else {
                compile_emit(C, addr_slot < 0 ? OP_DUP : OP_LOCAL, addr_slot < 0 ? 0 : addr_slot, 0);
                compile_emit(C, OP_FIELD, el->field_off, 0);
            }
            compile_expr(C, v);
            compile_emit(C, OP_COPYN, el->type->nslots, 0);
            continue;
        }
        if (gslot >= 0) {
            compile_expr(C, v);
            compile_emit(C, OP_SETGLOBAL, gslot + el->field_off, 0);
            continue;
        }
        compile_emit(C, addr_slot < 0 ? OP_DUP : OP_LOCAL, addr_slot < 0 ? 0 : addr_slot, 0);
        compile_emit(C, OP_FIELD, el->field_off, 0);
        C->name_hint = compile_conc_field_hint(C, el);
        compile_expr(C, v);
        C->name_hint = 0;
        compile_emit(C, OP_STORE, 0, 0);
    }
}

Expr *compile_unparen(Expr *e)
{
    while (e->kind == EX_PAREN) e = e->x;
    return e;
}
