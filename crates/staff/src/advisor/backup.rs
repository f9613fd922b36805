//! Keeping the records safe: whether the browser keeps this site's storage
//! for good, the day of the last backup (JSON export), and a reminder when
//! it is more than 14 days or 50 records old.

use diag_core::records::{self, Record};
use diag_core::Date;
use yew::prelude::*;

/// The reminder at the top of the advisor's screen, when a backup is due.
pub fn reminder(records: &[Record], last: Option<(Date, usize)>) -> Html {
    if !records::backup_due(diag_ui::today(), last, records) {
        return html! {};
    }
    let since = match last {
        Some((day, _)) => format!("la dernière date du {day}"),
        None => "aucune n'a encore été faite sur cet appareil".to_owned(),
    };
    html! {
        <p class="notice backup-due" role="status">
            { format!("Pensez à exporter une sauvegarde de vos fiches ({since})\u{a0}: onglet «\u{a0}Fiches\u{a0}», bouton «\u{a0}Exporter en JSON (sauvegarde)\u{a0}».") }
        </p>
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Whether the browser keeps the storage for good.
    pub persisted: Option<bool>,
    /// The last backup's day and size (read by the screen's root at each render).
    pub last_export: Option<(Date, usize)>,
}

/// Where the records are, and how safe: shown with the records.
#[function_component]
pub fn Safekeeping(props: &Props) -> Html {
    let stored = match props.persisted {
        Some(true) => "Stockage protégé\u{a0}: le navigateur ne supprimera pas les fiches de lui-même.",
        Some(false) => "Stockage non protégé\u{a0}: le navigateur peut effacer les fiches (par exemple après 7 jours sans visite sur Safari). Exportez-les souvent.",
        None => "Ce navigateur ne dit pas s'il garde les fiches pour de bon\u{a0}: exportez-les souvent.",
    };
    let last = match props.last_export {
        Some((day, n)) => format!(
            "Dernière sauvegarde (export JSON) : {day}, {n} fiche{}.",
            if n > 1 { "s" } else { "" }
        ),
        None => "Aucune sauvegarde (export JSON) n'a été faite sur cet appareil.".to_owned(),
    };
    html! {
        <div class="safekeeping">
            <p id="storage-state">{ stored }</p>
            <p id="last-export">{ last }</p>
        </div>
    }
}
