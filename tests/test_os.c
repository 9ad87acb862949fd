/* test_os.c — package os on the simulated file system (sim/lib/os_file.c,
 * io_state.c, io_errors.c): a program sees its directory's files, what it
 * writes stays in the machine (never on disk, never in the image it was
 * lent), a clone taken mid-run goes on exactly as the original, errors read
 * as Go 1.19's, and a file call costs the virtual time io_costs.c says. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <unistd.h>

#include "io.h"
#include "simtest.h"

/* A directory of two files, as a front end lends it. */
static const char DATA[] = "hello, file\nsecond line\n";
static unsigned char big[4096];
static FsEntry entries[] = {
    {"data.txt", (const unsigned char *)DATA, sizeof DATA - 1, false},
    {"big.bin", big, sizeof big, false},
};
static FsImage image = {entries, 2, sizeof DATA - 1 + sizeof big};

static Machine *start_fs(const Program *p, int cores, uint64_t seed)
{
    MachineConfig c = config(cores, POLICY_GO, seed);
    c.fs = &image;
    Machine *m = machine_new(p, &c);
    assert_non_null(m);
    return m;
}

static Machine *run_fs(const char *src, int cores, uint64_t seed)
{
    Program *p = compile_text("os.go", src);
    Machine *m = start_fs(p, cores, seed);
    machine_run(m, 10000000);
    if (m->status != M_EXITED) fprintf(stderr, "%s%s", m->stdout_buf, m->stderr_buf);
    assert_int_equal(m->status, M_EXITED);
    return m;
}

/* In a system call: parked on its timer today, G_SYSCALL once the scheduler
 * models the blocked thread. */
static bool in_syscall(const Goroutine *g)
{
    return g->state == G_SYSCALL;
}

static void done(Machine *m)
{
    const Program *p = m->prog;
    machine_free(m);
    program_free((Program *)p);
}

#define HEAD "package main\n\nimport (\n\t\"errors\"\n\t\"fmt\"\n\t\"io\"\n\t\"os\"\n\t\"time\"\n)\n\n" \
             "var _ = errors.New(\"\")\nvar _ = io.EOF\nvar _ = time.Second\n\n"

/* os.ReadFile and os.Open + Read see the file the image holds. */
static void test_read_sees_the_directory(void **state)
{
    (void)state;
    Machine *m = run_fs(HEAD
        "func main() {\n"
        "\tb, err := os.ReadFile(\"data.txt\")\n"
        "\tfmt.Printf(\"%q %v\\n\", b, err)\n"
        "\tf, err := os.Open(\"./data.txt\")\n"
        "\tbuf := make([]byte, 7)\n"
        "\tn, err := f.Read(buf)\n"
        "\tfmt.Println(n, string(buf[:n]), err)\n"
        "\tfi, _ := f.Stat()\n"
        "\tfmt.Println(fi.Name(), fi.Size(), fi.IsDir())\n"
        "}\n", 2, 1);
    assert_string_equal(m->stdout_buf, "\"hello, file\\nsecond line\\n\" <nil>\n7 hello,  <nil>\ndata.txt 24 false\n");
    done(m);
}

/* A write is visible to later reads of the same run, and nowhere else: not
 * in the image, not on disk, not in the next run. */
static void test_write_stays_in_the_machine(void **state)
{
    (void)state;
    static const char src[] = HEAD
        "func main() {\n"
        "\tb, _ := os.ReadFile(\"data.txt\")\n"
        "\tfmt.Printf(\"%q\\n\", b[:5])\n"
        "\tfmt.Println(os.WriteFile(\"data.txt\", []byte(\"changed\"), 0644))\n"
        "\tfmt.Println(os.WriteFile(\"interleave-test-os-new.txt\", []byte(\"new\"), 0600))\n"
        "\tb, _ = os.ReadFile(\"data.txt\")\n"
        "\tc, _ := os.ReadFile(\"interleave-test-os-new.txt\")\n"
        "\tfmt.Println(string(b), string(c))\n"
        "\tf, _ := os.Create(\"log.txt\")\n"
        "\tf.WriteString(\"a\")\n"
        "\tfmt.Fprintf(f, \"b%d\", 2)\n"
        "\tf.Write([]byte(\"c\"))\n"
        "\tf.Close()\n"
        "\tl, _ := os.ReadFile(\"log.txt\")\n"
        "\tfmt.Println(string(l), os.Remove(\"log.txt\"))\n"
        "\t_, err := os.Stat(\"log.txt\")\n"
        "\tfmt.Println(err)\n"
        "}\n";
    unlink("interleave-test-os-new.txt");
    for (int run = 0; run < 2; run++) {     /* the second run starts from the same files */
        Machine *m = run_fs(src, 2, 1);
        assert_string_equal(m->stdout_buf, "\"hello\"\n<nil>\n<nil>\nchanged new\nab2c <nil>\n"
                                           "stat log.txt: no such file or directory\n");
        done(m);
    }
    assert_int_equal(image.n, 2);
    assert_memory_equal(entries[0].data, DATA, sizeof DATA - 1);
    assert_int_equal(access("interleave-test-os-new.txt", F_OK), -1);
    assert_int_equal(access("log.txt", F_OK), -1);
}

