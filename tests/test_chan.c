/* test_chan.c — channels and select (sim/machine/chan.c), channel timers, and the
 * rest of sync (RWMutex, Once, Cond), sync/atomic and runtime: Go's order of
 * hand-offs and wake-ups, its runtime errors and wait reasons, and that every
 * invariant holds after every step and a clone steps as the original. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "machine_internal.h"
#include "simtest.h"

static void step_checked(Machine *m)
{
    machine_step(m);
    if (m->status == M_RUNNING) {
        sync_check_invariants(m);
        chan_check_invariants(m);
        sched_check_invariants(m);
        timer_check_invariants(m);
    }
}

static void run_checked(Machine *m, uint64_t max)
{
    for (uint64_t i = 0; i < max && m->status == M_RUNNING; i++) step_checked(m);
}

/* Run p on every (cores, seed) of the grid; each run must print `out`. */
static void expect_output(Program *p, const char *out, int max_cores, uint64_t seeds)
{
    for (int cores = 1; cores <= max_cores; cores++)
        for (uint64_t seed = 1; seed <= seeds; seed++) {
            Machine *m = start(p, cores, POLICY_GO, seed);
            run_checked(m, 200000);
            if (strcmp(m->stdout_buf, out) || m->status != M_EXITED)
                fprintf(stderr, "cores %d seed %llu: status %d\n%s%s", cores, (unsigned long long)seed,
                        m->status, m->stdout_buf, m->stderr_buf);
            assert_int_equal(m->status, M_EXITED);
            assert_string_equal(m->stdout_buf, out);
            machine_free(m);
        }
}

#define GO_HEAD "package main\n\nimport (\n    \"fmt\"\n    \"sync\"\n    \"time\"\n)\n\nvar _ sync.Mutex\nvar _ = time.Second\n\n"

/* ---- channels ------------------------------------------------------------------------- */

/* A receiver already waiting gets the value straight from the sender (no
 * buffer involved) and becomes runnable in the sender's runnext. */
static void test_unbuffered_direct_handoff(void **state)
{
    (void)state;
    Program *p = compile_text("handoff.go",
        "package main\n\nimport (\n    \"fmt\"\n    \"time\"\n)\n\n"
        "func main() {\n"
        "    ch := make(chan int)\n"
        "    go func() {\n"
        "        fmt.Println(<-ch)\n"
        "    }()\n"
        "    time.Sleep(time.Millisecond)\n"
        "    ch <- 42\n"
        "    time.Sleep(time.Millisecond)\n"
        "}\n");
    for (uint64_t seed = 1; seed <= 8; seed++) {
        Machine *m = start(p, 1, POLICY_GO, seed);
        bool handed = false;
        while (m->status == M_RUNNING) {
            step_checked(m);
            for (int i = 0; i < m->nevents; i++) {
                const Event *e = &m->events[i];
                if (e->kind == EV_GO_BLOCK && e->g == 2) {
                    assert_int_equal(e->wait, WAIT_CHAN_RECV);
                    assert_int_equal(e->addr, 1);
                    char name[32];
                    assert_string_equal(machine_chan_name(m, e->addr, name, sizeof name), "ch");
                }
                if (e->kind == EV_CHAN_SEND && e->g == 1) {
                    assert_int_equal(e->other_g, 2);           /* straight to the receiver */
                    assert_int_equal(m->chans[0].len, 0);
                    assert_int_equal(m->cores[0].runnext, 2);  /* the sender's runnext */
                    handed = true;
                }
            }
        }
        assert_true(handed);
        assert_string_equal(m->stdout_buf, "42\n");
        assert_int_equal(m->chans[0].sends, 1);
        assert_int_equal(m->chans[0].recvs, 1);
        machine_free(m);
    }
    program_free(p);
}

/* A full buffer parks the sender; a receive takes the head and moves the
 * parked sender's value to the tail, so FIFO order holds. */
