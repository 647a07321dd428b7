//! Proptest strategies that generate JSON documents from the component schemas of openapi.yaml.
//! The laws in `tests/tests/laws.rs` run the generated wire types against them.

use std::sync::Arc;

use proptest::prelude::*;
use proptest::sample::select;
use serde_json::{Map, Number, Value};

/// Beyond this depth, optional properties, array items and unknown properties are left out,
/// so documents stay small; required properties are still generated.
const SOFT_DEPTH: usize = 12;

/// A schema that needs more depth than this only through required properties cannot be
/// generated finitely.
const HARD_DEPTH: usize = 64;

/// The schema keywords the generator understands; any other fails loudly, so a spec that
/// starts using one has to teach the generator first.
const KNOWN_KEYWORDS: &[&str] = &[
    "$ref",
    "allOf",
    "nullable",
    "type",
    "properties",
    "required",
    "additionalProperties",
    "items",
    "minItems",
    "maxItems",
    "enum",
    "format",
    "minLength",
    "maxLength",
    "description",
    "title",
    "example",
    "default",
    "deprecated",
    "readOnly",
    "writeOnly",
    "oneOf",
    "anyOf",
    "discriminator",
    "pattern",
];

/// A document valid against the component schema `schema_name`, as a newer server might send
/// it: with unknown properties in every object (numbers of any size among their values),
/// unknown strings in `enum` positions and `null` on optional properties.
pub fn document(schema_name: &str) -> impl Strategy<Value = Value> + use<> {
    generate(&crate::spec().json, schema_name, true)
}

/// [`document`] (with `newer`) or [`valid_document`] of the component schema `schema_name` of
/// another normalized spec (`xtask::spec::Spec::json`), such as a fixture of the corpus.
pub fn document_in(spec: &Value, schema_name: &str, newer: bool) -> BoxedStrategy<Value> {
    generate(spec, schema_name, newer)
}

/// A document valid against the component schema `schema_name` as JSON Schema: unknown
/// properties only where `additionalProperties` allows them, and only documented enum values.
pub fn valid_document(schema_name: &str) -> impl Strategy<Value = Value> + use<> {
    generate(&crate::spec().json, schema_name, false)
}

/// A document that breaks the object schema `schema_name` in exactly one of its properties
/// (a value of a wrong type, a string of a forbidden length, a value outside an `enum`),
/// with a description of the break. Everything else about it is valid.
pub fn invalid_document(schema_name: &str) -> impl Strategy<Value = (Value, String)> + use<> {
    let spec = crate::spec().json;
    let schemas = component_schemas(&spec);
    let schema = &schemas[schema_name];
    let properties = schema
        .get("properties")
        .and_then(Value::as_object)
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| panic!("`{schema_name}` has no properties to break"));
    let mut breaks: Vec<BoxedStrategy<(String, Value, String)>> = Vec::new();
    for (name, child) in properties {
        for (value, what) in breaking_values(child, &schemas) {
            let name = name.clone();
            breaks.push(Just((name, value, what)).boxed());
        }
        if let Some(lengths) = forbidden_lengths(child, &schemas) {
            let name = name.clone();
            breaks.push(
                select(lengths)
                    .prop_flat_map(|length| string_of_length(length).prop_map(move |s| (length, s)))
                    .prop_map(move |(length, s)| {
                        (
                            name.clone(),
                            Value::String(s),
                            format!("a string of {length} characters"),
                        )
                    })
                    .boxed(),
            );
        }
    }
    assert!(!breaks.is_empty(), "`{schema_name}`: nothing to break");
    (
        valid_document(schema_name),
        proptest::strategy::Union::new(breaks),
    )
        .prop_map(|(doc, (name, value, what))| {
            let Value::Object(mut object) = doc else {
                unreachable!("an object schema generates objects")
            };
            object.insert(name.clone(), value);
            (Value::Object(object), format!("`{name}` is {what}"))
        })
}

/// Any small JSON value whose numbers survive a trip through JSON text unchanged.
pub fn any_json() -> BoxedStrategy<Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        exact_float().prop_map(Value::from),
        odd_number(),
        plain_string().prop_map(Value::String),
    ];
    leaf.prop_recursive(2, 12, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..=3).prop_map(Value::Array),
            prop::collection::vec((plain_string(), inner), 0..=3)
                .prop_map(|entries| Value::Object(entries.into_iter().collect())),
        ]
    })
    .boxed()
}

