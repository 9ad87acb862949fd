/* test_compile.c — the compiler front end: Go source to bytecode.
 *
 * Code shape is asserted through the disassembler (as Lua's testes/code.lua
 * asserts opcode sequences), so a listing in a test reads like `--disasm`.
 * Diagnostics are asserted as "line:col: message" in Go 1.19's words. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "machine.h"
#include "program.h"

static Program *compile_ok(const char *src)
{
    Program *p = compile_source("t.go", src, strlen(src));
    for (int i = 0; i < p->ndiags; i++) program_print_diagnostic(p, &p->diags[i], stderr);
    assert_int_equal(p->ndiags, 0);
    return p;
}

static int proto_index(const Program *p, const char *name)
{
    for (int i = 0; i < p->nprotos; i++)
        if (strcmp(p->protos[i].name, name) == 0) return i;
    fail_msg("no function %s", name);
    return -1;
}

/* The instructions of one function, one "NAME operands" per line. */
static void expect_code(const Program *p, const char *fn, const char *want)
{
    const Proto *f = &p->protos[proto_index(p, fn)];
    char got[4096] = "";
    size_t k = 0;
    for (int pc = f->code_start; pc < f->code_end; pc++) {
        char line[256];
        disasm_instr(p, pc, line, sizeof line);
        k += (size_t)snprintf(got + k, sizeof got - k, "%s\n", line);
    }
    if (strcmp(got, want) != 0) {
        fprintf(stderr, "%s: got\n%swant\n%s", fn, got, want);
        fail();
    }
}

/* Compile a bad program: its first diagnostic must read "line:col: msg". */
static void expect_diag(const char *src, const char *want)
{
    Program *p = compile_source("bad.go", src, strlen(src));
    assert_true(p->ndiags >= 1);
    assert_int_equal(p->ncode, 0);
    char got[300];
    snprintf(got, sizeof got, "%d:%d: %s", p->diags[0].line, p->diags[0].col, p->diags[0].msg);
    assert_string_equal(got, want);
    program_free(p);
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc((size_t)n + 1);
    assert_non_null(s);
    assert_int_equal(fread(s, 1, (size_t)n, f), (size_t)n);
    s[n] = 0;
    fclose(f);
    *len = (size_t)n;
    return s;
}

/* ---- code shapes ------------------------------------------------------------------- */

static const char race_src[] =
    "package main\n"
    "\n"
    "import \"time\"\n"
    "\n"
    "func main() {\n"
    "\tvar data int\n"
    "\tgo func() {\n"
    "\t\tdata++\n"
    "\t}()\n"
    "\ttime.Sleep(1 * time.Microsecond)\n"
    "\tif data == 0 {\n"
    "\t\tdata = 2\n"
    "\t}\n"
    "}\n";

static void test_captured_increment_is_three_steps(void **state)
{
    (void)state;
    Program *p = compile_ok(race_src);
    expect_code(p, "main.func1", "LOADREF 0\nADDI 1\nSTOREREF 0\nRET 0\n");
    /* the three steps all point at the data++ statement */
    const Proto *f = &p->protos[proto_index(p, "main.func1")];
    for (int pc = f->code_start; pc < f->code_start + 3; pc++) {
        assert_int_equal(p->code_line[pc], 8);
        assert_int_equal(p->code_col[pc], 3);
    }
    assert_int_equal(f->ncaptures, 1);
    assert_int_equal(f->nparams, 0);
    expect_code(p, "main",
                "NEW 0 1 int data\n"
                "SETLOCAL 0\n"
                "LOCAL 0\n"
                "CLOSURE 1 1 main.func1\n"
                "GO 0\n"
                "INT 1000\n"
                "SLEEP\n"
                "LOADREF 0\n"
                "INT 0\n"
                "EQ\n"
                "JMPF 13\n"
                "INT 2\n"
                "STOREREF 0\n"
                "RET 0\n");
    /* the boxed int's layout: one slot, zero V_INT */
    assert_string_equal(p->types[0].name, "int");
    assert_int_equal(p->types[0].nslots, 1);
    assert_int_equal(p->types[0].zero[0].kind, V_INT);
    assert_int_equal(p->init_proto, -1);
    assert_int_equal(p->main_proto, proto_index(p, "main"));
    program_free(p);
}

static void test_local_counter_loop(void **state)
{
    (void)state;
    Program *p = compile_ok("package main\n\nimport \"fmt\"\n\nfunc main() {\n"
                            "\tn := 0\n"
                            "\tfor i := 0; i < 3; i++ {\n"
                            "\t\tn += i\n"
                            "\t}\n"
                            "\tfmt.Println(n)\n"
                            "}\n");
    expect_code(p, "main",
                "INT 0\nSETLOCAL 0\n"                        /* n := 0            */
                "INT 0\nSETLOCAL 1\n"                        /* i := 0            */
                "JNLTLI 8 1 3\n"                             /* 4: i < 3, or out  */
                "ADDLL 0 1\n"                                /* n += i            */
                "ADDLI 1 1\n"                                /* i++               */
                "JNGELI 5 1 3\n"                             /* loop while i < 3  */
                "LOCAL 0\nPRINTLN 1\n"
                "RET 0\n");
    assert_int_equal(p->protos[p->main_proto].nslots, 2);
    program_free(p);
}

