/* test_duration.c — duration_format against what Go 1.19 prints.
 * The expected strings were printed by real Go 1.19 for
 *   for _, d := range []time.Duration{...} { fmt.Println(int64(d), d.String()) } */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "duration.h"

static const struct { int64_t ns; const char *go; } cases[] = {
    {0, "0s"}, {1, "1ns"}, {999, "999ns"}, {1000, "1µs"}, {1500, "1.5µs"},
    {1001001, "1.001001ms"}, {999999999, "999.999999ms"}, {1000000000, "1s"},
    {2000000001, "2.000000001s"}, {90000000000, "1m30s"}, {3600000000000, "1h0m0s"},
    {3600000000001, "1h0m0.000000001s"}, {-1500, "-1.5µs"},
    {12345678901234, "3h25m45.678901234s"},
};

static void test_matches_go(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char buf[64];
        size_t need = duration_format(cases[i].ns, buf, sizeof buf);
        assert_string_equal(buf, cases[i].go);
        assert_int_equal(need, strlen(cases[i].go));
    }
}

static void test_truncates_like_snprintf(void **state)
{
    (void)state;
    char buf[4];
    size_t need = duration_format(90000000000, buf, sizeof buf);
    assert_int_equal(need, 5);
    assert_string_equal(buf, "1m3");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_matches_go),
        cmocka_unit_test(test_truncates_like_snprintf),
    };
    return cmocka_run_group_tests_name("duration", tests, NULL, NULL);
}
