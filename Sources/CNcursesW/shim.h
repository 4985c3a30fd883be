#ifndef RELEVE_CNCURSESW_SHIM_H
#define RELEVE_CNCURSESW_SHIM_H

/* SwiftPM drops pkg-config's -D_XOPEN_SOURCE: ask for the wide-character API explicitly. */
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <string.h>
#include <stdio.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* Macros and C globals do not import (or are not concurrency-safe) in Swift 6: wrap them. */
static inline WINDOW *releve_stdscr(void) { return stdscr; }
static inline int releve_lines(void) { return LINES; }
static inline int releve_cols(void) { return COLS; }
static inline int releve_colors(void) { return COLORS; }
static inline int releve_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t releve_a_normal(void) { return A_NORMAL; }
static inline attr_t releve_a_bold(void) { return A_BOLD; }
static inline attr_t releve_a_underline(void) { return A_UNDERLINE; }
static inline attr_t releve_a_reverse(void) { return A_REVERSE; }
static inline attr_t releve_a_dim(void) { return A_DIM; }
static inline int releve_key_resize(void) { return KEY_RESIZE; }
static inline int releve_getmaxy(WINDOW *w) { return getmaxy(w); }
static inline int releve_getmaxx(WINDOW *w) { return getmaxx(w); }
static inline int releve_set_locale(void) { return setlocale(LC_ALL, "") != NULL; }
static inline attr_t releve_color_pair(int pair) { return COLOR_PAIR(pair); }
static inline int releve_read_key(wint_t *ch) { return wget_wch(stdscr, ch); }
static inline int releve_key_code_yes(void) { return KEY_CODE_YES; }
static inline int releve_key_f0(void) { return KEY_F0; }
static inline int releve_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

static inline FILE *releve_stdout(void) { return stdout; }
static inline FILE *releve_stdin(void) { return stdin; }

#endif
