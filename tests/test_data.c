/* test_data.c — Go's data in the simulator: slices (growth, aliasing,
 * bounds), arrays as values, maps (nil maps, deletion, seeded range order),
 * strings and runes, sized integers, float formatting, and that a machine
 * holding all of them clones exactly (history depends on it). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "format_data.h"
#include "machine.h"
#include "simtest.h"
#include "vm_data.h"

/* Compile and run src to the end; returns the machine (caller frees it and p). */
static Machine *run_src(const char *src, Program **pp, uint64_t seed)
{
    Program *p = compile_text("t.go", src);
    Machine *m = start(p, 2, POLICY_GO, seed);
    machine_run(m, 10000000);
    *pp = p;
    return m;
}

static void expect_stdout(const char *src, const char *out)
{
    Program *p;
    Machine *m = run_src(src, &p, 1);
    if (m->status != M_EXITED) fprintf(stderr, "%.*s", (int)m->stderr_len, m->stderr_buf);
    assert_int_equal(m->status, M_EXITED);
    assert_string_equal(m->stdout_buf, out);
    machine_free(m);
    program_free(p);
}

static void expect_panic(const char *src, const char *first_line)
{
    Program *p;
    Machine *m = run_src(src, &p, 1);
    assert_int_equal(m->status, M_PANIC);
    assert_int_equal(m->exit_code, 2);
    assert_true(strncmp(m->stderr_buf, first_line, strlen(first_line)) == 0);
    machine_free(m);
    program_free(p);
}

static void test_growcap_matches_go(void **state)
{
    (void)state;
    /* Go 1.19 appending ints one at a time: 1 2 4 8 ... 512 848 1280 */
    int64_t cap = 0, seen[16];
    int n = 0;
    for (int64_t len = 0; len < 1300; len++) {
        if (len == cap) {
            cap = vm_data_growcap(cap, len + 1, 8);
            seen[n++] = cap;
        }
    }
    const int64_t want[] = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 848, 1280, 1792};
    assert_int_equal(n, 13);
    for (int i = 0; i < n; i++) assert_int_equal(seen[i], want[i]);
    /* appending 3 strings (16 bytes) to nil: 48 bytes is a size class */
    assert_int_equal(vm_data_growcap(0, 3, 16), 3);
    /* 5 bytes to nil rounds up to the 8-byte class */
    assert_int_equal(vm_data_growcap(0, 5, 1), 8);
}

static void test_slices(void **state)
{
    (void)state;
    expect_stdout("package main\n\nimport \"fmt\"\n\nfunc main() {\n"
                  "\tvar s []int\n\tfmt.Println(s == nil, len(s), cap(s), s)\n"
                  "\tfor i := 0; i < 5; i++ {\n\t\ts = append(s, i)\n\t}\n"
                  "\tt := s[1:3]\n\tt[0] = 10\n\tt = append(t, 99)\n"
                  "\tfmt.Println(s, t, len(t), cap(t), cap(s[2:]), s[1:2:3])\n"
                  "\tu := make([]string, 2, 5)\n\tn := copy(u, []string{\"a\", \"b\", \"c\"})\n"
                  "\tfmt.Println(n, u, len(u), cap(u), []int{} == nil)\n}\n",
                  "true 0 0 []\n[0 10 2 99 4] [10 2 99] 3 7 6 [10]\n2 [a b] 2 5 false\n");
}

static void test_arrays_are_values(void **state)
{
    (void)state;
    expect_stdout("package main\n\nimport \"fmt\"\n\nfunc set(a [2]int) { a[0] = 9 }\n\n"
                  "func main() {\n\ta := [2]int{1, 2}\n\tb := a\n\tb[1] = 5\n\tset(a)\n"
                  "\tvar g [2][2]bool\n\tg[1][0] = true\n\th := g\n\th[1][0] = false\n"
                  "\tfmt.Println(a, b, a == [2]int{1, 2}, g, h)\n}\n",
                  "[1 2] [1 5] true [[false false] [true false]] [[false false] [false false]]\n");
}

