/* prompt.h — a one-line text prompt at the bottom of the screen (`:`).
 *
 * While it is open every key goes to it: characters are typed, Backspace
 * deletes the last one, Ctrl-U all of them, Enter submits, Esc cancels.  It
 * holds only text; what the text means is the submitter's business (the
 * live screen parses a frame or a time), and view_prompt_draw draws it.
 */
#ifndef INTERLEAVE_PROMPT_H
#define INTERLEAVE_PROMPT_H

#include <stdbool.h>

#define PROMPT_MAX 64          /* bytes of UTF-8: a frame or a time is short */

typedef struct Prompt {
    bool open;
    const char *label;         /* ":"                                        */
    const char *hint;          /* what to type, shown after the text         */
    char text[PROMPT_MAX];
    int len;
} Prompt;

typedef enum PromptResult { PROMPT_EDITING, PROMPT_SUBMIT, PROMPT_CANCEL } PromptResult;

void prompt_open(Prompt *p, const char *label, const char *hint);
/* One key (keys_read's code); SUBMIT and CANCEL close the prompt, and after
 * SUBMIT p->text holds what was typed. */
PromptResult prompt_key(Prompt *p, int key);

#endif
