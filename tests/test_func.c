/* test_func.c — functions, methods, interfaces, switch, panics and fmt
 *: small programs run to the end, their output, status and
 * stderr compared, plus the machinery underneath (runtime types, the panic
 * chain surviving a clone mid-panic). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "simtest.h"

/* Run src to its end on `cores` cores; the machine is returned for checks. */
static Machine *run_src(Program **pp, const char *src)
{
    *pp = compile_text("t.go", src);
    Machine *m = start(*pp, 2, POLICY_GO, 1);
    machine_run(m, 1000000);
    return m;
}

static void expect_run(const char *src, const char *out, int status, const char *err_prefix)
{
    Program *p;
    Machine *m = run_src(&p, src);
    char *o = strndup(m->stdout_buf ? m->stdout_buf : "", m->stdout_len);
    char *e = strndup(m->stderr_buf ? m->stderr_buf : "", m->stderr_len);
    assert_string_equal(o, out);
    assert_int_equal(m->exit_code, status);
    if (err_prefix) assert_memory_equal(e, err_prefix, strlen(err_prefix));
    else assert_string_equal(e, "");
    free(o);
    free(e);
    machine_free(m);
    program_free(p);
}

static void test_methods_value_and_pointer(void **state)
{
    (void)state;
    expect_run("package main\n\nimport \"fmt\"\n\n"
               "type C struct{ n int }\n\n"
               "func (c *C) Inc()     { c.n++ }\n"
               "func (c C) Get() int  { return c.n }\n"
               "func (c C) Bump() int { c.n += 10; return c.n }\n\n"
               "func main() {\n"
               "\tvar c C\n\tc.Inc()\n\tc.Inc()\n\tp := &c\n\tp.Inc()\n"
               "\tfmt.Println(c.Get(), p.Get(), c.Bump(), c.n)\n"
               "\tf := c.Get\n\tc.Inc()\n\tfmt.Println(f(), c.Get())\n}\n",
               "3 3 13 3\n3 4\n", 0, NULL);
}

static void test_struct_values_copy(void **state)
{
    (void)state;
    expect_run("package main\n\nimport \"fmt\"\n\n"
               "type P struct{ X, Y int }\n"
               "type L struct {\n\tName string\n\tAt   P\n}\n\n"
               "func move(p P) P { p.X++; return p }\n\n"
               "func main() {\n"
               "\ta := P{1, 2}\n\tb := a\n\tb.X = 9\n\tc := move(a)\n"
               "\tl := L{\"home\", P{3, 4}}\n\tm := l\n\tm.At.Y = 7\n"
               "\tfmt.Println(a, b, c, a == P{1, 2}, a == b)\n"
               "\tfmt.Printf(\"%v %+v %v\\n\", l, m, &a)\n}\n",
               "{1 2} {9 2} {2 2} true false\n{home {3 4}} {Name:home At:{X:3 Y:7}} &{1 2}\n", 0, NULL);
}

static void test_interfaces_dispatch_and_assert(void **state)
{
    (void)state;
    expect_run("package main\n\nimport \"fmt\"\n\n"
               "type Shape interface{ Area() int }\n"
               "type Sq struct{ s int }\n"
               "type Rect struct{ w, h int }\n\n"
               "func (q Sq) Area() int    { return q.s * q.s }\n"
               "func (r *Rect) Area() int { return r.w * r.h }\n"
               "func (q Sq) String() string { return fmt.Sprintf(\"Sq(%d)\", q.s) }\n\n"
               "func main() {\n"
               "\tvar s Shape = Sq{3}\n\tfmt.Println(s.Area(), s)\n"
               "\ts = &Rect{2, 5}\n\tfmt.Println(s.Area())\n"
               "\t_, ok := s.(Sq)\n\tr := s.(*Rect)\n\tfmt.Println(ok, r.w)\n"
               "\tvar x interface{} = 42\n"
               "\tswitch v := x.(type) {\n\tcase string:\n\t\tfmt.Println(\"string\", v)\n"
               "\tcase int:\n\t\tfmt.Println(\"int\", v+1)\n\t}\n"
               "\tfmt.Printf(\"%T %T\\n\", x, s)\n"
               "\t_ = x.(string)\n}\n",
               "9 Sq(3)\n10\nfalse 2\nint 43\nint *main.Rect\n", 2,
               "panic: interface conversion: interface {} is int, not string\n");
}

