//! Growth pass: every struct of a spec object and every enum of a string enum or a union is
//! `#[non_exhaustive]`, so that a new optional property, enum value or union variant is a
//! minor release for Rust callers (they build values with builders and match with a `_` arm).
//!
//! typify writes the attribute itself (a per-type patch in the settings, `sdk.rs`); the enum
//! and union passes keep it on the enums they write in place of typify's. This pass changes
//! nothing: it counts the attribute against the spec and refuses, naming the schema, a type
//! that lacks it or a type the spec does not ask it of.

use serde_json::Value;
use syn::{Attribute, Fields, Item};

use crate::generate::tree;
use crate::spec::Spec;
use crate::spec::unions;

/// What a schema becomes in `types`, when it is a type that grows with the spec.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Growing {
    /// An object with `properties`: a struct with named fields (`wire/decode.rs` reads the
    /// same schemas). A property-less object is a newtype over a map and stays as it is.
    Object,
    /// An enum of strings: an open enum (`wire/enums.rs`).
    Enum,
    /// A `oneOf`/`anyOf`: an enum of its variants (`wire/unions.rs`).
    Union,
}

impl Growing {
    fn describe(self) -> &'static str {
        match self {
            Growing::Object => "object",
            Growing::Enum => "string enum",
            Growing::Union => "union",
        }
    }
}

/// How the normalized spec's schema grows, if it does.
pub fn growing(schema: &serde_json::Map<String, Value>) -> Option<Growing> {
    let json = Value::Object(schema.clone());
    if unions::keyword(&json).is_some() {
        return Some(Growing::Union);
    }
    match schema.get("enum") {
        Some(Value::Array(values)) if values.iter().all(Value::is_string) => Some(Growing::Enum),
        Some(_) => None,
        None => schema.contains_key("properties").then_some(Growing::Object),
    }
}

/// Every component schema that grows, by name, with the Rust type typify gives it: the types
/// the settings patch with the attribute, and the ones this pass then expects to carry it.
pub fn schemas(spec: &Spec) -> Vec<(&str, String, Growing)> {
    spec.schemas()
        .filter_map(|(name, schema)| Some((name, tree::rust_name(name), growing(schema)?)))
        .collect()
}

/// The attribute, as typify's patch takes it.
pub const ATTRIBUTE: &str = "#[non_exhaustive]";

/// Whether `attr` is `#[non_exhaustive]` (its path, not its printed text).
pub fn is_attribute(attr: &Attribute) -> bool {
    attr.path().is_ident("non_exhaustive") && matches!(attr.meta, syn::Meta::Path(_))
}

/// Checks that exactly the spec's growing schemas produced `#[non_exhaustive]` items.
pub fn apply(spec: &Spec, types: &[Item]) -> Result<(), String> {
    let expected = schemas(spec);
    let mut found = 0;
    for item in types {
        let (ident, attrs, named_struct) = match item {
            Item::Struct(s) => (&s.ident, &s.attrs, matches!(s.fields, Fields::Named(_))),
            Item::Enum(e) => (&e.ident, &e.attrs, false),
            _ => continue,
        };
        let marks = attrs.iter().filter(|a| is_attribute(a)).count();
        let wanted = expected.iter().find(|(_, rust, _)| ident == rust);
        match (wanted, marks) {
            (None, 0) => {}
            (None, _) => {
                return Err(format!(
                    "type `{ident}` is `#[non_exhaustive]` but no object, string enum or union \
                     schema of the spec produces it"
                ));
            }
            (Some((name, _, growing)), 1) => {
                let shape_ok = match growing {
                    Growing::Object => named_struct,
                    Growing::Enum | Growing::Union => matches!(item, Item::Enum(_)),
                };
                if !shape_ok {
                    return Err(format!(
                        "{} schema `{name}`: its type `{ident}` is not the {} the growth policy \
                         expects",
                        growing.describe(),
                        match growing {
                            Growing::Object => "struct with named fields",
                            _ => "enum",
                        }
                    ));
                }
                found += 1;
            }
            (Some((name, _, growing)), marks) => {
                return Err(format!(
                    "{} schema `{name}`: its type `{ident}` carries `#[non_exhaustive]` {marks} \
                     times, not once (typify's patch in sdk.rs, kept by the enum and union \
                     passes)",
                    growing.describe()
                ));
            }
        }
    }
    if found != expected.len() {
        let missing: Vec<String> = expected
            .iter()
            .filter(|(_, rust, _)| {
                !types.iter().any(|item| match item {
                    Item::Struct(s) => s.ident == rust && s.attrs.iter().any(is_attribute),
                    Item::Enum(e) => e.ident == rust && e.attrs.iter().any(is_attribute),
                    _ => false,
                })
            })
            .map(|(name, rust, growing)| {
                format!("{} schema `{name}` (type `{rust}`)", growing.describe())
            })
            .collect();
        return Err(format!(
            "{} schemas must give `#[non_exhaustive]` types but {found} do; missing: {}",
            expected.len(),
            missing.join(", ")
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(code: &str) -> Vec<Item> {
        syn::parse_file(code).expect("items parse").items
    }

    fn spec(yaml: &str) -> Spec {
        crate::spec::parse(std::path::Path::new("test.yaml"), yaml).expect("spec parses")
    }

    const SPEC: &str = r##"
openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /a:
    get:
      operationId: getA
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Thing"}
components:
  schemas:
    Thing:
      type: object
      properties:
        mode: {$ref: "#/components/schemas/Mode"}
    Mode:
      type: string
      enum: [a, b]
    Free:
      type: object
      additionalProperties: true
"##;

    #[test]
    fn objects_and_string_enums_grow_but_property_less_objects_do_not() {
        let spec = spec(SPEC);
        let names: Vec<_> = schemas(&spec)
            .into_iter()
            .map(|(name, _, growing)| (name, growing))
            .collect();
        assert!(names.contains(&("Thing", Growing::Object)));
        assert!(names.contains(&("Mode", Growing::Enum)));
        assert!(!names.iter().any(|(name, _)| *name == "Free"));
    }

    #[test]
    fn accepts_exactly_the_growing_types_marked() {
        let spec = spec(SPEC);
        let types = items(
            "#[non_exhaustive] pub struct Thing { pub mode: Option<Mode> }
             #[non_exhaustive] pub enum Mode { A, B, Unknown(String) }
             pub struct Free(pub Map);",
        );
        apply(&spec, &types).unwrap();
    }

    #[test]
    fn refuses_a_missing_attribute_naming_the_schema() {
        let spec = spec(SPEC);
        let types = items(
            "#[non_exhaustive] pub struct Thing { pub mode: Option<Mode> }
             pub enum Mode { A, B, Unknown(String) }",
        );
        let error = apply(&spec, &types).unwrap_err();
        assert!(error.contains("string enum schema `Mode`"), "{error}");
    }

    #[test]
    fn refuses_the_attribute_on_a_type_no_growing_schema_produces() {
        let spec = spec(SPEC);
        let types = items(
            "#[non_exhaustive] pub struct Thing { pub mode: Option<Mode> }
             #[non_exhaustive] pub enum Mode { A, B, Unknown(String) }
             #[non_exhaustive] pub struct Free(pub Map);",
        );
        let error = apply(&spec, &types).unwrap_err();
        assert!(error.contains("`Free`"), "{error}");
    }
}
