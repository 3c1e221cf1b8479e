//! Everything that goes out: JSON, CSV and aligned tables, and human units in English and
//! French. The model never imports from here.

pub mod csv;
pub mod format;
pub mod json;
pub mod report;
