/* test_gc.c — the collector (sim/machine/gc.c): what it frees and what it
 * keeps, reuse under a new name, runtime.GC and ReadMemStats, bounded memory
 * for programs that drop what they make, the analyses told of what it
 * freed, and that a run is the same with it, without it, with a collection
 * after every few frames, and replayed from its seed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include <dirent.h>

#include "gc.h"
#include "history.h"
#include "memwatch.h"
#include "race.h"
#include "simtest.h"

static char *dup(const char *s)
{
    char *d = malloc(strlen(s) + 1);
    assert_non_null(d);
    return strcpy(d, s);
}

/* Step m until its output ends with text (the program says it is ready). */
static void run_until(Machine *m, const char *text)
{
    size_t n = strlen(text);
    while (m->status == M_RUNNING && (m->stdout_len < n || strcmp(m->stdout_buf + m->stdout_len - n, text)))
        machine_run(m, 1);
    assert_int_equal(m->status, M_RUNNING);
}

static Machine *run_to_end(const Program *p, uint64_t seed)
{
    Machine *m = start(p, 2, POLICY_GO, seed);
    machine_run(m, 50000000);
    return m;
}

/* The blocks that are not free. */
static int64_t live_blocks(const Machine *m)
{
    int64_t n = 0;
    for (int64_t b = 0; b < m->nblocks; b++) n += m->blocks[b].type != BLOCK_FREE;
    return n;
}

/* The block made under a name, -1 none. */
static int64_t block_named(const Machine *m, const char *name)
{
    for (int64_t b = 0; b < m->nblocks; b++) {
        const Block *k = &m->blocks[b];
        if (k->type == BLOCK_FREE || k->name < 0) continue;
        if (!strcmp(machine_string(m, value_make(V_STR, 0, k->name), NULL), name)) return b;
    }
    return -1;
}

/* ---- what it frees, what it keeps -------------------------------------------------- */

static const char cycles_src[] =
    "package main\n"
    "\n"
    "import (\n"
    "\t\"fmt\"\n"
    "\t\"time\"\n"
    ")\n"
    "\n"
    "type node struct {\n"
    "\tnext *node\n"
    "\tv    int\n"
    "}\n"
    "\n"
    "func main() {\n"
    "\tfor i := 0; i < 1000; i++ {\n"
    "\t\ta := &node{v: i}\n"
    "\t\tb := &node{next: a, v: -i}\n"
    "\t\ta.next = b\n"
    "\t}\n"
    "\tfmt.Println(\"ready\")\n"
    "\ttime.Sleep(time.Second)\n"
    "}\n";

/* Two thousand nodes in pairs pointing at each other: all garbage but the
 * last pair, which main's locals still hold. */
static void test_garbage_cycles_are_freed(void **state)
{
    (void)state;
    Program *p = compile_text("cycles.go", cycles_src);
    Machine *m = start(p, 2, POLICY_GO, 1);
    run_until(m, "ready\n");
    int64_t before = live_blocks(m);
    uint64_t frees = m->gc.frees;
    gc_collect(m);
    assert_true(before >= 2000);
    assert_true(live_blocks(m) < 20);
    assert_true(m->gc.frees - frees >= 1998);
    assert_int_equal(m->gc.cycles, 1);
    assert_true(m->gc.live < 400);
    assert_true(m->nfreed >= 1);
    int64_t freed = 0;
    for (int i = 0; i < m->nfreed; i++) freed += m->freed[i].n;
    assert_true(freed >= 2 * 1998);
    /* what is left: the last pair, named, and every free block is nameless */
    assert_true(block_named(m, "a") >= 0 && block_named(m, "b") >= 0);
    for (int64_t b = 0; b < m->nblocks; b++)
        if (m->blocks[b].type == BLOCK_FREE) assert_int_equal(m->blocks[b].name, -1);
    machine_run(m, 10000000);
    assert_int_equal(m->status, M_EXITED);
    machine_free(m);
    program_free(p);
}

