/// The semantic roles a theme gives a style to (htop-style: the screen asks for a role, the
/// theme answers with a look).
public enum ThemeRole: String, CaseIterable, Sendable {
    case text
    case identical
    case near
    case paraphrase
    /// A matched sentence that says materially more or something else than its counterpart.
    case partial
    case unique
    case moved
    case boilerplate
    case headline
    case credit
    case wordAdded = "word.added"
    case wordRemoved = "word.removed"
    case wordMoved = "word.moved"
    case gutter
    /// The gutter mark of a sentence with a fact or a quotation the other version lacks or changed.
    case flag
    case header
    case status
    case message
    case cursor
    /// The other ends of the selected sentence's link (its counterparts, the rest of its group).
    case counterpart
    case search
    case overlay
    case overlayTitle = "overlay.title"
    /// The page of exported reports (HTML): its text and background. The reader draws on the
    /// terminal's own background and does not use it.
    case page
}
