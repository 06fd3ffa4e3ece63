//! The statistical sequence tagger for persons, places and organisations. Placeholder until it lands.
