/// A saved web page read as a story's source: decoded by its declared charset (or the one its
/// server named), reduced to its article, with the warnings a user should see.
public struct WebPage: Sendable {
    public var article: HTMLExtractor.Article
    public var warnings: [String]

    /// `charset`: what the server's Content-Type said, trusted before the page's own meta tag.
    public static func read(bytes: [UInt8], name: String, charset: String? = nil) throws(InputError) -> WebPage {
        var warnings: [String] = []
        var declared: TextDecoder.Legacy?
        if let label = charset?.lowercased() ?? HTMLExtractor.declaredCharset(bytes) {
            declared = TextDecoder.Legacy(label: label)
            if declared == nil, !["utf-8", "utf8", "unicode-1-1-utf-8"].contains(label) {
                warnings.append("\(name): declares charset \(label), which storydiff does not read; read as UTF-8")
            }
        }
        let decoded = try TextDecoder.decode(bytes, name: name, declared: declared)
        let article = HTMLExtractor.extract(decoded.text)
        if article.paragraphs.isEmpty { throw .noArticle(name) }
        warnings += decoded.warnings
        if let warning = smallArticleWarning(article, name: name) { warnings.append(warning) }
        return WebPage(article: article, warnings: warnings)
    }

    /// How every warning of a possibly lost article ends (the reader shows it on opening).
    static let missingNote = "may be missing"

    public static func isSmallArticleWarning(_ warning: String) -> Bool { warning.hasSuffix(missingNote) }

    /// Said when the article found is only the headline, or implausibly small beside the page's
    /// visible text: the page's article may have been missed.
    static func smallArticleWarning(_ article: HTMLExtractor.Article, name: String) -> String? {
        if article.articleWords == 0 {
            return "\(name): only the headline was found as the article (the page shows \(article.pageWords) words); its text \(missingNote)"
        }
        if article.articleLinkShare > 0.5 {
            return "\(name): the article found is mostly links (\(Int((article.articleLinkShare * 100).rounded()))% of its text), a menu or a list of stories; the page's article \(missingNote)"
        }
        if article.articleWords < 100, article.pageWords >= 300, article.articleWords * 10 < article.pageWords {
            return "\(name): the article found is small (\(article.articleWords) of the page's \(article.pageWords) words); some of its text \(missingNote)"
        }
        return nil
    }
}
