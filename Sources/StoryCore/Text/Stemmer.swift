/// A light English suffix stripper. It only needs to map a word and its inflections to one key
/// on both sides ("claimed", "claims", "claim"), so it is deliberately simple and predictable.
enum Stemmer {
    static func stem(_ word: String) -> String {
        var w = Array(word.utf8)
        guard w.count > 3, w.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A || $0 == 0x27 }) else { return word }
        if w.last == 0x27 { w.removeLast() }                               // soldiers'
        if w.count > 2, w[w.count - 2] == 0x27, w.last == 0x73 { w.removeLast(2) }   // putin's
        func ends(_ suffix: String) -> Bool { w.count > suffix.utf8.count + 2 && w.suffix(suffix.utf8.count).elementsEqual(suffix.utf8) }
        if ends("ies") { w.removeLast(3); w.append(0x79) }
        else if ends("sses") { w.removeLast(2) }
        else if ends("s"), !ends("ss"), !ends("us"), !ends("is") { w.removeLast() }
        if ends("ation") { w.removeLast(3) }                             // negotiation → negotiat
        else if ends("ate") { w.removeLast(1) }                          // negotiate → negotiat
        else if ends("ing") { w.removeLast(3); undouble(&w) }
        else if ends("ed") { w.removeLast(2); undouble(&w) }
        else if ends("ly") { w.removeLast(2) }
        if w.count > 4, w.last == 0x65 { w.removeLast() }                  // describe / described
        return String(decoding: w, as: UTF8.self)
    }

    private static func undouble(_ w: inout [UInt8]) {
        guard w.count >= 3, let last = w.last, w[w.count - 2] == last, !"lsz".utf8.contains(last), !"aeiou".utf8.contains(last) else { return }
        w.removeLast()
    }
}
