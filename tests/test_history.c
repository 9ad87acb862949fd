/* test_history.c — seeking: every frame reached by checkpoint + replay is
 * the machine a fresh run reaches, in every observable detail. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "history.h"
#include "simtest.h"

static const char counter_src[] =
    "package main\n"
    "\n"
    "import (\n\t\"fmt\"\n\t\"sync\"\n\t\"time\"\n)\n"
    "\n"
    "func main() {\n"
    "\tvar wg sync.WaitGroup\n"
    "\tvar mu sync.Mutex\n"
    "\ttotal := 0\n"
    "\tfor w := 0; w < 3; w++ {\n"
    "\t\twg.Add(1)\n"
    "\t\tgo func(w int) {\n"
    "\t\t\tdefer wg.Done()\n"
    "\t\t\tfor i := 0; i < 40; i++ {\n"
    "\t\t\t\tmu.Lock()\n"
    "\t\t\t\ttotal += w\n"
    "\t\t\t\tmu.Unlock()\n"
    "\t\t\t\tif i%10 == 0 {\n"
    "\t\t\t\t\ttime.Sleep(time.Microsecond)\n"
    "\t\t\t\t}\n"
    "\t\t\t}\n"
    "\t\t}(w)\n"
    "\t}\n"
    "\twg.Wait()\n"
    "\tfmt.Println(\"total\", total)\n"
    "}\n";

/* The test's own PRNG (splitmix64) for choosing frames. */
static uint64_t next_rand(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static Machine *fresh(const Program *p, const MachineConfig *c, uint64_t frames)
{
    Machine *m = machine_new(p, c);
    machine_run(m, frames);
    return m;
}

/* budget: 0 the default; else at most that many checkpoints' worth of
 * bytes (about: the first one's size), so that thinning has to happen. */
static void check_program(const Program *p, int cores, uint64_t seed, int interval, int budget)
{
    MachineConfig c = config(cores, POLICY_GO, seed);
    History *h = history_new(p, &c, interval);
    assert_non_null(h);
    int first_interval = history_interval(h);
    size_t limit = 0;
    if (budget) {
        limit = history_checkpoint_bytes(h) * (size_t)budget;
        history_set_budget(h, limit);
    }
    while (history_forward(h) == M_RUNNING)
        if (limit) assert_true(history_checkpoint_bytes(h) <= limit);
    if (limit) assert_true(history_interval(h) > first_interval);   /* it did thin */
    uint64_t end = history_max_frame(h);
    assert_int_equal(history_frame(h), end);
    assert_true(end > 30);

    /* lanes match a fresh run's Machine.last, frame by frame */
    Machine *m = machine_new(p, &c);
    for (uint64_t f = 1; f <= end; f++) {
        machine_step(m);
        for (int k = 0; k < m->ncores; k++)
            assert_int_equal(history_lane(h, f, k), m->last[k].g ? m->last[k].g : m->cores[k].g);
    }
    assert_int_equal(history_lane(h, end + 1, 0), -1);
    assert_int_equal(history_lane(h, 0, 0), -1);
    assert_same_machine(history_machine(h), m);
    machine_free(m);

    /* seek back from k to j equals running j frames fresh */
    uint64_t rs = seed * 7919;
    for (int trial = 0; trial < 60; trial++) {
        uint64_t k = next_rand(&rs) % (end + 1);
        uint64_t j = k ? next_rand(&rs) % k : 0;
        history_seek(h, k);
        assert_int_equal(history_frame(h), k);
        history_seek(h, j);
        assert_int_equal(history_frame(h), j);
        Machine *ref = fresh(p, &c, j);
        assert_same_machine(history_machine(h), ref);
        if (j > 0) {
            history_back(h);
            Machine *prev = fresh(p, &c, j - 1);
            assert_same_machine(history_machine(h), prev);
            machine_free(prev);
        }
        machine_free(ref);
    }

    /* clamping and the ends */
    history_seek(h, end + 1000);
    assert_int_equal(history_frame(h), end);
    history_seek(h, 0);
    assert_int_equal(history_frame(h), 0);
    assert_int_equal(history_back(h), M_RUNNING);
    assert_int_equal(history_frame(h), 0);

    /* the recorded goroutine steps replay the run */
    Machine *r = machine_new(p, &c);
    machine_set_schedule(r, history_schedule(h));
    machine_run(r, end + 10);
    history_seek(h, end);
    assert_same_machine(history_machine(h), r);
    machine_free(r);
    history_free(h);
}

static void test_seek_equals_fresh_run(void **state)
{
    (void)state;
    Program *a = compile_text("counter.go", counter_src);
    Program *b = compile_file("scenarios/deadlock.go");
    for (uint64_t seed = 1; seed <= 3; seed++) {
        check_program(a, 2, seed, 0, 0);
        check_program(a, 3, seed, 17, 0);
        check_program(b, 2, seed, 8, 0);
        check_program(a, 2, seed, 4, 3);   /* thinned: a few checkpoints' budget */
    }
    program_free(a);
    program_free(b);
}

/* Seeking forward past the known end extends the run. */
static void test_seek_forward_runs(void **state)
{
    (void)state;
    Program *p = compile_text("counter.go", counter_src);
    MachineConfig c = config(2, POLICY_GO, 9);
    History *h = history_new(p, &c, 0);
    assert_int_equal(history_max_frame(h), 0);
    history_seek(h, 500);
    assert_int_equal(history_frame(h), 500);
    assert_int_equal(history_max_frame(h), 500);
    Machine *ref = fresh(p, &c, 500);
    assert_same_machine(history_machine(h), ref);
    machine_free(ref);
    history_seek(h, 130);
    history_seek(h, 140);
    ref = fresh(p, &c, 140);
    assert_same_machine(history_machine(h), ref);
    machine_free(ref);
    history_free(h);
    program_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_seek_equals_fresh_run),
        cmocka_unit_test(test_seek_forward_runs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
