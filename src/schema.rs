//! The only definition of tantivy fields and tokenizers.

use crate::bytes::{each_byte, HIGH_BITS};
use tantivy::schema::{
    DateOptions, DateTimePrecision, FacetOptions, Field, IndexRecordOption, NumericOptions, Schema,
    TextFieldIndexing, TextOptions, FAST, INDEXED, STORED, STRING,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RawTokenizer, RemoveLongFilter, SimpleTokenizer, TextAnalyzer,
    TextAnalyzerBuilder, Tokenizer, TokenizerManager,
};
use tantivy::Index;

use crate::stem::MemoStemmer;

/// Tokenizer for article text: words, lower-cased, ASCII-folded, English-stemmed.
pub const TEXT_TOKENIZER: &str = "news";
/// Tokenizer for entity names: words, lower-cased, ASCII-folded, not stemmed.
pub const NAME_TOKENIZER: &str = "names";

/// Handles to every field of the newsdex schema.
#[derive(Debug, Clone)]
pub struct Fields {
    /// Unique article id (`path`, `path#LINE`, `path#N`).
    pub id: Field,
    /// Absolute path of the source file; several articles may share one (JSON Lines).
    pub file: Field,
    /// Headline (full text, positions).
    pub title: Field,
    /// Article text (full text, positions).
    pub body: Field,
    /// Publication date.
    pub date: Field,
    /// Source/publisher (`source:reuters`).
    pub source: Field,
    /// The stored fields, one zstd frame per article ([`crate::pack::Record`]): id, file,
    /// headline, body, source, URL, authors and the entities for display.
    pub stored: Field,
    /// Canonical person names, searchable (`person:putin`).
    pub person: Field,
    /// Place names at every level of their hierarchy, searchable (`place:europe`).
    pub place: Field,
    /// Canonical organisation names, searchable.
    pub org: Field,
    /// Person facet: `/Vladimir Putin`.
    pub person_facet: Field,
    /// Hierarchical place facet: `/Europe/Belgium/Brussels Capital/Brussels`.
    pub place_facet: Field,
    /// Place levels, flat: `/continent/Europe`, `/country/Belgium`, `/region/…`, `/city/Brussels`.
    pub place_level_facet: Field,
    /// Organisation facet: `/European Union`.
    pub org_facet: Field,
    /// Amount facet: `/bucket/01 1bn-10bn`, `/currency/EUR`.
    pub amount_facet: Field,
    /// Every amount's value in the base currency (multi-valued, fast, indexed for ranges).
    pub amount: Field,
    /// The largest amount of the article in the base currency (for sorting).
    pub amount_max: Field,
    /// ISO codes of the currencies written in the article.
    pub currency: Field,
    /// Manifest: file size in bytes when indexed.
    pub file_size: Field,
    /// Manifest: file modification time (nanoseconds since the epoch) when indexed.
    pub file_mtime: Field,
    /// Manifest: content hash (xxh3) of the file when indexed.
    pub file_hash: Field,
    /// Manifest: extractor version that produced the document.
    pub extractor: Field,
}

