/* test_race.c — the data race detector: a race of each kind is found once,
 * with both accesses' lines, and every synchronisation of the Go memory model
 * orders the accesses it should (no report). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "race.h"
#include "simtest.h"

/* Run src to the end on `cores` cores, frame by frame, into r. */
static RaceDetector *detect(const char *src, int cores, uint64_t seed, MachineStatus want)
{
    Program *p = compile_text("race.go", src);
    Machine *m = start(p, cores, POLICY_GO, seed);
    RaceDetector *r = race_new();
    while (m->status == M_RUNNING && m->frame < 5000000) {
        machine_step(m);
        race_observe(r, m);
    }
    assert_int_equal(m->status, want);
    machine_free(m);
    program_free(p);
    return r;
}

static int nraces(const char *src, int cores)
{
    RaceDetector *r = detect(src, cores, 1, M_EXITED);
    int n;
    race_reports(r, &n);
    race_free(r);
    return n;
}

/* Three lines: main starts on line 4. */
#define PROLOGUE "package main\nimport (\"fmt\"; \"sync\"; \"sync/atomic\"; \"time\")\n" \
                 "func unused() { fmt.Print(); var mu sync.Mutex; mu.Lock(); var n int32; atomic.AddInt32(&n, 1); time.Sleep(0) }\n"

static void test_unordered_write_and_read(void **state)
{
    (void)state;
    const char *src = PROLOGUE
        "func main() {\n"                                   /* 4 */
        "\tvar data int\n"                                  /* 5 */
        "\tgo func() { data++ }()\n"                        /* 6 */
        "\ttime.Sleep(time.Millisecond)\n"                  /* 7 */
        "\tif data == 0 { fmt.Println(\"zero\") }\n"        /* 8 */
        "}\n";
    RaceDetector *r = detect(src, 2, 1, M_EXITED);
    int n;
    const RaceReport *rep = race_reports(r, &n);
    assert_int_equal(n, 1);
    assert_int_equal(rep[0].cur.g, 1);          /* main's read finds it */
    assert_false(rep[0].cur.write);
    assert_int_equal(rep[0].cur.line, 8);
    assert_int_equal(rep[0].prev.g, 2);
    assert_true(rep[0].prev.write);
    assert_int_equal(rep[0].prev.line, 6);
    race_free(r);
}

static void test_each_pair_of_lines_once(void **state)
{
    (void)state;
    const char *src = PROLOGUE
        "func main() {\n"
        "\tvar wg sync.WaitGroup\n"
        "\tcounter := 0\n"
        "\tfor i := 0; i < 2; i++ {\n"
        "\t\twg.Add(1)\n"
        "\t\tgo func() { defer wg.Done(); for j := 0; j < 200; j++ { counter++ } }()\n"
        "\t}\n"
        "\twg.Wait()\n"
        "\tfmt.Println(counter)\n"
        "}\n";
    assert_int_equal(nraces(src, 2), 1);
}

/* Each body writes x in a goroutine, synchronises, and main then writes x. */
static void assert_ordered(const char *body)
{
    char src[2048];
    snprintf(src, sizeof src, PROLOGUE "func main() {\n\tvar x int\n%s\tx++\n\tfmt.Println(x)\n}\n", body);
    assert_int_equal(nraces(src, 2), 0);
}