/// A number no 64-bit type holds as written: beyond `u64`, beyond `f64`, `-0`, trailing
/// zeros, exponents in either case; a server may send any of them in a property this SDK does
/// not know. A `serde_json::Value` cannot hold them as written, so the document holds a
/// placeholder string that [`text`] writes as the number.
pub fn odd_number() -> BoxedStrategy<Value> {
    let text = prop_oneof![
        (1u32..=9, prop::collection::vec(0u32..=9, 20..=40)).prop_map(|(first, rest)| {
            format!(
                "{first}{}",
                rest.iter().map(u32::to_string).collect::<String>()
            )
        }),
        Just("-0".to_string()),
        Just("-0.0".to_string()),
        Just("1.50".to_string()),
        Just("1e400".to_string()),
        Just("1E400".to_string()),
        Just("1e+400".to_string()),
        Just("-1e-400".to_string()),
        Just("0.1000000000000000055511151231257827".to_string()),
        (any::<i64>(), 0u32..=3)
            .prop_map(|(n, zeros)| format!("{n}.{}", "0".repeat(zeros as usize + 1))),
    ];
    text.prop_map(|t| {
        assert!(
            serde_json::from_str::<&serde_json::value::RawValue>(&t).is_ok(),
            "{t} is a JSON number"
        );
        Value::String(format!("{ODD_NUMBER}{t}"))
    })
    .boxed()
}

/// What a placeholder of [`odd_number`] starts with.
const ODD_NUMBER: &str = "\u{1}odd-number:";

/// The JSON text of a generated document, each odd number written as it was made.
pub fn text(doc: &Value) -> String {
    let written = serde_json::to_string(doc).expect("a Value writes as JSON");
    let marker = "\"\\u0001odd-number:";
    let mut out = String::with_capacity(written.len());
    let mut rest = written.as_str();
    while let Some(at) = rest.find(marker) {
        out.push_str(&rest[..at]);
        let number = &rest[at + marker.len()..];
        let end = number.find('"').expect("a placeholder ends with its quote");
        out.push_str(&number[..end]);
        rest = &number[end + 1..];
    }
    out.push_str(rest);
    out
}

/// Whether two JSON texts hold the same value, numbers compared by their exact text (`1.50`
/// is not `1.5`), strings by what they say, objects whatever their key order.
pub fn same_json(a: &str, b: &str) -> bool {
    #[derive(PartialEq)]
    enum Exact {
        Object(std::collections::BTreeMap<String, Exact>),
        Array(Vec<Exact>),
        String(String),
        Other(String),
    }
    fn exact(raw: &serde_json::value::RawValue) -> Option<Exact> {
        let text = raw.get();
        Some(match text.as_bytes().first()? {
            b'{' => Exact::Object(
                serde_json::from_str::<
                    std::collections::BTreeMap<String, &serde_json::value::RawValue>,
                >(text)
                .ok()?
                .into_iter()
                .map(|(k, v)| Some((k, exact(v)?)))
                .collect::<Option<_>>()?,
            ),
            b'[' => Exact::Array(
                serde_json::from_str::<Vec<&serde_json::value::RawValue>>(text)
                    .ok()?
                    .into_iter()
                    .map(exact)
                    .collect::<Option<_>>()?,
            ),
            b'"' => Exact::String(serde_json::from_str(text).ok()?),
            _ => Exact::Other(text.to_string()),
        })
    }
    let read = |text: &str| {
        serde_json::from_str::<&serde_json::value::RawValue>(text)
            .ok()
            .and_then(exact)
    };
    match (read(a), read(b)) {
        (Some(a), Some(b)) => a == b,
        _ => false,
    }
}

