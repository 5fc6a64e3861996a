/// A key press or terminal event, independent of curses.
public enum Key: Hashable, Sendable {
    case character(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, tab, backTab, escape, backspace
    case wheelUp, wheelDown
    case resize(width: Int, height: Int)
    case interrupt

    /// Parses a headless key script: tokens separated by spaces; `<Name>` is a special key
    /// (`<Space>`, `<Enter>`, `<Tab>`, `<Esc>`, `<Up>`, `<Down>`, `<PgDn>`, `<PgUp>`, `<Home>`,
    /// `<End>`, `<BS>`, `<WheelUp>`, `<WheelDown>`, `<Resize:80x24>`); any other token is typed
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
                        let size = name.dropFirst("resize:".count).split(separator: "x").compactMap { Int($0) }
                        guard size.count == 2, size[0] > 0, size[1] > 0 else { throw KeyScriptError(token: String(token)) }
                        keys.append(.resize(width: size[0], height: size[1]))
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
    public var description: String { "unknown key \(token) in --keys (special keys: <Space> <Enter> <Tab> <Esc> <Up> <Down> <PgUp> <PgDn> <Home> <End> <BS> <WheelUp> <WheelDown> <Resize:WxH>)" }
}
