//! The outcome views of the compute-demand web app: for the chosen figure and year, the
//! chance that it exceeds any level (the exceedance chart) and what would have to be true for
//! an outcome (scenario discovery over the draws).
//!
//! A second WebAssembly module beside the app's bundle: the bundle's size is held to a
//! budget, and these views (their reading of the draws, their markup, their CSVs) would take
//! 12 kB of it. The page asks for them once its results are drawn and settled
//! (`compute_demand_web::browser::show_views`), through `window.computeDemandViews` in
//! web/index.html, which imports this module once. The module decodes the page's own link,
//! runs it (the same scenario, sampling and seed: the page's and the CLI's draws, to the
//! bit), and writes the panel into `#outcome`, whose clicks and changes it answers itself.
//!
//! The module also makes what only a click needs (`clicks`): the page's downloads and its
//! reading of a scenario file, whose writers and reader would take 18 kB of the bundle.

pub mod clicks;
pub mod outcome;
pub mod page;
pub mod render;