/// An RFC 3339 date-time, in the many spellings of one instant the format allows: `Z`, `z`,
/// `+00:00`, `-00:00` and other offsets, `T` or `t`, no fraction, `.000`, `.123456`, other
/// fractions of 1 to 12 digits, and leap seconds (23:59:60 UTC).
pub fn date_time() -> BoxedStrategy<String> {
    let date = (
        prop_oneof![4 => 1970u32..=2100, 1 => 0u32..=9999],
        1u32..=12,
        1u32..=31,
    )
        .prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}", d = d.min(days_in_month(y, m))));
    let separator = prop_oneof![4 => Just("T"), 1 => Just("t")];
    let fraction = prop_oneof![
        2 => Just(String::new()),
        1 => Just(".000".to_string()),
        1 => Just(".123456".to_string()),
        1 => regex("[0-9]{1,12}").prop_map(|digits| format!(".{digits}")),
    ];
    let offset = prop_oneof![
        Just("Z".to_string()),
        Just("z".to_string()),
        Just("+00:00".to_string()),
        Just("-00:00".to_string()),
        Just("+02:00".to_string()),
        (prop_oneof![Just('+'), Just('-')], 0u32..=23, 0u32..=59)
            .prop_map(|(sign, h, m)| format!("{sign}{h:02}:{m:02}")),
    ];
    let time = (0u32..=23, 0u32..=59, 0u32..=59, offset)
        .prop_map(|(h, m, s, offset)| (format!("{h:02}:{m:02}:{s:02}"), offset));
    // A leap second is 23:59:60 in UTC; these are that minute, seen from several offsets.
    let leap_second = select(vec![
        ("23:59:60", "Z"),
        ("23:59:60", "+00:00"),
        ("01:59:60", "+02:00"),
        ("18:29:60", "-05:30"),
    ])
    .prop_map(|(time, offset)| (time.to_string(), offset.to_string()));
    (
        date,
        separator,
        prop_oneof![9 => time, 1 => leap_second],
        fraction,
    )
        .prop_map(|(date, separator, (time, offset), fraction)| {
            format!("{date}{separator}{time}{fraction}{offset}")
        })
        .boxed()
}

fn generate(spec: &Value, schema_name: &str, unknown_enum_values: bool) -> BoxedStrategy<Value> {
    let schemas = component_schemas(spec);
    let root = schemas
        .get(schema_name)
        .unwrap_or_else(|| panic!("the spec has no component schema `{schema_name}`"));
    Generator {
        spec,
        schemas: &schemas,
        unknown_enum_values,
    }
    .schema(root, schema_name, 0)
}

fn component_schemas(spec: &Value) -> Map<String, Value> {
    spec["components"]["schemas"]
        .as_object()
        .expect("openapi.yaml has component schemas")
        .clone()
}

struct Generator<'a> {
    spec: &'a Value,
    schemas: &'a Map<String, Value>,
    unknown_enum_values: bool,
}

