//! Everything that goes out: JSON, CSV and aligned tables, human units in English and
//! French, and the charts an embed or a figure shows. The model never imports from here.

pub mod chart;
pub mod csv;
pub mod format;
pub mod json;
pub mod report;
pub mod views;
