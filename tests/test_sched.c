/* test_sched.c — goroutines on threads on cores: determinism, parallelism
 * versus time slicing, preemption (a lesson's slice and sysmon's), Go's
 * start-up and timer latencies, run queue overflow, the sleep queue's order,
 * forced schedules, their text form and the rare outcomes they reach. */
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

/* Two goroutines of long loops on two cores run side by side on the clock. */
static const char two_long[] =
    "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\n"
    "func main() {\n\tvar wg sync.WaitGroup\n\tsum := 0\n"
    "\twork := func(n int) {\n\t\tdefer wg.Done()\n\t\tfor i := 0; i < n; i++ {\n\t\t\tsum += i\n\t\t}\n\t}\n"
    "\twg.Add(2)\n\tgo work(100000)\n\tgo work(100000)\n\twg.Wait()\n\tfmt.Println(sum > 0)\n}\n";

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
    /* and different seeds do differ somewhere on two cores, once the two
     * workers run long enough to overlap (the threads' speeds drift) */
    Program *l = compile_text("long.go", two_long);
    int n1, n2, differ = 0;
    Step *a = trace_run(l, 2, POLICY_GO, 1, &n1);
    for (uint64_t seed = 2; seed <= 4 && !differ; seed++) {
        Step *b = trace_run(l, 2, POLICY_GO, seed, &n2);
        differ = n1 != n2 || memcmp(a, b, (size_t)n1 * sizeof *a);
        free(b);
    }
    assert_true(differ);
    free(a);
    program_free(l);
    program_free(p);
    program_free(d);
}

/* Frames in which more than one core was running a goroutine (their busy
 * intervals overlap on the clock); goroutines that ran. */
