//! Pictograms for novices: small inline SVGs (no request), each with a text
//! alternative. Unknown names draw nothing rather than a broken image.

use diag_ui::i18n::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub name: String,
    pub lang: Lang,
}

/// `(name, French alternative, English alternative, SVG body on a 24×24 grid)`.
const PICTOGRAMS: &[(&str, &str, &str, &str)] = &[
    ("ordinateur", "Un ordinateur", "A computer", "<rect x='3' y='4' width='18' height='12' rx='1'/><path d='M8 20h8M12 16v4'/>"),
    ("wifi", "Le wifi", "Wi-Fi", "<path d='M2 9a15 15 0 0 1 20 0M5 12.5a10 10 0 0 1 14 0M8.5 16a5 5 0 0 1 7 0'/><circle cx='12' cy='19' r='1'/>"),
    ("email", "Un e-mail", "An e-mail", "<rect x='3' y='5' width='18' height='14' rx='1'/><path d='M3 6l9 7 9-7'/>"),
    ("emploi", "Une mallette de travail", "A work briefcase", "<rect x='3' y='7' width='18' height='12' rx='1'/><path d='M9 7V5h6v2M3 12h18'/>"),
    ("objectif", "Une cible", "A target", "<circle cx='12' cy='12' r='9'/><circle cx='12' cy='12' r='5'/><circle cx='12' cy='12' r='1'/>"),
    ("souris", "Une souris d'ordinateur", "A computer mouse", "<rect x='7' y='3' width='10' height='18' rx='5'/><path d='M12 3v6'/>"),
    ("clavier", "Un clavier", "A keyboard", "<rect x='2' y='6' width='20' height='12' rx='1'/><path d='M6 10h1M10 10h1M14 10h1M18 10h1M7 14h10'/>"),
    ("dossier", "Un dossier", "A folder", "<path d='M3 6h6l2 2h10v11H3z'/>"),
    ("loupe", "Une loupe", "A magnifying glass", "<circle cx='10' cy='10' r='6'/><path d='M15 15l6 6'/>"),
    ("trombone", "Un trombone", "A paper clip", "<path d='M8 12V7a4 4 0 0 1 8 0v9a6 6 0 0 1-12 0V9'/><path d='M12 8v8'/>"),
    ("cadenas", "Un cadenas", "A padlock", "<rect x='5' y='11' width='14' height='10' rx='1'/><path d='M8 11V7a4 4 0 0 1 8 0v4'/>"),
    ("document", "Une feuille écrite", "A written page", "<path d='M6 3h9l4 4v14H6z'/><path d='M9 11h7M9 15h7'/>"),
    ("imprimante", "Une imprimante", "A printer", "<path d='M7 9V3h10v6'/><rect x='3' y='9' width='18' height='8' rx='1'/><path d='M7 14h10v7H7z'/>"),
    ("tableur", "Un tableau", "A table", "<rect x='3' y='4' width='18' height='16'/><path d='M3 9h18M3 14h18M9 4v16M15 4v16'/>"),
    ("fichier", "Un fichier", "A file", "<path d='M6 3h9l4 4v14H6z'/><path d='M15 3v4h4'/>"),
    ("cv", "Un CV", "A CV", "<path d='M6 3h12v18H6z'/><circle cx='12' cy='8' r='2'/><path d='M9 13h6M9 16h6'/>"),
    ("envoyer", "Envoyer", "Send", "<path d='M3 12l18-8-7 18-3-7z'/>"),
];

#[function_component]
pub fn Pictogram(props: &Props) -> Html {
    let Some((_, fr, en, body)) = PICTOGRAMS.iter().find(|(n, ..)| *n == props.name) else {
        return html! {};
    };
    let alt = if props.lang == Lang::Fr { *fr } else { *en };
    let svg = format!(
        "<svg viewBox='0 0 24 24' width='48' height='48' fill='none' stroke='currentColor' stroke-width='1.6' stroke-linecap='round' stroke-linejoin='round' focusable='false' aria-hidden='true'>{body}</svg>"
    );
    // The role and name are on the wrapper, so the legend's text stays the question.
    html! {
        <span class="pictogram" role="img" aria-label={alt}>
            { Html::from_html_unchecked(AttrValue::from(svg)) }
        </span>
    }
}
