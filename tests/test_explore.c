/* test_explore.c — the explorer (sim/explore): the outcome sets it finds on
 * small programs are exactly the ones the Go memory model allows (the racy
 * counters' finals, which SPIN finds too), the same with and without the
 * reduction and the state hashing, and every witness schedule replays to
 * its outcome on a fresh machine. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "explore.h"
#include "simtest.h"

/* G goroutines each doing N unsynchronised x++ (LOADREF, ADDI, STOREREF);
 * with `mutex`, each x++ under a sync.Mutex. */
static Program *counter(int goroutines, int n, bool mutex)
{
    char src[1024];
    snprintf(src, sizeof src,
             "package main\n"
             "import (\n\t\"fmt\"\n\t\"sync\"\n)\n"
             "func main() {\n"
             "\tx := 0\n"
             "\tvar mu sync.Mutex\n"
             "\tvar wg sync.WaitGroup\n"
             "\twg.Add(%d)\n"
             "\tfor g := 0; g < %d; g++ {\n"
             "\t\tgo func() {\n"
             "\t\t\tdefer wg.Done()\n"
             "\t\t\tfor i := 0; i < %d; i++ {\n"
             "\t\t\t\t%s\n"
             "\t\t\t}\n"
             "\t\t}()\n"
             "\t}\n"
             "\twg.Wait()\n"
             "\tmu.Lock()\n"
             "\tfmt.Println(x)\n"
             "\tmu.Unlock()\n"
             "}\n",
             goroutines, goroutines, n, mutex ? "mu.Lock(); x++; mu.Unlock()" : "x++");
    return compile_text("counter.go", src);
}

static Explorer *explore(const Program *p, int cores, const ExploreOptions *o)
{
    MachineConfig cfg = config(cores, POLICY_GO, 1);
    Explorer *e = explore_new(p, &cfg, o);
    assert_non_null(e);
    assert_true(explore_run(e));
    return e;
}

/* The outcomes as one line: "status exit output [msg]; ..." in the
 * explorer's order. */
static void outcome_set(const Explorer *e, char *buf, size_t n)
{
    int k;
    const ExploreOutcome *oc = explore_outcomes(e, &k);
    size_t len = 0;
    buf[0] = '\0';
    for (int i = 0; i < k && len < n; i++)
        len += (size_t)snprintf(buf + len, n - len, "%s%d %d %s[%s]", i ? "; " : "", oc[i].status,
                                oc[i].exit_code, oc[i].out, oc[i].msg);
}

/* Every witness, run by `run --schedule`'s rules on a fresh machine,
 * reaches its outcome. */
static void assert_witnesses_replay(const Program *p, int cores, const Explorer *e)
{
    int k;
    const ExploreOutcome *oc = explore_outcomes(e, &k);
    for (int i = 0; i < k; i++) {
        Machine *m = start(p, cores, POLICY_GO, 1);
        machine_set_schedule(m, &oc[i].witness);
        machine_run(m, 100000000);
        assert_int_equal(m->status, oc[i].status);
        assert_int_equal(m->exit_code, oc[i].exit_code);
        assert_int_equal(m->stdout_len, oc[i].out_len);
        assert_memory_equal(m->stdout_buf, oc[i].out, oc[i].out_len);
        size_t msg = strlen(oc[i].msg);
        if (m->status != M_EXITED) assert_true(m->stderr_len >= msg);
        if (m->stderr_len) assert_memory_equal(m->stderr_buf, oc[i].msg, msg);
        machine_free(m);
    }
}

/* The finals of x for a racy counter, "2\n" ... as exit-0 outcomes. */
static void assert_finals(const Explorer *e, int lo, int hi)
{
    int k;
    const ExploreOutcome *oc = explore_outcomes(e, &k);
    assert_int_equal(k, hi - lo + 1);
    bool seen[64] = {false};
    for (int i = 0; i < k; i++) {
        assert_int_equal(oc[i].status, M_EXITED);
        assert_int_equal(oc[i].exit_code, 0);
        int v = atoi(oc[i].out);
        assert_true(v >= lo && v <= hi);
        seen[v] = true;
    }
    for (int v = lo; v <= hi; v++) assert_true(seen[v]);
}

/* 2 goroutines x 2 x++: a lost update can lose one or two increments
 * (G2 loads 0, G3 runs both, G2 stores 1, G3... ) but never all: {2, 3, 4}. */
static void test_racy_counter_2x2(void **state)
{
    (void)state;
    Program *p = counter(2, 2, false);
    for (int cores = 1; cores <= 2; cores++) {
        Explorer *e = explore(p, cores, NULL);
        assert_finals(e, 2, 4);
        assert_witnesses_replay(p, cores, e);
        assert_false(explore_stats(e)->depth_cut);
        explore_free(e);
    }
    program_free(p);
}