static void test_break_continue_and_infinite_for(void **state)
{
    (void)state;
    Program *p = compile_ok("package main\n\nfunc main() {\n"
                            "\tn := 0\n"
                            "\tfor {\n"
                            "\t\tn++\n"
                            "\t\tif n < 5 {\n"
                            "\t\t\tcontinue\n"
                            "\t\t}\n"
                            "\t\tbreak\n"
                            "\t}\n"
                            "\tfor n > 0 {\n"
                            "\t\tn--\n"
                            "\t}\n"
                            "}\n");
    expect_code(p, "main",
                "INT 0\nSETLOCAL 0\n"
                "ADDLI 0 1\n"                                /* 2: n++            */
                "JNLTLI 5 0 5\n"
                "JMP 6\n"                                    /* continue -> 6     */
                "JMP 7\n"                                    /* break -> 7        */
                "JMP 2\n"
                "JNGTLI 10 0 0\n"                            /* 7: for n > 0      */
                "ADDLI 0 -1\nJNLELI 8 0 0\n"                  /* while n > 0       */
                "RET 0\n");
    program_free(p);
}

/* Only ints in the frame are fused: a global, a captured variable and a
 * string keep their separate read, combine and write steps. */
static void test_fused_only_private_ints(void **state)
{
    (void)state;
    Program *p = compile_ok("package main\n\nimport \"fmt\"\n\nvar g int\n\nfunc main() {\n"
                            "\tn, k, s := 10, 0, \"a\"\n"
                            "\tf := func() { k++ }\n"
                            "\tfor i := 0; i <= n; i += 2 {\n"
                            "\t\tg++\n"
                            "\t\ts += \"b\"\n"
                            "\t\tn -= 1\n"
                            "\t}\n"
                            "\tif n >= g {\n"
                            "\t\tf()\n"
                            "\t}\n"
                            "\tfmt.Println(n, k, s)\n"
                            "}\n");
    expect_code(p, "main",
                "NEW 0 1 int k\nSETLOCAL 1\n"
                "INT 10\nINT 0\nSTR 2 \"a\"\nSETLOCAL 2\nSTOREREF 1\nSETLOCAL 0\n"
                "LOCAL 1\nCLOSURE 1 1 main.func1\nSETLOCAL 3\n"
                "INT 0\nSETLOCAL 4\n"
                "JNLELL 24 4 0\n"                            /* 13: i <= n        */
                "GLOBAL 0 g\nADDI 1\nSETGLOBAL 0 g\n"         /* g++: shared       */
                "LOCAL 2\nSTR 3 \"b\"\nADD\nSETLOCAL 2\n"     /* a string          */
                "ADDLI 0 -1\n"
                "ADDLI 4 2\nJNGTLL 14 4 0\n"
                "LOCAL 0\nGLOBAL 0 g\nGE\nJMPF 30\n"          /* g is shared       */
                "LOCAL 3\nCALL 0\n"
                "LOCAL 0\nLOADREF 1\nLOCAL 2\nPRINTLN 3\n"
                "RET 0\n");
    expect_code(p, "main.func1", "LOADREF 0\nADDI 1\nSTOREREF 0\nRET 0\n");
    program_free(p);
}

static void test_closures_capture_by_reference(void **state)
{
    (void)state;
    Program *p = compile_ok("package main\n\nimport \"fmt\"\n\nfunc main() {\n"
                            "\tx := 1\n"
                            "\tadd := func(d int) {\n"
                            "\t\tx += d\n"
                            "\t\tfunc() {\n"
                            "\t\t\tx++\n"
                            "\t\t}()\n"
                            "\t}\n"
                            "\tadd(2)\n"
                            "\tfmt.Println(x)\n"
                            "}\n");
    expect_code(p, "main",
                "NEW 0 1 int x\nSETLOCAL 0\nINT 1\nSTOREREF 0\n"
                "LOCAL 0\nCLOSURE 1 1 main.func1\nSETLOCAL 1\n"
                "LOCAL 1\nINT 2\nCALL 1\n"
                "LOADREF 0\nPRINTLN 1\n"
                "RET 0\n");
    /* params first, then the captured cell: x is slot 1 of main.func1 */
    expect_code(p, "main.func1",
                "LOADREF 1\nLOCAL 0\nADD\nSTOREREF 1\n"
                "LOCAL 1\nCLOSURE 2 1 main.func1.1\nCALL 0\n"
                "RET 0\n");
    expect_code(p, "main.func1.1", "LOADREF 0\nADDI 1\nSTOREREF 0\nRET 0\n");
    assert_int_equal(p->protos[proto_index(p, "main.func1")].nparams, 1);
    assert_int_equal(p->protos[proto_index(p, "main.func1")].ncaptures, 1);
    program_free(p);
}

static const char godefer_src[] =
    "package main\n"
    "\n"
    "import (\n"
    "\t\"fmt\"\n"
    "\t\"sync\"\n"
    ")\n"
    "\n"
    "var wg sync.WaitGroup\n"
    "\n"
    "func worker(id int, total *int) {\n"
    "\tdefer wg.Done()\n"
    "\t*total += id\n"
    "}\n"
    "\n"
    "func main() {\n"
    "\tvar mu sync.Mutex\n"
    "\ttotal := 0\n"
    "\twg.Add(2)\n"
    "\tgo worker(1, &total)\n"
    "\tgo func() {\n"
    "\t\tmu.Lock()\n"
    "\t\tdefer mu.Unlock()\n"
    "\t\twg.Done()\n"
    "\t}()\n"
    "\tdefer fmt.Println(\"total\", total)\n"
    "\tdefer worker(3, &total)\n"
    "\twg.Wait()\n"
    "}\n";