impl Generator<'_> {
    /// Any value of `schema`, including `null` when it is nullable.
    fn schema(&self, schema: &Value, at: &str, depth: usize) -> BoxedStrategy<Value> {
        assert!(
            depth < HARD_DEPTH,
            "`{at}`: the schema recurses through required properties"
        );
        let object = match schema {
            Value::Bool(true) => return any_json(),
            Value::Object(object) => object,
            _ => panic!("`{at}` is not a schema the generator knows: {schema}"),
        };
        for keyword in object.keys() {
            assert!(
                KNOWN_KEYWORDS.contains(&keyword.as_str()),
                "`{at}` uses `{keyword}`, which tests/src/arbitrary.rs does not generate yet"
            );
        }
        let value = self.non_null(object, at, depth);
        if object.get("nullable") == Some(&Value::Bool(true)) {
            prop_oneof![1 => Just(Value::Null), 3 => value].boxed()
        } else {
            value
        }
    }

    /// Any value of `schema` other than the `null` that `nullable` adds.
    fn non_null(
        &self,
        object: &Map<String, Value>,
        at: &str,
        depth: usize,
    ) -> BoxedStrategy<Value> {
        if let Some(reference) = object.get("$ref") {
            let name = reference
                .as_str()
                .and_then(|r| r.strip_prefix("#/components/schemas/"))
                .unwrap_or_else(|| panic!("`{at}`: `$ref` {reference} is not a component schema"));
            let target = self
                .schemas
                .get(name)
                .unwrap_or_else(|| panic!("`{at}`: `$ref` to a missing schema `{name}`"));
            return self.schema(target, name, depth + 1);
        }
        if let Some(all_of) = object.get("allOf") {
            // The normalized spec's wrapper for a nullable `$ref`: `allOf: [$ref], nullable`.
            let [only] = all_of.as_array().map(Vec::as_slice).unwrap_or_default() else {
                panic!("`{at}`: `allOf` with other than one schema is not generated yet");
            };
            return self.schema(only, &format!("{at}.allOf[0]"), depth);
        }
        if let Some(values) = object.get("enum") {
            return self.enumeration(values, at);
        }
        if xtask::spec::unions::keyword(&Value::Object(object.clone())).is_some() {
            return self.union(at, depth);
        }
        let is_object = object.contains_key("properties")
            || object.get("type").and_then(Value::as_str) == Some("object");
        if is_object {
            return self.object(object, at, depth);
        }
        match object.get("type").and_then(Value::as_str) {
            Some("array") => self.array(object, at, depth),
            Some("string") => string(object, at),
            Some("boolean") => any::<bool>().prop_map(Value::Bool).boxed(),
            Some("integer") => {
                no_bounds(object, at);
                prop_oneof![
                    any::<i64>().prop_map(Value::from),
                    any::<u64>().prop_map(Value::from),
                    (-100i64..=100).prop_map(Value::from),
                ]
                .boxed()
            }
            Some("number") => {
                no_bounds(object, at);
                prop_oneof![
                    exact_float().prop_map(Value::from),
                    any::<i64>().prop_map(Value::from),
                ]
                .boxed()
            }
            None => any_json(),
            Some(other) => panic!("`{at}`: `type: {other}` is not generated yet"),
        }
    }

    /// A value of one of the union `name`'s variants, with the tag that selects it; for a newer
    /// server, also an object whose tag this SDK has never heard of.
    fn union(&self, name: &str, depth: usize) -> BoxedStrategy<Value> {
        let union = xtask::spec::unions::classify(
            self.spec,
            name,
            name,
            &mut xtask::spec::Diagnostics::default(),
        );
        let schema = &self.schemas[name];
        let parts = xtask::spec::unions::keyword(schema)
            .and_then(|k| schema[k].as_array())
            .cloned()
            .unwrap_or_default();
        let mut choices: Vec<BoxedStrategy<Value>> = Vec::new();
        match &union.tag {
            // Variants are listed as written when read by tag.
            Some(tag) => {
                let mut known = Vec::new();
                for (i, (part, variant)) in parts.iter().zip(&union.variants).enumerate() {
                    let tag = tag.clone();
                    known.extend(variant.tags.iter().cloned());
                    let value = self.schema(part, &format!("{name}.oneOf[{i}]"), depth + 1);
                    choices.push(
                        (value, select(variant.tags.clone()))
                            .prop_map(move |(mut value, tag_value)| {
                                value[&tag] = Value::String(tag_value);
                                value
                            })
                            .boxed(),
                    );
                }
                if self.unknown_enum_values {
                    let tag = tag.clone();
                    let fields = prop::collection::vec((plain_string(), any_json()), 0..=3);
                    let taken = known.clone();
                    choices.push(
                        (unknown_name(known), fields)
                            .prop_filter("an unknown tag", move |(t, _)| !taken.contains(t))
                            .prop_map(move |(tag_value, fields)| {
                                let mut object: Map<String, Value> = fields.into_iter().collect();
                                object.insert(tag.clone(), Value::String(tag_value));
                                Value::Object(object)
                            })
                            .boxed(),
                    );
                }
            }
            None => {
                for (i, part) in parts.iter().enumerate() {
                    choices.push(self.schema(part, &format!("{name}.oneOf[{i}]"), depth + 1));
                }
            }
        }
        proptest::strategy::Union::new(choices).boxed()
    }

    fn enumeration(&self, values: &Value, at: &str) -> BoxedStrategy<Value> {
        let known = values
            .as_array()
            .filter(|v| !v.is_empty())
            .unwrap_or_else(|| panic!("`{at}`: `enum` is not a non-empty list"))
            .clone();
        let documented = select(known.clone());
        let strings: Vec<String> = known
            .iter()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect();
        if !self.unknown_enum_values || strings.is_empty() {
            return documented.boxed();
        }
        prop_oneof![
            3 => documented,
            2 => unknown_name(strings).prop_map(Value::String),
        ]
        .boxed()
    }

    fn object(&self, object: &Map<String, Value>, at: &str, depth: usize) -> BoxedStrategy<Value> {
        let empty = Map::new();
        let properties = match object.get("properties") {
            Some(Value::Object(properties)) => properties,
            None => &empty,
            Some(other) => panic!("`{at}`: `properties` is not a mapping: {other}"),
        };
        let required: Vec<&str> = match object.get("required") {
            Some(Value::Array(names)) => names
                .iter()
                .map(|n| n.as_str().expect("`required` lists names"))
                .collect(),
            None => Vec::new(),
            Some(other) => panic!("`{at}`: `required` is not a list: {other}"),
        };
        for name in &required {
            assert!(
                properties.contains_key(*name),
                "`{at}`: required `{name}` is not among the properties"
            );
        }
        let mut fields: Vec<BoxedStrategy<Option<(String, Value)>>> = Vec::new();
        for (name, child) in properties {
            // Beyond the soft depth, optional properties are left out (and not built: a
            // recursive schema would never end).
            if depth >= SOFT_DEPTH && !required.contains(&name.as_str()) {
                continue;
            }
            let value = self.schema(child, &format!("{at}.{name}"), depth + 1);
            // A newer server sends `null` for optional properties the spec does not call
            // nullable (`"error": null`); a document as it might arrive has them too.
            let value = if self.unknown_enum_values && !required.contains(&name.as_str()) {
                prop_oneof![5 => value, 1 => Just(Value::Null)].boxed()
            } else {
                value
            };
            let key = name.clone();
            let entry = value.prop_map(move |v| (key.clone(), v));
            fields.push(if required.contains(&name.as_str()) {
                entry.prop_map(Some).boxed()
            } else {
                prop::option::weighted(0.6, entry).boxed()
            });
        }
        let known: Arc<Vec<String>> = Arc::new(properties.keys().cloned().collect());
        let extra_values = match object.get("additionalProperties") {
            Some(Value::Bool(false)) => None,
            // OpenAPI 3.0 allows unknown properties unless told otherwise.
            None | Some(Value::Bool(true)) => Some(any_json()),
            Some(schema @ Value::Object(_)) => {
                Some(self.schema(schema, &format!("{at}.additionalProperties"), depth + 1))
            }
            Some(other) => panic!("`{at}`: `additionalProperties` is {other}"),
        };
        let extras = match extra_values {
            Some(values) if depth < SOFT_DEPTH => {
                prop::collection::vec((unknown_name(known.to_vec()), values), 0..=2).boxed()
            }
            _ => Just(Vec::new()).boxed(),
        };
        (fields, extras)
            .prop_map(move |(fields, extras)| {
                let mut entries: Vec<(String, Value)> = fields.into_iter().flatten().collect();
                for (key, value) in extras {
                    // An unknown property never takes the name of a known one (or another's).
                    if !known.contains(&key) && entries.iter().all(|(k, _)| *k != key) {
                        entries.push((key, value));
                    }
                }
                entries
            })
            .prop_shuffle()
            .prop_map(|entries| Value::Object(entries.into_iter().collect()))
            .boxed()
    }

    fn array(&self, object: &Map<String, Value>, at: &str, depth: usize) -> BoxedStrategy<Value> {
        let items = object
            .get("items")
            .unwrap_or_else(|| panic!("`{at}`: an array without `items`"));
        let min = bound(object, "minItems", at).unwrap_or(0);
        let max = bound(object, "maxItems", at).unwrap_or(usize::MAX);
        let max = if depth >= SOFT_DEPTH {
            min
        } else {
            max.min(min + 3)
        };
        if max == 0 {
            return Just(Value::Array(Vec::new())).boxed();
        }
        let items = self.schema(items, &format!("{at}[]"), depth + 1);
        prop::collection::vec(items, min..=max)
            .prop_map(Value::Array)
            .boxed()
    }
}

