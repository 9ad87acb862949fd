/* fuzz_compile.c — libFuzzer target for the front end: lexer, parser, type
 * checker and code generator (tmux's fuzz/ shape: one target per input kind).
 *
 * The input is taken as a Go source file.  Whatever it holds, compile_source
 * must return a Program with either diagnostics (at most 10, each inside the
 * source) or code that the disassembler can list, and program_free must
 * release all of it: ASan, UBSan and LeakSanitizer turn any lapse into a
 * crash.  `make fuzz` builds and runs it on tests/fuzz/corpus.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include "program.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static FILE *null_out(void)
{
    static FILE *out;
    if (!out) out = fopen("/dev/null", "w");
    if (!out) abort();
    return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Program *p = compile_source("fuzz.go", (const char *)data, size);
    FILE *out = null_out();
    if (p->ndiags > 10) abort();
    for (int i = 0; i < p->ndiags; i++) {
        if (p->diags[i].line < 1 || p->diags[i].col < 1) abort();
        program_print_diagnostic(p, &p->diags[i], out);
    }
    if (p->ndiags == 0) {
        if (p->main_proto < 0 || p->ncode == 0) abort();
        for (int i = 0; i < p->nprotos; i++)
            if (p->protos[i].code_end <= p->protos[i].code_start ||
                p->code[p->protos[i].code_end - 1].op != OP_RET) abort();
        disasm_program(p, out);
    }
    program_free(p);
    return 0;
}