static void test_maps(void **state)
{
    (void)state;
    expect_stdout("package main\n\nimport \"fmt\"\n\nfunc main() {\n"
                  "\tvar nilmap map[string]int\n\tm := map[string]int{\"b\": 2, \"a\": 1}\n"
                  "\tm[\"c\"] += 3\n\tdelete(m, \"b\")\n\tv, ok := m[\"b\"]\n"
                  "\tfmt.Println(m, len(m), v, ok, nilmap[\"x\"], len(nilmap), nilmap)\n"
                  "\tsum := 0\n\tfor k, v := range m {\n\t\tsum += len(k) + v\n\t}\n\tfmt.Println(sum)\n}\n",
                  "map[a:1 c:3] 2 0 false 0 0 map[]\n6\n");
    expect_panic("package main\n\nfunc main() {\n\tvar m map[int]int\n\tm[1] = 2\n}\n",
                 "panic: assignment to entry in nil map\n");
}

/* The order of a map range comes from the seed: the same seed gives the same
 * order, and some other seed a different one. */
static void test_map_range_order_is_seeded(void **state)
{
    (void)state;
    const char *src2 = "package main\n\nimport \"fmt\"\n\nfunc main() {\n"
                       "\tm := map[int]bool{}\n\tfor i := 0; i < 8; i++ {\n\t\tm[i] = true\n\t}\n"
                       "\tfor k := range m {\n\t\tfmt.Println(k)\n\t}\n}\n";
    Program *p;
    Machine *a = run_src(src2, &p, 7);
    Machine *b = start(p, 2, POLICY_GO, 7);
    machine_run(b, 10000000);
    assert_string_equal(a->stdout_buf, b->stdout_buf);
    bool differs = false;
    for (uint64_t seed = 1; seed < 20 && !differs; seed++) {
        Machine *c = start(p, 2, POLICY_GO, seed);
        machine_run(c, 10000000);
        differs = strcmp(c->stdout_buf, a->stdout_buf) != 0;
        machine_free(c);
    }
    assert_true(differs);
    machine_free(a);
    machine_free(b);
    program_free(p);
}

static void test_runtime_errors(void **state)
{
    (void)state;
    expect_panic("package main\n\nfunc main() {\n\ts := []int{1, 2, 3}\n\ti := 5\n\ts[i] = 0\n}\n",
                 "panic: runtime error: index out of range [5] with length 3\n\ngoroutine 1 [running]:\n");
    expect_panic("package main\n\nfunc main() {\n\ts := make([]int, 2, 3)\n\tn := 5\n\t_ = s[:n]\n}\n",
                 "panic: runtime error: slice bounds out of range [:5] with capacity 3\n");
    expect_panic("package main\n\nfunc main() {\n\ts := \"abc\"\n\ti := -1\n\t_ = s[i]\n}\n",
                 "panic: runtime error: index out of range [-1]\n");
    expect_panic("package main\n\nfunc main() {\n\ts := []int{1, 2, 3}\n\ti, j := 2, 1\n\t_ = s[i:j]\n}\n",
                 "panic: runtime error: slice bounds out of range [2:1]\n");
}

static void test_strings_and_numbers(void **state)
{
    (void)state;
    expect_stdout("package main\n\nimport \"fmt\"\n\nfunc main() {\n"
                  "\ts := \"héllo\"\n\tfor i, r := range s {\n\t\tfmt.Println(i, string(r))\n\t}\n"
                  "\tb := []byte(s)\n\tfmt.Println(len(s), s[1], s[3:], len([]rune(s)), string(b[:1]))\n"
                  "\tvar i8 int8 = 127\n\ti8++\n\tvar u uint = 0\n\tu--\n"
                  "\tfmt.Println(i8, u, 7/2.0, float64(1)/3, 1e21, -0.5*2)\n}\n",
                  "0 h\n1 é\n3 l\n4 l\n5 o\n6 195 llo 5 h\n-128 18446744073709551615 3.5 0.3333333333333333 1e+21 -1\n");
}

static void test_float_format(void **state)
{
    (void)state;
    char b[64];
    format_data_float(1e6, 'g', -1, b, sizeof b);
    assert_string_equal(b, "1e+06");
    format_data_float(123456.5, 'g', -1, b, sizeof b);
    assert_string_equal(b, "123456.5");
    format_data_float(0.0001, 'g', -1, b, sizeof b);
    assert_string_equal(b, "0.0001");
    format_data_float(0.00001, 'g', -1, b, sizeof b);
    assert_string_equal(b, "1e-05");
    format_data_float(1.0 / 0.0, 'g', -1, b, sizeof b);
    assert_string_equal(b, "+Inf");
    format_data_float(1234.5678, 'g', 3, b, sizeof b);
    assert_string_equal(b, "1.23e+03");
    format_data_float(2.0 / 3.0, 'f', 3, b, sizeof b);
    assert_string_equal(b, "0.667");
}

