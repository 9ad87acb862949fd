/* test_sched.c — the G-M-P scheduler: determinism, parallelism versus time
 * slicing, preemption, run queue overflow, the sleep queue's order, forced
 * schedules and their text form, and seeds that change a racy outcome. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "machine_internal.h"
#include "simtest.h"

/* Two goroutines that never block, and main waiting for them. */
static const char two_busy[] =
    "package main\n"
    "\n"
    "import (\n\t\"fmt\"\n\t\"sync\"\n)\n"
    "\n"
    "func main() {\n"
    "\tvar wg sync.WaitGroup\n"
    "\tsum := 0\n"
    "\twork := func(n int) {\n"
    "\t\tdefer wg.Done()\n"
    "\t\tfor i := 0; i < n; i++ {\n"
    "\t\t\tsum += i\n"
    "\t\t}\n"
    "\t}\n"
    "\twg.Add(2)\n"
    "\tgo work(300)\n"
    "\tgo work(300)\n"
    "\twg.Wait()\n"
    "\tfmt.Println(sum > 0)\n"
    "}\n";

typedef struct Step { uint64_t frame; int core, g, pc, zero; } Step;   /* no padding */

/* The (frame, core, g, pc) trace of a whole run. */
static Step *trace_run(const Program *p, int cores, Policy pol, uint64_t seed, int *n)
{
    Machine *m = start(p, cores, pol, seed);
    int cap = 1024;
    Step *t = malloc((size_t)cap * sizeof *t);
    *n = 0;
    while (machine_step(m) == M_RUNNING || m->nevents) {
        for (int c = 0; c < m->ncores; c++) {
            if (!m->last[c].g) continue;
            if (*n == cap) t = realloc(t, (size_t)(cap *= 2) * sizeof *t);
            t[(*n)++] = (Step){m->frame, c, m->last[c].g, m->last[c].pc, 0};
        }
        if (m->status != M_RUNNING) break;
    }
    machine_free(m);
    return t;
}

static void test_same_seed_same_trace(void **state)
{
    (void)state;
    Program *p = compile_text("busy.go", two_busy);
    Program *d = compile_file("scenarios/deadlock.go");
    const Program *progs[2] = {p, d};
    for (int k = 0; k < 2; k++)
        for (uint64_t seed = 1; seed <= 8; seed++)
            for (int cores = 1; cores <= 4; cores += 3) {
                int n1, n2;
                Step *a = trace_run(progs[k], cores, POLICY_GO, seed, &n1);
                Step *b = trace_run(progs[k], cores, POLICY_GO, seed, &n2);
                assert_int_equal(n1, n2);
                assert_memory_equal(a, b, (size_t)n1 * sizeof *a);
                free(a);
                free(b);
            }
    /* and different seeds do differ somewhere on two cores */
    int n1, n2, differ = 0;
    Step *a = trace_run(p, 2, POLICY_GO, 1, &n1);
    for (uint64_t seed = 2; seed <= 6 && !differ; seed++) {
        Step *b = trace_run(p, 2, POLICY_GO, seed, &n2);
        differ = n1 != n2 || memcmp(a, b, (size_t)n1 * sizeof *a);
        free(b);
    }
    assert_true(differ);
    free(a);
    program_free(p);
    program_free(d);
}

/* Frames in which more than one core executed; goroutines that ran. */
static int parallel_frames(const Program *p, int cores, Policy pol, uint64_t seed, int *max_g)
{
    Machine *m = start(p, cores, pol, seed);
    int par = 0;
    *max_g = 0;
    while (machine_step(m) == M_RUNNING) {
        int busy = 0;
        for (int c = 0; c < m->ncores; c++) {
            busy += m->last[c].g != 0;
            if (m->last[c].g > *max_g) *max_g = m->last[c].g;
        }
        par += busy > 1;
    }
    assert_int_equal(m->status, M_EXITED);
    assert_string_equal(m->stdout_buf, "true\n");
    machine_free(m);
    return par;
}

static void test_single_never_parallel(void **state)
{
    (void)state;
    Program *p = compile_text("busy.go", two_busy);
    for (uint64_t seed = 1; seed <= 5; seed++) {
        int max_g;
        assert_int_equal(parallel_frames(p, 4, POLICY_SINGLE, seed, &max_g), 0);
        assert_int_equal(max_g, 3);      /* yet every goroutine ran */
        Machine *m = start(p, 4, POLICY_SINGLE, seed);
        assert_int_equal(m->ncores, 1);
        machine_free(m);
    }
    program_free(p);
}

