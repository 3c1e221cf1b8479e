//! A country is a data pack: a folder added under `data/countries/` is read, checked and
//! written into the tables by build.rs with no code changed. These tests run build.rs's own
//! `generate` on a copy of the data with fixture packs added beside France's.

#[allow(dead_code)]
#[path = "../build.rs"]
mod build;

use std::path::{Path, PathBuf};

/// A file of a fixture pack: its folder, its name and its text.
type PackFile<'a> = (&'a str, &'a str, String);

/// A copy of the engine's data files and France's pack in a fresh folder; `extra` adds packs
/// (folder, file name, text), each a copy of France's files unless it gives its own.
fn data_with(name: &str, extra: &[PackFile]) -> PathBuf {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let root = std::env::temp_dir().join(format!("packs-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let data = root.join("data");
    let copy_dir = |from: &Path, to: &Path| {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let path = entry.unwrap().path();
            if path.is_file() {
                std::fs::copy(&path, to.join(path.file_name().unwrap())).unwrap();
            }
        }
    };
    copy_dir(&source, &data);
    copy_dir(&source.join("countries/fr"), &data.join("countries/fr"));
    for (folder, file, text) in extra {
        let dir = data.join("countries").join(folder);
        if !dir.exists() {
            copy_dir(&source.join("countries/fr"), &dir);
        }
        std::fs::write(dir.join(file), text).unwrap();
    }
    data
}

fn pack_toml(code: &str) -> String {
    // `words` inline, so that a case may append a key at the top level.
    format!(
        "code = \"{code}\"\nname = \"Fixture {code}\"\nname_fr = \"Fixture {code}\"\ndata_as_of = \"2026-06\"\n\
         lede = \"A fixture.\"\nlede_fr = \"Un exemple.\"\n\
         words = {{ country = \"Fixture\", adjective = \"Fixture\", pays = \"le Fixture\", en_pays = \"au Fixture\", \
         de_pays = \"du Fixture\", adj_m = \"f\", adj_f = \"f\", adj_mp = \"fs\", adj_fp = \"fs\", hub_lab = \"Lab\" }}\n"
    )
}

#[test]
fn a_fixture_pack_loads_without_code_changes() {
    let data = data_with("loads", &[("zz", "pack.toml", pack_toml("zz"))]);
    let code = build::generate(&data, true).expect("the fixture pack is read");
    assert!(code.contains("pub mod pack_zz {"), "its tables are written");
    assert!(code.contains("Country { code: \"zz\", name: \"Fixture zz\""));
    // France stays the first, default pack; the fixture follows it.
    let (fr, zz) = (
        code.find("code: \"fr\"").unwrap(),
        code.find("code: \"zz\"").unwrap(),
    );
    assert!(fr < zz);
    // Without `all-countries` (the web app), only the default pack is written.
    let only_default = build::generate(&data, false).unwrap();
    assert!(!only_default.contains("pack_zz"));
    std::fs::remove_dir_all(data.parent().unwrap()).unwrap();
}

/// A pack names a parameter its own way and says which engine key it fills; its presets,
/// register and correlations name it by its own key, and its table holds that key in the
/// engine's place.
#[test]
fn a_pack_may_name_a_parameter_its_own_way() {
    let params = fr_params().replace(
        "key = \"training.poolside.france_share\"",
        "key = \"training.hub.zz_share\"\nrole = \"training.poolside.france_share\"",
    );
    let presets = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data/countries/fr/presets.toml"),
    )
    .unwrap();
    let files = |presets: String| {
        vec![
            ("zz", "pack.toml", pack_toml("zz")),
            ("zz", "params.toml", params.clone()),
            ("zz", "presets.toml", presets),
        ]
    };
    // The pack's presets name it by the engine's key: refused, since the pack calls it
    // otherwise.
    let data = data_with("engine-key-in-presets", &files(presets.clone()));
    let error = build::generate(&data, true).unwrap_err();
    assert!(
        error.contains(
            "countries/zz/presets.toml high training.poolside.france_share: unknown parameter"
        ),
        "{error}"
    );
    std::fs::remove_dir_all(data.parent().unwrap()).unwrap();
    let own = presets.replace(
        "\"training.poolside.france_share\"",
        "\"training.hub.zz_share\"",
    );
    let data = data_with("own-keys", &files(own));
    let code = build::generate(&data, true).expect("the renamed key is read");
    let zz = &code[code.find("pub mod pack_zz {").unwrap()..];
    let engine = code
        .find("key: \"training.poolside.france_share\"")
        .expect("France keeps the engine's key");
    assert!(engine < code.find("pub mod pack_zz {").unwrap());
    assert!(zz.contains("key: \"training.hub.zz_share\""));
    assert!(!zz.contains("key: \"training.poolside.france_share\""));
    std::fs::remove_dir_all(data.parent().unwrap()).unwrap();
}

