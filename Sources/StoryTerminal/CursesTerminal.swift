import CNcursesw
import CSignalGuard
import StoryUI
#if canImport(Glibc)
import Glibc
#endif

public enum TerminalError: Error, CustomStringConvertible {
    case noTerminal
    case unknownType(String?)
    case cannotAddress(String)
    public var description: String {
        switch self {
        case .noTerminal: return "no terminal to read keys from (use --format text or json)"
        case .unknownType(let name?):
            return "the terminal type '\(name)' has no terminfo entry here: set TERM (e.g. TERM=xterm-256color) or use --format text"
        case .unknownType(nil): return "TERM is not set, so the terminal cannot be driven: set it (e.g. TERM=xterm-256color) or use --format text"
        case .cannotAddress(let name): return "the terminal type '\(name)' cannot move the cursor, which the reader needs: use --format text"
        }
    }
}

/// What reading a key found.
public enum KeyRead: Equatable {
    case key(Key)
    /// Nothing this time (the timeout passed, or an event with no key).
    case nothing
    /// The terminal is gone (closed, hung up): the reader must end.
    case gone
}

/// The terminal backend: puts a `ScreenGrid` on the screen and turns curses input into `Key`s.
/// The only code that calls curses. Not Sendable: curses is global state, used from one thread.
public final class CursesTerminal {
    public private(set) var colors = 0
    private var pairs: [PairKey: Int16] = [:]
    private var open = false
    private var inputDescriptor: Int32 = 0
    private var blocking = true
    /// Reads in a row that gave nothing although input was said to be there: end of file.
    private var emptyReads = 0

    private struct PairKey: Hashable { var foreground: Int16; var background: Int16 }

    public init() {}

