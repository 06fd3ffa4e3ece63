//! Evaluation of the extractors against annotated data.

pub mod amounts;
pub mod ner;
pub mod places;
