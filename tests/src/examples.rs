//! One valid value of any schema of any spec, the same every run: what the conformance run
//! of an outside spec sends. Checked against the schema; the spec's own example when it fits.

use serde_json::{Map, Value, json};

use crate::json_schema;

/// A value of `schema` (of the normalized spec `spec`) that its JSON Schema accepts, if one of
/// the candidates is: the schema's `example`, its `default`, then one made from its keywords.
pub fn valid(spec: &Value, schema: &Value) -> Option<Value> {
    let validator = json_schema::validator_of(spec, schema)?;
    let given = [
        schema.get("example").cloned(),
        schema.get("default").cloned(),
    ];
    // Made values try each union's variants in turn (the first, the second…, all at once).
    let made = (0..VARIANT_TRIES).map(|variant| Some(Maker { spec, variant }.value(schema, 0)));
    given
        .into_iter()
        .chain(made)
        .flatten()
        .find(|candidate| validator.is_valid(candidate))
}

/// How many variant choices are tried before a schema is given up on.
const VARIANT_TRIES: usize = 4;

struct Maker<'a> {
    spec: &'a Value,
    /// The variant each union takes (modulo its number of variants).
    variant: usize,
}

/// Deeper than this, only required properties and the fewest items are made.
const SHALLOW: usize = 3;
/// Deeper than this, a value is given up on (`null`): a schema that recurses through required
/// properties has no finite value.
const DEEPEST: usize = 24;

impl Maker<'_> {
    fn value(&self, schema: &Value, depth: usize) -> Value {
        if depth > DEEPEST {
            return Value::Null;
        }
        let schema = resolve(self.spec, schema);
        let Some(object) = schema.as_object() else {
            return json!("x");
        };
        if let Some(example) = object.get("example") {
            return example.clone();
        }
        if let Some(value) = object.get("const") {
            return value.clone();
        }
        if let Some(first) = object
            .get("enum")
            .and_then(Value::as_array)
            .and_then(|v| v.iter().find(|v| !v.is_null()).or(v.first()).cloned())
        {
            return first;
        }
        if let Some(parts) = object.get("allOf").and_then(Value::as_array) {
            return self.all_of(object, parts, depth);
        }
        for keyword in ["oneOf", "anyOf"] {
            if let Some(parts) = object
                .get(keyword)
                .and_then(Value::as_array)
                .filter(|p| !p.is_empty())
            {
                let chosen = &parts[self.variant % parts.len()];
                let mut value = self.value(chosen, depth + 1);
                self.set_tag(object, chosen, &mut value);
                return value;
            }
        }
        let kind = object.get("type").and_then(Value::as_str);
        if kind == Some("object") || object.contains_key("properties") {
            return self.object(object, depth);
        }
        match kind {
            Some("array") => {
                let min = bound(object, "minItems").unwrap_or(1).max(1);
                let count = if depth >= SHALLOW {
                    bound(object, "minItems").unwrap_or(0)
                } else {
                    min.min(bound(object, "maxItems").unwrap_or(min))
                };
                let item = self.value(object.get("items").unwrap_or(&json!({})), depth + 1);
                Value::Array(vec![item; count as usize])
            }
            Some("string") => Value::String(string(object)),
            Some("integer") => json!(number(object).round() as i64),
            Some("number") => json!(number(object)),
            Some("boolean") => json!(true),
            _ => json!("x"),
        }
    }

    fn object(&self, object: &Map<String, Value>, depth: usize) -> Value {
        let required: Vec<&str> = object
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        let mut out = Map::new();
        for (name, child) in object
            .get("properties")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            let read_only = resolve(self.spec, child).get("readOnly") == Some(&json!(true));
            if required.contains(&name.as_str()) || (depth < SHALLOW && !read_only) {
                out.insert(name.clone(), self.value(child, depth + 1));
            }
        }
        let extra = match object.get("additionalProperties") {
            Some(values @ Value::Object(_)) => self.value(values, depth + 1),
            _ => json!("x"),
        };
        // A required name need not be among the properties (any value then does).
        for name in required {
            out.entry(name).or_insert_with(|| extra.clone());
        }
        if let Some(Value::Object(_)) = object.get("additionalProperties")
            && out.is_empty()
        {
            out.insert("key".into(), extra);
        }
        Value::Object(out)
    }

    fn all_of(&self, object: &Map<String, Value>, parts: &[Value], depth: usize) -> Value {
        let mut merged = Map::new();
        let mut other = None;
        for part in parts {
            match self.value(part, depth + 1) {
                Value::Object(fields) => merged.extend(fields),
                value => other = Some(value),
            }
        }
        if object.contains_key("properties")
            && let Value::Object(own) = self.object(object, depth)
        {
            merged.extend(own);
        }
        match other {
            Some(value) if merged.is_empty() => value,
            _ => Value::Object(merged),
        }
    }

    /// A discriminated union's first variant carries the tag value that selects it.
    fn set_tag(&self, union: &Map<String, Value>, variant: &Value, value: &mut Value) {
        let Some(tag) = union
            .get("discriminator")
            .and_then(|d| d.get("propertyName"))
            .and_then(Value::as_str)
        else {
            return;
        };
        let target = variant.get("$ref").and_then(Value::as_str);
        let mapped = union
            .get("discriminator")
            .and_then(|d| d.get("mapping"))
            .and_then(Value::as_object)
            .and_then(|m| m.iter().find(|(_, r)| r.as_str() == target))
            .map(|(key, _)| key.clone());
        let tag_value = mapped.or_else(|| {
            target
                .and_then(|t| t.rsplit('/').next())
                .map(str::to_string)
        });
        if let (Some(fields), Some(tag_value)) = (value.as_object_mut(), tag_value) {
            fields.insert(tag.to_string(), Value::String(tag_value));
        }
    }
}

