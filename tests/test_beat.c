/* test_beat.c — beat patterns: what parses, what each filter matches, and the
 * order in which a run's beats fire. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "beat.h"
#include "simtest.h"

static void test_parse_filters(void **state)
{
    (void)state;
    Beat b;
    char err[200];
    assert_int_equal(beat_parse("lock-wait G2 b.mu line 31 #2: G2 waits for b.mu", &b, err, sizeof err), 0);
    assert_int_equal(b.kind, BEAT_LOCK_WAIT);
    assert_int_equal(b.g, 2);
    assert_string_equal(b.object, "b.mu");
    assert_int_equal(b.line, 31);
    assert_int_equal(b.nth, 2);
    assert_string_equal(b.caption, "G2 waits for b.mu");
    /* a quoted text may hold ": " and spaces */
    assert_int_equal(beat_parse("print \"value is: 1\": the rare one", &b, err, sizeof err), 0);
    assert_int_equal(b.kind, BEAT_PRINT);
    assert_string_equal(b.text, "value is: 1");
    assert_string_equal(b.caption, "the rare one");
    assert_int_equal(b.nth, 1);
}

static void test_parse_errors(void **state)
{
    (void)state;
    Beat b;
    char err[200];
    assert_int_equal(beat_parse("lokc G2: typo", &b, err, sizeof err), -1);
    assert_non_null(strstr(err, "unknown beat kind 'lokc'"));
    assert_int_equal(beat_parse("lock G2 no caption", &b, err, sizeof err), -1);
    assert_non_null(strstr(err, "PATTERN: caption"));
    assert_int_equal(beat_parse("print \"open: x", &b, err, sizeof err), -1);
    assert_int_equal(beat_parse("lock a.mu b.mu: two", &b, err, sizeof err), -1);
    assert_non_null(strstr(err, "two object names"));
    assert_int_equal(beat_parse("step line x: no number", &b, err, sizeof err), -1);
    assert_int_equal(beat_parse(": nothing", &b, err, sizeof err), -1);
}

static const char two_locks[] =
    "package main\n"                                        /* 1 */
    "import (\"fmt\"; \"sync\")\n"                          /* 2 */
    "func main() {\n"                                       /* 3 */
    "\tvar a, b sync.Mutex\n"                               /* 4 */
    "\tvar wg sync.WaitGroup\n"                             /* 5 */
    "\twg.Add(1)\n"                                         /* 6 */
    "\tgo func() {\n"                                       /* 7 */
    "\t\tdefer wg.Done()\n"                                 /* 8 */
    "\t\ta.Lock(); b.Lock(); b.Unlock(); a.Unlock()\n"      /* 9 */
    "\t}()\n"                                               /* 10 */
    "\twg.Wait()\n"                                         /* 11 */
    "\tfmt.Println(\"one\")\n"                              /* 12 */
    "\tfmt.Println(\"two\")\n"                              /* 13 */
    "}\n";

/* Run to the end, recording the frame each beat fires at (0: never). */
static void run_beats(const char *const *specs, int n, uint64_t *at)
{
    Beat beats[BEAT_MAX];
    char err[200];
    for (int i = 0; i < n; i++) assert_int_equal(beat_parse(specs[i], &beats[i], err, sizeof err), 0);
    Program *p = compile_text("beats.go", two_locks);
    Machine *m = start(p, 1, POLICY_GO, 1);
    BeatCursor cur = {0, 0};
    for (int i = 0; i < n; i++) at[i] = 0;
    while (m->status == M_RUNNING) {
        machine_step(m);
        int first = cur.next, fired = beat_advance(m, beats, n, &cur);
        for (int i = first; i < first + fired; i++) at[i] = m->frame;
    }
    assert_int_equal(m->status, M_EXITED);
    machine_free(m);
    program_free(p);
}

static void test_run_order_and_filters(void **state)
{
    (void)state;
    const char *const specs[] = {
        "go G1: main starts G2",
        "lock G2 b: G2 takes b (a came first)",
        "unlock a: a is released after b",
        "print \"two\": the second line",
        "exit: main returns",
    };
    uint64_t at[5];
    run_beats(specs, 5, at);
    for (int i = 0; i < 5; i++) assert_true(at[i] > 0);
    for (int i = 1; i < 5; i++) assert_true(at[i] > at[i - 1]);
}

static void test_nth_and_never(void **state)
{
    (void)state;
    /* "lock #2" is b's Lock, the frame after "lock #1"'s a; G3 never exists. */
    const char *const specs[] = { "lock: a", "lock: b", "lock G3: nobody", "exit: end" };
    uint64_t at[4];
    run_beats(specs, 4, at);
    assert_true(at[0] > 0 && at[1] > at[0]);
    assert_int_equal(at[2], 0);
    assert_int_equal(at[3], 0);      /* beats wait in order: one never seen blocks the rest */
    const char *const nth[] = { "lock #2: b" };
    uint64_t at2[1];
    run_beats(nth, 1, at2);
    assert_int_equal(at2[0], at[1]);
    const char *const lines[] = { "step G1 line 13: main runs line 13", "lock G1: main never locks" };
    uint64_t at3[2];
    run_beats(lines, 2, at3);
    assert_true(at3[0] > at[1]);
    assert_int_equal(at3[1], 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_filters),
        cmocka_unit_test(test_parse_errors),
        cmocka_unit_test(test_run_order_and_filters),
        cmocka_unit_test(test_nth_and_never),
    };
    return cmocka_run_group_tests_name("beat", tests, NULL, NULL);
}
