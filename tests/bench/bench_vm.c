/* bench_vm.c — `make bench`: how fast the simulated machine runs.
 * Prints figures, never pass/fail: instructions (steps) per second and
 * nanoseconds per loop iteration on a counting loop, a function-call loop and a
 * channel ping-pong, frames per second with two goroutines on two cores, the
 * cost of compiling, and the same counting loop in Lua 5.4 (`lua5.4` on the
 * PATH; skipped with a note without it) as the yardstick of an interpreter
 * done well.  The collector: peak resident memory of `interleave run` on a
 * program that drops 10^7 objects (tests/bench/drop.go) with it and without
 * it (GOGC=off, as before there was one), and of real Go 1.19 on the same
 * program when `go` is at hand; and what its collections cost.  Wall-clock time is fine here: the bench measures
 * the host.
 *
 *   bench_vm [NAME]     only the benchmarks whose label starts with NAME */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "gc.h"
#include "machine.h"
#include "livelock.h"
#include "memwatch.h"
#include "program.h"
#include "race.h"
#include "stuck.h"
#include "waitfor.h"

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

#define LOOP_N 3000000   /* iterations of each loop below */
#define REPS 5           /* each figure is the best of this many runs */
#define STR2(x) #x
#define STR(x) STR2(x)

static const char counting_loop[] =
    "package main\n"
    "\n"
    "import \"fmt\"\n"
    "\n"
    "func main() {\n"
    "\tsum := 0\n"
    "\tfor i := 0; i < " STR(LOOP_N) "; i++ {\n"
    "\t\tsum += i\n"
    "\t}\n"
    "\tfmt.Println(sum)\n"
    "}\n";

static const char call_loop[] =
    "package main\n"
    "\n"
    "import \"fmt\"\n"
    "\n"
    "func add(a, b int) int {\n"
    "\treturn a + b\n"
    "}\n"
    "\n"
    "func main() {\n"
    "\tsum := 0\n"
    "\tfor i := 0; i < " STR(LOOP_N) "; i++ {\n"
    "\t\tsum = add(sum, i)\n"
    "\t}\n"
    "\tfmt.Println(sum)\n"
    "}\n";

/* Two goroutines hand a counter back and forth: every iteration is a send,
 * a receive and two goroutine switches. */
static const char ping_pong[] =
    "package main\n"
    "\n"
    "import \"fmt\"\n"
    "\n"
    "func main() {\n"
    "\tping, pong := make(chan int), make(chan int)\n"
    "\tgo func() {\n"
    "\t\tfor v := range ping {\n"
    "\t\t\tpong <- v + 1\n"
    "\t\t}\n"
    "\t\tclose(pong)\n"
    "\t}()\n"
    "\tv := 0\n"
    "\tfor i := 0; i < " STR(LOOP_N) " / 10; i++ {\n"
    "\t\tping <- v\n"
    "\t\tv = <-pong\n"
    "\t}\n"
    "\tclose(ping)\n"
    "\tfmt.Println(v)\n"
    "}\n";

/* The counting loop in Lua: the numeric for is what a Lua programmer writes
 * (one FORLOOP instruction per iteration); the while loop is Go's loop shape
 * (test, add, increment, jump).  It prints the best of five runs of each in
 * nanoseconds per iteration (os.clock is CPU time, as ours is nearly so). */
static const char lua_loops[] =
    "local n, bf, bw = 10000000, math.huge, math.huge "
    "for r = 1, 5 do "
    "  local t0 = os.clock() local sum = 0 "
    "  for i = 0, n - 1 do sum = sum + i end "
    "  local t1 = os.clock() "
    "  local s2, i = 0, 0 while i < n do s2 = s2 + i i = i + 1 end "
    "  local t2 = os.clock() "
    "  assert(sum == s2) "
    "  bf, bw = math.min(bf, t1 - t0), math.min(bw, t2 - t1) "
    "end "
    "print(string.format('%.3f %.3f', bf / n * 1e9, bw / n * 1e9))";

static const char two_workers[] =
    "package main\n"
    "\n"
    "import (\n\t\"fmt\"\n\t\"sync\"\n)\n"
    "\n"
    "func main() {\n"
    "\tvar wg sync.WaitGroup\n"
    "\tvar mu sync.Mutex\n"
    "\ttotal := 0\n"
    "\twork := func() {\n"
    "\t\tdefer wg.Done()\n"
    "\t\tfor i := 0; i < 200000; i++ {\n"
    "\t\t\tmu.Lock()\n"
    "\t\t\ttotal++\n"
    "\t\t\tmu.Unlock()\n"
    "\t\t}\n"
    "\t}\n"
    "\twg.Add(2)\n"
    "\tgo work()\n"
    "\tgo work()\n"
    "\twg.Wait()\n"
    "\tfmt.Println(total)\n"
    "}\n";

