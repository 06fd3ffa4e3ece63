//! Places: the GeoNames gazetteer and resolution into continent / country / region / city.
//! Placeholder until the gazetteer lands.
