/* prompt.c — the one-line prompt's editing (see prompt.h). */
#include "prompt.h"

#include <curses.h>
#include <string.h>

#include "keys.h"
#include "utf8.h"

void prompt_open(Prompt *p, const char *label, const char *hint)
{
    p->open = true;
    p->label = label;
    p->hint = hint;
    p->text[0] = '\0';
    p->len = 0;
}

/* Back over the last character, whatever its UTF-8 length. */
static void delete_last(Prompt *p)
{
    while (p->len > 0) {
        unsigned char c = (unsigned char)p->text[--p->len];
        if ((c & 0xc0) != 0x80) break;
    }
    p->text[p->len] = '\0';
}

PromptResult prompt_key(Prompt *p, int key)
{
    switch (key) {
    case 27:
        p->open = false;
        return PROMPT_CANCEL;
    case '\r': case '\n': case KEYCODE(KEY_ENTER):
        p->open = false;
        return PROMPT_SUBMIT;
    case KEYCODE(KEY_BACKSPACE): case 127: case CTRL_KEY('h'):
        delete_last(p);
        return PROMPT_EDITING;
    case CTRL_KEY('u'):
        p->len = 0;
        p->text[0] = '\0';
        return PROMPT_EDITING;
    default:
        break;
    }
    if (key & KEYCODE_TAG || key < ' ' || key == 127) return PROMPT_EDITING;   /* arrows, F-keys */
    char enc[4];
    int n = utf8_encode(key, enc);
    if (n > 0 && p->len + n < PROMPT_MAX) {
        memcpy(p->text + p->len, enc, (size_t)n);
        p->len += n;
        p->text[p->len] = '\0';
    }
    return PROMPT_EDITING;
}