fn string(object: &Map<String, Value>, at: &str) -> BoxedStrategy<Value> {
    if let Some(pattern) = object.get("pattern").and_then(Value::as_str) {
        // Anchored patterns, as most are; proptest generates from the rest.
        let inner = pattern.trim_start_matches('^').trim_end_matches('$');
        return proptest::string::string_regex(inner)
            .unwrap_or_else(|e| panic!("`{at}`: no strings generated from `{pattern}`: {e}"))
            .prop_map(Value::String)
            .boxed();
    }
    match object.get("format").and_then(Value::as_str) {
        Some("date-time") => return date_time().prop_map(Value::String).boxed(),
        Some("uuid") => {
            return regex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
                .prop_map(Value::String)
                .boxed();
        }
        Some("ipv4") => {
            return any::<[u8; 4]>()
                .prop_map(|octets| Value::String(std::net::Ipv4Addr::from(octets).to_string()))
                .boxed();
        }
        Some("ipv6") => {
            return any::<[u16; 8]>()
                .prop_map(|parts| Value::String(std::net::Ipv6Addr::from(parts).to_string()))
                .boxed();
        }
        // A secret is an ordinary string on the wire.
        None | Some("password") => {}
        Some(other) => panic!("`{at}`: `format: {other}` is not generated yet"),
    }
    let min = bound(object, "minLength", at);
    let max = bound(object, "maxLength", at);
    if min.is_none() && max.is_none() {
        return plain_string().prop_map(Value::String).boxed();
    }
    let min = min.unwrap_or(0);
    let max = max.unwrap_or(min + 16);
    assert!(min <= max, "`{at}`: minLength is above maxLength");
    // The limits themselves and their neighbours, and lengths in between.
    let lengths = prop_oneof![
        1 => select(vec![min, (min + 1).min(max), max.saturating_sub(1).max(min), max]),
        2 => min..=max.min(min + 16),
    ];
    lengths
        .prop_flat_map(string_of_length)
        .prop_map(Value::String)
        .boxed()
}

