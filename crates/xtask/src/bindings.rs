//! Short names for what a WebAssembly module and its JavaScript glue call each other.
//! wasm-bindgen names each function the module imports from its glue after what it binds plus
//! a hash (`__wbg_addEventListener_f2d27251d333a631`), and each closure the module exports
//! after its Rust path (`wasm_bindgen_d40c52ec9709a63___convert__closures_____invoke___…`);
//! every name is written twice, in the module's import or export section and in the glue. The
//! hashes and paths do not compress: the bundle carried 125 imports and 15 such exports, about
//! 4.5 kB gzipped. Here wasm-bindgen's imports are renamed `a`, `b`, … in both files, and the
//! module they come from (`./compute-demand-web_bg.js`) `m`; wasm-bindgen's exports are
//! renamed `a`, `b`, … too (a separate namespace). Nothing else changes: the other sections are
//! copied byte for byte, a name that is not wasm-bindgen's (`memory`, `main`) is kept, and the
//! glue is changed only where it names a renamed import as an object key (`name:`) or a
//! renamed export as a property (`.name`); a glue that names one otherwise is refused.
//! (Binaryen's `--minify-imports` renames only Emscripten's `env` imports.)

use wasm_encoder::{Encode, RawSection};
use wasmparser::{Imports, Parser, Payload};

/// The import and export sections' ids.
const IMPORT_SECTION: u8 = 2;
const EXPORT_SECTION: u8 = 7;
/// How wasm-bindgen's import names start (`__wbg_…`, `__wbindgen_…`).
const BINDGEN_IMPORTS: [&str; 1] = ["__wb"];
/// How wasm-bindgen's export names start (`__wbindgen_malloc`, `__externref_table_alloc`, a
/// closure's `wasm_bindgen_…`).
const BINDGEN_EXPORTS: [&str; 3] = ["__wbindgen_", "__externref_", "wasm_bindgen_"];
/// The name the imports' module gets.
const MODULE: &str = "m";

/// A renamed binding: its old name and its new one.
type Renamed = Vec<(String, String)>;

/// Renames wasm-bindgen's imports and exports of `wasm` and the glue's names for them;
/// returns both files. Refuses a glue that does not name each renamed import as an object key
/// and each renamed export as a property, or does not quote the imports' module once.
pub fn shorten(wasm: &[u8], glue: &str) -> Result<(Vec<u8>, String), String> {
    let mut module = wasm_encoder::Module::new();
    let (mut imported, mut exported): (Renamed, Renamed) = (Vec::new(), Vec::new());
    let mut from_module: Option<String> = None;
    for payload in Parser::new(0).parse_all(wasm) {
        let payload = payload.map_err(|e| format!("the bundle's WebAssembly: {e}"))?;
        match &payload {
            Payload::ImportSection(reader) => {
                let mut data = Vec::new();
                reader.count().encode(&mut data);
                for (imports, span) in spans(reader, "an import")? {
                    let Imports::Single(_, import) = imports else {
                        return Err(
                            "an import in the compact encoding, which this does not read".into(),
                        );
                    };
                    match &from_module {
                        None => from_module = Some(import.module.to_string()),
                        Some(m) if m == import.module => {}
                        Some(m) => {
                            return Err(format!(
                                "imports from two modules: {m} and {}",
                                import.module
                            ))
                        }
                    }
                    // The type's bytes, as they are: after the two names, up to the next one.
                    let names = name_length(import.module) + name_length(import.name);
                    MODULE.encode(&mut data);
                    renamed_if(import.name, &BINDGEN_IMPORTS, &mut imported).encode(&mut data);
                    data.extend_from_slice(&wasm[span.start + names..span.end]);
                }
                module.section(&RawSection {
                    id: IMPORT_SECTION,
                    data: &data,
                });
            }
            Payload::ExportSection(reader) => {
                let mut data = Vec::new();
                reader.count().encode(&mut data);
                for (export, span) in spans(reader, "an export")? {
                    // The kind and index, as they are: after the name, up to the next one.
                    renamed_if(export.name, &BINDGEN_EXPORTS, &mut exported).encode(&mut data);
                    data.extend_from_slice(&wasm[span.start + name_length(export.name)..span.end]);
                }
                module.section(&RawSection {
                    id: EXPORT_SECTION,
                    data: &data,
                });
            }
            _ => {
                if let Some((id, range)) = payload.as_section() {
                    module.section(&RawSection {
                        id,
                        data: &wasm[range],
                    });
                }
            }
        }
    }
    let Some(from_module) = from_module else {
        return Ok((wasm.to_vec(), glue.to_string()));
    };
    let quoted = format!("\"{from_module}\"");
    if glue.matches(&quoted).count() != 1 {
        return Err(format!("the glue does not quote {quoted} once"));
    }
    let glue = glue.replace(&quoted, &format!("\"{MODULE}\""));
    let glue = rename_identifiers(&glue, &imported, &exported)?;
    Ok((module.finish(), glue))
}

