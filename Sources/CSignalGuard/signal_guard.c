#define _GNU_SOURCE 1
#include "signal_guard.h"
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <termios.h>
#include <unistd.h>

static volatile sig_atomic_t terminal_armed = 0;
static int terminal_fd = -1;
static int screen_fd = -1;
static struct termios saved_modes;
static char restore_bytes[512];
static size_t restore_length = 0;

static volatile sig_atomic_t temporary_set = 0;
static char temporary_path[4096];

static int saved_stderr = -1;
static int captured_stderr = -1;

static char alternate_stack[64 * 1024];

static void write_all(int fd, const char *bytes, size_t length) {
    while (length > 0) {
        ssize_t written = write(fd, bytes, length);
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) return;
        bytes += written;
        length -= (size_t)written;
    }
}

void sg_arm_terminal(int input_fd, int output_fd) {
    if (tcgetattr(input_fd, &saved_modes) != 0) return;
    restore_length = 0;
    terminal_fd = input_fd;
    screen_fd = output_fd;
    terminal_armed = 1;
}

void sg_set_restore_sequence(const char *restore_sequence) {
    size_t length = restore_sequence ? strlen(restore_sequence) : 0;
    if (length >= sizeof restore_bytes) length = sizeof restore_bytes - 1;
    restore_length = 0;
    if (length) memcpy(restore_bytes, restore_sequence, length);
    restore_length = length;
}

static void restore_terminal_now(void) {
    if (!terminal_armed) return;
    terminal_armed = 0;
    write_all(screen_fd, restore_bytes, restore_length);
    tcsetattr(terminal_fd, TCSANOW, &saved_modes);
}

void sg_restore_terminal(void) { restore_terminal_now(); }

void sg_capture_stderr(void) {
    if (captured_stderr >= 0) return;
    int buffer = memfd_create("storydiff-stderr", 0);
    if (buffer < 0) return;
    int copy = dup(2);
    if (copy < 0) { close(buffer); return; }
    if (dup2(buffer, 2) < 0) { close(buffer); close(copy); return; }
    saved_stderr = copy;
    captured_stderr = buffer;
}

// Puts standard error back and copies what was written to it meanwhile. Async-signal-safe.
static void release_stderr_now(void) {
    if (captured_stderr < 0 || saved_stderr < 0) return;
    int buffer = captured_stderr;
    captured_stderr = -1;
    dup2(saved_stderr, 2);
    close(saved_stderr);
    saved_stderr = -1;
    if (lseek(buffer, 0, SEEK_SET) == 0) {
        char chunk[4096];
        ssize_t count;
        while ((count = read(buffer, chunk, sizeof chunk)) > 0) write_all(2, chunk, (size_t)count);
    }
    close(buffer);
}

void sg_release_stderr(void) { release_stderr_now(); }

void sg_set_temporary_file(const char *path) {
    temporary_set = 0;
    size_t length = strlen(path);
    if (length >= sizeof temporary_path) return;
    memcpy(temporary_path, path, length + 1);
    temporary_set = 1;
}

void sg_clear_temporary_file(void) { temporary_set = 0; }

static int is_crash(int signal_number) {
    return signal_number == SIGABRT || signal_number == SIGSEGV || signal_number == SIGBUS || signal_number == SIGILL
        || signal_number == SIGTRAP || signal_number == SIGFPE || signal_number == SIGSYS;
}

static const char *signal_name(int signal_number) {
    switch (signal_number) {
    case SIGABRT: return "SIGABRT"; case SIGSEGV: return "SIGSEGV"; case SIGBUS: return "SIGBUS";
    case SIGILL: return "SIGILL"; case SIGTRAP: return "SIGTRAP"; case SIGFPE: return "SIGFPE"; case SIGSYS: return "SIGSYS";
    default: return "a signal";
    }
}

static void on_signal(int signal_number) {
    int saved_errno = errno;
    if (temporary_set) { temporary_set = 0; unlink(temporary_path); }
    int had_terminal = terminal_armed;
    restore_terminal_now();
    release_stderr_now();
    if (is_crash(signal_number)) {
        const char *name = signal_name(signal_number);
        write_all(2, "storydiff: internal error (", 27);
        write_all(2, name, strlen(name));
        const char *tail = had_terminal ? "); the terminal was restored. Please report it.\n" : "). Please report it.\n";
        write_all(2, tail, strlen(tail));
    }
    // Die of the same signal, as the default action would have: the exit status tells the caller.
    signal(signal_number, SIG_DFL);
    sigset_t only;
    sigemptyset(&only);
    sigaddset(&only, signal_number);
    sigprocmask(SIG_UNBLOCK, &only, NULL);
    raise(signal_number);
    errno = saved_errno;
}

void sg_install_handlers(int with_crashes) {
    static const int ordinary[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGUSR1, SIGUSR2, SIGALRM, SIGXCPU, SIGXFSZ };
    static const int crashes[] = { SIGABRT, SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGSYS };
    // A stack overflow is a SIGSEGV with no stack left to run the handler on: give it its own.
    stack_t stack = { .ss_sp = alternate_stack, .ss_size = sizeof alternate_stack, .ss_flags = 0 };
    sigaltstack(&stack, NULL);
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_signal;
    action.sa_flags = SA_ONSTACK;
    sigfillset(&action.sa_mask);
    sigset_t unblock;
    sigemptyset(&unblock);
    for (size_t i = 0; i < sizeof ordinary / sizeof ordinary[0]; i++) {
        struct sigaction previous;
        // A signal the parent ignored (nohup, `trap "" HUP`, a script's background job) stays
        // ignored, as a shell keeps it. The reader's exceptions: Ctrl-C and SIGTERM always end
        // it (a full-screen program must not become unkillable from its own keyboard), and so
        // does SIGPIPE (a reader whose terminal is gone must end, not spin).
        int always = with_crashes && (ordinary[i] == SIGINT || ordinary[i] == SIGTERM || ordinary[i] == SIGPIPE);
        if (sigaction(ordinary[i], NULL, &previous) == 0 && previous.sa_handler == SIG_IGN && !always) continue;
        // Reports to a closed pipe end as the writer decides (EPIPE), as they always did.
        if (ordinary[i] == SIGPIPE && !with_crashes) continue;
        sigaction(ordinary[i], &action, NULL);
        sigaddset(&unblock, ordinary[i]);
    }
    if (with_crashes) {
        for (size_t i = 0; i < sizeof crashes / sizeof crashes[0]; i++) {
            sigaction(crashes[i], &action, NULL);
            sigaddset(&unblock, crashes[i]);
        }
    }
    // Threads of libdispatch block nearly every signal and children inherit the mask.
    pthread_sigmask(SIG_UNBLOCK, &unblock, NULL);
}
