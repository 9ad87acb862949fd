/* test_net.c — the simulated loopback network (sim/lib/net.c): an echo round
 * trip, io.EOF once the peer closed and the bytes are drained, Go's error
 * texts, a reader parked on the poller holding no thread while the other
 * goroutines run, and the documented latencies on the virtual clock. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "event_text.h"
#include "io.h"
#include "simtest.h"

#define HEAD "package main\n\nimport (\n\t\"bufio\"\n\t\"errors\"\n\t\"fmt\"\n\t\"io\"\n\t\"net\"\n\t\"time\"\n)\n\n" \
             "var _ = errors.New(\"\")\nvar _ = io.EOF\nvar _ = time.Second\nvar _ *bufio.Reader\n\n"

static Machine *run_text(const char *src, int cores, uint64_t seed)
{
    Program *p = compile_text("net.go", src);
    Machine *m = start(p, cores, POLICY_GO, seed);
    machine_run(m, 10000000);
    if (m->status != M_EXITED) fprintf(stderr, "%s%s", m->stdout_buf, m->stderr_buf);
    assert_int_equal(m->status, M_EXITED);
    return m;
}

static void done(Machine *m)
{
    const Program *p = m->prog;
    machine_free(m);
    program_free((Program *)p);
}

/* An echo server: a goroutine per connection writes back what it reads;
 * three clients each get their own line back, on every core count and seed. */
static const char ECHO[] = HEAD
    "func serve(c net.Conn) {\n"
    "\tdefer c.Close()\n"
    "\tbuf := make([]byte, 64)\n"
    "\tfor {\n"
    "\t\tn, err := c.Read(buf)\n"
    "\t\tif n > 0 {\n"
    "\t\t\tc.Write(buf[:n])\n"
    "\t\t}\n"
    "\t\tif err != nil {\n"
    "\t\t\treturn\n"
    "\t\t}\n"
    "\t}\n"
    "}\n\n"
    "func main() {\n"
    "\tln, err := net.Listen(\"tcp\", \"127.0.0.1:8080\")\n"
    "\tif err != nil {\n"
    "\t\tfmt.Println(err)\n"
    "\t\treturn\n"
    "\t}\n"
    "\tgo func() {\n"
    "\t\tfor {\n"
    "\t\t\tc, err := ln.Accept()\n"
    "\t\t\tif err != nil {\n"
    "\t\t\t\treturn\n"
    "\t\t\t}\n"
    "\t\t\tgo serve(c)\n"
    "\t\t}\n"
    "\t}()\n"
    "\treplies := make(chan string, 3)\n"
    "\tfor i := 0; i < 3; i++ {\n"
    "\t\tgo func(i int) {\n"
    "\t\t\tc, err := net.Dial(\"tcp\", \"localhost:8080\")\n"
    "\t\t\tif err != nil {\n"
    "\t\t\t\treplies <- err.Error()\n"
    "\t\t\t\treturn\n"
    "\t\t\t}\n"
    "\t\t\tdefer c.Close()\n"
    "\t\t\tfmt.Fprintf(c, \"hello %d\\n\", i)\n"
    "\t\t\tline, _ := bufio.NewReader(c).ReadString('\\n')\n"
    "\t\t\treplies <- line\n"
    "\t\t}(i)\n"
    "\t}\n"
    "\tgot := map[string]bool{}\n"
    "\tfor i := 0; i < 3; i++ {\n"
    "\t\tgot[<-replies] = true\n"
    "\t}\n"
    "\tfmt.Println(len(got), got[\"hello 0\\n\"], got[\"hello 1\\n\"], got[\"hello 2\\n\"])\n"
    "}\n";

static void test_echo_round_trip(void **state)
{
    (void)state;
    for (int cores = 1; cores <= 4; cores *= 2)
        for (uint64_t seed = 1; seed <= 5; seed++) {
            Machine *m = run_text(ECHO, cores, seed);
            assert_string_equal(m->stdout_buf, "3 true true true\n");
            done(m);
        }
}

/* Reads drain what was sent, then see io.EOF once the peer's Close arrived;
 * after its own Close a conn says "use of closed network connection". */
static void test_eof_after_close(void **state)
{
    (void)state;
    Machine *m = run_text(HEAD
        "func main() {\n"
        "\tln, _ := net.Listen(\"tcp\", \":9000\")\n"
        "\tc, _ := net.Dial(\"tcp\", \"127.0.0.1:9000\")\n"
        "\ts, _ := ln.Accept()\n"
        "\tc.Write([]byte(\"abc\"))\n"
        "\tc.Write([]byte(\"def\"))\n"
        "\tc.Close()\n"
        "\tbuf := make([]byte, 4)\n"
        "\tfor {\n"
        "\t\tn, err := s.Read(buf)\n"
        "\t\tfmt.Printf(\"%d %q %v\\n\", n, buf[:n], err)\n"
        "\t\tif err == io.EOF {\n"
        "\t\t\tbreak\n"
        "\t\t}\n"
        "\t}\n"
        "\t_, err := c.Read(buf)\n"
        "\tfmt.Println(err != nil, c.Close() != nil)\n"
        "\tfmt.Println(s.LocalAddr(), ln.Addr(), c.RemoteAddr().Network())\n"
        "}\n", 2, 1);
    /* the two writes may arrive apart or together: the bytes and the end are the same */
    const char *out = m->stdout_buf;
    bool apart = !strcmp(out, "3 \"abc\" <nil>\n3 \"def\" <nil>\n0 \"\" EOF\ntrue true\n127.0.0.1:9000 [::]:9000 tcp\n");
    bool together = !strcmp(out, "4 \"abcd\" <nil>\n2 \"ef\" <nil>\n0 \"\" EOF\ntrue true\n127.0.0.1:9000 [::]:9000 tcp\n");
    if (!apart && !together) fprintf(stderr, "%s", out);
    assert_true(apart || together);
    done(m);
}

