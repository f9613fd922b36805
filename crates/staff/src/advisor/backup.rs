//! Keeping the records safe: whether the browser keeps this site's storage
//! for good, the day of the last backup (JSON export), and a reminder when
//! it is more than 14 days or 50 records old.

use super::text::AdvisorMsg;
use diag_core::records::{self, Record};
use diag_core::Date;
use yew::prelude::*;

/// The reminder at the top of the advisor's screen, when a backup is due.
pub fn reminder(records: &[Record], last: Option<(Date, usize)>) -> Html {
    if !records::backup_due(diag_ui::today(), last, records) {
        return html! {};
    }
    let due = match last {
        Some((day, _)) => AdvisorMsg::BackupDueSince.fill(&[("date", &day.to_string())]),
        None => AdvisorMsg::BackupDueNever.fr().to_owned(),
    };
    html! {
        <p class="notice backup-due" role="status">{ due }</p>
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
        Some(true) => AdvisorMsg::StorageProtected,
        Some(false) => AdvisorMsg::StorageUnprotected,
        None => AdvisorMsg::StorageUnknown,
    }
    .fr();
    let last = match props.last_export {
        Some((day, n)) => {
            let last = if n > 1 {
                AdvisorMsg::LastBackupMany
            } else {
                AdvisorMsg::LastBackupOne
            };
            last.fill(&[("date", &day.to_string()), ("n", &n.to_string())])
        }
        None => AdvisorMsg::NoBackup.fr().to_owned(),
    };
    html! {
        <div class="safekeeping">
            <p id="storage-state">{ stored }</p>
            <p id="last-export">{ last }</p>
        </div>
    }
}