static void test_go_and_defer_shapes(void **state)
{
    (void)state;
    Program *p = compile_ok(godefer_src);
    expect_code(p, "worker",
                "GADDR 0 wg\nDEFER 1 46 WGDONE\n"
                "LOCAL 1\nDUP\nLOAD\nLOCAL 0\nADD\nSTORE\n"
                "RET 0\n");
    expect_code(p, "main",
                "NEW 0 1 sync.Mutex mu\nSETLOCAL 0\n"
                "NEW 1 2 int total\nSETLOCAL 1\nINT 0\nSTOREREF 1\n"
                "GADDR 0 wg\nINT 2\nWGADD\n"
                "FUNC 0 worker\nINT 1\nLOCAL 1\nGO 2\n"
                "LOCAL 0\nCLOSURE 2 1 main.func1\nGO 0\n"
                "STR 2 \"total\"\nLOADREF 1\nDEFER 2 50 PRINTLN\n"
                "FUNC 0 worker\nINT 3\nLOCAL 1\nDEFER 2 0\n"
                "GADDR 0 wg\nWGWAIT\n"
                "RET 0\n");
    expect_code(p, "main.func1",
                "LOCAL 0\nLOCK\nLOCAL 0\nDEFER 1 44 UNLOCK\nGADDR 0 wg\nWGDONE\nRET 0\n");
    /* the DEFER's B operand is the builtin opcode itself */
    const Proto *w = &p->protos[proto_index(p, "worker")];
    assert_int_equal(p->code[w->code_start + 1].op, OP_DEFER);
    assert_int_equal(p->code[w->code_start + 1].b, OP_WGDONE);
    /* the global WaitGroup is zeroed by init from a fresh NEW */
    assert_int_equal(p->nglobals, 1);
    assert_string_equal(p->global_name[0], "wg");
    expect_code(p, "init", "NEW 2 0 sync.WaitGroup\nLOAD\nSETGLOBAL 0 wg\nRET 0\n");
    assert_int_equal(p->types[2].zero[0].kind, V_SYNC);
    assert_int_equal(p->types[2].zero[0].aux, SYNC_WAITGROUP);
    program_free(p);
}

static void test_struct_fields_through_pointers(void **state)
{
    (void)state;
    Program *p = compile_ok("package main\n\nimport \"sync\"\n\n"
                            "type value struct {\n"
                            "\tmu    sync.Mutex\n"
                            "\tvalue int\n"
                            "}\n\n"
                            "var a value\n\n"
                            "func inc(v *value) {\n"
                            "\tv.mu.Lock()\n"
                            "\tv.value++\n"
                            "\tv.mu.Unlock()\n"
                            "}\n\n"
                            "func main() {\n"
                            "\tvar b value\n"
                            "\tinc(&a)\n"
                            "\tinc(&b)\n"
                            "\tb.value = a.value + 1\n"
                            "}\n");
    expect_code(p, "inc",
                "LOCAL 0\nFIELD 0\nLOCK\n"
                "LOCAL 0\nFIELD 1\nDUP\nLOAD\nADDI 1\nSTORE\n"
                "LOCAL 0\nFIELD 0\nUNLOCK\n"
                "RET 0\n");
    expect_code(p, "main",
                "NEW 0 1 value b\nSETLOCAL 0\n"
                "FUNC 0 inc\nGADDR 0 a.mu\nCALL 1\n"
                "FUNC 0 inc\nLOCAL 0\nCALL 1\n"
                "LOCAL 0\nFIELD 1\nGLOBAL 1 a.value\nADDI 1\nSTORE\n"
                "RET 0\n");
    /* globals are flattened, struct layouts name their slots */
    assert_int_equal(p->nglobals, 2);
    assert_string_equal(p->global_name[0], "a.mu");
    assert_string_equal(p->global_name[1], "a.value");
    const TypeLayout *t = &p->types[0];
    assert_string_equal(t->name, "value");
    assert_int_equal(t->nslots, 2);
    assert_string_equal(t->slot_name[0], "mu");
    assert_string_equal(t->slot_name[1], "value");
    assert_int_equal(t->zero[0].kind, V_SYNC);
    assert_int_equal(t->zero[0].aux, SYNC_MUTEX);
    assert_int_equal(t->zero[0].i, 0);
    assert_int_equal(t->zero[1].kind, V_INT);
    program_free(p);
}

static void test_constants_and_short_circuit(void **state)
{
    (void)state;
    Program *p = compile_ok("package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\n"
                            "const n = 1 << 40\n\n"
                            "func main() {\n"
                            "\ta, b := true, false\n"
                            "\tif a && !b {\n"
                            "\t\tfmt.Println(\"yes\", n)\n"
                            "\t}\n"
                            "\ttime.Sleep(3 * time.Second)\n"
                            "\ttime.Sleep(2*time.Millisecond + 500*time.Microsecond)\n"
                            "}\n");
    expect_code(p, "main",
                "TRUE\nFALSE\nSETLOCAL 1\nSETLOCAL 0\n"
                "LOCAL 0\nJMPF 9\nLOCAL 1\nNOT\nJMP 10\nFALSE\n"   /* a && !b  */
                "JMPF 14\n"
                "STR 1 \"yes\"\nCONST 0 1099511627776\nPRINTLN 2\n"
                "CONST 1 3000000000\nSLEEP\n"
                "INT 2500000\nSLEEP\n"
                "RET 0\n");
    assert_int_equal(p->nconsts, 2);
    assert_int_equal(p->consts[1].kind, V_INT);
    assert_int_equal(p->consts[1].i, 3000000000LL);
    /* string constant 0 is always "" */
    assert_int_equal(p->string_len[0], 0);
    assert_string_equal(p->strings[0], "");
    program_free(p);
}