static void test_go_two_cores_parallel(void **state)
{
    (void)state;
    Program *p = compile_text("busy.go", two_busy);
    for (uint64_t seed = 1; seed <= 5; seed++) {
        int max_g;
        assert_true(parallel_frames(p, 2, POLICY_GO, seed, &max_g) > 500);
    }
    program_free(p);
}

/* A goroutine that never blocks is preempted every quantum steps. */
static void test_preemption(void **state)
{
    (void)state;
    Program *p = compile_text("loop.go",
                              "package main\n\nfunc main() {\n\tx := 0\n"
                              "\tfor i := 0; i < 300; i++ {\n\t\tx += i\n\t}\n}\n");
    MachineConfig c = config(1, POLICY_SINGLE, 1);
    c.quantum = 7;
    Machine *m = machine_new(p, &c);
    uint64_t last_start = 0;
    int preempts = 0;
    while (machine_step(m) == M_RUNNING) {
        for (int i = 0; i < m->nevents; i++) {
            if (m->events[i].kind == EV_GO_START) last_start = m->frame;
            if (m->events[i].kind == EV_GO_PREEMPT) {
                assert_int_equal(m->frame - last_start + 1, 7);
                preempts++;
            }
        }
        assert_true(m->gs[0].slice_used <= 7);
    }
    assert_int_equal(m->status, M_EXITED);
    assert_true(preempts > 50);
    assert_int_equal(m->npicks, (uint64_t)preempts + 1);
    machine_free(m);
    program_free(p);
}

/* 300 goroutines on one core: the local queue (256) overflows into the
 * global queue, and every goroutine still runs exactly once. */
static void test_runqueue_overflow(void **state)
{
    (void)state;
    Program *p = compile_text("many.go",
                              "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\n"
                              "func main() {\n\tvar wg sync.WaitGroup\n\tvar mu sync.Mutex\n\tn := 0\n"
                              "\tfor i := 0; i < 300; i++ {\n\t\twg.Add(1)\n"
                              "\t\tgo func() {\n\t\t\tmu.Lock()\n\t\t\tn++\n\t\t\tmu.Unlock()\n\t\t\twg.Done()\n\t\t}()\n\t}\n"
                              "\twg.Wait()\n\tfmt.Println(n)\n}\n");
    for (int cores = 1; cores <= 3; cores++) {
        MachineConfig cfg = config(cores, POLICY_GO, 5);
        cfg.quantum = 100000;               /* main makes all 300 in one slice */
        Machine *m = machine_new(p, &cfg);
        int max_global = 0, max_local = 0;
        while (machine_step(m) == M_RUNNING) {
            if (m->global.len > max_global) max_global = m->global.len;
            for (int c = 0; c < m->ncores; c++)
                if (m->cores[c].local.len > max_local) max_local = m->cores[c].local.len;
        }
        assert_int_equal(m->status, M_EXITED);
        assert_string_equal(m->stdout_buf, "300\n");
        assert_int_equal(m->ngs, 301);
        assert_true(max_local <= 256);
        if (cores == 1) assert_true(max_global >= 128);
        machine_free(m);
    }
    program_free(p);
}

/* Sleepers wake by (wake time, then the order they went to sleep). */
static void test_sleep_order(void **state)
{
    (void)state;
    Program *p = compile_text("sleep.go",
                              "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n\t\"time\"\n)\n\n"
                              "func main() {\n\tvar wg sync.WaitGroup\n"
                              "\tnap := func(id int, d time.Duration) {\n\t\tdefer wg.Done()\n"
                              "\t\ttime.Sleep(d)\n\t\tfmt.Println(id)\n\t}\n"
                              "\twg.Add(4)\n"
                              "\tgo nap(1, 3*time.Millisecond)\n\tgo nap(2, time.Millisecond)\n"
                              "\tgo nap(3, 2*time.Millisecond)\n\tgo nap(4, time.Millisecond)\n"
                              "\twg.Wait()\n}\n");
    for (uint64_t seed = 1; seed <= 10; seed++) {
        Machine *m = start(p, 1, POLICY_GO, seed);
        int64_t prev = 0;
        int woken[8], nwoken = 0;
        while (machine_step(m) == M_RUNNING)
            for (int i = 0; i < m->nevents; i++) {
                const Event *e = &m->events[i];
                if (e->kind == EV_GO_WAKE && e->other_g == 0) {
                    assert_true(m->now >= prev);
                    prev = m->now;
                    woken[nwoken++] = e->g;
                }
            }
        assert_int_equal(m->status, M_EXITED);
        /* G3 (nap 2) and G5 (nap 4) are due together: the earlier sleeper first */
        assert_int_equal(nwoken, 4);
        int g3 = -1, g5 = -1;
        for (int k = 0; k < 4; k++) {
            if (woken[k] == 3) g3 = k;
            if (woken[k] == 5) g5 = k;
        }
        const Goroutine *a = machine_goroutine(m, 3), *b = machine_goroutine(m, 5);
        assert_true(a && b);
        assert_true(g3 < g5 || a->wake_time < b->wake_time);
        assert_int_equal(woken[2], 4);
        assert_int_equal(woken[3], 2);
        assert_true(m->now >= 3000000);
        machine_free(m);
    }
    program_free(p);
}

