use crate::components::common::{CopyButton, TimeText};
use crate::i18n::{field_label, t, value_text, Key};
use ims_core::fields::{Group, ValueKind, FIELDS};
use ims_core::view::human_size;
use ims_core::Image;
use leptos::prelude::*;

/// Attributes worth a copy button: the ones people paste into tickets and CLIs.
const COPYABLE: &[&str] = &["id", "owner", "checksum"];

fn group_title(group: Group) -> Key {
    match group {
        Group::Basic => Key::GroupBasic,
        Group::Os => Key::GroupOs,
        Group::Capabilities => Key::GroupCapabilities,
        Group::Storage => Key::GroupStorage,
        Group::Timestamps => Key::GroupTimestamps,
        Group::Links => Key::GroupLinks,
    }
}

/// The documented attributes of one registry group that the image has, as a definition list.
#[component]
pub fn AttributeGroup(image: Image, group: Group) -> impl IntoView {
    let present: Vec<_> = FIELDS
        .iter()
        .filter(|f| f.group == group && f.wire != "tags")
        .filter_map(|f| Some((f, image.attr_text(f.wire)?)))
        .collect();
    // A group the image has nothing of (a Glance image has no IMS capabilities) is not drawn.
    if present.is_empty() {
        return ().into_any();
    }
    let rows = present
        .into_iter()
        .map(|(f, value)| {
            let shown = match f.kind {
                ValueKind::Time => {
                    view! { <TimeText value=value.clone() /> " " <span class="ims-muted">{value.clone()}</span> }
                        .into_any()
                }
                ValueKind::ByteCount => {
                    let human = value.parse::<u64>().map(human_size).unwrap_or_default();
                    view! { <span>{value.clone()}</span> " " <span class="ims-muted">{human}</span> }.into_any()
                }
                ValueKind::Boolean | ValueKind::FlagText | ValueKind::Enum(_) => {
                    view! { <span title=value.clone()>{value_text(f.wire, &value)}</span> }.into_any()
                }
                _ => view! { <span>{value.clone()}</span> }.into_any(),
            };
            let copy = COPYABLE.contains(&f.wire).then(|| view! { <CopyButton value=value.clone() /> });
            view! {
                <dt>{field_label(f)}</dt>
                <dd data-attr=f.wire>{shown} {copy}</dd>
            }
        })
        .collect_view();
    view! {
        <section class="ims-group" data-group=format!("{group:?}")>
            <h2>{t(group_title(group))}</h2>
            <dl>{rows}</dl>
        </section>
    }
    .into_any()
}
