//! Turns a [`SearchRequest`] into a tantivy [`Query`].

use super::SearchRequest;
use crate::schema::{Fields, NAME_TOKENIZER};
use crate::{Error, Result};
use std::ops::Bound;
use tantivy::query::{
    AllQuery, BooleanQuery, Occur, PhraseQuery, Query, QueryParser, QueryParserError, RangeQuery,
    TermQuery,
};
use tantivy::schema::{Facet, Field, IndexRecordOption};
use tantivy::{DateTime, Index, Term};

/// The person facet's term of one name: a person is a facet of one level ("/Tony Blair").
pub(crate) fn person_term(field: Field, name: &str) -> Term {
    Term::from_facet(field, &Facet::from_path([name]))
}

/// Builds the query of a request: the keyword query AND every filter. `surnames` has, for
/// each `--person` filter, the one-word person the person facet counts under that name
/// ("Bush" for "George W. Bush"), whose articles the filter also matches.
pub fn build(
    index: &Index,
    fields: &Fields,
    req: &SearchRequest,
    surnames: &[Option<String>],
) -> Result<Box<dyn Query>> {
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    if let Some(q) = req.query.as_deref().filter(|q| !q.trim().is_empty()) {
        clauses.push((Occur::Must, keyword_query(index, fields, q)?));
    }
    for (i, p) in req.persons.iter().enumerate() {
        let name = name_query(index, fields.person, p, "--person")?;
        let query: Box<dyn Query> = match surnames.get(i).and_then(Option::as_deref) {
            Some(surname) => Box::new(BooleanQuery::new(vec![
                (Occur::Should, name),
                (
                    Occur::Should,
                    Box::new(TermQuery::new(
                        person_term(fields.person_facet, surname),
                        IndexRecordOption::Basic,
                    )),
                ),
            ])),
            None => name,
        };
        clauses.push((Occur::Must, query));
    }
    for p in &req.places {
        clauses.push((Occur::Must, name_query(index, fields.place, p, "--place")?));
    }
    for o in &req.orgs {
        let canonical = crate::extract::org::canonical(o);
        clauses.push((
            Occur::Must,
            name_query(index, fields.org, &canonical, "--org")?,
        ));
    }
    if let Some(filter) = &req.amount {
        let (lo, hi) = filter.base_range();
        let bound = |v: Option<f64>| match v {
            Some(v) => Bound::Included(Term::from_field_f64(fields.amount, v)),
            None => Bound::Unbounded,
        };
        clauses.push((Occur::Must, Box::new(RangeQuery::new(bound(lo), bound(hi)))));
    }
    if let Some(cur) = &req.currency {
        let term = Term::from_field_text(fields.currency, &cur.trim().to_ascii_uppercase());
        clauses.push((
            Occur::Must,
            Box::new(TermQuery::new(term, IndexRecordOption::Basic)),
        ));
    }
    if req.from.is_some() || req.to.is_some() {
        // Dates are indexed at midnight UTC, so inclusive day bounds are exact.
        let bound = |d: Option<chrono::NaiveDate>| match d {
            Some(d) => {
                let secs = d
                    .and_hms_opt(0, 0, 0)
                    .map_or(0, |t| t.and_utc().timestamp());
                Bound::Included(Term::from_field_date(
                    fields.date,
                    DateTime::from_timestamp_secs(secs),
                ))
            }
            None => Bound::Unbounded,
        };
        clauses.push((
            Occur::Must,
            Box::new(RangeQuery::new(bound(req.from), bound(req.to))),
        ));
    }
    Ok(match clauses.len() {
        0 => Box::new(AllQuery),
        1 => clauses
            .pop()
            .map(|(_, q)| q)
            .unwrap_or_else(|| Box::new(AllQuery)),
        _ => Box::new(BooleanQuery::new(clauses)),
    })
}