/* Two machines' files and descriptors are the same. */
static void assert_same_io(const Machine *a, const Machine *b)
{
    assert_true((a->io == NULL) == (b->io == NULL));
    if (!a->io) return;
    assert_ptr_not_equal(a->io, b->io);
    assert_int_equal(a->io->nnodes, b->io->nnodes);
    for (int i = 0; i < a->io->nnodes; i++) {
        const IoNode *x = &a->io->nodes[i], *y = &b->io->nodes[i];
        assert_string_equal(x->path, y->path);
        assert_int_equal(x->removed, y->removed);
        assert_int_equal(x->base, y->base);
        assert_int_equal(x->len, y->len);
        if (x->base < 0 && x->len) assert_memory_equal(x->data, y->data, (size_t)x->len);
        if (x->data) assert_ptr_not_equal(x->data, y->data);
    }
    assert_int_equal(a->io->nfds, b->io->nfds);
    for (int i = 0; i < a->io->nfds; i++) {
        const IoFd *x = &a->io->fds[i], *y = &b->io->fds[i];
        assert_int_equal(x->kind, y->kind);
        assert_int_equal(x->closed, y->closed);
        assert_int_equal(x->node, y->node);
        assert_int_equal(x->off, y->off);
    }
    assert_memory_equal(a->io->sentinel, b->io->sentinel, sizeof a->io->sentinel);
}

/* The io state is part of the Machine value: a clone taken at any frame of
 * a run that writes, reads, removes and keeps files open ends exactly as
 * the original does. */
static void test_clone_mid_run(void **state)
{
    (void)state;
    Program *p = compile_text("clone.go", HEAD
        "func main() {\n"
        "\tdone := make(chan bool)\n"
        "\tfor i := 0; i < 3; i++ {\n"
        "\t\tgo func(i int) {\n"
        "\t\t\tname := fmt.Sprintf(\"f%d.txt\", i)\n"
        "\t\t\tos.WriteFile(name, []byte(fmt.Sprint(i*i)), 0644)\n"
        "\t\t\tf, _ := os.Open(\"data.txt\")\n"
        "\t\t\tbuf := make([]byte, 5)\n"
        "\t\t\tf.Read(buf)\n"
        "\t\t\tb, _ := os.ReadFile(name)\n"
        "\t\t\tos.Remove(name)\n"
        "\t\t\tfmt.Println(i, string(buf), string(b))\n"
        "\t\t\tdone <- true\n"
        "\t\t}(i)\n"
        "\t}\n"
        "\tfor i := 0; i < 3; i++ {\n"
        "\t\t<-done\n"
        "\t}\n"
        "\t_, err := os.Stat(\"f1.txt\")\n"
        "\tfmt.Println(os.IsNotExist(err))\n"
        "}\n");
    Machine *ref = start_fs(p, 2, 3);
    machine_run(ref, 1000000);
    assert_int_equal(ref->status, M_EXITED);
    Machine *m = start_fs(p, 2, 3);
    Machine *reuse = start_fs(p, 2, 3);
    int clones = 0;
    while (m->status == M_RUNNING) {
        machine_step(m);
        if (m->frame % 5) continue;
        Machine *c = machine_clone(m);
        assert_same_machine(m, c);
        assert_same_io(m, c);
        machine_copy(reuse, m);
        assert_same_machine(m, reuse);
        assert_same_io(m, reuse);
        machine_run(c, 1000000);
        assert_string_equal(c->stdout_buf, ref->stdout_buf);
        assert_int_equal(c->frame, ref->frame);
        assert_int_equal(c->now, ref->now);
        machine_free(c);
        clones++;
    }
    assert_true(clones > 10);
    assert_int_equal(m->now, ref->now);
    machine_free(reuse);
    machine_free(m);
    machine_free(ref);
    program_free(p);
}