static void test_switch_and_labels(void **state)
{
    (void)state;
    expect_run("package main\n\nimport \"fmt\"\n\n"
               "func main() {\n"
               "outer:\n"
               "\tfor i := 0; i < 5; i++ {\n"
               "\t\tswitch {\n\t\tcase i == 1:\n\t\t\tcontinue\n"
               "\t\tcase i == 3:\n\t\t\tbreak outer\n\t\t}\n"
               "\t\tswitch x := i * 2; x {\n\t\tcase 0, 4:\n\t\t\tfmt.Print(\"a\")\n\t\t\tfallthrough\n"
               "\t\tdefault:\n\t\t\tfmt.Print(\"b\", x)\n\t\t}\n\t}\n\tfmt.Println()\n}\n",
               "ab0ab4\n", 0, NULL);
}

static void test_panic_recover_named_results(void **state)
{
    (void)state;
    expect_run("package main\n\nimport (\n\t\"errors\"\n\t\"fmt\"\n)\n\n"
               "func div(a, b int) (q int, err error) {\n"
               "\tdefer func() {\n\t\tif r := recover(); r != nil {\n"
               "\t\t\terr = fmt.Errorf(\"recovered: %v\", r)\n\t\t}\n\t}()\n"
               "\treturn a / b, nil\n}\n\n"
               "func main() {\n"
               "\tfmt.Println(div(7, 2))\n\tfmt.Println(div(1, 0))\n"
               "\tvar e error = errors.New(\"x\")\n\tfmt.Println(e, e == nil)\n"
               "\tdefer fmt.Println(\"deferred\")\n\tpanic(e)\n}\n",
               "3 <nil>\n0 recovered: runtime error: integer divide by zero\nx false\ndeferred\n", 2,
               "panic: x\n\ngoroutine 1 [running]:\nmain.main()\n");
}

static void test_os_exit_skips_defers(void **state)
{
    (void)state;
    expect_run("package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\n"
               "func main() {\n\tdefer fmt.Println(\"no\")\n"
               "\tfmt.Fprintln(os.Stderr, \"bye\")\n\tos.Exit(3)\n}\n",
               "", 3, "bye\n");
}

/* Embedded fields: promoted fields and methods, statically and through
 * interfaces (generated wrappers), a promoted String(), a local type. */
static void test_embedding_and_promotion(void **state)
{
    (void)state;
    expect_run("package main\n\nimport \"fmt\"\n\n"
               "type Animal struct{ Name string }\n\n"
               "func (a Animal) Speak() string    { return a.Name + \" speaks\" }\n"
               "func (a *Animal) Rename(n string) { a.Name = n }\n"
               "func (a Animal) String() string   { return \"Animal(\" + a.Name + \")\" }\n\n"
               "type Dog struct {\n\tAnimal\n\tBreed string\n}\n\n"
               "type Speaker interface{ Speak() string }\n"
               "type Renamer interface{ Rename(string) }\n\n"
               "func main() {\n"
               "\ttype pair struct{ a, b int }\n"
               "\td := Dog{Animal{\"Rex\"}, \"collie\"}\n"
               "\tvar s Speaker = d\n\tfmt.Println(s.Speak(), d.Name)\n"
               "\tvar r Renamer = &d\n\tr.Rename(\"Max\")\n"
               "\tfmt.Println(d.Speak(), d, pair{1, 2})\n\tfmt.Printf(\"%T\\n\", pair{})\n}\n",
               "Rex speaks Rex\nMax speaks Animal(Max) {1 2}\nmain.pair\n", 0, NULL);
}

/* fmt: Stringers and errors in exported fields, verbs applied per field,
 * Duration text, strings and buffers. */
