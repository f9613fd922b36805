//! What the author publishes: the files to upload after a change, and the
//! whole site as one zip for any static host.

use diag_core::{CompileError, Questionnaire};
use std::io::Write;

/// The files to put in the site's folder after a change, by name:
/// `questionnaire.yaml`, `questionnaire.bin`, and for each translation its
/// texts' file and its pack (`questionnaire.ar.yaml`, `questionnaire.ar.bin`).
pub type PublishFiles = Vec<(String, Vec<u8>)>;

/// The files to publish for `yaml` and its translation files
/// (`(language, text)`), compiled by the same core function as `diag
/// compile`: the same bytes. Refused, with every problem, when the
/// questionnaire or a translation file has an error.
pub fn publish_files(
    yaml: &str,
    translations: &[(String, String)],
) -> Result<PublishFiles, CompileError> {
    let texts: Vec<&str> = translations.iter().map(|(_, t)| t.as_str()).collect();
    let compiled = Questionnaire::compile(yaml, &texts)?;
    let mut files = vec![
        ("questionnaire.yaml".to_owned(), yaml.as_bytes().to_vec()),
        ("questionnaire.bin".to_owned(), compiled.questionnaire),
    ];
    for (language, text) in translations {
        files.push((
            format!("questionnaire.{language}.yaml"),
            text.as_bytes().to_vec(),
        ));
    }
    for (language, pack) in compiled.packs {
        files.push((format!("questionnaire.{language}.bin"), pack));
    }
    Ok(files)
}

/// `files` as a zip, stored uncompressed, each with the same date (1980-01-01):
/// the same files make the same zip, wherever it is made.
pub fn zip(files: &[(String, Vec<u8>)]) -> Result<Vec<u8>, String> {
    use zip::write::SimpleFileOptions;
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .unix_permissions(0o644);
    for (name, bytes) in files {
        out.start_file(name.as_str(), options)
            .map_err(|e| format!("{name}: {e}"))?;
        out.write_all(bytes).map_err(|e| format!("{name}: {e}"))?;
    }
    out.finish()
        .map(std::io::Cursor::into_inner)
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_zip_reads_back_with_its_files() {
        let files = vec![
            ("index.html".to_owned(), b"<!doctype html>".to_vec()),
            ("questionnaire.bin".to_owned(), vec![0, 1, 2, 255]),
        ];
        let bytes = zip(&files).unwrap();
        assert_eq!(zip(&files).unwrap(), bytes, "the same files, the same zip");
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        assert_eq!(archive.len(), 2);
        let mut back = Vec::new();
        std::io::Read::read_to_end(
            &mut archive.by_name("questionnaire.bin").unwrap(),
            &mut back,
        )
        .unwrap();
        assert_eq!(back, [0, 1, 2, 255]);
    }
}
