/* test_vm.c — instruction semantics, fmt formatting, runtime errors, copies.
 *
 * Programs are hand-assembled (tests/asm.h) so these tests pin the VM to the
 * bytecode contract of opcodes.def, independent of the compiler. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "asm.h"
#include "machine.h"

static MachineConfig cfg_cores(int cores, uint64_t seed)
{
    MachineConfig c = machine_config_default();
    c.cores = cores;
    c.seed = seed;
    return c;
}

/* Run p to the end on `cores` cores; returns the machine (caller frees). */
static Machine *run(const Program *p, int cores, uint64_t seed)
{
    MachineConfig c = cfg_cores(cores, seed);
    Machine *m = machine_new(p, &c);
    assert_non_null(m);
    machine_run(m, 1000000);
    return m;
}

/* The base of the first block made under a name. */
static int64_t first_named(const Machine *m)
{
    for (int64_t b = 0; b < m->nblocks; b++)
        if (m->blocks[b].name >= 0) return m->blocks[b].base;
    fail_msg("no named block");
    return -1;
}

static void test_arith_println(void **state)
{
    (void)state;
    Asm a;
    asm_init(&a, "t.go");
    asm_func(&a, "main", 0, 0, 0);
    A(&a, OP_INT, 2, 0, 3); A(&a, OP_INT, 40, 0, 3); A(&a, OP_ADD, 0, 0, 3);
    A(&a, OP_INT, 7, 0, 4); A(&a, OP_INT, 2, 0, 4); A(&a, OP_MOD, 0, 0, 4);
    A(&a, OP_INT, -7, 0, 5); A(&a, OP_INT, 2, 0, 5); A(&a, OP_DIV, 0, 0, 5);
    A(&a, OP_INT, 3, 0, 6); A(&a, OP_INT, 4, 0, 6); A(&a, OP_LT, 0, 0, 6);
    A(&a, OP_NIL, 0, 0, 6);
    A(&a, OP_PRINTLN, 5, 0, 6);
    A(&a, OP_RET, 0, 0, 7);
    asm_end(&a);
    Program *p = asm_finish(&a);
    Machine *m = run(p, 1, 1);
    assert_int_equal(m->status, M_EXITED);
    assert_int_equal(m->exit_code, 0);
    assert_string_equal(m->stdout_buf, "42 1 -3 true <nil>\n");
    assert_int_equal(m->instructions, 15);
    machine_free(m);
    asm_free(p);
}

/* main: Printf(fmt, args...) for each case, one per line. */
static void test_printf_verbs(void **state)
{
    (void)state;
    Asm a;
    asm_init(&a, "t.go");
    asm_func(&a, "main", 0, 0, 0);
    A(&a, OP_STR, asm_str(&a, "%v %d %s %%|%5d|%-4s|%03d\n"), 0, 3);
    A(&a, OP_INT, 7, 0, 3); A(&a, OP_INT, 8, 0, 3); A(&a, OP_STR, asm_str(&a, "x"), 0, 3);
    A(&a, OP_INT, 42, 0, 3); A(&a, OP_STR, asm_str(&a, "ab"), 0, 3); A(&a, OP_INT, 7, 0, 3);
    A(&a, OP_PRINTF, 7, 0, 3);
    A(&a, OP_STR, asm_str(&a, "%d|%s|%v\n"), 0, 4);
    A(&a, OP_STR, asm_str(&a, "hi"), 0, 4); A(&a, OP_INT, 5, 0, 4);
    A(&a, OP_PRINTF, 3, 0, 4);
    A(&a, OP_STR, asm_str(&a, "a\n"), 0, 5); A(&a, OP_INT, 3, 0, 5); A(&a, OP_STR, asm_str(&a, "x"), 0, 5);
    A(&a, OP_PRINTF, 3, 0, 5);
    A(&a, OP_STR, asm_str(&a, "\n%t %q %x %v\n"), 0, 6);
    A(&a, OP_TRUE, 0, 0, 6); A(&a, OP_STR, asm_str(&a, "q\""), 0, 6); A(&a, OP_INT, 255, 0, 6);
    A(&a, OP_FALSE, 0, 0, 6);
    A(&a, OP_PRINTF, 5, 0, 6);
    A(&a, OP_RET, 0, 0, 7);
    asm_end(&a);
    Program *p = asm_finish(&a);
    Machine *m = run(p, 1, 1);
    assert_int_equal(m->status, M_EXITED);
    assert_string_equal(m->stdout_buf,
                        "7 8 x %|   42|ab  |007\n"
                        "%!d(string=hi)|%!s(int=5)|%!v(MISSING)\n"
                        "a\n%!(EXTRA int=3, string=x)\n"
                        "true \"q\\\"\" ff false\n");
    /* each Printf is one EV_OUTPUT; check via a fresh run's events */
    machine_free(m);
    asm_free(p);
}

