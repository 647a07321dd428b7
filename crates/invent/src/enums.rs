//! How every generated open enum is read and written: one `open_enum!` invocation per string
//! enum gives it its wire text, conversions from any string, serde and a JSON Schema.

/// The impls of the open enum `$name` (declared beside the invocation): each documented
/// variant with its wire value, then the variant that keeps any other value, then the
/// schema's description, if it has one.
///
/// `xtask/src/generate/wire/enums.rs` holds this expansion's mirror for the API listing: the two must
/// change together.
#[doc(hidden)]
#[macro_export]
macro_rules! open_enum {
    (@metadata) => { None };
    (@metadata $description:literal) => {
        Some(::std::boxed::Box::new(schemars::schema::Metadata {
            description: Some($description.to_string()),
            ..Default::default()
        }))
    };
    ($name:ident { $($variant:ident = $value:literal),* $(,)? } $unknown:ident $(, $description:literal)?) => {
        impl $name {
            /// Every value the spec documents.
            pub const KNOWN: &'static [$name] = &[$($name::$variant),*];

            /// The value as it is sent on the wire.
            #[inline]
            pub fn as_str(&self) -> &str {
                match self {
                    $(Self::$variant => $value,)*
                    Self::$unknown(value) => value.as_str(),
                }
            }

            /// `true` for a value the spec does not document.
            #[inline]
            pub fn is_unknown(&self) -> bool {
                matches!(self, Self::$unknown(_))
            }

            #[inline]
            fn known(value: &str) -> ::std::option::Option<Self> {
                match value {
                    $($value => Some(Self::$variant),)*
                    _ => None,
                }
            }
        }

        impl ::std::convert::From<&str> for $name {
            #[inline]
            fn from(value: &str) -> Self {
                Self::known(value).unwrap_or_else(|| Self::$unknown(value.to_owned()))
            }
        }

        impl ::std::convert::From<::std::string::String> for $name {
            #[inline]
            fn from(value: ::std::string::String) -> Self {
                Self::known(&value).unwrap_or(Self::$unknown(value))
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = ::std::convert::Infallible;
            #[inline]
            fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
                Ok(Self::from(value))
            }
        }

        impl ::std::fmt::Display for $name {
            #[inline]
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                $crate::support::deserialize_open_enum(deserializer)
            }
        }

        #[cfg(feature = "schemars")]
        impl schemars::JsonSchema for $name {
            fn schema_name() -> ::std::string::String {
                stringify!($name).to_string()
            }

            fn json_schema(_: &mut schemars::r#gen::SchemaGenerator) -> schemars::schema::Schema {
                schemars::schema::Schema::Object(schemars::schema::SchemaObject {
                    metadata: $crate::open_enum!(@metadata $($description)?),
                    instance_type: Some(schemars::schema::InstanceType::String.into()),
                    enum_values: Some(vec![$($value.into()),*]),
                    ..Default::default()
                })
            }
        }
    };
}

#[cfg(test)]
mod tests {
    #[derive(Clone, Debug, PartialEq)]
    enum Mode {
        Fast,
        Careful,
        Unknown(String),
    }
    crate::open_enum!(Mode { Fast = "fast", Careful = "careful" } Unknown, "How to run.");

    #[derive(Clone, Debug, PartialEq)]
    enum Bare {
        One,
        Other(String),
    }
    crate::open_enum!(Bare { One = "one" } Other);

    #[test]
    fn documented_values_read_and_write_as_their_wire_text() {
        assert_eq!(Mode::from("careful"), Mode::Careful);
        assert_eq!(Mode::Fast.as_str(), "fast");
        assert_eq!(Mode::KNOWN, &[Mode::Fast, Mode::Careful]);
        assert_eq!(
            serde_json::to_string(&Mode::Careful).unwrap(),
            r#""careful""#
        );
        assert_eq!(
            serde_json::from_str::<Mode>(r#""fast""#).unwrap(),
            Mode::Fast
        );
        assert!(!Mode::Fast.is_unknown());
    }

    #[test]
    fn any_other_value_is_kept_and_written_back_as_it_came() {
        let value: Mode = serde_json::from_str(r#""turbo""#).unwrap();
        assert_eq!(value, Mode::Unknown("turbo".into()));
        assert!(value.is_unknown());
        assert_eq!(value.to_string(), "turbo");
        assert_eq!(serde_json::to_string(&value).unwrap(), r#""turbo""#);
        assert_eq!("two".parse::<Bare>(), Ok(Bare::Other("two".into())));
        assert_eq!(Bare::from(String::from("two")), Bare::Other("two".into()));
        assert!(Bare::from("two").is_unknown() && Bare::KNOWN == [Bare::One]);
    }

    #[test]
    fn a_value_that_is_not_a_string_is_refused() {
        assert!(serde_json::from_str::<Mode>("3").is_err());
    }

    #[cfg(feature = "schemars")]
    #[test]
    fn the_schema_lists_the_documented_values_and_the_description() {
        let schema = serde_json::to_value(schemars::schema_for!(Mode)).unwrap();
        assert_eq!(schema["enum"], serde_json::json!(["fast", "careful"]));
        assert_eq!(schema["description"], "How to run.");
        let bare = serde_json::to_value(schemars::schema_for!(Bare)).unwrap();
        assert_eq!(bare.get("description"), None);
    }
}
