/* disasm.c — the bytecode disassembler (clox's debug.c shape).
 *
 * One function renders one instruction and returns the next pc, so the same
 * code serves whole listings (disasm_program), live traces (--trace) and the
 * TUI's code view.  Operands are followed by a helpful note: the string of a
 * STR, the function of a FUNC/CLOSURE, the type and name of a NEW, the global
 * of a GLOBAL/SETGLOBAL/GADDR, the builtin of a DEFER, the element type and
 * variable of a MAKECHAN, the cases of a SELECT, the type of a TYPED.
 */
#include <stdio.h>
#include <string.h>
#include "program.h"

/* Write s escaped as a Go string literal into buf (always terminated). */
static void quote(char *buf, size_t n, const char *s, int len)
{
    size_t k = 0;
    if (n < 3) { if (n) buf[0] = 0; return; }
    buf[k++] = '"';
    for (int i = 0; i < len && k + 5 < n; i++) {
        unsigned char c = (unsigned char)s[i];
        const char *esc = c == '\n' ? "\\n" : c == '\t' ? "\\t" : c == '\r' ? "\\r" :
                          c == '"' ? "\\\"" : c == '\\' ? "\\\\" : NULL;
        if (esc) {
            memcpy(buf + k, esc, 2);
            k += 2;
        } else if (c < 0x20 || c == 0x7f) {
            k += (size_t)snprintf(buf + k, n - k, "\\x%02x", c);
        } else {
            buf[k++] = (char)c;
        }
    }
    if (k + 1 < n) buf[k++] = '"';
    buf[k] = 0;
}

void disasm_instr(const Program *p, int pc, char *buf, size_t n)
{
    if (!n) return;
    if (pc < 0 || pc >= p->ncode) { snprintf(buf, n, "?"); return; }
    Instr in = p->code[pc];
    if (in.op >= OP__COUNT) { snprintf(buf, n, "BAD %d", in.op); return; }
    const char *name = opcode_names[in.op];
    char note[160] = "";
    switch (in.op) {
    case OP_STR:
        if (in.a >= 0 && in.a < p->nstrings) quote(note, sizeof note, p->strings[in.a], p->string_len[in.a]);
        break;
    case OP_CONST: case OP_NEWSLICE: case OP_NEWARRAY: case OP_MAKESLICE:
        disasm_data_note(p, in, note, sizeof note);   /* sim/lang/disasm_data.c */
        break;
    case OP_FUNC: case OP_CLOSURE:
        if (in.a >= 0 && in.a < p->nprotos) snprintf(note, sizeof note, "%s", p->protos[in.a].name);
        break;
    case OP_NEW:
        if (in.a >= 0 && in.a < p->ntypes) {
            const char *var = in.b < p->nstrings ? p->strings[in.b] : "";
            snprintf(note, sizeof note, "%s%s%s", p->types[in.a].name, *var ? " " : "", var);
        }
        break;
    case OP_GLOBAL: case OP_SETGLOBAL: case OP_GADDR:
        if (in.a >= 0 && in.a < p->nglobals) snprintf(note, sizeof note, "%s", p->global_name[in.a]);
        break;
    case OP_DEFER:
        if (in.b > 0 && in.b < OP__COUNT) snprintf(note, sizeof note, "%s", opcode_names[in.b]);
        break;
    case OP_MAKECHAN:
        if (in.a >= 0 && in.a < p->ntypes) {
            const char *var = in.b > 0 && in.b < p->nstrings ? p->strings[in.b] : "";
            snprintf(note, sizeof note, "chan %s%s%s", p->types[in.a].name, *var ? " " : "", var);
        }
        break;
    case OP_TYPED:
        if (in.a > 0 && in.a <= p->ntypes) snprintf(note, sizeof note, "%s", p->types[in.a - 1].name);
        break;
    case OP_SELECT: {
        int ncases = in.b & 0x7fff, sends = __builtin_popcount((unsigned)in.a);
        snprintf(note, sizeof note, "%d send%s, %d receive%s%s", sends, sends == 1 ? "" : "s",
                 ncases - sends, ncases - sends == 1 ? "" : "s", in.b & 0x8000 ? ", default" : "");
        break;
    }
    case OP_TIMER: {
        static const char *const kinds[] = {"time.After", "time.Tick", "time.NewTimer", "time.NewTicker"};
        if (in.a >= 0 && in.a < 4) snprintf(note, sizeof note, "%s", kinds[in.a]);
        break;
    }
    default:
        break;
    }
    const char *sep = note[0] ? " " : "";
    switch (opcode_operands[in.op]) {
    case OPND_NONE: snprintf(buf, n, "%s%s%s", name, sep, note); break;
    case OPND_A: snprintf(buf, n, "%s %d%s%s", name, in.a, sep, note); break;
    case OPND_AC: snprintf(buf, n, "%s %d %d%s%s", name, in.a, in.c, sep, note); break;
    case OPND_ABC: snprintf(buf, n, "%s %d %d %d%s%s", name, in.a, in.b, in.c, sep, note); break;
    default: snprintf(buf, n, "%s %d %d%s%s", name, in.a, in.b, sep, note); break;
    }
}

int disasm_print(const Program *p, int pc, FILE *out)
{
    char buf[256], line[16];
    disasm_instr(p, pc, buf, sizeof buf);
    snprintf(line, sizeof line, "L%d", pc >= 0 && pc < p->ncode ? p->code_line[pc] : 0);
    fprintf(out, "%4d  %-3s %s\n", pc, line, buf);
    return pc + 1;
}

void disasm_program(const Program *p, FILE *out)
{
    if (p->nglobals) {
        fprintf(out, "globals:");
        for (int i = 0; i < p->nglobals; i++) fprintf(out, " %d=%s", i, p->global_name[i]);
        fputc('\n', out);
    }
    for (int i = 0; i < p->nprotos; i++) {
        const Proto *f = &p->protos[i];
        fprintf(out, "== %s ==  proto %d  params %d  captures %d  slots %d  results %d  line %d\n",
                f->name, i, f->nparams, f->ncaptures, f->nslots, f->nresults, f->line);
        for (int pc = f->code_start; pc < f->code_end;) pc = disasm_print(p, pc, out);
    }
}