static Program *compile_or_die(const char *name, const char *src)
{
    Program *p = compile_source(name, src, strlen(src));
    if (p->ndiags) {
        program_print_diagnostic(p, &p->diags[0], stderr);
        exit(1);
    }
    return p;
}

/* Run src to the end; returns nanoseconds per loop iteration (`iters` of
 * them), or -1 when the program does not compile yet (a note is printed). */
static double bench_program(const char *label, const char *src, int cores, long iters)
{
    Program *p = compile_source(label, src, strlen(src));
    if (p->ndiags) {
        printf("%-42s skipped: %d:%d: %s\n", label, p->diags[0].line, p->diags[0].col, p->diags[0].msg);
        program_free(p);
        return -1;
    }
    MachineConfig cfg = machine_config_default();
    cfg.cores = cores;
    /* The best of REPS runs: other processes only ever add time. */
    Machine *m = NULL;
    double dt = 0;
    for (int r = 0; r < REPS; r++) {
        if (m) machine_free(m);
        m = machine_new(p, &cfg);
        double t0 = now_seconds();
        machine_run(m, 1000000000ULL);
        double t = now_seconds() - t0;
        if (r == 0 || t < dt) dt = t;
    }
    double ns_iter = iters ? dt * 1e9 / (double)iters : 0;
    printf("%-42s %6.1f ns/iter %12.0f steps/s %11.0f frames/s (%.1f steps/iter, %.3f s, exit %d)\n",
           label, ns_iter, (double)m->instructions / dt, (double)m->frame / dt,
           iters ? (double)m->instructions / (double)iters : 0, dt, m->exit_code);
    machine_free(m);
    program_free(p);
    return ns_iter;
}

/* What the analyses add, per frame, to stepping frame by frame (which they
 * need): the race detector, the memory watch, the wait-for graph with the
 * partial-deadlock watch (the waits the TUI shows at every frame), the
 * livelock detector. */
typedef enum { AN_NONE, AN_RACE, AN_MEM, AN_WAITFOR, AN_LIVELOCK } Analysis;

static double step_ns(const Program *p, int cores, Analysis an, uint64_t *frames)
{
    MachineConfig cfg = machine_config_default();
    cfg.cores = cores;
    double best = 0;
    for (int r = 0; r < REPS; r++) {
        Machine *m = machine_new(p, &cfg);
        RaceDetector *rd = an == AN_RACE ? race_new() : NULL;
        MemWatch *mw = an == AN_MEM ? memwatch_new() : NULL;
        StuckWatch *sw = an == AN_WAITFOR ? stuck_new() : NULL;
        LivelockDetector *ld = an == AN_LIVELOCK ? livelock_new() : NULL;
        WaitGraph g;
        double t0 = now_seconds();
        while (m->status == M_RUNNING) {
            machine_step(m);
            if (rd) race_observe(rd, m);
            else if (mw) memwatch_observe(mw, m);
            else if (sw) {
                waitfor_build(m, &g);
                stuck_observe(sw, m);
            }
            else if (ld) livelock_observe(ld, m);
        }
        double t = (now_seconds() - t0) * 1e9 / (double)m->frame;
        if (r == 0 || t < best) best = t;
        *frames = m->frame;
        race_free(rd);
        memwatch_free(mw);
        stuck_free(sw);
        livelock_free(ld);
        machine_free(m);
    }
    return best;
}

static void bench_analyses(const char *label, const char *src, int cores)
{
    Program *p = compile_or_die(label, src);
    uint64_t frames;
    double base = step_ns(p, cores, AN_NONE, &frames);
    double race = step_ns(p, cores, AN_RACE, &frames);
    double mem = step_ns(p, cores, AN_MEM, &frames);
    double wait = step_ns(p, cores, AN_WAITFOR, &frames);
    double live = step_ns(p, cores, AN_LIVELOCK, &frames);
    printf("%-42s %6.1f ns/frame stepped; race %.2fx, memory %.2fx, wait graph %.2fx, livelock %.2fx "
           "(%llu frames)\n", label, base, race / base, mem / base, wait / base, live / base,
           (unsigned long long)frames);
    program_free(p);
}

/* Lua 5.4's ns per iteration of the counting loop: numeric for, while. */
static bool bench_lua(double *for_ns, double *while_ns)
{
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "lua5.4 -e \"%s\" 2>/dev/null", lua_loops);
    FILE *f = popen(cmd, "r");
    if (!f) return false;
    int got = fscanf(f, "%lf %lf", for_ns, while_ns);
    int rc = pclose(f);
    return got == 2 && rc == 0;
}