/* Values reachable only from a channel's buffer, a closure, a map, a
 * blocked goroutine's stack (one waiting on a timer's channel) and a
 * sender blocked on a full channel survive a collection; then 2,000
 * allocations of the same size would reuse anything freed by mistake. */
static const char survivors_src[] =
    "package main\n"
    "\n"
    "import (\n"
    "\t\"fmt\"\n"
    "\t\"runtime\"\n"
    "\t\"time\"\n"
    ")\n"
    "\n"
    "type box struct{ v, w int }\n"
    "\n"
    "var out = make(chan int)\n"
    "\n"
    "func closure() func() int {\n"
    "\tc := &box{43, 0}\n"
    "\treturn func() int { return c.v }\n"
    "}\n"
    "\n"
    "func main() {\n"
    "\tbuf := make(chan *box, 1)\n"
    "\tbuf <- &box{41, 0}\n"
    "\tm := map[string]*box{\"k\": {42, 0}}\n"
    "\tf := closure()\n"
    "\tgo func(b *box) { <-time.After(time.Millisecond); out <- b.v }(&box{44, 0})\n"
    "\tfull := make(chan *box)\n"
    "\tgo func() { full <- &box{45, 0} }()\n"
    "\tfor i := 0; i < 100; i++ {\n"
    "\t\tgarbage := &box{i, i}\n"
    "\t\t_ = garbage\n"
    "\t}\n"
    "\ttime.Sleep(time.Microsecond)\n"
    "\truntime.GC()\n"
    "\tvar keep []*box\n"
    "\tfor i := 0; i < 2000; i++ {\n"
    "\t\tkeep = append(keep, &box{-1, -1})\n"
    "\t}\n"
    "\tfmt.Println((<-buf).v, m[\"k\"].v, f(), <-out, (<-full).v, len(keep))\n"
    "}\n";

static void test_reachable_values_survive(void **state)
{
    (void)state;
    Program *p = compile_text("survivors.go", survivors_src);
    for (uint64_t seed = 1; seed <= 3; seed++) {
        Machine *m = run_to_end(p, seed);
        assert_int_equal(m->status, M_EXITED);
        assert_string_equal(m->stdout_buf, "41 42 43 44 45 2000\n");
        assert_true(m->gc.cycles >= 1);
        assert_true(m->gc.frees >= 99);       /* the garbage went, and its blocks were taken */
        machine_free(m);
    }
    program_free(p);
}

static const char waits_src[] =
    "package main\n"
    "\n"
    "import (\n"
    "\t\"fmt\"\n"
    "\t\"time\"\n"
    ")\n"
    "\n"
    "type box struct{ v, w int }\n"
    "\n"
    "func main() {\n"
    "\tgo func() { make(chan *box) <- &box{46, 0} }()\n"
    "\tgo func() { <-make(chan int) }()\n"
    "\ttime.Sleep(time.Millisecond)\n"
    "\tfmt.Println(\"ready\")\n"
    "\ttime.Sleep(time.Second)\n"
    "}\n";

/* Goroutines blocked on channels that only their queues know of (the
 * channel was a temporary): the channels and the value the sender carries
 * stay, as Go's sudogs keep them. */
static void test_what_blocked_goroutines_wait_on_stays(void **state)
{
    (void)state;
    Program *p = compile_text("waits.go", waits_src);
    Machine *m = start(p, 2, POLICY_GO, 1);
    run_until(m, "ready\n");
    gc_collect(m);
    int senders = 0;
    for (int c = 0; c < m->nchans; c++) {
        const Chan *ch = &m->chans[c];
        for (int k = 0; k < ch->sendq.n; k++) {
            Value v = ch->sendq.q[k].elem;
            assert_int_equal(v.kind, V_PTR);
            int64_t b = machine_block_of(m, v.i);
            assert_true(b >= 0);
            assert_true(m->blocks[b].type != BLOCK_FREE);
            assert_int_equal(m->mem[v.i].i, 46);
            senders++;
        }
    }
    assert_int_equal(senders, 1);
    machine_free(m);
    program_free(p);
}

