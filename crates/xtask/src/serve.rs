//! The project's one static file server, for `cargo xtask serve` and the end-to-end tests
//! (`cargo xtask serve-dist`): the MIME types a WebAssembly app needs, an optional sub-path
//! prefix, and no path outside the folder.
//!
//! Its standard output is meant to be read by a program: first
//! `xtask serve: listening on <url>` (the bound address, port 0 resolved, with the prefix),
//! then one `<method> <path> <status>` line per request, written before the response.

use crate::Result;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};

/// What `serve-dist` serves: a folder, at an address, under a prefix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    pub dir: PathBuf,
    pub addr: String,
    /// Starts and ends with `/`; `/` serves the folder at the root.
    pub prefix: String,
    /// Stop when standard input closes (the tests' way to never leave a server behind).
    pub stop_on_eof: bool,
}

impl Options {
    pub fn new(dir: PathBuf) -> Self {
        Self {
            dir,
            addr: "127.0.0.1:8080".into(),
            prefix: "/".into(),
            stop_on_eof: false,
        }
    }

    /// Reads `--dir DIR --addr HOST:PORT --prefix /sub/path/ --stop-on-eof` over the defaults.
    pub fn parse(mut self, args: &[String]) -> Result<Self> {
        let mut args = args.iter();
        while let Some(flag) = args.next() {
            let mut value = || {
                args.next()
                    .cloned()
                    .ok_or_else(|| format!("{flag} needs a value"))
            };
            match flag.as_str() {
                "--dir" => self.dir = PathBuf::from(value()?),
                "--addr" => self.addr = value()?,
                "--prefix" => self.prefix = normalize_prefix(&value()?)?,
                "--stop-on-eof" => self.stop_on_eof = true,
                other => return Err(format!("serve-dist: unknown argument `{other}`")),
            }
        }
        Ok(self)
    }
}

/// `sub/path`, `/sub/path` and `/sub/path/` all become `/sub/path/`; `..` and `.` are refused.
pub fn normalize_prefix(prefix: &str) -> Result<String> {
    let parts: Vec<&str> = prefix.split('/').filter(|p| !p.is_empty()).collect();
    if parts.iter().any(|p| *p == "." || *p == "..") {
        return Err(format!("the prefix `{prefix}` may not contain `.` or `..`"));
    }
    Ok(parts.iter().fold("/".to_string(), |acc, p| acc + p + "/"))
}

pub fn serve(options: &Options) -> Result {
    let index = options.dir.join("index.html");
    if !index.is_file() {
        return Err(format!(
            "{} has no index.html: build the site first (cargo xtask build)",
            options.dir.display()
        ));
    }
    let listener = TcpListener::bind(&options.addr)
        .map_err(|e| format!("cannot listen on {}: {e}", options.addr))?;
    let bound = listener.local_addr().map_err(|e| e.to_string())?;
    let url = format!("http://{bound}{}", options.prefix);
    println!("xtask serve: listening on {url}");
    eprintln!(
        "xtask: serving {} at {url} (Ctrl-C to stop)",
        options.dir.display()
    );
    if options.stop_on_eof {
        std::thread::spawn(|| {
            let _ = std::io::copy(&mut std::io::stdin(), &mut std::io::sink());
            std::process::exit(0);
        });
    }
    for stream in listener.incoming().flatten() {
        let dir = options.dir.clone();
        let prefix = options.prefix.clone();
        std::thread::spawn(move || {
            let _ = respond(stream, &dir, &prefix);
        });
    }
    Ok(())
}

/// The Content-Type for a file, by extension.
pub fn mime(path: &Path) -> &'static str {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match extension.as_deref() {
        Some("html") => "text/html; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("json") => "application/json",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        Some("txt" | "toml") => "text/plain; charset=utf-8",
        Some("webmanifest") => "application/manifest+json",
        _ => "application/octet-stream",
    }
}

/// What a request path gets.
#[derive(Debug, PartialEq, Eq)]
pub enum Route {
    File(PathBuf),
    /// A folder asked for without its `/`: relative links need it.
    Redirect(String),
    NotFound,
}

/// Routes a request target (`/prefix/a/b.js?v=1`) to a file inside `dir`: only under `prefix`,
/// percent-decoded, refusing `..` and absolute parts; a folder means its index.html.
pub fn route(dir: &Path, prefix: &str, target: &str) -> Route {
    let path = target.split(['?', '#']).next().unwrap_or("/");
    if prefix.len() > 1 && path == prefix.trim_end_matches('/') {
        return Route::Redirect(prefix.to_string());
    }
    let Some(rest) = path.strip_prefix(prefix) else {
        return Route::NotFound;
    };
    let Some(rest) = percent_decode(rest) else {
        return Route::NotFound;
    };
    let mut resolved = dir.to_path_buf();
    for component in Path::new(&rest).components() {
        match component {
            Component::Normal(part) => resolved.push(part),
            Component::CurDir => {}
            _ => return Route::NotFound,
        }
    }
    if resolved.is_dir() {
        if !path.ends_with('/') {
            return Route::Redirect(format!("{path}/"));
        }
        resolved.push("index.html");
    }
    Route::File(resolved)
}

/// `%XX` escapes decoded; None for a bad escape, invalid UTF-8 or a NUL.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    let decoded = String::from_utf8(out).ok()?;
    (!decoded.contains('\0')).then_some(decoded)
}