static void test_struct_elements(void **state)
{
    (void)state;
    expect_stdout("package main\n\nimport \"fmt\"\n\ntype P struct {\n\tName string\n\tAge  int\n}\n\n"
                  "func main() {\n\tvar ps []P\n\tps = append(ps, P{\"ann\", 30})\n\tq := P{Name: \"bob\", Age: 40}\n"
                  "\tps = append(ps, q, P{\"cid\", 50})\n\tps[0].Age++\n\tq.Age = 0\n\tsum := 0\n"
                  "\tfor _, p := range ps {\n\t\tsum += p.Age\n\t}\n"
                  "\tfmt.Println(ps, len(ps), cap(ps), sum, ps[1:2])\n}\n",
                  "[{ann 31} {bob 40} {cid 50}] 3 3 121 [{bob 40}]\n");
}

static void test_struct_maps(void **state)
{
    (void)state;
    expect_stdout("package main\n\nimport \"fmt\"\n\ntype P struct{ X, Y int }\n\n"
                  "func main() {\n\tseen := map[P]string{}\n\tseen[P{1, 2}] = \"a\"\n\tseen[P{1, 2}] += \"b\"\n"
                  "\tseen[P{0, 5}] = \"z\"\n\tbyName := map[string]P{\"o\": {7, 8}}\n\tbyName[\"q\"] = P{Y: 3}\n"
                  "\tsum := 0\n\tfor k, v := range byName {\n\t\tsum += len(k) + v.X + v.Y\n\t}\n"
                  "\tfmt.Println(seen, len(seen), byName[\"o\"].Y, byName[\"none\"].X, sum, byName)\n}\n",
                  "map[{0 5}:z {1 2}:ab] 2 8 0 20 map[o:{7 8} q:{0 3}]\n");
}

/* Arrays inside structs, slices of structs, globals and new(T) get storage
 * of their own (array markers in layouts, sim/value.h). */
static void test_arrays_in_structs(void **state)
{
    (void)state;
    expect_stdout("package main\n\nimport \"fmt\"\n\ntype C struct {\n\tn    int\n\tcnt  [3]int\n\tgrid [2][2]bool\n}\n\n"
                  "var g C\n\nfunc main() {\n\tvar c C\n\tc.cnt[1] = 5\n\tc.grid[1][0] = true\n\tp := &C{n: 1}\n\tp.cnt[2]++\n"
                  "\tg.cnt[0] = 9\n\tcs := make([]C, 2)\n\tcs[1].cnt[0] = 4\n\tq := new(C)\n\tq.grid[0][1] = true\n"
                  "\tfmt.Println(c.cnt, c.grid, p.cnt, g.cnt, cs[1].cnt, cs[0].cnt, q.grid)\n}\n",
                  "[0 5 0] [[false false] [true false]] [0 0 1] [9 0 0] [4 0 0] [0 0 0] [[false true] [false false]]\n");
}

static void test_packages(void **state)
{
    (void)state;
    expect_stdout("package main\n\nimport (\n\t\"fmt\"\n\t\"math/rand\"\n\t\"strings\"\n)\n\n"
                  "func main() {\n\tparts := strings.Split(\"a,b,,c\", \",\")\n"
                  "\tfmt.Println(len(parts), strings.Join(parts, \"+\"), strings.Fields(\" x  y \"), strings.Repeat(\"ab\", 2))\n"
                  "\trand.Seed(7)\n\ta := rand.Intn(1000)\n\trand.Seed(7)\n\tb := rand.Intn(1000)\n"
                  "\tfmt.Println(a == b, a >= 0 && a < 1000, len(rand.Perm(5)))\n}\n",
                  "4 a+b++c [x y] abab\ntrue true 5\n");
    expect_stdout("package main\n\nimport (\n\t\"fmt\"\n\t\"sort\"\n)\n\n"
                  "func main() {\n\txs := []int{5, 2, 8, -1, 2}\n\tsort.Ints(xs)\n"
                  "\tws := []string{\"pear\", \"apple\", \"Apple\"}\n\tsort.Strings(ws)\n\tfmt.Println(xs, ws)\n}\n",
                  "[-1 2 2 5 8] [Apple apple pear]\n");
    expect_stdout("package main\n\nimport (\n\t\"fmt\"\n\t\"strconv\"\n)\n\n"
                  "func main() {\n\tfmt.Println(\"w\"+strconv.Itoa(-42), strconv.FormatInt(255, 16), strconv.Quote(\"a\\\"b\\n\"))\n}\n",
                  "w-42 ff \"a\\\"b\\n\"\n");
    expect_stdout("package main\n\nimport (\n\t\"bytes\"\n\t\"fmt\"\n\t\"strings\"\n)\n\n"
                  "func main() {\n\tvar sb strings.Builder\n\tsb.WriteString(\"ab\")\n\tsb.WriteByte('-')\n"
                  "\tsb.WriteRune('\u00e9')\n\tb := bytes.NewBufferString(\"x\")\n\tb.Write([]byte(\"yz\"))\n"
                  "\tfmt.Println(sb.String(), sb.Len(), b.String(), b.Len())\n\tsb.Reset()\n\tfmt.Println(sb.Len())\n}\n",
                  "ab-\u00e9 5 xyz 3\n0\n");
}