static void test_functions_results_and_names(void **state)
{
    (void)state;
    Program *p = compile_ok("package main\n\nimport \"fmt\"\n\n"
                            "func divmod(x, y int) (q, r int) {\n"
                            "\tq = x / y\n"
                            "\tr = x % y\n"
                            "\treturn\n"
                            "}\n\n"
                            "func main() {\n"
                            "\tq, r := divmod(17, 5)\n"
                            "\tf := func() {}\n"
                            "\tg := func() {}\n"
                            "\tf()\n"
                            "\tg()\n"
                            "\tfmt.Println(q, r)\n"
                            "}\n");
    expect_code(p, "divmod",
                "INT 0\nSETLOCAL 2\nINT 0\nSETLOCAL 3\n"
                "LOCAL 0\nLOCAL 1\nDIV\nSETLOCAL 2\n"
                "LOCAL 0\nLOCAL 1\nMOD\nSETLOCAL 3\n"
                "LOCAL 2\nLOCAL 3\nRET 2\n");
    const Proto *d = &p->protos[proto_index(p, "divmod")];
    assert_int_equal(d->nparams, 2);
    assert_int_equal(d->nresults, 2);
    assert_int_equal(d->nslots, 4);
    assert_int_equal(d->line, 5);
    proto_index(p, "main.func1");
    proto_index(p, "main.func2");
    expect_code(p, "main",
                "FUNC 0 divmod\nINT 17\nINT 5\nCALL 2\nSETLOCAL 1\nSETLOCAL 0\n"
                "FUNC 2 main.func1\nSETLOCAL 2\nFUNC 3 main.func2\nSETLOCAL 3\n"
                "LOCAL 2\nCALL 0\nLOCAL 3\nCALL 0\n"
                "LOCAL 0\nLOCAL 1\nPRINTLN 2\nRET 0\n");
    /* every instruction belongs to exactly one function */
    assert_int_equal(program_proto_at(p, 0), proto_index(p, "divmod"));
    assert_int_equal(program_proto_at(p, p->ncode - 1), p->nprotos - 1);
    assert_int_equal(program_proto_at(p, p->ncode), -1);
    program_free(p);
}

static void test_statement_call_results_are_popped(void **state)
{
    (void)state;
    Program *p = compile_ok("package main\n\n"
                            "func two() (int, string) {\n\treturn 1, \"a\"\n}\n\n"
                            "func main() {\n\ttwo()\n}\n");
    expect_code(p, "main", "FUNC 0 two\nCALL 0\nPOP\nPOP\nRET 0\n");
    program_free(p);
}

static void test_multi_assign_to_fields(void **state)
{
    (void)state;
    /* the targets' addresses are computed after every value: temporaries */
    Program *p = compile_ok("package main\n\n"
                            "type point struct {\n\tx, y int\n}\n\n"
                            "func pair() (int, int) {\n\treturn 3, 4\n}\n\n"
                            "func main() {\n"
                            "\tp := &point{}\n"
                            "\tp.x, p.y = pair()\n"
                            "\ta, b := p.y, p.x\n"
                            "\ta, b = b, a\n"
                            "}\n");
    expect_code(p, "main",
                "NEW 0 1 point p\nSETLOCAL 0\n"   /* the object is named after p */
                "FUNC 0 pair\nCALL 0\nSETLOCAL 2\nSETLOCAL 1\n"
                "LOCAL 0\nFIELD 0\nLOCAL 1\nSTORE\n"
                "LOCAL 0\nFIELD 1\nLOCAL 2\nSTORE\n"
                "LOCAL 0\nFIELD 1\nLOAD\nLOCAL 0\nFIELD 0\nLOAD\nSETLOCAL 4\nSETLOCAL 3\n"
                "LOCAL 4\nLOCAL 3\nSETLOCAL 4\nSETLOCAL 3\n"   /* swap: values first */
                "RET 0\n");
    program_free(p);
}

static void test_global_init_order(void **state)
{
    (void)state;
    /* initialisers run dependencies first, as Go orders them */
    Program *p = compile_ok("package main\n\n"
                            "var a = b + 1\n"
                            "var b = 2\n\n"
                            "func init() {\n\ta++\n}\n\n"
                            "func main() {\n\tb = a\n}\n");
    assert_string_equal(p->global_name[0], "b");
    assert_string_equal(p->global_name[1], "a");
    expect_code(p, "init",
                "INT 0\nSETGLOBAL 0 b\nINT 0\nSETGLOBAL 1 a\n"
                "INT 2\nSETGLOBAL 0 b\n"
                "GLOBAL 0 b\nADDI 1\nSETGLOBAL 1 a\n"
                "FUNC 0 init.0\nCALL 0\n"
                "RET 0\n");
    assert_int_equal(p->init_proto, proto_index(p, "init"));
    program_free(p);
}

