//! Hash routes, so that the browser's back button moves between questions and
//! the result can be reloaded on any static host.

/// A screen of the resident's path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// `#/` — the welcome screen.
    Welcome,
    /// `#/question/<id>`.
    Question(String),
    /// `#/resultat`.
    Result,
    /// `#/papier` — the questionnaire to print and fill in by hand.
    Paper,
    /// `#/apercu` — the author's preview of a questionnaire file.
    Preview,
    /// `#/conseiller` — the advisor's intake.
    Advisor,
}

impl Route {
    /// Reads a `location.hash`.
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        match path.split_once('/') {
            Some(("question", id)) if !id.is_empty() => Route::Question(id.to_owned()),
            _ => match path {
                "resultat" => Route::Result,
                "papier" => Route::Paper,
                "apercu" => Route::Preview,
                "conseiller" => Route::Advisor,
                _ => Route::Welcome,
            },
        }
    }

    /// Whether the staff's module shows this screen (the resident's does not).
    pub fn is_staff(&self) -> bool {
        matches!(self, Route::Preview | Route::Advisor)
    }

    /// The hash for this route.
    pub fn hash(&self) -> String {
        match self {
            Route::Welcome => "#/".into(),
            Route::Question(id) => format!("#/question/{id}"),
            Route::Result => "#/resultat".into(),
            Route::Paper => "#/papier".into(),
            Route::Preview => "#/apercu".into(),
            Route::Advisor => "#/conseiller".into(),
        }
    }
}

/// The current route.
pub fn current() -> Route {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    Route::parse(&hash)
}

/// Goes to `route`, adding a history entry (the back button returns here).
pub fn go(route: &Route) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(&route.hash());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_round_trip() {
        for r in [
            Route::Welcome,
            Route::Question("souris".into()),
            Route::Result,
            Route::Paper,
        ] {
            assert_eq!(Route::parse(&r.hash()), r);
        }
        assert_eq!(Route::parse(""), Route::Welcome);
        assert_eq!(Route::parse("#/nimporte"), Route::Welcome);
    }
}
