/* test_livelock.c — livelock detection: the hallway and two goroutines that
 * politely give way to each other are found, with who, what and when; a
 * livelock with no end is still going when the run stops; and programs
 * that come close without being one are not reported: the hallway printing
 * each step (output is progress), a mutex loop that toggles a flag nobody reads,
 * a spin-wait on a flag another goroutine sets after a sleep, a ticker
 * toggling a shared variable while main sleeps, a producer and a consumer
 * whose shared variable goes back and forth.  Each near miss also checks
 * that it does come close (moments by the hundred, a shared variable that
 * changes and changes back), so none passes for want of trying. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "livelock.h"
#include "memwatch.h"
#include "simtest.h"

typedef struct Run {
    Program *p;
    Machine *m;
    LivelockDetector *d;
    MemWatch *w;
    int moments;               /* frames where a goroutine blocked or yielded */
    int detections;            /* frames at which livelock_observe said 1     */
    uint64_t detected_at;      /* the last of them                            */
} Run;

/* Run p (borrowed) for at most max_frames frames, feeding every frame to the
 * livelock detector and the memory watch. */
static void run_program(Run *r, Program *p, int cores, uint64_t seed, uint64_t max_frames)
{
    memset(r, 0, sizeof *r);
    r->p = p;
    r->m = start(p, cores, POLICY_GO, seed);
    r->d = livelock_new();
    r->w = memwatch_new();
    while (r->m->status == M_RUNNING && r->m->frame < max_frames) {
        machine_step(r->m);
        memwatch_observe(r->w, r->m);
        for (int i = 0; i < r->m->nevents; i++)
            if (r->m->events[i].kind == EV_GO_BLOCK || r->m->events[i].kind == EV_GO_PREEMPT) {
                r->moments++;
                break;
            }
        if (livelock_observe(r->d, r->m)) {
            r->detections++;
            r->detected_at = r->m->frame;
        }
    }
}

static void run_source(Run *r, const char *src, int cores, uint64_t seed, uint64_t max_frames)
{
    run_program(r, compile_text("t.go", src), cores, seed, max_frames);
}

static void run_free(Run *r, bool free_program)
{
    livelock_free(r->d);
    memwatch_free(r->w);
    machine_free(r->m);
    if (free_program) program_free(r->p);
}

/* How many times the program printed text (stdout is not NUL-terminated). */
static int times_printed(const Run *r, const char *text)
{
    size_t n = strlen(text);
    int k = 0;
    for (uint32_t i = 0; i + n <= r->m->stdout_len; i++) k += !memcmp(r->m->stdout_buf + i, text, n);
    return k;
}

static bool printed(const Run *r, const char *text)
{
    return times_printed(r, text) > 0;
}

static const Livelock *findings(const Run *r, int *n)
{
    return livelock_findings(r->d, n);
}

/* The stores to the shared variable called name (memwatch counts its zero
 * too), -1 when no such shared variable. */
static int shared_stores(const Run *r, const char *name)
{
    int n;
    const MemCell *cells = memwatch_cells(r->w, &n);
    for (int i = 0; i < n; i++) {
        char buf[64];
        if (cells[i].shared_frame && !strcmp(machine_addr_name(r->m, cells[i].addr, buf, sizeof buf), name))
            return (int)cells[i].version;
    }
    return -1;
}

/* The finding's cells by name, joined by ",". */
static void cell_names(const Run *r, const Livelock *l, char *out, size_t n)
{
    out[0] = '\0';
    for (int i = 0; i < l->ncells; i++) {
        char buf[64];
        machine_addr_name(r->m, l->cells[i], buf, sizeof buf);
        if (i) strncat(out, ",", n - strlen(out) - 1);
        strncat(out, buf, n - strlen(out) - 1);
    }
}

/* A source with each WORD replaced: replace(src, "TRIES", "10", NULL). */
static char *replace(const char *src, ...)
{
    char *s = malloc(strlen(src) + 1);
    strcpy(s, src);
    va_list ap;
    va_start(ap, src);
    for (const char *from; (from = va_arg(ap, const char *));) {
        const char *to = va_arg(ap, const char *);
        char *at;
        while ((at = strstr(s, from))) {
            size_t n = strlen(s) - strlen(from) + strlen(to) + 1;
            char *t = malloc(n);
            snprintf(t, n, "%.*s%s%s", (int)(at - s), s, to, at + strlen(from));
            free(s);
            s = t;
        }
    }
    va_end(ap);
    return s;
}

/* scenarios/livelock.go's source. */
static const char *hallway(void)
{
    static char src[8192];
    FILE *f = fopen("scenarios/livelock.go", "rb");
    assert_non_null(f);
    size_t len = fread(src, 1, sizeof src - 1, f);
    fclose(f);
    src[len] = '\0';
    return src;
}

