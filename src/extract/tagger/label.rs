//! Entity kinds, the tagger's internal BILOU labels and the public BIO tags.

use serde::Serialize;

/// The kind of a named entity (the four CoNLL-2003 types).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A person.
    Person = 0,
    /// A place.
    Location = 1,
    /// An organisation.
    Organization = 2,
    /// Other names: nationalities, events, products ...
    Misc = 3,
}

/// The number of entity kinds.
pub(crate) const N_KINDS: usize = 4;

impl EntityKind {
    /// All kinds, in index order.
    pub const ALL: [EntityKind; N_KINDS] = [
        EntityKind::Person,
        EntityKind::Location,
        EntityKind::Organization,
        EntityKind::Misc,
    ];

    /// The CoNLL code ("PER", "LOC", "ORG", "MISC").
    pub fn code(self) -> &'static str {
        match self {
            EntityKind::Person => "PER",
            EntityKind::Location => "LOC",
            EntityKind::Organization => "ORG",
            EntityKind::Misc => "MISC",
        }
    }

    /// Parses a CoNLL code.
    pub fn from_code(code: &str) -> Option<EntityKind> {
        EntityKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// A BIO tag: the tagger's per-token output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Tag {
    /// Outside any entity.
    O,
    /// First token of an entity.
    B(EntityKind),
    /// A following token of an entity.
    I(EntityKind),
}

impl Tag {
    /// The entity kind, if inside an entity.
    pub fn kind(self) -> Option<EntityKind> {
        match self {
            Tag::O => None,
            Tag::B(k) | Tag::I(k) => Some(k),
        }
    }
}

impl std::fmt::Display for Tag {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Tag::O => f.write_str("O"),
            Tag::B(k) => write!(f, "B-{}", k.code()),
            Tag::I(k) => write!(f, "I-{}", k.code()),
        }
    }
}

/// Position of a token in an entity (BILOU).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pos {
    Begin = 0,
    Inside = 1,
    Last = 2,
    Unit = 3,
}

/// The internal label: outside, or (position, kind). Index 0 is outside, then 4 per kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Label(u8);

/// The number of internal labels.
pub(crate) const N_LABELS: usize = 1 + 4 * N_KINDS;

impl Label {
    pub const O: Label = Label(0);

    pub fn new(pos: Pos, kind: EntityKind) -> Label {
        Label(1 + kind as u8 * 4 + pos as u8)
    }

    pub fn from_index(i: usize) -> Label {
        debug_assert!(i < N_LABELS);
        Label(i as u8)
    }

    pub fn index(self) -> usize {
        self.0 as usize
    }

    pub fn kind(self) -> Option<EntityKind> {
        (self.0 > 0).then(|| EntityKind::ALL[(self.0 as usize - 1) / 4])
    }

    pub fn pos(self) -> Option<Pos> {
        (self.0 > 0).then(|| match (self.0 - 1) % 4 {
            0 => Pos::Begin,
            1 => Pos::Inside,
            2 => Pos::Last,
            _ => Pos::Unit,
        })
    }

    /// Whether an entity is open after this label (it must be continued).
    pub fn is_open(self) -> bool {
        matches!(self.pos(), Some(Pos::Begin | Pos::Inside))
    }

    /// Whether `self` may follow `prev` (None = sentence start).
    pub fn may_follow(self, prev: Option<Label>) -> bool {
        let open = prev.filter(|p| p.is_open());
        match (open, self.pos()) {
            (None, None | Some(Pos::Begin | Pos::Unit)) => true,
            (None, _) => false,
            (Some(p), Some(Pos::Inside | Pos::Last)) => p.kind() == self.kind(),
            (Some(_), _) => false,
        }
    }

    /// The BIO tag.
    pub fn tag(self) -> Tag {
        match (self.pos(), self.kind()) {
            (Some(Pos::Begin | Pos::Unit), Some(k)) => Tag::B(k),
            (Some(Pos::Inside | Pos::Last), Some(k)) => Tag::I(k),
            _ => Tag::O,
        }
    }
}