/* 3 x 3: {2..9}, the set SPIN finds for the same model. */
static void test_racy_counter_3x3(void **state)
{
    (void)state;
    Program *p = counter(3, 3, false);
    Explorer *e = explore(p, 2, NULL);
    assert_finals(e, 2, 9);
    assert_witnesses_replay(p, 2, e);
    explore_free(e);
    program_free(p);
}

/* Under a mutex only the exact sum is reachable. */
static void test_mutex_counter(void **state)
{
    (void)state;
    Program *p = counter(3, 2, true);
    Explorer *e = explore(p, 2, NULL);
    assert_finals(e, 6, 6);
    assert_witnesses_replay(p, 2, e);
    explore_free(e);
    program_free(p);
}

/* printSum (scenarios/deadlock.go): the deadlock is found, and its witness
 * deadlocks when replayed.  Without the sleep, both endings. */
static void test_print_sum_deadlock(void **state)
{
    (void)state;
    Program *p = compile_file("scenarios/deadlock.go");
    Explorer *e = explore(p, 2, NULL);
    int k;
    const ExploreOutcome *oc = explore_outcomes(e, &k);
    assert_int_equal(k, 1);
    assert_int_equal(oc[0].status, M_DEADLOCK);
    assert_int_equal(oc[0].exit_code, 2);
    assert_string_equal(oc[0].msg, "fatal error: all goroutines are asleep - deadlock!");
    assert_true(oc[0].witness.n > 0);
    assert_witnesses_replay(p, 2, e);
    explore_free(e);
    program_free(p);

    p = compile_text("printsum.go",
                     "package main\n"
                     "import (\n\t\"fmt\"\n\t\"sync\"\n)\n"
                     "type value struct {\n\tmu sync.Mutex\n\tvalue int\n}\n"
                     "func main() {\n"
                     "\tvar wg sync.WaitGroup\n"
                     "\tprintSum := func(v1, v2 *value) {\n"
                     "\t\tdefer wg.Done()\n"
                     "\t\tv1.mu.Lock()\n\t\tdefer v1.mu.Unlock()\n"
                     "\t\tv2.mu.Lock()\n\t\tdefer v2.mu.Unlock()\n"
                     "\t\tfmt.Printf(\"sum=%v\\n\", v1.value+v2.value)\n"
                     "\t}\n"
                     "\tvar a, b value\n"
                     "\twg.Add(2)\n"
                     "\tgo printSum(&a, &b)\n"
                     "\tgo printSum(&b, &a)\n"
                     "\twg.Wait()\n"
                     "}\n");
    e = explore(p, 2, NULL);
    char set[512];
    outcome_set(e, set, sizeof set);
    assert_string_equal(set, "1 0 sum=0\nsum=0\n[]; 2 2 [fatal error: all goroutines are asleep - deadlock!]");
    assert_witnesses_replay(p, 2, e);
    explore_free(e);
    program_free(p);
}

/* No concurrency: one outcome, one end state. */
static void test_sequential_program(void **state)
{
    (void)state;
    Program *p = compile_text("seq.go",
                              "package main\n"
                              "import \"fmt\"\n"
                              "func main() {\n"
                              "\ts := 0\n"
                              "\tfor i := 1; i <= 10; i++ {\n\t\ts += i\n\t}\n"
                              "\tfmt.Println(s)\n"
                              "}\n");
    Explorer *e = explore(p, 2, NULL);
    char set[256];
    outcome_set(e, set, sizeof set);
    assert_string_equal(set, "1 0 55\n[]");
    assert_int_equal(explore_stats(e)->ends, 1);
    assert_witnesses_replay(p, 2, e);
    explore_free(e);
    program_free(p);
}

/* A panic that only some orders reach: 10 / x after another goroutine may
 * have set x to 0. */
static const char *divide_src =
    "package main\n"
    "import (\n\t\"fmt\"\n\t\"sync\"\n)\n"
    "func main() {\n"
    "\tx := 1\n"
    "\tvar wg sync.WaitGroup\n"
    "\twg.Add(1)\n"
    "\tgo func() {\n\t\tx = 0\n\t\twg.Done()\n\t}()\n"
    "\ty := 10 / x\n"
    "\twg.Wait()\n"
    "\tfmt.Println(y)\n"
    "}\n";

static void test_reachable_panic(void **state)
{
    (void)state;
    Program *p = compile_text("divide.go", divide_src);
    Explorer *e = explore(p, 2, NULL);
    char set[512];
    outcome_set(e, set, sizeof set);
    assert_string_equal(set, "1 0 10\n[]; 3 2 [panic: runtime error: integer divide by zero]");
    assert_witnesses_replay(p, 2, e);
    explore_free(e);
    program_free(p);
}

/* select picks among ready cases at random: each is an outcome, and the
 * witness step that names the case ("1/2") replays it.  A case that is
 * never ready is never taken. */