static void test_fmt_fields_and_library(void **state)
{
    (void)state;
    expect_run("package main\n\nimport (\n\t\"errors\"\n\t\"fmt\"\n\t\"strings\"\n\t\"time\"\n)\n\n"
               "type Color int\n\n"
               "func (c Color) String() string {\n\tif c == 0 {\n\t\treturn \"red\"\n\t}\n\treturn \"green\"\n}\n\n"
               "type Pair struct{ A, B Color }\n"
               "type Res struct {\n\tErr  error\n\tD    time.Duration\n\tp    Color\n\tPair Pair\n}\n\n"
               "func main() {\n"
               "\tfmt.Printf(\"%v %+v %d\\n\", Res{errors.New(\"bad\"), time.Second, 1, Pair{0, 1}}, Res{}, Pair{1, 0})\n"
               "\tvar sb strings.Builder\n\tfmt.Fprintf(&sb, \"%s|%q|%5.1f\", Pair{}, \"x\", 0)\n"
               "\tfmt.Println(sb.String(), strings.ToUpper(\"go\"), strings.Repeat(\"ab\", 2))\n}\n",
               "{bad 1s 1 {red green}} {Err:<nil> D:0s p:0 Pair:{A:red B:red}} {1 0}\n"
               "{red red}|\"x\"|%!f(int=    0) GO abab\n", 0, NULL);
}

/* fmt calls String() on slice elements, the way Go prints []Color, and a
 * String() that prints does not disturb the print that called it. */
static void test_fmt_slice_elements(void **state)
{
    (void)state;
    expect_run("package main\n\nimport \"fmt\"\n\n"
               "type T struct{ n int }\n\n"
               "func (t *T) String() string { return fmt.Sprint(\"T\", t.n) }\n\n"
               "type C int\n\nfunc (c C) String() string { return fmt.Sprintf(\"c%d\", int(c)) }\n\n"
               "func main() {\n"
               "\tfmt.Println([]*T{{1}, {2}, nil}, []C{3, 4})\n"
               "\tfmt.Printf(\"%v %d\\n\", []C{5}, []C{5})\n"
               "\tfmt.Println(variadic(1, 2, 3), variadic())\n}\n\n"
               "func variadic(xs ...int) string { return fmt.Sprint(len(xs), xs == nil) }\n",
               "[T1 T2 <nil>] [c3 c4]\n[c5] [5]\n3 false 0 true\n", 0, NULL);
}

/* %#v prints Go syntax: type names, field names, quoted strings, typed nils. */
static void test_fmt_go_syntax(void **state)
{
    (void)state;
    expect_run("package main\n\nimport \"fmt\"\n\n"
               "type In struct {\n\tS string\n\tN int\n}\n"
               "type T struct {\n\tI In\n\tP *In\n\tE interface{}\n}\n\n"
               "func main() {\n"
               "\tfmt.Printf(\"%#v|%#v|%#v\\n\", T{In{\"a\\t\", 1}, nil, nil}, &In{}, \"q\")\n}\n",
               "main.T{I:main.In{S:\"a\\t\", N:1}, P:(*main.In)(nil), E:interface {}(nil)}|&main.In{S:\"\", N:0}|\"q\"\n",
               0, NULL);
}

/* Structs as slice, array and map elements keep value semantics: x := s[i]
 * copies, []T{a, b} copies the variables in, one-field structs keep braces. */
static void test_struct_elements(void **state)
{
    (void)state;
    expect_run("package main\n\nimport \"fmt\"\n\n"
               "type kv struct {\n\tk string\n\tv int\n}\n"
               "type one struct{ n int }\n\n"
               "func main() {\n"
               "\ta := kv{\"a\", 1}\n\ts := []kv{a, {\"b\", 2}}\n\ta.v = 7\n"
               "\tx := s[1]\n\tx.v = 9\n\tarr := [2]kv{a}\n\tarr2 := arr\n\tarr2[0].k = \"z\"\n"
               "\tfmt.Println(s, s[0], x, arr, arr2[0])\n"
               "\tm := map[string]one{\"p\": {1}}\n\to := one{2}\n\tm[\"q\"] = o\n\to.n = 5\n"
               "\tfor _, v := range m {\n\t\tif v.n == 2 {\n\t\t\tfmt.Println(v, m[\"q\"].n)\n\t\t}\n\t}\n"
               "\tfmt.Printf(\"%d %v\\n\", []one{{3}}, [1]one{})\n}\n",
               "[{a 1} {b 2}] {a 1} {b 9} [{a 7} { 0}] {z 7}\n{2} 2\n[{3}] [{0}]\n", 0, NULL);
}

