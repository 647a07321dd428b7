//! `Patch<T>`: an optional, nullable PATCH field that is absent, explicitly null, or a value.
//! The generator uses it for every optional `nullable: true` property of openapi.yaml.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A field of a request or response that may be left out, set to `null`, or set to a value.
///
/// ```
/// use invent::Patch;
/// let remove_avatar: Patch<String> = Patch::Null;
/// let set_avatar: Patch<String> = "file_1".to_string().into();
/// assert!(Patch::<String>::default().is_absent());
/// assert_eq!(set_avatar.value(), Some(&"file_1".to_string()));
/// assert!(remove_avatar.is_null());
/// ```
///
/// As a struct field it serializes as: [`Patch::Absent`], key left out; [`Patch::Null`],
/// `null`; [`Patch::Value`], the value. Deserializing gives back the same three states.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Patch<T> {
    /// Not sent: the server keeps its current value.
    #[default]
    Absent,
    /// Sent as `null`: the server clears the value.
    Null,
    /// Sent as this value.
    Value(T),
}

impl<T> Patch<T> {
    /// `true` when the field is left out (what `skip_serializing_if` asks).
    pub const fn is_absent(&self) -> bool {
        matches!(self, Patch::Absent)
    }

    /// `true` when the field is an explicit `null`.
    pub const fn is_null(&self) -> bool {
        matches!(self, Patch::Null)
    }

    /// The value, if there is one.
    pub const fn value(&self) -> Option<&T> {
        match self {
            Patch::Value(v) => Some(v),
            Patch::Absent | Patch::Null => None,
        }
    }

    /// The value, if there is one, consuming the field.
    pub fn into_value(self) -> Option<T> {
        match self {
            Patch::Value(v) => Some(v),
            Patch::Absent | Patch::Null => None,
        }
    }

    /// Applies `f` to the value, keeping `Absent` and `Null` as they are.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Patch<U> {
        match self {
            Patch::Absent => Patch::Absent,
            Patch::Null => Patch::Null,
            Patch::Value(v) => Patch::Value(f(v)),
        }
    }

    /// Borrows the value.
    pub const fn as_ref(&self) -> Patch<&T> {
        match self {
            Patch::Absent => Patch::Absent,
            Patch::Null => Patch::Null,
            Patch::Value(v) => Patch::Value(v),
        }
    }
}

impl<T> From<T> for Patch<T> {
    fn from(value: T) -> Self {
        Patch::Value(value)
    }
}

/// A nullable secret set from its plain value (`--signing-key` in the CLI, a builder setter).
impl<T> From<T> for Patch<crate::Secret<T>> {
    fn from(value: T) -> Self {
        Patch::Value(crate::Secret::new(value))
    }
}

impl<T: Serialize> Serialize for Patch<T> {
    /// `Absent` is normally skipped by the containing struct; alone it serializes as `null`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Patch::Value(v) => serializer.serialize_some(v),
            Patch::Absent | Patch::Null => serializer.serialize_none(),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Patch<T> {
    /// A present key gives `Null` or `Value`; a missing key gives `Absent` through
    /// `#[serde(default)]` on the field.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(match Option::<T>::deserialize(deserializer)? {
            Some(v) => Patch::Value(v),
            None => Patch::Null,
        })
    }
}