/* A collection after every frame: every root is a root at every moment. */
static void test_collection_after_every_frame(void **state)
{
    (void)state;
    Program *p = compile_text("survivors.go", survivors_src);
    Machine *m = start(p, 2, POLICY_GO, 1);
    while (m->status == M_RUNNING) {
        machine_step(m);
        gc_collect(m);
    }
    assert_int_equal(m->status, M_EXITED);
    assert_string_equal(m->stdout_buf, "41 42 43 44 45 2000\n");
    machine_free(m);
    program_free(p);
}

/* ---- reuse -------------------------------------------------------------------------- */

static const char reuse_src[] =
    "package main\n"
    "\n"
    "import (\n"
    "\t\"fmt\"\n"
    "\t\"runtime\"\n"
    "\t\"time\"\n"
    ")\n"
    "\n"
    "type T struct{ a, b int }\n"
    "\n"
    "func main() {\n"
    "\tfor i := 0; i < 100; i++ {\n"
    "\t\told := &T{i, i}\n"
    "\t\t_ = old\n"
    "\t}\n"
    "\tfmt.Println(\"made\")\n"
    "\truntime.GC()\n"
    "\tfresh := &T{7, 8}\n"
    "\tfmt.Println(\"ready\", fresh.a)\n"
    "\ttime.Sleep(time.Second)\n"
    "}\n";

/* A block freed by the collector and taken by a new allocation of its size
 * answers to the new name, with its new values. */
static void test_reused_block_has_its_new_name(void **state)
{
    (void)state;
    Program *p = compile_text("reuse.go", reuse_src);
    Machine *m = start(p, 2, POLICY_GO, 1);
    run_until(m, "made\n");
    int64_t end = m->nmem;
    int64_t first_old = block_named(m, "old");
    assert_true(first_old >= 0);
    int64_t old_base = m->blocks[first_old].base;
    run_until(m, "ready 7\n");
    assert_int_equal(m->gc.forced, 1);
    int64_t b = block_named(m, "fresh");
    assert_true(b >= 0);
    int64_t base = m->blocks[b].base;
    assert_int_equal(base, old_base);            /* the lowest free block of its size */
    assert_true(base + 2 <= end);
    char buf[64];
    assert_string_equal(machine_addr_name(m, base, buf, sizeof buf), "fresh.a");
    assert_string_equal(machine_addr_name(m, base + 1, buf, sizeof buf), "fresh.b");
    assert_int_equal(m->mem[base].i, 7);
    assert_int_equal(m->mem[base + 1].i, 8);
    /* a free block names nothing */
    for (int64_t k = 0; k < m->nblocks; k++)
        if (m->blocks[k].type == BLOCK_FREE) {
            machine_addr_name(m, m->blocks[k].base, buf, sizeof buf);
            assert_true(!strncmp(buf, "0x", 2));
            break;
        }
    machine_free(m);
    program_free(p);
}

/* ---- runtime.GC, runtime.ReadMemStats ------------------------------------------------- */

static const char memstats_src[] =
    "package main\n"
    "\n"
    "import (\n"
    "\t\"fmt\"\n"
    "\t\"runtime\"\n"
    ")\n"
    "\n"
    "var keep []int\n"
    "\n"
    "func main() {\n"
    "\tvar a, b, c runtime.MemStats\n"
    "\truntime.ReadMemStats(&a)\n"
    "\tkeep = make([]int, 1<<20)\n"
    "\truntime.GC()\n"
    "\truntime.ReadMemStats(&b)\n"
    "\tkeep = nil\n"
    "\truntime.GC()\n"
    "\truntime.ReadMemStats(&c)\n"
    "\tfmt.Println(b.HeapAlloc >= 8<<20, c.HeapAlloc < 1<<20, b.NumGC > a.NumGC, c.NumGC > b.NumGC)\n"
    "\tfmt.Println(c.Frees > b.Frees, c.Mallocs >= b.Mallocs, c.TotalAlloc >= 8<<20, c.NumForcedGC)\n"
    "\tfmt.Println(c.HeapObjects == c.Mallocs-c.Frees, c.Sys >= c.HeapSys, c.HeapSys >= c.HeapInuse)\n"
    "\tfmt.Println(c.NextGC == 4<<20, c.EnableGC, c.LastGC > 0, a.LastGC)\n"
    "}\n";

