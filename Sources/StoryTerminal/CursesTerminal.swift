import CNcursesw
import StoryUI
#if canImport(Glibc)
import Glibc
#endif

public enum TerminalError: Error, CustomStringConvertible {
    case noTerminal
    public var description: String { "no terminal to read keys from (use --format text or json)" }
}

/// The terminal backend: puts a `ScreenGrid` on the screen and turns curses input into `Key`s.
/// The only code that calls curses. Not Sendable: curses is global state, used from one thread.
public final class CursesTerminal {
    public private(set) var colors = 0
    private var pairs: [PairKey: Int16] = [:]
    private var open = false

    private struct PairKey: Hashable { var foreground: Int16; var background: Int16 }

    public init() {}

    /// Starts curses: locale (UTF-8, with a fallback), raw keys, colours, mouse wheel, and a
    /// restore on SIGINT and SIGTERM.
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
        if isatty(0) != 0 {
            initscr()
        } else {
            // A story came on standard input: read keys from the terminal itself.
            guard let input = fopen("/dev/tty", "r") else { throw TerminalError.noTerminal }
            guard newterm(nil, cn_stdout(), input) != nil else { throw TerminalError.noTerminal }
        }
        open = true
        CursesTerminal.installSignalRestore()
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
                var wide = Array(cell.text.unicodeScalars.prefix(5).map { wchar_t(bitPattern: $0.value) })
                wide.append(0)
                var attributes: attr_t = 0
                if cell.style.bold { attributes |= cn_a_bold() }
                if cell.style.dim { attributes |= cn_a_dim() }
                if cell.style.italic { attributes |= cn_a_italic() }
                if cell.style.underline { attributes |= cn_a_underline() }
                if cell.style.reverse { attributes |= cn_a_reverse() }
                var character = cchar_t()
                setcchar(&character, wide, attributes, pair(for: cell.style), nil)
                mvwadd_wch(window, Int32(y), Int32(x), &character)
            }
        }
        wnoutrefresh(window)
        doupdate()
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
        wtimeout(cn_stdscr(), milliseconds ?? -1)
    }

    /// Waits for the next key or event (or the timeout, if one is set).
    public func readKey() -> Key? {
        var character: wint_t = 0
        let result = wget_wch(cn_stdscr(), &character)
        if result == ERR { return nil }
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

    /// On SIGINT or SIGTERM: restore the terminal, then die of the same signal.
    private static func installSignalRestore() {
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber) { received in
                endwin()
                signal(received, SIG_DFL)
                raise(received)
            }
        }
    }
}