/* The sleep queue itself: (when, seq) order, ties by the order of sleeping. */
static void test_timer_queue_order(void **state)
{
    (void)state;
    Program *p = compile_file("scenarios/race.go");
    Machine *m = start(p, 1, POLICY_GO, 1);
    static const int64_t when[] = {50, 20, 50, 10, 20, 50, 5, 20};
    for (int i = 0; i < 8; i++) timer_add(m, 100 + i, when[i]);
    assert_int_equal(timer_next(m), 5);
    assert_int_equal(timer_pop_due(m, 4), 0);            /* nothing due yet */
    static const int expect[] = {106, 103, 101, 104, 107, 100, 102, 105};
    for (int i = 0; i < 8; i++) assert_int_equal(timer_pop_due(m, 1000), expect[i]);
    assert_int_equal(timer_pop_due(m, 1000), 0);
    assert_int_equal(timer_next(m), INT64_MAX);
    machine_free(m);
    program_free(p);
}

static void test_schedule_text(void **state)
{
    (void)state;
    Schedule s;
    schedule_init(&s);
    assert_int_equal(schedule_parse(&s, "1.2.1.13"), 0);
    assert_int_equal(s.n, 4);
    assert_int_equal(s.picks[3], 13);
    char buf[64];
    assert_int_equal(schedule_format(&s, buf, sizeof buf), 8);
    assert_string_equal(buf, "1.2.1.13");
    assert_int_equal(schedule_format(&s, buf, 4), 8);     /* truncated, NUL-terminated */
    assert_string_equal(buf, "1.2");
    assert_int_equal(schedule_parse(&s, " 3 "), 0);
    assert_int_equal(s.n, 1);
    assert_int_equal(schedule_parse(&s, ""), 0);
    assert_int_equal(s.n, 0);
    const char *bad[] = {"1..2", "1.", ".1", "a", "1,2", "0", "1.-2", "99999999999"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) assert_int_equal(schedule_parse(&s, bad[i]), -1);
    schedule_fini(&s);
}

/* The picks of a run, replayed as a schedule (through its text form),
 * reproduce the run — on the same seed exactly, frame by frame. */
static void test_schedule_replay(void **state)
{
    (void)state;
    Program *progs[2] = {compile_file("scenarios/race.go"), compile_text("busy.go", two_busy)};
    for (int k = 0; k < 2; k++)
        for (uint64_t seed = 1; seed <= 6; seed++) {
            Machine *m = start(progs[k], 2, POLICY_GO, seed);
            Schedule taken;
            schedule_init(&taken);
            while (machine_step(m) == M_RUNNING || m->nevents) {
                for (int i = 0; i < m->nevents; i++)
                    if (m->events[i].kind == EV_GO_START) schedule_push(&taken, m->events[i].g);
                if (m->status != M_RUNNING) break;
            }
            size_t need = schedule_format(&taken, NULL, 0);
            char *text = malloc(need + 1);
            schedule_format(&taken, text, need + 1);
            Schedule s;
            schedule_init(&s);
            assert_int_equal(schedule_parse(&s, text), 0);
            assert_int_equal(s.n, taken.n);
            Machine *r = start(progs[k], 2, POLICY_GO, seed);
            machine_set_schedule(r, &s);
            machine_run(r, 10000000);
            assert_same_machine(m, r);
            free(text);
            schedule_fini(&s);
            schedule_fini(&taken);
            machine_free(m);
            machine_free(r);
        }
    program_free(progs[0]);
    program_free(progs[1]);
}

/* A schedule can force an interleaving the policy would not pick, and a pick
 * of a goroutine that cannot run is a schedule error. */
static void test_schedule_forcing(void **state)
{
    (void)state;
    Program *p = compile_file("scenarios/race.go");
    Schedule s;
    schedule_init(&s);
    /* one core: main runs until it sleeps, G2 starts, then main */
    assert_int_equal(schedule_parse(&s, "1.2.1"), 0);
    Machine *m = start(p, 1, POLICY_GO, 1);
    machine_set_schedule(m, &s);
    machine_run(m, 100000);
    assert_int_equal(m->status, M_EXITED);
    assert_string_equal(m->stdout_buf, "");
    machine_free(m);
    assert_int_equal(schedule_parse(&s, "1.1"), 0);   /* G1 sleeps: cannot be picked */
    m = start(p, 1, POLICY_GO, 1);
    machine_set_schedule(m, &s);
    machine_run(m, 100000);
    assert_int_equal(m->status, M_SCHEDULE_ERROR);
    assert_non_null(strstr(m->fatal_msg, "G1"));
    machine_free(m);
    schedule_fini(&s);
    program_free(p);
}