/* A defined type gets its own []T even when its underlying type's []int
 * was made first (the named type is a copy of the underlying one). */
static void test_slice_of_defined_type(void **state)
{
    (void)state;
    expect_run("package main\n\nimport \"fmt\"\n\n"
               "type S struct{ d []int }\n\ntype State int\n\nconst Idle State = 0\n\n"
               "func (s State) String() string { return \"idle\" }\n\n"
               "func main() {\n\tfmt.Println([]State{Idle}, []int{1})\n}\n",
               "[idle] [1]\n", 0, NULL);
}

/* An unnamed type written twice is one dynamic type (map, chan, func cases
 * of a type switch match), and == on interfaces holding slices panics. */
static void test_unnamed_dynamic_types(void **state)
{
    (void)state;
    expect_run("package main\n\nimport \"fmt\"\n\n"
               "func kind(i interface{}) string {\n\tswitch i.(type) {\n"
               "\tcase map[string]int:\n\t\treturn \"map\"\n\tcase chan int:\n\t\treturn \"chan\"\n"
               "\tcase func() int:\n\t\treturn \"func\"\n\t}\n\treturn \"other\"\n}\n\n"
               "func main() {\n"
               "\tfmt.Println(kind(map[string]int{}), kind(make(chan int)), kind(func() int { return 1 }), kind(1))\n"
               "\tvar a, b interface{} = []int{1}, []int{1}\n\tfmt.Println(a == b)\n}\n",
               "map chan func other\n", 2,
               "panic: runtime error: comparing uncomparable type []int\n");
}

/* fmt.Println(xs...) and friends spread a []any: Stringers among the
 * elements, printf verbs, Errorf, a goroutine's and a deferred call. */
static void test_fmt_spread(void **state)
{
    (void)state;
    expect_run("package main\n\nimport \"fmt\"\n\n"
               "type C int\n\nfunc (c C) String() string { return fmt.Sprint(\"C\", int(c)) }\n\n"
               "func logf(f string, args ...interface{}) { fmt.Printf(\"[\"+f+\"]\\n\", args...) }\n\n"
               "func main() {\n\txs := []interface{}{C(1), \"s\", 2}\n"
               "\tdefer fmt.Println(xs[1:]...)\n"
               "\tfmt.Println(xs...)\n\tlogf(\"%v %s %d\", xs...)\n\tlogf(\"none\")\n"
               "\tfmt.Println(fmt.Errorf(\"%v-%v\", xs[1:]...), fmt.Sprint(xs...))\n"
               "\tvar none []interface{}\n\tfmt.Println(none...)\n}\n",
               "C1 s 2\n[C1 s 2]\n[none]\ns-2 C1s2\n\ns 2\n", 0, NULL);
}

/* Deferred and go'd prints call String() like any other print, and a lone
 * constant conversion argument keeps its type. */
static void test_deferred_stringers(void **state)
{
    (void)state;
    expect_run("package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\n"
               "type C int\n\nfunc (c C) String() string { return fmt.Sprint(\"c\", int(c)) }\n\n"
               "func main() {\n\tdefer fmt.Println(C(1), 1)\n\tdefer fmt.Printf(\"%v %d\\n\", C(2), C(2))\n"
               "\tgo fmt.Println(C(3))\n\ttime.Sleep(time.Millisecond)\n\tfmt.Println(C(4))\n}\n",
               "c3\nc4\nc2 2\nc1 1\n", 0, NULL);
}

/* A struct may embed several types (each named after its type), here a
 * struct through a pointer and an RWMutex. */
