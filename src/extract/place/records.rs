//! The gazetteer's records, and the layout of its compiled image.
//!
//! Shared by the library and by `build.rs`, which compiles `data/gazetteer.tsv.gz` into the
//! image at build time (`compile.rs`); the library reads the image back (`image.rs`).
//!
//! Image layout, little-endian. A string is a `u32` byte length and the UTF-8 bytes.
//!
//! ```text
//! MAGIC
//! u32 continents, then each: name
//! u32 countries,  then each: code, name, u8 continent (255: none), currency, u64 population
//! u32 regions,    then each: name, u16 country, u64 population
//! u32 cities,     then each: name, u16 country, u32 region (u32::MAX: none), u64 population,
//!                            u8 seat (see `Seat::code`), u16 names
//! u32 demonyms,   then each: normalised key, u16 country (later ones win)
//! name index:     u32 slots (a power of two, or 0), u32 keys, u32 entries, u32 pool bytes,
//!                 slots × u32 (0: empty, else key number + 1; open addressing by `hash`,
//!                 linear probing), keys × (u32 pool offset, u32 length, u32 first entry,
//!                 u32 entry count), entries × u32 (`Entry::pack`), the key bytes
//! ```

/// First bytes of an image; the last two digits are the format version.
pub(super) const MAGIC: &[u8; 8] = b"NXGAZ002";

/// What a gazetteer name points to (indexes into the gazetteer's tables).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Target {
    Continent(u8),
    Country(u16),
    Region(u32),
    City(u32),
}

/// One reading of a name: the place, and whether the name is its main name or a
/// curated alias (`true`) rather than a GeoNames alternate name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Entry {
    pub(super) target: Target,
    pub(super) primary: bool,
}

/// Bit of a packed entry that says it is primary.
const PRIMARY_BIT: u32 = 1 << 29;
/// Bits of a packed entry that hold the table index.
const INDEX_MASK: u32 = PRIMARY_BIT - 1;

impl Entry {
    /// The entry in 32 bits: kind in bits 30-31, primary in bit 29, index below; `None`
    /// when the index does not fit in 29 bits.
    #[cfg_attr(not(test), allow(dead_code))] // written by compile.rs: build.rs and tests
    pub(super) fn pack(self) -> Option<u32> {
        let (kind, index) = match self.target {
            Target::Continent(i) => (0, u32::from(i)),
            Target::Country(i) => (1, u32::from(i)),
            Target::Region(i) => (2, i),
            Target::City(i) => (3, i),
        };
        let primary = if self.primary { PRIMARY_BIT } else { 0 };
        (index <= INDEX_MASK).then_some(kind << 30 | primary | index)
    }

    /// The entry packed by [`Entry::pack`]; `None` for an index too large for its kind.
    pub(super) fn unpack(bits: u32) -> Option<Entry> {
        let index = bits & INDEX_MASK;
        let target = match bits >> 30 {
            0 => Target::Continent(u8::try_from(index).ok()?),
            1 => Target::Country(u16::try_from(index).ok()?),
            2 => Target::Region(index),
            _ => Target::City(index),
        };
        Some(Entry {
            target,
            primary: bits & PRIMARY_BIT != 0,
        })
    }
}

/// A country or territory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Country {
    pub(super) code: String,
    pub(super) name: String,
    pub(super) continent: Option<u8>,
    pub(super) currency: String,
    pub(super) population: u64,
}

/// A first-level region (state, province).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Region {
    pub(super) name: String,
    pub(super) country: u16,
    pub(super) population: u64,
}

/// Whether a city is a national capital, a first-level admin seat, or neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Seat {
    Capital,
    Admin,
    Other,
}

impl Seat {
    /// The seat's byte in the image.
    #[cfg_attr(not(test), allow(dead_code))] // written by compile.rs: build.rs and tests
    pub(super) fn code(self) -> u8 {
        match self {
            Seat::Capital => b'C',
            Seat::Admin => b'A',
            Seat::Other => b'-',
        }
    }

    /// The seat of an image byte (anything unknown is [`Seat::Other`], as in the text).
    pub(super) fn from_code(code: u8) -> Seat {
        match code {
            b'C' => Seat::Capital,
            b'A' => Seat::Admin,
            _ => Seat::Other,
        }
    }
}

/// A city.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct City {
    pub(super) name: String,
    pub(super) country: u16,
    pub(super) region: Option<u32>,
    pub(super) population: u64,
    pub(super) seat: Seat,
    /// How many alternate names GeoNames lists for the city, in any language: how widely
    /// it is known (Venice, Italy: 66; Venice, California: 15).
    pub(super) names: u16,
}

/// Every record of the gazetteer, as the text file gives them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Records {
    pub(super) continents: Vec<String>,
    pub(super) countries: Vec<Country>,
    pub(super) regions: Vec<Region>,
    pub(super) cities: Vec<City>,
    /// Normalised demonym → country, in file order (a later line wins).
    pub(super) demonyms: Vec<(String, u16)>,
    /// Normalised name → its readings, names in order of first appearance.
    pub(super) names: Vec<(String, Vec<Entry>)>,
}

/// Hash of a normalised name in the image's table (64-bit FNV-1a: fixed, so that the image
/// written at build time and the code reading it agree).
pub(super) fn hash(key: &[u8]) -> u64 {
    key.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}