/* Go 1.19's texts, types and chains (checked against real Go). */
static void test_error_texts(void **state)
{
    (void)state;
    Machine *m = run_fs(HEAD
        "func main() {\n"
        "\t_, err := os.ReadFile(\"nofile.txt\")\n"
        "\tfmt.Println(err)\n"
        "\tfmt.Println(errors.Is(err, os.ErrNotExist), os.IsNotExist(err), os.IsExist(err))\n"
        "\tfmt.Printf(\"%T %v\\n\", err, errors.Unwrap(err))\n"
        "\tfmt.Println(os.Remove(\"x\"))\n"
        "\t_, err = os.Stat(\"x\")\n"
        "\tfmt.Println(err)\n"
        "\t_, err = os.Open(\"/etc/passwd\")\n"
        "\tfmt.Println(err)\n"
        "\t_, err = os.Open(\"../data.txt\")\n"
        "\tfmt.Println(err)\n"
        "\t_, err = os.ReadFile(\".\")\n"
        "\tfmt.Println(err)\n"
        "\t_, err = os.Create(\"nodir/x\")\n"
        "\tfmt.Println(err)\n"
        "\tf, _ := os.Open(\"data.txt\")\n"
        "\t_, err = f.Write([]byte(\"x\"))\n"
        "\tfmt.Println(err)\n"
        "\tf.Close()\n"
        "\tfmt.Println(f.Close())\n"
        "\t_, err = f.Read(make([]byte, 1))\n"
        "\tfmt.Println(err, errors.Is(err, os.ErrClosed))\n"
        "\tg, _ := os.Open(\"data.txt\")\n"
        "\tall, _ := io.ReadAll(g)\n"
        "\tn, err := g.Read(make([]byte, 1))\n"
        "\tfmt.Println(len(all), n, err, err == io.EOF)\n"
        "\tvar nilf *os.File\n"
        "\t_, err = nilf.Read(make([]byte, 1))\n"
        "\tfmt.Println(err)\n"
        "}\n", 1, 1);
    assert_string_equal(m->stdout_buf,
        "open nofile.txt: no such file or directory\n"
        "true true false\n"
        "*fs.PathError no such file or directory\n"
        "remove x: no such file or directory\n"
        "stat x: no such file or directory\n"
        "open /etc/passwd: no such file or directory\n"      /* outside the sandbox */
        "open ../data.txt: no such file or directory\n"
        "read .: is a directory\n"
        "open nodir/x: no such file or directory\n"
        "write data.txt: bad file descriptor\n"
        "close data.txt: file already closed\n"
        "read data.txt: file already closed true\n"
        "24 0 EOF true\n"
        "invalid argument\n");
    done(m);
}

/* A file call blocks its goroutine for io_cost's time: os.ReadFile of 4 KiB
 * is open + fstat + read of 4096 bytes + the read that sees EOF + close.
 * Each of these calls is too short for sysmon to take the P back (it must
 * see the same call at two of its looks, 20 µs apart at best), so the one
 * core waits for its thread and runs nothing else meanwhile. */
static void test_costs(void **state)
{
    (void)state;
    Program *p = compile_text("cost.go", HEAD
        "var spins int\n\n"
        "func main() {\n"
        "\tgo func() {\n"
        "\t\tfor {\n"
        "\t\t\tspins++\n"
        "\t\t}\n"
        "\t}()\n"
        "\tt := time.Now()\n"
        "\tb, _ := os.ReadFile(\"big.bin\")\n"
        "\td := time.Since(t)\n"
        "\tfmt.Println(len(b), int64(d))\n"
        "}\n");
    Machine *m = start_fs(p, 1, 1);
    int64_t before = -1, after = -1;
    uint64_t spins_during = 0;
    while (m->status == M_RUNNING) {
        machine_step(m);
        const Goroutine *g1 = machine_goroutine(m, 1);
        if (in_syscall(g1) && before < 0) before = m->now;
        if (before >= 0 && after < 0 && in_syscall(g1) && m->last[0].g == 2) spins_during++;
        if (before >= 0 && after < 0 && !in_syscall(g1)) after = m->now;
    }
    int64_t want = io_cost(IOC_OPEN, 0) + io_cost(IOC_STAT, 0) + io_cost(IOC_READ, 4096) +
                   io_cost(IOC_READ, 0) + io_cost(IOC_CLOSE, 0);
    assert_true(want > 5000);
    long long d = -1;
    assert_int_equal(sscanf(m->stdout_buf, "4096 %lld", &d), 1);
    assert_true(d >= want);
    assert_true(d < want + 1000);             /* the instructions around it: ns */
    assert_true(after - before >= want - 200);
    assert_int_equal(spins_during, 0);        /* the P waited for its thread */
    done(m);
}