static void bench_compile(void)
{
    /* 1,000 lines in all: straight-line code in one function, plus a dozen
     * small functions, so the checker sees declarations, calls and loops. */
    size_t cap = 64 * 1024, len = 0;
    char *src = malloc(cap);
    len += (size_t)snprintf(src + len, cap - len, "package main\n\nimport \"fmt\"\n\n");
    for (int f = 0; f < 12; f++)
        len += (size_t)snprintf(src + len, cap - len,
                                "func f%d(a, b int) int {\n\tfor i := 0; i < b; i++ {\n\t\ta += i\n\t}\n"
                                "\treturn a\n}\n\n", f);
    len += (size_t)snprintf(src + len, cap - len, "func main() {\n\tx := 0\n");
    int lines = 0;
    for (const char *c = src; *c; c++) lines += *c == '\n';
    for (; lines < 1000 - 3; lines++)
        len += (size_t)snprintf(src + len, cap - len, "\tx = f%d(x*3, %d)\n", lines % 12, lines % 7);
    len += (size_t)snprintf(src + len, cap - len, "\tfmt.Println(x)\n}\n");
    lines = 0;
    for (const char *c = src; *c; c++) lines += *c == '\n';
    int reps = 40;
    double dt = 0;
    for (int b = 0; b < REPS; b++) {   /* the best batch's mean */
        double t0 = now_seconds();
        for (int r = 0; r < reps; r++) program_free(compile_or_die("lines.go", src));
        double t = (now_seconds() - t0) / reps;
        if (b == 0 || t < dt) dt = t;
    }
    printf("%-42s %8.1f µs per 1,000 lines (%d lines, best of %d means of %d)\n", "compile",
           dt * 1e6 * 1000 / lines, lines, REPS, reps);
    free(src);
}

/* A package of 80,000 one-line functions: the checker finds each name by
 * hash, so the cost per function stays flat as the package grows. */
static void bench_compile_many(void)
{
    enum { NFUNCS = 80000 };
    size_t cap = (size_t)NFUNCS * 64 + 256, len = 0;
    char *src = malloc(cap);
    len += (size_t)snprintf(src + len, cap - len, "package main\n\nimport \"fmt\"\n\n");
    for (int f = 0; f < NFUNCS; f++)
        len += (size_t)snprintf(src + len, cap - len, "func f%d(a int) int { return a + %d }\n", f, f);
    snprintf(src + len, cap - len, "func main() { fmt.Println(f%d(1)) }\n", NFUNCS - 1);
    double t0 = now_seconds();
    program_free(compile_or_die("many.go", src));
    double dt = now_seconds() - t0;
    printf("%-42s %8.3f s (%.1f µs per function)\n", "compile 80,000 one-line functions", dt,
           dt * 1e6 / NFUNCS);
    free(src);
}

/* ---- the collector ------------------------------------------------------------------ */

#define DROP_GO "tests/bench/drop.go"

static Program *compile_path(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    char *src = malloc(1 << 16);
    size_t n = src ? fread(src, 1, (1 << 16) - 1, f) : 0;
    fclose(f);
    if (!src) return NULL;
    src[n] = '\0';
    Program *p = compile_source(path, src, n);
    free(src);
    if (p->ndiags) {
        program_free(p);
        return NULL;
    }
    return p;
}

/* Run argv[0] with GOGC=gogc (NULL: as set), its output thrown away; its
 * peak RSS (kB) and wall time.  A process of its own, so the figure is the
 * program's alone, as a user would measure it. */
static bool peak_rss(const char *const argv[], const char *gogc, long *rss_kb, double *secs)
{
    double t = now_seconds();
    fflush(stdout);
    pid_t pid = fork();
    if (pid < 0) return false;
    if (pid == 0) {
        if (gogc) setenv("GOGC", gogc, 1);
        if (!freopen("/dev/null", "w", stdout)) _exit(127);
        execv(argv[0], (char *const *)argv);
        _exit(127);
    }
    int st;
    struct rusage ru;
    if (wait4(pid, &st, 0, &ru) != pid || !WIFEXITED(st) || WEXITSTATUS(st) != 0) return false;
    *secs = now_seconds() - t;
    *rss_kb = ru.ru_maxrss;
    return true;
}

/* Real Go's figures for the same program, built once. */
static bool drop_go(long *rss_kb, double *secs)
{
    const char *go = access("/usr/lib/go-1.19/bin/go", X_OK) == 0 ? "/usr/lib/go-1.19/bin/go" : "go";
    char cmd[512];
    snprintf(cmd, sizeof cmd, "GOCACHE=/tmp/interleave-bench-gocache %s build -o /tmp/interleave-bench-drop %s "
             ">/dev/null 2>&1", go, DROP_GO);
    if (system(cmd) != 0) return false;
    const char *argv[] = {"/tmp/interleave-bench-drop", NULL};
    bool ok = peak_rss(argv, NULL, rss_kb, secs);
    unlink("/tmp/interleave-bench-drop");
    return ok;
}

