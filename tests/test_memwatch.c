/* test_memwatch.c — shared variables and lost updates: every increment that
 * goes missing from a racy counter is found as a lost update, a locked
 * counter has none, and loads and stores read as sentences. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "memwatch.h"
#include "simtest.h"

static const char counter_src[] =
    "package main\n"
    "import (\"fmt\"; \"sync\")\n"
    "var counter int\n"
    "func main() {\n"
    "\tvar wg sync.WaitGroup\n"
    "\tvar mu sync.Mutex\n"
    "\tlocked := LOCKED\n"
    "\tfor i := 0; i < 2; i++ {\n"
    "\t\twg.Add(1)\n"
    "\t\tgo func() {\n"
    "\t\t\tdefer wg.Done()\n"
    "\t\t\tfor j := 0; j < 50000; j++ {\n"
    "\t\t\t\tif locked { mu.Lock() }\n"
    "\t\t\t\tcounter++\n"
    "\t\t\t\tif locked { mu.Unlock() }\n"
    "\t\t\t}\n"
    "\t\t}()\n"
    "\t}\n"
    "\twg.Wait()\n"
    "\tfmt.Println(counter)\n"
    "}\n";

/* Run to the end; returns the lost updates found and the final counter. */
static int run_counter(bool locked, uint64_t seed, int64_t *final)
{
    char src[sizeof counter_src + 16];
    const char *at = strstr(counter_src, "LOCKED");
    snprintf(src, sizeof src, "%.*s%s%s", (int)(at - counter_src), counter_src, locked ? "true" : "false",
             at + strlen("LOCKED"));
    Program *p = compile_text("counter.go", src);
    Machine *m = start(p, 2, POLICY_GO, seed);
    MemWatch *w = memwatch_new();
    while (m->status == M_RUNNING) {
        machine_step(m);
        memwatch_observe(w, m);
    }
    assert_int_equal(m->status, M_EXITED);
    *final = m->mem[0].i;                        /* counter: the first global */
    int n;
    memwatch_lost(w, &n);
    /* counter is shared, every increment a store; locked (captured by the
     * goroutines) is shared too but stored once, by main */
    int ncells, found = 0;
    const MemCell *cells = memwatch_cells(w, &ncells);
    for (int i = 0; i < ncells; i++) {
        char name[32];
        machine_addr_name(m, cells[i].addr, name, sizeof name);
        if (!strcmp(name, "counter")) {
            assert_true(cells[i].shared_frame > 0);
            assert_int_equal(cells[i].version, 1 + 100000);      /* its zero, then each ++ */
            found++;
        } else if (!strcmp(name, "locked")) {
            assert_true(cells[i].shared_frame > 0);
            assert_int_equal(cells[i].version, 1);
            found++;
        }
    }
    assert_int_equal(found, 2);
    memwatch_free(w);
    machine_free(m);
    program_free(p);
    return n;
}

static void test_every_missing_increment_is_a_lost_update(void **state)
{
    (void)state;
    int racy_seeds = 0;
    for (uint64_t seed = 1; seed <= 3; seed++) {
        int64_t final;
        int lost = run_counter(false, seed, &final);
        /* each lost update hides exactly one increment */
        assert_int_equal(lost, 100000 - final);
        racy_seeds += lost > 0;
    }
    assert_true(racy_seeds > 0);            /* the machine does lose some */
}

static void test_a_locked_counter_loses_nothing(void **state)
{
    (void)state;
    for (uint64_t seed = 1; seed <= 3; seed++) {
        int64_t final;
        assert_int_equal(run_counter(true, seed, &final), 0);
        assert_int_equal(final, 100000);
    }
}

static void test_sentences(void **state)
{
    (void)state;
    const char *src =
        "package main\n"
        "var data int\n"
        "func main() {\n"
        "\tdata = 41\n"
        "\tdata++\n"
        "}\n";
    Program *p = compile_text("s.go", src);
    Machine *m = start(p, 1, POLICY_GO, 1);
    MemWatch *w = memwatch_new();
    char text[256], all[2048] = "";
    while (m->status == M_RUNNING) {
        machine_step(m);
        memwatch_observe(w, m);
        if (memwatch_describe(m, text, sizeof text)) {
            strcat(all, text);
            strcat(all, "|");
        }
    }
    assert_string_equal(all, "G1 stores data = 0|G1 stores data = 41|G1 loads data (41)|G1 stores data = 42|");
    int n;
    const MemCell *c = memwatch_cells(w, &n);
    assert_int_equal(n, 1);
    assert_int_equal(c[0].shared_frame, 0);     /* only main touched it */
    assert_int_equal(c[0].version, 3);           /* its zero, 41, 42 */
    int g;
    uint64_t f;
    memwatch_last_write(w, 0, c[0].first_frame, &g, &f);
    assert_int_equal(g, 1);
    assert_int_equal(f, c[0].first_frame);     /* the first store, seen from its frame */
    memwatch_last_write(w, 0, c[0].first_frame - 1, &g, &f);
    assert_int_equal(g, 0);                     /* before it: none */
    memwatch_free(w);
    machine_free(m);
    program_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_missing_increment_is_a_lost_update),
        cmocka_unit_test(test_a_locked_counter_loses_nothing),
        cmocka_unit_test(test_sentences),
    };
    return cmocka_run_group_tests_name("memwatch", tests, NULL, NULL);
}