static void test_scenarios_compile(void **state)
{
    (void)state;
    const char *files[] = {"scenarios/deadlock.go", "scenarios/race.go"};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        size_t len;
        char *src = read_file(files[i], &len);
        Program *p = compile_source(files[i], src, len);
        for (int k = 0; k < p->ndiags; k++) program_print_diagnostic(p, &p->diags[k], stderr);
        assert_int_equal(p->ndiags, 0);
        assert_true(p->main_proto >= 0);
        assert_true(p->ncode > 0);
        for (int f = 0; f < p->nprotos; f++)
            assert_int_equal(p->code[p->protos[f].code_end - 1].op, OP_RET);
        free(src);
        program_free(p);
    }
    size_t len;
    char *src = read_file("scenarios/deadlock.go", &len);
    Program *p = compile_source("deadlock.go", src, len);
    proto_index(p, "main.func1");   /* printSum's literal */
    expect_code(p, "main.func1",
                "LOCAL 2\nDEFER 1 46 WGDONE\n"
                "LOCAL 0\nFIELD 0\nLOCK\n"
                "LOCAL 0\nFIELD 0\nDEFER 1 44 UNLOCK\n"
                "INT 2000000000\nSLEEP\n"
                "LOCAL 1\nFIELD 0\nLOCK\n"
                "LOCAL 1\nFIELD 0\nDEFER 1 44 UNLOCK\n"
                "STR 4 \"sum=%v\\n\"\nLOCAL 0\nFIELD 1\nLOAD\nLOCAL 1\nFIELD 1\nLOAD\nADD\nPRINTF 2\n"
                "RET 0\n");
    free(src);
    program_free(p);
}

/* ---- diagnostics ------------------------------------------------------------------- */

static void test_diagnostics(void **state)
{
    (void)state;
    expect_diag("package main\n\nfunc main() {\n\tx := 1\n\tx = y + 1\n}\n", "5:6: undefined: y");
    expect_diag("package main\n\nfunc main() {\n\tcount := 0\n}\n", "4:2: count declared but not used");
    expect_diag("package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nfunc main() {\n\tfmt.Println(\"hi\")\n}\n",
                "5:2: imported and not used: \"sync\"");
    expect_diag("package main\n\nimport \"os\"\n\nfunc main() {\n}\n", "3:8: imported and not used: \"os\"");
    expect_diag("package main\n\nimport \"net/http\"\n\nfunc main() {\n}\n", "3:8: interleave does not support package net/http");
    expect_diag("package main\n\nimport \"fmt\"\n\nfunc main() {\n\tn := 1\n\ts := \"a\"\n\tfmt.Println(n + s)\n}\n",
                "8:14: invalid operation: n + s (mismatched types int and string)");
    expect_diag("package main\n\nfunc add(a, b int) int {\n\treturn a + b\n}\n\nfunc main() {\n\t_ = add(1)\n}\n",
                "8:10: not enough arguments in call to add");
    expect_diag("package main\n\nfunc add(a, b int) int {\n\treturn a + b\n}\n\nfunc main() {\n\t_ = add(1, 2, 3)\n}\n",
                "8:16: too many arguments in call to add");
    expect_diag("package main\n\nfunc sign(x int) int {\n\tif x > 0 {\n\t\treturn 1\n\t}\n}\n\nfunc main() {\n\t_ = sign(2)\n}\n",
                "7:1: missing return");
    expect_diag("package main\n\nfunc main() {\n\tx := 1 +\n}\n", "5:1: syntax error: unexpected }, expecting expression");
    expect_diag("package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"a\"\n}\n",
                "6:17: syntax error: unexpected newline in argument list; possibly missing comma or )");
    expect_diag("package main\n\nfunc main() {\n\tx := 1 y := 2\n}\n", "4:9: syntax error: unexpected y at end of statement");
    expect_diag("package main\n\nfunc main() {\n\tn := 3\n\tif n {\n\t}\n}\n", "5:5: non-boolean condition in if statement");
    expect_diag("package main\n\nfunc main() {\n\tbreak\n}\n", "4:2: break is not in a loop, switch, or select");
    expect_diag("package main\n\nfunc main() {\n\tn := 0\n\tn = \"s\"\n\t_ = n\n}\n",
                "5:6: cannot use \"s\" (untyped string constant) as int value in assignment");
    expect_diag("package main\n\nfunc main() {\n\ta := 1\n\ta := 2\n\t_ = a\n}\n", "5:4: no new variables on left side of :=");
    expect_diag("package main\n\nfunc main() {\n\ts := \"abc\n}\n", "4:11: newline in string");
    expect_diag("package main\n\nfunc main() {\n\tx := 1\n\tx + 1\n}\n", "5:2: x + 1 (value of type int) is not used");
    expect_diag("package main\n\nimport \"time\"\n\nfunc main() {\n\tn := 5\n\ttime.Sleep(n)\n}\n",
                "7:13: cannot use n (variable of type int) as type time.Duration in argument to time.Sleep");
    expect_diag("package main\n\ntype value struct {\n\tn int\n}\n\nfunc main() {\n\tv := &value{}\n\tv.m = 1\n}\n",
                "9:4: v.m undefined (type *value has no field or method m)");
    expect_diag("package main\n\nfunc f() {}\n\nfunc main() {\n\tx := f()\n\t_ = x\n}\n", "6:7: f() (no value) used as value");
    expect_diag("package main\n\nfunc main() {\n\tgoto L\n}\n", "4:2: interleave does not support goto");
    expect_diag("package main\n\nfunc helper() {}\n", "1:1: function main is undeclared in the main package");
    expect_diag("package main\n\nimport \"sync\"\n\nfunc main() {\n\tvar mu sync.Mutex\n\tmu.TryLock()\n}\n",
                "7:5: interleave does not support sync.Mutex.TryLock");
}

/* Features outside the subset are refused by name, before the parser can
 * stop at something else first (the label of a goto, the slices beside an
 * import of encoding/json); a missing package clause and a file that ends
 * early read as Go's. */
