//! `Secret<T>`: a credential that serializes normally but never shows in `Debug` output.
//! The generator wraps every property the spec marks `format: password` in it.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A secret value, such as an assistant's `secret_key`.
///
/// ```
/// use invent::Secret;
/// let key = Secret::new("sk_live_123".to_string());
/// assert_eq!(format!("{key:?}"), "[redacted]");
/// assert_eq!(key.expose(), "sk_live_123");
/// assert_eq!(serde_json::to_string(&key).unwrap(), "\"sk_live_123\"");
/// let wrong = serde_json::from_str::<Secret<String>>("123456").unwrap_err();
/// assert!(!wrong.to_string().contains("123456"));
/// ```
#[derive(Clone, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct Secret<T>(T);

/// A value that does not read as `T` is refused without quoting it: serde's message would
/// (`invalid type: integer `123456`, expected a string`).
impl<'de, T: Deserialize<'de>> Deserialize<'de> for Secret<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::deserialize(deserializer).map(Secret).map_err(|_| {
            serde::de::Error::custom(
                "a secret (`format: password`) of the wrong type; its value is not shown",
            )
        })
    }
}

impl<T> Secret<T> {
    /// Wraps a secret value.
    pub const fn new(value: T) -> Self {
        Secret(value)
    }

    /// The secret itself; every read of it is explicit.
    pub const fn expose(&self) -> &T {
        &self.0
    }

    /// Unwraps the secret.
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> From<T> for Secret<T> {
    fn from(value: T) -> Self {
        Secret(value)
    }
}

impl<T> fmt::Debug for Secret<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}