/* ---- livelocks ----------------------------------------------------------- */

static void test_the_hallway_is_reported_on_every_seed_and_core_count(void **state)
{
    (void)state;
    Program *p = compile_file("scenarios/livelock.go");
    static const int cores[] = {1, 2, 4};
    for (int c = 0; c < 3; c++)
        for (uint64_t seed = 1; seed <= 10; seed++) {
            Run r;
            run_program(&r, p, cores[c], seed, 1000000);
            assert_int_equal(r.m->status, M_EXITED);
            int n;
            const Livelock *l = findings(&r, &n);
            assert_int_equal(n, 1);
            assert_int_equal(r.detections, 1);
            assert_int_equal(r.detected_at, l->detected_frame);
            /* the walkers, not the ticker that only broadcasts */
            assert_int_equal(l->ngs, 2);
            assert_int_equal(l->gs[0], 3);
            assert_int_equal(l->gs[1], 4);
            char names[128];
            cell_names(&r, l, names, sizeof names);
            assert_string_equal(names, "left,right");
            assert_true(l->changed);
            assert_true(l->rounds >= LIVELOCK_ROUNDS);
            assert_true(l->first_frame < l->detected_frame);
            assert_true(l->detected_frame < l->end_frame);
            /* it lasts until a walker gives up and returns */
            assert_int_equal(l->end, LIVELOCK_PROGRESS);
            assert_int_equal(l->end_event, EV_GO_DONE);
            assert_true(l->end_g == 3 || l->end_g == 4);
            char text[400], want[400];
            livelock_describe(r.m, l, text, sizeof text);
            snprintf(want, sizeof want, "livelock: G3 and G4 repeat the same steps from frame %llu to frame %llu "
                     "(%d rounds) without progress: left and right change and change back; no output, no "
                     "goroutine finished, no value passed", (unsigned long long)l->first_frame,
                     (unsigned long long)l->end_frame, l->rounds);
            assert_string_equal(text, want);
            livelock_headline(r.m, l, text, sizeof text);
            snprintf(want, sizeof want, "G3 and G4 repeat the same steps since frame %llu (%d rounds): left and "
                     "right change and change back", (unsigned long long)l->first_frame, l->rounds);
            assert_string_equal(text, want);
            run_free(&r, false);
        }
    program_free(p);
}

/* Each steps forward, looks, and if the other stepped forward too, steps
 * back: in lock-step, nobody ever goes first. */
static const char polite_src[] =
    "package main\n"
    "import (\"fmt\"; \"runtime\"; \"sync\"; \"sync/atomic\")\n"
    "var aliceWants, bobWants int32\n"
    "func polite(name string, mine, theirs *int32, start chan bool, wg *sync.WaitGroup) {\n"
    "\tdefer wg.Done()\n"
    "\t<-start\n"
    "\tfor try := 0; try < TRIES; try++ {\n"
    "\t\tatomic.StoreInt32(mine, 1)\n"
    "\t\truntime.Gosched()\n"
    "\t\tblocked := atomic.LoadInt32(theirs) == 1\n"
    "\t\truntime.Gosched()\n"
    "\t\tif !blocked {\n"
    "\t\t\tfmt.Println(name, \"goes first\")\n"
    "\t\t\treturn\n"
    "\t\t}\n"
    "\t\tatomic.StoreInt32(mine, 0)\n"
    "\t\truntime.Gosched()\n"
    "\t}\n"
    "\tfmt.Println(name, \"gives up\")\n"
    "}\n"
    "func main() {\n"
    "\tvar wg sync.WaitGroup\n"
    "\tstart := make(chan bool)\n"
    "\twg.Add(2)\n"
    "\tgo polite(\"alice\", &aliceWants, &bobWants, start, &wg)\n"
    "\tgo polite(\"bob\", &bobWants, &aliceWants, start, &wg)\n"
    "\tclose(start)\n"
    "\twg.Wait()\n"
    "}\n";

static void test_goroutines_giving_way_to_each_other_are_reported(void **state)
{
    (void)state;
    char *src = replace(polite_src, "TRIES", "6", NULL);
    static const int cores[] = {1, 2, 4};
    for (int c = 0; c < 3; c++)
        for (uint64_t seed = 1; seed <= 3; seed++) {
            Run r;
            run_source(&r, src, cores[c], seed, 1000000);
            assert_int_equal(r.m->status, M_EXITED);
            assert_true(printed(&r, "gives up"));     /* nobody went first */
            int n;
            const Livelock *l = findings(&r, &n);
            assert_int_equal(n, 1);
            assert_int_equal(l->ngs, 2);
            assert_int_equal(l->gs[0], 2);
            assert_int_equal(l->gs[1], 3);
            char names[128];
            cell_names(&r, l, names, sizeof names);
            assert_string_equal(names, "aliceWants,bobWants");
            assert_true(l->rounds >= LIVELOCK_ROUNDS);
            /* the first "gives up" ends it */
            assert_int_equal(l->end, LIVELOCK_PROGRESS);
            assert_int_equal(l->end_event, EV_OUTPUT);
            run_free(&r, true);
        }
    free(src);
}

