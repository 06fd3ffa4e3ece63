//! Reads the gazetteer image written by `compile.rs` (layout in `records.rs`).
//!
//! The tables of places are decoded into vectors (a few milliseconds); the name index, most
//! of the data, is used where it lies: a lookup hashes the key and probes the image's table.

use std::borrow::Cow;

use crate::bytes::ByteReader;

use super::records::{hash, City, Country, Entry, Records, Region, Seat, Target, MAGIC};

/// The name index of an image: normalised name → its readings.
#[derive(Debug, Default)]
pub(super) struct NameIndex {
    bytes: Cow<'static, [u8]>,
    /// Number of slots of the hash table (a power of two, or 0).
    slots: usize,
    /// Byte offsets of the slot table, the key records, the packed entries and the key
    /// bytes.
    slot_at: usize,
    key_at: usize,
    entry_at: usize,
    pool_at: usize,
}

/// The readings of one name, as stored in the image.
#[derive(Debug, Clone, Copy)]
pub(super) struct Entries<'a>(&'a [u8]);

impl<'a> Entries<'a> {
    /// The readings, in the order they were added.
    pub(super) fn iter(&self) -> impl Iterator<Item = Entry> + 'a {
        self.0
            .chunks_exact(4)
            .filter_map(|b| Entry::unpack(le32(b)))
    }
}

impl NameIndex {
    /// The readings of a normalised name, if the gazetteer has it.
    pub(super) fn get(&self, key: &str) -> Option<Entries<'_>> {
        if self.slots == 0 {
            return None;
        }
        let mask = self.slots - 1;
        let mut slot = (hash(key.as_bytes()) as usize) & mask;
        // Every slot at most once, so a damaged table cannot loop forever.
        for _ in 0..self.slots {
            let n = u32_at(&self.bytes, self.slot_at + slot * 4)? as usize;
            let (name, entries) = self.key(n.checked_sub(1)?)?;
            if name == key.as_bytes() {
                return Some(entries);
            }
            slot = (slot + 1) & mask;
        }
        None
    }

    /// The bytes and the readings of the `n`th name.
    fn key(&self, n: usize) -> Option<(&[u8], Entries<'_>)> {
        let record = self.key_at + n * 16;
        let field = |i: usize| u32_at(&self.bytes, record + i * 4).map(|v| v as usize);
        let (offset, len, first, count) = (field(0)?, field(1)?, field(2)?, field(3)?);
        let name = self
            .bytes
            .get(self.pool_at + offset..self.pool_at + offset + len)?;
        let start = self.entry_at + first * 4;
        let entries = self.bytes.get(start..start + count * 4)?;
        Some((name, Entries(entries)))
    }

    /// Number of distinct names.
    #[cfg(test)]
    pub(super) fn len(&self) -> usize {
        (self.entry_at - self.key_at) / 16
    }

    /// Every (name, readings) pair, in the order they were compiled, the readings found
    /// through the hash table.
    #[cfg(test)]
    pub(super) fn pairs(&self) -> Vec<(String, Vec<Entry>)> {
        (0..self.len())
            .filter_map(|n| {
                let name = std::str::from_utf8(self.key(n)?.0).ok()?.to_string();
                let entries = self.get(&name)?.iter().collect();
                Some((name, entries))
            })
            .collect()
    }
}

/// Reads an image: the place tables (without `names`, which stay in the image) and the
/// name index. `None` if the image is damaged: wrong magic, a truncated section, invalid
/// UTF-8, or an index that points outside its table.
pub(super) fn read(bytes: Cow<'static, [u8]>) -> Option<(Records, NameIndex)> {
    let mut r = ByteReader::new(&bytes);
    if r.take(MAGIC.len())? != MAGIC {
        return None;
    }
    let mut records = Records::default();
    for _ in 0..r.u32()? {
        records.continents.push(r.string()?);
    }
    let continents = records.continents.len();
    for _ in 0..r.u32()? {
        records.countries.push(Country {
            code: r.string()?,
            name: r.string()?,
            continent: match r.u8()? {
                u8::MAX => None,
                c if usize::from(c) < continents => Some(c),
                _ => return None,
            },
            currency: r.string()?,
            population: r.u64()?,
        });
    }
    let countries = records.countries.len();
    let country = |c: u16| (usize::from(c) < countries).then_some(c);
    for _ in 0..r.u32()? {
        records.regions.push(Region {
            name: r.string()?,
            country: country(r.u16()?)?,
            population: r.u64()?,
        });
    }
    let regions = records.regions.len();
    for _ in 0..r.u32()? {
        records.cities.push(City {
            name: r.string()?,
            country: country(r.u16()?)?,
            region: match r.u32()? {
                u32::MAX => None,
                i if (i as usize) < regions => Some(i),
                _ => return None,
            },
            population: r.u64()?,
            seat: Seat::from_code(r.u8()?),
            names: r.u16()?,
        });
    }
    for _ in 0..r.u32()? {
        records.demonyms.push((r.string()?, country(r.u16()?)?));
    }

    let slots = r.u32()? as usize;
    let keys = r.u32()? as usize;
    let entries = r.u32()? as usize;
    let pool = r.u32()? as usize;
    if slots != 0 && !slots.is_power_of_two() {
        return None;
    }
    let slot_at = r.position();
    r.take(slots.checked_mul(4)?)?;
    let key_at = r.position();
    r.take(keys.checked_mul(16)?)?;
    let entry_at = r.position();
    let packed = r.take(entries.checked_mul(4)?)?;
    let pool_at = r.position();
    r.take(pool)?;
    // Every reading must point into its table: lookups index the tables directly.
    let fits = |e: Entry| match e.target {
        Target::Continent(i) => usize::from(i) < records.continents.len(),
        Target::Country(i) => usize::from(i) < records.countries.len(),
        Target::Region(i) => (i as usize) < records.regions.len(),
        Target::City(i) => (i as usize) < records.cities.len(),
    };
    let valid = |b: &[u8]| Entry::unpack(le32(b)).is_some_and(fits);
    if !packed.chunks_exact(4).all(valid) {
        return None;
    }
    let index = NameIndex {
        bytes,
        slots,
        slot_at,
        key_at,
        entry_at,
        pool_at,
    };
    Some((records, index))
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    bytes.get(at..at.checked_add(4)?).map(le32)
}