static void test_buffered_full_sender_moves_to_tail(void **state)
{
    (void)state;
    Program *p = compile_text("full.go",
        "package main\n\nimport (\n    \"fmt\"\n    \"time\"\n)\n\n"
        "func main() {\n"
        "    ch := make(chan int, 2)\n"
        "    go func() {\n"
        "        for i := 1; i <= 3; i++ {\n"
        "            ch <- i\n"
        "        }\n"
        "    }()\n"
        "    time.Sleep(time.Millisecond)\n"
        "    fmt.Println(len(ch), cap(ch))\n"
        "    fmt.Println(<-ch, <-ch, <-ch, len(ch))\n"
        "}\n");
    for (uint64_t seed = 1; seed <= 6; seed++)
        for (int cores = 1; cores <= 2; cores++) {
            Machine *m = start(p, cores, POLICY_GO, seed);
            bool parked = false;
            while (m->status == M_RUNNING) {
                step_checked(m);
                const Goroutine *g2 = machine_goroutine(m, 2);
                if (g2 && g2->state == G_BLOCKED) {
                    assert_int_equal(g2->wait, WAIT_CHAN_SEND);
                    assert_int_equal(m->chans[0].len, 2);
                    assert_int_equal(m->chans[0].sendq.n, 1);
                    assert_int_equal(m->chans[0].sendq.q[0].elem.i, 3);
                    parked = true;
                }
            }
            assert_true(parked);
            assert_string_equal(m->stdout_buf, "2 2\n1 2 3 0\n");
            machine_free(m);
        }
    program_free(p);
}

/* close wakes every parked receiver with the zero value and ok false; Go
 * readies them from a list it builds front-first, so last parked, first
 * readied — and each into the closer's runnext. */
static void test_close_wakes_receivers(void **state)
{
    (void)state;
    Program *p = compile_text("close.go",
        "package main\n\nimport (\n    \"fmt\"\n    \"sync\"\n    \"time\"\n)\n\n"
        "func main() {\n"
        "    ch := make(chan string)\n"
        "    var wg sync.WaitGroup\n"
        "    for i := 0; i < 3; i++ {\n"
        "        wg.Add(1)\n"
        "        go func() {\n"
        "            defer wg.Done()\n"
        "            v, ok := <-ch\n"
        "            fmt.Println(v == \"\", ok)\n"
        "        }()\n"
        "    }\n"
        "    time.Sleep(time.Millisecond)\n"
        "    close(ch)\n"
        "    wg.Wait()\n"
        "}\n");
    Machine *m = start(p, 1, POLICY_GO, 1);
    int parked[3], np = 0, woken[3], nw = 0;
    while (m->status == M_RUNNING) {
        step_checked(m);
        for (int i = 0; i < m->nevents; i++) {
            const Event *e = &m->events[i];
            if (e->kind == EV_GO_BLOCK && e->wait == WAIT_CHAN_RECV) parked[np++] = e->g;
            if (e->kind == EV_GO_WAKE && e->other_g == 1 && nw < 3) woken[nw++] = e->g;
            if (e->kind == EV_CHAN_CLOSE) {
                assert_true(m->chans[0].closed);
                assert_int_equal(m->chans[0].recvq.n, 0);
                assert_int_equal(m->cores[0].runnext, parked[0]);   /* readied last */
            }
        }
    }
    assert_int_equal(np, 3);
    assert_int_equal(nw, 3);
    for (int k = 0; k < 3; k++) assert_int_equal(woken[k], parked[2 - k]);
    assert_string_equal(m->stdout_buf, "true false\ntrue false\ntrue false\n");
    machine_free(m);
    program_free(p);
}

/* A sender parked on a channel that gets closed panics when it runs again,
 * in its own goroutine, at its send. */
