//! How a console starts: its own page (optionally configured by a
//! `<meta name="ims-console-config" content="{…}">`) or a host page calling `mount(element,
//! config)`. Both give the same options, read here into one typed value; a bad option is a
//! [`ConfigError`] that names it, never a panic.

use crate::api::{Flavour, TokenProvider};
use crate::i18n::Lang;
use crate::router::Routing;
use crate::theme::Theme;
use wasm_bindgen::{JsCast, JsValue};

/// The console's start-up options.
#[derive(Debug, Clone, PartialEq)]
pub struct ConsoleConfig {
    /// The API endpoint (`""`: the page's own origin); `None` runs the in-browser demo.
    pub endpoint: Option<String>,
    pub flavour: Option<Flavour>,
    pub token: Option<String>,
    /// The host's token function, asked before every request.
    pub token_provider: Option<TokenProvider>,
    pub routing: Routing,
    pub lang: Option<Lang>,
    pub theme: Option<Theme>,
    /// Mounted by a host page: the host's options win over what the user saved in Settings,
    /// and the console leaves the document's own attributes alone.
    pub embedded: bool,
}

impl Default for ConsoleConfig {
    /// The console behind its own server: the same origin, clean paths.
    fn default() -> Self {
        ConsoleConfig {
            endpoint: Some(String::new()),
            flavour: None,
            token: None,
            token_provider: None,
            routing: Routing::default(),
            lang: None,
            theme: None,
            embedded: false,
        }
    }
}

/// A start-up option with a value the console does not understand.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("ims-console: option `{option}` {problem}")]
pub struct ConfigError {
    pub option: &'static str,
    pub problem: &'static str,
}

fn get(object: &JsValue, option: &'static str) -> Option<JsValue> {
    js_sys::Reflect::get(object, &option.into()).ok().filter(|v| !v.is_undefined() && !v.is_null())
}

fn text(object: &JsValue, option: &'static str) -> Result<Option<String>, ConfigError> {
    get(object, option).map(|v| v.as_string().ok_or(ConfigError { option, problem: "must be a string" })).transpose()
}

fn one_of<T>(
    object: &JsValue,
    option: &'static str,
    problem: &'static str,
    read: fn(&str) -> Option<T>,
) -> Result<Option<T>, ConfigError> {
    text(object, option)?.map(|v| read(&v).ok_or(ConfigError { option, problem })).transpose()
}

impl ConsoleConfig {
    /// The options of a host page's `mount` call (a plain object; `undefined` for none).
    /// Embedded, routing defaults to a hash, so the console never takes over the host's path.
    pub fn embedded(options: &JsValue) -> Result<Self, ConfigError> {
        let defaults = ConsoleConfig { endpoint: None, routing: Routing::Hash, embedded: true, ..Self::default() };
        defaults.with_options(options)
    }

    /// The options of the console's own page: the `ims-console-config` meta element, if any.
    /// The static bundle's page sets `{"routing": "hash"}` and no endpoint: the demo.
    pub fn from_page() -> Result<Self, ConfigError> {
        let meta = leptos::prelude::document().query_selector("meta[name=ims-console-config]").ok().flatten();
        let Some(content) = meta.and_then(|m| m.get_attribute("content")) else { return Ok(Self::default()) };
        let options = js_sys::JSON::parse(&content)
            .map_err(|_| ConfigError { option: "ims-console-config", problem: "is not JSON" })?;
        ConsoleConfig { endpoint: None, ..Self::default() }.with_options(&options)
    }

    fn with_options(mut self, options: &JsValue) -> Result<Self, ConfigError> {
        if !options.is_undefined() && !options.is_null() && !options.is_object() {
            return Err(ConfigError { option: "config", problem: "must be an object" });
        }
        if let Some(endpoint) = text(options, "endpoint")? {
            self.endpoint = Some(endpoint.trim().to_owned());
        }
        self.flavour = one_of(options, "flavour", "must be \"ims\" or \"glance\"", Flavour::from_tag)?.or(self.flavour);
        match get(options, "token") {
            None => {}
            Some(v) if v.is_function() => {
                self.token_provider = Some(TokenProvider(send_wrapper::SendWrapper::new(v.unchecked_into())));
            }
            Some(v) => {
                let token =
                    v.as_string().ok_or(ConfigError { option: "token", problem: "must be a string or a function" })?;
                self.token = Some(token).filter(|t| !t.is_empty());
            }
        }
        let routing = one_of(options, "routing", "must be \"hash\" or \"path\"", |v| match v {
            "hash" => Some(Routing::Hash),
            "path" => Some(Routing::path("")),
            _ => None,
        })?;
        self.routing = match (routing.unwrap_or(self.routing), text(options, "basePath")?) {
            (Routing::Path { .. }, Some(base)) => Routing::path(&base),
            (routing, _) => routing,
        };
        self.lang = one_of(options, "language", "must be \"en\" or \"zh-CN\"", Lang::from_tag)?.or(self.lang);
        self.theme =
            one_of(options, "theme", "must be \"light\", \"dark\" or \"system\"", Theme::from_tag)?.or(self.theme);
        Ok(self)
    }
}