/// A section's items, each with the bytes of the module it spans (up to the next item, or
/// the section's end); `what` names an item in an error.
fn spans<'a, T: wasmparser::FromReader<'a>>(
    reader: &wasmparser::SectionLimited<'a, T>,
    what: &str,
) -> Result<Vec<(T, std::ops::Range<usize>)>, String> {
    let items: Vec<(usize, T)> = reader
        .clone()
        .into_iter_with_offsets()
        .collect::<Result<_, _>>()
        .map_err(|e| format!("{what}: {e}"))?;
    let ends: Vec<usize> = (items.iter().skip(1).map(|(start, _)| *start))
        .chain([reader.range().end])
        .collect();
    Ok(items
        .into_iter()
        .zip(ends)
        .map(|((start, item), end)| (item, start..end))
        .collect())
}

/// `name`'s new name when it starts with one of `prefixes` (noted in `renamed`), else `name`.
fn renamed_if(name: &str, prefixes: &[&str], renamed: &mut Renamed) -> String {
    if prefixes.iter().any(|prefix| name.starts_with(prefix)) {
        let short = short_name(renamed.len());
        renamed.push((name.to_string(), short.clone()));
        short
    } else {
        name.to_string()
    }
}

/// The bytes a name takes in the binary: its length (LEB128) and its UTF-8.
fn name_length(name: &str) -> usize {
    let mut bytes = Vec::new();
    name.encode(&mut bytes);
    bytes.len()
}

/// `a`…`z`, `A`…`Z`, then two letters: a JavaScript identifier, none `__proto__`.
fn short_name(index: usize) -> String {
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let base = LETTERS.len();
    let mut name = Vec::new();
    let mut rest = index;
    loop {
        name.push(LETTERS[rest % base]);
        if rest < base {
            break;
        }
        rest = rest / base - 1;
    }
    name.reverse();
    String::from_utf8(name).expect("ASCII letters")
}