static void test_unsupported_and_syntax(void **state)
{
    (void)state;
    expect_diag("package main\n\nfunc main() {\nloop:\n\tgoto loop\n}\n", "5:2: interleave does not support goto");
    expect_diag("package main\n\nimport \"C\"\n\nfunc main() {}\n", "3:8: interleave does not support cgo");
    expect_diag("package main\n\nimport (\n\t\"fmt\"\n\t\"net/http\"\n)\n\nfunc main() { x := []int{} }\n",
                "5:2: interleave does not support package net/http");
    expect_diag("package main\n\nimport \"unsafe\"\n\nfunc main() {}\n", "3:8: interleave does not support package unsafe");
    expect_diag("package main\n\nfunc main() {\n\tvar z complex128\n\t_ = z\n}\n",
                "4:8: interleave does not support complex numbers");
    expect_diag("package main\n\nfunc main() {\n\t_ = 2i\n}\n", "4:6: interleave does not support complex numbers");
    expect_diag("import \"fmt\"\n", "1:1: expected 'package', found 'import'");
    expect_diag("main()\n", "1:1: expected 'package', found main");
    expect_diag("package main\n\nfunc main() {\n\tfor {\n\n// trailing comment\n",
                "5:1: syntax error: unexpected EOF, expecting }");
    expect_diag("package main\n\nfunc main() {\n\tfor {", "4:7: syntax error: unexpected EOF, expecting }");
    expect_diag("package main\n\nimport \"fmt\"\n\nfunc main() {\n\tdefer fmt.Println\n}\n",
                "6:11: expression in defer must be function call");
    expect_diag("package main\n\nfunc main() {\n\tx := 1\n\tgo (x)\n}\n",
                "5:5: expression in go must not be parenthesized");
}

/* Untyped integer constants are exact past int64: a big literal overflows
 * only where it becomes an int, in Go's words; -1<<63 is an ordinary int. */
static void test_big_untyped_constants(void **state)
{
    (void)state;
    expect_diag("package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(9223372036854775808)\n}\n",
                "6:14: cannot use 9223372036854775808 (untyped int constant) as int value in argument to "
                "fmt.Println (overflows)");
    expect_diag("package main\n\nfunc main() {\n\tvar u uint64 = 0x1_0000_0000_0000_0000\n\t_ = u\n}\n",
                "4:17: cannot use 0x1_0000_0000_0000_0000 (untyped int constant 18446744073709551616) as uint64 "
                "value in variable declaration (overflows)");
    /* an operand of a binary operator: types2's own wording, and no mismatch after it */
    expect_diag("package main\n\nimport \"fmt\"\n\nfunc main() {\n\tn := 1\n\tfmt.Println(n + 1.5)\n}\n",
                "7:18: 1.5 (untyped float constant) truncated to int");
    expect_diag("package main\n\nfunc main() {\n\tvar u uint8 = 1\n\tu += 300\n}\n",
                "5:7: 300 (untyped int constant) overflows uint8");
    program_free(compile_ok("package main\n\nimport \"fmt\"\n\nconst m = -9223372036854775808\n\n"
                            "func main() {\n\tvar u uint64 = 18446744073709551615\n"
                            "\tfmt.Println(u, m, -m-1, -9223372036854775808)\n}\n"));
}

static void test_diagnostics_sorted_and_capped(void **state)
{
    (void)state;
    /* twelve undefined names, the unused variable reported last but sorted first */
    const char *src = "package main\n\nfunc main() {\n\tu := 0\n"
                      "\ta1()\n\ta2()\n\ta3()\n\ta4()\n\ta5()\n\ta6()\n"
                      "\ta7()\n\ta8()\n\ta9()\n\ta10()\n\ta11()\n\ta12()\n}\n";
    Program *p = compile_source("many.go", src, strlen(src));
    assert_int_equal(p->ndiags, 10);
    assert_string_equal(p->diags[0].msg, "u declared but not used");
    assert_int_equal(p->diags[0].line, 4);
    for (int i = 1; i < p->ndiags; i++) {
        assert_true(p->diags[i].line > p->diags[i - 1].line);
        char want[32];
        snprintf(want, sizeof want, "undefined: a%d", i);
        assert_string_equal(p->diags[i].msg, want);
    }
    program_free(p);
}

static void test_print_diagnostic_caret(void **state)
{
    (void)state;
    const char *src = "package main\n\nfunc main() {\n\tx := 1\n\tx = y + 1\n}\n";
    Program *p = compile_source("dir/bad.go", src, strlen(src));
    assert_int_equal(p->ndiags, 1);
    FILE *f = tmpfile();
    assert_non_null(f);
    program_print_diagnostic(p, &p->diags[0], f);
    rewind(f);
    char out[256] = "";
    size_t n = fread(out, 1, sizeof out - 1, f);
    out[n] = 0;
    fclose(f);
    /* the tab before the column is kept, so the caret lines up under y */
    assert_string_equal(out, "dir/bad.go:5:6: error: undefined: y\n"
                             "\tx = y + 1\n"
                             "\t    ^\n");
    int len;
    const char *line = program_line_text(p, 5, &len);
    assert_int_equal(len, 10);
    assert_memory_equal(line, "\tx = y + 1", 10);
    assert_string_equal(program_line_text(p, 99, &len), "");
    assert_int_equal(len, 0);
    program_free(p);
}