/* race.go: on two cores the seeds reach all three outcomes the book lists
 * (nothing, "the value is 0.", "the value is 1."), and nothing else. */
static void test_race_seeds_differ(void **state)
{
    (void)state;
    static const char *const outcomes[] = {"", "the value is 0.\n", "the value is 1.\n"};
    Program *p = compile_file("scenarios/race.go");
    int seen[3] = {0, 0, 0};
    for (uint64_t seed = 1; seed <= 100; seed++) {
        Machine *m = start(p, 2, POLICY_GO, seed);
        machine_run(m, 100000);
        assert_int_equal(m->status, M_EXITED);
        int k = 0;
        while (k < 3 && strcmp(m->stdout_buf, outcomes[k])) k++;
        assert_in_range(k, 0, 2);
        seen[k]++;
        machine_free(m);
    }
    for (int k = 0; k < 3; k++) assert_true(seen[k] > 0);
    program_free(p);
}

/* machine_run's fast path is invisible: running n frames equals stepping n
 * frames, in every observable detail, at every point. */
static void test_run_equals_step(void **state)
{
    (void)state;
    Program *progs[6] = {compile_file("scenarios/race.go"), compile_file("scenarios/deadlock.go"),
                         compile_text("busy.go", two_busy),
                         compile_text("loop.go", "package main\n\nimport \"fmt\"\n\nfunc main() {\n"
                                                 "\tx := 0\n\tfor i := 0; i < 5000; i++ {\n\t\tx += i % 7\n\t}\n"
                                                 "\tfmt.Println(x)\n}\n"),
                         /* fused instructions only, a call and a print every 100 */
                         compile_text("fused.go", "package main\n\nimport \"fmt\"\n\n"
                                                  "func f(a int) int { return a }\n\nfunc main() {\n"
                                                  "\tx := 0\n\tfor i := 0; i < 3000; i++ {\n\t\tx += i\n"
                                                  "\t\tif i%100 == 0 {\n\t\t\tfmt.Println(f(x))\n\t\t}\n\t}\n}\n"),
                         /* calls and returns: recursion, a closure, a deferred call */
                         compile_text("calls.go", "package main\n\nimport \"fmt\"\n\n"
                                                  "func fib(n int) int {\n\tif n < 2 {\n\t\treturn n\n\t}\n"
                                                  "\treturn fib(n-1) + fib(n-2)\n}\n\n"
                                                  "func d(x *int) int {\n\tdefer func() { *x++ }()\n\treturn *x\n}\n\n"
                                                  "func main() {\n\tn := 0\n\tadd := func(k int) { n += k }\n"
                                                  "\tfor i := 0; i < 12; i++ {\n\t\tadd(fib(i))\n\t\tadd(d(&n))\n\t}\n"
                                                  "\tfmt.Println(n)\n}\n")};
    for (int k = 0; k < 6; k++)
        for (uint64_t seed = 1; seed <= 4; seed++)
            for (int cores = 1; cores <= 3; cores++) {
                Machine *a = start(progs[k], cores, POLICY_GO, seed);
                Machine *b = start(progs[k], cores, POLICY_GO, seed);
                uint64_t chunk = 1 + seed * 37 % 101;
                while (a->status == M_RUNNING) {
                    for (uint64_t i = 0; i < chunk; i++) machine_step(a);
                    machine_run(b, chunk);
                    assert_same_machine(a, b);
                }
                machine_free(a);
                machine_free(b);
            }
    for (int k = 0; k < 6; k++) program_free(progs[k]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_same_seed_same_trace),
        cmocka_unit_test(test_single_never_parallel),
        cmocka_unit_test(test_go_two_cores_parallel),
        cmocka_unit_test(test_preemption),
        cmocka_unit_test(test_runqueue_overflow),
        cmocka_unit_test(test_sleep_order),
        cmocka_unit_test(test_timer_queue_order),
        cmocka_unit_test(test_schedule_text),
        cmocka_unit_test(test_schedule_replay),
        cmocka_unit_test(test_schedule_forcing),
        cmocka_unit_test(test_race_seeds_differ),
        cmocka_unit_test(test_run_equals_step),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