impl Fields {
    /// Builds the schema and returns it with the field handles.
    pub fn build() -> (Schema, Fields) {
        let mut b = Schema::builder();
        let text = |tokenizer: &str| {
            TextOptions::default().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(tokenizer)
                    .set_index_option(IndexRecordOption::WithFreqsAndPositions),
            )
        };
        // Entity names are searchable (with positions, for phrases like "Vladimir Putin")
        // but not stored: the stored record's entities already hold them for display.
        let names = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(NAME_TOKENIZER)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        );
        let fields = Fields {
            id: b.add_text_field("id", STRING),
            file: b.add_text_field("file", STRING | FAST),
            title: b.add_text_field("title", text(TEXT_TOKENIZER)),
            body: b.add_text_field("body", text(TEXT_TOKENIZER)),
            date: b.add_date_field(
                "date",
                DateOptions::from(INDEXED | STORED | FAST)
                    .set_precision(DateTimePrecision::Seconds),
            ),
            source: b.add_text_field("source", STRING),
            stored: b.add_bytes_field("stored", STORED),
            person: b.add_text_field("person", names.clone()),
            place: b.add_text_field("place", names.clone()),
            org: b.add_text_field("org", names.clone()),
            person_facet: b.add_facet_field("person_facet", FacetOptions::default()),
            place_facet: b.add_facet_field("place_facet", FacetOptions::default()),
            place_level_facet: b.add_facet_field("place_level_facet", FacetOptions::default()),
            org_facet: b.add_facet_field("org_facet", FacetOptions::default()),
            amount_facet: b.add_facet_field("amount_facet", FacetOptions::default()),
            amount: b.add_f64_field("amount", NumericOptions::default() | INDEXED | FAST),
            amount_max: b.add_f64_field("amount_max", NumericOptions::default() | FAST),
            currency: b.add_text_field("currency", STRING),
            file_size: b.add_u64_field("file_size", FAST),
            file_mtime: b.add_u64_field("file_mtime", FAST),
            file_hash: b.add_u64_field("file_hash", STORED),
            extractor: b.add_u64_field("extractor", FAST),
        };
        (b.build(), fields)
    }

    /// The field handles of an existing index, checking that it is a newsdex index.
    ///
    /// An index that some newsdex made with another schema or store format is an
    /// [`Error::Format`](crate::Error::Format) (`newsdex index --full` replaces it); any
    /// other tantivy index is an [`Error::Index`](crate::Error::Index).
    pub fn of(index: &Index) -> crate::Result<Fields> {
        let schema = index.schema();
        let (expected_schema, expected) = Fields::build();
        // Fields every newsdex index has had: the manifest and the person facet.
        let ours = ["file", "file_mtime", "extractor", "person_facet"]
            .iter()
            .all(|name| schema.get_field(name).is_ok());
        if !ours {
            return Err(crate::Error::Index(
                "the index was not made by newsdex (it lacks newsdex's fields); \
                 choose another --index path"
                    .into(),
            ));
        }
        for (field, entry) in expected_schema.fields() {
            match schema.get_field(entry.name()) {
                Ok(f) if f == field && schema.get_field_entry(f) == entry => {}
                _ => {
                    return Err(crate::Error::Format(format!(
                        "the index was made by another version of newsdex (field '{}' differs); \
                         rebuild it with `newsdex index --full`",
                        entry.name()
                    )))
                }
            }
        }
        Ok(expected)
    }
}

/// Registers the newsdex tokenizers on an index.
pub fn register_tokenizers(manager: &TokenizerManager) {
    manager.register(TEXT_TOKENIZER, words().filter(MemoStemmer).build());
    manager.register(NAME_TOKENIZER, words().build());
}

/// The chain both tokenizers start with: words shorter than [`WORD_LIMIT`] bytes, lower-cased,
/// ASCII-folded.
fn words() -> TextAnalyzerBuilder<impl Tokenizer> {
    folded(split())
}

/// Words of this many bytes or more are not indexed.
pub(crate) const WORD_LIMIT: usize = 40;

/// The words of a text, shorter than [`WORD_LIMIT`] bytes, as written: where [`words`] starts.
pub(crate) fn split() -> TextAnalyzerBuilder<impl Tokenizer> {
    TextAnalyzer::builder(SimpleTokenizer::default()).filter(RemoveLongFilter::limit(WORD_LIMIT))
}

