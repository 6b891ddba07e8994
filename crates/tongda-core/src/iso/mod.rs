//! Isochrones and population coverage (filled in by the isochrone work).
