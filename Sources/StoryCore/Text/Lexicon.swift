/// Small closed word lists used by the segmenter, the matcher and the role rules.
enum Lexicon {
    /// Function words: counted by the token-order measure, ignored by the content index.
    static let stopWords: Set<String> = [
        "a", "an", "the", "and", "or", "but", "nor", "so", "yet", "of", "in", "on", "at", "to", "for", "from", "by",
        "with", "as", "into", "onto", "about", "over", "after", "before", "than", "then", "that", "this", "these",
        "those", "it", "its", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does",
        "did", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "he", "she", "they", "we",
        "i", "you", "him", "her", "them", "us", "me", "his", "their", "our", "your", "my", "who", "whom", "whose",
        "which", "what", "when", "where", "why", "how", "there", "here", "not", "no", "also", "if", "while", "such",
        "up", "out", "all", "any", "both", "each", "more", "most", "other", "some", "only", "very", "just", "said",
        "says", "say", "s", "t", "mr", "mrs", "ms", "dr", "per", "via", "against", "between", "during", "under",
        "again", "further", "once", "because", "until", "whether", "though", "although", "since", "even", "much",
    ]

    /// Honorifics a rewrite adds or drops ("Mr. Putin" / "Putin"): not evidence of a change.
    static let honorifics: Set<String> = ["mr", "mrs", "ms", "messrs", "mme", "mlle"]

    static let numberWords: [String: String] = [
        "zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
        "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14",
        "fifteen": "15", "sixteen": "16", "seventeen": "17", "eighteen": "18", "nineteen": "19", "twenty": "20",
        "thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "seventy": "70", "eighty": "80", "ninety": "90",
        "hundred": "100", "thousand": "1000", "million": "1000000", "billion": "1000000000", "dozen": "12",
    ]

    /// Ordinals as news writes them in figures ("third day" / "3rd day"): matching forms only.
    /// "first" and "second" stay words: they are rarely a figure ("for the first time", "a
    /// second"), and as numbers they made "1st" a number one side states.
    static let ordinalWords: [String: String] = [
        "third": "3rd", "fourth": "4th", "fifth": "5th", "sixth": "6th",
        "seventh": "7th", "eighth": "8th", "ninth": "9th", "tenth": "10th",
    ]

    /// Words that often open a sentence: after an abbreviation or an initial ("the U.S. How",
    /// "you and I. Did") they mean the period ended the sentence; a name after it does not.
    static let sentenceStarters: Set<String> = [
        "a", "an", "the", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i", "you", "his",
        "her", "their", "our", "my", "your", "there", "here", "what", "when", "where", "who", "why", "how", "which",
        "but", "and", "or", "so", "yet", "if", "in", "on", "at", "for", "from", "to", "with", "as", "after", "before",
        "while", "although", "though", "because", "since", "however", "meanwhile", "still", "also", "then", "now",
        "many", "some", "most", "all", "both", "each", "no", "not", "one", "did", "does", "do", "is", "are", "was",
        "were", "has", "have", "had", "will", "would", "can", "could", "should", "may", "might", "must", "according",
        "last", "next", "earlier", "later", "instead", "despite", "during", "under", "over", "yes", "indeed", "thus",
        "officials", "other", "another", "even", "only", "just", "once", "until", "unless", "whether", "let", "please",
    ]

    /// Titles before a name: never the end of a sentence ("Mr. Putin", "Gen. Smith", "Mt. Fuji").
    static let titles: Set<String> = [
        "mr", "mrs", "ms", "messrs", "mmes", "dr", "drs", "prof", "gov", "govs", "sen", "sens", "rep", "reps", "gen",
        "lt", "col", "maj", "capt", "cmdr", "adm", "sgt", "cpl", "pvt", "brig", "st", "mt", "ft", "pres", "supt",
        "insp", "det", "atty", "rev", "fr", "msgr", "hon", "amb", "gens", "mssrs", "sra", "srta", "dir",
    ]

    /// Abbreviations before a number: "p. 55", "No. 5", "Feb. 12", "N°. 1026".
    static let beforeNumber: Set<String> = [
        "no", "nos", "nr", "n°", "p", "pp", "vol", "vols", "ch", "chap", "fig", "figs", "art", "arts", "sec", "sect",
        "para", "paras", "op", "ed", "eds", "approx", "ca", "c", "tel", "ext", "rt", "hwy", "pt", "pts", "ver", "v",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "est",
        // Currencies and units written before their number: "Rs. 5,000", "Rp. 20.000", "Kr. 300".
        "rs", "re", "rp", "kr", "sfr", "ksh", "tsh", "ush", "dh", "dhs", "tk", "sh", "lb", "lbs", "oz", "sq", "cu", "mi", "yr", "yrs",
    ]

    /// Words after "9 p.m." that keep the sentence going: time zones, days, months.
    static let timeWords: Set<String> = [
        "et", "est", "edt", "ct", "cst", "cdt", "mt", "mst", "mdt", "pt", "pst", "pdt", "gmt", "utc", "bst", "cet", "cest", "eet",
        "eest", "msk", "ist", "jst", "aest", "aedt", "hkt", "sgt", "eastern", "central", "mountain", "pacific", "local", "monday",
        "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may",
        "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul",
        "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun",
    ]

    /// Abbreviations that can end a sentence: split after them only before a sentence starter.
    static let ambiguous: Set<String> = [
        "co", "corp", "inc", "ltd", "llc", "plc", "jr", "sr", "bros", "dept", "univ", "assn", "ave", "blvd", "rd",
        "etc", "vs", "al", "cf", "esp", "govt", "intl", "natl", "calif", "colo", "conn", "fla", "okla", "tenn", "wis",
        "wyo", "ariz", "ark", "kan", "ky", "md", "mich", "minn", "mont", "neb", "nev", "vt", "va", "penn", "jan",
        "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed",
        "thu", "thur", "thurs", "fri", "sat", "sun", "dept", "min", "max", "mt", "no",
    ]
}