/* Go 1.19's texts (checked against real Go on this machine). */
static void test_error_texts(void **state)
{
    (void)state;
    Machine *m = run_text(HEAD
        "func main() {\n"
        "\t_, err := net.Dial(\"tcp\", \"127.0.0.1:9999\")\n"
        "\tfmt.Println(err)\n"
        "\t_, err = net.Dial(\"tcp\", \"localhost:9999\")\n"
        "\tfmt.Println(err)\n"
        "\tln, _ := net.Listen(\"tcp\", \"127.0.0.1:8080\")\n"
        "\t_, err = net.Listen(\"tcp\", \"127.0.0.1:8080\")\n"
        "\tfmt.Println(err)\n"
        "\t_, err = net.Listen(\"tcp\", \":8080\")\n"
        "\tfmt.Println(err)\n"
        "\t_, err = net.Listen(\"tcp\", \"8080\")\n"
        "\tfmt.Println(err)\n"
        "\t_, err = net.Dial(\"tcp\", \":99999\")\n"
        "\tfmt.Println(err)\n"
        "\tln.Close()\n"
        "\tfmt.Println(ln.Close())\n"
        "\t_, err = ln.Accept()\n"
        "\tfmt.Println(err, errors.Is(err, net.ErrClosed))\n"
        "}\n", 1, 1);
    assert_string_equal(m->stdout_buf,
        "dial tcp 127.0.0.1:9999: connect: connection refused\n"
        "dial tcp 127.0.0.1:9999: connect: connection refused\n"
        "listen tcp 127.0.0.1:8080: bind: address already in use\n"
        "listen tcp :8080: bind: address already in use\n"
        "listen tcp: address 8080: missing port in address\n"
        "dial tcp: address 99999: invalid port\n"
        "close tcp 127.0.0.1:8080: use of closed network connection\n"
        "accept tcp 127.0.0.1:8080: use of closed network connection true\n");
    done(m);
}

/* A reader with nothing to read parks on the poller: G_BLOCKED in WAIT_IO
 * (its key names its descriptor), no core, while main keeps counting; the
 * bytes written later wake it. */
static void test_reader_parks_on_the_poller(void **state)
{
    (void)state;
    Program *p = compile_text("park.go", HEAD
        "var count int\n\n"
        "func main() {\n"
        "\tln, _ := net.Listen(\"tcp\", \":7000\")\n"
        "\tc, _ := net.Dial(\"tcp\", \":7000\")\n"
        "\ts, _ := ln.Accept()\n"
        "\tgot := make(chan string)\n"
        "\tgo func() {\n"
        "\t\tbuf := make([]byte, 8)\n"
        "\t\tn, _ := s.Read(buf)\n"
        "\t\tgot <- string(buf[:n])\n"
        "\t}()\n"
        "\tfor i := 0; i < 200000; i++ {\n"
        "\t\tcount++\n"
        "\t}\n"
        "\tc.Write([]byte(\"late\"))\n"
        "\tfmt.Println(<-got, count)\n"
        "}\n");
    Machine *m = start(p, 2, POLICY_GO, 1);
    uint64_t main_steps_while_parked = 0;
    bool parked = false, woke = false;
    while (m->status == M_RUNNING) {
        machine_step(m);
        if (m->ngs < 2) continue;
        const Goroutine *r = machine_goroutine(m, 2);
        if (r->state == G_BLOCKED && r->wait == WAIT_IO) {
            parked = true;
            assert_int_equal(r->core, -1);
            assert_true(r->wait_addr == IO_KEY_READ(5));   /* the server's end: listener 3, client 4, server 5 */
            for (int c = 0; c < m->ncores; c++) assert_int_not_equal(m->cores[c].g, 2);
            for (int c = 0; c < m->ncores; c++) if (m->last[c].g == 1) main_steps_while_parked++;
        } else if (parked && !woke) {
            woke = true;
            /* the poller woke it, and says so: not "(timer)" */
            char text[128] = "";
            for (int i = 0; i < m->nevents; i++)
                if (m->events[i].kind == EV_GO_WAKE && m->events[i].g == 2)
                    event_describe(m, &m->events[i], text, sizeof text);
            assert_string_equal(text, "G2 wakes up (network ready)");
        }
    }
    assert_true(parked);
    assert_true(woke);
    assert_true(main_steps_while_parked > 2000);
    assert_string_equal(m->stdout_buf, "late 200000\n");
    machine_free(m);
    program_free(p);
}

