//! The advisor's records, encrypted at rest with a passphrase: PBKDF2-SHA-256
//! (600,000 iterations) derives an AES-256-GCM key through the browser's
//! WebCrypto, so no cryptography is hand-written and none ships in the Wasm.
//! Locking forgets the key; a wrong passphrase fails authentication and
//! destroys nothing.

use diag_ui::storage::local as storage;
use js_sys::{Array, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

const KEY: &str = "diag-numerique:advisor";
/// The day and number of records of the last backup (JSON export): `YYYY-MM-DD N`.
const LAST_EXPORT: &str = "diag-numerique:advisor-export";
const FORMAT: &str = "diag-vault 1";
const ITERATIONS: u32 = 600_000;

/// Why the vault could not be opened or written.
#[derive(Debug, Clone, PartialEq)]
pub enum VaultError {
    /// The passphrase does not open these records.
    WrongPassphrase,
    /// Storage is refused or full: export instead.
    Storage,
    /// The stored records are damaged.
    Damaged,
    /// The browser has no WebCrypto (e.g. a page not served over https).
    NoCrypto,
}

/// An unlocked vault: the derived key and its salt.
#[derive(Clone)]
pub struct Key {
    key: web_sys::CryptoKey,
    salt: Vec<u8>,
}

impl PartialEq for Key {
    fn eq(&self, other: &Self) -> bool {
        self.salt == other.salt
    }
}

fn crypto() -> Result<web_sys::Crypto, VaultError> {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .ok_or(VaultError::NoCrypto)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(s: &str) -> Option<Vec<u8>> {
    if s.len() % 2 != 0 {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| s.get(i..i + 2).and_then(|h| u8::from_str_radix(h, 16).ok()))
        .collect()
}

/// Whether records exist on this device (locked or not).
pub fn exists() -> bool {
    storage()
        .and_then(|s| s.get_item(KEY).ok().flatten())
        .is_some()
}

async fn derive(passphrase: &str, salt: &[u8]) -> Result<web_sys::CryptoKey, VaultError> {
    let subtle = crypto()?.subtle();
    let raw = Uint8Array::from(passphrase.as_bytes());
    let usages = Array::of1(&"deriveKey".into());
    let base = subtle
        .import_key_with_str("raw", &raw, "PBKDF2", false, &usages)
        .map_err(|_| VaultError::NoCrypto)?;
    let base: web_sys::CryptoKey = JsFuture::from(base)
        .await
        .map_err(|_| VaultError::NoCrypto)?
        .unchecked_into();
    let params = web_sys::Pbkdf2Params::new_with_str(
        "PBKDF2",
        "SHA-256",
        ITERATIONS,
        &Uint8Array::from(salt),
    );
    let aes = web_sys::AesDerivedKeyParams::new("AES-GCM", 256);
    let usages = Array::of2(&"encrypt".into(), &"decrypt".into());
    let key = subtle
        .derive_key_with_object_and_object(&params, &base, &aes, false, &usages)
        .map_err(|_| VaultError::NoCrypto)?;
    Ok(JsFuture::from(key)
        .await
        .map_err(|_| VaultError::NoCrypto)?
        .unchecked_into())
}

/// Creates a new vault key (first use on this device).
pub async fn create(passphrase: &str) -> Result<Key, VaultError> {
    let mut salt = vec![0u8; 16];
    crypto()?
        .get_random_values_with_u8_array(&mut salt)
        .map_err(|_| VaultError::NoCrypto)?;
    let key = derive(passphrase, &salt).await?;
    Ok(Key { key, salt })
}

/// Salt, nonce and sealed data, as stored.
type Sealed = (Vec<u8>, Vec<u8>, Vec<u8>);

fn stored() -> Result<Sealed, VaultError> {
    let text = storage()
        .and_then(|s| s.get_item(KEY).ok().flatten())
        .ok_or(VaultError::Storage)?;
    let mut lines = text.lines();
    if lines.next() != Some(FORMAT) {
        return Err(VaultError::Damaged);
    }
    match (
        lines.next().and_then(unhex),
        lines.next().and_then(unhex),
        lines.next().and_then(unhex),
    ) {
        (Some(salt), Some(iv), Some(data)) => Ok((salt, iv, data)),
        _ => Err(VaultError::Damaged),
    }
}

async fn decrypt(key: &web_sys::CryptoKey, iv: &[u8], data: &[u8]) -> Result<String, VaultError> {
    let subtle = crypto()?.subtle();
    let params = web_sys::AesGcmParams::new_with_u8_array("AES-GCM", &Uint8Array::from(iv));
    let plain = subtle
        .decrypt_with_object_and_u8_array(&params, key, data)
        .map_err(|_| VaultError::Damaged)?;
    // AES-GCM authenticates: a wrong key fails here and nothing is changed.
    let plain = JsFuture::from(plain)
        .await
        .map_err(|_| VaultError::WrongPassphrase)?;
    String::from_utf8(Uint8Array::new(&plain).to_vec()).map_err(|_| VaultError::Damaged)
}

/// Opens the stored records with a passphrase: the key and the plaintext.
pub async fn open(passphrase: &str) -> Result<(Key, String), VaultError> {
    let (salt, iv, data) = stored()?;
    let key = derive(passphrase, &salt).await?;
    let text = decrypt(&key, &iv, &data).await?;
    Ok((Key { key, salt }, text))
}

/// What is stored now, read with an open key (another tab may have written).
pub async fn reread(key: &Key) -> Result<Option<String>, VaultError> {
    if !exists() {
        return Ok(None);
    }
    let (salt, iv, data) = stored()?;
    if salt != key.salt {
        return Err(VaultError::WrongPassphrase);
    }
    decrypt(&key.key, &iv, &data).await.map(Some)
}

/// Encrypts and stores the records' text.
pub async fn save(key: &Key, plaintext: &str) -> Result<(), VaultError> {
    let mut iv = vec![0u8; 12];
    crypto()?
        .get_random_values_with_u8_array(&mut iv)
        .map_err(|_| VaultError::NoCrypto)?;
    let subtle = crypto()?.subtle();
    let params =
        web_sys::AesGcmParams::new_with_u8_array("AES-GCM", &Uint8Array::from(iv.as_slice()));
    let sealed = subtle
        .encrypt_with_object_and_u8_array(&params, &key.key, plaintext.as_bytes())
        .map_err(|_| VaultError::NoCrypto)?;
    let sealed = JsFuture::from(sealed)
        .await
        .map_err(|_| VaultError::NoCrypto)?;
    let data = Uint8Array::new(&sealed).to_vec();
    let text = format!(
        "{FORMAT}\n{}\n{}\n{}\n",
        hex(&key.salt),
        hex(&iv),
        hex(&data)
    );
    storage()
        .ok_or(VaultError::Storage)?
        .set_item(KEY, &text)
        .map_err(|_: JsValue| VaultError::Storage)
}

/// Asks the browser to keep this site's storage (Safari deletes it after
/// 7 days without a visit otherwise): `Some(granted)`, or `None` when the
/// browser cannot say.
pub async fn persist() -> Option<bool> {
    let manager = web_sys::window()?.navigator().storage();
    let promise = manager.persist().ok()?;
    JsFuture::from(promise).await.ok()?.as_bool()
}

/// The last backup: its day and how many records it held.
pub fn last_export() -> Option<(diag_core::Date, usize)> {
    let text = storage()?.get_item(LAST_EXPORT).ok()??;
    let (day, n) = text.split_once(' ')?;
    Some((diag_core::Date::parse(day)?, n.parse().ok()?))
}

/// Remembers a backup made today with `records` records.
pub fn exported(records: usize) {
    if let Some(s) = storage() {
        let _ = s.set_item(LAST_EXPORT, &format!("{} {records}", diag_ui::today()));
    }
}
