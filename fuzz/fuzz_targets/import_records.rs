//! Any bytes as an advisor's JSON export: refused plainly, or read into
//! records that export and re-import unchanged.
#![no_main]

use diag_core::records::{from_json, to_csv, to_json};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(records) = from_json(&text) {
        assert_eq!(from_json(&to_json(&records)), Ok(records.clone()));
        let _ = to_csv(&records, str::to_owned);
    }
});
