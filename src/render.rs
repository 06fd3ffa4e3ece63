//! Writes search results and index reports as text or JSON to any writer.

use crate::ingest::Report;
use crate::search::{Hit, SearchResults};
use std::io::{self, Write};

/// Text styling for terminals.
#[derive(Debug, Clone, Copy, Default)]
pub struct Style {
    /// Use ANSI colours and bold.
    pub color: bool,
}

impl Style {
    fn bold(&self, s: &str) -> String {
        if self.color {
            format!("\x1b[1m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    fn dim(&self, s: &str) -> String {
        if self.color {
            format!("\x1b[2m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    fn mark(&self, s: &str) -> String {
        if self.color {
            format!("\x1b[1;33m{s}\x1b[0m")
        } else {
            format!("**{s}**")
        }
    }
}

/// A value written the way news writes it: `1.5bn`, `47bn`, `960m`, `1,400`, `102.8`.
pub fn human_amount(v: f64) -> String {
    let scaled = |x: f64, unit: &str| {
        let s = format!("{x:.2}");
        let s = s.trim_end_matches('0').trim_end_matches('.');
        format!("{s}{unit}")
    };
    let a = v.abs();
    if a >= 1e12 {
        scaled(v / 1e12, "tn")
    } else if a >= 1e9 {
        scaled(v / 1e9, "bn")
    } else if a >= 1e6 {
        scaled(v / 1e6, "m")
    } else if a >= 1e3 && v.fract() == 0.0 {
        let digits = format!("{}", v.abs() as u64);
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        if v < 0.0 {
            out.insert(0, '-');
        }
        out
    } else {
        scaled(v, "")
    }
}

/// Writes any serialisable value as pretty JSON followed by a newline.
pub fn json<T: serde::Serialize>(value: &T, out: &mut impl Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)
}

/// Writes an index report as JSON.
pub fn report_json(report: &Report, out: &mut impl Write) -> io::Result<()> {
    json(report, out)
}

/// Writes an index report as text.
pub fn report_text(r: &Report, out: &mut impl Write) -> io::Result<()> {
    writeln!(
        out,
        "added {}, updated {}, deleted {}, unchanged {}, skipped {}",
        r.added,
        r.updated,
        r.deleted,
        r.unchanged,
        r.skipped.len()
    )?;
    let read = r.added + r.updated;
    writeln!(
        out,
        "{} articles from {} files in {:.2} s ({:.0} files/s, {:.1} MB/s); {} documents in the index",
        r.articles,
        read,
        r.seconds,
        r.files_per_second(),
        r.bytes as f64 / 1e6 / r.seconds.max(1e-9),
        r.documents
    )?;
    if !r.skipped.is_empty() {
        writeln!(out, "skipped:")?;
        for s in r.skipped.iter().take(50) {
            writeln!(out, "  {}: {}", s.path, s.reason)?;
        }
        if r.skipped.len() > 50 {
            writeln!(
                out,
                "  … and {} more (use --json for the full list)",
                r.skipped.len() - 50
            )?;
        }
    }
    Ok(())
}

/// Writes search results as text.
pub fn search_text(
    res: &SearchResults,
    offset: usize,
    style: Style,
    out: &mut impl Write,
) -> io::Result<()> {
    let shown = res.hits.len();
    if res.total == 0 {
        writeln!(out, "no articles match ({:.1} ms)", res.took_ms)?;
    } else if shown > 0 {
        writeln!(
            out,
            "{} articles match; showing {}-{} ({:.1} ms)\n",
            res.total,
            offset + 1,
            offset + shown,
            res.took_ms
        )?;
    } else {
        writeln!(out, "{} articles match ({:.1} ms)", res.total, res.took_ms)?;
    }
    for (i, hit) in res.hits.iter().enumerate() {
        hit_text(hit, offset + i + 1, style, out)?;
    }
    facets_text(res, style, out)
}

fn hit_text(hit: &Hit, n: usize, style: Style, out: &mut impl Write) -> io::Result<()> {
    let title = if hit.title.is_empty() {
        "(no headline)"
    } else {
        hit.title.as_str()
    };
    let date = hit.date.as_deref().unwrap_or("");
    writeln!(out, "{:>3}. {}  {}", n, style.bold(title), style.dim(date))?;
    writeln!(out, "     {}", style.dim(&hit.id))?;
    if !hit.snippet.is_empty() {
        writeln!(
            out,
            "     {}",
            highlight(&hit.snippet, &hit.highlights, style)
        )?;
    }
    let list = |label: &str, items: &[String]| {
        if items.is_empty() {
            None
        } else {
            let mut s = items.iter().take(6).cloned().collect::<Vec<_>>().join(", ");
            if items.len() > 6 {
                s.push_str(&format!(" (+{})", items.len() - 6));
            }
            Some(format!("{label}: {s}"))
        }
    };
    let amounts: Vec<String> = hit.amounts.iter().map(|a| a.text.clone()).collect();
    let parts: Vec<String> = [
        list("persons", &hit.persons),
        list("places", &hit.places),
        list("orgs", &hit.orgs),
        list("amounts", &amounts),
    ]
    .into_iter()
    .flatten()
    .collect();
    for p in parts {
        writeln!(out, "     {}", style.dim(&p))?;
    }
    writeln!(out)
}

fn highlight(text: &str, ranges: &[[usize; 2]], style: Style) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut pos = 0;
    for [s, e] in ranges {
        let (s, e) = ((*s).min(chars.len()), (*e).min(chars.len()));
        if s < pos {
            continue;
        }
        out.extend(&chars[pos..s]);
        out.push_str(&style.mark(&chars[s..e].iter().collect::<String>()));
        pos = e;
    }
    out.extend(&chars[pos..]);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Writes the facet counts of a result as text.
pub fn facets_text(res: &SearchResults, style: Style, out: &mut impl Write) -> io::Result<()> {
    for (name, values) in &res.facets {
        if values.is_empty() {
            writeln!(out, "{}: none", style.bold(name))?;
            continue;
        }
        let mut groups: Vec<(Option<&str>, Vec<String>)> = Vec::new();
        for v in values {
            let item = format!("{} ({})", v.value, v.count);
            match groups.last_mut() {
                Some((level, items)) if *level == v.level => items.push(item),
                _ => groups.push((v.level, vec![item])),
            }
        }
        for (level, items) in groups {
            let label = match level {
                Some(l) => format!("{name}/{l}"),
                None => name.to_string(),
            };
            writeln!(out, "{}: {}", style.bold(&label), items.join(", "))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_read_like_news() {
        assert_eq!(human_amount(1.5e9), "1.5bn");
        assert_eq!(human_amount(47e9), "47bn");
        assert_eq!(human_amount(960e6), "960m");
        assert_eq!(human_amount(1400.0), "1,400");
        assert_eq!(human_amount(102.8), "102.8");
        assert_eq!(human_amount(2.5e12), "2.5tn");
    }

    #[test]
    fn highlight_marks_character_ranges() {
        let s = highlight("Zürich bank fined", &[[7, 11]], Style { color: false });
        assert_eq!(s, "Zürich **bank** fined");
    }
}
