//! `DeepObject<T>`: the value of a query parameter the spec sends `style: deepObject`, each
//! property its own pair (`filter[state]=open`); generated builders take the `T` itself.

use std::fmt;

/// A query parameter's object, sent as one `name[key]=value` pair per property (OpenAPI's
/// `style: deepObject`; nested objects and lists go deeper, `name[a][b]=…`, `name[ids][0]=…`).
/// A builder method for such a parameter takes the object itself (`.filter(Filter { … })`),
/// which converts; the command line takes its JSON text.
#[derive(Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct DeepObject<T>(pub T);

impl<T> DeepObject<T> {
    /// The object.
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> From<T> for DeepObject<T> {
    fn from(value: T) -> Self {
        DeepObject(value)
    }
}

impl<T> std::ops::Deref for DeepObject<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: fmt::Debug> fmt::Debug for DeepObject<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// Reads the object's JSON text (what the command line takes for such a parameter).
impl<T: serde::de::DeserializeOwned> std::str::FromStr for DeepObject<T> {
    type Err = serde_json::Error;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        serde_json::from_str(text).map(DeepObject)
    }
}