/// Entity spans over token indices `(kind, start, end)` to BILOU labels.
pub(crate) fn spans_to_labels(n: usize, spans: &[(EntityKind, usize, usize)]) -> Vec<Label> {
    let mut out = vec![Label::O; n];
    for &(k, s, e) in spans {
        if e <= s || e > n {
            continue;
        }
        if e - s == 1 {
            out[s] = Label::new(Pos::Unit, k);
        } else {
            out[s] = Label::new(Pos::Begin, k);
            for l in &mut out[s + 1..e - 1] {
                *l = Label::new(Pos::Inside, k);
            }
            out[e - 1] = Label::new(Pos::Last, k);
        }
    }
    out
}

/// Decodes IOB1 or IOB2 tags ("B-PER", "I-ORG", "O") into token spans with conlleval's rules:
/// an entity starts at `B-X`, or at `I-X` after a tag of another type or `O`.
pub fn iob_spans<S: AsRef<str>>(tags: &[S]) -> Vec<(EntityKind, usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(EntityKind, usize)> = None;
    for (i, t) in tags.iter().enumerate() {
        let t = t.as_ref();
        let (prefix, kind) = match t.split_once('-') {
            Some((p, k)) => (p, EntityKind::from_code(k)),
            None => ("O", None),
        };
        let starts = match (kind, open) {
            (None, _) => false,
            (Some(_), None) => true,
            (Some(k), Some((ok, _))) => prefix == "B" || k != ok,
        };
        if kind.is_none() || starts {
            if let Some((k, s)) = open.take() {
                out.push((k, s, i));
            }
        }
        if starts {
            open = kind.map(|k| (k, i));
        }
    }
    if let Some((k, s)) = open {
        out.push((k, s, tags.len()));
    }
    out
}

/// BILOU labels back to token spans.
pub(crate) fn labels_to_spans(labels: &[Label]) -> Vec<(EntityKind, usize, usize)> {
    let tags: Vec<Tag> = labels.iter().map(|l| l.tag()).collect();
    tag_spans(&tags)
}

/// BIO tags to token spans.
pub fn tag_spans(tags: &[Tag]) -> Vec<(EntityKind, usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(EntityKind, usize)> = None;
    for (i, t) in tags.iter().enumerate() {
        let starts = match (*t, open) {
            (Tag::O, _) => false,
            (Tag::B(_), _) => true,
            (Tag::I(k), Some((ok, _))) => k != ok,
            (Tag::I(_), None) => true,
        };
        if *t == Tag::O || starts {
            if let Some((k, s)) = open.take() {
                out.push((k, s, i));
            }
        }
        if starts {
            open = t.kind().map(|k| (k, i));
        }
    }
    if let Some((k, s)) = open {
        out.push((k, s, tags.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iob1_and_iob2_decode_alike() {
        let iob1 = ["I-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG"];
        let iob2 = ["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "B-ORG"];
        let want = vec![
            (EntityKind::Person, 0, 2),
            (EntityKind::Location, 3, 4),
            (EntityKind::Location, 4, 5),
            (EntityKind::Organization, 5, 6),
        ];
        assert_eq!(iob_spans(&iob1), want);
        assert_eq!(iob_spans(&iob2), want);
        let labels = spans_to_labels(6, &want);
        assert_eq!(labels_to_spans(&labels), want);
    }

    #[test]
    fn transitions() {
        let b = Label::new(Pos::Begin, EntityKind::Person);
        let l = Label::new(Pos::Last, EntityKind::Person);
        let lo = Label::new(Pos::Last, EntityKind::Location);
        assert!(b.may_follow(None));
        assert!(!l.may_follow(None));
        assert!(l.may_follow(Some(b)));
        assert!(!lo.may_follow(Some(b)));
        assert!(!Label::O.may_follow(Some(b)));
        assert!(Label::O.may_follow(Some(l)));
    }
}