/* The collections' cost, timed one by one: the program runs with the pacing
 * off and the bench collects whenever the heap reaches Go's goal. */
static void drop_cost(const Program *p)
{
    MachineConfig c = machine_config_default();
    c.gogc = -1;
    Machine *m = machine_new(p, &c);
    double start = now_seconds(), in_gc = 0;
    uint64_t goal = GC_HEAP_MINIMUM, freed = 0, n = 0;
    while (m->status == M_RUNNING) {
        machine_run(m, 4096);
        if (m->gc.live < goal) continue;
        double t = now_seconds();
        gc_collect(m);
        in_gc += now_seconds() - t;
        for (int i = 0; i < m->nfreed; i++) freed += (uint64_t)m->freed[i].n;
        goal = 2 * m->gc.live > GC_HEAP_MINIMUM ? 2 * m->gc.live : GC_HEAP_MINIMUM;
        n++;
    }
    double total = now_seconds() - start;
    printf("%-42s %6.1f ns per freed slot, %.1f%% of the run (%llu collections, %.0f ms of %.0f ms)\n",
           "gc: cost of the collections", freed ? in_gc * 1e9 / (double)freed : 0, 100 * in_gc / total,
           (unsigned long long)n, in_gc * 1e3, total * 1e3);
    machine_free(m);
}

static void bench_gc(void)
{
    Program *p = compile_path(DROP_GO);
    if (!p) {
        printf("%-42s skipped: %s does not compile\n", "gc: 10^7 dropped objects", DROP_GO);
        return;
    }
    const char *argv[] = {"./interleave", "run", DROP_GO, NULL};
    long on_kb, off_kb, go_kb;
    double on_s, off_s, go_s;
    if (access(argv[0], X_OK) == 0 && peak_rss(argv, "100", &on_kb, &on_s) && peak_rss(argv, "off", &off_kb, &off_s))
        printf("%-42s %6ld MB peak RSS with the collector (%.2f s), %ld MB without (GOGC=off, %.2f s)\n",
               "gc: interleave run, 10^7 dropped objects", on_kb / 1024, on_s, off_kb / 1024, off_s);
    else
        printf("%-42s skipped: no ./interleave to run\n", "gc: interleave run, 10^7 dropped objects");
    if (drop_go(&go_kb, &go_s))
        printf("%-42s %6ld MB peak RSS (%.2f s)\n", "gc: the same in Go 1.19", go_kb / 1024, go_s);
    else
        printf("%-42s skipped: no Go 1.19 to build %s\n", "gc: the same in Go 1.19", DROP_GO);
    drop_cost(p);
    program_free(p);
}

static bool wanted(const char *only, const char *label)
{
    return !only || strncmp(label, only, strlen(only)) == 0;
}

int main(int argc, char **argv)
{
    const char *only = argc > 1 ? argv[1] : NULL;
    double ours = -1;
    if (wanted(only, "counting"))
        ours = bench_program("counting loop (1 core busy)", counting_loop, 1, LOOP_N);
    if (wanted(only, "call"))
        bench_program("call loop (sum = add(sum, i))", call_loop, 1, LOOP_N);
    if (wanted(only, "channel"))
        bench_program("channel ping-pong (2 goroutines, 1 core)", ping_pong, 1, LOOP_N / 10);
    if (wanted(only, "mutex"))
        bench_program("mutex counter (2 goroutines, 2 cores)", two_workers, 2, 400000);
    if (wanted(only, "analyses")) {
        bench_analyses("analyses: mutex counter (2 cores)", two_workers, 2);
        bench_analyses("analyses: channel ping-pong (1 core)", ping_pong, 1);
    }
    if (wanted(only, "compile")) {
        bench_compile();
        bench_compile_many();
    }
    if (wanted(only, "gc")) bench_gc();
    if (wanted(only, "lua") || (ours > 0 && !only)) {
        double lfor, lwhile;
        if (!bench_lua(&lfor, &lwhile)) {
            printf("%-42s skipped: lua5.4 not found (make bench installs it)\n", "lua 5.4 counting loop");
        } else {
            printf("%-42s %6.1f ns/iter (numeric for)  %6.1f ns/iter (while, Go's shape)\n",
                   "lua 5.4 counting loop", lfor, lwhile);
            if (ours > 0)
                printf("%-42s %6.1fx Lua's numeric for  %6.1fx Lua's while\n", "counting loop, ours vs Lua",
                       ours / lfor, ours / lwhile);
        }
    }
    return 0;
}
