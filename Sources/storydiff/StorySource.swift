import ArgumentParser
import StoryCore
import StoryFetch

/// How pages named by URL are fetched (shared by every command that reads stories).
struct FetchOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Seconds to wait for a page named by URL, all of it (connecting, redirects, the body); default 30, or fetch-timeout in the configuration file.", valueName: "seconds"))
    var timeout: Double?

    static let defaultTimeout: Double = 30

    @Option(name: .customLong("user-agent"), help: ArgumentHelp("The User-Agent header sent with URL requests.", valueName: "text"))
    var userAgent: String?

    func validate() throws {
        if let timeout, !(timeout > 0 && timeout <= 3600 && timeout.isFinite) { throw ValidationError("--timeout must be between 0 and 3600 seconds (it is \(timeout))") }
        if let userAgent, userAgent.contains(where: { $0.isNewline || ($0.asciiValue.map { $0 < 0x20 } ?? false) }) {
            throw ValidationError("--user-agent must be one line of printable text")
        }
    }

    /// The options in force: the command line's, else the configuration file's, else the defaults.
    var fetcher: Fetcher.Options {
        let config = UserConfig.current
        return Fetcher.Options(timeout: min(3600, timeout ?? config.fetchTimeout ?? Self.defaultTimeout),
                               userAgent: userAgent ?? config.userAgent, maximumBytes: StoryReader.maximumBytes)
    }
}

/// A story from a file, standard input ("-") or a URL: a fetched page ends where a file does,
/// as bytes and a name handed to the same reader.
func readStory(_ argument: String, fetch: FetchOptions) throws -> Story {
    try readStory(argument, options: fetch.fetcher)
}

func readStory(_ argument: String, options: Fetcher.Options) throws -> Story {
    guard Fetcher.isURL(argument) else { return try StoryReader.read(path: argument) }
    let page = try Fetcher.fetch(argument, options: options)
    if page.bytes.isEmpty { throw InputError.empty(argument) }
    return try StoryReader.story(name: argument, bytes: page.bytes, charset: page.charset, plainText: page.isPlainText, address: page.finalURL)
}
