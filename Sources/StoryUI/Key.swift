/// A key press or terminal event, independent of curses.
public enum Key: Hashable, Sendable {
    case character(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, tab, backTab, escape, backspace
    case wheelUp, wheelDown
    case resize(width: Int, height: Int)
    case interrupt

    /// The largest screen the reader lays out (columns and rows): a headless `--screen`, a
    /// `<Resize:WxH>` in a key script and a real terminal's size are held to it, so that a typo
    /// cannot ask for gigabytes of cells.
    public static let largestScreen = (width: 1000, height: 1000)

    /// "100x30" as a size within `largestScreen`, or nil.
    public static func size(_ text: some StringProtocol) -> (width: Int, height: Int)? {
        let parts = text.lowercased().split(separator: "x", omittingEmptySubsequences: false).map { Int($0) }
        guard parts.count == 2, let width = parts[0], let height = parts[1], (1...largestScreen.width).contains(width),
              (1...largestScreen.height).contains(height) else { return nil }
        return (width, height)
    }

    /// Parses a headless key script: tokens separated by spaces; `<Name>` is a special key
    /// (`<Space>`, `<Enter>`, `<Tab>`, `<Esc>`, `<Up>`, `<Down>`, `<PgDn>`, `<PgUp>`, `<Home>`,
    /// `<End>`, `<BS>`, `<WheelUp>`, `<WheelDown>`, `<Resize:80x24>`, `<C-u>` for a control key);
    /// any other token is typed
    /// character by character.
    public static func script(_ text: String) throws -> [Key] {
        var keys: [Key] = []
        for token in text.split(separator: " ") {
            if token.hasPrefix("<"), token.hasSuffix(">"), token.count > 2 {
                let name = token.dropFirst().dropLast().lowercased()
                switch name {
                case "space": keys.append(.character(" "))
                case "enter", "cr", "return": keys.append(.enter)
                case "tab": keys.append(.tab)
                case "s-tab", "backtab": keys.append(.backTab)
                case "esc", "escape": keys.append(.escape)
                case "up": keys.append(.up)
                case "down": keys.append(.down)
                case "left": keys.append(.left)
                case "right": keys.append(.right)
                case "pgdn", "pagedown": keys.append(.pageDown)
                case "pgup", "pageup": keys.append(.pageUp)
                case "home": keys.append(.home)
                case "end": keys.append(.end)
                case "bs", "backspace": keys.append(.backspace)
                case "wheelup": keys.append(.wheelUp)
                case "wheeldown": keys.append(.wheelDown)
                case "lt": keys.append(.character("<"))
                default:
                    if name.hasPrefix("resize:") {
                        guard let size = size(name.dropFirst("resize:".count)) else { throw KeyScriptError(token: String(token)) }
                        keys.append(.resize(width: size.width, height: size.height))
                    } else if name.hasPrefix("c-"), name.count == 3, let letter = name.unicodeScalars.last,
                              ("a"..."z").contains(letter), let control = Unicode.Scalar(letter.value - 0x60) {
                        keys.append(.character(Character(control)))
                    } else {
                        throw KeyScriptError(token: String(token))
                    }
                }
            } else {
                keys.append(contentsOf: token.map { .character($0) })
            }
        }
        return keys
    }
}

public struct KeyScriptError: Error, CustomStringConvertible {
    public var token: String
    public var description: String { "unknown key \(token) in --keys (special keys: <Space> <Enter> <Tab> <Esc> <Up> <Down> <PgUp> <PgDn> <Home> <End> <BS> <WheelUp> <WheelDown> <Resize:WxH> up to \(Key.largestScreen.width)x\(Key.largestScreen.height), <C-a>…<C-z>)" }
}