static void test_disasm_print_format(void **state)
{
    (void)state;
    Program *p = compile_ok(race_src);
    int pc = p->protos[proto_index(p, "main.func1")].code_start;
    FILE *f = tmpfile();
    assert_non_null(f);
    assert_int_equal(disasm_print(p, pc, f), pc + 1);
    disasm_program(p, f);
    rewind(f);
    char out[2048] = "";
    size_t n = fread(out, 1, sizeof out - 1, f);
    out[n] = 0;
    fclose(f);
    assert_true(strncmp(out, "  14  L8  LOADREF 0\n", 20) == 0);
    assert_non_null(strstr(out, "== main.func1 =="));
    assert_non_null(strstr(out, "   3  L7  CLOSURE 1 1 main.func1\n"));
    program_free(p);
}

static void test_never_crashes_on_prefixes(void **state)
{
    (void)state;
    /* every prefix of a real program: diagnostics or code, never a crash */
    size_t len;
    char *src = read_file("scenarios/deadlock.go", &len);
    int ok = 0;
    for (size_t k = 0; k <= len; k++) {
        Program *p = compile_source("cut.go", src, k);
        assert_true(p->ndiags > 0 || p->ncode > 0);
        assert_true(p->ndiags <= 10);
        ok += p->ndiags == 0;
        program_free(p);
    }
    assert_true(ok >= 1);   /* at least the whole file compiles */
    free(src);
}

/* ---- fuzz regressions ---------------------------------------------------------------
 * Each input below once crashed the front end under tests/fuzz/fuzz_compile
 * (`make fuzz`), minimised by hand. */

static void test_fuzz_shift_zero_by_64(void **state)
{
    (void)state;
    /* folding 0 << 64 shifted a uint64_t by 64 in C: undefined behaviour */
    Program *p = compile_ok("package main\n\nconst c = 0 << 64\n\nfunc main() {\n\t_ = c\n}\n");
    expect_code(p, "main", "INT 0\nPOP\nRET 0\n");
    program_free(p);
}

static void test_fuzz_blank_type_declaration(void **state)
{
    (void)state;
    /* `type _ T` enters no scope, so looking its Sym up by name found NULL */
    Program *p = compile_ok("package main\n\ntype _ int\n\nfunc main() {\n}\n");
    program_free(p);
    expect_diag("package main\n\ntype _ struct{ x undefinedType }\n\nfunc main() {\n}\n",
                "3:18: undefined: undefinedType");
}

static void test_fuzz_send_statement_as_if_condition(void **state)
{
    (void)state;
    /* the send statement kept no operator: the message said "d EOF a" at 0:0 */
    expect_diag("package main\n\nfunc main() {\n\tif d <- a {\n\t}\n}\n",
                "4:7: syntax error: cannot use d <- a as value");
}

static void test_fuzz_variadic_call_without_arguments(void **state)
{
    (void)state;
    /* f() has no argument array: the extras were NULL + 0 (clang's UBSan) */
    Program *p = compile_ok("package main\n\nfunc sum(xs ...int) int {\n\treturn len(xs)\n}\n\n"
                            "type T struct{}\n\nfunc (t *T) m(xs ...int) {}\n\n"
                            "func main() {\n\tvar t T\n\tt.m()\n\t_ = sum()\n}\n");
    program_free(p);
}

static void test_fuzz_long_assignment_as_if_condition(void **state)
{
    (void)state;
    /* quoting `if x0, ..., z9 = 1 {` filled the 96-byte buffer exactly at a
     * ", " and strlen then read past it (ASan: stack-buffer-overflow) */
    char src[512] = "package main\n\nfunc main() {\n\tif ";
    for (int i = 0; i < 30; i++)
        snprintf(src + strlen(src), sizeof src - strlen(src), "%s%c%d", i ? ", " : "", 'x' + i / 10, i % 10);
    strcat(src, " = 1 {\n\t}\n}\n");
    Program *p = compile_source("bad.go", src, strlen(src));
    assert_int_equal(p->ndiags, 1);
    assert_true(strncmp(p->diags[0].msg, "syntax error: cannot use assignment (x0, x1, x2", 46) == 0);
    program_free(p);
}

static void test_fuzz_label_on_empty_var_group(void **state)
{
    (void)state;
    /* `L: var ()` parsed no statement to label: one.items[-1] of a NULL list */
    expect_diag("package main\n\nfunc main() {\nL:\n\tvar ()\n}\n", "4:1: label L defined and not used");
}

/* ---- limits: hostile input gets a diagnostic, not a crash -------------------------- */

/* Compile src (freed here) and require a diagnostic containing `want`. */
static void expect_diag_in(char *src, const char *want)
{
    Program *p = compile_source("big.go", src, strlen(src));
    bool found = false;
    for (int i = 0; i < p->ndiags; i++) found = found || strstr(p->diags[i].msg, want) != NULL;
    if (!found) {
        for (int i = 0; i < p->ndiags; i++) program_print_diagnostic(p, &p->diags[i], stderr);
        fail_msg("no diagnostic \"%s\"", want);
    }
    assert_int_equal(p->ncode, 0);
    program_free(p);
    free(src);
}

/* A source of `head`, then `n` times `rep` (with %d as the index), then `tail`. */
static char *repeat_src(const char *head, const char *rep, int n, const char *tail)
{
    size_t cap = strlen(head) + strlen(tail) + (size_t)n * (strlen(rep) + 16) + 1;
    char *s = malloc(cap);
    assert_non_null(s);
    size_t k = (size_t)snprintf(s, cap, "%s", head);
    for (int i = 0; i < n; i++) k += (size_t)snprintf(s + k, cap - k, rep, i, i + 1);
    snprintf(s + k, cap - k, "%s", tail);
    return s;
}