static void test_close_with_parked_sender_panics(void **state)
{
    (void)state;
    Program *p = compile_text("sendclosed.go",
        "package main\n\nimport \"time\"\n\n"
        "func main() {\n"
        "    ch := make(chan int)\n"
        "    go func() {\n"
        "        ch <- 1\n"
        "    }()\n"
        "    time.Sleep(time.Millisecond)\n"
        "    close(ch)\n"
        "    time.Sleep(time.Millisecond)\n"
        "}\n");
    Machine *m = start(p, 2, POLICY_GO, 1);
    run_checked(m, 10000);
    assert_int_equal(m->status, M_PANIC);
    assert_int_equal(m->fatal_g, 2);
    assert_string_equal(m->stderr_buf,
                        "panic: send on closed channel\n\n"
                        "goroutine 2 [running]:\nmain.main.func1(...)\n\tsendclosed.go:8\n"
                        "created by main.main\n\tsendclosed.go:7\n");
    machine_free(m);
    program_free(p);
}

static void test_channel_errors(void **state)
{
    (void)state;
    static const struct { const char *src, *err; } cases[] = {
        {"package main\n\nfunc main() {\n    var ch chan int\n    close(ch)\n}\n",
         "panic: close of nil channel\n\ngoroutine 1 [running]:\nmain.main()\n\terr.go:5\n"},
        {"package main\n\nfunc main() {\n    ch := make(chan int, 1)\n    close(ch)\n    close(ch)\n}\n",
         "panic: close of closed channel\n\ngoroutine 1 [running]:\nmain.main()\n\terr.go:6\n"},
        {"package main\n\nfunc main() {\n    ch := make(chan int, 1)\n    close(ch)\n    ch <- 1\n}\n",
         "panic: send on closed channel\n\ngoroutine 1 [running]:\nmain.main()\n\terr.go:6\n"},
        {"package main\n\nfunc main() {\n    n := -1\n    _ = make(chan int, n)\n}\n",
         "panic: makechan: size out of range\n\ngoroutine 1 [running]:\nmain.main()\n\terr.go:5\n"},
        {"package main\n\nfunc main() {\n    var ch chan int\n    <-ch\n}\n",
         "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan receive (nil chan)]:\n"
         "main.main()\n\terr.go:5\n"},
        {"package main\n\nfunc main() {\n    var ch chan int\n    ch <- 1\n}\n",
         "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan send (nil chan)]:\n"
         "main.main()\n\terr.go:5\n"},
        {"package main\n\nfunc main() {\n    select {}\n}\n",
         "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [select (no cases)]:\n"
         "main.main()\n\terr.go:4\n"},
        {"package main\n\nfunc main() {\n    var a chan int\n    select {\n    case <-a:\n    }\n}\n",
         "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [select]:\n"
         "main.main()\n\terr.go:5\n"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Program *p = compile_text("err.go", cases[i].src);
        Machine *m = start(p, 2, POLICY_GO, 1);
        run_checked(m, 1000);
        assert_int_equal(m->exit_code, 2);
        assert_string_equal(m->stderr_buf, cases[i].err);
        machine_free(m);
        program_free(p);
    }
}

/* ---- select ------------------------------------------------------------------------------ */

/* With both cases ready, the choice is uniform: about half the seeds pick
 * each (and the same seed always picks the same one). */
static void test_select_uniform_over_seeds(void **state)
{
    (void)state;
    Program *p = compile_text("sel.go",
        "package main\n\nimport \"fmt\"\n\n"
        "func main() {\n"
        "    a := make(chan int, 1)\n"
        "    b := make(chan int, 1)\n"
        "    a <- 1\n"
        "    b <- 2\n"
        "    select {\n"
        "    case v := <-a:\n"
        "        fmt.Println(v)\n"
        "    case v := <-b:\n"
        "        fmt.Println(v)\n"
        "    }\n"
        "}\n");
    int count[3] = {0, 0, 0};
    for (uint64_t seed = 1; seed <= 200; seed++) {
        Machine *m = start(p, 2, POLICY_GO, seed);
        run_checked(m, 1000);
        assert_int_equal(m->status, M_EXITED);
        count[m->stdout_buf[0] - '0']++;
        Machine *again = start(p, 2, POLICY_GO, seed);
        machine_run(again, 1000);
        assert_string_equal(again->stdout_buf, m->stdout_buf);
        machine_free(again);
        machine_free(m);
    }
    assert_int_equal(count[1] + count[2], 200);
    assert_true(count[1] > 70 && count[2] > 70);
    program_free(p);
}

/* A select parked on several channels leaves every queue once one case
 * completes; the case's value and ok arrive with it. */
static void test_select_parks_everywhere(void **state)
{
    (void)state;
    Program *p = compile_text("park.go",
        "package main\n\nimport (\n    \"fmt\"\n    \"time\"\n)\n\n"
        "func main() {\n"
        "    a := make(chan int)\n"
        "    b := make(chan int)\n"
        "    c := make(chan int)\n"
        "    go func() {\n"
        "        time.Sleep(time.Millisecond)\n"
        "        b <- 7\n"
        "    }()\n"
        "    select {\n"
        "    case <-a:\n"
        "        fmt.Println(\"a\")\n"
        "    case v, ok := <-b:\n"
        "        fmt.Println(\"b\", v, ok)\n"
        "    case c <- 1:\n"
        "        fmt.Println(\"c\")\n"
        "    }\n"
        "    fmt.Println(len(a), len(b))\n"
        "}\n");
    for (int cores = 1; cores <= 3; cores++) {
        Machine *m = start(p, cores, POLICY_GO, 3);
        bool seen_parked = false;
        while (m->status == M_RUNNING) {
            step_checked(m);
            const Goroutine *g1 = machine_goroutine(m, 1);
            if (g1->state == G_BLOCKED) {
                assert_int_equal(g1->wait, WAIT_SELECT);
                assert_int_equal(m->chans[0].recvq.n, 1);
                assert_int_equal(m->chans[1].recvq.n, 1);
                assert_int_equal(m->chans[2].sendq.n, 1);
                assert_int_equal(chan_queues_holding(m, 1), 3);
                seen_parked = true;
            } else if (seen_parked) {
                assert_int_equal(chan_queues_holding(m, 1), 0);
            }
        }
        assert_true(seen_parked);
        assert_string_equal(m->stdout_buf, "b 7 true\n0 0\n");
        machine_free(m);
    }
    program_free(p);
}

static void test_select_default_break_continue(void **state)
{
    (void)state;
    Program *p = compile_text("loop.go",
        "package main\n\nimport \"fmt\"\n\n"
        "func main() {\n"
        "    ch := make(chan int, 5)\n"
        "    for i := 0; i < 5; i++ {\n"
        "        ch <- i\n"
        "    }\n"
        "    close(ch)\n"
        "    sum := 0\n"
        "    for n := 0; n < 10; n++ {\n"
        "        select {\n"
        "        case v, ok := <-ch:\n"
        "            if !ok {\n"
        "                break\n"
        "            }\n"
        "            if v == 2 {\n"
        "                continue\n"
        "            }\n"
        "            sum += v\n"
        "        default:\n"
        "            sum += 100\n"
        "        }\n"
        "    }\n"
        "    var empty chan int\n"
        "    select {\n"
        "    case <-empty:\n"
        "    default:\n"
        "        sum += 1000\n"
        "    }\n"
        "    fmt.Println(sum)\n"
        "}\n");
    expect_output(p, "1008\n", 2, 3);
    program_free(p);
}

/* ---- range, timers, the virtual clock ---------------------------------------------------- */

static void test_range_and_timers(void **state)
{
    (void)state;
    Program *p = compile_text("timers.go",
        "package main\n\nimport (\n    \"fmt\"\n    \"time\"\n)\n\n"
        "func main() {\n"
        "    start := time.Now()\n"
        "    tick := time.NewTicker(10 * time.Millisecond)\n"
        "    n := 0\n"
        "    for range tick.C {\n"
        "        n++\n"
        "        if n == 3 {\n"
        "            break\n"
        "        }\n"
        "    }\n"
        "    tick.Stop()\n"
        "    tick.Stop()\n"
        "    d := time.Since(start)\n"
        "    fmt.Println(d >= 30*time.Millisecond && d < 32*time.Millisecond)\n"
        "    t := time.NewTimer(time.Hour)\n"
        "    select {\n"
        "    case <-t.C:\n"
        "        fmt.Println(\"fired\")\n"
        "    case <-time.After(time.Second):\n"
        "        fmt.Println(\"after\", t.Stop(), t.Stop())\n"
        "    }\n"
        "    fmt.Println(t.Reset(time.Millisecond))\n"
        "    <-t.C\n"
        "    fmt.Println(time.Since(start) > time.Second)\n"
        "}\n");
    /* (three ticks of 10 ms take 30.5 to 31.1 ms in Go 1.19: its poller
     * sleeps in whole milliseconds and wakes late) */
    expect_output(p, "true\nafter true false\nfalse\ntrue\n", 3, 3);
    program_free(p);
}

/* A pending timer keeps Go from declaring the deadlock: it comes when the
 * timer has fired and nothing can wake anyone any more. */
static void test_deadlock_waits_for_timers(void **state)
{
    (void)state;
    Program *p = compile_text("late.go",
        "package main\n\nimport \"time\"\n\n"
        "func main() {\n"
        "    t := time.NewTimer(time.Hour)\n"
        "    _ = t\n"
        "    ch := make(chan int)\n"
        "    <-ch\n"
        "}\n");
    Machine *m = start(p, 2, POLICY_GO, 1);
    run_checked(m, 10000);
    assert_int_equal(m->status, M_DEADLOCK);
    assert_true(m->now >= 3600LL * 1000000000LL);
    assert_int_equal(m->ntimers, 0);
    assert_int_equal(m->chans[0].len, 1);          /* the timer's time, never read */
    machine_free(m);
    program_free(p);
}

static void test_time_and_duration_print(void **state)
{
    (void)state;
    Program *p = compile_text("print.go",
        "package main\n\nimport (\n    \"fmt\"\n    \"time\"\n)\n\n"
        "type Celsius int\n\n"
        "func main() {\n"
        "    d := 1500 * time.Millisecond\n"
        "    fmt.Println(d, d*2, time.Duration(0), d.String())\n"
        "    fmt.Printf(\"%v %s %d %T %T\\n\", d, d, d, d, Celsius(3))\n"
        "    var ro <-chan int = make(chan int)\n"
        "    fmt.Printf(\"%T %T %T\\n\", ro, make(chan<- string), make(chan (<-chan int)))\n"
        "    t := time.Now()\n"
        "    fmt.Println(t.Add(time.Hour).Sub(t), t.Before(t.Add(1)), t.Equal(t))\n"
        "    fmt.Println(d.Milliseconds(), d.Truncate(time.Second), d.Round(time.Second))\n"
        "}\n");
    Machine *m = start(p, 1, POLICY_GO, 1);
    run_checked(m, 10000);
    assert_string_equal(m->stdout_buf,
                        "1.5s 3s 0s 1.5s\n"
                        "1.5s 1.5s 1500000000 time.Duration main.Celsius\n"
                        "<-chan int chan<- string chan (<-chan int)\n"
                        "1h0m0s true true\n"
                        "1500 1s 2s\n");
    machine_free(m);
    program_free(p);

    p = compile_text("now.go",
        "package main\n\nimport (\n    \"fmt\"\n    \"time\"\n)\n\n"
        "func main() {\n    time.Sleep(1500 * time.Millisecond)\n    fmt.Println(time.Now())\n}\n");
    m = start(p, 1, POLICY_GO, 1);
    run_checked(m, 10000);
    assert_memory_equal(m->stdout_buf, "2009-11-10 23:00:01.5", 21);
    assert_non_null(strstr(m->stdout_buf, " +0000 UTC m=+1.5"));
    machine_free(m);
    program_free(p);
}

/* ---- sync.RWMutex, Once, Cond; atomic; runtime -------------------------------------------- */

/* A writer waiting for a reader to leave keeps later readers out; when it
 * unlocks, the queued readers come in together. */
static void test_rwmutex_writer_blocks_new_readers(void **state)
{
    (void)state;
    Program *p = compile_text("rw.go",
        GO_HEAD
        "func main() {\n"
        "    var rw sync.RWMutex\n"
        "    var wg sync.WaitGroup\n"
        "    rw.RLock()\n"
        "    wg.Add(2)\n"
        "    go func() {\n"
        "        defer wg.Done()\n"
        "        time.Sleep(time.Millisecond)\n"
        "        rw.Lock()\n"
        "        fmt.Println(\"writer\")\n"
        "        time.Sleep(time.Millisecond)\n"
        "        rw.Unlock()\n"
        "    }()\n"
        "    go func() {\n"
        "        defer wg.Done()\n"
        "        time.Sleep(2 * time.Millisecond)\n"
        "        rw.RLock()\n"
        "        fmt.Println(\"late reader\")\n"
        "        rw.RUnlock()\n"
        "    }()\n"
        "    time.Sleep(3 * time.Millisecond)\n"
        "    fmt.Println(\"first reader leaves\")\n"
        "    rw.RUnlock()\n"
        "    wg.Wait()\n"
        "}\n");
    for (int cores = 1; cores <= 3; cores++) {
        Machine *m = start(p, cores, POLICY_GO, 2);
        bool reader_queued = false;
        while (m->status == M_RUNNING) {
            step_checked(m);
            const Goroutine *r = machine_goroutine(m, 3);
            if (r && r->state == G_BLOCKED) {
                assert_int_equal(r->wait, WAIT_RWMUTEX_R);
                assert_string_equal(wait_reason_name(r->wait), "semacquire");
                const SyncObj *s = machine_sync_at(m, r->wait_addr);
                assert_non_null(s);
                assert_int_equal(s->u.rw.writer, 2);
                reader_queued = true;
            }
        }
        assert_true(reader_queued);
        assert_string_equal(m->stdout_buf, "first reader leaves\nwriter\nlate reader\n");
        machine_free(m);
    }
    program_free(p);
}

/* Once: one caller runs f, the others wait for it ("semacquire") and then
 * see its effect.  Cond: Signal wakes the waiters in the order they waited. */
static void test_once_and_cond(void **state)
{
    (void)state;
    Program *p = compile_text("once.go",
        GO_HEAD
        "func main() {\n"
        "    var once sync.Once\n"
        "    var wg sync.WaitGroup\n"
        "    count := 0\n"
        "    for i := 0; i < 4; i++ {\n"
        "        wg.Add(1)\n"
        "        go func() {\n"
        "            defer wg.Done()\n"
        "            once.Do(func() {\n"
        "                time.Sleep(time.Millisecond)\n"
        "                count++\n"
        "            })\n"
        "            fmt.Println(count)\n"
        "        }()\n"
        "    }\n"
        "    wg.Wait()\n"
        "    c := sync.NewCond(&sync.Mutex{})\n"
        "    order := 0\n"
        "    for s := 1; s <= 3; s++ {\n"
        "        wg.Add(1)\n"
        "        go func(s int) {\n"
        "            defer wg.Done()\n"
        "            c.L.Lock()\n"
        "            c.Wait()\n"
        "            order = order*10 + s\n"
        "            c.L.Unlock()\n"
        "        }(s)\n"
        "        time.Sleep(time.Millisecond)\n"
        "    }\n"
        "    for i := 0; i < 3; i++ {\n"
        "        c.Signal()\n"
        "        time.Sleep(time.Millisecond)\n"
        "    }\n"
        "    wg.Wait()\n"
        "    fmt.Println(order)\n"
        "}\n");
    for (int cores = 1; cores <= 3; cores++)
        for (uint64_t seed = 1; seed <= 3; seed++) {
            Machine *m = start(p, cores, POLICY_GO, seed);
            int once_waits = 0, cond_waits = 0;
            while (m->status == M_RUNNING) {
                step_checked(m);
                for (int i = 0; i < m->nevents; i++) {
                    const Event *e = &m->events[i];
                    if (e->kind != EV_GO_BLOCK) continue;
                    once_waits += e->wait == WAIT_ONCE;
                    cond_waits += e->wait == WAIT_COND;
                }
            }
            assert_int_equal(once_waits, 3);
            assert_int_equal(cond_waits, 3);
            assert_string_equal(m->stdout_buf, "1\n1\n1\n1\n123\n");
            machine_free(m);
        }
    program_free(p);
}

static void test_atomic_and_runtime(void **state)
{
    (void)state;
    Program *p = compile_text("atomic.go",
        "package main\n\nimport (\n    \"fmt\"\n    \"runtime\"\n    \"sync/atomic\"\n)\n\n"
        "func main() {\n"
        "    var n int32 = 2147483647\n"
        "    fmt.Println(atomic.AddInt32(&n, 1), atomic.LoadInt32(&n))\n"
        "    var w int64\n"
        "    atomic.StoreInt64(&w, 5)\n"
        "    fmt.Println(atomic.CompareAndSwapInt64(&w, 4, 9), atomic.CompareAndSwapInt64(&w, 5, 9), w)\n"
        "    fmt.Println(runtime.NumCPU(), runtime.GOMAXPROCS(0), runtime.GOMAXPROCS(7), runtime.GOMAXPROCS(0))\n"
        "    done := make(chan bool)\n"
        "    go func() { done <- true }()\n"
        "    fmt.Println(runtime.NumGoroutine())\n"
        "    runtime.Gosched()\n"
        "    <-done\n"
        "}\n");
    Machine *m = start(p, 3, POLICY_GO, 1);
    bool yielded = false;
    while (m->status == M_RUNNING) {
        step_checked(m);
        for (int i = 0; i < m->nevents; i++)
            if (m->events[i].kind == EV_GO_PREEMPT && m->events[i].aux == 1) {
                yielded = true;
                assert_int_equal(m->gs[0].state, G_RUNNABLE);
            }
    }
    assert_true(yielded);
    assert_string_equal(m->stdout_buf, "-2147483648 -2147483648\nfalse true 9\n3 3 3 7\n2\n");
    machine_free(m);
    program_free(p);
}

static void test_wait_reason_names(void **state)
{
    (void)state;
    assert_string_equal(wait_reason_name(WAIT_CHAN_RECV), "chan receive");
    assert_string_equal(wait_reason_name(WAIT_CHAN_SEND), "chan send");
    assert_string_equal(wait_reason_name(WAIT_CHAN_RECV_NIL), "chan receive (nil chan)");
    assert_string_equal(wait_reason_name(WAIT_CHAN_SEND_NIL), "chan send (nil chan)");
    assert_string_equal(wait_reason_name(WAIT_SELECT), "select");
    assert_string_equal(wait_reason_name(WAIT_SELECT_EMPTY), "select (no cases)");
    assert_string_equal(wait_reason_name(WAIT_RWMUTEX_W), "semacquire");
    assert_string_equal(wait_reason_name(WAIT_ONCE), "semacquire");
    assert_string_equal(wait_reason_name(WAIT_COND), "sync.Cond.Wait");
}

/* ---- the machine as a value ----------------------------------------------------------------- */

static void assert_same_chans(const Machine *a, const Machine *b)
{
    assert_int_equal(a->nchans, b->nchans);
    for (int i = 0; i < a->nchans; i++) {
        const Chan *x = &a->chans[i], *y = &b->chans[i];
        assert_int_equal(x->len, y->len);
        assert_int_equal(x->head, y->head);
        assert_int_equal(x->closed, y->closed);
        if (x->cap) assert_memory_equal(x->buf, y->buf, (size_t)x->cap * sizeof(Value));
        assert_int_equal(x->recvq.n, y->recvq.n);
        assert_int_equal(x->sendq.n, y->sendq.n);
        if (x->recvq.n) assert_memory_equal(x->recvq.q, y->recvq.q, (size_t)x->recvq.n * sizeof(Sudog));
        if (x->sendq.n) assert_memory_equal(x->sendq.q, y->sendq.q, (size_t)x->sendq.n * sizeof(Sudog));
    }
    assert_int_equal(a->ntimers, b->ntimers);
    if (a->ntimers) assert_memory_equal(a->timers, b->timers, (size_t)a->ntimers * sizeof(Timer));
}

/* Cloned at every frame of a run full of parked channel operations, the copy
 * runs to the same end; machine_copy reuses buffers without sharing them. */
static void test_clone_mid_channel_run(void **state)
{
    (void)state;
    Program *p = compile_text("pipe.go",
        GO_HEAD
        "func main() {\n"
        "    nums := make(chan int)\n"
        "    sq := make(chan int, 2)\n"
        "    done := make(chan struct{})\n"
        "    var rw sync.RWMutex\n"
        "    go func() {\n"
        "        defer close(nums)\n"
        "        for i := 1; i <= 5; i++ {\n"
        "            nums <- i\n"
        "        }\n"
        "    }()\n"
        "    go func() {\n"
        "        defer close(sq)\n"
        "        for v := range nums {\n"
        "            rw.RLock()\n"
        "            sq <- v * v\n"
        "            rw.RUnlock()\n"
        "        }\n"
        "    }()\n"
        "    go func() {\n"
        "        t := time.Tick(time.Microsecond)\n"
        "        sum := 0\n"
        "        for v := range sq {\n"
        "            <-t\n"
        "            sum += v\n"
        "        }\n"
        "        fmt.Println(sum)\n"
        "        done <- struct{}{}\n"
        "    }()\n"
        "    select {\n"
        "    case <-done:\n"
        "    case <-time.After(time.Second):\n"
        "        fmt.Println(\"timeout\")\n"
        "    }\n"
        "}\n");
    Machine *ref = start(p, 2, POLICY_GO, 5);
    run_checked(ref, 100000);
    assert_int_equal(ref->status, M_EXITED);
    assert_string_equal(ref->stdout_buf, "55\n");
    Machine *m = start(p, 2, POLICY_GO, 5);
    Machine *reuse = start(p, 1, POLICY_GO, 9);
    while (m->status == M_RUNNING) {
        machine_step(m);
        if (m->frame % 7) continue;
        Machine *c = machine_clone(m);
        assert_same_machine(m, c);
        assert_same_chans(m, c);
        machine_copy(reuse, m);
        assert_same_chans(m, reuse);
        machine_run(c, 100000);
        assert_string_equal(c->stdout_buf, ref->stdout_buf);
        assert_int_equal(c->frame, ref->frame);
        machine_free(c);
    }
    machine_free(reuse);
    machine_free(m);
    machine_free(ref);
    program_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_unbuffered_direct_handoff),
        cmocka_unit_test(test_buffered_full_sender_moves_to_tail),
        cmocka_unit_test(test_close_wakes_receivers),
        cmocka_unit_test(test_close_with_parked_sender_panics),
        cmocka_unit_test(test_channel_errors),
        cmocka_unit_test(test_select_uniform_over_seeds),
        cmocka_unit_test(test_select_parks_everywhere),
        cmocka_unit_test(test_select_default_break_continue),
        cmocka_unit_test(test_range_and_timers),
        cmocka_unit_test(test_deadlock_waits_for_timers),
        cmocka_unit_test(test_time_and_duration_print),
        cmocka_unit_test(test_rwmutex_writer_blocks_new_readers),
        cmocka_unit_test(test_once_and_cond),
        cmocka_unit_test(test_atomic_and_runtime),
        cmocka_unit_test(test_wait_reason_names),
        cmocka_unit_test(test_clone_mid_channel_run),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
