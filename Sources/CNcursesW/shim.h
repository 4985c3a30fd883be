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
#include <stdlib.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/ioctl.h>
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

/* Bytes this process has passed to write() so far (Linux /proc/self/io "wchar"), -1 if unknown.
   ncurses writes a frame with write() on the terminal's descriptor during doupdate(), so the
   difference around doupdate() is what the terminal receives, on a tty as on a file. */
static inline long long releve_process_bytes_written(void) {
    FILE *io = fopen("/proc/self/io", "r");
    if (io == NULL) return -1;
    char line[128];
    long long value = -1;
    while (fgets(line, sizeof line, io) != NULL) {
        if (strncmp(line, "wchar:", 6) == 0) { value = atoll(line + 6); break; }
    }
    fclose(io);
    return value;
}

/* A pseudo-terminal of rows x cols for benchmarks: ncurses draws on the slave, the caller reads
   (and counts) on the non-blocking master what a terminal would receive. 0 on success. */
static inline int releve_open_pty(int *master, int *slave, int rows, int cols) {
#ifdef __linux__
    int m = open("/dev/ptmx", O_RDWR | O_NOCTTY);
    if (m < 0) return -1;
    int unlock = 0, number = 0;
    if (ioctl(m, TIOCSPTLCK, &unlock) < 0 || ioctl(m, TIOCGPTN, &number) < 0) { close(m); return -1; }
    char name[64];
    snprintf(name, sizeof name, "/dev/pts/%d", number);
    int s = open(name, O_RDWR | O_NOCTTY);
    if (s < 0) { close(m); return -1; }
    struct winsize size;
    memset(&size, 0, sizeof size);
    size.ws_row = (unsigned short)rows;
    size.ws_col = (unsigned short)cols;
    ioctl(m, TIOCSWINSZ, &size);
    fcntl(m, F_SETFL, fcntl(m, F_GETFL) | O_NONBLOCK);
    *master = m;
    *slave = s;
    return 0;
#else
    (void)master; (void)slave; (void)rows; (void)cols;
    return -1;
#endif
}

/* Reads everything waiting on a non-blocking descriptor; returns how many bytes. */
static inline long long releve_drain(int fd) {
    char buffer[65536];
    long long total = 0;
    for (;;) {
        ssize_t n = read(fd, buffer, sizeof buffer);
        if (n > 0) { total += n; continue; }
        if (n < 0 && errno == EINTR) continue;
        return total;
    }
}

static inline FILE *releve_fdopen(int fd, const char *mode) { return fdopen(fd, mode); }

#endif
