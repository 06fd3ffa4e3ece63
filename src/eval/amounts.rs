//! Scoring money amounts against OntoNotes MONEY. Placeholder until it lands.