static void test_runtime_gc_and_memstats(void **state)
{
    (void)state;
    Program *p = compile_text("memstats.go", memstats_src);
    Machine *m = run_to_end(p, 1);
    assert_int_equal(m->status, M_EXITED);
    assert_string_equal(m->stdout_buf, "true true true true\n"
                                       "true true true 2\n"
                                       "true true true\n"
                                       "true true true 0\n");
    machine_free(m);
    program_free(p);
}

/* GOGC=off: only runtime.GC collects. */
static void test_gogc_off(void **state)
{
    (void)state;
    Program *p = compile_text("memstats.go", memstats_src);
    MachineConfig c = config(2, POLICY_GO, 1);
    c.gogc = -1;
    Machine *m = machine_new(p, &c);
    machine_run(m, 50000000);
    assert_string_equal(m->stdout_buf, "true true true true\n"
                                       "true true true 2\n"
                                       "true true true\n"
                                       "false true true 0\n");   /* no goal: NextGC 0 */
    assert_int_equal(m->gc.cycles, 2);
    machine_free(m);
    program_free(p);
}

static const char copied_mutex_src[] =
    "package main\n"
    "\n"
    "import (\n"
    "\t\"fmt\"\n"
    "\t\"runtime\"\n"
    "\t\"sync\"\n"
    ")\n"
    "\n"
    "type C struct {\n"
    "\tmu sync.Mutex\n"
    "\tn  int\n"
    "}\n"
    "\n"
    "func main() {\n"
    "\tfor i := 0; i < 10; i++ {\n"
    "\t\tdropped := &C{}\n"
    "\t\tdropped.mu.Lock()\n"
    "\t\tdropped.mu.Unlock()\n"
    "\t}\n"
    "\ta := &C{}\n"
    "\ta.mu.Lock()\n"
    "\ta.n++\n"
    "\ta.mu.Unlock()\n"
    "\tb := *a\n"
    "\ta = nil\n"
    "\tx := &C{}\n"
    "\tx.mu.Lock()\n"
    "\tx.mu.Unlock()\n"
    "\truntime.GC()\n"
    "\tb.mu.Lock()\n"
    "\tb.n++\n"
    "\tb.mu.Unlock()\n"
    "\tx.mu.Lock()\n"
    "\tfmt.Println(b.n, x.n)\n"
    "\tx.mu.Unlock()\n"
    "}\n";

/* Sync objects: the dead ones go from the table and the others move down,
 * renumbered where their slots are, a copied struct's slot too. */
static void test_sync_objects_are_collected(void **state)
{
    (void)state;
    Program *p = compile_text("copied_mutex.go", copied_mutex_src);
    Machine *m = run_to_end(p, 1);
    assert_int_equal(m->status, M_EXITED);
    assert_string_equal(m->stdout_buf, "2 0\n");
    assert_int_equal(m->nsyncs, 3);   /* b's (a's, copied), x's, and the last dropped one's, which
                                         its loop variable's slot still holds */
    for (int i = 0; i < m->nsyncs; i++) {
        const SyncObj *s = &m->syncs[i];
        Value v = m->mem[s->u.mu.addr];
        assert_int_equal(v.kind, V_SYNC);
        assert_int_equal(v.i, i + 1);
    }
    machine_free(m);
    program_free(p);
}

/* ---- bounded memory ---------------------------------------------------------------------- */

