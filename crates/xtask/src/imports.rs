//! Short names for a WebAssembly module's imports. wasm-bindgen names each function the module
//! imports from its JavaScript glue after what it binds plus a hash
//! (`__wbg_addEventListener_f2d27251d333a631`), and the name is written twice: in the module's
//! import section and as a key of the glue's import object. The hashes do not compress, so the
//! bundle carried 125 such names, about 4 kB gzipped. Here each import is renamed `a`, `b`, …
//! in both files (a name that is not wasm-bindgen's is kept), and the module the imports come from (`./compute-demand-web_bg.js`) is
//! renamed `m`. Nothing else in either file changes: the other sections are copied byte for
//! byte, and only whole identifiers of the glue that are import names are replaced.
//! (Binaryen's `--minify-imports` renames only Emscripten's `env` imports.)

use wasm_encoder::{Encode, RawSection};
use wasmparser::{Imports, Parser, Payload};

/// The import section's id.
const IMPORT_SECTION: u8 = 2;
/// How wasm-bindgen's names start (`__wbg_…`, `__wbindgen_…`): the imports renamed. Another
/// name may also be a word of the glue (`memory`), so it is kept.
const BINDGEN: &str = "__wb";
/// The name the imports' module gets.
const MODULE: &str = "m";

/// Renames the imports of `wasm` and the glue's keys for them; returns both files. Refuses a
/// module whose glue does not name every import once as a whole identifier at least, or does
/// not quote the imports' module exactly once.
pub fn shorten(wasm: &[u8], glue: &str) -> Result<(Vec<u8>, String), String> {
    let mut module = wasm_encoder::Module::new();
    let mut renamed: Vec<(String, String)> = Vec::new();
    let mut from_module: Option<String> = None;
    for payload in Parser::new(0).parse_all(wasm) {
        let payload = payload.map_err(|e| format!("the bundle's WebAssembly: {e}"))?;
        if let Payload::ImportSection(reader) = &payload {
            let mut data = Vec::new();
            reader.count().encode(&mut data);
            let mut items = reader.clone().into_iter_with_offsets().peekable();
            while let Some(item) = items.next() {
                let (start, imports) = item.map_err(|e| format!("an import: {e}"))?;
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
                // The type's bytes, as they are: after the two names, up to the next import.
                let end = match items.peek() {
                    Some(Ok((next, _))) => *next,
                    _ => reader.range().end,
                };
                let names = name_length(import.module) + name_length(import.name);
                MODULE.encode(&mut data);
                if import.name.starts_with(BINDGEN) {
                    let short = short_name(renamed.len());
                    short.as_str().encode(&mut data);
                    renamed.push((import.name.to_string(), short));
                } else {
                    import.name.encode(&mut data);
                }
                data.extend_from_slice(&wasm[start + names..end]);
            }
            module.section(&RawSection {
                id: IMPORT_SECTION,
                data: &data,
            });
        } else if let Some((id, range)) = payload.as_section() {
            module.section(&RawSection {
                id,
                data: &wasm[range],
            });
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
    let glue = rename_identifiers(&glue, &renamed)?;
    Ok((module.finish(), glue))
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

/// Replaces every whole identifier of `glue` that is a `renamed` import; refuses when one of
/// them is not there.
fn rename_identifiers(glue: &str, renamed: &[(String, String)]) -> Result<String, String> {
    let by_name: std::collections::HashMap<&str, &str> = renamed
        .iter()
        .map(|(old, new)| (old.as_str(), new.as_str()))
        .collect();
    let mut seen = std::collections::HashSet::new();
    let mut out = String::with_capacity(glue.len());
    let identifier = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$';
    let mut rest = glue;
    while let Some(start) = rest.find(identifier) {
        out.push_str(&rest[..start]);
        let word = &rest[start..];
        let end = word.find(|c: char| !identifier(c)).unwrap_or(word.len());
        let word = &word[..end];
        match by_name.get(word) {
            Some(new) => {
                seen.insert(word);
                out.push_str(new);
            }
            None => out.push_str(word),
        }
        rest = &rest[start + end..];
    }
    out.push_str(rest);
    match renamed.iter().find(|(old, _)| !seen.contains(old.as_str())) {
        Some((missing, _)) => Err(format!("the glue does not name the import {missing}")),
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
    /// a function that calls the first, its export and a custom section.
    fn module(imports: &[(&str, &str)]) -> Vec<u8> {
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
        let mut exports = ExportSection::new();
        exports.export("__wbindgen_start", ExportKind::Func, 2);
        module.section(&exports);
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
    const GLUE: &str = "function S(){return{\"./compute-demand-web_bg.js\":{__wbg_body_5f971cbc6950ca4f:function(e){return e.body},memory:n,__wbg_call_a410eb4b59ed5965:function(e,t){return e.call(t)}}}}const x_body='__wbg_body_5f971cbc6950ca4fx';";

    #[test]
    fn imports_get_short_names_in_both_files_and_nothing_else_changes() {
        let wasm = module(&IMPORTS);
        let (short, glue) = shorten(&wasm, GLUE).unwrap();
        assert_eq!(short, module(&[("m", "a"), ("m", "memory"), ("m", "b")]));
        wasmparser::validate(&short).unwrap();
        // Only whole identifiers: the string that merely starts with a name keeps it.
        assert_eq!(
            glue,
            "function S(){return{\"m\":{a:function(e){return e.body},memory:n,b:function(e,t){return e.call(t)}}}}const x_body='__wbg_body_5f971cbc6950ca4fx';"
        );
    }

    #[test]
    fn a_glue_that_disagrees_is_refused() {
        #[track_caller]
        fn check(imports: &[(&str, &str)], glue: &str, error: &str) {
            assert_eq!(shorten(&module(imports), glue), Err(error.to_string()));
        }
        check(
            &IMPORTS,
            &GLUE.replace(
                "__wbg_call_a410eb4b59ed5965:",
                "__wbg_call_0000000000000000:",
            ),
            "the glue does not name the import __wbg_call_a410eb4b59ed5965",
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