fn respond(stream: TcpStream, dir: &Path, prefix: &str) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    if reader.read_line(&mut request_line)? == 0 {
        return Ok(()); // a connection opened and closed without a request
    }
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header == "\r\n" || header == "\n" {
            break;
        }
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or("");
    let target = parts.next().unwrap_or("/");
    // Written before the response, so a reader has it by the time the client has the answer.
    let log = |status: u16| {
        let _ = writeln!(std::io::stdout(), "{method} {target} {status}");
    };
    let mut stream = stream;
    if method != "GET" && method != "HEAD" {
        log(405);
        return stream.write_all(
            b"HTTP/1.1 405 Method Not Allowed\r\nAllow: GET, HEAD\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
        );
    }
    let found = match route(dir, prefix, target) {
        Route::File(path) => std::fs::read(&path).ok().map(|body| (path, body)),
        Route::Redirect(location) => {
            log(301);
            return write!(stream, "HTTP/1.1 301 Moved Permanently\r\nLocation: {location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        }
        Route::NotFound => None,
    };
    match found {
        Some((path, body)) => {
            log(200);
            write!(stream, "HTTP/1.1 200 OK\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n", mime(&path), body.len())?;
            if method == "GET" {
                stream.write_all(&body)?;
            }
            Ok(())
        }
        None => {
            log(404);
            stream.write_all(
                b"HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: 9\r\nConnection: close\r\n\r\nnot found",
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A scratch folder like dist/: index.html, app.js, a sub-folder.
    fn site() -> PathBuf {
        let dir = std::env::temp_dir().join(format!("xtask-serve-test-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::write(dir.join("index.html"), "<!doctype html>").unwrap();
        std::fs::write(dir.join("app.js"), "").unwrap();
        dir
    }

    #[test]
    fn stays_inside_dist() {
        let dist = Path::new("/srv/dist");
        assert_eq!(
            route(dist, "/", "/app.js?v=1"),
            Route::File("/srv/dist/app.js".into())
        );
        assert_eq!(route(dist, "/", "/../etc/passwd"), Route::NotFound);
        assert_eq!(route(dist, "/", "/a/../../etc/passwd"), Route::NotFound);
        assert_eq!(route(dist, "/", "/%2e%2e/etc/passwd"), Route::NotFound);
        assert_eq!(route(dist, "/", "/..%2fetc/passwd"), Route::NotFound);
        assert_eq!(route(dist, "/", "/a%00.js"), Route::NotFound);
        assert_eq!(route(dist, "/", "/a%zz.js"), Route::NotFound);
        assert_eq!(
            route(dist, "/", "/a%20b.js"),
            Route::File("/srv/dist/a b.js".into())
        );
    }

    #[test]
    fn serves_only_under_the_prefix() {
        let dir = site();
        let prefix = normalize_prefix("deep/app").unwrap();
        assert_eq!(prefix, "/deep/app/");
        assert_eq!(
            route(&dir, &prefix, "/deep/app/"),
            Route::File(dir.join("index.html"))
        );
        assert_eq!(
            route(&dir, &prefix, "/deep/app/app.js"),
            Route::File(dir.join("app.js"))
        );
        assert_eq!(
            route(&dir, &prefix, "/deep/app"),
            Route::Redirect("/deep/app/".into())
        );
        assert_eq!(
            route(&dir, &prefix, "/deep/app/sub"),
            Route::Redirect("/deep/app/sub/".into())
        );
        assert_eq!(route(&dir, &prefix, "/"), Route::NotFound);
        assert_eq!(route(&dir, &prefix, "/app.js"), Route::NotFound);
        assert_eq!(
            route(&dir, &prefix, "/deep/application.js"),
            Route::NotFound
        );
        assert_eq!(route(&dir, &prefix, "/deep/app/../app.js"), Route::NotFound);
        assert_eq!(route(&dir, "/", "/"), Route::File(dir.join("index.html")));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn prefixes_are_normalized() {
        assert_eq!(normalize_prefix("/").unwrap(), "/");
        assert_eq!(normalize_prefix("").unwrap(), "/");
        assert_eq!(normalize_prefix("/a//b/").unwrap(), "/a/b/");
        assert!(normalize_prefix("/a/../b").is_err());
        let args: Vec<String> = ["--prefix", "x", "--addr", "127.0.0.1:0", "--stop-on-eof"]
            .map(String::from)
            .into();
        let options = Options::new("d".into()).parse(&args).unwrap();
        assert_eq!(
            (options.prefix.as_str(), options.addr.as_str()),
            ("/x/", "127.0.0.1:0")
        );
        assert!(options.stop_on_eof);
        assert!(Options::new("d".into()).parse(&["--dir".into()]).is_err());
        assert!(Options::new("d".into()).parse(&["--bogus".into()]).is_err());
    }

    #[test]
    fn mime_types() {
        for (name, expected) in [
            ("index.html", "text/html; charset=utf-8"),
            ("app-1a2b.js", "text/javascript; charset=utf-8"),
            ("worker.mjs", "text/javascript; charset=utf-8"),
            ("app_bg.wasm", "application/wasm"),
            ("style.css", "text/css; charset=utf-8"),
            ("icon.svg", "image/svg+xml"),
            ("data.json", "application/json"),
            ("shot.PNG", "image/png"),
            ("favicon.ico", "image/x-icon"),
            ("robots.txt", "text/plain; charset=utf-8"),
            ("scenario.toml", "text/plain; charset=utf-8"),
            ("site.webmanifest", "application/manifest+json"),
            ("blob.bin", "application/octet-stream"),
            ("README", "application/octet-stream"),
        ] {
            assert_eq!(mime(Path::new(name)), expected, "{name}");
        }
    }
}
