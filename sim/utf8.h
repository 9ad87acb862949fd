/* utf8.h — encoding runes as UTF-8, shared by the lexer (string escapes) and
 * the VM (string(r), []rune conversions, WriteRune, %c). */
#ifndef INTERLEAVE_UTF8_H
#define INTERLEAVE_UTF8_H

#include <stdint.h>

/* Encode r into out (room for 4 bytes); a negative rune, a surrogate or one
 * past U+10FFFF becomes U+FFFD, as Go's utf8.EncodeRune does.  Returns the
 * byte count. */
int utf8_encode(int64_t r, char *out);

#endif