    /// Starts curses: locale (UTF-8, with a fallback), raw keys, colours, mouse wheel, and a
    /// restore of the terminal on every signal and crash (CSignalGuard).
    public func start() throws {
        setlocale(LC_ALL, "")
        if cn_codeset_is_utf8() == 0 { setlocale(LC_CTYPE, "C.UTF-8") }
        // ncurses installs its resize handler only when SIGWINCH has the default disposition, and
        // a signal the parent blocked never arrives (threads of libdispatch block nearly all, and
        // children inherit the mask): unblock the ones the reader relies on, or it would miss
        // resizes and could not restore the terminal on SIGINT or SIGTERM.
        signal(SIGWINCH, SIG_DFL)
        var wanted = sigset_t()
        sigemptyset(&wanted)
        for signalNumber in [SIGWINCH, SIGINT, SIGTERM, SIGHUP, SIGCONT, SIGTSTP] { sigaddset(&wanted, signalNumber) }
        pthread_sigmask(SIG_UNBLOCK, &wanted, nil)
        // newterm, unlike initscr, returns nil for a terminal type it does not know instead of
        // printing its own message and exiting.
        let input: UnsafeMutablePointer<FILE>
        if isatty(0) != 0, let standardInput = fdopen(dup(0), "r") {
            input = standardInput
        } else {
            // A story came on standard input: read keys from the terminal itself.
            guard let terminal = fopen("/dev/tty", "r") else { throw TerminalError.noTerminal }
            input = terminal
        }
        inputDescriptor = fileno(input)
        let type = getenv("TERM").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
        guard type != nil else { fclose(input); throw TerminalError.unknownType(nil) }
        sg_arm_terminal(inputDescriptor, 1)
        guard newterm(nil, cn_stdout(), input) != nil else {
            sg_restore_terminal()
            fclose(input)
            throw TerminalError.unknownType(type)
        }
        open = true
        guard Self.capability("cup") != nil else {
            stop()
            throw TerminalError.cannotAddress(type ?? "")
        }
        // What endwin would send, ready for a signal handler that cannot call endwin.
        let restore = ["sgr0", "cnorm", "rmkx", "rmcup"].compactMap(Self.capability).joined()
            + (Self.capability("kmous") != nil ? "\u{1B}[?1000l\u{1B}[?1006l" : "")
        sg_set_restore_sequence(restore)
        sg_install_handlers(1)
        cbreak()
        noecho()
        nonl()
        keypad(cn_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        if has_colors() {
            start_color()
            use_default_colors()
            colors = Int(cn_colors())
        }
        mousemask(cn_wheel_mask(), nil)
        mouseinterval(0)
    }

    /// Restores the terminal. Safe to call more than once.
    public func stop() {
        guard open else { return }
        open = false
        endwin()
        sg_restore_terminal()
    }

    /// A terminfo string capability, if the terminal has it.
    private static func capability(_ name: String) -> String? {
        guard let value = tigetstr(name), Int(bitPattern: value) != -1 else { return nil }
        return String(cString: value)
    }

    deinit { stop() }

    public var size: (width: Int, height: Int) { (Int(cn_cols()), Int(cn_lines())) }

    /// Draws a frame; curses sends only what changed.
    public func draw(_ grid: ScreenGrid) {
        let window = cn_stdscr()
        for y in 0..<grid.height {
            wmove(window, Int32(y), 0)
            for x in 0..<grid.width {
                let cell = grid[x, y]
                if cell.text.isEmpty { continue }           // second column of a wide character
                let columns = x + 1 < grid.width && grid[x + 1, y].text.isEmpty ? 2 : 1
                var attributes: attr_t = 0
                if cell.style.bold { attributes |= cn_a_bold() }
                if cell.style.dim { attributes |= cn_a_dim() }
                if cell.style.italic { attributes |= cn_a_italic() }
                if cell.style.underline { attributes |= cn_a_underline() }
                if cell.style.reverse { attributes |= cn_a_reverse() }
                for (offset, wide) in Self.curses(cell.text, columns: columns).enumerated() {
                    var character = cchar_t()
                    if setcchar(&character, wide, attributes, pair(for: cell.style), nil) == ERR {
                        setcchar(&character, [wchar_t(0xFFFD), 0], attributes, pair(for: cell.style), nil)
                    }
                    mvwadd_wch(window, Int32(y), Int32(x + offset), &character)
                }
            }
        }
        wnoutrefresh(window)
        doupdate()
    }

    /// A grapheme as curses can hold it: one spacing character and up to four zero-width ones
    /// in a cell. Clusters of several spacing characters (emoji joined by ZWJ, skin-tone
    /// modifiers, flags) do not fit, and terminals differ on their width, so they are drawn as
    /// a placeholder of exactly the columns the layout gave them: a flag as its two letters
    /// (🇺🇦 as "UA"), any other as 〓 (two columns) or � (one). Nothing else on the line moves.
    /// Returns the cells to draw from the grapheme's column on, each a 0-terminated string.
    static func curses(_ grapheme: String, columns: Int) -> [[wchar_t]] {
        let scalars = Array(grapheme.unicodeScalars)
        let spacing = scalars.dropFirst().filter { wcwidth(wchar_t(bitPattern: $0.value)) != 0 }
        if spacing.isEmpty && scalars.count <= 5 { return [scalars.map { wchar_t(bitPattern: $0.value) } + [0]] }
        if spacing.isEmpty, let first = scalars.first { return [[wchar_t(bitPattern: first.value), 0]] }   // too many marks: the base
        let indicators = scalars.filter { (0x1F1E6...0x1F1FF).contains($0.value) }
        if indicators.count == 2 && scalars.count == 2 && columns == 2 {
            return indicators.map { [wchar_t(bitPattern: 0x41 + $0.value - 0x1F1E6), 0] }
        }
        return columns == 2 ? [[wchar_t(0x3013), 0]] : [[wchar_t(0xFFFD), 0]]
    }

    private func pair(for style: Style) -> Int16 {
        guard colors > 0 else { return 0 }
        func number(_ color: TerminalColor) -> Int16 {
            switch color {
            case .default: return -1
            case .indexed(let index):
                if Int(index) < colors { return Int16(index) }
                if case .indexed(let basic) = TerminalColor.indexed(index).basic { return Int16(basic) }
                return -1
            }
        }
        let key = PairKey(foreground: number(style.foreground), background: number(style.background))
        if key.foreground == -1 && key.background == -1 { return 0 }
        if let existing = pairs[key] { return existing }
        let next = Int16(pairs.count + 1)
        guard Int32(next) < cn_color_pairs() else { return 0 }
        init_pair(next, key.foreground, key.background)
        pairs[key] = next
        return next
    }

    /// How long `readKey` waits before returning nil: nil waits for a key; a number lets the
    /// caller look at other work (facts still being found) between keys.
    public func setKeyTimeout(milliseconds: Int32?) {
        blocking = milliseconds == nil
        wtimeout(cn_stdscr(), milliseconds ?? -1)
    }

    /// Waits for the next key or event (or the timeout, if one is set); says when the terminal
    /// has gone away (closed or hung up: end of file or an error on input).
    public func read() -> KeyRead {
        var character: wint_t = 0
        errno = 0
        let result = wget_wch(cn_stdscr(), &character)
        if result == ERR {
            if errno == EIO || errno == EBADF { return .gone }
            var poller = pollfd(fd: inputDescriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, 0)
            if ready < 0 && errno != EINTR { return .gone }
            if ready > 0 && poller.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return .gone }
            // Input said to be ready that gives nothing, or a blocking read that returns with
            // nothing, again and again: the end of the input.
            if (ready > 0 && poller.revents & Int16(POLLIN) != 0) || blocking {
                emptyReads += 1
                if emptyReads >= 64 { return .gone }
            }
            return .nothing
        }
        emptyReads = 0
        return readKey(result, character).map(KeyRead.key) ?? .nothing
    }

    private func readKey(_ result: Int32, _ character: wint_t) -> Key? {
        if result == KEY_CODE_YES {
            switch Int32(character) {
            case KEY_UP: return .up
            case KEY_DOWN: return .down
            case KEY_LEFT: return .left
            case KEY_RIGHT: return .right
            case KEY_NPAGE: return .pageDown
            case KEY_PPAGE: return .pageUp
            case KEY_HOME: return .home
            case KEY_END: return .end
            case KEY_ENTER: return .enter
            case KEY_BTAB: return .backTab
            case KEY_BACKSPACE: return .backspace
            case KEY_RESIZE: return .resize(width: size.width, height: size.height)
            case KEY_MOUSE:
                var event = MEVENT()
                guard getmouse(&event) == OK else { return nil }
                if event.bstate & cn_wheel_up() != 0 { return .wheelUp }
                if cn_wheel_down() != 0 && event.bstate & cn_wheel_down() != 0 { return .wheelDown }
                return nil
            default: return nil
            }
        }
        switch character {
        case 0x0D, 0x0A: return .enter
        case 0x09: return .tab
        case 0x1B: return .escape
        case 0x7F, 0x08: return .backspace
        case 0x03: return .interrupt
        default:
            guard let scalar = Unicode.Scalar(UInt32(character)) else { return nil }
            return .character(Character(scalar))
        }
    }
}
