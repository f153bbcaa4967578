use crate::i18n::{t, Key};
use ims_core::Image;
use leptos::prelude::*;

/// The images of one page as a table. Every value is rendered as text, never as HTML.
#[component]
pub fn ImageTable(images: Vec<Image>) -> impl IntoView {
    if images.is_empty() {
        return view! { <p class="ims-empty" data-testid="empty">{t(Key::NoImages)}</p> }.into_any();
    }
    let text = |f: &ims_core::Field<String>| f.get().cloned().unwrap_or_default();
    let rows = images
        .into_iter()
        .map(|image| {
            let status = image.status.get().map(|s| s.to_string()).unwrap_or_default();
            let status_class = format!("ims-badge ims-status-{status}");
            view! {
                <tr data-testid="image-row" data-id=text(&image.id)>
                    <td data-col="name">{text(&image.name)}</td>
                    <td data-col="status"><span class=status_class>{status}</span></td>
                    <td data-col="__platform">{image.platform.get().map(|p| p.to_string())}</td>
                    <td data-col="__os_version">{text(&image.os_version)}</td>
                    <td data-col="created_at">{text(&image.created_at)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="ims-table" data-testid="image-table">
            <thead>
                <tr>
                    <th scope="col">{t(Key::ColName)}</th>
                    <th scope="col">{t(Key::ColStatus)}</th>
                    <th scope="col">{t(Key::ColPlatform)}</th>
                    <th scope="col">{t(Key::ColOsVersion)}</th>
                    <th scope="col">{t(Key::ColCreated)}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}
