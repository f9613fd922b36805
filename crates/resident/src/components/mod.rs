//! Pieces shared by pages.

pub mod frame;
pub mod pictogram;
pub mod profile;
pub mod qr;
pub mod read_aloud;