/* machine_run's fast path (vm_run_plain runs INDEXADDR and LEN itself)
 * ends exactly where stepping frame by frame does. */
static void test_fast_path_agrees(void **state)
{
    (void)state;
    const char *src = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\txs := make([]int, 50)\n"
                      "\tfor i := range xs {\n\t\txs[i] = i * i\n\t}\n\tsum := 0\n\tfor i := 0; i < len(xs); i++ {\n"
                      "\t\tsum += xs[i]\n\t}\n\tfmt.Println(sum, xs[49])\n\t_ = xs[len(xs)]\n}\n";
    Program *p = compile_text("t.go", src);
    Machine *a = start(p, 1, POLICY_GO, 1), *b = start(p, 1, POLICY_GO, 1);
    machine_run(a, 1000000);
    while (machine_step(b) == M_RUNNING) {}
    assert_int_equal(a->status, M_PANIC);
    assert_string_equal(a->stdout_buf, "40425 2401\n");
    assert_same_machine(a, b);
    machine_free(a);
    machine_free(b);
    program_free(p);
}

/* A clone taken mid-run, with slices and maps live, finishes exactly as the
 * original: all of their state is in Machine.mem. */
static void test_clone_mid_run(void **state)
{
    (void)state;
    const char *src = "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\n"
                      "func main() {\n\tvar mu sync.Mutex\n\tvar wg sync.WaitGroup\n"
                      "\tm := map[int][]int{}\n\tfor g := 0; g < 3; g++ {\n\t\twg.Add(1)\n"
                      "\t\tgo func(g int) {\n\t\t\tfor i := 0; i < 20; i++ {\n\t\t\t\tmu.Lock()\n"
                      "\t\t\t\tm[i%4] = append(m[i%4], g)\n\t\t\t\tmu.Unlock()\n\t\t\t}\n"
                      "\t\t\twg.Done()\n\t\t}(g)\n\t}\n\twg.Wait()\n\tfmt.Println(len(m), len(m[0])+len(m[1])+len(m[2])+len(m[3]))\n}\n";
    Program *p = compile_text("t.go", src);
    Machine *a = start(p, 4, POLICY_GO, 3);
    machine_run(a, 300);
    Machine *b = machine_clone(a);
    assert_same_machine(a, b);
    machine_run(a, 10000000);
    machine_run(b, 10000000);
    assert_same_machine(a, b);
    assert_int_equal(a->status, M_EXITED);
    assert_string_equal(a->stdout_buf, "4 60\n");
    machine_free(a);
    machine_free(b);
    program_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_growcap_matches_go),
        cmocka_unit_test(test_slices),
        cmocka_unit_test(test_arrays_are_values),
        cmocka_unit_test(test_maps),
        cmocka_unit_test(test_map_range_order_is_seeded),
        cmocka_unit_test(test_runtime_errors),
        cmocka_unit_test(test_strings_and_numbers),
        cmocka_unit_test(test_float_format),
        cmocka_unit_test(test_struct_elements),
        cmocka_unit_test(test_struct_maps),
        cmocka_unit_test(test_arrays_in_structs),
        cmocka_unit_test(test_packages),
        cmocka_unit_test(test_fast_path_agrees),
        cmocka_unit_test(test_clone_mid_run),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
