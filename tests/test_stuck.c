/* test_stuck.c — partial deadlock by reachability (sim/analysis/stuck.c) and
 * the marking under it (sim/machine/reach.c): the four shapes a lecture
 * shows (a pipeline beside a ticker, a lock held across a send, a forgotten
 * Done, a goroutine leaked on a channel nobody has), and healthy programs in
 * which no frame has a stuck goroutine. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "reach.h"
#include "simtest.h"
#include "stuck.h"

/* Run p (2 cores, seed) with a watch for at most max frames. */
static Machine *watch_run(const Program *p, uint64_t seed, uint64_t max, StuckWatch *w)
{
    Machine *m = start(p, 2, POLICY_GO, seed);
    while (m->status == M_RUNNING && m->frame < max) {
        machine_step(m);
        stuck_observe(w, m);
    }
    return m;
}

static char *describe(const StuckWatch *w, const Machine *m, const StuckFinding *f)
{
    size_t n = stuck_describe(w, m, f, NULL, 0) + 1;
    char *s = malloc(n);
    assert_non_null(s);
    assert_int_equal(stuck_describe(w, m, f, s, n), n - 1);
    return s;
}

/* The producer forgets close(src): three stages wait for ever while the
 * ticker goroutine keeps the program alive, so Go never says a word. */
static void test_pipeline_beside_a_ticker(void **state)
{
    (void)state;
    Program *p = compile_file("tests/analyses/pipeline_ticker.go");
    for (uint64_t seed = 1; seed <= 5; seed++) {
        StuckWatch *w = stuck_new();
        Machine *m = watch_run(p, seed, 200000, w);
        assert_int_equal(m->status, M_RUNNING);          /* the ticker runs on */
        assert_string_equal(m->stdout_buf, "0\n2\n4\n");
        int n;
        const StuckFinding *f = stuck_findings(w, &n);
        assert_int_equal(n, 1);
        assert_false(f->global);
        assert_int_equal(f->n, 3);
        assert_true(stuck_has(f, 1) && stuck_has(f, 4) && stuck_has(f, 5));
        assert_false(stuck_has(f, 2));
        assert_ptr_equal(stuck_at(w, m), f);
        char *s = describe(w, m, f);
        assert_string_equal(s, "G1 (line 33) receives from done, which no goroutine that can still run can reach; "
                               "G4 (line 22) receives from src, which no goroutine that can still run can reach; "
                               "G5 (line 28) receives from out, which no goroutine that can still run can reach");
        free(s);
        machine_free(m);
        stuck_free(w);
    }
    program_free(p);
}

/* G2 holds mu while it sends on a channel nobody will receive from; G3 then
 * waits for mu: a chain, told from the waiter to the holder. */
static void test_lock_held_across_a_send(void **state)
{
    (void)state;
    Program *p = compile_file("tests/analyses/lock_across_send.go");
    StuckWatch *w = stuck_new();
    Machine *m = watch_run(p, 1, 100000, w);
    assert_int_equal(m->status, M_EXITED);
    int n;
    const StuckFinding *f = stuck_findings(w, &n);
    assert_int_equal(n, 2);
    assert_int_equal(f[0].n, 1);
    assert_int_equal(f[0].gs[0].g, 2);
    assert_int_equal(f[0].gs[0].wait, WAIT_CHAN_SEND);
    assert_int_equal(f[0].gs[0].line, 14);
    assert_int_equal(f[1].n, 2);
    assert_int_equal(f[1].gs[1].g, 3);
    assert_int_equal(f[1].gs[1].holder, 2);
    assert_true(f[1].frame > f[0].frame);
    char *s = describe(w, m, &f[1]);
    assert_string_equal(s, "G3 (line 19) locks mu, held by G2; "
                           "G2 (line 14) sends on results, which no goroutine that can still run can reach");
    free(s);
    machine_free(m);
    stuck_free(w);
    program_free(p);
}

/* The WaitGroup's counter stays at 1: the sentence names the goroutine
 * that returned early and the line it returned at. */
static void test_forgotten_done(void **state)
{
    (void)state;
    Program *p = compile_file("tests/analyses/forgotten_done.go");
    for (uint64_t seed = 1; seed <= 5; seed++) {
        StuckWatch *w = stuck_new();
        Machine *m = watch_run(p, seed, 100000, w);
        assert_int_equal(m->status, M_DEADLOCK);
        int n;
        const StuckFinding *f = stuck_findings(w, &n);
        assert_int_equal(n, 1);
        assert_int_equal(f->n, 1);
        assert_int_equal(f->gs[0].g, 1);
        char why[200];
        stuck_explain_waitgroup(w, m, f->gs[0].addr, why, sizeof why);
        assert_string_equal(why, "G3 (started at line 12) returned at line 14 without calling Done");
        char *s = describe(w, m, f);
        assert_non_null(strstr(s, "G1 (line 20) waits for wg (counter 1)"));
        assert_non_null(strstr(s, ": G3 (started at line 12) returned at line 14 without calling Done"));
        free(s);
        machine_free(m);
        stuck_free(w);
    }
    program_free(p);
}

/* Once leak returns nobody holds ch: G2 is stuck though main runs on and
 * the program exits 0. */