static void test_synchronisations_order(void **state)
{
    (void)state;
    /* unbuffered channel: send before receive completes */
    assert_ordered("\tch := make(chan int)\n\tgo func() { x = 1; ch <- 1 }()\n\t<-ch\n");
    /* unbuffered: receive before the send completes */
    assert_ordered("\tch := make(chan int)\n\tdone := make(chan bool)\n"
                   "\tgo func() { ch <- 1; x = 2; done <- true }()\n\tx = 1\n\t<-ch\n\t<-done\n");
    /* buffered channel */
    assert_ordered("\tch := make(chan int, 3)\n\tgo func() { x = 1; ch <- 1 }()\n\t<-ch\n");
    /* close before a receive that sees it */
    assert_ordered("\tch := make(chan int)\n\tgo func() { x = 1; close(ch) }()\n\t<-ch\n");
    /* Mutex */
    assert_ordered("\tvar mu sync.Mutex\n\tvar wg sync.WaitGroup\n\twg.Add(2)\n"
                   "\tfor i := 0; i < 2; i++ { go func() { defer wg.Done(); mu.Lock(); x++; mu.Unlock() }() }\n"
                   "\twg.Wait()\n");
    /* RWMutex: a writer after readers */
    assert_ordered("\tvar rw sync.RWMutex\n\tvar wg sync.WaitGroup\n\twg.Add(2)\n"
                   "\tgo func() { defer wg.Done(); rw.RLock(); _ = x; rw.RUnlock() }()\n"
                   "\tgo func() { defer wg.Done(); rw.Lock(); x = 3; rw.Unlock() }()\n"
                   "\twg.Wait()\n");
    /* Once */
    assert_ordered("\tvar once sync.Once\n\tvar wg sync.WaitGroup\n\twg.Add(2)\n"
                   "\tfor i := 0; i < 2; i++ { go func() { defer wg.Done(); once.Do(func() { x = 7 }); _ = x }() }\n"
                   "\twg.Wait()\n");
    /* atomics: a flag published with Store, seen with Load */
    assert_ordered("\tvar flag int32\n\tgo func() { x = 5; atomic.StoreInt32(&flag, 1) }()\n"
                   "\tfor atomic.LoadInt32(&flag) == 0 {\n\t}\n");
    /* the capacity rule: a channel of capacity 1 as a lock */
    assert_ordered("\tsem := make(chan bool, 1)\n\tvar wg sync.WaitGroup\n\twg.Add(2)\n"
                   "\tfor i := 0; i < 2; i++ { go func() { defer wg.Done(); sem <- true; x++; <-sem }() }\n"
                   "\twg.Wait()\n");
}

static void test_sleep_does_not_order(void **state)
{
    (void)state;
    /* time.Sleep is no synchronisation in the memory model, however long */
    const char *src = PROLOGUE
        "func main() {\n\tvar x int\n\tgo func() { x = 1 }()\n"
        "\ttime.Sleep(10 * time.Millisecond)\n\tx = 2\n\tfmt.Println(x)\n}\n";
    assert_int_equal(nraces(src, 2), 1);
    /* an atomic access to a word another goroutine writes plainly races too */
    const char *mixed = PROLOGUE
        "func main() {\n\tvar n int32\n\tdone := make(chan bool)\n"
        "\tgo func() { atomic.AddInt32(&n, 1); done <- true }()\n"
        "\tn = 5\n\t<-done\n\tfmt.Println(n)\n}\n";
    assert_int_equal(nraces(mixed, 2), 1);
    /* two atomics never race */
    const char *atomics = PROLOGUE
        "func main() {\n\tvar n int32\n\tdone := make(chan bool)\n"
        "\tgo func() { atomic.AddInt32(&n, 1); done <- true }()\n"
        "\tatomic.AddInt32(&n, 1)\n\t<-done\n\tfmt.Println(n)\n}\n";
    assert_int_equal(nraces(atomics, 2), 0);
}

/* Atomics order as in Go's race runtime: only a Store, an Add or a CAS that
 * swaps publishes, a Store replaces what earlier ones published, and a Load
 * or a CAS only acquires.  The goroutine writes x and does OP on flag; main
 * does MAIN_OP 10 ms later (after OP in time, which orders nothing), then
 * writes x.  With `between`, another goroutine stores 2 into flag at 5 ms.
 * Each count is what real Go 1.19's -race reported for the same program. */
static int atomic_races(const char *op, bool between, const char *main_op)
{
    char src[2048];
    snprintf(src, sizeof src, PROLOGUE
             "func main() {\n\tvar x int\n\tvar flag int32\n\tdone := make(chan bool)\n"
             "\tgo func() { x = 1; %s; done <- true }()\n"
             "%s"
             "\ttime.Sleep(10 * time.Millisecond)\n\t%s\n\tx = 2\n\t<-done\n\tfmt.Println(x)\n}\n",
             op, between ? "\tgo func() { time.Sleep(5 * time.Millisecond); atomic.StoreInt32(&flag, 2) }()\n" : "",
             main_op);
    return nraces(src, 2);
}

