//! A small static file server for `dist/`, compressing as a real one does:
//! brotli or gzip by `Accept-Encoding`, with `Vary`; `Cache-Control: no-cache`
//! with an `ETag`, answering `If-None-Match` with 304 as nginx or Apache do
//! (so the service worker's precache, which revalidates what the page has just
//! downloaded, costs no second download). Loopback only; GET and HEAD; no
//! directory listing; no path outside the root.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{SystemTime, UNIX_EPOCH};

/// Compressed bodies by (path, encoding), kept while the file is unchanged:
/// brotli at quality 11 takes a second on the Wasm.
type Cache = Arc<Mutex<HashMap<(PathBuf, &'static str), (SystemTime, u64, Arc<Vec<u8>>)>>>;

pub fn bind(port: u16) -> Result<TcpListener, String> {
    TcpListener::bind(("127.0.0.1", port))
        .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))
}

/// Serves forever, one thread per connection.
pub fn run(listener: TcpListener, root: PathBuf) {
    let cache: Cache = Arc::default();
    for stream in listener.incoming().flatten() {
        let root = root.clone();
        let cache = cache.clone();
        std::thread::spawn(move || {
            let _ = handle(stream, &root, &cache);
        });
    }
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        Some("json") => "application/json",
        Some("webmanifest") => "application/manifest+json",
        Some("yaml" | "yml") => "text/yaml; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn compressible(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("html" | "js" | "wasm" | "css" | "svg" | "json" | "webmanifest" | "yaml" | "yml")
    )
}

/// Brotli at quality 11, as a real server's precompressed files.
pub fn brotli(bytes: &[u8]) -> Vec<u8> {
    on_disk(bytes, "br", |bytes| {
        let mut out = Vec::new();
        let params = brotli::enc::BrotliEncoderParams {
            quality: 11,
            lgwin: 22,
            ..Default::default()
        };
        let _ = brotli::BrotliCompress(&mut &bytes[..], &mut out, &params);
        out
    })
}

/// Gzip at level 9.
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    on_disk(bytes, "gz", |bytes| {
        use flate2::{write::GzEncoder, Compression};
        let mut e = GzEncoder::new(Vec::new(), Compression::best());
        if e.write_all(bytes).is_err() {
            return Vec::new();
        }
        e.finish().unwrap_or_default()
    })
}

/// Where compressed bodies are kept between runs, by the digest of what they compress.
const COMPRESSED: &str = "target/compressed";

/// `compress(bytes)`, read from `target/compressed/` when the same bytes were
/// compressed before: brotli 11 takes seconds on the staff's Wasm, and the
/// build's size report, each test lane's server and the next run all compress
/// the same files (so a server answers its first request at once).
fn on_disk(bytes: &[u8], suffix: &str, compress: impl FnOnce(&[u8]) -> Vec<u8>) -> Vec<u8> {
    use sha2::Digest;
    let digest: String = sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let dir = crate::root().join(COMPRESSED);
    let path = dir.join(format!("{digest}.{suffix}"));
    if let Ok(body) = std::fs::read(&path) {
        return body;
    }
    let body = compress(bytes);
    // A cache only: a failed write costs the next run some time, nothing else.
    // Written aside then renamed, so a concurrent reader never sees half a file.
    let part = dir.join(format!("{digest}.{suffix}.{}", std::process::id()));
    if std::fs::create_dir_all(&dir).is_ok() && std::fs::write(&part, &body).is_ok() {
        let _ = std::fs::rename(&part, &path);
    }
    body
}

fn encoded(path: &Path, encoding: &'static str, cache: &Cache) -> Option<Arc<Vec<u8>>> {
    let meta = std::fs::metadata(path).ok()?;
    let stamp = (meta.modified().ok()?, meta.len());
    let key = (path.to_path_buf(), encoding);
    if let Some((m, l, body)) = cache.lock().ok()?.get(&key) {
        if (*m, *l) == stamp {
            return Some(body.clone());
        }
    }
    let raw = std::fs::read(path).ok()?;
    let body = Arc::new(match encoding {
        "br" => brotli(&raw),
        "gzip" => gzip(&raw),
        _ => raw,
    });
    cache
        .lock()
        .ok()?
        .insert(key, (stamp.0, stamp.1, body.clone()));
    Some(body)
}

/// A validator from the file's length and modification time (nginx's recipe).
/// Weak: the brotli, gzip and plain bodies are the same file, not the same bytes.
fn etag(path: &Path) -> Option<String> {
    let meta = std::fs::metadata(path).ok()?;
    let nanos = meta
        .modified()
        .ok()?
        .duration_since(UNIX_EPOCH)
        .ok()?
        .as_nanos();
    Some(format!("W/\"{:x}-{nanos:x}\"", meta.len()))
}

/// Whether an `If-None-Match` list names `tag` (weak comparison, as for GET).
fn none_match(header: &str, tag: &str) -> bool {
    let bare = |t: &str| t.trim().trim_start_matches("W/").to_owned();
    header
        .split(',')
        .any(|t| t.trim() == "*" || bare(t) == bare(tag))
}

