// ncursesw for Swift 6. SwiftPM drops the -D flags ncursesw.pc would give, so they are defined
// here; without them the wide-character API silently vanishes.
#ifndef STORYDIFF_CNCURSESW_SHIM_H
#define STORYDIFF_CNCURSESW_SHIM_H
#define _DEFAULT_SOURCE 1
#define _XOPEN_SOURCE 600
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <stdio.h>
#include <signal.h>
#include <ncursesw/curses.h>

// Globals and macros Swift cannot use directly (not concurrency-safe, or not imported).
static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline int cn_lines(void) { return LINES; }
static inline int cn_cols(void) { return COLS; }
static inline int cn_colors(void) { return COLORS; }
static inline int cn_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t cn_a_bold(void) { return A_BOLD; }
static inline attr_t cn_a_dim(void) { return A_DIM; }
static inline attr_t cn_a_italic(void) { return A_ITALIC; }
static inline attr_t cn_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cn_a_reverse(void) { return A_REVERSE; }
static inline mmask_t cn_wheel_up(void) { return BUTTON4_PRESSED; }
#if defined(BUTTON5_PRESSED)
static inline mmask_t cn_wheel_down(void) { return BUTTON5_PRESSED; }
#else
static inline mmask_t cn_wheel_down(void) { return 0; }
#endif
static inline mmask_t cn_wheel_mask(void) { return BUTTON4_PRESSED | cn_wheel_down(); }
static inline FILE *cn_stdout(void) { return stdout; }
static inline int cn_codeset_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset && (codeset[0] == 'U' || codeset[0] == 'u') && (codeset[1] == 'T' || codeset[1] == 't');
}
#endif
