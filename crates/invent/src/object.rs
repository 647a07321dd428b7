//! How every generated object is read and written: each key read once (no buffering), each
//! written once, nothing lost. `wire_object!` writes both impls in one line per generated type.

use indexmap::IndexMap;
use serde::de::{self, Deserialize, DeserializeOwned, MapAccess};
use serde::ser::{Serialize, SerializeMap};

use crate::RawJson;

/// The `Serialize`, `Deserialize` and `FromStr` (JSON) of a generated object, from its fields: each field's
/// wire name and kind, then the field that keeps the properties the spec does not name.
///
/// Kinds: `required` (a missing key is an error), `optional` (an `Option`, absent when
/// missing; an explicit `null` is remembered in the extra properties, so it is written back),
/// `patch` (a nullable `Patch`: absent, null or a value).
#[doc(hidden)]
#[macro_export]
macro_rules! wire_object {
    ($name:ident { $($field:ident: $wire:literal $kind:ident),* $(,)? } $extra:ident: $extra_ty:ty) => {
        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                use ::serde::ser::SerializeMap as _;
                let known: &[(&str, bool)] =
                    &[$(($wire, $crate::wire_object!(@present self.$field, $kind))),*];
                let mut map = serializer.serialize_map(None)?;
                $(
                    if $crate::wire_object!(@present self.$field, $kind) {
                        map.serialize_entry($wire, &self.$field)?;
                    }
                )*
                $crate::support::UnknownProperties::write(&self.$extra, &mut map, known)?;
                map.end()
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                struct Visitor;
                impl<'de> ::serde::de::Visitor<'de> for Visitor {
                    type Value = $name;
                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str(concat!("an object (", stringify!($name), ")"))
                    }
                    fn visit_map<A: ::serde::de::MapAccess<'de>>(
                        self,
                        mut map: A,
                    ) -> ::std::result::Result<$name, A::Error> {
                        $(let mut $field = $crate::support::Slot::new();)*
                        let mut extra: $extra_ty = ::std::default::Default::default();
                        while let Some(key) = map.next_key::<$crate::support::Key<'de>>()? {
                            match key.as_str() {
                                $($wire => $crate::wire_object!(@read $field, $wire, map, extra, $kind),)*
                                _ => $crate::support::UnknownProperties::read(&mut extra, key.into_string(), &mut map)?,
                            }
                        }
                        Ok($name {
                            $($field: $crate::wire_object!(@finish $field, $wire, $kind),)*
                            $extra: extra,
                        })
                    }
                }
                deserializer.deserialize_map(Visitor)
            }
        }

        /// Reads the object's JSON text (what a command-line flag for it takes).
        impl ::std::str::FromStr for $name {
            type Err = ::serde_json::Error;

            fn from_str(text: &str) -> ::std::result::Result<Self, Self::Err> {
                ::serde_json::from_str(text)
            }
        }
    };
    (@present $value:expr, required) => { true };
    (@present $value:expr, optional) => { $value.is_some() };
    (@present $value:expr, patch) => { !$value.is_absent() };
    (@read $slot:ident, $wire:literal, $map:ident, $extra:ident, optional) => {
        $slot.read_or_null($wire, &mut $map, &mut $extra)?
    };
    (@read $slot:ident, $wire:literal, $map:ident, $extra:ident, $kind:ident) => {
        $slot.read($wire, &mut $map)?
    };
    (@finish $slot:ident, $wire:literal, required) => { $slot.required($wire)? };
    (@finish $slot:ident, $wire:literal, optional) => { $slot.optional() };
    (@finish $slot:ident, $wire:literal, patch) => { $slot.or_default() };
}

/// The properties of an object that the spec does not name: read as they come, written back
/// after the known ones.
pub trait UnknownProperties: Default {
    /// Reads the value of a key the spec does not name.
    fn read<'de, A: MapAccess<'de>>(&mut self, key: String, map: &mut A) -> Result<(), A::Error>;

    /// Remembers an explicit `null` read for a known property that is not nullable (its field
    /// stays absent), so that the object is written back as it was read.
    fn remember_null(&mut self, key: &str);

    /// Writes the entries. A known property is written by its field, never here: an entry
    /// under its name is written only as a remembered `null`, and only while the field is
    /// absent (a value the caller sets wins); any other such entry is not written.
    fn write<M: SerializeMap>(&self, map: &mut M, known: &[(&str, bool)]) -> Result<(), M::Error>;
}

/// Whether an entry under `key` may be written beside the known properties.
fn may_write(key: &str, value_is_null: bool, known: &[(&str, bool)]) -> bool {
    match known.iter().find(|(name, _)| *name == key) {
        None => true,
        Some((_, written)) => !written && value_is_null,
    }
}

/// A key an object has twice: refused, as for a known property (which value would count?).
fn twice<E: de::Error>(key: &str) -> E {
    E::custom(format_args!("property `{key}` appears twice"))
}

