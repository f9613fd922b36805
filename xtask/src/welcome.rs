//! The welcome screen, rendered into `index.html` at build time from the
//! questionnaire, so that a resident reads it before the Wasm arrives. The
//! markup is exactly what the resident's module renders for `#/` in French
//! (`crates/resident/src/app.rs` and `pages/welcome.rs`, with the same
//! strings from `diag-ui`): when the module mounts, Yew replaces it in the
//! same frame, with no flicker and no layout shift. `main.js` makes its
//! "Commencer" work before the module has arrived.

use diag_core::Questionnaire;
use diag_ui::i18n::{Lang, Msg};

/// Where the welcome goes in `web/index.html`.
const MARKER: &str = "<!-- welcome: rendered by `cargo xtask build` -->";

/// Escapes text for an HTML text node or a quoted attribute.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The page with the welcome rendered in place of the marker.
pub fn render_into(page: &str, q: &Questionnaire) -> Result<String, String> {
    // As the resident's module shows it (`loader::ready`).
    let q = &q.clone().with_french_typography();
    if !page.contains(MARKER) {
        return Err(format!("web/index.html has no `{MARKER}`"));
    }
    // The tab's title, as the module sets it: the questionnaire's title and the town.
    let title = format!(
        "<title>{} — {}</title>",
        esc(q.title.get("fr")),
        esc(q.organisation.name.get("fr"))
    );
    let page = match (page.find("<title>"), page.find("</title>")) {
        (Some(a), Some(b)) if a < b => format!(
            "{}{title}{}",
            page.get(..a).unwrap_or(""),
            page.get(b + "</title>".len()..).unwrap_or("")
        ),
        _ => return Err("web/index.html has no <title>".into()),
    };
    Ok(page.replace(MARKER, &render(q)))
}

/// The welcome screen as the resident's module renders it, in French.
pub fn render(q: &Questionnaire) -> String {
    let lang = Lang::Fr;
    let code = lang.code();
    let title = esc(q.title.get(code));
    let mut h = String::new();
    h += &format!(
        r##"<a class="skip" href="#main">{}</a>"##,
        esc(Msg::SkipToContent.get(lang))
    );
    // The logo as `components/frame.rs` draws it.
    let logo = q.organisation.logo.as_ref().map_or(String::new(), |l| {
        format!(
            r#"<img class="logo" src="{}" alt="" width="32" height="32">"#,
            esc(l)
        )
    });
    h += &format!(
        r#"<header class="site"><p class="town">{logo}{}</p><nav aria-label="{}" class="langs">"#,
        esc(q.organisation.name.get(code)),
        esc(Msg::Language.get(lang))
    );
    // As `components/frame.rs` renders it. `main.js` reads the languages
    // offered here, which of them have texts to fetch (`data-pack`: every
    // language but the default one), and which have interface strings to
    // fetch too (`data-strings`: those not compiled into the module).
    for l in diag_ui::offered(q) {
        let c = l.code();
        let current = if l == lang {
            r#" aria-current="true""#
        } else {
            ""
        };
        let pack = match (q.languages.first().is_some_and(|d| d == c), l.built_in()) {
            (true, _) => "",
            (false, true) => " data-pack",
            (false, false) => " data-pack data-strings",
        };
        h += &format!(
            r#"<a href="?lang={c}#/" hreflang="{c}" lang="{c}"{current}{pack}>{}</a>"#,
            l.name()
        );
    }
    h += "</nav></header>";
    // The help line, as `components/frame.rs` renders it.
    let org = &q.organisation;
    let hours = org.permanence.as_ref().map(|p| p.hours.get(code));
    if org.phone.is_some() || hours.is_some() {
        h += &format!(r#"<p class="help-line">{}"#, esc(Msg::NeedHelp.get(lang)));
        if let Some(phone) = &org.phone {
            h += &format!(
                r#" <a href="{}" dir="ltr">{}</a>"#,
                esc(&diag_ui::tel_href(phone)),
                esc(phone)
            );
        }
        if let Some(hours) = hours {
            h += &format!(" — {}", esc(hours));
        }
        h += "</p>";
    }
    h += &format!(
        r#"<main id="main" tabindex="-1" aria-label="{title}"><section class="welcome" data-prerendered="">"#
    );
    h += &format!(r#"<h1 data-focus="" tabindex="-1" elementtiming="title">{title}</h1>"#);
    if let Some(intro) = &q.introduction {
        h += &format!(r#"<p class="lead">{}</p>"#, esc(intro.get(code)));
    }
    h += &format!("<p>{}</p>", esc(Msg::ParcoursIntro.get(lang)));
    h += r#"<ul class="parcours-list">"#;
    for p in &q.parcours {
        h += &format!(
            "<li><strong>{}</strong> — {}</li>",
            esc(p.title.get(code)),
            esc(p.summary.get(code))
        );
    }
    h += "</ul>";
    if let Some(n) = q.duration_minutes {
        h += &format!(
            "<p>{}</p>",
            esc(&Msg::Duration.get(lang).replace("{n}", &n.to_string()))
        );
    }
    h += &format!(r#"<p class="private">{}</p>"#, esc(Msg::Private.get(lang)));
    let start = q
        .questions
        .first()
        .map(|x| format!("#/question/{}", x.id))
        .unwrap_or_default();
    h += &format!(
        r#"<div class="actions"><button type="button" data-start="{}">{}</button></div>"#,
        esc(&start),
        esc(Msg::Start.get(lang))
    );
    h += "</section></main>";
    h += &format!(
        r##"<footer class="site"><a href="#/papier">{}</a> · <a href="#/conseiller" class="discreet" lang="fr">Espace conseiller</a></footer>"##,
        esc(Msg::PaperVersion.get(lang))
    );
    h
}

/// The stylesheet inlined into the page, allowed by its hash in the CSP (no
/// `unsafe-inline`): the welcome paints without waiting for a second request.
pub fn inline_style(page: &str, css: &str) -> Result<String, String> {
    use base64::Engine;
    use sha2::Digest;
    const LINK: &str = r#"<link rel="stylesheet" href="style.css">"#;
    const POLICY: &str = "style-src 'self'";
    if !page.contains(LINK) || !page.contains(POLICY) {
        return Err(format!("web/index.html has no `{LINK}` or no `{POLICY}`"));
    }
    let hash = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(css));
    Ok(page
        .replace(LINK, &format!("<style>{css}</style>"))
        .replace(POLICY, &format!("{POLICY} 'sha256-{hash}'")))
}