static void test_two_embedded_fields(void **state)
{
    (void)state;
    expect_run("package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\n"
               "type Base struct{ ID int }\n\nfunc (b *Base) Set(i int) { b.ID = i }\n\n"
               "type T struct {\n\t*Base\n\tsync.RWMutex\n\t_, _ int\n}\n\n"
               "func main() {\n\tt := T{Base: &Base{}}\n\tt.Lock()\n\tt.Set(3)\n\tt.Unlock()\n"
               "\tt.RLock()\n\tfmt.Println(t.ID)\n\tt.RUnlock()\n}\n",
               "3\n", 0, NULL);
}

/* Conversions between types with identical underlying types: a func
 * literal to a func type with methods, structs, slices, *P to *Q. */
static void test_underlying_conversions(void **state)
{
    (void)state;
    expect_run("package main\n\nimport \"fmt\"\n\n"
               "type H func(int) int\n\nfunc (h H) Twice(x int) int { return h(h(x)) }\n\n"
               "type P struct{ X int }\ntype Q P\ntype L []int\n\n"
               "func main() {\n\th := H(func(x int) int { return x + 1 })\n\tp := P{1}\n\tq := Q(p)\n\tq.X = 9\n"
               "\tl := L([]int{4})\n\t(*Q)(&p).X = 2\n\tfmt.Println(h.Twice(1), p, q, l)\n}\n",
               "3 {2} {9} [4]\n", 0, NULL);
}

/* errors.As walks %w chains to the first error of the target's type; %w of
 * an error with its own Error() keeps the error itself (not its text). */
static void test_errors_as(void **state)
{
    (void)state;
    expect_run("package main\n\nimport (\n\t\"errors\"\n\t\"fmt\"\n)\n\n"
               "type NF struct{ Key string }\n\nfunc (e *NF) Error() string { return \"nf \" + e.Key }\n\n"
               "type TO struct{ S int }\n\nfunc (e TO) Error() string { return fmt.Sprint(\"to \", e.S) }\n\n"
               "func main() {\n\tvar nf *NF\n\tvar to TO\n"
               "\terr := fmt.Errorf(\"a: %w\", fmt.Errorf(\"b: %w\", TO{3}))\n"
               "\tfmt.Println(errors.As(err, &nf), nf == nil, errors.As(err, &to), to.S, err)\n"
               "\tp := &NF{\"k\"}\n\te2 := fmt.Errorf(\"c: %w\", p)\n"
               "\tfmt.Println(errors.Is(e2, p), errors.Unwrap(e2) == p, errors.As(e2, &nf), nf.Key)\n}\n",
               "false true true 3 a: b: to 3\ntrue true true k\n", 0, NULL);
}

/* panic(3.5) prints the float as the builtin print does. */
static void test_panic_float(void **state)
{
    (void)state;
    expect_run("package main\n\ntype F float64\n\nfunc main() {\n\tdefer func() {\n\t\tr := recover()\n\t\tpanic(r.(float64) * 2)\n\t}()\n\tpanic(F(1.25) + 0.25)\n}\n",
               "", 2, "panic: main.F(+1.500000e+000) [recovered]\n\tpanic: interface conversion: interface {} is main.F, not float64\n");
}

/* Library glue of io.Writer over buffers and files, WriteTo in a
 * defer, rand.New, errors.Is through %w, methods of typed constants. */
static void test_writers_and_errors(void **state)
{
    (void)state;
    expect_run("package main\n\nimport (\n\t\"bytes\"\n\t\"errors\"\n\t\"fmt\"\n\t\"io\"\n\t\"math/rand\"\n\t\"os\"\n\t\"time\"\n)\n\n"
               "var ErrX = errors.New(\"x\")\n\n"
               "func say(w io.Writer, s string) { fmt.Fprintln(w, s) }\n\n"
               "func main() {\n"
               "\tvar b bytes.Buffer\n\tdefer b.WriteTo(os.Stdout)\n"
               "\tsay(&b, \"buffered\")\n\tsay(os.Stdout, \"direct\")\n"
               "\terr := fmt.Errorf(\"wrap: %w\", ErrX)\n"
               "\tr1, r2 := rand.New(rand.NewSource(3)), rand.New(rand.NewSource(3))\n"
               "\tfmt.Println(err, errors.Is(err, ErrX), errors.Unwrap(err) == ErrX, r1.Intn(50) == r2.Intn(50))\n"
               "\tfmt.Println(time.Hour.Minutes(), (90 * time.Second).Seconds())\n}\n",
               "direct\nwrap: x true true true\n60 90\nbuffered\n", 0, NULL);
}