/// The byte ranges of the words [`split`] finds in `text` (runs of alphanumeric characters
/// shorter than [`WORD_LIMIT`] bytes), without copying each word as a tantivy token stream
/// does. ASCII text is read eight bytes at a time ([`ascii_words`]), other characters are
/// decoded: cutting the bodies of a page of hits into words was the larger part of making
/// their snippets (BENCHMARKS.md, "Session 18: search latency" and "Session 19: a count
/// array per search, snippets eight bytes at a time, cheaper reading").
pub(crate) fn word_ranges(text: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let bytes = text.as_bytes();
    // Whether the character at byte `i` (a character boundary: `i` moves by whole
    // characters) is alphanumeric, and its length.
    let at = move |i: usize| match WORD_BYTES[usize::from(bytes[i])] {
        ByteClass::Word => (true, 1),
        ByteClass::Other => (false, 1),
        ByteClass::Wide => text[i..]
            .chars()
            .next()
            .map_or((false, 1), |c| (c.is_alphanumeric(), c.len_utf8())),
    };
    // The first byte from `i` on whose kind (word or not) is not `word`, or the first
    // byte that is not ASCII, whichever comes first; the end of the text at the latest.
    let skip = move |mut i: usize, word: bool| {
        while let Some(chunk) = bytes.get(i..i + 8).and_then(|c| c.try_into().ok()) {
            let (words, wide) = ascii_words(chunk);
            let stop = if word { !words & HIGH_BITS } else { words } | wide;
            if stop != 0 {
                return i + (stop.trailing_zeros() / 8) as usize;
            }
            i += 8;
        }
        while i < bytes.len() && bytes[i].is_ascii() && bytes[i].is_ascii_alphanumeric() == word {
            i += 1;
        }
        i
    };
    let mut i = 0;
    std::iter::from_fn(move || loop {
        while i < bytes.len() {
            i = skip(i, false);
            if i >= bytes.len() {
                break;
            }
            let (alnum, len) = at(i);
            if alnum {
                break;
            }
            i += len;
        }
        if i >= bytes.len() {
            return None;
        }
        let start = i;
        while i < bytes.len() {
            i = skip(i, true);
            if i >= bytes.len() {
                break;
            }
            let (alnum, len) = at(i);
            if !alnum {
                break;
            }
            i += len;
        }
        if i - start < WORD_LIMIT {
            return Some(start..i);
        }
    })
}

/// For eight bytes of text: the high bit of each byte that is an ASCII letter or digit,
/// and the high bit of each byte that is not ASCII (the bytes read as a little-endian
/// word, so that the lowest set bit is the first such byte).
#[inline]
fn ascii_words(chunk: [u8; 8]) -> (u64, u64) {
    let x = u64::from_le_bytes(chunk);
    let wide = x & HIGH_BITS;
    // With the high bits cleared no byte carries into the next: `y + each_byte(0x80 - lo)`
    // has the high bit of each byte at or above `lo`, `y + each_byte(0x7f - hi)` of each
    // above `hi`.
    let y = x & !HIGH_BITS;
    let within = |y: u64, lo: u8, hi: u8| (y + each_byte(0x80 - lo)) & !(y + each_byte(0x7f - hi));
    let lower = y | each_byte(0x20);
    let words = (within(y, b'0', b'9') | within(lower, b'a', b'z')) & HIGH_BITS & !wide;
    (words, wide)
}

/// What a byte of UTF-8 text says about the character it starts (see [`word_ranges`]).
#[derive(Clone, Copy)]
enum ByteClass {
    /// An ASCII letter or digit.
    Word,
    /// Any other ASCII character.
    Other,
    /// The first byte of a longer character (continuation bytes are never looked up).
    Wide,
}

/// [`ByteClass`] by byte.
static WORD_BYTES: [ByteClass; 256] = {
    let mut table = [ByteClass::Wide; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = if (b as u8).is_ascii_alphanumeric() {
            ByteClass::Word
        } else {
            ByteClass::Other
        };
        b += 1;
    }
    table
};

/// `words` lower-cased and ASCII-folded.
fn folded<T: Tokenizer>(words: TextAnalyzerBuilder<T>) -> TextAnalyzerBuilder<impl Tokenizer> {
    words.filter(LowerCaser).filter(AsciiFoldingFilter)
}

/// What [`TEXT_TOKENIZER`] does to a word after [`split`], for one word given whole: lower
/// case, ASCII folding and stemming.
pub(crate) fn normalizer() -> TextAnalyzer {
    folded(TextAnalyzer::builder(RawTokenizer::default()))
        .filter(MemoStemmer)
        .build()
}