/* The hallway's walkers never giving up: when the run stops, the livelock
 * is still going. */
static void test_a_livelock_with_no_end_is_still_going(void **state)
{
    (void)state;
    assert_non_null(strstr(hallway(), "i < 5"));
    char *src = replace(hallway(), "i < 5", "i < 1000000000", NULL);
    Run r;
    run_source(&r, src, 2, 1, 20000);
    assert_int_equal(r.m->status, M_RUNNING);
    int n;
    const Livelock *l = findings(&r, &n);
    assert_int_equal(n, 1);
    assert_int_equal(l->end, LIVELOCK_GOING);
    assert_int_equal(l->end_frame, r.m->frame);
    assert_true(l->rounds > 20);
    char text[400], want[400];
    livelock_describe(r.m, l, text, sizeof text);
    snprintf(want, sizeof want, "livelock: G3 and G4 repeat the same steps since frame %llu (%d rounds so far, "
             "still going at frame %llu) without progress: left and right change and change back; no "
             "output, no goroutine finished, no value passed", (unsigned long long)l->first_frame, l->rounds,
             (unsigned long long)r.m->frame);
    assert_string_equal(text, want);
    run_free(&r, true);
    free(src);
}

/* ---- near misses --------------------------------------------------------- */

/* The hallway with each step printed as it is taken: the same lock-step,
 * but every step is output. */
static void test_a_step_printed_each_time_is_progress(void **state)
{
    (void)state;
    const char *step = "fmt.Fprintf(out, \" %v\", dirName)";
    assert_non_null(strstr(hallway(), step));
    char *src = replace(hallway(), step, "fmt.Printf(\" %v\", dirName)", NULL);
    static const int cores[] = {1, 2, 4};
    for (int c = 0; c < 3; c++)
        for (uint64_t seed = 1; seed <= 3; seed++) {
            Run r;
            run_source(&r, src, cores[c], seed, 1000000);
            assert_int_equal(r.m->status, M_EXITED);
            /* five tries each, and one gives up (the other may get through
             * at its last step, when the first has left) */
            assert_int_equal(times_printed(&r, " left"), 10);
            assert_true(printed(&r, "tosses her hands up"));
            assert_true(shared_stores(&r, "left") >= 20);
            int n;
            findings(&r, &n);
            assert_int_equal(n, 0);
            run_free(&r, true);
        }
    free(src);
}

/* Two goroutines take a mutex in turn and work on locals; the flag each
 * sets inside changes and changes back, but nobody reads it. */
static void test_a_mutex_loop_with_a_flag_nobody_reads_is_not_a_livelock(void **state)
{
    (void)state;
    const char *src =
        "package main\n"
        "import (\"fmt\"; \"runtime\"; \"sync\")\n"
        "var inside bool\n"
        "func main() {\n"
        "\tvar mu sync.Mutex\n"
        "\tvar wg sync.WaitGroup\n"
        "\twork := func() {\n"
        "\t\tdefer wg.Done()\n"
        "\t\tsum := 0\n"
        "\t\tfor i := 0; i < 1000; i++ {\n"
        "\t\t\tmu.Lock()\n"
        "\t\t\tinside = true\n"
        "\t\t\tfor j := 0; j < 10; j++ {\n"
        "\t\t\t\tsum += j\n"
        "\t\t\t}\n"
        "\t\t\tinside = false\n"
        "\t\t\tmu.Unlock()\n"
        "\t\t\truntime.Gosched()\n"
        "\t\t}\n"
        "\t\tfmt.Println(sum)\n"
        "\t}\n"
        "\twg.Add(2)\n"
        "\tgo work()\n"
        "\tgo work()\n"
        "\twg.Wait()\n"
        "}\n";
    static const int cores[] = {1, 2, 4};
    for (int c = 0; c < 3; c++) {
        Run r;
        run_source(&r, src, cores[c], 1, 10000000);
        assert_int_equal(r.m->status, M_EXITED);
        assert_true(r.moments >= 2000);
        assert_true(shared_stores(&r, "inside") >= 4000);
        int n;
        findings(&r, &n);
        assert_int_equal(n, 0);
        run_free(&r, true);
    }
}