/// Follows `$ref`s to component schemas (a missing one reads as any value).
fn resolve<'a>(spec: &'a Value, schema: &'a Value) -> &'a Value {
    let mut schema = schema;
    for _ in 0..64 {
        let Some(name) = schema
            .get("$ref")
            .and_then(Value::as_str)
            .and_then(|r| r.strip_prefix("#/components/schemas/"))
        else {
            break;
        };
        match spec.pointer(&format!("/components/schemas/{name}")) {
            Some(next) => schema = next,
            None => break,
        }
    }
    schema
}

fn bound(object: &Map<String, Value>, keyword: &str) -> Option<u64> {
    object.get(keyword).and_then(Value::as_u64)
}

fn number(object: &Map<String, Value>) -> f64 {
    let min = object.get("minimum").and_then(Value::as_f64);
    let max = object.get("maximum").and_then(Value::as_f64);
    let open = |k: &str| object.get(k) == Some(&json!(true));
    match (min, max) {
        (Some(min), _) if open("exclusiveMinimum") => min + 1.0,
        (Some(min), _) => min,
        (None, Some(max)) if max < 1.0 => max - 1.0,
        _ => 1.0,
    }
}

fn string(object: &Map<String, Value>) -> String {
    let format = object.get("format").and_then(Value::as_str).unwrap_or("");
    let base = match format {
        "date-time" => "2024-01-02T03:04:05Z",
        "date" => "2024-01-02",
        "time" => "03:04:05Z",
        "uuid" => "3fa85f64-5717-4562-b3fc-2c963f66afa6",
        "email" => "someone@example.com",
        "uri" | "url" | "uri-reference" | "iri" => "https://example.com/a",
        "hostname" => "example.com",
        "ipv4" => "192.0.2.1",
        "ipv6" => "2001:db8::1",
        "byte" => "eA==",
        "duration" => "PT1S",
        _ => "x",
    };
    if let Some(pattern) = object.get("pattern").and_then(Value::as_str)
        && let Some(matching) = matching(pattern)
    {
        return matching;
    }
    let mut text = base.to_string();
    let min = bound(object, "minLength").unwrap_or(0) as usize;
    while text.chars().count() < min {
        text.push('x');
    }
    if let Some(max) = bound(object, "maxLength") {
        text = text.chars().take(max as usize).collect();
    }
    text
}

/// A string matching an (anchored or not) pattern, from proptest's regex generator with a
/// fixed seed.
/// Lookarounds, which the generator cannot follow, are left out (the value made is checked
/// against the whole pattern afterwards).
fn matching(pattern: &str) -> Option<String> {
    use proptest::strategy::{Strategy, ValueTree};
    let pattern = without_lookarounds(pattern);
    let inner = pattern.trim_start_matches('^').trim_end_matches('$');
    let inner = inner.replace("$)^", "").replace(")^", ")");
    let strategy = proptest::string::string_regex(&inner).ok()?;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    Some(strategy.new_tree(&mut runner).ok()?.current())
}

/// The pattern without its `(?=…)`, `(?!…)`, `(?<=…)` and `(?<!…)` groups.
fn without_lookarounds(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut rest = pattern;
    while let Some(start) = ["(?=", "(?!", "(?<=", "(?<!"]
        .iter()
        .filter_map(|open| rest.find(open))
        .min()
    {
        out.push_str(&rest[..start]);
        let (mut depth, mut escaped, mut end) = (0usize, false, rest.len());
        for (i, c) in rest[start..].char_indices() {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '(') => depth += 1,
                (false, ')') => {
                    depth -= 1;
                    if depth == 0 {
                        end = start + i + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookarounds_are_left_out_and_the_rest_is_matched() {
        let pattern = "^(?![0-9a-f]{8}-[0-9a-f]{4}$)^[a-z][a-z0-9-]*[a-zA-Z0-9]$";
        assert_eq!(
            without_lookarounds(pattern),
            "^^[a-z][a-z0-9-]*[a-zA-Z0-9]$"
        );
        let made = matching(pattern).expect("a string");
        let validator = crate::json_schema::validator_of(&json!({}), &json!({"pattern": pattern}));
        assert!(validator.unwrap().is_valid(&json!(made)), "{made:?}");
    }

    #[test]
    fn made_values_are_valid_or_none() {
        let spec = json!({"components": {"schemas": {
            "Tagged": {"oneOf": [{"$ref": "#/components/schemas/A"}], "discriminator": {"propertyName": "kind"}},
            "A": {"type": "object", "required": ["kind", "n", "other"], "properties": {
                "kind": {"type": "string"}, "n": {"type": "integer", "minimum": 5}}}
        }}});
        let value = valid(&spec, &json!({"$ref": "#/components/schemas/Tagged"})).unwrap();
        assert_eq!(value["kind"], "A");
        assert_eq!(value["n"], 5);
        assert!(
            value.get("other").is_some(),
            "a required name outside the properties"
        );
        // No string of length 3 to 2 exists.
        assert_eq!(
            valid(
                &spec,
                &json!({"type": "string", "minLength": 3, "maxLength": 2})
            ),
            None
        );
    }
}