/* A struct pointer prints as &{...}; a mutex slot as Go 1.19's {0 0}. */
static void test_println_struct(void **state)
{
    (void)state;
    Asm a;
    asm_init(&a, "t.go");
    int kinds[2] = {SYNC_MUTEX, 0};
    const char *names[2] = {"mu", "value"};
    int t = asm_type(&a, "value", 2, kinds, names);
    asm_func(&a, "main", 0, 0, 1);
    A(&a, OP_NEW, t, asm_str(&a, "a"), 3); A(&a, OP_SETLOCAL, 0, 0, 3);
    A(&a, OP_LOCAL, 0, 0, 4); A(&a, OP_FIELD, 1, 0, 4); A(&a, OP_INT, 9, 0, 4); A(&a, OP_STORE, 0, 0, 4);
    A(&a, OP_LOCAL, 0, 0, 5); A(&a, OP_PRINTLN, 1, 0, 5);
    A(&a, OP_RET, 0, 0, 6);
    asm_end(&a);
    Program *p = asm_finish(&a);
    Machine *m = run(p, 1, 1);
    assert_string_equal(m->stdout_buf, "&{{0 0} 9}\n");
    char buf[32];
    assert_string_equal(machine_addr_name(m, first_named(m), buf, sizeof buf), "a.mu");
    assert_string_equal(machine_addr_name(m, first_named(m) + 1, buf, sizeof buf), "a.value");
    machine_free(m);
    asm_free(p);
}

static void test_divide_by_zero(void **state)
{
    (void)state;
    Asm a;
    asm_init(&a, "div.go");
    asm_func(&a, "main", 0, 0, 0);
    A(&a, OP_INT, 1, 0, 7); A(&a, OP_INT, 0, 0, 8); A(&a, OP_DIV, 0, 0, 8);
    A(&a, OP_PRINTLN, 1, 0, 8); A(&a, OP_RET, 0, 0, 9);
    asm_end(&a);
    Program *p = asm_finish(&a);
    Machine *m = run(p, 2, 1);
    assert_int_equal(m->status, M_PANIC);
    assert_int_equal(m->exit_code, 2);
    assert_string_equal(m->stderr_buf,
                        "panic: runtime error: integer divide by zero\n\n"
                        "goroutine 1 [running]:\nmain.main()\n\tdiv.go:8\n");
    assert_string_equal(m->stdout_buf, "");
    machine_free(m);
    asm_free(p);
}

static void test_nil_dereference(void **state)
{
    (void)state;
    Asm a;
    asm_init(&a, "nil.go");
    asm_func(&a, "main", 0, 0, 0);
    A(&a, OP_NIL, 0, 0, 4); A(&a, OP_LOAD, 0, 0, 5); A(&a, OP_RET, 0, 0, 6);
    asm_end(&a);
    Program *p = asm_finish(&a);
    Machine *m = run(p, 1, 1);
    assert_int_equal(m->status, M_PANIC);
    assert_string_equal(m->stderr_buf,
                        "panic: runtime error: invalid memory address or nil pointer dereference\n\n"
                        "goroutine 1 [running]:\nmain.main()\n\tnil.go:5\n");
    machine_free(m);
    asm_free(p);
}

/* x := new(int); *x = 5; f := func(d int) int { return *x + d }; println(f(10))
 * with two defers: Println("first"), then a deferred call g(3).  Deferred
 * calls run LIFO after the return value is computed. */