/* main spins, yielding, until a goroutine that slept sets the flag: the
 * same state at every yield, but one goroutine alone makes it. */
static void test_a_spin_wait_while_another_sleeps_is_not_a_livelock(void **state)
{
    (void)state;
    const char *src =
        "package main\n"
        "import (\"fmt\"; \"runtime\"; \"sync/atomic\"; \"time\")\n"
        "var ready int32\n"
        "func main() {\n"
        "\tgo func() {\n"
        "\t\ttime.Sleep(2 * time.Millisecond)\n"
        "\t\tatomic.StoreInt32(&ready, 1)\n"
        "\t}()\n"
        "\tspins := 0\n"
        "\tfor atomic.LoadInt32(&ready) == 0 {\n"
        "\t\truntime.Gosched()\n"
        "\t\tspins++\n"
        "\t}\n"
        "\tfmt.Println(\"ready\", spins > 0)\n"
        "}\n";
    static const int cores[] = {1, 2};
    for (int c = 0; c < 2; c++) {
        Run r;
        run_source(&r, src, cores[c], 1, 10000000);
        assert_int_equal(r.m->status, M_EXITED);
        assert_true(r.moments >= 1000);
        int n;
        findings(&r, &n);
        assert_int_equal(n, 0);
        run_free(&r, true);
    }
}

/* A ticker goroutine flips a variable main set, while main sleeps: it
 * changes and changes back at every tick, by one goroutine alone. */
static void test_a_ticker_while_main_sleeps_is_not_a_livelock(void **state)
{
    (void)state;
    const char *src =
        "package main\n"
        "import (\"fmt\"; \"time\")\n"
        "var phase int\n"
        "func main() {\n"
        "\tphase = 1\n"
        "\tgo func() {\n"
        "\t\tfor range time.Tick(1 * time.Millisecond) {\n"
        "\t\t\tphase = 1 - phase\n"
        "\t\t}\n"
        "\t}()\n"
        "\ttime.Sleep(60 * time.Millisecond)\n"
        "\tfmt.Println(\"done\")\n"
        "}\n";
    static const int cores[] = {1, 2};
    for (int c = 0; c < 2; c++) {
        Run r;
        run_source(&r, src, cores[c], 1, 1000000);
        assert_int_equal(r.m->status, M_EXITED);
        assert_true(r.moments >= 40);
        assert_true(shared_stores(&r, "phase") >= 40);
        int n;
        findings(&r, &n);
        assert_int_equal(n, 0);
        run_free(&r, true);
    }
}

/* A producer and a consumer: the consumer reads a variable the producer
 * keeps setting to 0 and 1, but every value also goes over the channel. */
static void test_a_producer_and_consumer_are_not_a_livelock(void **state)
{
    (void)state;
    const char *src =
        "package main\n"
        "import \"fmt\"\n"
        "var last int\n"
        "func main() {\n"
        "\tch := make(chan int, 2)\n"
        "\tdone := make(chan int)\n"
        "\tgo func() {\n"
        "\t\tsum := 0\n"
        "\t\tfor v := range ch {\n"
        "\t\t\tsum += v + last\n"
        "\t\t}\n"
        "\t\tdone <- sum\n"
        "\t}()\n"
        "\tfor i := 0; i < 500; i++ {\n"
        "\t\tlast = i % 2\n"
        "\t\tch <- i % 2\n"
        "\t}\n"
        "\tclose(ch)\n"
        "\tfmt.Println(<-done > 0)\n"
        "}\n";
    static const int cores[] = {1, 2, 4};
    for (int c = 0; c < 3; c++) {
        Run r;
        run_source(&r, src, cores[c], 1, 1000000);
        assert_int_equal(r.m->status, M_EXITED);
        assert_true(r.moments >= 100);
        assert_true(shared_stores(&r, "last") >= 500);
        int n;
        findings(&r, &n);
        assert_int_equal(n, 0);
        run_free(&r, true);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_the_hallway_is_reported_on_every_seed_and_core_count),
        cmocka_unit_test(test_goroutines_giving_way_to_each_other_are_reported),
        cmocka_unit_test(test_a_livelock_with_no_end_is_still_going),
        cmocka_unit_test(test_a_step_printed_each_time_is_progress),
        cmocka_unit_test(test_a_mutex_loop_with_a_flag_nobody_reads_is_not_a_livelock),
        cmocka_unit_test(test_a_spin_wait_while_another_sleeps_is_not_a_livelock),
        cmocka_unit_test(test_a_ticker_while_main_sleeps_is_not_a_livelock),
        cmocka_unit_test(test_a_producer_and_consumer_are_not_a_livelock),
    };
    return cmocka_run_group_tests_name("livelock", tests, NULL, NULL);
}