/// A string of exactly `length` characters (Unicode scalar values, as JSON Schema counts).
fn string_of_length(length: usize) -> BoxedStrategy<String> {
    prop::collection::vec(any_char(), length)
        .prop_map(String::from_iter)
        .boxed()
}

/// Short strings: plain words, the spec's `<string>` placeholder, and arbitrary characters
/// (control characters, quotes, backslashes, non-ASCII, astral planes).
fn plain_string() -> BoxedStrategy<String> {
    prop_oneof![
        2 => regex("[a-zA-Z0-9_ -]{0,12}"),
        1 => Just("<string>".to_string()),
        2 => prop::collection::vec(any_char(), 0..=12).prop_map(String::from_iter),
    ]
    .boxed()
}

fn any_char() -> BoxedStrategy<char> {
    prop_oneof![
        3 => prop::char::range('a', 'z'),
        1 => select(vec!['"', '\\', '/', '\n', '\t', '\u{0}', '\u{7f}', 'é', '€', '😀']),
        2 => any::<char>(),
    ]
    .boxed()
}

/// A name the spec does not know: random names, near misses of the `known` ones (another
/// case, a trailing underscore, a leading space) and names with a meaning elsewhere.
fn unknown_name(known: Vec<String>) -> BoxedStrategy<String> {
    let random = prop_oneof![
        regex("[a-z][a-z_]{0,11}"),
        prop::collection::vec(any_char(), 0..=6).prop_map(String::from_iter),
        select(vec![
            "",
            "extra",
            "$ref",
            "__proto__",
            "null",
            "type",
            "Unknown"
        ])
        .prop_map(str::to_owned),
    ];
    if known.is_empty() {
        return random.boxed();
    }
    let near_miss = (select(known), 0..4usize).prop_map(|(name, how)| match how {
        0 => name.to_uppercase(),
        1 => {
            let mut chars = name.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        }
        2 => format!("{name}_"),
        _ => format!(" {name}"),
    });
    prop_oneof![2 => random, 1 => near_miss].boxed()
}

/// Strings matching `pattern`, compiled once (a `&str` strategy compiles it for every value).
fn regex(pattern: &str) -> BoxedStrategy<String> {
    proptest::string::string_regex(pattern)
        .expect("a valid regex")
        .boxed()
}

