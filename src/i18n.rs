//! English and Simplified Chinese strings. A small typed table rather than a Fluent runtime:
//! every key is checked by the compiler and the wasm stays small.

use leptos::prelude::*;

/// The console's languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    ZhCn,
}

/// The current language, provided as context by the app.
#[derive(Clone, Copy)]
pub struct Locale(pub RwSignal<Lang>);

/// Every user-visible string of the console.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    AppTitle,
    Images,
    Loading,
    NoImages,
    ColName,
    ColStatus,
    ColPlatform,
    ColOsVersion,
    ColCreated,
    ErrorTitle,
    ErrorStatus,
    ErrorCode,
    ErrorRequestId,
    Retry,
    SignInTitle,
    SignInHint,
    Token,
    SignIn,
    SignOut,
    TokenRejected,
    NotFound,
}

/// The text of `key` in `lang`.
pub fn text(lang: Lang, key: Key) -> &'static str {
    use Key::*;
    match (lang, key) {
        (Lang::En, AppTitle) => "IMS Console",
        (Lang::ZhCn, AppTitle) => "镜像服务控制台",
        (Lang::En, Images) => "Images",
        (Lang::ZhCn, Images) => "镜像",
        (Lang::En, Loading) => "Loading…",
        (Lang::ZhCn, Loading) => "加载中…",
        (Lang::En, NoImages) => "No images match.",
        (Lang::ZhCn, NoImages) => "没有符合条件的镜像。",
        (Lang::En, ColName) => "Name",
        (Lang::ZhCn, ColName) => "名称",
        (Lang::En, ColStatus) => "Status",
        (Lang::ZhCn, ColStatus) => "状态",
        (Lang::En, ColPlatform) => "Platform",
        (Lang::ZhCn, ColPlatform) => "平台",
        (Lang::En, ColOsVersion) => "OS version",
        (Lang::ZhCn, ColOsVersion) => "操作系统版本",
        (Lang::En, ColCreated) => "Created",
        (Lang::ZhCn, ColCreated) => "创建时间",
        (Lang::En, ErrorTitle) => "The request failed",
        (Lang::ZhCn, ErrorTitle) => "请求失败",
        (Lang::En, ErrorStatus) => "HTTP status",
        (Lang::ZhCn, ErrorStatus) => "HTTP 状态码",
        (Lang::En, ErrorCode) => "Error code",
        (Lang::ZhCn, ErrorCode) => "错误码",
        (Lang::En, ErrorRequestId) => "Request ID",
        (Lang::ZhCn, ErrorRequestId) => "请求 ID",
        (Lang::En, Retry) => "Retry",
        (Lang::ZhCn, Retry) => "重试",
        (Lang::En, SignInTitle) => "Sign in",
        (Lang::ZhCn, SignInTitle) => "登录",
        (Lang::En, SignInHint) => "Enter an X-Auth-Token for the API. It is kept for this tab only.",
        (Lang::ZhCn, SignInHint) => "请输入 API 的 X-Auth-Token，仅在当前标签页中保存。",
        (Lang::En, Token) => "Token",
        (Lang::ZhCn, Token) => "令牌",
        (Lang::En, SignIn) => "Sign in",
        (Lang::ZhCn, SignIn) => "登录",
        (Lang::En, SignOut) => "Sign out",
        (Lang::ZhCn, SignOut) => "退出",
        (Lang::En, TokenRejected) => "The server refused this token. Enter another one.",
        (Lang::ZhCn, TokenRejected) => "服务器拒绝了该令牌，请输入其他令牌。",
        (Lang::En, NotFound) => "This page does not exist.",
        (Lang::ZhCn, NotFound) => "页面不存在。",
    }
}

/// A reactive translation of `key`: re-renders when the language changes.
pub fn t(key: Key) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_context::<Locale>().map(|l| l.0);
    move || text(lang.map_or(Lang::En, |l| l.get()), key)
}
