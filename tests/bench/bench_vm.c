/* bench_vm.c — `make bench`: how fast the simulated machine runs.
 * Prints figures, never pass/fail: instructions (steps) per second on a counting
 * loop, frames per second with two goroutines on two cores, and the cost of
 * compiling.  Wall-clock time is fine here: the bench measures the host. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "machine.h"
#include "program.h"

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static const char counting_loop[] =
    "package main\n"
    "\n"
    "import \"fmt\"\n"
    "\n"
    "func main() {\n"
    "\tsum := 0\n"
    "\tfor i := 0; i < 3000000; i++ {\n"
    "\t\tsum += i\n"
    "\t}\n"
    "\tfmt.Println(sum)\n"
    "}\n";

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

static void bench_program(const char *label, const char *src, int cores)
{
    Program *p = compile_or_die(label, src);
    MachineConfig cfg = machine_config_default();
    cfg.cores = cores;
    Machine *m = machine_new(p, &cfg);
    double t0 = now_seconds();
    machine_run(m, 1000000000ULL);
    double dt = now_seconds() - t0;
    printf("%-34s %12.0f steps/s  %10.0f frames/s  (%llu steps, %llu frames, %.3f s, exit %d)\n",
           label, (double)m->instructions / dt, (double)m->frame / dt,
           (unsigned long long)m->instructions, (unsigned long long)m->frame, dt, m->exit_code);
    machine_free(m);
    program_free(p);
}

static void bench_compile(void)
{
    /* 1,000 lines of straight-line code in one function. */
    size_t cap = 64 * 1024, len = 0;
    char *src = malloc(cap);
    len += (size_t)snprintf(src + len, cap - len, "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tx := 0\n");
    for (int i = 0; i < 994; i++)
        len += (size_t)snprintf(src + len, cap - len, "\tx = x*3 + %d\n", i);
    len += (size_t)snprintf(src + len, cap - len, "\tfmt.Println(x)\n}\n");
    int reps = 200;
    double t0 = now_seconds();
    for (int r = 0; r < reps; r++) program_free(compile_or_die("lines.go", src));
    double dt = (now_seconds() - t0) / reps;
    printf("%-34s %12.1f µs per 1,000 lines\n", "compile", dt * 1e6);
    free(src);
}

int main(void)
{
    bench_program("counting loop (1 core busy)", counting_loop, 1);
    bench_program("mutex counter (2 goroutines, 2 cores)", two_workers, 2);
    bench_compile();
    return 0;
}
