//! A horizontal bar chart: each bar an inline SVG under its label and figure
//! (text that wraps, readable from 320 px to a printed page), and the figures
//! again in a table for whoever wants to compare or copy them.

use super::text::AdvisorMsg;
use yew::prelude::*;

/// One bar: its label, its value, and the part of it drawn apart (e.g. the
/// results the advisor changed), if any.
#[derive(Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: usize,
    pub part: Option<usize>,
}

#[derive(Properties, PartialEq)]
pub struct Props {
    /// A unique id: the figure's caption and table hang on it.
    pub id: AttrValue,
    pub title: AttrValue,
    pub bars: Vec<Bar>,
    /// The table's column headers: label, value, and the part's (if any).
    pub headers: Vec<AttrValue>,
}

#[function_component]
pub fn BarChart(props: &Props) -> Html {
    let max = props.bars.iter().map(|b| b.value).max().unwrap_or(0).max(1);
    let pct = |n: usize| format!("{:.2}%", n as f64 * 100.0 / max as f64);
    let caption = format!("{}-title", props.id);
    // Each bar under its label and figure, which wrap like any text at 320 px.
    let rows = props.bars.iter().map(|b| {
        let figure = match b.part {
            Some(p) if p > 0 => AdvisorMsg::BarWithPart
                .fill(&[("n", &b.value.to_string()), ("part", &p.to_string())]),
            _ => b.value.to_string(),
        };
        html! {
            <li>
                <span class="chart-name">{ b.label.clone() }</span>{ AdvisorMsg::Colon.fr() }<span class="chart-figure">{ figure }</span>
                <svg class="chart-track" width="100%" height="16" aria-hidden="true" focusable="false">
                    <rect x="0" y="0" width={pct(b.value)} height="16" class="chart-bar" />
                    if let Some(p) = b.part.filter(|p| *p > 0) {
                        <rect x="0" y="0" width={pct(p)} height="16" class="chart-part" />
                    }
                </svg>
            </li>
        }
    });
    let table_rows = props.bars.iter().map(|b| {
        html! {
            <tr>
                <th scope="row">{ b.label.clone() }</th>
                <td>{ b.value }</td>
                if props.headers.len() > 2 { <td>{ b.part.unwrap_or(0) }</td> }
            </tr>
        }
    });
    html! {
        <figure class="chart" id={props.id.clone()}>
            <figcaption id={caption.clone()}>{ props.title.clone() }</figcaption>
            <ul class="chart-bars" aria-labelledby={caption}>{ for rows }</ul>
            <details class="no-print">
                <summary>{ AdvisorMsg::ChartTable.fr() }</summary>
                <div class="table-scroll" role="region" tabindex="0" aria-label={props.title.clone()}>
                    <table class="scores">
                        <thead><tr>{ for props.headers.iter().map(|h| html! { <th scope="col">{ h.clone() }</th> }) }</tr></thead>
                        <tbody>{ for table_rows }</tbody>
                    </table>
                </div>
            </details>
        </figure>
    }
}
