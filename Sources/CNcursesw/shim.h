#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H

/* Declare the X/Open wide-character API (get_wch, wget_wch, mvwaddnwstr, ...).
 * SwiftPM drops pkg-config's -D flags, so define it here. */
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#if __has_include(<ncursesw/curses.h>)
#include <ncursesw/curses.h>
#else
#include <curses.h>
#endif

/* Function-like macros are not imported into Swift: wrap the few we use. */
static inline attr_t cnc_COLOR_PAIR(int n) { return (attr_t)COLOR_PAIR(n); }
static inline int cnc_KEY_F(int n) { return KEY_F(n); }
static inline attr_t cnc_A_NORMAL(void) { return A_NORMAL; }
static inline attr_t cnc_A_BOLD(void) { return A_BOLD; }
static inline attr_t cnc_A_DIM(void) { return A_DIM; }
static inline attr_t cnc_A_REVERSE(void) { return A_REVERSE; }
static inline attr_t cnc_A_UNDERLINE(void) { return A_UNDERLINE; }

/* Mouse wheel buttons (NCURSES_MOUSE_MASK is a function-like macro). */
static inline mmask_t cnc_BUTTON4_PRESSED(void) { return BUTTON4_PRESSED; }
static inline mmask_t cnc_BUTTON5_PRESSED(void) { return BUTTON5_PRESSED; }

#endif /* CNCURSESW_SHIM_H */
