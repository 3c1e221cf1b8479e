//! A distribution's written form, both ways: the notation of links, files and the CLI
//! (`4`, `1.5..6`, `uniform(0.3, 0.8)`). Here rather than beside `Dist`, so that the simulator
//! writes and reads no text.

use crate::terms::notation::{write_number, Notation};
use crate::terms::Dist;

impl Dist {
    /// The value as written, before any check: what the validation layer reads.
    pub fn written(self) -> Notation {
        match self {
            Dist::Point(value) => Notation::Point(value),
            Dist::Range90 { low, high } => Notation::Range90(low, high),
            Dist::Uniform { low, high } => Notation::Uniform(low, high),
        }
    }

    /// The value a written form stands for (checked by the validation layer first).
    pub fn from_written(notation: Notation) -> Dist {
        match notation {
            Notation::Point(value) => Dist::Point(value),
            Notation::Range90(low, high) => Dist::Range90 { low, high },
            Notation::Uniform(low, high) => Dist::Uniform { low, high },
        }
    }

    /// The written form: `4`, `1.5..6` or `uniform(0.3, 0.8)`.
    pub fn notation(&self) -> String {
        match *self {
            Dist::Point(value) => write_number(value),
            Dist::Range90 { low, high } => format!("{}..{}", write_number(low), write_number(high)),
            Dist::Uniform { low, high } => {
                format!("uniform({}, {})", write_number(low), write_number(high))
            }
        }
    }
}
