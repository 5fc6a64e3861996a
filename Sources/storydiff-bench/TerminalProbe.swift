import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Times the reader as a user meets it: the program started on a pseudo-terminal of a given
/// size, until its first full screen is drawn (the status line's "q quit" has arrived); then it is
/// sent SIGTERM, which it answers by restoring the terminal and exiting.
enum TerminalProbe {
    /// Milliseconds from spawn to the first screen, or nil when the program never drew one
    /// (within `limit` seconds) or could not be started.
    static func firstScreen(_ program: String, _ arguments: [String], width: Int = 120, height: Int = 40, limit: Double = 60) -> Double? {
        #if canImport(Glibc)
        // posix_openpt and ptsname are not in Swift's Glibc module: /dev/ptmx and its ioctls
        // (TIOCSPTLCK unlocks the other end, TIOCGPTN names it) do the same on Linux.
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        guard master >= 0 else { return nil }
        defer { close(master) }
        var unlock: Int32 = 0, number: UInt32 = 0
        guard ioctl(master, 0x4004_5431, &unlock) == 0, ioctl(master, 0x8004_5430, &number) == 0 else { return nil }
        let slavePath = "/dev/pts/\(number)"
        var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor in 0...2 {
            posix_spawn_file_actions_addopen(&actions, Int32(descriptor), slavePath, descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // A session of its own, so that the pseudo-terminal becomes its controlling terminal.
        posix_spawnattr_setflags(&attributes, 0x80)  // POSIX_SPAWN_SETSID (glibc 2.26)
        var environment = ProcessInfo.processInfo.environment
        environment["TERM"] = "xterm-256color"
        environment["CI"] = nil
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }

        let clock = ContinuousClock()
        let start = clock.now
        var pid = pid_t()
        guard posix_spawn(&pid, program, &actions, &attributes, argv, envp) == 0 else { return nil }
        var seen: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        var elapsed: Double?
        let marker = Array("q quit".utf8)
        while elapsed == nil, ScaleBenchmark.milliseconds(clock.now - start) < limit * 1000 {
            var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 50) >= 0 || errno == EINTR else { break }
            guard poller.revents & Int16(POLLIN) != 0 else {
                if poller.revents & Int16(POLLHUP) != 0 { break }
                continue
            }
            let count = read(master, &buffer, buffer.count)
            guard count > 0 else { break }
            seen.append(contentsOf: buffer[0..<count])
            if contains(seen, marker) { elapsed = ScaleBenchmark.milliseconds(clock.now - start) }
            if seen.count > 1 << 20 { seen.removeFirst(seen.count - marker.count) }
        }
        kill(pid, SIGTERM)
        // Keep draining so that the program's last writes (restoring the terminal) never block it.
        var status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) == 0 {
            var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            if poll(&poller, 1, 10) > 0, read(master, &buffer, buffer.count) <= 0 { usleep(1000) }
        }
        return elapsed
        #else
        return nil
        #endif
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count else { return false }
        // Only the tail can hold a new match, but the tail may be long after a big read.
        return haystack.indices.dropLast(needle.count - 1).contains { start in
            haystack[start] == needle[0] && haystack[start..<(start + needle.count)].elementsEqual(needle)
        }
    }
}