static const char drop_src[] =
    "package main\n"
    "\n"
    "import (\n"
    "\t\"fmt\"\n"
    "\t\"runtime\"\n"
    "\t\"sync\"\n"
    ")\n"
    "\n"
    "type T struct {\n"
    "\tmu   sync.Mutex\n"
    "\ta, b int\n"
    "}\n"
    "\n"
    "func main() {\n"
    "\tsum := 0\n"
    "\ts := \"\"\n"
    "\tfor i := 0; i < 300000; i++ {\n"
    "\t\tp := &T{a: i}\n"
    "\t\tp.mu.Lock()\n"
    "\t\tsum += p.a\n"
    "\t\tp.mu.Unlock()\n"
    "\t\txs := append([]int{}, i, i)\n"
    "\t\tsum += xs[1]\n"
    "\t\ts += \"x\"\n"
    "\t\tif len(s) == 100 {\n"
    "\t\t\ts = \"\"\n"
    "\t\t}\n"
    "\t}\n"
    "\truntime.GC()\n"
    "\tvar ms runtime.MemStats\n"
    "\truntime.ReadMemStats(&ms)\n"
    "\tfmt.Println(sum, len(s), ms.NumGC > ms.NumForcedGC, ms.HeapAlloc < 1<<20)\n"
    "}\n";

/* Objects with a mutex inside, small slices and strings made and dropped
 * 300,000 times: the heap, the strings and the sync objects stay bounded
 * by the pacing, and after a last runtime.GC under 1 MB of heap is left. */
static void test_dropped_allocations_stay_bounded(void **state)
{
    (void)state;
    Program *p = compile_text("drop.go", drop_src);
    Machine *m = start(p, 2, POLICY_GO, 1);
    uint64_t peak_live = 0;
    int64_t peak_mem = 0, peak_strings = 0, peak_syncs = 0;
    while (m->status == M_RUNNING) {
        machine_run(m, 100000);
        if (m->gc.live > peak_live) peak_live = m->gc.live;
        if (m->nmem > peak_mem) peak_mem = m->nmem;
        if (m->nstrings > peak_strings) peak_strings = m->nstrings;
        if (m->nsyncs > peak_syncs) peak_syncs = m->nsyncs;
    }
    assert_int_equal(m->status, M_EXITED);
    assert_string_equal(m->stdout_buf, "89999700000 0 true true\n");
    assert_true(m->gc.cycles >= 3);
    assert_true(peak_live <= GC_HEAP_MINIMUM + (1 << 16));     /* checked every 100k frames */
    assert_true(peak_mem * 8 <= 2 * GC_HEAP_MINIMUM);
    assert_true(peak_strings < 300000 / 2);
    assert_true(peak_syncs < 300000 / 2);
    assert_true(m->strdata_len < 4 << 20);
    machine_free(m);
    program_free(p);
}

/* ---- the analyses and reuse ------------------------------------------------------------------- */

static const char reuse_race_src[] =
    "package main\n"
    "\n"
    "import (\n"
    "\t\"fmt\"\n"
    "\t\"runtime\"\n"
    "\t\"time\"\n"
    ")\n"
    "\n"
    "type T struct{ a, b int }\n"
    "\n"
    "func worker() {\n"
    "\tfor i := 0; i < 10; i++ {\n"
    "\t\tp := &T{}\n"
    "\t\tp.a = i\n"
    "\t}\n"
    "}\n"
    "\n"
    "func main() {\n"
    "\tgo worker()\n"
    "\ttime.Sleep(10 * time.Millisecond)\n"
    "\truntime.GC()\n"
    "\tfor i := 0; i < 10; i++ {\n"
    "\t\tq := &T{}\n"
    "\t\tq.a = i\n"
    "\t}\n"
    "\tfmt.Println(\"done\")\n"
    "}\n";

/* G2 writes objects it drops; after a collection main's new objects take
 * their blocks and main writes them, with no synchronisation between the
 * two: no race (the memory was freed and made anew between them), and the
 * memory watch sees main's cells as main's alone. */
