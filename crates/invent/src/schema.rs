//! The JSON Schemas of the runtime's types (`Patch`, `Secret`, `Timestamp`, unions), for the
//! `schemars` feature: compiled only when a caller wants schemas of the generated types.

use std::marker::PhantomData;

use schemars::JsonSchema;
use schemars::r#gen::SchemaGenerator;
use schemars::schema::{InstanceType, Schema, SchemaObject};
use serde_json::Map;

use crate::{Patch, Secret, Timestamp};

/// The schema of a nullable `T`; not required, through `#[serde(default)]` on the field.
impl<T: JsonSchema> JsonSchema for Patch<T> {
    fn is_referenceable() -> bool {
        false
    }

    fn schema_name() -> String {
        Nullable::<T>::schema_name()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        Nullable::<T>::json_schema(generator)
    }
}

impl<T: JsonSchema> JsonSchema for Secret<T> {
    fn is_referenceable() -> bool {
        false
    }

    fn schema_name() -> String {
        T::schema_name()
    }

    /// The schema of `T`, marked `format: password` as in the spec.
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        match generator.subschema_for::<T>() {
            Schema::Object(mut object) => {
                object.format = Some("password".into());
                Schema::Object(object)
            }
            other => other,
        }
    }
}

impl JsonSchema for Timestamp {
    fn is_referenceable() -> bool {
        false
    }

    fn schema_name() -> String {
        "DateTime".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        Schema::Object(SchemaObject {
            instance_type: Some(InstanceType::String.into()),
            format: Some("date-time".into()),
            ..Default::default()
        })
    }
}

/// The JSON Schema of a nullable `T` (what `Option<T>` gives), from a type schemars does not
/// take for optional: a required nullable property's schema stays required.
pub struct Nullable<T>(PhantomData<T>);

impl<T: JsonSchema> JsonSchema for Nullable<T> {
    fn is_referenceable() -> bool {
        false
    }

    fn schema_name() -> String {
        <Option<T>>::schema_name()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        <Option<T>>::json_schema(generator)
    }
}

/// The JSON Schema of a union: `oneOf` its variants, with the `discriminator` of a tagged one.
pub fn union_schema(
    variants: Vec<schemars::schema::Schema>,
    tag: Option<&str>,
) -> schemars::schema::Schema {
    let mut extensions = Map::new();
    if let Some(tag) = tag {
        extensions.insert(
            "discriminator".into(),
            serde_json::json!({ "propertyName": tag }),
        );
    }
    schemars::schema::Schema::Object(schemars::schema::SchemaObject {
        subschemas: Some(Box::new(schemars::schema::SubschemaValidation {
            one_of: Some(variants),
            ..Default::default()
        })),
        extensions: extensions.into_iter().collect(),
        ..Default::default()
    })
}
