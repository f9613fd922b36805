//! A panic in the Wasm module must not leave a frozen page: the hook replaces
//! the app with a plain error screen, built with the DOM directly because the
//! module cannot run anything after a panic.

use std::panic::PanicHookInfo;

/// Installs the hook; call once at start. `container` is the id of the
/// element the module renders into (`app` for the resident's, `staff`).
pub fn install(container: &'static str) {
    std::panic::set_hook(Box::new(move |info: &PanicHookInfo<'_>| {
        show_error(container, &info.to_string());
    }));
}

/// Replaces the module's screen with the error screen; `details` go under a disclosure.
pub fn show_error(container: &str, details: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(app) = doc.get_element_by_id(container) else {
        return;
    };
    // The other module's screen may be the visible one: show this one.
    app.remove_attribute("hidden").ok();
    let en = doc
        .document_element()
        .and_then(|e| e.get_attribute("lang"))
        .is_some_and(|l| l == "en");
    let (title, text, again, summary) = if en {
        (
            "Something went wrong",
            "The questionnaire stopped because of an error. You can start again. If it happens again, come to the digital help desk.",
            "Start again",
            "Details for the digital advisor",
        )
    } else {
        (
            "Un problème est survenu",
            "Le questionnaire s'est arrêté à cause d'une erreur. Vous pouvez recommencer. Si cela se reproduit, venez à la permanence numérique.",
            "Recommencer",
            "Détails pour le conseiller numérique",
        )
    };
    app.set_inner_html("");
    let add = |parent: &web_sys::Element, tag: &str, content: &str| {
        let el = doc.create_element(tag).ok()?;
        el.set_text_content(Some(content));
        parent.append_child(&el).ok()?;
        Some(el)
    };
    let Ok(main) = doc.create_element("main") else {
        return;
    };
    main.set_id("main");
    main.set_class_name("error-page");
    let _ = app.append_child(&main);
    let _ = add(&main, "h1", title);
    let _ = add(&main, "p", text);
    if let Some(p) = add(&main, "p", "") {
        if let Some(a) = add(&p, "a", again) {
            // The start-up code clears saved progress on this route, in case it caused the panic.
            let _ = a.set_attribute("href", "?#/recommencer");
            a.set_class_name("button");
        }
    }
    if let Some(d) = add(&main, "details", "") {
        let _ = add(&d, "summary", summary);
        let _ = add(&d, "pre", details);
    }
}
