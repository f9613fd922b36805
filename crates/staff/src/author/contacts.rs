//! The permanence and the contacts in the form: one field each (a text per
//! language for the places and hours), written when it changes.

use super::msg::PreviewMsg as M;
use super::state::{Action, Field, Workshop};
use diag_ui::i18n::Lang;
use diag_workshop::{contact_label, Change, Contact, Details, LangText};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: UseReducerHandle<Workshop>,
    pub details: Rc<Details>,
    pub lang: Lang,
    pub dispatch: Callback<Action>,
}

fn input_type(c: Contact) -> &'static str {
    match c {
        Contact::Phone => "tel",
        Contact::Email => "email",
        Contact::Website => "url",
        _ => "text",
    }
}

#[function_component]
pub fn Contacts(props: &Props) -> Html {
    let lang = props.lang;
    let field = |c: Contact, shown: LangText, refused: Option<String>| -> Html {
        let id = format!("contact-{c:?}").to_lowercase();
        html! {
            <div class={classes!("contact", refused.is_some().then_some("refused"))}>
                { for shown.iter().enumerate().map(|(k, (code, value))| {
                    let (d, all) = (props.dispatch.clone(), shown.clone());
                    let onchange = Callback::from(move |e: Event| {
                        let Some(el) = e.target_dyn_into::<web_sys::HtmlInputElement>() else { return };
                        let mut v = all.clone();
                        if let Some(entry) = v.get_mut(k) {
                            entry.1 = el.value();
                        }
                        d.emit(Action::Apply(Field::Contact(c), Change::Contact(c, v)));
                    });
                    let input_id = format!("{id}-{k}");
                    let label = if code.is_empty() || k == 0 { contact_label(c).to_owned() } else { M::InLanguage.fill2(contact_label(c), &M::language_name(code, lang), lang) };
                    html! {
                        <div class="field">
                            <label for={input_id.clone()}>{ label }</label>
                            <input id={input_id} type={input_type(c)} lang={(!code.is_empty()).then(|| code.clone())} value={value.clone()} {onchange} aria-describedby={refused.as_ref().map(|_| format!("{id}-why"))} />
                        </div>
                    }
                }) }
                if let Some(why) = &refused { <p class="refused-why" id={format!("{id}-why")} role="alert">{ why.clone() }</p> }
            </div>
        }
    };
    html! {
        <section class="contacts" aria-labelledby="contacts-title">
            <h2 id="contacts-title">{ M::Contacts.get(lang) }</h2>
            { for props.details.contacts.iter().filter_map(|(c, written)| {
                let written = written.clone()?;
                let (shown, refused) = match props.state.draft(&Field::Contact(*c)).map(|d| (&d.change, &d.refused)) {
                    Some((Change::Contact(_, typed), refused)) => (typed.clone(), refused.clone()),
                    _ => (written, None),
                };
                Some(html! { <div key={format!("{c:?}-{}", props.state.revision)}>{ field(*c, shown, refused) }</div> })
            }) }
        </section>
    }
}
