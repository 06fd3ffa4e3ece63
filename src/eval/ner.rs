//! Scoring the entity tagger with conlleval rules. Placeholder until it lands.