/// Unknown properties kept as `serde_json` values: for an object whose unknown properties
/// typify types as any JSON through a schema the SDK does not read as free-form.
impl UnknownProperties for serde_json::Map<String, serde_json::Value> {
    fn read<'de, A: MapAccess<'de>>(&mut self, key: String, map: &mut A) -> Result<(), A::Error> {
        match self.entry(key) {
            serde_json::map::Entry::Occupied(entry) => Err(twice(entry.key())),
            serde_json::map::Entry::Vacant(entry) => {
                entry.insert(map.next_value()?);
                Ok(())
            }
        }
    }

    fn remember_null(&mut self, key: &str) {
        self.insert(key.to_owned(), serde_json::Value::Null);
    }

    fn write<M: SerializeMap>(&self, map: &mut M, known: &[(&str, bool)]) -> Result<(), M::Error> {
        for (key, value) in self {
            if may_write(key, value.is_null(), known) {
                map.serialize_entry(key, value)?;
            }
        }
        Ok(())
    }
}

/// The properties of a generated object that the spec does not name, in the order they were
/// read, kept so that they are written back: a map from each name to the exact JSON text of
/// its value ([`RawJson`]), which it derefs to.
///
/// `Debug` hides the value of every property named like a credential (`token`, `api_key`,
/// `*_secret`…, at any depth), as [`crate::redact`] says; read one on purpose with
/// `extra["token"]` or `extra.get("token")`.
///
/// ```
/// let mut extra = invent::Extra::default();
/// extra.insert("plan".into(), "pro".into());
/// extra.insert("session_token".into(), "t0k3n".into());
/// let shown = format!("{extra:?}");
/// assert!(shown.contains("pro") && !shown.contains("t0k3n"));
/// assert_eq!(extra["session_token"].get::<String>()?, "t0k3n");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Extra(IndexMap<String, RawJson>);

impl Extra {
    /// The map itself.
    pub fn into_inner(self) -> IndexMap<String, RawJson> {
        self.0
    }
}

impl std::ops::Deref for Extra {
    type Target = IndexMap<String, RawJson>;

    fn deref(&self) -> &IndexMap<String, RawJson> {
        &self.0
    }
}

impl std::ops::DerefMut for Extra {
    fn deref_mut(&mut self) -> &mut IndexMap<String, RawJson> {
        &mut self.0
    }
}

impl From<IndexMap<String, RawJson>> for Extra {
    fn from(map: IndexMap<String, RawJson>) -> Self {
        Extra(map)
    }
}

impl From<Extra> for IndexMap<String, RawJson> {
    fn from(extra: Extra) -> Self {
        extra.0
    }
}

/// Each value of a `serde_json` object as its JSON text.
impl From<serde_json::Map<String, serde_json::Value>> for Extra {
    fn from(map: serde_json::Map<String, serde_json::Value>) -> Self {
        map.into_iter()
            .map(|(k, v)| (k, RawJson::from(v)))
            .collect()
    }
}

/// Reads a JSON object's text (what the command line takes for an object parameter); each
/// value keeps its text.
impl std::str::FromStr for Extra {
    type Err = serde_json::Error;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        serde_json::from_str(text)
    }
}

impl FromIterator<(String, RawJson)> for Extra {
    fn from_iter<I: IntoIterator<Item = (String, RawJson)>>(iter: I) -> Self {
        Extra(iter.into_iter().collect())
    }
}

impl<'a> IntoIterator for &'a Extra {
    type Item = (&'a String, &'a RawJson);
    type IntoIter = indexmap::map::Iter<'a, String, RawJson>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl std::fmt::Debug for Extra {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&crate::redact::Properties(&self.0), f)
    }
}

impl Serialize for Extra {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Extra {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        IndexMap::deserialize(deserializer).map(Extra)
    }
}

impl UnknownProperties for Extra {
    #[inline]
    fn read<'de, A: MapAccess<'de>>(&mut self, key: String, map: &mut A) -> Result<(), A::Error> {
        // One lookup; a vacant entry reserves room for one property, not three.
        match self.0.entry(key) {
            indexmap::map::Entry::Occupied(entry) => Err(twice(entry.key())),
            indexmap::map::Entry::Vacant(entry) => {
                entry.insert(map.next_value()?);
                Ok(())
            }
        }
    }

    #[inline]
    fn remember_null(&mut self, key: &str) {
        self.0.insert(key.to_owned(), RawJson::null());
    }

    #[inline]
    fn write<M: SerializeMap>(&self, map: &mut M, known: &[(&str, bool)]) -> Result<(), M::Error> {
        for (key, value) in &self.0 {
            if may_write(key, value.is_null(), known) {
                map.serialize_entry(key, value)?;
            }
        }
        Ok(())
    }
}

#[cfg(feature = "schemars")]
impl schemars::JsonSchema for Extra {
    fn is_referenceable() -> bool {
        false
    }

