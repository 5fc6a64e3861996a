/// Compounds written both ways in the stories compared: "hand-gun" in one, "handgun" in the
/// other. Only words that stand joined somewhere count, so "Russian-backed" stays two words
/// ("Russian backed") and "hand-gun" becomes "handgun" only where "handgun" is written.
struct Compounds {
    /// Joined forms (folded, lower case) that the stories also write with hyphens.
    private(set) var joined: Set<String> = []

    init() {}

    /// One linear pass over each text for hyphenated words of letters, then one for their joined forms.
    init(_ texts: [[Unicode.Scalar]]) {
        var candidates = Set<String>()
        for scalars in texts { Self.words(scalars, wanted: { hyphenated, _ in hyphenated }) { candidates.insert($0) } }
        guard !candidates.isEmpty else { return }
        // Only words with a candidate's length and first and last letters are made into strings
        // on the second pass.
        let shapes = Set(candidates.map { Self.shape(length: $0.unicodeScalars.count, first: $0.unicodeScalars.first, last: $0.unicodeScalars.last) })
        var found = Set<String>()
        for scalars in texts {
            Self.words(scalars, wanted: { hyphenated, shape in !hyphenated && shapes.contains(shape) }) { word in
                if candidates.contains(word) { found.insert(word) }
            }
        }
        joined = found
    }

    /// The joined form of a folded key ("hand-gun" → "handgun") when the stories also write it so.
    func joinedForm(of key: String) -> String? {
        guard !joined.isEmpty, key.utf8.contains(0x2D) else { return nil }
        let candidate = String(String.UnicodeScalarView(key.unicodeScalars.filter { $0 != "-" }))
        return joined.contains(candidate) ? candidate : nil
    }

    /// A word's length with its first and last letters (ASCII, lower case), as one number.
    static func shape(length: Int, first: Unicode.Scalar?, last: Unicode.Scalar?) -> Int {
        func low(_ scalar: Unicode.Scalar?) -> Int { scalar.map { $0.value < 0x80 ? Int($0.value | 0x20) : 0xFF } ?? 0 }
        return length << 16 | low(first) << 8 | low(last)
    }

    /// Each run of letters (with inner hyphens) that `wanted` asks for (by whether it had a
    /// hyphen, and its shape without them), lower-cased without its hyphens.
    private static func words(_ scalars: [Unicode.Scalar], wanted: (Bool, Int) -> Bool, _ visit: (String) -> Void) {
        // Word bounds, not copies: a string is made only for the words `wanted` asks for.
        var wordStart = -1, letters = 0, lastLetter = -1
        var hyphenated = false, pendingHyphen = false
        var index = 0
        let count = scalars.count
        while index <= count {
            let scalar: Unicode.Scalar = index < count ? scalars[index] : " "
            let value = scalar.value
            // ASCII by hand: this pass sees every character of both stories.
            let isLetter = value < 0x80 ? (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A : scalar.properties.isAlphabetic
            if isLetter {
                if wordStart < 0 { wordStart = index }
                if pendingHyphen { hyphenated = true; pendingHyphen = false }
                letters += 1
                lastLetter = index
            } else if (value == 0x2D || value == 0x2010 || value == 0x2011), wordStart >= 0, !pendingHyphen {
                pendingHyphen = true
            } else {
                if wordStart >= 0, wanted(hyphenated, shape(length: letters, first: scalars[wordStart], last: scalars[max(wordStart, lastLetter)])) {
                    var view = String.UnicodeScalarView()
                    for letter in scalars[wordStart..<index] where letter.value != 0x2D && letter.value != 0x2010 && letter.value != 0x2011 {
                        view.append(contentsOf: letter.properties.lowercaseMapping.unicodeScalars)
                    }
                    visit(String(view))
                }
                wordStart = -1; letters = 0; lastLetter = -1; hyphenated = false; pendingHyphen = false
            }
            index += 1
        }
    }
}