static int parallel_frames(const Program *p, int cores, Policy pol, uint64_t seed, int *max_g)
{
    Machine *m = start(p, cores, pol, seed);
    int par = 0;
    *max_g = 0;
    while (machine_step(m) == M_RUNNING) {
        int busy = 0;
        for (int c = 0; c < m->ncores; c++) {
            busy += m->cores[c].g != 0;
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
    Program *p = compile_text("long.go", two_long);
    for (uint64_t seed = 1; seed <= 3; seed++) {
        int max_g;
        assert_true(parallel_frames(p, 2, POLICY_GO, seed, &max_g) > 100000);
    }
    program_free(p);
}

/* A lesson's short time slice ends exactly: a goroutine that never blocks is
 * preempted once it has run for the slice, within one instruction. */
static void test_preemption_short_slice(void **state)
{
    (void)state;
    Program *p = compile_text("loop.go",
                              "package main\n\nfunc main() {\n\tx := 0\n"
                              "\tfor i := 0; i < 3000; i++ {\n\t\tx += i\n\t}\n}\n");
    MachineConfig c = config(1, POLICY_SINGLE, 1);
    c.time_slice = 200;
    Machine *m = machine_new(p, &c);
    int64_t began = 0;
    int preempts = 0;
    while (machine_step(m) == M_RUNNING) {
        for (int i = 0; i < m->nevents; i++) {
            if (m->events[i].kind == EV_GO_START) began = m->cores[0].slice_start;
            if (m->events[i].kind == EV_GO_PREEMPT) {
                /* the instruction that crossed the slice's end began within
                 * an instruction's cost of it */
                int64_t ran = m->now - began;
                assert_true(ran >= 190);
                assert_true(ran < 200);
                preempts++;
            }
        }
    }
    assert_int_equal(m->status, M_EXITED);
    assert_true(preempts > 10);
    machine_free(m);
    program_free(p);
}

/* Go's own slice is sysmon's: a goroutine that spins on the only core keeps
 * it for 10 to 20 ms (sysmon looks every 10 ms by then), as real Go 1.19's
 * 20 ms start-up latency on GOMAXPROCS=1 shows (tests/fidelity/costs.dist). */
static void test_preemption_by_sysmon(void **state)
{
    (void)state;
    Program *p = compile_text("spin.go",
                              "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\n"
                              "var stop bool\n\nfunc main() {\n\tt := time.Now()\n"
                              "\tgo func() { stop = true }()\n\tfor !stop {\n\t}\n"
                              "\tfmt.Println(time.Since(t) > 10*time.Millisecond, time.Since(t) < 21*time.Millisecond)\n}\n");
    for (uint64_t seed = 1; seed <= 3; seed++) {
        Machine *m = start(p, 1, POLICY_GO, seed);
        machine_run(m, 400000000);
        assert_int_equal(m->status, M_EXITED);
        assert_string_equal(m->stdout_buf, "true true\n");
        machine_free(m);
    }
    program_free(p);
}

/* A go statement while its maker keeps running: another core's thread is
 * woken (microseconds) and must back off before taking the maker's runnext
 * (Go's usleep(3), ~60 µs on Linux), so the new goroutine starts tens of
 * microseconds later — real Go: 86 µs at the median (costs.dist start_spin). */
static void test_start_while_maker_spins(void **state)
{
    (void)state;
    Program *p = compile_text("startspin.go",
                              "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\n"
                              "var started time.Time\nvar flag bool\n\nfunc main() {\n\tt := time.Now()\n"
                              "\tgo func() { started = time.Now(); flag = true }()\n\tfor !flag {\n\t}\n"
                              "\td := started.Sub(t)\n\tfmt.Println(d > 50*time.Microsecond, d < 200*time.Microsecond)\n}\n");
    for (uint64_t seed = 1; seed <= 10; seed++) {
        Machine *m = start(p, 2, POLICY_GO, seed);
        machine_run(m, 100000000);
        assert_int_equal(m->status, M_EXITED);
        assert_string_equal(m->stdout_buf, "true true\n");
        machine_free(m);
    }
    program_free(p);
}

/* With every P idle, a timer fires when the thread blocked in the network
 * poller wakes: epoll's millisecond timeout makes a 100 µs sleep last about
 * 1.1 ms (real Go 1.19: sleep_latency.dist idle_100us, 1.08-1.12 ms). */
static void test_idle_sleep_rounds_to_poller_ms(void **state)
{
    (void)state;
    Program *p = compile_text("nap.go",
                              "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\n"
                              "func main() {\n\ttime.Sleep(time.Millisecond)\n\tt := time.Now()\n"
                              "\ttime.Sleep(100 * time.Microsecond)\n\td := time.Since(t)\n"
                              "\tfmt.Println(d > time.Millisecond, d < 1200*time.Microsecond)\n}\n");
    for (int cores = 1; cores <= 2; cores++)
        for (uint64_t seed = 1; seed <= 5; seed++) {
            Machine *m = start(p, cores, POLICY_GO, seed);
            machine_run(m, 10000000);
            assert_int_equal(m->status, M_EXITED);
            assert_string_equal(m->stdout_buf, "true true\n");
            machine_free(m);
        }
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
        /* by the time each was due, then the order they slept in: the two
         * 1 ms naps (G3, G5), the 2 ms one (G4), the 3 ms one (G2) */
        assert_int_equal(nwoken, 4);
        for (int k = 1; k < 4; k++)
            assert_true(machine_goroutine(m, woken[k - 1])->wake_time <= machine_goroutine(m, woken[k])->wake_time);
        assert_true((woken[0] == 3 && woken[1] == 5) || (woken[0] == 5 && woken[1] == 3));
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
    assert_int_equal(schedule_parse(&s, "1x3.2x2.1"), 0);  /* runs */
    assert_int_equal(s.n, 6);
    assert_int_equal(s.picks[2], 1);
    assert_int_equal(s.picks[3], 2);
    assert_int_equal(s.picks[5], 1);
    assert_int_equal(schedule_format(&s, buf, sizeof buf), 9);
    assert_string_equal(buf, "1x3.2x2.1");
    assert_int_equal(schedule_parse(&s, " 3 "), 0);
    assert_int_equal(s.n, 1);
    assert_int_equal(schedule_parse(&s, ""), 0);
    assert_int_equal(s.n, 0);
    /* a select's case on a step: "2/2", written alone, never in a run */
    assert_int_equal(schedule_parse(&s, "1x2.2/2.2.2"), 0);
    assert_int_equal(s.n, 5);
    assert_non_null(s.sel);
    assert_int_equal(s.sel[1], 0);
    assert_int_equal(s.sel[2], 2);
    assert_int_equal(s.sel[3], 0);
    assert_int_equal(schedule_format(&s, buf, sizeof buf), 11);
    assert_string_equal(buf, "1x2.2/2.2x2");
    const char *bad[] = {"1..2", "1.", ".1", "a", "1,2", "0", "1.-2", "99999999999", "1x", "1x0", "x2", "1x2x3",
                         "1/0", "1/", "1x2/1", "1/1x2", "1/65", "/1"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) assert_int_equal(schedule_parse(&s, bad[i]), -1);
    schedule_fini(&s);
}

/* The goroutine of each goroutine step of a run. */
static void record_steps(Machine *m, Schedule *taken)
{
    while (machine_step(m) == M_RUNNING || m->nevents) {
        for (int c = 0; c < m->ncores; c++)
            if (m->last[c].g) schedule_push(taken, m->last[c].g);
        if (m->status != M_RUNNING) break;
    }
}

/* A run's goroutine steps, replayed as a schedule (through its text form),
 * reproduce it: on the same seed frame by frame, on another seed the same
 * output. */
static void test_schedule_replay(void **state)
{
    (void)state;
    Program *progs[2] = {compile_file("scenarios/race.go"), compile_text("busy.go", two_busy)};
    for (int k = 0; k < 2; k++)
        for (uint64_t seed = 1; seed <= 6; seed++) {
            Machine *m = start(progs[k], 2, POLICY_GO, seed);
            Schedule taken;
            schedule_init(&taken);
            record_steps(m, &taken);
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
            Machine *o = start(progs[k], 2, POLICY_GO, seed + 100);
            machine_set_schedule(o, &s);
            machine_run(o, 10000000);
            assert_int_equal(o->status, m->status);
            assert_string_equal(o->stdout_buf, m->stdout_buf);
            free(text);
            schedule_fini(&s);
            schedule_fini(&taken);
            machine_free(m);
            machine_free(r);
            machine_free(o);
        }
    program_free(progs[0]);
    program_free(progs[1]);
}

/* The race without a sleep prints "the value is 0." on every seed, as real
 * Go does (race_nosleep.dist: 1000 of 1000), yet a schedule reaches the
 * other two outcomes: G2's increment (4 steps) forced in after main's first
 * k steps, for some k before the test and some k between the test and the
 * print's read. */
static void test_schedule_reaches_rare_outcomes(void **state)
{
    (void)state;
    Program *p = compile_text("race.go",
                              "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tvar data int\n"
                              "\tgo func() {\n\t\tdata++\n\t}()\n\tif data == 0 {\n"
                              "\t\tfmt.Printf(\"the value is %v.\\n\", data)\n\t}\n}\n");
    for (uint64_t seed = 1; seed <= 20; seed++) {
        Machine *m = start(p, 2, POLICY_GO, seed);
        machine_run(m, 1000000);
        assert_string_equal(m->stdout_buf, "the value is 0.\n");
        machine_free(m);
    }
    bool seen_nothing = false, seen_one = false;
    for (int k = 1; k < 40; k++) {
        char text[32];
        snprintf(text, sizeof text, "1x%d.2x4", k);
        Schedule s;
        schedule_init(&s);
        assert_int_equal(schedule_parse(&s, text), 0);
        Machine *m = start(p, 2, POLICY_GO, 1);
        machine_set_schedule(m, &s);
        machine_run(m, 1000000);
        if (m->status == M_EXITED) {
            seen_nothing |= !strcmp(m->stdout_buf, "");
            seen_one |= !strcmp(m->stdout_buf, "the value is 1.\n");
        }
        machine_free(m);
        schedule_fini(&s);
    }
    assert_true(seen_nothing);
    assert_true(seen_one);
    program_free(p);
}

/* A step of a goroutine that cannot run is a schedule error: one that does
 * not exist, or one blocked for good. */
static void test_schedule_errors(void **state)
{
    (void)state;
    Program *p = compile_file("scenarios/deadlock.go");
    Schedule s;
    schedule_init(&s);
    assert_int_equal(schedule_parse(&s, "99"), 0);
    Machine *m = start(p, 2, POLICY_GO, 1);
    machine_set_schedule(m, &s);
    machine_run(m, 1000000);
    assert_int_equal(m->status, M_SCHEDULE_ERROR);
    assert_non_null(strstr(m->fatal_msg, "G99"));
    machine_free(m);
    assert_int_equal(schedule_parse(&s, "1x100000"), 0);  /* main ends up in wg.Wait */
    m = start(p, 2, POLICY_GO, 1);
    machine_set_schedule(m, &s);
    machine_run(m, 10000000);
    assert_int_equal(m->status, M_SCHEDULE_ERROR);
    assert_non_null(strstr(m->fatal_msg, "G1"));
    machine_free(m);
    schedule_fini(&s);
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
        cmocka_unit_test(test_preemption_short_slice),
        cmocka_unit_test(test_preemption_by_sysmon),
        cmocka_unit_test(test_start_while_maker_spins),
        cmocka_unit_test(test_idle_sleep_rounds_to_poller_ms),
        cmocka_unit_test(test_runqueue_overflow),
        cmocka_unit_test(test_sleep_order),
        cmocka_unit_test(test_timer_queue_order),
        cmocka_unit_test(test_schedule_text),
        cmocka_unit_test(test_schedule_replay),
        cmocka_unit_test(test_schedule_reaches_rare_outcomes),
        cmocka_unit_test(test_schedule_errors),
        cmocka_unit_test(test_run_equals_step),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