static void test_atomics_order_as_go(void **state)
{
    (void)state;
    /* a Load publishes nothing */
    assert_int_equal(atomic_races("atomic.LoadInt32(&flag)", false, "atomic.LoadInt32(&flag)"), 1);
    /* a Store acquires nothing */
    assert_int_equal(atomic_races("atomic.StoreInt32(&flag, 1)", false, "atomic.StoreInt32(&flag, 3)"), 1);
    /* a Store replaces: main's Load sees the 5 ms Store, not the goroutine's */
    assert_int_equal(atomic_races("atomic.StoreInt32(&flag, 1)", true, "atomic.LoadInt32(&flag)"), 1);
    /* a CAS that fails publishes nothing */
    assert_int_equal(atomic_races("atomic.CompareAndSwapInt32(&flag, 7, 1)", false, "atomic.LoadInt32(&flag)"), 1);
    /* and what does order: Store then Load, Add then Add, a CAS that swaps
     * then one that fails */
    assert_int_equal(atomic_races("atomic.StoreInt32(&flag, 1)", false, "atomic.LoadInt32(&flag)"), 0);
    assert_int_equal(atomic_races("atomic.AddInt32(&flag, 1)", false, "atomic.AddInt32(&flag, 1)"), 0);
    assert_int_equal(atomic_races("atomic.CompareAndSwapInt32(&flag, 0, 1)", false,
                                  "atomic.CompareAndSwapInt32(&flag, 7, 1)"), 0);
}

static void test_waitgroup_add_publishes_nothing(void **state)
{
    (void)state;
    /* the goroutine that writes x counts up; another's Done brings the
     * counter to zero 10 ms later: Wait is ordered after the Dones only
     * (real Go 1.19's -race reports the race) */
    const char *src = PROLOGUE
        "func main() {\n\tvar x int\n\tvar wg sync.WaitGroup\n\twg.Add(1)\n"
        "\tgo func() { x = 1; wg.Add(1) }()\n"
        "\tgo func() { time.Sleep(10 * time.Millisecond); wg.Done(); wg.Done() }()\n"
        "\twg.Wait()\n\tx = 2\n\tfmt.Println(x)\n}\n";
    assert_int_equal(nraces(src, 2), 1);
}

static void test_report_layout(void **state)
{
    (void)state;
    const char *src = PROLOGUE
        "func main() {\n\tvar data int\n\tgo func() { data++ }()\n"
        "\ttime.Sleep(time.Millisecond)\n\tdata = 3\n}\n";
    Program *p = compile_text("race.go", src);
    Machine *m = start(p, 2, POLICY_GO, 1);
    RaceDetector *r = race_new();
    while (m->status == M_RUNNING) {
        machine_step(m);
        race_observe(r, m);
    }
    int n;
    const RaceReport *rep = race_reports(r, &n);
    assert_int_equal(n, 1);
    char buf[2048] = "";
    FILE *f = fmemopen(buf, sizeof buf - 1, "w");
    race_write_report(r, m, &rep[0], f);
    fclose(f);
    const char *want =
        "==================\n"
        "WARNING: DATA RACE\n"
        "Write at 0x00c000000000 by main goroutine:\n"
        "  main.main()\n"
        "      race.go:8 +0x0\n"
        "\n"
        "Previous write at 0x00c000000000 by goroutine 2:\n"
        "  main.main.func1()\n"
        "      race.go:6 +0x0\n"
        "\n"
        "Goroutine 2 (finished) created at:\n"
        "  main.main()\n"
        "      race.go:6 +0x0\n"
        "==================\n";
    assert_string_equal(buf, want);
    race_free(r);
    machine_free(m);
    program_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_unordered_write_and_read),
        cmocka_unit_test(test_each_pair_of_lines_once),
        cmocka_unit_test(test_synchronisations_order),
        cmocka_unit_test(test_sleep_does_not_order),
        cmocka_unit_test(test_atomics_order_as_go),
        cmocka_unit_test(test_waitgroup_add_publishes_nothing),
        cmocka_unit_test(test_report_layout),
    };
    return cmocka_run_group_tests_name("race", tests, NULL, NULL);
}