fn fr_params() -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data/countries/fr/params.toml"),
    )
    .unwrap()
}

/// What a pack gets wrong is said by file, row and rule.
#[test]
fn a_broken_pack_is_refused_with_its_place() {
    let fr_params = fr_params();
    let renamed = |key: &str, role: &str| {
        fr_params.replacen(
            "key = \"training.frontier.growth\"",
            &format!("key = \"{key}\"\nrole = \"{role}\""),
            1,
        )
    };
    let cases: Vec<(&str, Vec<PackFile>, &str)> = vec![
        (
            "folder",
            vec![("zy", "pack.toml", pack_toml("zz"))],
            "the code is two lowercase letters and names the pack's folder (found 'zz' in countries/zy/)",
        ),
        (
            "default",
            vec![("zz", "pack.toml", pack_toml("zz") + "default = true\n")],
            "exactly one pack.toml says `default = true`, found 2",
        ),
        (
            "vintage",
            vec![("zz", "pack.toml", pack_toml("zz").replace("2026-06", "June 2026"))],
            "data_as_of is YYYY-MM, not 'June 2026'",
        ),
        (
            "other code of another pack",
            vec![("zz", "pack.toml", pack_toml("zz") + "other_codes = [\"fr\"]\n")],
            "countries/zz/pack.toml: other code 'fr' is another pack's",
        ),
        (
            "other code shaped",
            vec![("zz", "pack.toml", pack_toml("zz") + "other_codes = [\"Z-Z\"]\n")],
            "other_codes are lowercase letters other than the code, not 'Z-Z'",
        ),
        (
            "words",
            vec![("zz", "pack.toml", pack_toml("zz").replace("adj_f = \"f\"", "adj_f = \" \""))],
            "countries/zz/pack.toml: [words] gives {adj_f} no word",
        ),
        (
            "schema",
            vec![
                ("zz", "pack.toml", pack_toml("zz")),
                ("zz", "params.toml", fr_params.replacen("max = 40.0", "max = 41.0", 1)),
            ],
            "countries/zz/params.toml training.frontier.runs_per_year: expected the engine's 'training.frontier.runs_per_year'",
        ),
        (
            "a role that is not the engine's in this place",
            vec![
                ("zz", "pack.toml", pack_toml("zz")),
                ("zz", "params.toml", renamed("training.lab.growth", "training.poolside.growth")),
            ],
            "countries/zz/params.toml training.lab.growth: expected the engine's 'training.frontier.growth'",
        ),
        (
            "another parameter's engine key",
            vec![
                ("zz", "pack.toml", pack_toml("zz")),
                ("zz", "params.toml", renamed("training.poolside.growth", "training.frontier.growth")),
            ],
            "countries/zz/params.toml training.poolside.growth: the engine's key of another parameter",
        ),
        (
            "a role that is the key",
            vec![
                ("zz", "pack.toml", pack_toml("zz")),
                ("zz", "params.toml", renamed("training.frontier.growth", "training.frontier.growth")),
            ],
            "a role that is its own key; leave the role out",
        ),
        (
            "a role in the default pack",
            vec![("fr", "params.toml", renamed("training.lab.growth", "training.frontier.growth"))],
            "the default pack's keys are the engine's; it names no role",
        ),
        (
            "rules",
            vec![
                ("zz", "pack.toml", pack_toml("zz")),
                ("zz", "params.toml", fr_params.replacen("evidence = \"judgement\"", "evidence = \"hunch\"", 1)),
            ],
            "countries/zz/params.toml training.frontier.runs_per_year: unknown evidence 'hunch'",
        ),
    ];
    for (name, extra, expected) in cases {
        let data = data_with(name, &extra);
        let error = build::generate(&data, true).expect_err(name);
        assert!(error.contains(expected), "{name}: {error}");
        std::fs::remove_dir_all(data.parent().unwrap()).unwrap();
    }
}
