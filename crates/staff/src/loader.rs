//! The questionnaire as the staff sees it: `questionnaire.yaml` next to the
//! page when it is there and valid, otherwise the one compiled into the site
//! (the same choice as the resident's module makes). A broken published file
//! never reaches residents; the preview page shows its errors, and says when
//! `questionnaire.bin` is out of date (residents then take the slow path).

use diag_core::{Diagnostic, Questionnaire};
use diag_ui::questionnaire::Shared;

/// The published file, relative to the page (so: same origin only).
const PUBLISHED: &str = "questionnaire.yaml";

/// What happened to the published questionnaire.
#[derive(Clone, Debug, PartialEq)]
pub enum Published {
    /// It loaded and is the one in use; `compiled`: `questionnaire.bin`
    /// matches it (residents take the fast path).
    Used {
        /// Whether the compact form next to it was made from this text.
        compiled: bool,
    },
    /// There is none next to the page: the built-in one is used.
    Missing,
    /// It has errors: the built-in one is used.
    Broken {
        /// Its text, to quote the lines in error.
        source: String,
        /// Every problem found.
        diagnostics: Vec<Diagnostic>,
    },
}

/// The questionnaire in use and what became of the published one.
#[derive(Clone)]
pub struct Site {
    /// The questionnaire residents answer.
    pub q: Shared,
    /// The published file's fate.
    pub published: Published,
}

impl PartialEq for Site {
    fn eq(&self, other: &Self) -> bool {
        self.q == other.q && self.published == other.published
    }
}

/// The built-in questionnaire. The test suite proves it valid; if it were
/// not, the error page shows why.
pub fn built_in() -> Result<Shared, String> {
    Questionnaire::from_yaml(crate::BUNDLED)
        .map(Shared::new)
        .map_err(|e| e.render("questionnaire intégré", crate::BUNDLED))
}

/// Whether `questionnaire.bin` next to the page was compiled from `source`.
async fn compiled_matches(source: &str) -> bool {
    diag_ui::fetch::bytes("questionnaire.bin")
        .await
        .and_then(|b| diag_core::compact_header(&b).ok())
        .is_some_and(|h| h.digest == diag_core::digest(source))
}

/// Loads the published questionnaire, falling back to the built-in one.
pub async fn load() -> Result<Site, String> {
    let fetched = diag_ui::fetch::text(PUBLISHED).await;
    let Some(source) = fetched else {
        return built_in().map(|q| Site {
            q,
            published: Published::Missing,
        });
    };
    let compiled = compiled_matches(&source).await;
    if source == crate::BUNDLED {
        return built_in().map(|q| Site {
            q,
            published: Published::Used { compiled },
        });
    }
    match Questionnaire::from_yaml(&source) {
        Ok(q) => Ok(Site {
            q: Shared::new(q),
            published: Published::Used { compiled },
        }),
        Err(e) => built_in().map(|q| Site {
            q,
            published: Published::Broken {
                source,
                diagnostics: e.diagnostics,
            },
        }),
    }
}
