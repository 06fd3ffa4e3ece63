//! Publication dates: parsing the many forms real dumps use. Placeholder until it lands.