static void test_leaked_goroutine(void **state)
{
    (void)state;
    Program *p = compile_file("tests/analyses/leaked_goroutine.go");
    StuckWatch *w = stuck_new();
    Machine *m = watch_run(p, 1, 100000, w);
    assert_int_equal(m->status, M_EXITED);
    assert_string_equal(m->stdout_buf, "done\n");
    int n;
    const StuckFinding *f = stuck_findings(w, &n);
    assert_int_equal(n, 1);
    assert_false(f->global);
    assert_int_equal(f->n, 1);
    assert_int_equal(f->gs[0].g, 2);
    assert_int_equal(f->gs[0].line, 11);
    machine_free(m);
    stuck_free(w);
    program_free(p);
}

/* The same goroutine, while main (asleep) still holds ch, is not stuck:
 * main could send, and does.  Decided at every frame. */
static void test_reachable_channel_is_not_stuck(void **state)
{
    (void)state;
    static const char held[] =
        "package main\n"
        "\n"
        "import (\n"
        "\t\"fmt\"\n"
        "\t\"time\"\n"
        ")\n"
        "\n"
        "func main() {\n"
        "\tch := make(chan int)\n"
        "\tgo func() {\n"
        "\t\tfmt.Println(\"got\", <-ch)\n"
        "\t}()\n"
        "\ttime.Sleep(time.Millisecond)\n"
        "\tch <- 7\n"
        "\ttime.Sleep(time.Millisecond)\n"
        "}\n";
    Program *p = compile_text("held.go", held);
    Machine *m = start(p, 2, POLICY_GO, 1);
    uint8_t stuck[8];
    bool saw_blocked = false;
    while (m->status == M_RUNNING) {
        machine_step(m);
        if (m->status != M_RUNNING) break;
        saw_blocked |= m->ngs >= 2 && m->gs[1].state == G_BLOCKED;
        int64_t cost = -1;
        assert_int_equal(stuck_decide(m, stuck, &cost), 0);
        assert_true(cost > 0);
    }
    assert_true(saw_blocked);
    assert_string_equal(m->stdout_buf, "got 7\n");
    machine_free(m);
    program_free(p);
}

/* Healthy programs: no frame has a stuck goroutine. */
static void test_healthy_programs(void **state)
{
    (void)state;
    static const char *const files[] = {
        "scenarios/channels.go", "scenarios/select.go", "scenarios/critical-section.go",
        "scenarios/server-pool.go", "scenarios/livelock.go", "scenarios/starvation.go",
    };
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        Program *p = compile_file(files[i]);
        StuckWatch *w = stuck_new();
        Machine *m = watch_run(p, 1, 400000, w);
        int n;
        stuck_findings(w, &n);
        if (n) print_error("%s: a finding at frame %llu\n", files[i], (unsigned long long)stuck_findings(w, &n)->frame);
        assert_int_equal(n, 0);
        machine_free(m);
        stuck_free(w);
        program_free(p);
    }
}

/* The marking itself: a channel in a struct behind a pointer in a map
 * value, reached from a global; a closure's captured channel. */
static void test_reach_follows_values(void **state)
{
    (void)state;
    static const char src[] =
        "package main\n"
        "\n"
        "type box struct {\n"
        "\tn  int\n"
        "\tch chan int\n"
        "}\n"
        "\n"
        "var reg = map[string]*box{}\n"
        "\n"
        "func main() {\n"
        "\ta := make(chan int)\n"
        "\tb := make(chan int)\n"
        "\treg[\"x\"] = &box{1, a}\n"
        "\tf := func() { b <- 1 }\n"
        "\t_ = f\n"
        "\tc := make(chan int)\n"
        "\t_ = c\n"
        "\treg = nil\n"
        "\tfor i := 0; i < 3; i++ {\n"
        "\t}\n"
        "}\n";
    Program *p = compile_text("reach.go", src);
    Machine *m = start(p, 1, POLICY_GO, 1);
    /* step until the map holds the box (before reg = nil) */
    while (m->status == M_RUNNING && m->nchans < 3) machine_step(m);
    assert_int_equal(m->nchans, 3);
    Reach r;
    reach_init(&r, m);
    reach_globals(&r);
    reach_drain(&r);
    assert_true(reach_chan(&r, 1));          /* a, through reg → *box */
    assert_false(reach_chan(&r, 2));         /* b only on main's stack */
    assert_false(reach_chan(&r, 3));
    reach_goroutine(&r, 1);
    reach_drain(&r);
    assert_true(reach_chan(&r, 2));
    assert_true(reach_chan(&r, 3));
    reach_fini(&r);
    /* after reg = nil, the globals reach nothing */
    while (m->status == M_RUNNING && m->mem[0].kind == V_MAP) machine_step(m);
    reach_init(&r, m);
    reach_globals(&r);
    reach_drain(&r);
    assert_false(reach_chan(&r, 1));
    reach_fini(&r);
    assert_int_equal(machine_block_of(m, -1), -1);
    assert_int_equal(machine_block_of(m, m->nmem), -1);
    assert_int_equal(machine_block_of(m, 0), 0);
    machine_free(m);
    program_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pipeline_beside_a_ticker),
        cmocka_unit_test(test_lock_held_across_a_send),
        cmocka_unit_test(test_forgotten_done),
        cmocka_unit_test(test_leaked_goroutine),
        cmocka_unit_test(test_reachable_channel_is_not_stuck),
        cmocka_unit_test(test_healthy_programs),
        cmocka_unit_test(test_reach_follows_values),
    };
    return cmocka_run_group_tests_name("stuck", tests, NULL, NULL);
}