static void test_long_chains_do_not_overflow_the_stack(void **state)
{
    (void)state;
    /* left-deep trees the parser used to build without counting their depth:
     * each overflowed the C stack in a later recursive pass */
    const char *deep = "interleave does not support nesting deeper than 1000";
    expect_diag_in(repeat_src("package main\n\nfunc main() {\n\tx := 1\n\t_ = x", ".a", 200000, "\n}\n"), deep);
    expect_diag_in(repeat_src("package main\n\nfunc main() {\n\tf()", "()", 200000, "\n}\n"), deep);
    expect_diag_in(repeat_src("package main\n\nfunc main() {\n\tx := 1\n\tif x == 0 {\n",
                              "\t} else if x == 1 {\n", 100000, "\t}\n}\n"), deep);
    /* declarations resolved from inside each other stack tree on tree */
    const char *chain = "interleave does not support declarations that depend on each other this deeply";
    expect_diag_in(repeat_src("package main\n\n", "var v%d = v%d\n", 3000, "var v3000 = 1\n\nfunc main() {\n}\n"),
                   chain);
    expect_diag_in(repeat_src("package main\n\n", "const c%d = c%d\n", 3000, "const c3000 = 1\n\nfunc main() {\n}\n"),
                   chain);
    /* a long but reasonable chain still compiles */
    char *ok = repeat_src("package main\n\n", "var v%d = v%d\n", 300, "var v300 = 1\n\nfunc main() {\n}\n");
    Program *p = compile_ok(ok);
    assert_int_equal(p->nglobals, 301);
    program_free(p);
    free(ok);
}

static void test_huge_types_are_rejected(void **state)
{
    (void)state;
    /* a struct of four structs of four ... flattens to 4^20 slots */
    expect_diag_in(repeat_src("package main\n\n", "type T%d struct{ a, b, c, d T%d }\n", 20,
                              "type T20 struct{ x int }\n\nfunc main() {\n\tvar v T0\n\tv.a.a.x = 1\n}\n"),
                   "interleave does not support types of more than 4096 memory slots");
    /* 8 * 8 * 8 * 8 = 4096 slots is allowed, but not a hundred globals of it */
    expect_diag_in(repeat_src("package main\n\n"
                              "type A struct{ a, b, c, d, e, f, g, h B }\n"
                              "type B struct{ a, b, c, d, e, f, g, h C }\n"
                              "type C struct{ a, b, c, d, e, f, g, h D }\n"
                              "type D struct{ a, b, c, d, e, f, g, h int }\n\n",
                              "var v%d A\n", 100, "\nfunc main() {\n}\n"),
                   "interleave does not support global variables of more than 16384 memory slots");
}

/* A package scope of many names is searched by hash: every name is still
 * found, a redeclaration late in a large scope is still caught, and an inner
 * scope still shadows it. */
static void test_large_scopes(void **state)
{
    (void)state;
    char *src = repeat_src("package main\n\nimport \"fmt\"\n\n", "func f%d() int { return %d }\n", 500,
                           "func main() {\n\tf250 := 7\n\tfmt.Println(f0(), f17(), f499(), f250)\n}\n");
    Program *p = compile_source("many.go", src, strlen(src));
    assert_int_equal(p->ndiags, 0);
    MachineConfig cfg = machine_config_default();
    cfg.cores = 1;
    Machine *m = machine_new(p, &cfg);
    machine_run(m, 100000);
    assert_string_equal(m->stdout_buf, "1 18 500 7\n");
    machine_free(m);
    program_free(p);
    free(src);
    expect_diag_in(repeat_src("package main\n\n", "func f%d() {}\n", 300, "func f123() {}\n\nfunc main() {\n}\n"),
                   "f123 redeclared in this block");
    expect_diag_in(repeat_src("package main\n\n", "var v%d = %d\n", 300, "\nfunc main() {\n\t_ = v299 + nope\n}\n"),
                   "undefined: nope");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_captured_increment_is_three_steps),
        cmocka_unit_test(test_local_counter_loop),
        cmocka_unit_test(test_break_continue_and_infinite_for),
        cmocka_unit_test(test_fused_only_private_ints),
        cmocka_unit_test(test_closures_capture_by_reference),
        cmocka_unit_test(test_go_and_defer_shapes),
        cmocka_unit_test(test_struct_fields_through_pointers),
        cmocka_unit_test(test_constants_and_short_circuit),
        cmocka_unit_test(test_functions_results_and_names),
        cmocka_unit_test(test_statement_call_results_are_popped),
        cmocka_unit_test(test_multi_assign_to_fields),
        cmocka_unit_test(test_global_init_order),
        cmocka_unit_test(test_scenarios_compile),
        cmocka_unit_test(test_diagnostics),
        cmocka_unit_test(test_unsupported_and_syntax),
        cmocka_unit_test(test_big_untyped_constants),
        cmocka_unit_test(test_diagnostics_sorted_and_capped),
        cmocka_unit_test(test_print_diagnostic_caret),
        cmocka_unit_test(test_disasm_print_format),
        cmocka_unit_test(test_never_crashes_on_prefixes),
        cmocka_unit_test(test_fuzz_shift_zero_by_64),
        cmocka_unit_test(test_fuzz_blank_type_declaration),
        cmocka_unit_test(test_fuzz_send_statement_as_if_condition),
        cmocka_unit_test(test_fuzz_variadic_call_without_arguments),
        cmocka_unit_test(test_fuzz_long_assignment_as_if_condition),
        cmocka_unit_test(test_fuzz_label_on_empty_var_group),
        cmocka_unit_test(test_long_chains_do_not_overflow_the_stack),
        cmocka_unit_test(test_huge_types_are_rejected),
        cmocka_unit_test(test_large_scopes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