/* A long system call (writing and reading 1 MiB, about a millisecond each)
 * outlasts sysmon's looks: it takes the P from the blocked thread and hands
 * it to another, a new one if none is idle, so the spinning goroutine runs
 * on the one core while main's thread is in the kernel; when the call
 * returns, main's thread finds its P gone and main queues for a P. */
static void test_long_call_hands_the_core_off(void **state)
{
    (void)state;
    Program *p = compile_text("handoff.go", HEAD
        "var spins int\n\n"
        "func main() {\n"
        "\tgo func() {\n"
        "\t\tfor {\n"
        "\t\t\tspins++\n"
        "\t\t}\n"
        "\t}()\n"
        "\tos.WriteFile(\"mib.bin\", make([]byte, 1<<20), 0644)\n"
        "\tb, _ := os.ReadFile(\"mib.bin\")\n"
        "\tfmt.Println(len(b))\n"
        "}\n");
    for (uint64_t seed = 1; seed <= 3; seed++) {
        Machine *m = start_fs(p, 1, seed);
        uint64_t spins_during = 0, handoffs = 0, other_thread = 0;
        while (m->status == M_RUNNING) {
            machine_step(m);
            for (int i = 0; i < m->nevents; i++) handoffs += m->events[i].kind == EV_HANDOFF;
            const Goroutine *g1 = machine_goroutine(m, 1);
            if (in_syscall(g1) && m->last[0].g == 2) {
                spins_during++;
                other_thread += m->cores[0].thread != g1->thread;   /* the core left main's M */
            }
        }
        assert_int_equal(m->status, M_EXITED);
        assert_string_equal(m->stdout_buf, "1048576\n");
        assert_true(handoffs >= 1);
        assert_true(spins_during > 1000);
        assert_int_equal(other_thread, spins_during);
        machine_free(m);
    }
    program_free(p);
}

/* Both cores' threads block in long reads while three goroutines wait in
 * P0's run queue.  When sysmon takes the second core it is the last one, no
 * other P is idle and no thread spins, so Go's handoffp starts a spinning
 * thread for it (a new one: the idle ones are used up), which steals the
 * waiting goroutines.  The core must not go idle with work queued. */
static void test_handoff_of_the_last_core_looks_for_work(void **state)
{
    (void)state;
    Program *p = compile_text("handoff2.go", HEAD
        "func main() {\n"
        "\tos.WriteFile(\"f.bin\", make([]byte, 2<<20), 0644)\n"
        "\tdone := make(chan int)\n"
        "\tfor i := 0; i < 2; i++ {\n"
        "\t\tgo func() {\n"
        "\t\t\tb, _ := os.ReadFile(\"f.bin\")\n"
        "\t\t\tdone <- len(b)\n"
        "\t\t}()\n"
        "\t}\n"
        "\tfor i := 0; i < 3; i++ {\n"
        "\t\tgo func() {\n"
        "\t\t\tn := 0\n"
        "\t\t\tfor j := 0; j < 300000; j++ {\n"
        "\t\t\t\tn++\n"
        "\t\t\t}\n"
        "\t\t\tdone <- n\n"
        "\t\t}()\n"
        "\t}\n"
        "\tsum := 0\n"
        "\tfor i := 0; i < 5; i++ {\n"
        "\t\tsum += <-done\n"
        "\t}\n"
        "\tfmt.Println(sum)\n"
        "}\n");
    for (uint64_t seed = 1; seed <= 3; seed++) {
        Machine *m = start_fs(p, 2, seed);
        int handoffs = 0, new_threads = 0;
        while (m->status == M_RUNNING) {
            machine_step(m);
            for (int i = 0; i < m->nevents; i++) {
                const Event *e = &m->events[i];
                new_threads += e->kind == EV_THREAD_NEW;
                if (e->kind != EV_HANDOFF) continue;
                handoffs++;
                bool queued = m->global.len > 0;
                for (int c = 0; c < m->ncores; c++) queued |= !runq_empty(&m->cores[c]);
                if (queued) assert_int_not_equal(m->cores[e->core].state, CORE_IDLE);
            }
        }
        assert_int_equal(m->status, M_EXITED);
        assert_string_equal(m->stdout_buf, "5094304\n");
        assert_int_equal(handoffs, 2);
        assert_int_equal(new_threads, 1);
        machine_free(m);
    }
    program_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_long_call_hands_the_core_off),
        cmocka_unit_test(test_handoff_of_the_last_core_looks_for_work),
        cmocka_unit_test(test_read_sees_the_directory),
        cmocka_unit_test(test_write_stays_in_the_machine),
        cmocka_unit_test(test_clone_mid_run),
        cmocka_unit_test(test_error_texts),
        cmocka_unit_test(test_costs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