/// Replaces every whole identifier of `glue` that is a renamed import (an object key: `name:`)
/// or export (a property: `.name`); refuses one named otherwise, or not at all.
fn rename_identifiers(
    glue: &str,
    imported: &Renamed,
    exported: &Renamed,
) -> Result<String, String> {
    let map = |renamed: &Renamed| -> std::collections::HashMap<String, String> {
        renamed.iter().cloned().collect()
    };
    let (imports, exports) = (map(imported), map(exported));
    let mut seen = std::collections::HashSet::new();
    let mut out = String::with_capacity(glue.len());
    let identifier = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$';
    let mut rest = glue;
    while let Some(start) = rest.find(identifier) {
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        let end = after.find(|c: char| !identifier(c)).unwrap_or(after.len());
        let word = &after[..end];
        let (key, property) = (after[end..].starts_with(':'), out.ends_with('.'));
        let new = match (imports.get(word), exports.get(word)) {
            (Some(new), _) if key => Some(new),
            (_, Some(new)) if property => Some(new),
            (None, None) => None,
            _ => {
                return Err(format!(
                    "the glue names {word} other than as the binding it is"
                ))
            }
        };
        match new {
            Some(new) => {
                seen.insert(word.to_string());
                out.push_str(new);
            }
            None => out.push_str(word),
        }
        rest = &rest[start + end..];
    }
    out.push_str(rest);
    match imported
        .iter()
        .chain(exported)
        .find(|(old, _)| !seen.contains(old))
    {
        Some((missing, _)) => Err(format!("the glue does not name the binding {missing}")),
        None => Ok(out),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_encoder::{
        CodeSection, CustomSection, EntityType, ExportKind, ExportSection, Function,
        FunctionSection, ImportSection, MemoryType, Module, TypeSection,
    };

    /// A module like wasm-bindgen's: three imports from its glue (two functions, a memory),
    /// a function that calls the first, its exports (`exports`, then `main`) and a custom
    /// section.
    fn module(imports: &[(&str, &str)], exports: &[&str]) -> Vec<u8> {
        let mut module = Module::new();
        let mut types = TypeSection::new();
        types.ty().function([], []);
        module.section(&types);
        let mut section = ImportSection::new();
        for (i, (from, name)) in imports.iter().enumerate() {
            let ty = if i == 1 {
                EntityType::Memory(MemoryType {
                    minimum: 1,
                    maximum: None,
                    memory64: false,
                    shared: false,
                    page_size_log2: None,
                })
            } else {
                EntityType::Function(0)
            };
            section.import(from, name, ty);
        }
        module.section(&section);
        let mut functions = FunctionSection::new();
        functions.function(0);
        module.section(&functions);
        let mut section = ExportSection::new();
        for name in exports.iter().chain(&["main"]) {
            section.export(name, ExportKind::Func, 2);
        }
        module.section(&section);
        let mut code = CodeSection::new();
        let mut body = Function::new([]);
        body.instructions().call(0).end();
        code.function(&body);
        module.section(&code);
        module.section(&CustomSection {
            name: "producers".into(),
            data: b"rustc".as_slice().into(),
        });
        module.finish()
    }

    const FROM: &str = "./compute-demand-web_bg.js";
    const IMPORTS: [(&str, &str); 3] = [
        (FROM, "__wbg_body_5f971cbc6950ca4f"),
        (FROM, "memory"),
        (FROM, "__wbg_call_a410eb4b59ed5965"),
    ];
    const EXPORTS: [&str; 2] = [
        "__wbindgen_start",
        "wasm_bindgen_d40c52ec9709a63___convert__closures_____invoke_______true_",
    ];
    const GLUE: &str = "function S(){return{\"./compute-demand-web_bg.js\":{__wbg_body_5f971cbc6950ca4f:function(e){return e.body},memory:n,__wbg_call_a410eb4b59ed5965:function(e,t){return e.call(t)}}}}const x_body='__wbg_body_5f971cbc6950ca4fx';function R(){c.wasm_bindgen_d40c52ec9709a63___convert__closures_____invoke_______true_(1)}c.__wbindgen_start(),c.main();";

    #[test]
    fn bindings_get_short_names_in_both_files_and_nothing_else_changes() {
        let wasm = module(&IMPORTS, &EXPORTS);
        let (short, glue) = shorten(&wasm, GLUE).unwrap();
        assert_eq!(
            short,
            module(&[("m", "a"), ("m", "memory"), ("m", "b")], &["a", "b"])
        );
        wasmparser::validate(&short).unwrap();
        // Only whole identifiers: the string that merely starts with a name keeps it; an
        // export and an import may have the same new name, one a property, the other a key.
        assert_eq!(
            glue,
            "function S(){return{\"m\":{a:function(e){return e.body},memory:n,b:function(e,t){return e.call(t)}}}}const x_body='__wbg_body_5f971cbc6950ca4fx';function R(){c.b(1)}c.a(),c.main();"
        );
    }

    #[test]
    fn a_glue_that_disagrees_is_refused() {
        #[track_caller]
        fn check(imports: &[(&str, &str)], glue: &str, error: &str) {
            assert_eq!(
                shorten(&module(imports, &EXPORTS), glue),
                Err(error.to_string())
            );
        }
        check(
            &IMPORTS,
            &GLUE.replace(
                "__wbg_call_a410eb4b59ed5965:",
                "__wbg_call_0000000000000000:",
            ),
            "the glue does not name the binding __wbg_call_a410eb4b59ed5965",
        );
        check(
            &IMPORTS,
            &GLUE.replace("c.__wbindgen_start()", "c.start()"),
            "the glue does not name the binding __wbindgen_start",
        );
        // A binding named as a variable would be renamed where the glue means something else.
        check(
            &IMPORTS,
            &GLUE.replace("c.__wbindgen_start()", "__wbindgen_start()"),
            "the glue names __wbindgen_start other than as the binding it is",
        );
        check(
            &IMPORTS,
            &GLUE.replace(FROM, "./other.js"),
            "the glue does not quote \"./compute-demand-web_bg.js\" once",
        );
        check(
            &[(FROM, "a"), ("env", "b"), (FROM, "c")],
            GLUE,
            "imports from two modules: ./compute-demand-web_bg.js and env",
        );
    }

    #[test]
    fn short_names_are_distinct_identifiers() {
        let names: Vec<String> = (0..3000).map(short_name).collect();
        assert_eq!(&names[..3], ["a", "b", "c"]);
        assert_eq!(names[51], "Z");
        assert_eq!(names[52], "aa");
        let distinct: std::collections::HashSet<&String> = names.iter().collect();
        assert_eq!(distinct.len(), names.len());
        assert!(names
            .iter()
            .all(|n| n.chars().all(|c| c.is_ascii_alphabetic())));
    }
}
