import Foundation
import CLibCurl

/// Fetches a story's page over HTTP(S) with libcurl: redirects followed (bounded), a connect
/// timeout and a total timeout, a size limit, a user agent. What comes back is what a file
/// gives the reader: bytes and a name, plus the server's content type and charset. Network
/// code stays here; StoryCore never sees it.
public enum Fetcher {
    public struct Options: Sendable {
        /// Seconds for the whole transfer (a stalled server ends here).
        public var timeout: Double = 30
        public var connectTimeout: Double = 10
        public var maximumRedirects = 10
        public var maximumBytes = 32 * 1024 * 1024
        public var userAgent = Fetcher.defaultUserAgent

        public init(timeout: Double = 30, userAgent: String? = nil, maximumBytes: Int = 32 * 1024 * 1024) {
            self.timeout = timeout
            self.connectTimeout = min(10, timeout)
            self.userAgent = userAgent ?? Fetcher.defaultUserAgent
            self.maximumBytes = maximumBytes
        }
    }

    public struct Page: Sendable {
        public var bytes: [UInt8]
        /// Where the page was found, after redirects.
        public var finalURL: String
        public var contentType: String?
        /// The charset the server named in Content-Type, if any (trusted before the page's own meta).
        public var charset: String?
        /// The server says the body is plain text, not HTML.
        public var isPlainText: Bool {
            guard let type = contentType?.lowercased() else { return false }
            return type.hasPrefix("text/plain") || type.hasPrefix("text/markdown")
        }
    }

    public static let defaultUserAgent = "Mozilla/5.0 (compatible; storydiff/0.1; +https://github.com/storydiff/storydiff)"

    /// Whether a story argument names a web address rather than a file.
    public static func isURL(_ argument: String) -> Bool {
        let lower = argument.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    public static func fetch(_ url: String, options: Options = Options()) throws(FetchError) -> Page {
        guard isURL(url), !url.contains(where: { $0.isWhitespace || $0.asciiValue.map { $0 < 0x20 || $0 == 0x7F } ?? false }) else {
            throw .failed(url, reason: "not an http:// or https:// address")
        }
        // Thread-safe in libcurl 7.84 and later (Debian 12 has 7.88); once per process.
        _ = initialised
        guard let handle = curl_easy_init() else { throw .failed(url, reason: "libcurl could not start") }
        defer { curl_easy_cleanup(handle) }
        // The body has a fixed address for the whole transfer (libcurl keeps the pointer).
        let body = UnsafeMutablePointer<sd_body>.allocate(capacity: 1)
        body.initialize(to: sd_body(data: nil, length: 0, capacity: 0, limit: options.maximumBytes, overflowed: 0))
        defer { sd_body_free(body); body.deallocate() }
        var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        let code: CURLcode = errorBuffer.withUnsafeMutableBufferPointer { buffer in
            sd_set_string(handle, CURLOPT_URL, url)
            sd_set_long(handle, CURLOPT_NOSIGNAL, 1)
            sd_set_long(handle, CURLOPT_FOLLOWLOCATION, 1)
            sd_set_long(handle, CURLOPT_MAXREDIRS, options.maximumRedirects)
            sd_set_string(handle, CURLOPT_PROTOCOLS_STR, "http,https")
            sd_set_string(handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
            sd_set_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Int(options.connectTimeout * 1000))
            sd_set_long(handle, CURLOPT_TIMEOUT_MS, Int(options.timeout * 1000))
            sd_set_large(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(options.maximumBytes))
            sd_set_string(handle, CURLOPT_USERAGENT, options.userAgent)
            // Any encoding libcurl can decode (gzip, deflate, br where built in).
            sd_set_string(handle, CURLOPT_ACCEPT_ENCODING, "")
            sd_set_body(handle, body)
            if let base = buffer.baseAddress { sd_set_error_buffer(handle, base) }
            return curl_easy_perform(handle)
        }
        let detail = String(decoding: errorBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if code != CURLE_OK {
            if body.pointee.overflowed != 0 || code == CURLE_FILESIZE_EXCEEDED { throw .tooLarge(url, limit: options.maximumBytes) }
            throw .failed(url, reason: reason(code, detail: detail, options: options))
        }
        let status = sd_response_code(handle)
        if status >= 400 { throw .http(url, status: status) }
        let bytes = body.pointee.data.map { Array(UnsafeBufferPointer(start: $0, count: body.pointee.length)) } ?? []
        let contentType = sd_content_type(handle).map { String(cString: $0) }
        return Page(bytes: bytes, finalURL: sd_effective_url(handle).map { String(cString: $0) } ?? url,
                    contentType: contentType, charset: contentType.flatMap(charset))
    }

    private static let initialised: Bool = { curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK }()

    /// `text/html; charset=ISO-8859-1` → "iso-8859-1".
    static func charset(_ contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset" else { continue }
            let value = pair[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'")).lowercased()
            return value.isEmpty ? nil : value
        }
        return nil
    }

    /// One short phrase for a failed transfer.
    static func reason(_ code: CURLcode, detail: String, options: Options) -> String {
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST: return "cannot find the host (DNS lookup failed)"
        case CURLE_COULDNT_RESOLVE_PROXY: return "cannot find the proxy (DNS lookup failed)"
        case CURLE_COULDNT_CONNECT: return "cannot connect (refused or unreachable)"
        case CURLE_OPERATION_TIMEDOUT:
            return "no complete answer within \(options.timeout.formatted()) s (the server stalled or is slow; --timeout sets the limit)"
        case CURLE_TOO_MANY_REDIRECTS: return "more than \(options.maximumRedirects) redirects"
        case CURLE_UNSUPPORTED_PROTOCOL: return "redirected to an address that is not http or https"
        case CURLE_URL_MALFORMAT: return "not a valid address"
        case CURLE_GOT_NOTHING: return "the server closed the connection without an answer"
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER, CURLE_SSL_CACERT_BADFILE,
             CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CRL_BADFILE:
            return "TLS failure (\(detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail))"
        default:
            return detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
        }
    }
}

private extension Double {
    /// "30", "2.5": seconds as a person writes them.
    func formatted() -> String { self == rounded() ? String(Int(self)) : String(self) }
}
