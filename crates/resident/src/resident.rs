//! The resident's path for one questionnaire: its state (one reducer), the
//! effects that keep it saved and announced, and the screen for the route.

use crate::components::frame::Frame;
use crate::hooks::{
    use_autosave, use_document_lang, use_focus_on_route, use_other_tab_notice, use_saved_progress,
};
use crate::pages::{paper::Paper, question::QuestionPage, result::ResultPage, welcome::Welcome};
use crate::state::{Action, Quiz};
use crate::storage;
use diag_ui::questionnaire::Shared;
use diag_ui::route::{self, Route};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub q: Shared,
    pub route: Route,
    /// Trying a questionnaire from the preview: nothing is saved.
    pub trial: bool,
    pub on_end_trial: Callback<()>,
}

#[function_component]
pub fn Resident(props: &Props) -> Html {
    let q = props.q.clone();
    let trial = props.trial;
    let quiz = use_reducer(|| Quiz::new(crate::loader::chosen()));
    let saved = use_saved_progress(&q, trial, &quiz);
    use_other_tab_notice(trial, &quiz);
    use_document_lang(&q, quiz.lang);
    use_autosave(&q, trial, &quiz, &props.route);
    use_focus_on_route(&props.route);

    let lang = quiz.lang;
    let on_clear = {
        let (quiz, saved) = (quiz.clone(), saved.clone());
        Callback::from(move |_| {
            if !trial {
                storage::clear();
            }
            saved.set(None);
            quiz.dispatch(Action::Clear);
            route::go(&Route::Welcome);
        })
    };
    let welcome = |saved: Option<&storage::Saved>| {
        // Where "Reprendre" leads: the result when every question shown is
        // answered (whatever screen was saved last), else the question saved,
        // else the first one left.
        let resume = saved.map(|s| {
            let outcome = diag_core::evaluate_untraced(&q.0, &s.answers);
            // A result seen after an early stop is a finished result too.
            let seen = outcome.early_stop && s.route == Route::Result.hash();
            match (outcome.complete || seen, outcome.missing.first()) {
                (true, _) => Route::Result.hash(),
                (false, _) if s.route.starts_with("#/question/") => s.route.clone(),
                (false, Some(id)) => Route::Question(id.clone()).hash(),
                (false, None) => s.route.clone(),
            }
        });
        let saved_on = saved.and_then(|s| s.date);
        html! { <Welcome q={q.clone()} {lang} {resume} {saved_on} on_restart={on_clear.clone()} /> }
    };
    let page = match &props.route {
        Route::Question(id) => match q.0.question(id) {
            Some((index, _)) => {
                let on_answer = {
                    let quiz = quiz.clone();
                    Callback::from(move |(qid, a)| quiz.dispatch(Action::Answer(qid, a)))
                };
                html! { <QuestionPage q={q.clone()} {index} answers={quiz.answers.clone()} {lang} {on_answer} /> }
            }
            None => welcome(None),
        },
        Route::Result => {
            html! { <ResultPage q={q.clone()} answers={quiz.answers.clone()} {lang} on_clear={on_clear.clone()} /> }
        }
        Route::Paper => html! { <Paper q={q.clone()} {lang} /> },
        Route::Welcome | Route::Preview | Route::Advisor => welcome(saved.as_ref()),
    };
    let on_dismiss = {
        let quiz = quiz.clone();
        Callback::from(move |_| quiz.dispatch(Action::Notice(None)))
    };
    html! {
        <Frame q={q.clone()} {lang} {trial} notice={quiz.notice} here={props.route.hash()} {on_dismiss} on_end_trial={props.on_end_trial.clone()}>
            { page }
        </Frame>
    }
}
