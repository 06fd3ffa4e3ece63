//! Compiles the gazetteer text into its binary image (see `records.rs` for the layout).
//!
//! Run by `build.rs` on `data/gazetteer.tsv.gz`, and by the tests, which check that the
//! image reads back into exactly what the text says.

use std::collections::HashMap;

use super::key;
use super::records::{City, Country, Entry, Records, Region, Seat, Target, MAGIC};

/// Parses the text of the compiled gazetteer (the record format is described in
/// `scripts/build_gazetteer.py` and `data/README.md`). Malformed lines are skipped.
pub(super) fn parse_text(text: &str) -> Records {
    let mut r = Records::default();
    let mut names = Names::default();
    let mut continent_by_code: HashMap<&str, u8> = HashMap::new();
    let mut country_by_code: HashMap<&str, u16> = HashMap::new();
    let mut region_by_key: HashMap<(&str, &str), u32> = HashMap::new();
    for line in text.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        match f.as_slice() {
            ["O", code, name] => {
                let Ok(i) = u8::try_from(r.continents.len()) else {
                    continue;
                };
                continent_by_code.insert(code, i);
                r.continents.push((*name).to_string());
                names.add(name, Target::Continent(i), true);
            }
            ["K", code, name, continent, currency, population, aliases] => {
                let Ok(i) = u16::try_from(r.countries.len()) else {
                    continue;
                };
                r.countries.push(Country {
                    code: (*code).to_string(),
                    name: (*name).to_string(),
                    continent: continent_by_code.get(continent).copied(),
                    currency: (*currency).to_string(),
                    population: population.parse().unwrap_or(0),
                });
                country_by_code.insert(code, i);
                names.add(name, Target::Country(i), true);
                for alias in aliases.split('|') {
                    names.add(alias, Target::Country(i), true);
                }
            }
            ["R", key, name, population, aliases] => {
                let Some(country) = key
                    .split('.')
                    .next()
                    .and_then(|cc| country_by_code.get(cc).copied())
                else {
                    continue;
                };
                let Ok(i) = u32::try_from(r.regions.len()) else {
                    continue;
                };
                if let Some((cc, code)) = key.split_once('.') {
                    region_by_key.insert((cc, code), i);
                }
                r.regions.push(Region {
                    name: (*name).to_string(),
                    country,
                    population: population.parse().unwrap_or(0),
                });
                names.add(name, Target::Region(i), true);
                for alias in aliases.split('|') {
                    names.add(alias, Target::Region(i), true);
                }
            }
            // A gazetteer written before the `names` column has eight fields: names 0.
            ["T", name, cc, admin1, population, seat, alternates, aliases, known @ ..]
                if known.len() <= 1 =>
            {
                let known = known.first().copied().unwrap_or("0");
                let Some(country) = country_by_code.get(*cc).copied() else {
                    continue;
                };
                let Ok(i) = u32::try_from(r.cities.len()) else {
                    continue;
                };
                r.cities.push(City {
                    name: (*name).to_string(),
                    country,
                    region: region_by_key.get(&(*cc, *admin1)).copied(),
                    population: population.parse().unwrap_or(0),
                    seat: match *seat {
                        "C" => Seat::Capital,
                        "A" => Seat::Admin,
                        _ => Seat::Other,
                    },
                    names: known.parse().unwrap_or(0),
                });
                names.add(name, Target::City(i), true);
                for alias in aliases.split('|') {
                    names.add(alias, Target::City(i), true);
                }
                for alt in alternates.split('|') {
                    names.add(alt, Target::City(i), false);
                }
            }
            ["D", word, cc] => {
                if let Some(&country) = country_by_code.get(*cc) {
                    r.demonyms.push((key::normalize(word), country));
                }
            }
            _ => {}
        }
    }
    r.names = names.list;
    r
}

/// The name index being built: normalised name → readings, in order of first appearance.
#[derive(Default)]
struct Names {
    list: Vec<(String, Vec<Entry>)>,
    position: HashMap<String, usize>,
    key: String,
}

