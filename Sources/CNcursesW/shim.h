#ifndef RELEVE_CNCURSESW_SHIM_H
#define RELEVE_CNCURSESW_SHIM_H

/* SwiftPM drops pkg-config's -D_XOPEN_SOURCE: ask for the wide-character API explicitly. */
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
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

#endif
