//! `keyed!`: an enum that travels as text, with its key table written once. Every enum that
//! appears in a link, a file, a flag or JSON (`Metric`, `Status`, `CapexScope`, `ValueKind`,
//! `ParamGroup`, `ProjectField`) is declared through it, so a key has exactly one spelling.
//!
//! build.rs includes this file verbatim (`#[path]`), so it depends on nothing but `core`.

/// Declares `enum $name { Variant = "key", … }` with `ALL`, `COUNT`, `key()`, `from_key()`
/// and `keys()`.
macro_rules! keyed {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$variant_meta:meta])* $variant:ident = $key:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $( $(#[$variant_meta])* $variant, )+
        }

        #[allow(dead_code)]
        impl $name {
            /// How many variants there are.
            pub const COUNT: usize = [$($key),+].len();
            /// Every variant, in declaration order.
            pub const ALL: [$name; [$($key),+].len()] = [$($name::$variant),+];

            /// The variant's one text form.
            pub const fn key(self) -> &'static str {
                match self {
                    $( $name::$variant => $key, )+
                }
            }

            pub fn from_key(key: &str) -> Option<$name> {
                match key {
                    $( $key => Some($name::$variant), )+
                    _ => None,
                }
            }

            /// Every key, in declaration order.
            pub fn keys() -> impl Iterator<Item = &'static str> + Clone {
                $name::ALL.into_iter().map($name::key)
            }
        }
    };
}
