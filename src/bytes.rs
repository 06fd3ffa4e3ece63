//! Reading little-endian binary data (the files the project writes: the tagger model, the
//! compiled gazetteer; and tantivy's stored documents, see `store::stored_fields`): every
//! read is bounds-checked and answers `None` past the end, so damaged bytes are refused
//! rather than read out of bounds. Also the constants for reading text eight
//! bytes at a time as one 64-bit word.

/// The high bit of each byte of a 64-bit word, for reading text eight bytes at a time
/// (`schema::word_ranges`, `read::decode`).
pub(crate) const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The byte `b` in each byte of a 64-bit word.
pub(crate) const fn each_byte(b: u8) -> u64 {
    0x0101_0101_0101_0101 * b as u64
}

/// Reads a byte slice front to back.
#[derive(Debug)]
pub(crate) struct ByteReader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> ByteReader<'a> {
    /// A reader at the start of `bytes`.
    pub fn new(bytes: &'a [u8]) -> Self {
        ByteReader { bytes, at: 0 }
    }

    /// The offset of the next read.
    pub fn position(&self) -> usize {
        self.at
    }

    /// The number of bytes not read yet.
    pub fn remaining(&self) -> usize {
        self.bytes.len() - self.at
    }

    /// Whether every byte has been read.
    pub fn at_end(&self) -> bool {
        self.at == self.bytes.len()
    }

    /// The next `n` bytes.
    pub fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let b = self.bytes.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(b)
    }

    /// The next `N` bytes as an array.
    fn array<const N: usize>(&mut self) -> Option<[u8; N]> {
        self.take(N)?.try_into().ok()
    }

    /// The next `u8`.
    pub fn u8(&mut self) -> Option<u8> {
        self.array::<1>().map(|[b]| b)
    }

    /// The next `u16`.
    pub fn u16(&mut self) -> Option<u16> {
        self.array().map(u16::from_le_bytes)
    }

    /// The next `u32`.
    pub fn u32(&mut self) -> Option<u32> {
        self.array().map(u32::from_le_bytes)
    }

    /// The next `u64`.
    pub fn u64(&mut self) -> Option<u64> {
        self.array().map(u64::from_le_bytes)
    }

    /// The next `f32`.
    pub fn f32(&mut self) -> Option<f32> {
        self.array().map(f32::from_le_bytes)
    }

    /// A string written as its `u32` byte length and UTF-8 bytes.
    pub fn string(&mut self) -> Option<String> {
        let n = self.u32()? as usize;
        std::str::from_utf8(self.take(n)?).ok().map(str::to_string)
    }
}

#[cfg(test)]
mod tests {
    use super::ByteReader;

    #[test]
    fn reads_little_endian_and_stops_at_the_end() {
        let bytes = [1u8, 2, 0, 3, 0, 0, 0, 2, 0, 0, 0, b'h', b'i', 9];
        let mut r = ByteReader::new(&bytes);
        assert_eq!(r.u8(), Some(1));
        assert_eq!(r.u16(), Some(2));
        assert_eq!(r.u32(), Some(3));
        assert_eq!(r.string().as_deref(), Some("hi"));
        assert_eq!(r.position(), 13);
        assert_eq!(r.u16(), None, "one byte left");
        assert_eq!(r.u8(), Some(9));
        assert!(r.at_end());
        assert_eq!(r.take(usize::MAX), None);
    }
}
