use crate::i18n::{t, Key};
use ims_core::query::TimeOp;
use ims_core::time::Timestamp;
use leptos::prelude::*;

/// `created_at` / `updated_at`: an operator and a UTC date-time, kept together as the wire
/// value `op:yyyy-MM-ddThh:mm:ssZ`. Until both parts are chosen there is no filter.
#[component]
pub fn TimeFilterField(id: String, value: Signal<String>, on_change: Callback<String>) -> impl IntoView {
    let split = move || {
        let v = value.get();
        let (op, time) =
            v.split_once(':').map_or(("gt".to_owned(), String::new()), |(o, t)| (o.to_owned(), t.to_owned()));
        let input = Timestamp::parse(&time).map(Timestamp::to_input).unwrap_or_default();
        (op, input)
    };
    let op = RwSignal::new(split().0);
    let time = RwSignal::new(split().1);
    let emit = move || {
        let wire = Timestamp::parse_input(&time.get_untracked()).map(|ts| format!("{}:{ts}", op.get_untracked()));
        on_change.run(wire.unwrap_or_default());
    };
    let op_label = |op: TimeOp| match op {
        TimeOp::Gt => Key::OpGt,
        TimeOp::Gte => Key::OpGte,
        TimeOp::Lt => Key::OpLt,
        TimeOp::Lte => Key::OpLte,
        TimeOp::Eq => Key::OpEq,
        TimeOp::Neq => Key::OpNeq,
    };
    let op_id = format!("{id}-op");
    view! {
        <span class="ims-time-filter">
            <select id=op_id aria-label=t(Key::Operator) prop:value=move || op.get() on:change:target=move |ev| {
                op.set(ev.target().value());
                emit();
            }>
                {TimeOp::ALL.iter().map(|o| view! { <option value=o.as_str()>{t(op_label(*o))}</option> }).collect_view()}
            </select>
            <input id=id type="datetime-local" step="1" prop:value=move || time.get() on:input:target=move |ev| {
                time.set(ev.target().value());
                emit();
            } />
            <span class="ims-hint">{t(Key::TimeUtc)}</span>
        </span>
    }
}