static void test_analyses_forget_freed_blocks(void **state)
{
    (void)state;
    Program *p = compile_text("reuse_race.go", reuse_race_src);
    Machine *m = start(p, 2, POLICY_GO, 1);
    RaceDetector *r = race_new();
    MemWatch *w = memwatch_new();
    uint8_t *by = calloc(1 << 16, 1);              /* who wrote each slot: bit g-1 */
    assert_non_null(by);
    bool reused = false, freed = false;
    while (m->status == M_RUNNING) {
        machine_step(m);
        race_observe(r, m);
        memwatch_observe(w, m);
        freed |= m->nfreed > 0;
        int g = 0;
        for (int c = 0; c < m->ncores; c++)
            if (m->last[c].g) g = m->last[c].g;
        for (int i = 0; i < m->naccesses; i++) {
            const MemAccess *a = &m->accesses[i];
            if (!a->write || a->addr >= (1 << 16) || g < 1 || g > 2) continue;
            by[a->addr] |= (uint8_t)(1 << (g - 1));
            reused |= by[a->addr] == 3;
        }
    }
    assert_int_equal(m->status, M_EXITED);
    assert_true(freed);
    assert_true(reused);                    /* the same slots, written by both */
    int n;
    race_reports(r, &n);
    assert_int_equal(n, 0);
    const MemCell *cells = memwatch_cells(w, &n);
    for (int i = 0; i < n; i++)
        if (cells[i].addr >= m->prog->nglobals) assert_int_equal(cells[i].shared_frame, 0);
    free(by);
    memwatch_free(w);
    race_free(r);
    machine_free(m);
    program_free(p);
}

static const char shared_race_src[] =
    "package main\n"
    "\n"
    "import (\n"
    "\t\"fmt\"\n"
    "\t\"time\"\n"
    ")\n"
    "\n"
    "type T struct{ a, b int }\n"
    "\n"
    "var shared = &T{}\n"
    "\n"
    "func worker() {\n"
    "\tfor i := 0; i < 10; i++ {\n"
    "\t\tshared.a = i\n"
    "\t}\n"
    "}\n"
    "\n"
    "func main() {\n"
    "\tgo worker()\n"
    "\ttime.Sleep(10 * time.Millisecond)\n"
    "\tfor i := 0; i < 10; i++ {\n"
    "\t\tshared.a = i\n"
    "\t}\n"
    "\tfmt.Println(\"done\")\n"
    "}\n";

/* The control: the same writes to one object that was never freed race. */
static void test_race_without_the_collection(void **state)
{
    (void)state;
    Program *p = compile_text("shared_race.go", shared_race_src);
    Machine *m = start(p, 2, POLICY_GO, 1);
    RaceDetector *r = race_new();
    while (m->status == M_RUNNING) {
        machine_step(m);
        race_observe(r, m);
    }
    int n;
    race_reports(r, &n);
    assert_int_equal(n, 1);
    race_free(r);
    machine_free(m);
    program_free(p);
}

/* ---- the run is the same ------------------------------------------------------------------------ */

typedef struct Outcome {
    char *out, *err;
    MachineStatus status;
    uint64_t frame;
    int64_t now;
    int64_t nmem;               /* at the end: what a marking scans, about */
} Outcome;

/* Run p to its end (at most max frames): with gogc (-1 off), and with a
 * collection after every `every` frames (0 never). */
static Outcome outcome(const Program *p, int gogc, uint64_t every, uint64_t max)
{
    MachineConfig c = config(2, POLICY_GO, 1);
    c.gogc = gogc;
    Machine *m = machine_new(p, &c);
    assert_non_null(m);
    if (!every) {
        machine_run(m, max);
    } else {
        while (m->status == M_RUNNING && m->frame < max) {
            machine_run(m, every);
            gc_collect(m);
        }
    }
    Outcome o = {dup(m->stdout_buf), dup(m->stderr_buf), m->status, m->frame, m->now, m->nmem};
    machine_free(m);
    return o;
}

static void assert_same_outcome(const Outcome *a, const Outcome *b, const char *name)
{
    if (strcmp(a->out, b->out) || strcmp(a->err, b->err) || a->status != b->status || a->frame != b->frame ||
        a->now != b->now)
        fail_msg("%s: the run changed (frames %llu vs %llu)", name, (unsigned long long)a->frame,
                 (unsigned long long)b->frame);
}

static void outcome_free(Outcome *o)
{
    free(o->out);
    free(o->err);
}

/* Does the file at path mention text? */
static bool file_has(const char *path, const char *text)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    static char buf[1 << 16];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    return strstr(buf, text) != NULL;
}

/* Every program of a directory: the same output, status, frames and time
 * without the collector, with it, and with a collection every 1, 7 and
 * 1000 frames (as often as about 10^8 slots of marking allow).  Programs
 * that print the collector's own figures (ReadMemStats) are left out. */
