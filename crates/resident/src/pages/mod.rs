//! One file per screen.

pub mod error;
pub mod paper;
pub mod question;
pub mod result;
pub mod welcome;