/// Parses the user's keyword query; errors say what is wrong and where.
pub fn keyword_query(index: &Index, fields: &Fields, q: &str) -> Result<Box<dyn Query>> {
    if let Some(err) = precheck(q) {
        return Err(Error::Query(err));
    }
    let mut parser = QueryParser::for_index(
        index,
        vec![
            fields.title,
            fields.body,
            fields.person,
            fields.place,
            fields.org,
        ],
    );
    parser.set_conjunction_by_default();
    parser.set_field_boost(fields.title, 2.0);
    parser
        .parse_query(q)
        .map_err(|e| Error::Query(describe(q, &e)))
}

/// Deepest parenthesis nesting accepted: tantivy's query grammar recurses per level.
pub const MAX_QUERY_DEPTH: usize = 32;

/// Finds unbalanced quotes and parentheses, with the column where the problem starts.
fn precheck(q: &str) -> Option<String> {
    let mut open_quote: Option<usize> = None;
    let mut parens: Vec<usize> = Vec::new();
    for (col, c) in q.chars().enumerate() {
        match c {
            '"' => {
                open_quote = if open_quote.is_some() {
                    None
                } else {
                    Some(col)
                }
            }
            '(' if open_quote.is_none() && parens.len() >= MAX_QUERY_DEPTH => {
                return Some(format!(
                    "query syntax error at column {}: parentheses nested more than {MAX_QUERY_DEPTH} deep",
                    col + 1
                ));
            }
            '(' if open_quote.is_none() => parens.push(col),
            ')' if open_quote.is_none() && parens.pop().is_none() => {
                return Some(format!(
                    "query syntax error at column {}: ')' closes nothing\n  {q}\n  {}^",
                    col + 1,
                    " ".repeat(col)
                ));
            }
            _ => {}
        }
    }
    if let Some(col) = open_quote {
        return Some(format!(
            "query syntax error at column {}: this quote is never closed\n  {q}\n  {}^",
            col + 1,
            " ".repeat(col)
        ));
    }
    if let Some(col) = parens.pop() {
        return Some(format!(
            "query syntax error at column {}: this '(' is never closed\n  {q}\n  {}^",
            col + 1,
            " ".repeat(col)
        ));
    }
    None
}

fn describe(q: &str, e: &QueryParserError) -> String {
    match e {
        QueryParserError::FieldDoesNotExist(name) => {
            let col = q
                .find(&format!("{name}:"))
                .map_or(0, |i| q[..i].chars().count());
            format!(
                "query error at column {}: there is no field '{name}' (fields: title, body, person, place, org)\n  {q}\n  {}^",
                col + 1,
                " ".repeat(col)
            )
        }
        QueryParserError::AllButQueryForbidden => {
            format!("query error: '{q}' only excludes terms; add at least one term to look for")
        }
        other => format!("query error in '{q}': {other}"),
    }
}

/// A name filter: every word of `value`, in order, in the entity field (case-insensitive).
fn name_query(index: &Index, field: Field, value: &str, flag: &str) -> Result<Box<dyn Query>> {
    let mut analyzer = index
        .tokenizers()
        .get(NAME_TOKENIZER)
        .ok_or_else(|| Error::Index("name tokenizer missing".into()))?;
    let mut stream = analyzer.token_stream(value);
    let mut terms: Vec<Term> = Vec::new();
    while let Some(tok) = stream.next() {
        terms.push(Term::from_field_text(field, &tok.text));
    }
    match terms.len() {
        0 => Err(Error::Query(format!(
            "{flag} '{value}': no words to look for"
        ))),
        1 => Ok(Box::new(TermQuery::new(
            terms.remove(0),
            IndexRecordOption::Basic,
        ))),
        _ => Ok(Box::new(PhraseQuery::new(terms))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precheck_points_at_the_problem() {
        let e = precheck("putin \"frozen assets").unwrap();
        assert!(e.contains("column 7"), "{e}");
        assert!(precheck("(a OR b").unwrap().contains("column 1"));
        assert!(precheck("a)").unwrap().contains("column 2"));
        assert!(precheck("\"frozen assets\" AND (eu OR nato)").is_none());
    }
}
