/// Why a page could not be fetched: one line naming the address.
public enum FetchError: Error, Equatable, Sendable, CustomStringConvertible {
    case http(String, status: Int)
    case failed(String, reason: String)
    case tooLarge(String, limit: Int)

    public var description: String {
        switch self {
        case .http(let url, let status): return "\(url): the server answered HTTP \(status)\(Self.phrase(status).map { " (\($0))" } ?? "")"
        case .failed(let url, let reason): return "\(url): cannot be fetched: \(reason)"
        case .tooLarge(let url, let limit): return "\(url): larger than \(limit / 1024 / 1024) MiB, the most storydiff reads for one story"
        }
    }

    static func phrase(_ status: Int) -> String? {
        [400: "bad request", 401: "login required", 403: "forbidden", 404: "not found", 410: "gone", 429: "too many requests",
         451: "unavailable for legal reasons", 500: "server error", 502: "bad gateway", 503: "unavailable", 504: "gateway timeout"][status]
    }
}
