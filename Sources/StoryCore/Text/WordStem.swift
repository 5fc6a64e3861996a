import CStemmer
import Synchronization

/// The key a word is matched by: the base form WordNet gives an irregular noun or verb ("fled" →
/// "flee", "went" → "go"), then Snowball's English stemmer ("claimed", "claims" → "claim";
/// "negotiation", "negotiate" → "negoti"). Words that are not plain lower-case letters (names
/// with digits, other scripts) are their own key.
enum WordStem {
    /// One Snowball stemmer for the process: a stemmer writes its result into its own buffer, so
    /// calls take turns. Each comparison stems a word once (its vocabulary remembers), so the
    /// lock is taken once per distinct word, not per token.
    private static let stemmer = Mutex(SnowballEnglish())

    static func stem(_ word: String) -> String {
        guard word.utf8.count > 2, word.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A || $0 == 0x27 }) else { return word }
        var base = word
        if base.hasSuffix("'s") { base.removeLast(2) } else if base.hasSuffix("'") { base.removeLast() }   // putin's, soldiers'
        if let irregular = WordNet.shared.irregularBase(base) { base = irregular }
        return stemmer.withLock { $0.stem(base) }
    }
}

/// libstemmer's English (Porter 2) stemmer, owned by the `WordStem` lock.
private struct SnowballEnglish: ~Copyable {
    private let handle: OpaquePointer?

    init() { handle = sb_stemmer_new("english", "UTF_8") }
    deinit { if let handle { sb_stemmer_delete(handle) } }

    func stem(_ word: String) -> String {
        guard let handle else { return word }
        var bytes = Array(word.utf8)
        let count = Int32(bytes.count)
        guard let result = bytes.withUnsafeMutableBufferPointer({ sb_stemmer_stem(handle, $0.baseAddress, count) }) else { return word }
        let length = Int(sb_stemmer_length(handle))
        return String(decoding: UnsafeBufferPointer(start: result, count: length), as: UTF8.self)
    }
}