fn handle(stream: TcpStream, root: &Path, cache: &Cache) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    loop {
        let mut request = String::new();
        if reader.read_line(&mut request)? == 0 {
            return Ok(());
        }
        let mut accept = String::new();
        let mut if_none_match = String::new();
        let mut line = String::new();
        loop {
            line.clear();
            if reader.read_line(&mut line)? == 0 || line == "\r\n" || line == "\n" {
                break;
            }
            if let Some((name, value)) = line.split_once(':') {
                if name.eq_ignore_ascii_case("accept-encoding") {
                    accept = value.trim().to_ascii_lowercase();
                } else if name.eq_ignore_ascii_case("if-none-match") {
                    if_none_match = value.trim().to_owned();
                }
            }
        }
        let mut parts = request.split_whitespace();
        let method = parts.next().unwrap_or("");
        let target = parts.next().unwrap_or("/");
        let path = target.split(['?', '#']).next().unwrap_or("/");
        let mut out = &stream;
        if method != "GET" && method != "HEAD" {
            write!(
                out,
                "HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n"
            )?;
            continue;
        }
        let Some(file) = resolve(root, path) else {
            let body = b"Not found";
            write!(
                out,
                "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: {}\r\n\r\n",
                body.len()
            )?;
            if method == "GET" {
                out.write_all(body)?;
            }
            continue;
        };
        let tag = etag(&file);
        let validators = format!(
            "{}Vary: Accept-Encoding\r\nCache-Control: no-cache\r\n",
            tag.as_ref()
                .map_or(String::new(), |t| format!("ETag: {t}\r\n"))
        );
        if tag.is_some_and(|t| none_match(&if_none_match, &t)) {
            write!(out, "HTTP/1.1 304 Not Modified\r\n{validators}\r\n")?;
            out.flush()?;
            continue;
        }
        let encoding = if !compressible(&file) {
            ""
        } else if accept.split(',').any(|e| e.trim().starts_with("br")) {
            "br"
        } else if accept.split(',').any(|e| e.trim().starts_with("gzip")) {
            "gzip"
        } else {
            ""
        };
        let Some(body) = encoded(&file, encoding, cache) else {
            write!(out, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")?;
            continue;
        };
        let coding = if encoding.is_empty() {
            String::new()
        } else {
            format!("Content-Encoding: {encoding}\r\n")
        };
        write!(
            out,
            "HTTP/1.1 200 OK\r\nContent-Type: {}\r\nContent-Length: {}\r\n{coding}{validators}X-Content-Type-Options: nosniff\r\nReferrer-Policy: no-referrer\r\n\r\n",
            content_type(&file),
            body.len()
        )?;
        if method == "GET" {
            out.write_all(&body)?;
        }
        out.flush()?;
    }
}

fn resolve(root: &Path, url_path: &str) -> Option<PathBuf> {
    let decoded = url_path.replace("%20", " ");
    let mut path = root.to_path_buf();
    for c in Path::new(decoded.trim_start_matches('/')).components() {
        match c {
            Component::Normal(p) => path.push(p),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if path.is_dir() {
        path.push("index.html");
    }
    path.is_file().then_some(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    /// One request on a new connection: the status line and headers.
    fn head(port: u16, path: &str, extra: &str) -> String {
        let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
        write!(
            s,
            "HEAD {path} HTTP/1.1\r\nHost: x\r\n{extra}Connection: close\r\n\r\n"
        )
        .unwrap();
        s.shutdown(std::net::Shutdown::Write).unwrap();
        let mut out = String::new();
        s.read_to_string(&mut out).unwrap();
        out
    }

    fn header<'a>(response: &'a str, name: &str) -> Option<&'a str> {
        response.lines().find_map(|l| {
            let (n, v) = l.split_once(':')?;
            n.eq_ignore_ascii_case(name).then(|| v.trim())
        })
    }

    #[test]
    fn revalidation_answers_304_until_the_file_changes() {
        let dir = std::env::temp_dir().join(format!("xtask-serve-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("a.js"), "one").unwrap();
        let listener = bind(0).unwrap();
        let port = listener.local_addr().unwrap().port();
        let root = dir.clone();
        std::thread::spawn(move || run(listener, root));

        let first = head(port, "/a.js", "");
        assert!(first.starts_with("HTTP/1.1 200"), "{first}");
        let tag = header(&first, "etag").unwrap().to_owned();
        assert!(tag.starts_with("W/\""), "{tag}");
        assert_eq!(header(&first, "cache-control"), Some("no-cache"));
        let again = head(port, "/a.js", &format!("If-None-Match: {tag}\r\n"));
        assert!(again.starts_with("HTTP/1.1 304"), "{again}");
        assert_eq!(header(&again, "etag"), Some(tag.as_str()));
        // The strong form of the same tag matches too (weak comparison), a list as well.
        let strong = tag.trim_start_matches("W/");
        let listed = head(
            port,
            "/a.js",
            &format!("If-None-Match: \"x\", {strong}\r\n"),
        );
        assert!(listed.starts_with("HTTP/1.1 304"), "{listed}");

        std::fs::write(dir.join("a.js"), "changed").unwrap();
        let changed = head(port, "/a.js", &format!("If-None-Match: {tag}\r\n"));
        assert!(changed.starts_with("HTTP/1.1 200"), "{changed}");
        assert_ne!(header(&changed, "etag"), Some(tag.as_str()));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