/* Goroutines that all wait for the network with nothing on its way: Go's
 * poller thread counts as running, so Go never reports a deadlock and the
 * process waits forever.  The machine says so at once (M_HANG, exit 3)
 * instead of looking on until its step limit. */
static void test_waiting_forever_is_a_hang(void **state)
{
    (void)state;
    Program *p = compile_text("hang.go", HEAD
        "func main() {\n"
        "\tln, _ := net.Listen(\"tcp\", \"127.0.0.1:9000\")\n"
        "\tgo func() {\n"
        "\t\tc, _ := net.Dial(\"tcp\", \"127.0.0.1:9000\")\n"
        "\t\tc.Read(make([]byte, 1))\n"
        "\t}()\n"
        "\tc, _ := ln.Accept()\n"
        "\tfmt.Println(\"accepted\")\n"
        "\tc.Read(make([]byte, 1))\n"
        "}\n");
    for (int cores = 1; cores <= 2; cores++) {
        Machine *m = start(p, cores, POLICY_GO, 1);
        machine_run(m, 10000000);
        assert_int_equal(m->status, M_HANG);
        assert_int_equal(m->exit_code, 3);
        assert_string_equal(m->stdout_buf, "accepted\n");
        assert_true(m->frame < 100000);
        for (int g = 1; g <= 2; g++) {
            assert_int_equal(machine_goroutine(m, g)->state, G_BLOCKED);
            assert_int_equal(machine_goroutine(m, g)->wait, WAIT_IO);
        }
        machine_free(m);
    }
    program_free(p);
}

/* The clock: a round trip takes the loopback latency twice, plus the
 * system calls and the wake-ups; a Dial takes its handshake. */
static void test_latencies(void **state)
{
    (void)state;
    Machine *m = run_text(HEAD
        "func main() {\n"
        "\tln, _ := net.Listen(\"tcp\", \"127.0.0.1:6000\")\n"
        "\tgo func() {\n"
        "\t\ts, _ := ln.Accept()\n"
        "\t\tbuf := make([]byte, 8)\n"
        "\t\tn, _ := s.Read(buf)\n"
        "\t\ts.Write(buf[:n])\n"
        "\t}()\n"
        "\tt := time.Now()\n"
        "\tc, _ := net.Dial(\"tcp\", \"127.0.0.1:6000\")\n"
        "\tdial := time.Since(t)\n"
        "\tt = time.Now()\n"
        "\tc.Write([]byte(\"ping\"))\n"
        "\tbuf := make([]byte, 8)\n"
        "\tc.Read(buf)\n"
        "\trtt := time.Since(t)\n"
        "\tfmt.Println(int64(dial), int64(rtt))\n"
        "}\n", 2, 1);
    long long dial = 0, rtt = 0;
    assert_int_equal(sscanf(m->stdout_buf, "%lld %lld", &dial, &rtt), 2);
    int64_t hand = io_cost(IOC_NET_DIAL, 0) + io_cost(IOC_NET_HANDSHAKE, 0);
    int64_t lat = io_cost(IOC_NET_LATENCY, 4);
    int64_t calls = io_cost(IOC_NET_WRITE, 4) * 2 + io_cost(IOC_NET_READ, 4) * 2;
    /* (and the wake-ups of the parked dialer and acceptor: tens of us) */
    assert_true(dial >= hand);
    assert_true(dial < hand + 50000);
    assert_true(rtt >= 2 * lat);
    /* (and the poller's wake-ups of the parked goroutines: a few us each) */
    assert_true(rtt < 2 * lat + calls + 15000);
    done(m);
}

/* A clone taken at any frame of the echo run ends as the original. */
static void test_clone_mid_run(void **state)
{
    (void)state;
    Program *p = compile_text("echo.go", ECHO);
    Machine *ref = start(p, 2, POLICY_GO, 2);
    machine_run(ref, 1000000);
    assert_int_equal(ref->status, M_EXITED);
    Machine *m = start(p, 2, POLICY_GO, 2);
    while (m->status == M_RUNNING) {
        machine_step(m);
        if (m->frame % 11) continue;
        Machine *c = machine_clone(m);
        assert_same_machine(m, c);
        machine_run(c, 1000000);
        assert_string_equal(c->stdout_buf, ref->stdout_buf);
        assert_int_equal(c->frame, ref->frame);
        assert_int_equal(c->now, ref->now);
        machine_free(c);
    }
    machine_free(m);
    machine_free(ref);
    program_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_echo_round_trip),
        cmocka_unit_test(test_eof_after_close),
        cmocka_unit_test(test_error_texts),
        cmocka_unit_test(test_reader_parks_on_the_poller),
        cmocka_unit_test(test_latencies),
        cmocka_unit_test(test_waiting_forever_is_a_hang),
        cmocka_unit_test(test_clone_mid_run),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
