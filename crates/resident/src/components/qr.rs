//! The result code as a QR code, drawn as SVG in the browser.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub text: String,
}

/// The SVG markup of a QR code for `text`, or `None` if it cannot be encoded.
pub fn svg(text: &str) -> Option<String> {
    let code =
        qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::M).ok()?;
    Some(
        code.render::<qrcode::render::svg::Color>()
            .min_dimensions(160, 160)
            .quiet_zone(true)
            .build(),
    )
}

#[function_component]
pub fn QrCode(props: &Props) -> Html {
    match svg(&props.text) {
        // The markup is generated here from a code made of letters, digits and
        // dashes, never from user text.
        Some(markup) => html! {
            <div class="qr" role="img" aria-label={format!("QR code {}", props.text)}>
                { Html::from_html_unchecked(AttrValue::from(markup)) }
            </div>
        },
        None => html! {},
    }
}