static int same_runs_in(const char *dir, uint64_t max)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    struct dirent *e;
    int n = 0;
    while ((e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (len < 4 || strcmp(e->d_name + len - 3, ".go")) continue;
        char path[512];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        if (file_has(path, "ReadMemStats")) continue;
        Program *p = compile_file(path);
        Outcome off = outcome(p, -1, 0, max);
        Outcome on = outcome(p, 100, 0, max);
        assert_same_outcome(&off, &on, path);
        static const uint64_t every[] = {1, 7, 1000};
        for (int k = 0; k < 3; k++) {
            if ((double)off.frame / (double)every[k] * (double)(off.nmem + 1000) > 1e8) continue;
            Outcome stress = outcome(p, 100, every[k], max);
            assert_same_outcome(&off, &stress, path);
            outcome_free(&stress);
        }
        outcome_free(&off);
        outcome_free(&on);
        program_free(p);
        n++;
    }
    closedir(d);
    return n;
}

static void test_scenarios_run_the_same(void **state)
{
    (void)state;
    assert_true(same_runs_in("scenarios", 3000000) >= 10);
}

static void test_go_corpus_runs_the_same(void **state)
{
    (void)state;
    assert_true(same_runs_in("tests/go", 3000000) >= 100);
}

/* A program whose heap passes the goal many times: the same seed gives the
 * same machine at every frame looked at, a clone taken after collections
 * steps as the original, and history's seek lands on a fresh run's machine. */
static void test_deterministic_with_collections(void **state)
{
    (void)state;
    Program *p = compile_text("drop.go", drop_src);
    Machine *a = start(p, 2, POLICY_GO, 7), *b = start(p, 2, POLICY_GO, 7);
    Machine *clone = NULL;
    int checks = 0;
    while (a->status == M_RUNNING) {
        machine_run(a, 250000);
        while (b->frame < a->frame && b->status == M_RUNNING) machine_step(b);
        assert_same_machine(a, b);
        if (!clone && a->gc.cycles >= 2) clone = machine_clone(a);
        checks++;
    }
    assert_true(a->gc.cycles >= 3);
    assert_true(checks >= 3);
    assert_non_null(clone);
    machine_run(clone, UINT64_MAX);
    assert_same_machine(a, clone);
    /* history: seek back to a frame just after a collection and compare */
    MachineConfig c = config(2, POLICY_GO, 7);
    History *h = history_new(p, &c, 4096);
    Machine *fresh = start(p, 2, POLICY_GO, 7);
    uint64_t target = 0;
    while (fresh->status == M_RUNNING && !target) {
        uint32_t cycles = fresh->gc.cycles;
        machine_step(fresh);
        if (fresh->gc.cycles == 2 && cycles == 1) target = fresh->frame + 3;
    }
    assert_true(target > 0);
    while (fresh->frame < target) machine_step(fresh);
    history_seek(h, target + 20000);
    history_seek(h, target);
    assert_same_machine(history_machine(h), fresh);
    machine_free(fresh);
    history_free(h);
    machine_free(clone);
    machine_free(a);
    machine_free(b);
    program_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_garbage_cycles_are_freed),
        cmocka_unit_test(test_reachable_values_survive),
        cmocka_unit_test(test_what_blocked_goroutines_wait_on_stays),
        cmocka_unit_test(test_collection_after_every_frame),
        cmocka_unit_test(test_reused_block_has_its_new_name),
        cmocka_unit_test(test_runtime_gc_and_memstats),
        cmocka_unit_test(test_gogc_off),
        cmocka_unit_test(test_sync_objects_are_collected),
        cmocka_unit_test(test_dropped_allocations_stay_bounded),
        cmocka_unit_test(test_analyses_forget_freed_blocks),
        cmocka_unit_test(test_race_without_the_collection),
        cmocka_unit_test(test_deterministic_with_collections),
        cmocka_unit_test(test_scenarios_run_the_same),
        cmocka_unit_test(test_go_corpus_runs_the_same),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
