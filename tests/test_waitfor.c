/* test_waitfor.c — deadlock detection: Go's global "all goroutines are
 * asleep" with its exact text, and wait-for cycles, also partial ones. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "simtest.h"
#include "waitfor.h"

static const char deadlock_text[] =
    "fatal error: all goroutines are asleep - deadlock!\n"
    "\n"
    "goroutine 1 [semacquire]:\n"
    "main.main()\n"
    "\tdeadlock.go:45\n"
    "\n"
    "goroutine 2 [semacquire]:\n"
    "main.main.func1(...)\n"
    "\tdeadlock.go:35\n"
    "created by main.main\n"
    "\tdeadlock.go:43\n"
    "\n"
    "goroutine 3 [semacquire]:\n"
    "main.main.func1(...)\n"
    "\tdeadlock.go:35\n"
    "created by main.main\n"
    "\tdeadlock.go:44\n";

static void test_deadlock_scenario(void **state)
{
    (void)state;
    Program *p = compile_file("scenarios/deadlock.go");
    for (uint64_t seed = 1; seed <= 20; seed++)
        for (int cores = 1; cores <= 4; cores++) {
            Machine *m = start(p, cores, seed % 2 ? POLICY_GO : POLICY_SINGLE, seed);
            machine_run(m, 100000);
            assert_int_equal(m->status, M_DEADLOCK);
            assert_int_equal(m->exit_code, 2);
            assert_string_equal(m->fatal_msg, "all goroutines are asleep - deadlock!");
            assert_string_equal(m->stderr_buf, deadlock_text);
            assert_string_equal(m->stdout_buf, "");
            assert_int_equal(m->events[m->nevents - 1].kind, EV_FATAL);
            /* Go's checkdead: the verdict comes in the frame in which the last
             * thread gives up looking for work and parks; one step back every
             * goroutine is already blocked and a thread is still looking. */
            Machine *before = start(p, cores, seed % 2 ? POLICY_GO : POLICY_SINGLE, seed);
            machine_run(before, m->frame - 1);
            assert_int_equal(before->status, M_RUNNING);
            for (int i = 0; i < before->ngs; i++)
                assert_true(before->gs[i].state == G_BLOCKED || before->gs[i].state == G_DONE);
            bool looking = false;
            for (int i = 0; i < before->nthreads; i++)
                looking |= before->threads[i].state == TH_SCHED || before->threads[i].state == TH_WAKING;
            assert_true(looking);
            machine_free(before);
            WaitGraph g;
            waitfor_build(m, &g);
            assert_int_equal(g.nedges, 2);
            assert_int_equal(g.ncycle, 2);
            char buf[128];
            size_t n = waitfor_describe_cycle(m, &g, buf, sizeof buf);
            assert_string_equal(buf, "G2 waits for b.mu held by G3; G3 waits for a.mu held by G2");
            assert_int_equal(n, strlen(buf));
            char small[10];
            assert_int_equal(waitfor_describe_cycle(m, &g, small, sizeof small), n);
            assert_string_equal(small, "G2 waits ");
            /* the traceback's lines are what the goroutine view shows */
            assert_int_equal(machine_goroutine_line(m, machine_goroutine(m, 2)), 35);
            assert_int_equal(machine_goroutine_line(m, machine_goroutine(m, 1)), 45);
            assert_string_equal(machine_goroutine_func(m, machine_goroutine(m, 3)), "main.func1");
            machine_free(m);
        }
    program_free(p);
}

/* The cycle exists before Go notices anything: here main keeps running. */
static void test_partial_deadlock(void **state)
{
    (void)state;
    Program *p = compile_text("partial.go",
                              "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n\t\"time\"\n)\n\n"
                              "func main() {\n\tvar x, y sync.Mutex\n"
                              "\tgo func() {\n\t\tx.Lock()\n\t\ttime.Sleep(time.Millisecond)\n\t\ty.Lock()\n\t}()\n"
                              "\tgo func() {\n\t\ty.Lock()\n\t\ttime.Sleep(time.Millisecond)\n\t\tx.Lock()\n\t}()\n"
                              "\tfor i := 0; i < 5; i++ {\n\t\ttime.Sleep(time.Second)\n\t\tfmt.Println(i)\n\t}\n}\n");
    for (uint64_t seed = 1; seed <= 6; seed++) {
        Machine *m = start(p, 2, POLICY_GO, seed);
        bool seen = false;
        while (machine_step(m) == M_RUNNING) {
            WaitGraph g;
            waitfor_build(m, &g);
            if (!g.ncycle) {
                assert_false(seen);          /* once formed, it stays */
                continue;
            }
            seen = true;
            char buf[128];
            waitfor_describe_cycle(m, &g, buf, sizeof buf);
            assert_string_equal(buf, "G2 waits for y held by G3; G3 waits for x held by G2");
        }
        assert_true(seen);
        assert_int_equal(m->status, M_EXITED);   /* Go exits: main returned */
        assert_string_equal(m->stdout_buf, "0\n1\n2\n3\n4\n");
        machine_free(m);
    }
    program_free(p);
}

/* Waiting without a holder (WaitGroup, sleep) draws no edge; so no cycle. */
static void test_no_cycle(void **state)
{
    (void)state;
    Program *p = compile_text("wgonly.go",
                              "package main\n\nimport \"sync\"\n\nfunc main() {\n\tvar wg sync.WaitGroup\n"
                              "\tvar mu sync.Mutex\n\tmu.Lock()\n\twg.Add(1)\n"
                              "\tgo func() {\n\t\tmu.Lock()\n\t\twg.Done()\n\t}()\n\twg.Wait()\n}\n");
    Machine *m = start(p, 2, POLICY_GO, 3);
    machine_run(m, 10000);
    assert_int_equal(m->status, M_DEADLOCK);
    WaitGraph g;
    waitfor_build(m, &g);
    assert_int_equal(g.nedges, 1);                 /* G2 waits for mu held by G1 */
    assert_int_equal(g.edges[0].from_g, 2);
    assert_int_equal(g.edges[0].to_g, 1);
    assert_int_equal(g.ncycle, 0);
    char buf[8] = "x";
    assert_int_equal(waitfor_describe_cycle(m, &g, buf, sizeof buf), 0);
    assert_string_equal(buf, "");
    assert_non_null(strstr(m->stderr_buf, "goroutine 2 [semacquire]:\nmain.main.func1(...)\n\twgonly.go:11\n"));
    machine_free(m);
    program_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_deadlock_scenario),
        cmocka_unit_test(test_partial_deadlock),
        cmocka_unit_test(test_no_cycle),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