static void test_call_closure_defer(void **state)
{
    (void)state;
    Asm a;
    asm_init(&a, "t.go");
    int tint = asm_type(&a, "int", 1, NULL, NULL);
    int f = asm_func(&a, "main.func1", 1, 1, 2);
    A(&a, OP_LOADREF, 1, 0, 20); A(&a, OP_LOCAL, 0, 0, 20); A(&a, OP_ADD, 0, 0, 20);
    A(&a, OP_RET, 1, 0, 20);
    asm_end(&a);
    int g = asm_func(&a, "show", 1, 0, 1);
    A(&a, OP_STR, asm_str(&a, "show"), 0, 30); A(&a, OP_LOCAL, 0, 0, 30);
    A(&a, OP_PRINTLN, 2, 0, 30); A(&a, OP_RET, 0, 0, 31);
    asm_end(&a);
    asm_func(&a, "main", 0, 0, 2);
    A(&a, OP_NEW, tint, asm_str(&a, "x"), 3); A(&a, OP_SETLOCAL, 0, 0, 3);
    A(&a, OP_LOCAL, 0, 0, 4); A(&a, OP_INT, 5, 0, 4); A(&a, OP_STORE, 0, 0, 4);
    A(&a, OP_LOCAL, 0, 0, 5); A(&a, OP_CLOSURE, f, 1, 5); A(&a, OP_SETLOCAL, 1, 0, 5);
    A(&a, OP_STR, asm_str(&a, "first"), 0, 6); A(&a, OP_DEFER, 1, OP_PRINTLN, 6);
    A(&a, OP_FUNC, g, 0, 7); A(&a, OP_INT, 3, 0, 7); A(&a, OP_DEFER, 1, 0, 7);
    A(&a, OP_LOCAL, 1, 0, 8); A(&a, OP_INT, 10, 0, 8); A(&a, OP_CALL, 1, 0, 8);
    A(&a, OP_PRINTLN, 1, 0, 8);
    A(&a, OP_RET, 0, 0, 9);
    asm_end(&a);
    Program *p = asm_finish(&a);
    Machine *m = run(p, 1, 1);
    assert_int_equal(m->status, M_EXITED);
    assert_string_equal(m->stdout_buf, "15\nshow 3\nfirst\n");
    char buf[32];
    assert_string_equal(machine_addr_name(m, first_named(m), buf, sizeof buf), "x");
    machine_free(m);
    asm_free(p);
}

static void test_strings(void **state)
{
    (void)state;
    Asm a;
    asm_init(&a, "t.go");
    asm_func(&a, "main", 0, 0, 0);
    A(&a, OP_STR, asm_str(&a, "ab"), 0, 3); A(&a, OP_STR, asm_str(&a, "cd"), 0, 3); A(&a, OP_ADD, 0, 0, 3);
    A(&a, OP_DUP, 0, 0, 3); A(&a, OP_STR, asm_str(&a, "abcd"), 0, 3); A(&a, OP_EQ, 0, 0, 3);
    A(&a, OP_STR, asm_str(&a, "abc"), 0, 3); A(&a, OP_STR, asm_str(&a, "abd"), 0, 3); A(&a, OP_LT, 0, 0, 3);
    A(&a, OP_STR, 0, 0, 3); A(&a, OP_STR, asm_str(&a, "ab"), 0, 3); A(&a, OP_ADD, 0, 0, 3);
    A(&a, OP_PRINTLN, 4, 0, 3);
    A(&a, OP_RET, 0, 0, 4);
    asm_end(&a);
    Program *p = asm_finish(&a);
    Machine *m = run(p, 1, 1);
    assert_string_equal(m->stdout_buf, "abcd true true ab\n");
    machine_free(m);
    asm_free(p);
}

/* Package initialisation runs in G1 before main (G[0] = 7 in init). */
static void test_init_before_main(void **state)
{
    (void)state;
    static const char *gnames[1] = {"answer"};
    Asm a;
    asm_init(&a, "t.go");
    asm_globals(&a, 1, gnames);
    a.p->init_proto = asm_func(&a, "init", 0, 0, 0);
    A(&a, OP_INT, 7, 0, 2); A(&a, OP_SETGLOBAL, 0, 0, 2); A(&a, OP_RET, 0, 0, 2);
    asm_end(&a);
    asm_func(&a, "main", 0, 0, 0);
    A(&a, OP_GLOBAL, 0, 0, 5); A(&a, OP_PRINTLN, 1, 0, 5); A(&a, OP_RET, 0, 0, 6);
    asm_end(&a);
    Program *p = asm_finish(&a);
    Machine *m = run(p, 1, 1);
    assert_string_equal(m->stdout_buf, "7\n");
    char buf[16];
    assert_string_equal(machine_addr_name(m, 0, buf, sizeof buf), "answer");
    machine_free(m);
    asm_free(p);
}

