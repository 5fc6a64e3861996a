/// Closed word lists for finding facts and speakers. Small on purpose: the rules around them
/// (capitalised runs, titles, "region", "in Kursk") do most of the work, these settle the
/// common cases a rule cannot (is "Kremlin" an organisation, is "Russian" a name).
enum FactLexicon {
    static let months: [String: Int] = [
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
        "september": 9, "october": 10, "november": 11, "december": 12,
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
        "nov": 11, "dec": 12,
    ]
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                             "October", "November", "December"]
    static let weekdays: Set<String> = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    static let partsOfDay: Set<String> = ["morning", "afternoon", "evening", "night", "overnight"]
    /// "last summer", "this week", "next year".
    static let periods: Set<String> = [
        "week", "weekend", "month", "year", "summer", "winter", "spring", "fall", "autumn", "night", "decade",
        "century", "quarter", "season", "term",
    ]
    static let periodUnits: Set<String> = ["day", "days", "week", "weeks", "month", "months", "year", "years", "decade",
                                           "decades", "hour", "hours", "minute", "minutes", "century", "centuries"]
    static let relativeOpeners: Set<String> = ["last", "this", "next", "early", "late", "earlier", "later", "past", "coming"]
    static let relativeDays: Set<String> = ["yesterday", "today", "tomorrow", "tonight"]
    /// Words before a month that make "in March" a date rather than a verb or a name.
    static let beforeMonth: Set<String> = ["in", "since", "by", "until", "till", "last", "next", "this", "early", "late",
                                           "mid", "of", "from", "through", "during", "before", "after", "on"]

    /// Words before a number that qualify it ("more than a million").
    static let qualifiers: [[String]] = [
        ["more", "than"], ["less", "than"], ["fewer", "than"], ["at", "least"], ["at", "most"], ["up", "to"],
        ["as", "many", "as"], ["as", "much", "as"], ["about"], ["around"], ["nearly"], ["almost"], ["roughly"],
        ["approximately"], ["over"], ["some"], ["under"], ["only"], ["just"], ["barely"], ["close", "to"],
    ]
    static let qualifierStarts = Set(qualifiers.map { $0[0] })
    /// Counts without a value: "thousands of troops".
    static let vagueCounts: Set<String> = ["dozens", "hundreds", "thousands", "millions", "billions", "scores", "tens"]
    static let multipliers: [String: Double] = [
        "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 1_000_000_000_000,
        "bn": 1_000_000_000, "mn": 1_000_000, "m": 1_000_000, "k": 1_000, "dozen": 12,
    ]
    /// Multipliers written onto a figure after a currency symbol ("$24bn", "€3.5m"), longest first.
    static let amountSuffixes: [(key: String, value: Double)] = [
        ("bn", 1e9), ("tn", 1e12), ("mn", 1e6), ("m", 1e6), ("b", 1e9), ("k", 1e3),
    ]

    /// Words a number names rather than counts after them ("tier 1", "phase 2", "route 66").
    static let numberedThings: Set<String> = ["tier", "level", "phase", "version", "model", "number", "no", "grade", "category",
                                               "route", "room", "flight", "platform", "gate", "article", "section", "chapter", "page",
                                               "stage", "round", "game", "week", "day", "term", "season", "episode", "lane", "road"]

    /// Zones written after a clock time.
    static let timeZones: Set<String> = ["gmt", "utc", "bst", "cet", "cest", "eet", "est", "edt", "cst", "cdt", "mst", "mdt",
                                          "pst", "pdt", "ist", "jst", "aest", "msk", "et", "pt", "z", "local"]

    static let currencySymbols: [Unicode.Scalar: String] = ["$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₴": "UAH", "₽": "RUB", "₹": "INR"]
    static let currencyWords: [String: String] = [
        "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP", "pounds": "GBP",
        "yen": "JPY", "ruble": "RUB", "rubles": "RUB", "rouble": "RUB", "roubles": "RUB", "hryvnia": "UAH",
        "hryvnias": "UAH", "yuan": "CNY", "rupee": "INR", "rupees": "INR", "franc": "CHF", "francs": "CHF",
    ]
    static let percentWords: Set<String> = ["percent", "pct"]

    /// Words that make the capitalised words before them a title, not a name ("National Security
    /// Adviser Michael Waltz", "Mr. Putin").
    static let titles: Set<String> = [
        "president", "minister", "secretary", "senator", "representative", "governor", "mayor", "general",
        "colonel", "admiral", "sergeant", "captain", "major", "lieutenant", "king", "queen", "prince", "princess",
        "pope", "chancellor", "chairman", "chairwoman", "judge", "justice", "ambassador", "envoy", "speaker",
        "director", "commissioner", "adviser", "advisor", "spokesman", "spokeswoman", "spokesperson", "professor",
        "sheikh", "emir", "premier", "chief", "deputy", "sir", "dame", "lord", "lady", "archbishop", "bishop",
        "cardinal", "rabbi", "imam", "ceo", "commander", "prosecutor", "attorney", "pm",
    ]
    /// Heads that make a capitalised run a named event or thing, not a person ("Indo-Pakistan
    /// War", "Rugby World Cup", "Eternal Flame").
    static let thingHeads: Set<String> = [
        "war", "wars", "cup", "games", "olympics", "championship", "championships", "festival", "summit", "prize",
        "award", "awards", "scandal", "flame", "band", "notice", "act", "bill", "treaty", "accord", "agreement",
        "conference", "election", "elections", "crisis", "revolution", "storm", "hurricane", "day", "week",
        "series", "tour", "open", "marathon", "show", "program", "programme", "project", "plan", "report",
    ]
    /// Heads that make a capitalised run an organisation.
    static let organisationHeads: Set<String> = [
        "times", "news", "post", "journal", "press", "herald", "tribune", "gazette", "network", "agency", "house",
        "kremlin", "administration", "ministry", "department", "council", "committee", "commission", "bank",
        "party", "army", "forces", "navy", "police", "university", "institute", "corporation", "corp", "inc", "ltd",
        "company", "group", "association", "union", "parliament", "congress", "senate", "court", "office",
        "bureau", "board", "federation", "league", "foundation", "fund", "service", "services", "command",
        "staff", "guard", "assembly", "authority", "authorities", "organization", "organisation", "club",
        "church", "school", "college", "hospital", "museum", "social", "media", "broadcasting", "radio", "tv",
        "paper", "newspaper", "magazine", "inspectorate", "centre", "center", "airlines", "airways", "corps",
    ]
    static let organisations: Set<String> = [
        "kremlin", "pentagon", "nato", "un", "eu", "facebook", "twitter", "telegram", "instagram", "youtube",
        "tiktok", "whatsapp", "google", "apple", "microsoft", "amazon", "meta", "reuters", "ap", "afp", "bbc", "cnn",
        "ani", "congress", "senate", "parliament", "duma", "hamas", "hezbollah", "taliban", "imf", "who", "fbi",
        "cia", "nsa", "opec", "fifa", "ioc", "nasa", "gazprom", "tass", "interfax", "ria", "al jazeera",
        "european union", "united nations", "white house", "truth social",
    ]
    /// Heads that make a capitalised run a place ("Sumy region", "Gulf of Mexico").
    static let placeHeads: Set<String> = [
        "region", "province", "oblast", "city", "county", "state", "district", "island", "islands", "river",
        "sea", "ocean", "gulf", "bay", "mountains", "valley", "peninsula", "strait", "border", "street", "square",
        "east", "west", "north", "south", "stadium", "gate", "park", "airport", "bridge", "hotel", "plaza", "road",
        "roads", "avenue", "highway", "freeway", "terrace", "station", "port", "harbour", "harbor", "canyon",
        "lake", "mount", "beach", "coast", "village", "town", "prison",
    ]
    static let places: Set<String> = [
        "afghanistan", "albania", "algeria", "argentina", "armenia", "australia", "austria", "azerbaijan", "bahrain",
        "bangladesh", "belarus", "belgium", "bolivia", "bosnia", "brazil", "bulgaria", "cambodia", "canada", "chile",
        "china", "colombia", "congo", "croatia", "cuba", "cyprus", "czechia", "denmark", "ecuador", "egypt", "estonia",
        "ethiopia", "finland", "france", "georgia", "germany", "ghana", "greece", "hungary", "iceland", "india",
        "indonesia", "iran", "iraq", "ireland", "israel", "italy", "japan", "jordan", "kazakhstan", "kenya", "kosovo",
        "kuwait", "latvia", "lebanon", "libya", "lithuania", "malaysia", "mali", "mexico", "moldova", "mongolia",
        "morocco", "myanmar", "nepal", "netherlands", "nigeria", "norway", "oman", "pakistan", "palestine", "peru",
        "philippines", "poland", "portugal", "qatar", "romania", "russia", "rwanda", "serbia", "singapore",
        "slovakia", "slovenia", "somalia", "spain", "sudan", "sweden", "switzerland", "syria", "taiwan",
        "tajikistan", "thailand", "tunisia", "turkey", "turkmenistan", "uganda", "ukraine", "united states",
        "united kingdom", "uzbekistan", "venezuela", "vietnam", "yemen", "zambia", "zimbabwe", "north korea",
        "south korea", "saudi arabia", "south africa", "new zealand", "sri lanka", "united arab emirates",
        "europe", "asia", "africa", "america", "latin america", "middle east", "gaza", "west bank", "crimea",
        "donbas", "donetsk", "luhansk", "kharkiv", "kherson", "zaporizhzhia", "odesa", "odessa", "mariupol",
        "kyiv", "kiev", "moscow", "washington", "london", "paris", "berlin", "beijing", "tokyo", "brussels",
        "rome", "madrid", "warsaw", "vienna", "geneva", "jerusalem", "tel aviv", "tehran", "baghdad", "damascus",
        "beirut", "cairo", "ankara", "istanbul", "riyadh", "doha", "dubai", "new delhi", "delhi", "mumbai",
        "islamabad", "kabul", "seoul", "pyongyang", "taipei", "hong kong", "shanghai", "minsk", "tbilisi",
        "new york", "los angeles", "chicago", "san francisco", "florida", "texas", "california", "st. petersburg",
        "britain", "england", "scotland", "wales",
    ]
    /// Spellings of one place or body: each maps to the form it is filed under.
    static let aliases: [String: String] = [
        "us": "united states", "usa": "united states", "united states of america": "united states",
        "america": "united states", "uk": "united kingdom", "britain": "united kingdom",
        "great britain": "united kingdom", "un": "united nations", "eu": "european union",
        "uae": "united arab emirates", "ussr": "soviet union", "kiev": "kyiv", "odessa": "odesa",
        "russian federation": "russia", "holland": "netherlands", "drc": "democratic republic of congo",
    ]
    /// Capitalised adjectives and group nouns that are not names of their own ("Russian forces").
    static let demonyms: Set<String> = [
        "western", "eastern", "northern", "southern", "european", "american", "arab", "muslim", "christian",
        "jewish", "soviet", "afghan", "thai", "czech", "dutch", "french", "greek", "swiss", "polish", "british",
        "irish", "danish", "swedish", "finnish", "turkish", "spanish", "english", "scottish", "welsh", "kurdish",
        "democrat", "democrats", "republican", "republicans", "democratic", "israeli", "israelis", "saudi", "iraqi",
        "iraqis", "pakistani", "pakistanis", "qatari", "kuwaiti", "yemeni", "emirati", "bangladeshi", "nepali",
        "kazakh", "uzbek",
    ]
    /// Speech verbs: their subject or object is a quotation's speaker.
    static let speechVerbs: Set<String> = [
        "said", "says", "say", "saying", "wrote", "writes", "write", "writing", "told", "tells", "tell", "added",
        "adds", "stated", "states", "stating", "asked", "asks", "insisted", "insists", "replied", "replies",
        "announced", "announces", "declared", "declares", "explained", "explains", "noted", "notes", "posted",
        "posts", "tweeted", "tweets", "described", "describes", "urged", "urges", "urging", "warned", "warns",
        "acknowledged", "acknowledges", "argued", "argues", "claimed", "claims", "responded", "responds",
        "continued", "continues", "remarked", "suggested", "suggests", "calling", "called", "demanded",
        "demands", "promised", "vowed", "vows", "recalled", "according", "admitted", "conceded", "confirmed",
        "denied", "insisting", "adding", "telling", "writing", "announcing", "declaring",
    ]
    /// Words between a subject and its verb ("The Kremlin had said", "he also wrote").
    static let auxiliaries: Set<String> = [
        "had", "has", "have", "also", "later", "then", "previously", "again", "once", "would", "will", "was", "is",
        "reportedly", "further", "separately", "repeatedly", "earlier", "just", "recently", "publicly", "quickly",
        "already", "often", "still", "never", "not", "did", "does", "may", "might", "could", "can",
    ]
    static let pronouns: Set<String> = ["he", "she", "they", "him", "her"]
}