/* A clone taken while a panic unwinds steps exactly as the original. */
static void test_clone_mid_panic(void **state)
{
    (void)state;
    Program *p = compile_text("t.go",
        "package main\n\nimport \"fmt\"\n\n"
        "func main() {\n\tdefer fmt.Println(\"one\")\n"
        "\tdefer func() {\n\t\tr := recover()\n\t\tfmt.Println(\"got\", r)\n\t\tpanic(\"again\")\n\t}()\n"
        "\tpanic(\"first\")\n}\n");
    Machine *m = start(p, 1, POLICY_GO, 1);
    bool seen = false;
    while (m->status == M_RUNNING && !seen) {
        machine_step(m);
        seen = m->gs[0].npanics > 0;
    }
    assert_true(seen);
    Machine *c = machine_clone(m);
    assert_same_machine(m, c);
    machine_run(m, 100000);
    machine_run(c, 100000);
    assert_same_machine(m, c);
    assert_int_equal(m->exit_code, 2);
    char *e = strndup(m->stderr_buf, m->stderr_len);
    assert_non_null(strstr(e, "panic: first [recovered]\n\tpanic: again\n"));
    free(e);
    machine_free(c);
    machine_free(m);
    program_free(p);
}

/* Runtime types: %T names, method tables. */
static void test_runtime_types(void **state)
{
    (void)state;
    Program *p = compile_text("t.go",
        "package main\n\nimport \"fmt\"\n\n"
        "type T struct{ a int }\n\nfunc (t *T) M() {}\n\n"
        "func main() {\n\tvar x interface{} = &T{}\n\tfmt.Println(x)\n}\n");
    int ptr = -1;
    for (int i = 0; i < p->ntypes; i++)
        if (p->types[i].goname && !strcmp(p->types[i].goname, "*main.T")) ptr = i;
    assert_true(ptr >= 0);
    assert_int_equal(p->types[ptr].kind, RT_PTR);
    const TypeLayout *t = &p->types[p->types[ptr].elem];
    assert_string_equal(t->goname, "main.T");
    assert_int_equal(t->nmethods, 1);
    assert_string_equal(t->methods[0].name, "M");
    assert_true(t->methods[0].ptr_recv);
    assert_string_equal(p->protos[t->methods[0].proto].name, "(*T).M");
    program_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_methods_value_and_pointer),
        cmocka_unit_test(test_struct_values_copy),
        cmocka_unit_test(test_interfaces_dispatch_and_assert),
        cmocka_unit_test(test_switch_and_labels),
        cmocka_unit_test(test_panic_recover_named_results),
        cmocka_unit_test(test_os_exit_skips_defers),
        cmocka_unit_test(test_clone_mid_panic),
        cmocka_unit_test(test_embedding_and_promotion),
        cmocka_unit_test(test_fmt_fields_and_library),
        cmocka_unit_test(test_fmt_slice_elements),
        cmocka_unit_test(test_fmt_go_syntax),
        cmocka_unit_test(test_struct_elements),
        cmocka_unit_test(test_slice_of_defined_type),
        cmocka_unit_test(test_unnamed_dynamic_types),
        cmocka_unit_test(test_fmt_spread),
        cmocka_unit_test(test_deferred_stringers),
        cmocka_unit_test(test_two_embedded_fields),
        cmocka_unit_test(test_underlying_conversions),
        cmocka_unit_test(test_errors_as),
        cmocka_unit_test(test_panic_float),
        cmocka_unit_test(test_writers_and_errors),
        cmocka_unit_test(test_runtime_types),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
