/* program.c — the compiled Program: opcode tables, lookups, diagnostics.
 *
 * The opcode tables are generated from sim/opcodes.def (Wren's X-macro), so
 * the enum in program.h, the names, operand shapes, costs and meanings can
 * never disagree.  compile_source itself lives in sim/lang/compile.c.
 */
#include "program.h"

#include <stdlib.h>
#include <string.h>

const char *const opcode_names[OP__COUNT] = {
#define OP(name, opnd, cost, meaning) #name,
#include "opcodes.def"
#undef OP
};

const uint8_t opcode_operands[OP__COUNT] = {
#define OP(name, opnd, cost, meaning) opnd,
#include "opcodes.def"
#undef OP
};

const uint32_t opcode_costs[OP__COUNT] = {
#define OP(name, opnd, cost, meaning) cost,
#include "opcodes.def"
#undef OP
};

const char *const opcode_meanings[OP__COUNT] = {
#define OP(name, opnd, cost, meaning) meaning,
#include "opcodes.def"
#undef OP
};

void program_free(Program *p)
{
    if (!p) return;
    free((void *)p->filename);
    free(p->source);
    free(p->line_start);
    free(p->code);
    free(p->code_line);
    free(p->code_col);
    free(p->consts);
    for (int i = 0; i < p->nstrings; i++) free(p->strings[i]);
    free(p->strings);
    free(p->string_len);
    for (int i = 0; i < p->nprotos; i++) free((void *)p->protos[i].name);
    free(p->protos);
    for (int i = 0; i < p->ntypes; i++) {
        TypeLayout *t = &p->types[i];
        free((void *)t->name);
        free(t->zero);
        for (int k = 0; k < t->nslots; k++) free((void *)t->slot_name[k]);
        free((void *)t->slot_name);
        free((void *)t->goname);
        for (int k = 0; k < t->nmethods; k++) free((void *)t->methods[k].name);
        free(t->methods);
        for (int k = 0; k < t->nfields; k++) free((void *)t->field_name[k]);
        free((void *)t->field_name);
        free(t->field_type);
        free(t->field_off);
    }
    free(p->types);
    for (int i = 0; i < p->nglobals; i++) free((void *)p->global_name[i]);
    free((void *)p->global_name);
    free(p->diags);
    free(p);
}

const char *program_line_text(const Program *p, int line, int *len)
{
    *len = 0;
    if (!p || line < 1 || line > p->nlines) return "";
    const char *s = p->source + p->line_start[line - 1];
    const char *e = strchr(s, '\n');
    int n = e ? (int)(e - s) : (int)strlen(s);
    if (n > 0 && s[n - 1] == '\r') n--;
    *len = n;
    return s;
}

int program_proto_at(const Program *p, int pc)
{
    for (int i = 0; i < p->nprotos; i++)
        if (pc >= p->protos[i].code_start && pc < p->protos[i].code_end) return i;
    return -1;
}

void program_print_diagnostic(const Program *p, const Diagnostic *d, FILE *out)
{
    fprintf(out, "%s:%d:%d: error: %s\n", p->filename, d->line, d->col, d->msg);
    int len;
    const char *text = program_line_text(p, d->line, &len);
    fprintf(out, "%.*s\n", len, text);
    /* The caret line copies the tabs before the column so it lines up
     * whatever the terminal's tab width. */
    for (int i = 0; i < d->col - 1; i++) fputc(i < len && text[i] == '\t' ? '\t' : ' ', out);
    fputs("^\n", out);
}