static void test_unlock_of_unlocked(void **state)
{
    (void)state;
    static const char *gnames[1] = {"mu"};
    Asm a;
    asm_init(&a, "mu.go");
    asm_globals(&a, 1, gnames);
    asm_func(&a, "main", 0, 0, 0);
    A(&a, OP_GADDR, 0, 0, 9); A(&a, OP_UNLOCK, 0, 0, 9); A(&a, OP_RET, 0, 0, 10);
    asm_end(&a);
    Program *p = asm_finish(&a);
    Machine *m = run(p, 2, 1);
    assert_int_equal(m->status, M_PANIC);
    assert_int_equal(m->exit_code, 2);
    assert_string_equal(m->stderr_buf,
                        "fatal error: sync: unlock of unlocked mutex\n\n"
                        "goroutine 1 [running]:\nmain.main()\n\tmu.go:9\n");
    machine_free(m);
    asm_free(p);
}

/* go worker(1); go worker(2); wg.Wait(); each worker prints and calls Done. */
static Program *workers_program(int add)
{
    static const char *gnames[2] = {"wg", "total"};
    Asm a;
    asm_init(&a, "wg.go");
    asm_globals(&a, 2, gnames);
    int w = asm_func(&a, "worker", 1, 0, 1);
    A(&a, OP_GADDR, 0, 0, 4); A(&a, OP_DEFER, 1, OP_WGDONE, 4);
    A(&a, OP_GLOBAL, 1, 0, 5); A(&a, OP_LOCAL, 0, 0, 5); A(&a, OP_ADD, 0, 0, 5);
    A(&a, OP_SETGLOBAL, 1, 0, 5);
    A(&a, OP_RET, 0, 0, 6);
    asm_end(&a);
    asm_func(&a, "main", 0, 0, 0);
    A(&a, OP_GADDR, 0, 0, 10); A(&a, OP_INT, add, 0, 10); A(&a, OP_WGADD, 0, 0, 10);
    A(&a, OP_FUNC, w, 0, 11); A(&a, OP_INT, 1, 0, 11); A(&a, OP_GO, 1, 0, 11);
    A(&a, OP_FUNC, w, 0, 12); A(&a, OP_INT, 2, 0, 12); A(&a, OP_GO, 1, 0, 12);
    A(&a, OP_GADDR, 0, 0, 13); A(&a, OP_WGWAIT, 0, 0, 13);
    A(&a, OP_GLOBAL, 1, 0, 14); A(&a, OP_PRINTLN, 1, 0, 14);
    A(&a, OP_RET, 0, 0, 15);
    asm_end(&a);
    return asm_finish(&a);
}

static void test_go_waitgroup(void **state)
{
    (void)state;
    Program *p = workers_program(2);
    for (uint64_t seed = 1; seed <= 20; seed++) {
        for (int cores = 1; cores <= 3; cores++) {
            Machine *m = run(p, cores, seed);
            assert_int_equal(m->status, M_EXITED);
            assert_int_equal(m->ngs, 3);
            /* the workers race on total, so 1, 2 or 3 */
            assert_true(!strcmp(m->stdout_buf, "3\n") || !strcmp(m->stdout_buf, "1\n") ||
                        !strcmp(m->stdout_buf, "2\n"));
            machine_free(m);
        }
    }
    asm_free(p);
}

