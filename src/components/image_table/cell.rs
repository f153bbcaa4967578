use crate::components::common::TimeText;
use crate::hooks::image_href;
use crate::i18n::value_text;
use crate::router::link_href;
use ims_core::fields::{self, ValueKind};
use ims_core::view::human_size;
use ims_core::Image;
use leptos::prelude::*;

/// One table cell: the attribute `column` of `image`, formatted by its registry kind. Every
/// value is text; nothing from the API is ever parsed as HTML.
#[component]
pub fn Cell(image: Image, column: String) -> impl IntoView {
    // A nameless image (legal in Glance) is still opened by its name cell: it shows the id.
    let value = image.attr_text(&column).or_else(|| image.id.get().filter(|_| column == "name").cloned());
    let Some(value) = value else {
        return view! { <td data-col=column class="ims-null"></td> }.into_any();
    };
    let kind = fields::field(&column).map(|f| f.kind);
    let content = match (column.as_str(), kind) {
        ("name", _) => {
            let href = image.id.get().map(|id| link_href(&image_href(id))).unwrap_or_default();
            view! { <a href=href data-testid="image-link">{value}</a> }.into_any()
        }
        ("status", _) => {
            let class = format!("ims-badge ims-status-{value}");
            view! { <span class=class>{value_text("status", &value)}</span> }.into_any()
        }
        (_, Some(ValueKind::ByteCount)) => {
            let bytes = value.parse::<u64>().ok();
            let shown = bytes.map_or_else(|| value.clone(), human_size);
            view! { <span title=value>{shown}</span> }.into_any()
        }
        (_, Some(ValueKind::Time)) => view! { <TimeText value=value /> }.into_any(),
        (_, Some(ValueKind::Boolean | ValueKind::FlagText | ValueKind::Enum(_))) => {
            view! { <span>{value_text(&column, &value)}</span> }.into_any()
        }
        _ => view! { <span>{value}</span> }.into_any(),
    };
    view! { <td data-col=column>{content}</td> }.into_any()
}