impl Names {
    /// Adds one name of a place (no duplicates per place; a primary reading wins).
    fn add(&mut self, name: &str, target: Target, primary: bool) {
        key::normalize_into(name, &mut self.key);
        if self.key.is_empty() {
            return;
        }
        let entry = Entry { target, primary };
        match self.position.get(self.key.as_str()) {
            Some(&i) => {
                let entries = &mut self.list[i].1;
                match entries.iter_mut().find(|e| e.target == target) {
                    Some(e) => e.primary |= primary,
                    None => entries.push(entry),
                }
            }
            None => {
                self.position.insert(self.key.clone(), self.list.len());
                self.list.push((self.key.clone(), vec![entry]));
            }
        }
    }
}

/// Writes the image of `r` (layout in `records.rs`).
pub(super) fn encode(r: &Records) -> Vec<u8> {
    let mut out = Vec::with_capacity(4 << 20);
    out.extend_from_slice(MAGIC);
    put_len(&mut out, r.continents.len());
    for name in &r.continents {
        put_str(&mut out, name);
    }
    put_len(&mut out, r.countries.len());
    for c in &r.countries {
        put_str(&mut out, &c.code);
        put_str(&mut out, &c.name);
        out.push(c.continent.unwrap_or(u8::MAX));
        put_str(&mut out, &c.currency);
        out.extend_from_slice(&c.population.to_le_bytes());
    }
    put_len(&mut out, r.regions.len());
    for reg in &r.regions {
        put_str(&mut out, &reg.name);
        out.extend_from_slice(&reg.country.to_le_bytes());
        out.extend_from_slice(&reg.population.to_le_bytes());
    }
    put_len(&mut out, r.cities.len());
    for c in &r.cities {
        put_str(&mut out, &c.name);
        out.extend_from_slice(&c.country.to_le_bytes());
        put_u32(&mut out, c.region.unwrap_or(u32::MAX));
        out.extend_from_slice(&c.population.to_le_bytes());
        out.push(c.seat.code());
        out.extend_from_slice(&c.names.to_le_bytes());
    }
    put_len(&mut out, r.demonyms.len());
    for (word, country) in &r.demonyms {
        put_str(&mut out, word);
        out.extend_from_slice(&country.to_le_bytes());
    }

    // The name index: an open-addressing table at most half full.
    let keys = &r.names;
    let slots = if keys.is_empty() {
        0
    } else {
        (keys.len() * 2).next_power_of_two()
    };
    let mut table = vec![0u32; slots];
    let mut records = Vec::with_capacity(keys.len() * 16);
    let mut entries: Vec<u8> = Vec::new();
    let mut pool: Vec<u8> = Vec::new();
    let mut entry_count = 0usize;
    for (n, (name, readings)) in keys.iter().enumerate() {
        let mut slot = (super::records::hash(name.as_bytes()) as usize) & (slots - 1);
        while table[slot] != 0 {
            slot = (slot + 1) & (slots - 1);
        }
        table[slot] = to_u32(n + 1);
        let packed: Vec<u32> = readings.iter().filter_map(|e| e.pack()).collect();
        for v in [pool.len(), name.len(), entry_count, packed.len()] {
            put_u32(&mut records, to_u32(v));
        }
        pool.extend_from_slice(name.as_bytes());
        for p in &packed {
            put_u32(&mut entries, *p);
        }
        entry_count += packed.len();
    }
    for v in [slots, keys.len(), entry_count, pool.len()] {
        put_len(&mut out, v);
    }
    for s in table {
        put_u32(&mut out, s);
    }
    out.extend_from_slice(&records);
    out.extend_from_slice(&entries);
    out.extend_from_slice(&pool);
    out
}

/// A length or offset as written in the image (the gazetteer is far below 4 GiB).
fn to_u32(v: usize) -> u32 {
    u32::try_from(v).unwrap_or(u32::MAX)
}

fn put_u32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put_len(out: &mut Vec<u8>, v: usize) {
    put_u32(out, to_u32(v));
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_len(out, s.len());
    out.extend_from_slice(s.as_bytes());
}
