//! `[[upstream_credential]]` entries of the tokens file: a token the console user signs in to
//! the gateway with, and the AK/SK and project the gateway signs that user's calls with.

use serde::Deserialize;
use std::collections::HashMap;
use std::fmt;
use std::path::Path;

/// What the gateway signs one user's calls with. `Debug` never shows the secret.
#[derive(Clone, Deserialize)]
pub struct UpstreamCredential {
    pub ak: String,
    pub sk: String,
    pub project_id: String,
}

impl fmt::Debug for UpstreamCredential {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UpstreamCredential").field("ak", &self.ak).field("project_id", &self.project_id).finish()
    }
}

#[derive(Deserialize)]
struct Entry {
    token: String,
    #[serde(flatten)]
    credential: UpstreamCredential,
}

#[derive(Deserialize)]
struct File {
    #[serde(default)]
    upstream_credential: Vec<Entry>,
}

/// Gateway token → upstream credential. Empty means pass-through mode.
#[derive(Debug, Clone, Default)]
pub struct UpstreamCredentials(HashMap<String, UpstreamCredential>);

impl UpstreamCredentials {
    /// The `[[upstream_credential]]` entries of a tokens file (none is fine: pass-through).
    pub fn from_file(path: &Path) -> Result<Self, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        Self::from_toml(&text).map_err(|e| format!("bad tokens file {}: {e}", path.display()))
    }

    pub fn from_toml(text: &str) -> Result<Self, String> {
        let file: File = toml::from_str(text).map_err(|e| e.to_string())?;
        let mut map = HashMap::new();
        for e in file.upstream_credential {
            let c = &e.credential;
            if e.token.is_empty() || c.ak.is_empty() || c.sk.is_empty() || c.project_id.is_empty() {
                return Err("an [[upstream_credential]] has an empty token, ak, sk or project_id".to_owned());
            }
            if map.insert(e.token, e.credential).is_some() {
                return Err("two [[upstream_credential]] entries have the same token".to_owned());
            }
        }
        Ok(UpstreamCredentials(map))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn get(&self, token: &str) -> Option<&UpstreamCredential> {
        self.0.get(token)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_entries_and_hides_the_secret() {
        let c = UpstreamCredentials::from_toml(
            "[[token]]\ntoken = \"t\"\nproject_id = \"p\"\n\n[[upstream_credential]]\ntoken = \"console-a\"\nak = \"AK1\"\nsk = \"very-secret\"\nproject_id = \"p1\"\n",
        )
        .unwrap();
        let found = c.get("console-a").unwrap();
        assert_eq!((found.ak.as_str(), found.project_id.as_str()), ("AK1", "p1"));
        assert!(!format!("{c:?}").contains("very-secret"));
        assert!(UpstreamCredentials::from_toml("").unwrap().is_empty());
        let twice = "[[upstream_credential]]\ntoken=\"a\"\nak=\"x\"\nsk=\"y\"\nproject_id=\"p\"\n";
        assert!(UpstreamCredentials::from_toml(&format!("{twice}{twice}")).is_err());
        assert!(UpstreamCredentials::from_toml(
            "[[upstream_credential]]\ntoken=\"a\"\nak=\"\"\nsk=\"y\"\nproject_id=\"p\"\n"
        )
        .is_err());
    }
}