static void test_select_choices(void **state)
{
    (void)state;
    Program *p = compile_text("select.go",
                              "package main\n"
                              "import \"fmt\"\n"
                              "func main() {\n"
                              "\ta := make(chan int, 1)\n"
                              "\tb := make(chan int, 1)\n"
                              "\tc := make(chan int)\n"
                              "\ta <- 1\n"
                              "\tb <- 2\n"
                              "\tselect {\n"
                              "\tcase v := <-c:\n\t\tfmt.Println(\"c\", v)\n"
                              "\tcase v := <-a:\n\t\tfmt.Println(\"a\", v)\n"
                              "\tcase v := <-b:\n\t\tfmt.Println(\"b\", v)\n"
                              "\t}\n"
                              "}\n");
    Explorer *e = explore(p, 2, NULL);
    char set[256];
    outcome_set(e, set, sizeof set);
    assert_string_equal(set, "1 0 a 1\n[]; 1 0 b 2\n[]");
    int k;
    const ExploreOutcome *oc = explore_outcomes(e, &k);
    for (int i = 0; i < k; i++) {
        assert_non_null(oc[i].witness.sel);
        char text[256];
        schedule_format(&oc[i].witness, text, sizeof text);
        assert_non_null(strstr(text, i == 0 ? "1/2" : "1/3"));
    }
    assert_witnesses_replay(p, 2, e);
    explore_free(e);
    program_free(p);
}

/* A goroutine that spins on local steps for ever must not hide main's
 * steps from the search (the reduction's cycle proviso). */
static void test_local_spin_does_not_hide_others(void **state)
{
    (void)state;
    Program *p = compile_text("spin.go",
                              "package main\n"
                              "import \"fmt\"\n"
                              "func main() {\n"
                              "\tgo func() {\n\t\ti := 0\n\t\tfor {\n\t\t\ti = 1 - i\n\t\t}\n\t}()\n"
                              "\tfmt.Println(\"main\")\n"
                              "}\n");
    Explorer *e = explore(p, 2, NULL);
    char set[256];
    outcome_set(e, set, sizeof set);
    assert_string_equal(set, "1 0 main\n[]");
    assert_true(explore_stats(e)->widened > 0);     /* (from a replayed machine) */
    explore_free(e);
    program_free(p);
}

/* The reduction and the hashing change how much is searched, never what is
 * found: the same outcome sets as branching at every step (merging states),
 * and as following every path without merging (with the reduction: without
 * both, main's own steps interleaved with everything make even 2 x 1 too
 * big to enumerate). */
static void test_reductions_keep_the_outcomes(void **state)
{
    (void)state;
    Program *progs[] = {counter(2, 1, false), counter(2, 2, false), counter(2, 1, true),
                        compile_text("divide.go", divide_src)};
    for (size_t i = 0; i < sizeof progs / sizeof *progs; i++) {
        char full[1024], plain[1024], tree[1024];
        ExploreOptions no_reduce = {.no_reduce = true};
        ExploreOptions no_hash = {.no_hash = true};
        Explorer *e = explore(progs[i], 2, NULL);
        Explorer *n = explore(progs[i], 2, &no_reduce);
        outcome_set(e, full, sizeof full);
        outcome_set(n, plain, sizeof plain);
        assert_string_equal(full, plain);
        /* the reduction searches fewer states */
        assert_true(explore_stats(e)->states < explore_stats(n)->states);
        assert_witnesses_replay(progs[i], 2, n);
        if (i == 0 || i == 3) {             /* 2 x 2 without merging: 2 million states,
                                               the mutex's 2 x 1 nearly 10 million */
            Explorer *t = explore(progs[i], 2, &no_hash);
            outcome_set(t, tree, sizeof tree);
            assert_string_equal(full, tree);
            explore_free(t);
        }
        explore_free(e);
        explore_free(n);
        program_free(progs[i]);
    }
}

/* --max-states stops the search and says it was not exhaustive. */
static void test_state_limit(void **state)
{
    (void)state;
    Program *p = counter(3, 3, false);
    MachineConfig cfg = config(2, POLICY_GO, 1);
    ExploreOptions o = {.max_states = 100};
    Explorer *e = explore_new(p, &cfg, &o);
    assert_false(explore_run(e));
    assert_true(explore_stats(e)->stopped);
    assert_int_equal(explore_stats(e)->states, 100);
    explore_free(e);
    program_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_racy_counter_2x2),
        cmocka_unit_test(test_racy_counter_3x3),
        cmocka_unit_test(test_mutex_counter),
        cmocka_unit_test(test_print_sum_deadlock),
        cmocka_unit_test(test_sequential_program),
        cmocka_unit_test(test_reachable_panic),
        cmocka_unit_test(test_select_choices),
        cmocka_unit_test(test_local_spin_does_not_hide_others),
        cmocka_unit_test(test_reductions_keep_the_outcomes),
        cmocka_unit_test(test_state_limit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