/* wg.Add(1); go func() { defer wg.Done(); wg.Done() }(); wg.Wait() */
static void test_negative_waitgroup(void **state)
{
    (void)state;
    static const char *gnames[1] = {"wg"};
    Asm a;
    asm_init(&a, "wg.go");
    asm_globals(&a, 1, gnames);
    int w = asm_func(&a, "main.func1", 0, 0, 0);
    A(&a, OP_GADDR, 0, 0, 4); A(&a, OP_DEFER, 1, OP_WGDONE, 4);
    A(&a, OP_GADDR, 0, 0, 5); A(&a, OP_WGDONE, 0, 0, 5);
    A(&a, OP_RET, 0, 0, 6);
    asm_end(&a);
    asm_func(&a, "main", 0, 0, 0);
    A(&a, OP_GADDR, 0, 0, 10); A(&a, OP_INT, 1, 0, 10); A(&a, OP_WGADD, 0, 0, 10);
    A(&a, OP_FUNC, w, 0, 11); A(&a, OP_GO, 0, 0, 11);
    A(&a, OP_GADDR, 0, 0, 13); A(&a, OP_WGWAIT, 0, 0, 13);
    A(&a, OP_RET, 0, 0, 15);
    asm_end(&a);
    Program *p = asm_finish(&a);
    Machine *m = run(p, 1, 1);
    assert_int_equal(m->status, M_PANIC);
    assert_int_equal(m->exit_code, 2);
    assert_string_equal(m->stderr_buf,
                        "panic: sync: negative WaitGroup counter\n\n"
                        "goroutine 2 [running]:\nmain.main.func1(...)\n\twg.go:6\n"
                        "created by main.main\n\twg.go:11\n");
    machine_free(m);
    asm_free(p);
}

/* Observable state of two machines is equal. */
static void assert_same_state(const Machine *a, const Machine *b)
{
    assert_int_equal(a->frame, b->frame);
    assert_int_equal(a->now, b->now);
    assert_int_equal(a->status, b->status);
    assert_int_equal(a->npicks, b->npicks);
    assert_int_equal(a->ngs, b->ngs);
    assert_int_equal(a->nmem, b->nmem);
    assert_memory_equal(a->mem, b->mem, (size_t)a->nmem * sizeof(Value));
    assert_int_equal(a->stdout_len, b->stdout_len);
    assert_memory_equal(a->stdout_buf, b->stdout_buf, a->stdout_len);
    for (int i = 0; i < a->ngs; i++) {
        const Goroutine *x = &a->gs[i], *y = &b->gs[i];
        assert_int_equal(x->state, y->state);
        assert_int_equal(x->sp, y->sp);
        assert_int_equal(x->nframes, y->nframes);
        if (x->sp) assert_memory_equal(x->stack, y->stack, (size_t)x->sp * sizeof(Value));
        for (int k = 0; k < x->nframes; k++) assert_int_equal(x->frames[k].pc, y->frames[k].pc);
    }
    for (int c = 0; c < a->ncores; c++) {
        assert_int_equal(a->last[c].g, b->last[c].g);
        assert_int_equal(a->last[c].pc, b->last[c].pc);
    }
}

static void test_clone_steps_identically(void **state)
{
    (void)state;
    Program *p = workers_program(2);
    for (uint64_t seed = 1; seed <= 10; seed++) {
        MachineConfig c = cfg_cores(2, seed);
        Machine *m = machine_new(p, &c);
        for (int i = 0; i < 6; i++) machine_step(m);
        Machine *k = machine_clone(m);
        Machine *r = machine_new(p, &c);
        machine_copy(r, m);                  /* copy over a used machine too */
        while (m->status == M_RUNNING) {
            machine_step(m);
            machine_step(k);
            machine_step(r);
            assert_same_state(m, k);
            assert_same_state(m, r);
        }
        machine_free(m);
        machine_free(k);
        machine_free(r);
    }
    asm_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_arith_println),
        cmocka_unit_test(test_printf_verbs),
        cmocka_unit_test(test_println_struct),
        cmocka_unit_test(test_divide_by_zero),
        cmocka_unit_test(test_nil_dereference),
        cmocka_unit_test(test_call_closure_defer),
        cmocka_unit_test(test_strings),
        cmocka_unit_test(test_init_before_main),
        cmocka_unit_test(test_unlock_of_unlocked),
        cmocka_unit_test(test_go_waitgroup),
        cmocka_unit_test(test_negative_waitgroup),
        cmocka_unit_test(test_clone_steps_identically),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
