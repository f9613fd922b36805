//! Pieces shared by pages.

pub mod pictogram;
pub mod profile;
pub mod qr;
