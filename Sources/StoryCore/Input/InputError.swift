/// Why a story could not be read. Each case renders as one line naming the input.
public enum InputError: Error, Equatable, Sendable, CustomStringConvertible {
    case notFound(String)
    case isDirectory(String)
    case unreadable(String, reason: String)
    case binary(String)
    case empty(String)
    case onlyBoilerplate(String)
    case noArticle(String)
    case tooLarge(String, limit: Int)

    public var description: String {
        switch self {
        case .notFound(let name): return "\(name): no such file"
        case .isDirectory(let name): return "\(name): is a directory, not a story"
        case .unreadable(let name, let reason): return "\(name): cannot be read (\(reason))"
        case .binary(let name): return "\(name): looks like a binary file (it contains NUL bytes), not a story"
        case .empty(let name): return "\(name): is empty (no text to compare)"
        case .onlyBoilerplate(let name): return "\(name): holds only site chrome (boilerplate), no story text to compare"
        case .noArticle(let name): return "\(name): a web page with no article text found in it"
        case .tooLarge(let name, let limit): return "\(name): larger than \(limit / 1024 / 1024) MiB, the most storydiff reads for one story"
        }
    }
}
