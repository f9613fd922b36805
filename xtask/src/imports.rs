//! Short names for the functions a Wasm module imports from its JavaScript glue.
//!
//! wasm-bindgen names each import `__wbg_<name>_<16 hex digits>`, in the
//! module's import section and again in the glue's import object. The hashes
//! cannot be compressed: renaming them `w0`, `w1`… in both files took 3.6 KB
//! (brotli) off the resident's first load (2.1 KB of Wasm, 1.5 KB of glue). Function indices are unchanged; only
//! the import section is rewritten, and the glue must name each import exactly
//! once (anything else is an error, never a silently broken page).

/// Renames the hashed imports of `wasm` (a wasm-bindgen output) and of its glue `js`.
pub fn shorten(wasm: &[u8], js: &str) -> Result<(Vec<u8>, String), String> {
    const HEADER: usize = 8;
    if wasm.get(..4) != Some(b"\0asm".as_slice()) {
        return Err("not a Wasm module".into());
    }
    let mut out = wasm.get(..HEADER).ok_or("truncated module")?.to_vec();
    let mut js = js.to_owned();
    let mut renamed = 0usize;
    let mut at = HEADER;
    while at < wasm.len() {
        let id = byte(wasm, &mut at)?;
        let size = uleb(wasm, &mut at)?;
        let body = wasm
            .get(at..at + size)
            .ok_or("a section runs past the end")?;
        at += size;
        let body = if id == 2 {
            imports(body, &mut |name| {
                if !hashed(name) {
                    return Ok(name.to_owned());
                }
                let short = format!("w{renamed:x}");
                renamed += 1;
                match js.matches(name).count() {
                    1 => {
                        js = js.replace(name, &short);
                        Ok(short)
                    }
                    n => Err(format!("the glue names `{name}` {n} times, not once")),
                }
            })?
        } else {
            body.to_vec()
        };
        out.push(id);
        write_uleb(&mut out, body.len());
        out.extend_from_slice(&body);
    }
    Ok((out, js))
}

/// `__wbg_…_0123456789abcdef`: a name wasm-bindgen made unique with a hash.
fn hashed(name: &str) -> bool {
    name.starts_with("__wb")
        && name.len() > 17
        && name
            .rsplit_once('_')
            .is_some_and(|(_, h)| h.len() == 16 && h.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// The import section with each field name passed through `rename`.
fn imports(
    body: &[u8],
    rename: &mut dyn FnMut(&str) -> Result<String, String>,
) -> Result<Vec<u8>, String> {
    let mut at = 0;
    let count = uleb(body, &mut at)?;
    let mut out = Vec::with_capacity(body.len());
    write_uleb(&mut out, count);
    for _ in 0..count {
        let module = name(body, &mut at)?;
        let field = name(body, &mut at)?;
        let start = at;
        // The import's description, copied as it is.
        match byte(body, &mut at)? {
            0 => {
                uleb(body, &mut at)?;
            }
            1 => {
                byte(body, &mut at)?;
                limits(body, &mut at)?;
            }
            2 => limits(body, &mut at)?,
            3 => at += 2,
            4 => {
                byte(body, &mut at)?;
                uleb(body, &mut at)?;
            }
            kind => return Err(format!("unknown import kind {kind}")),
        }
        let description = body.get(start..at).ok_or("an import runs past the end")?;
        for text in [module.to_owned(), rename(field)?] {
            write_uleb(&mut out, text.len());
            out.extend_from_slice(text.as_bytes());
        }
        out.extend_from_slice(description);
    }
    Ok(out)
}

fn limits(b: &[u8], at: &mut usize) -> Result<(), String> {
    let flags = byte(b, at)?;
    uleb(b, at)?;
    if flags & 1 == 1 {
        uleb(b, at)?;
    }
    Ok(())
}

fn name<'a>(b: &'a [u8], at: &mut usize) -> Result<&'a str, String> {
    let len = uleb(b, at)?;
    let bytes = b.get(*at..*at + len).ok_or("a name runs past the end")?;
    *at += len;
    std::str::from_utf8(bytes).map_err(|_| "a name is not UTF-8".to_owned())
}

fn byte(b: &[u8], at: &mut usize) -> Result<u8, String> {
    let v = *b.get(*at).ok_or("the module ends too early")?;
    *at += 1;
    Ok(v)
}

fn uleb(b: &[u8], at: &mut usize) -> Result<usize, String> {
    let mut v = 0usize;
    for shift in (0..35).step_by(7) {
        let x = byte(b, at)?;
        v |= usize::from(x & 0x7f) << shift;
        if x & 0x80 == 0 {
            return Ok(v);
        }
    }
    Err("a number is too long".into())
}

fn write_uleb(out: &mut Vec<u8>, mut v: usize) {
    loop {
        let x = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(x);
            return;
        }
        out.push(x | 0x80);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module importing a function `name` from `./m.js` and a memory from `env`.
    fn module(name: &str) -> Vec<u8> {
        let mut imports = vec![2];
        for (module, field, description) in [
            ("./m.js", name, &[0u8, 0][..]),
            ("env", "memory", &[2, 1, 1, 2][..]),
        ] {
            for text in [module, field] {
                write_uleb(&mut imports, text.len());
                imports.extend_from_slice(text.as_bytes());
            }
            imports.extend_from_slice(description);
        }
        let mut m = b"\0asm\x01\0\0\0".to_vec();
        // A type section before it and a custom section after: both kept as they are.
        m.extend_from_slice(&[1, 4, 1, 0x60, 0, 0]);
        m.push(2);
        write_uleb(&mut m, imports.len());
        m.extend_from_slice(&imports);
        m.extend_from_slice(&[0, 3, 2, b'x', b'y']);
        m
    }

    const HASHED: &str = "__wbg_alert_0123456789abcdef";

    #[test]
    fn a_hashed_import_is_renamed_in_both_files() {
        let js = format!("const i = {{ {HASHED}: function() {{}} }};");
        let (wasm, js) = shorten(&module(HASHED), &js).unwrap();
        assert_eq!(wasm, module("w0"));
        assert_eq!(js, "const i = { w0: function() {} };");
    }

    #[test]
    fn other_imports_are_kept_and_a_glue_out_of_step_is_refused() {
        let plain = module("__wbindgen_init_externref_table");
        assert_eq!(shorten(&plain, "").unwrap().0, plain);
        let err = shorten(&module(HASHED), "no import here").unwrap_err();
        assert!(err.contains("0 times"), "{err}");
        assert!(shorten(&module(HASHED)[..20], "").is_err());
        assert!(shorten(b"not wasm", "").is_err());
    }
}
