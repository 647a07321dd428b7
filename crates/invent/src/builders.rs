//! How every generated object's builder is written: one `object_builder!` invocation per
//! object expands to the struct, `Default`, a setter per property, `TryFrom` and `From`.

/// The builder of the object `$name` (in the generated `types::builder` module): each field
/// `required` (unset until its setter is called), `optional` (`None` until set; the setter
/// wraps the value in `Some`) or `default` (its type's default until set), with the type its
/// setter converts into.
///
/// The generator checks, for every object, that this expansion is exactly the builder typify
/// wrote (`xtask/src/generate/wire/builders.rs` holds its mirror): the two must change together.
#[doc(hidden)]
#[macro_export]
macro_rules! object_builder {
    ($name:ident { $($kind:ident $field:ident : $target:ty),* $(,)? }) => {
        #[derive(Clone, Debug)]
        pub struct $name {
            $($field: ::std::result::Result<$crate::object_builder!(@stored $kind $target), ::std::string::String>,)*
        }

        impl ::std::default::Default for $name {
            #[inline]
            fn default() -> Self {
                Self {
                    $($field: $crate::object_builder!(@init $kind $field),)*
                }
            }
        }

        impl $name {
            $(
                pub fn $field<T>(mut self, value: T) -> Self
                where
                    T: ::std::convert::TryInto<$target>,
                    T::Error: ::std::fmt::Display,
                {
                    self.$field = $crate::object_builder!(@wrap $kind value.try_into()).map_err(|e| {
                        format!(
                            concat!("error converting supplied value for ", stringify!($field), ": {}"),
                            e
                        )
                    });
                    self
                }
            )*
        }

        impl ::std::convert::TryFrom<$name> for super::$name {
            type Error = super::error::ConversionError;
            #[inline]
            fn try_from(value: $name) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    $($field: value.$field?,)*
                })
            }
        }

        impl ::std::convert::From<super::$name> for $name {
            #[inline]
            fn from(value: super::$name) -> Self {
                Self {
                    $($field: Ok(value.$field),)*
                }
            }
        }
    };
    (@stored optional $target:ty) => { ::std::option::Option<$target> };
    (@stored $kind:ident $target:ty) => { $target };
    (@init required $field:ident) => {
        Err(concat!("no value supplied for ", stringify!($field)).to_string())
    };
    (@init $kind:ident $field:ident) => {
        Ok(Default::default())
    };
    (@wrap optional $value:expr) => { $value.map(::std::option::Option::Some) };
    (@wrap $kind:ident $value:expr) => { $value };
}

#[cfg(test)]
mod tests {
    mod error {
        #[derive(Debug)]
        pub struct ConversionError(pub String);
        impl From<String> for ConversionError {
            fn from(value: String) -> Self {
                Self(value)
            }
        }
    }

    #[derive(Clone, Debug, PartialEq)]
    pub struct Thing {
        name: String,
        note: Option<String>,
        tags: Vec<String>,
    }

    mod builder {
        crate::object_builder!(Thing { required name: String, optional note: String, default tags: Vec<String> });
    }

    fn build(builder: builder::Thing) -> Result<Thing, error::ConversionError> {
        builder.try_into()
    }

    #[test]
    fn a_required_field_left_unset_is_named_in_the_error() {
        let error = build(builder::Thing::default().note("n")).unwrap_err();
        assert_eq!(error.0, "no value supplied for name");
    }

    #[test]
    fn optional_and_default_fields_start_empty_and_setters_fill_them() {
        let empty = build(builder::Thing::default().name("a")).unwrap();
        assert_eq!(
            empty,
            Thing {
                name: "a".into(),
                note: None,
                tags: vec![]
            }
        );
        let full = build(
            builder::Thing::default()
                .name("a")
                .note("n")
                .tags(vec!["t".to_string()]),
        )
        .unwrap();
        assert_eq!(
            full,
            Thing {
                name: "a".into(),
                note: Some("n".into()),
                tags: vec!["t".into()]
            }
        );
    }

    #[test]
    fn a_failed_conversion_is_kept_until_build_and_names_the_field() {
        let error = build(builder::Thing::default().name("a").tags(NotTags)).unwrap_err();
        assert_eq!(
            error.0,
            "error converting supplied value for tags: never tags"
        );
    }

    #[test]
    fn a_value_converts_back_into_its_builder() {
        let value = Thing {
            name: "a".into(),
            note: Some("n".into()),
            tags: vec!["t".into()],
        };
        assert_eq!(
            build(builder::Thing::from(value.clone()).note("m"))
                .unwrap()
                .note
                .as_deref(),
            Some("m")
        );
        assert_eq!(build(value.clone().into()).unwrap(), value);
    }

    struct NotTags;
    impl TryFrom<NotTags> for Vec<String> {
        type Error = &'static str;
        fn try_from(_: NotTags) -> Result<Self, Self::Error> {
            Err("never tags")
        }
    }
}
