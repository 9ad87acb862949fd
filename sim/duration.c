/* duration.c — Go's time.Duration.String (src/time/time.go) on the virtual clock.
 *
 * Durations under a second print with the largest unit that keeps the integer
 * part non-zero (ns, µs, ms); longer ones as [h][m]s with a fractional second
 * trimmed of trailing zeros, exactly as Go does. */
#include "duration.h"

#include <stdio.h>
#include <string.h>

/* Digits of frac (prec digits wide) without trailing zeros, after a '.'. */
static int put_fraction(char *out, uint64_t frac, int prec)
{
    char digits[24];
    int len = 0;
    int printed = 0;
    for (int i = 0; i < prec; i++) {
        int d = (int)(frac % 10);
        frac /= 10;
        if (printed || d != 0) {
            digits[len++] = (char)('0' + d);
            printed = 1;
        }
    }
    if (!printed) return 0;
    out[0] = '.';
    for (int i = 0; i < len; i++) out[1 + i] = digits[len - 1 - i];
    return len + 1;
}

size_t duration_format(int64_t ns, char *buf, size_t n)
{
    char tmp[64];
    int pos = 0;
    int neg = ns < 0;
    uint64_t u = neg ? (uint64_t)0 - (uint64_t)ns : (uint64_t)ns;
    if (neg) tmp[pos++] = '-';

    if (u == 0) {
        pos += sprintf(tmp + pos, "0s");
    } else if (u < 1000000000ULL) {
        static const char *const units[] = {"ns", "µs", "ms"};
        uint64_t scale = 1;
        int unit = 0;
        while (unit < 2 && u >= scale * 1000) {
            scale *= 1000;
            unit++;
        }
        int prec = unit * 3;
        pos += sprintf(tmp + pos, "%llu", (unsigned long long)(u / scale));
        pos += put_fraction(tmp + pos, u % scale, prec);
        pos += sprintf(tmp + pos, "%s", units[unit]);
    } else {
        uint64_t secs = u / 1000000000ULL, frac = u % 1000000000ULL;
        uint64_t h = secs / 3600, m = (secs / 60) % 60, s = secs % 60;
        if (h) pos += sprintf(tmp + pos, "%lluh", (unsigned long long)h);
        if (h || m) pos += sprintf(tmp + pos, "%llum", (unsigned long long)m);
        pos += sprintf(tmp + pos, "%llu", (unsigned long long)s);
        pos += put_fraction(tmp + pos, frac, 9);
        tmp[pos++] = 's';
        tmp[pos] = '\0';
    }
    if (n) {
        size_t c = (size_t)pos < n - 1 ? (size_t)pos : n - 1;
        memcpy(buf, tmp, c);
        buf[c] = '\0';
    }
    return (size_t)pos;
}

int duration_parse(const char *s, int64_t *ns)
{
    static const struct { const char *name; int64_t ns; } units[] = {
        {"ns", 1}, {"us", 1000}, {"\xc2\xb5s", 1000}, {"\xce\xbcs", 1000}, {"ms", 1000000},
        {"s", 1000000000LL}, {"m", 60000000000LL}, {"h", 3600000000000LL},
    };
    if (s[0] == '+') s++;
    if (!*s) return -1;
    if (!strcmp(s, "0")) { *ns = 0; return 0; }
    long double total = 0;
    while (*s) {
        long double v = 0, scale = 1;
        int digits = 0;
        for (; *s >= '0' && *s <= '9'; s++, digits++) v = v * 10 + (*s - '0');
        if (*s == '.')
            for (s++; *s >= '0' && *s <= '9'; s++, digits++) v += (*s - '0') * (scale /= 10);
        if (!digits) return -1;
        size_t k = 0, best = 0;
        int64_t unit = 0;
        for (size_t u = 0; u < sizeof units / sizeof units[0]; u++) {
            k = strlen(units[u].name);
            if (!strncmp(s, units[u].name, k) && k > best) best = k, unit = units[u].ns;
        }
        if (!best) return -1;
        s += best;
        total += v * (long double)unit;
        if (total > 9.2e18L) return -1;
    }
    *ns = (int64_t)(total + 0.5L);
    return 0;
}
