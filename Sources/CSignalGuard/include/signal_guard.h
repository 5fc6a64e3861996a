// What must happen however the process ends: the terminal put back as it was, a report's
// temporary file removed. Signal handlers can only call async-signal-safe functions, and Swift
// closures used as handlers cannot capture state, so this small part is C.
#ifndef STORYDIFF_SIGNAL_GUARD_H
#define STORYDIFF_SIGNAL_GUARD_H

// Remembers the modes of the terminal on input_fd, before curses changes them; output_fd is
// where the screen is drawn.
void sg_arm_terminal(int input_fd, int output_fd);
// The bytes that take the terminal out of full-screen mode (terminfo's rmcup, cnorm, sgr0 ...).
void sg_set_restore_sequence(const char *restore_sequence);
// Puts the terminal back now (the normal way out, after endwin) and forgets it.
void sg_restore_terminal(void);
// While the reader runs, standard error goes to a buffer (so that nothing written there lands
// on the full screen) and is copied to the real standard error when the terminal is restored.
void sg_capture_stderr(void);
void sg_release_stderr(void);
// A temporary file to remove if a signal ends the process before it is renamed into place.
void sg_set_temporary_file(const char *path);
void sg_clear_temporary_file(void);
// Installs the handlers: SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGUSR1, SIGUSR2, SIGALRM,
// SIGXCPU, SIGXFSZ, and the crashes SIGABRT, SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGSYS.
// Each restores what is armed, says so in one line for a crash, then dies of its signal with
// the default action (so no interactive backtrace prompt ever waits over the reader).
// with_crashes = 0 leaves crash signals to the runtime and SIGPIPE as it is (commands that never
// take the terminal: there the handlers only remove a report's temporary file).
void sg_install_handlers(int with_crashes);
#endif