/// The little-endian `u32` of the first four bytes of `b` (callers pass four bytes).
fn le32(b: &[u8]) -> u32 {
    let mut v = [0u8; 4];
    v.copy_from_slice(&b[..4]);
    u32::from_le_bytes(v)
}

#[cfg(test)]
mod tests {
    use super::super::compile::{encode, parse_text};
    use super::super::{Gazetteer, DATA, IMAGE};
    use super::*;
    use std::io::Read;

    fn text() -> String {
        let mut text = String::new();
        flate2::read::GzDecoder::new(DATA)
            .read_to_string(&mut text)
            .expect("embedded gazetteer decompresses");
        text
    }

    #[test]
    fn the_image_reads_back_exactly_what_the_text_says() {
        let records = parse_text(&text());
        assert!(records.names.len() > 50_000, "{}", records.names.len());
        let image = encode(&records);
        // build.rs wrote the same bytes into the binary.
        assert!(
            image == IMAGE,
            "the embedded image is not what compile.rs makes"
        );
        let (tables, index) = read(Cow::Owned(image)).expect("image reads");
        assert_eq!(tables.continents, records.continents);
        assert_eq!(tables.countries, records.countries);
        assert_eq!(tables.regions, records.regions);
        assert_eq!(tables.cities, records.cities);
        assert_eq!(tables.demonyms, records.demonyms);
        assert!(tables.names.is_empty(), "names stay in the image");
        assert_eq!(index.len(), records.names.len());
        // Every name, with its readings in order, found by hashing into the image's table.
        assert!(index.pairs() == records.names, "name index differs");
        for absent in ["", "xyzzyville", "paris ", "PARIS"] {
            assert!(index.get(absent).is_none(), "{absent:?}");
        }
        let paris: Vec<Entry> = index.get("paris").expect("paris").iter().collect();
        assert!(paris.len() > 1, "{paris:?}");
    }

    #[test]
    fn a_small_text_round_trips() {
        let text = "O\tEU\tEurope\n\
                    K\tBE\tBelgium\tEU\tEUR\t11000000\tBelgique\n\
                    K\tXX\tBroken line\n\
                    R\tBE.BRU\tBrussels Capital\t1200000\tBrussels\n\
                    T\tBrussels\tBE\tBRU\t1019022\tC\tBruxelles|Brussel\tBrussels\t48\n\
                    T\tNowhere\tZZ\t01\t5\t-\t\t\t0\n\
                    D\tBelgian\tBE\n";
        let records = parse_text(text);
        assert_eq!(records.countries.len(), 1);
        assert_eq!(
            records.cities.len(),
            1,
            "the city of an unknown country is skipped"
        );
        let g = Gazetteer::from_image(Cow::Owned(encode(&records))).expect("reads");
        let brussels = g.lookup("BRUSSELS");
        assert_eq!(brussels.len(), 2, "{brussels:?}");
        assert_eq!(brussels[0].country_code.as_deref(), Some("BE"));
        assert_eq!(g.lookup("Bruxelles")[0].name, "Brussels");
        assert_eq!(g.demonym("Belgians"), Some("Belgium"));
        assert_eq!(g.country_currency("be"), Some("EUR"));
        assert!(g.lookup("Nowhere").is_empty());
        let empty = Gazetteer::from_image(Cow::Owned(encode(&Records::default()))).expect("empty");
        assert!(empty.lookup("Brussels").is_empty());
    }

    #[test]
    fn a_damaged_image_is_refused_or_harmless_never_a_panic() {
        let text = "O\tEU\tEurope\n\
                    K\tBE\tBelgium\tEU\tEUR\t11000000\tBelgique\n\
                    R\tBE.BRU\tBrussels Capital\t1200000\t\n\
                    T\tBrussels\tBE\tBRU\t1019022\tC\tBruxelles\t\t48\n\
                    D\tBelgian\tBE\n";
        let image = encode(&parse_text(text));
        assert!(Gazetteer::from_image(Cow::Owned(image.clone())).is_some());
        for len in 0..image.len() {
            let cut = image[..len].to_vec();
            assert!(
                Gazetteer::from_image(Cow::Owned(cut)).is_none(),
                "cut at {len}"
            );
        }
        // Every byte set to a few values: whatever reads back answers without panicking.
        for at in 0..image.len() {
            for value in [0u8, 1, 0x7f, 0xff] {
                let mut bad = image.clone();
                bad[at] = value;
                if let Some(g) = Gazetteer::from_image(Cow::Owned(bad)) {
                    for name in ["Brussels", "Bruxelles", "Belgium", "Europe", "Belgique"] {
                        let _ = g.lookup(name);
                        let _ = g.is_place_name(name);
                        let at = g.location_after(", Belgium");
                        let _ = g.resolve(&[name], &[at], Some(name), &["BE"]);
                    }
                }
            }
        }
        assert!(Gazetteer::from_image(Cow::Borrowed(b"NXGAZ000")).is_none());
    }
}
