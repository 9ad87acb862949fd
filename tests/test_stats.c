/* test_stats.c — CPU time and lock waits per goroutine, and Jain's index. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "simtest.h"
#include "stats.h"

static Stats *observe(const char *src, int cores, MachineStatus want, Machine **out)
{
    Program *p = compile_text("stats.go", src);
    Machine *m = start(p, cores, POLICY_GO, 1);
    Stats *s = stats_new();
    while (m->status == M_RUNNING) {
        machine_step(m);
        stats_observe(s, m);
    }
    assert_int_equal(m->status, want);
    *out = m;
    return s;
}

static void test_lock_counts_and_shares(void **state)
{
    (void)state;
    /* a greedy worker takes the lock once per loop, a polite one three times */
    const char *src =
        "package main\n"
        "import (\"sync\"; \"time\")\n"
        "func main() {\n"
        "\tvar mu sync.Mutex\n"
        "\tvar wg sync.WaitGroup\n"
        "\twg.Add(2)\n"
        "\tgo func() { defer wg.Done(); for i := 0; i < 300; i++ { mu.Lock(); time.Sleep(3 * time.Microsecond); mu.Unlock() } }()\n"
        "\tgo func() { defer wg.Done(); for i := 0; i < 300; i++ { for k := 0; k < 3; k++ { mu.Lock(); time.Sleep(time.Microsecond); mu.Unlock() } } }()\n"
        "\twg.Wait()\n"
        "}\n";
    Machine *m;
    Stats *s = observe(src, 2, M_EXITED, &m);
    int n;
    const GStats *g = stats_goroutines(s, &n);
    assert_int_equal(n, 3);
    assert_int_equal(g[1].acquisitions, 300);
    assert_int_equal(g[2].acquisitions, 900);
    /* both waited for the lock, and held it for at least their sleeps */
    assert_true(g[1].wait_ns > 0 && g[2].wait_ns > 0);
    assert_true(g[1].hold_ns >= 300 * 3000 && g[2].hold_ns >= 900 * 1000);
    assert_true(g[1].longest_wait_ns <= g[1].wait_ns);
    /* CPU time is charged to those that ran, no more than the run lasted per core */
    int64_t total = g[0].cpu_ns + g[1].cpu_ns + g[2].cpu_ns;
    assert_true(total > 0 && total <= 2 * m->now);
    double j = stats_fairness(s);
    assert_true(j > 0.5 && j <= 1.0);
    stats_free(s);
    program_free((Program *)m->prog);
    machine_free(m);
}

static void test_fairness_extremes(void **state)
{
    (void)state;
    /* one worker spins, the other sleeps the whole time: nearly all to one */
    const char *src =
        "package main\n"
        "import (\"sync\"; \"time\")\n"
        "func main() {\n"
        "\tvar wg sync.WaitGroup\n"
        "\twg.Add(2)\n"
        "\tgo func() { defer wg.Done(); n := 0; for i := 0; i < 1000000; i++ { n += i } }()\n"
        "\tgo func() { defer wg.Done(); time.Sleep(time.Millisecond) }()\n"
        "\twg.Wait()\n"
        "}\n";
    Machine *m;
    Stats *s = observe(src, 2, M_EXITED, &m);
    double j = stats_fairness(s);
    assert_true(j < 0.55);                  /* 1/2: one of the two got (almost) all */
    stats_free(s);
    program_free((Program *)m->prog);
    machine_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lock_counts_and_shares),
        cmocka_unit_test(test_fairness_extremes),
    };
    return cmocka_run_group_tests_name("stats", tests, NULL, NULL);
}
