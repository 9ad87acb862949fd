/* disasm_data.c — the disassembler's notes for the data instructions: what
 * a constant is (a float, a typed nil), which element type a new slice,
 * array or map has.  Called from disasm.c for opcodes it has no note for. */
#include <stdio.h>

#include "program.h"

void disasm_data_note(const Program *p, Instr in, char *note, size_t n)
{
    switch (in.op) {
    case OP_CONST:
        if (in.a < 0 || in.a >= p->nconsts) break;
        switch ((ValueKind)p->consts[in.a].kind) {
        case V_FLOAT: snprintf(note, n, "%g", value_f(p->consts[in.a])); break;
        case V_SLICE: case V_MAP: snprintf(note, n, "nil"); break;
        default: snprintf(note, n, "%lld", (long long)p->consts[in.a].i); break;
        }
        break;
    case OP_NEWSLICE: case OP_NEWARRAY:
        if (in.b < p->ntypes) snprintf(note, n, "[]%s", p->types[in.b].name);
        break;
    case OP_MAKESLICE:
        if (in.b < p->ntypes) {
            const char *var = in.a > 0 && in.a < p->nstrings ? p->strings[in.a] : "";
            snprintf(note, n, "[]%s%s%s", p->types[in.b].name, *var ? " " : "", var);
        }
        break;
    default:
        break;
    }
}