/// Finite floats that JSON text writes and reads back exactly: integers and short binary
/// fractions (`3.0`, `-12.5`, `0.375`).
fn exact_float() -> BoxedStrategy<f64> {
    (-1_000_000i32..=1_000_000, 0u32..=4)
        .prop_map(|(n, halvings)| f64::from(n) / f64::from(1u32 << halvings))
        .boxed()
}

fn bound(object: &Map<String, Value>, keyword: &str, at: &str) -> Option<usize> {
    object.get(keyword).map(|v| {
        v.as_u64()
            .and_then(|n| usize::try_from(n).ok())
            .unwrap_or_else(|| panic!("`{at}`: `{keyword}` is not a count: {v}"))
    })
}

fn no_bounds(object: &Map<String, Value>, at: &str) {
    for keyword in [
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "multipleOf",
    ] {
        assert!(
            !object.contains_key(keyword),
            "`{at}`: `{keyword}` is not generated yet"
        );
    }
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Follows `$ref`s and one-element `allOf`s; says whether any step was nullable.
fn resolve<'a>(schema: &'a Value, schemas: &'a Map<String, Value>) -> (bool, &'a Value) {
    let nullable = schema.get("nullable") == Some(&Value::Bool(true));
    if let Some(name) = schema
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| r.strip_prefix("#/components/schemas/"))
    {
        let (inner_nullable, inner) = resolve(&schemas[name], schemas);
        return (nullable || inner_nullable, inner);
    }
    if let Some(Value::Array(parts)) = schema.get("allOf")
        && let [only] = parts.as_slice()
    {
        let (inner_nullable, inner) = resolve(only, schemas);
        return (nullable || inner_nullable, inner);
    }
    (nullable, schema)
}

/// Values that `schema` rejects for their type (or for being outside its `enum`).
fn breaking_values(schema: &Value, schemas: &Map<String, Value>) -> Vec<(Value, String)> {
    let (nullable, resolved) = resolve(schema, schemas);
    let Some(declared) = resolved.get("type").and_then(Value::as_str) else {
        return Vec::new();
    };
    let declared = if resolved.get("properties").is_some() {
        "object"
    } else {
        declared
    };
    let candidates = [
        (Value::Null, &["null"][..]),
        (Value::Bool(true), &["boolean"]),
        (Value::from(7), &["integer", "number"]),
        (
            Value::Number(Number::from_f64(0.5).expect("finite")),
            &["number"],
        ),
        (Value::String("7".into()), &["string"]),
        (Value::Array(vec![]), &["array"]),
        (Value::Object(Map::new()), &["object"]),
    ];
    let mut out: Vec<(Value, String)> = candidates
        .into_iter()
        .filter(|(_, kinds)| {
            !kinds
                .iter()
                .any(|kind| *kind == declared || (*kind == "null" && nullable))
        })
        .map(|(value, _)| {
            let what = format!("{value} where the spec says `{declared}`");
            (value, what)
        })
        .collect();
    if let Some(Value::Array(values)) = resolved.get("enum")
        && declared == "string"
    {
        let outside = (0..)
            .map(|i| format!("undocumented-{i}"))
            .find(|s| !values.contains(&Value::String(s.clone())))
            .expect("some name is free");
        let what = format!("`{outside}`, outside the enum");
        out.push((Value::String(outside), what));
    }
    if resolved.get("format").and_then(Value::as_str) == Some("date-time") {
        for text in ["yesterday", "2023-02-30T05:31:56Z"] {
            out.push((text.into(), format!("`{text}`, not a date-time")));
        }
    }
    out
}

/// String lengths that `schema` forbids next to its `minLength` and `maxLength`.
fn forbidden_lengths(schema: &Value, schemas: &Map<String, Value>) -> Option<Vec<usize>> {
    let (_, resolved) = resolve(schema, schemas);
    if resolved.get("type").and_then(Value::as_str) != Some("string") {
        return None;
    }
    let object = resolved.as_object()?;
    let mut lengths = Vec::new();
    if let Some(min) = bound(object, "minLength", "a property")
        && min > 0
    {
        lengths.push(min - 1);
    }
    if let Some(max) = bound(object, "maxLength", "a property") {
        lengths.push(max + 1);
    }
    (!lengths.is_empty()).then_some(lengths)
}