    fn schema_name() -> String {
        <serde_json::Map<String, serde_json::Value>>::schema_name()
    }

    fn json_schema(generator: &mut schemars::r#gen::SchemaGenerator) -> schemars::schema::Schema {
        <serde_json::Map<String, serde_json::Value>>::json_schema(generator)
    }
}

/// A typed map (`additionalProperties: {type: …}`): its values cannot be `null`, so a `null`
/// on a known property of such an object is read as absent.
impl<V: Serialize + DeserializeOwned> UnknownProperties for indexmap::IndexMap<String, V> {
    fn read<'de, A: MapAccess<'de>>(&mut self, key: String, map: &mut A) -> Result<(), A::Error> {
        if self.contains_key(&key) {
            return Err(twice(&key));
        }
        let value = map.next_value()?;
        self.insert(key, value);
        Ok(())
    }

    fn remember_null(&mut self, _key: &str) {}

    fn write<M: SerializeMap>(&self, map: &mut M, known: &[(&str, bool)]) -> Result<(), M::Error> {
        for (key, value) in self {
            if may_write(key, false, known) {
                map.serialize_entry(key, value)?;
            }
        }
        Ok(())
    }
}

/// One known property while an object is read: its value, and whether its key was seen.
pub struct Slot<T> {
    value: Option<T>,
    seen: bool,
}

impl<T> Default for Slot<T> {
    fn default() -> Self {
        Slot {
            value: None,
            seen: false,
        }
    }
}

impl<T> Slot<T> {
    #[inline]
    pub fn new() -> Self {
        Self::default()
    }

    #[inline]
    fn first<E: de::Error>(&mut self, wire: &'static str) -> Result<(), E> {
        if std::mem::replace(&mut self.seen, true) {
            return Err(E::duplicate_field(wire));
        }
        Ok(())
    }

    /// Reads the property's value.
    #[inline]
    pub fn read<'de, A: MapAccess<'de>>(
        &mut self,
        wire: &'static str,
        map: &mut A,
    ) -> Result<(), A::Error>
    where
        T: Deserialize<'de>,
    {
        self.first(wire)?;
        self.value = Some(map.next_value()?);
        Ok(())
    }

    /// Reads the value of an optional property that is not nullable; a `null` is remembered
    /// in `extra` and the property stays absent.
    #[inline]
    pub fn read_or_null<'de, A: MapAccess<'de>, X: UnknownProperties>(
        &mut self,
        wire: &'static str,
        map: &mut A,
        extra: &mut X,
    ) -> Result<(), A::Error>
    where
        T: Deserialize<'de>,
    {
        self.first(wire)?;
        match map.next_value::<Option<T>>()? {
            Some(value) => self.value = Some(value),
            None => extra.remember_null(wire),
        }
        Ok(())
    }

    /// The value of a required property.
    #[inline]
    pub fn required<E: de::Error>(self, wire: &'static str) -> Result<T, E> {
        self.value.ok_or_else(|| E::missing_field(wire))
    }

    /// The value of an optional property, `None` when absent.
    #[inline]
    pub fn optional(self) -> Option<T> {
        self.value
    }

    /// The value, or the type's default when absent (`Patch::Absent`).
    #[inline]
    pub fn or_default(self) -> T
    where
        T: Default,
    {
        self.value.unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use crate::Extra;

    #[derive(Debug)]
    struct Thing {
        name: Option<String>,
        extra: Extra,
    }
    crate::wire_object!(Thing { name: "name" optional } extra: Extra);

    #[test]
    fn unknown_properties_are_kept_in_order_byte_for_byte() {
        let json = r#"{"b":[1,{"x":"\u00e9","y":[]}],"name":"n","a":null,"c":1e400,"d":{}}"#;
        let thing: Thing = serde_json::from_str(json).unwrap();
        assert_eq!(thing.name.as_deref(), Some("n"));
        let kept: Vec<(&str, &str)> = thing
            .extra
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_text()))
            .collect();
        let expected = [
            ("b", r#"[1,{"x":"\u00e9","y":[]}]"#),
            ("a", "null"),
            ("c", "1e400"),
            ("d", "{}"),
        ];
        assert_eq!(kept, expected);
        // Written back after the known ones, each value byte for byte.
        let written = r#"{"name":"n","b":[1,{"x":"\u00e9","y":[]}],"a":null,"c":1e400,"d":{}}"#;
        assert_eq!(serde_json::to_string(&thing).unwrap(), written);
    }

    #[test]
    fn an_unknown_property_given_twice_is_refused() {
        for json in [r#"{"a":1,"a":2}"#, r#"{"a":1,"name":"n","a":{"x":1}}"#] {
            let error = serde_json::from_str::<Thing>(json).unwrap_err();
            assert!(
                error.to_string().contains("property `a` appears twice"),
                "{error}"
            );
        }
    }
}
