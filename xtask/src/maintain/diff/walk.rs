//! Finds the changes between two normalized specs, operation by operation and schema by
//! schema, each matched to its rule; a schema's property changes are judged per direction.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value};

use super::rules::{self, Rule};
use crate::spec::Spec;

/// One change found between the two specs.
#[derive(Clone, Debug)]
pub struct Change {
    pub rule: &'static Rule,
    /// The heading it is grouped under: an operation or a schema.
    pub group: String,
    /// The operation's id or the schema's name.
    pub subject: String,
    /// What changed, in the group: ``config.timezone``, ``parameter `limit` (query)``.
    pub place: String,
    /// The old and new values, when there are any: `maxLength 1024 → 512`.
    pub detail: String,
}

/// Every change from `old` to `new`, operations first, then schemas, in document order.
pub fn changes(old: &Spec, new: &Spec) -> Vec<Change> {
    let mut out = Vec::new();
    let info = |s: &Spec| s.json.get("info").and_then(Value::as_object).cloned();
    let (oi, ni) = (info(old).unwrap_or_default(), info(new).unwrap_or_default());
    for key in oi.keys().chain(ni.keys()).collect::<BTreeSet<_>>() {
        if oi.get(key) != ni.get(key) {
            document(&mut out).push(&rules::schema_documentation, format!("info.{key}"), "");
        }
    }
    operations(old, new, &mut out);
    schemas(old, new, &mut out);
    // What no rule walks (servers, extensions, webhooks) is named where it differs; inside
    // operations and components too when no rule saw anything there (a `readOnly` added), so
    // that a change is never reported as none.
    let walked = |p: &str| p.starts_with("paths") || p.starts_with("components.");
    let nothing_found = out.is_empty();
    let mut places = Vec::new();
    differing(&old.json, &new.json, String::new(), &mut places);
    for place in places
        .into_iter()
        .filter(|p| nothing_found || !walked(p))
        .filter(|p| !documentation_only(p))
        .take(10)
    {
        document(&mut out).push(&rules::unclassified, place, "");
    }
    // A schema used both ways is judged once per direction; what both judge the same
    // (documentation) is kept once.
    let mut seen = BTreeSet::new();
    out.retain(|c| {
        seen.insert((
            c.group.clone(),
            c.rule.id,
            c.place.clone(),
            c.detail.clone(),
        ))
    });
    out
}

/// The group of what concerns the whole document.
fn document(out: &mut Vec<Change>) -> Group<'_> {
    Group {
        out,
        title: "The document".into(),
        subject: "openapi.yaml".into(),
    }
}

/// The JSON paths where two documents differ (`servers.0.url`), deepest first found.
fn differing(a: &Value, b: &Value, at: String, out: &mut Vec<String>) {
    let join = |key: &str| {
        if at.is_empty() {
            key.to_string()
        } else {
            format!("{at}.{key}")
        }
    };
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for key in x.keys().chain(y.keys().filter(|k| !x.contains_key(*k))) {
                let none = Value::Null;
                let (p, q) = (x.get(key).unwrap_or(&none), y.get(key).unwrap_or(&none));
                if p != q {
                    differing(p, q, join(key), out);
                }
            }
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
            for (i, (p, q)) in x.iter().zip(y).enumerate() {
                if p != q {
                    differing(p, q, join(&i.to_string()), out);
                }
            }
        }
        _ => out.push(at),
    }
}

/// Whether a differing path is only text a reader sees (a description, an example).
fn documentation_only(path: &str) -> bool {
    path.starts_with("info.")
        || path
            .split('.')
            .any(|part| DOC_KEYS.contains(&part) || part == "tags")
}

/// Where a schema is used: in what callers send, in what they receive, or both.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Dir {
    Request,
    Response,
}

/// The rules a value is judged by, for parameters and for each direction of a property.
struct Judged {
    type_changed: &'static Rule,
    nullable_added: &'static Rule,
    nullable_removed: &'static Rule,
    tightened: &'static Rule,
    loosened: &'static Rule,
    enum_added: &'static Rule,
    enum_removed: &'static Rule,
    default_changed: &'static Rule,
}

const PARAMETER: Judged = Judged {
    type_changed: &rules::parameter_type_changed,
    nullable_added: &rules::parameter_type_changed,
    nullable_removed: &rules::parameter_type_changed,
    tightened: &rules::parameter_constraint_tightened,
    loosened: &rules::parameter_constraint_loosened,
    enum_added: &rules::parameter_enum_value_added,
    enum_removed: &rules::parameter_enum_value_removed,
    default_changed: &rules::request_default_changed,
};

fn judged(dir: Dir) -> Judged {
    match dir {
        Dir::Request => Judged {
            type_changed: &rules::request_property_type_changed,
            nullable_added: &rules::request_property_nullable_added,
            nullable_removed: &rules::request_property_nullable_removed,
            tightened: &rules::request_constraint_tightened,
            loosened: &rules::request_constraint_loosened,
            enum_added: &rules::request_enum_value_added,
            enum_removed: &rules::request_enum_value_removed,
            default_changed: &rules::request_default_changed,
        },
        Dir::Response => Judged {
            type_changed: &rules::response_property_type_changed,
            nullable_added: &rules::response_property_nullable_added,
            nullable_removed: &rules::response_property_nullable_removed,
            tightened: &rules::response_constraint_changed,
            loosened: &rules::response_constraint_changed,
            enum_added: &rules::response_enum_value_added,
            enum_removed: &rules::response_enum_value_removed,
            default_changed: &rules::schema_documentation,
        },
    }
}

/// Collects changes of one group.
struct Group<'a> {
    out: &'a mut Vec<Change>,
    title: String,
    subject: String,
}

impl Group<'_> {
    fn push(&mut self, rule: &'static Rule, place: impl Into<String>, detail: impl Into<String>) {
        self.out.push(Change {
            rule,
            group: self.title.clone(),
            subject: self.subject.clone(),
            place: place.into(),
            detail: detail.into(),
        });
    }
}

fn operations(old: &Spec, new: &Spec, out: &mut Vec<Change>) {
    let old_ops = old.operations();
    let new_ops = new.operations();
    // The path's shape: a renamed path parameter sends the same URL.
    let key = |o: &crate::spec::Operation| {
        let mut shape = String::new();
        let mut inside = false;
        for c in o.path.chars() {
            match c {
                '{' => (inside, shape) = (true, shape + "{}"),
                '}' => inside = false,
                c if !inside => shape.push(c),
                _ => {}
            }
        }
        (o.method.to_string(), shape)
    };
    let old_by_key: BTreeMap<_, _> = old_ops.iter().map(|o| (key(o), o)).collect();
    let new_by_key: BTreeMap<_, _> = new_ops.iter().map(|o| (key(o), o)).collect();
    let title = |o: &crate::spec::Operation| {
        format!(
            "Operation `{}` ({} {})",
            o.id,
            o.method.to_uppercase(),
            o.path
        )
    };
    // An operation whose method or path changed but kept its operationId has moved.
    let moved_to = |o: &crate::spec::Operation| {
        new_ops
            .iter()
            .find(|n| !o.id.is_empty() && n.id == o.id && !old_by_key.contains_key(&key(n)))
    };
    for o in &old_ops {
        // Headed as the operation is now, when it is still there.
        let now = new_by_key
            .get(&key(o))
            .copied()
            .or_else(|| moved_to(o))
            .unwrap_or(o);
        let mut g = Group {
            out: &mut *out,
            title: title(now),
            subject: now.id.to_string(),
        };
        match (new_by_key.get(&key(o)), moved_to(o)) {
            (Some(n), _) => operation(old, new, o, n, &mut g),
            (None, Some(n)) => {
                g.push(
                    &rules::operation_moved,
                    "method and path",
                    format!(
                        "{} {} → {} {}",
                        o.method.to_uppercase(),
                        o.path,
                        n.method.to_uppercase(),
                        n.path
                    ),
                );
                operation(old, new, o, n, &mut g);
            }
            (None, None) => g.push(&rules::operation_removed, "the operation", ""),
        }
    }
    for n in &new_ops {
        let moved_here = old_ops
            .iter()
            .any(|o| !o.id.is_empty() && o.id == n.id && !new_by_key.contains_key(&key(o)));
        if !old_by_key.contains_key(&key(n)) && !moved_here {
            Group {
                out: &mut *out,
                title: title(n),
                subject: n.id.to_string(),
            }
            .push(&rules::operation_added, "the operation", "");
        }
    }
}

fn operation(
    old: &Spec,
    new: &Spec,
    o: &crate::spec::Operation,
    n: &crate::spec::Operation,
    g: &mut Group,
) {
    if o.id != n.id {
        // Ids that make the same Rust names change nothing but the text.
        let rule =
            if heck::ToSnakeCase::to_snake_case(o.id) == heck::ToSnakeCase::to_snake_case(n.id) {
                &rules::schema_documentation
            } else {
                &rules::operation_id_changed
            };
        g.push(rule, "operationId", format!("`{}` → `{}`", o.id, n.id));
    }
    documentation(o.json, n.json, "the operation", g);
    parameters(old, new, o, n, g);
    body(old, new, o.json, n.json, g);
    responses(old, new, o.json, n.json, g);
    let (os, ns) = (security(old, o.json), security(new, n.json));
    if os != ns {
        // Old callers satisfy one of the old alternatives: they keep working if the new
        // operation needs nothing, or still accepts every old alternative.
        let rule = if ns.is_empty() || os.iter().all(|a| ns.contains(a)) {
            &rules::security_removed
        } else {
            &rules::security_added
        };
        g.push(rule, "security", format!("{os:?} → {ns:?}"));
    }
}

fn parameters(
    old: &Spec,
    new: &Spec,
    o: &crate::spec::Operation,
    n: &crate::spec::Operation,
    g: &mut Group,
) {
    let by_name =
        |op: &crate::spec::Operation<'_>| -> BTreeMap<(String, String), Map<String, Value>> {
            op.parameters()
                .map(|p| {
                    let s = |k: &str| p.get(k).and_then(Value::as_str).unwrap_or("").to_string();
                    let name = match s("in").as_str() {
                        // Header names are case-insensitive.
                        "header" => s("name").to_ascii_lowercase(),
                        // A path parameter is its place in the path: a rename sends the same URL.
                        "path" => format!(
                            "#{}",
                            op.path_parameters()
                                .iter()
                                .position(|n| *n == s("name"))
                                .unwrap_or(usize::MAX)
                        ),
                        _ => s("name"),
                    };
                    ((s("in"), name), p.clone())
                })
                .collect()
        };
    let (op, np) = (by_name(o), by_name(n));
    let required = |p: &Map<String, Value>| p.get("required") == Some(&Value::Bool(true));
    let shown = |p: &Map<String, Value>| {
        p.get("name")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    for (k @ (location, _), p) in &op {
        let name = shown(p);
        let place = format!("parameter `{name}` ({location})");
        if let Some(q) = np.get(k)
            && shown(q) != name
        {
            // The same parameter under another name: the setter follows the Rust name.
            let rule = if heck::ToSnakeCase::to_snake_case(name.as_str())
                == heck::ToSnakeCase::to_snake_case(shown(q).as_str())
            {
                &rules::schema_documentation
            } else {
                &rules::parameter_renamed
            };
            g.push(rule, place.clone(), format!("`{name}` → `{}`", shown(q)));
        }
        let Some(q) = np.get(k) else {
            g.push(&rules::parameter_removed, place, "");
            continue;
        };
        match (required(p), required(q)) {
            (false, true) => g.push(&rules::parameter_made_required, place.clone(), ""),
            (true, false) => g.push(&rules::parameter_made_optional, place.clone(), ""),
            _ => {}
        }
        documentation(p, q, &place, g);
        let none = Value::Null;
        let (ps, qs) = (
            p.get("schema").unwrap_or(&none),
            q.get("schema").unwrap_or(&none),
        );
        value(old, new, ps, qs, &PARAMETER, &place, g);
    }
    for (k @ (location, _), q) in &np {
        let name = shown(q);
        if !op.contains_key(k) {
            let rule = if required(q) {
                &rules::parameter_added_required
            } else {
                &rules::parameter_added_optional
            };
            g.push(rule, format!("parameter `{name}` ({location})"), "");
        }
    }
}

/// The JSON schema of a request body or response, if it has one.
fn json_schema(part: &Value) -> Option<&Value> {
    part.get("content")?
        .as_object()?
        .values()
        .find_map(|media| media.get("schema"))
}

/// What a request body or response carries: its media types (without parameters such as
/// `charset`) and the wire type of its schema; `None` without content.
fn body_type(spec: &Spec, part: &Value) -> Option<String> {
    let content = part.get("content")?.as_object()?;
    let mut media: Vec<String> = content
        .keys()
        .map(|m| m.split(';').next().unwrap_or(m).trim().to_ascii_lowercase())
        .collect();
    media.sort();
    media.dedup();
    let schema = json_schema(part).map_or("no schema".into(), |s| wire_type(spec, s));
    Some(format!("{} {schema}", media.join(", ")))
}

fn body(old: &Spec, new: &Spec, o: &Map<String, Value>, n: &Map<String, Value>, g: &mut Group) {
    let required = |b: &Value| b.get("required") == Some(&Value::Bool(true));
    match (o.get("requestBody"), n.get("requestBody")) {
        (None, None) => {}
        (Some(_), None) => g.push(&rules::body_removed, "request body", ""),
        (None, Some(b)) if required(b) => g.push(&rules::body_added_required, "request body", ""),
        (None, Some(_)) => g.push(&rules::body_added_optional, "request body", ""),
        (Some(a), Some(b)) => {
            match (required(a), required(b)) {
                (false, true) => g.push(&rules::body_made_required, "request body", ""),
                (true, false) => g.push(&rules::body_made_optional, "request body", ""),
                _ => {}
            }
            documentation_of(a, b, "request body", g);
            let (ta, tb) = (body_type(old, a), body_type(new, b));
            if ta != tb {
                g.push(
                    &rules::body_type_changed,
                    "request body",
                    format!("{} → {}", shown(&ta), shown(&tb)),
                );
            }
        }
    }
}

fn shown(t: &Option<String>) -> String {
    t.clone().unwrap_or_else(|| "no JSON body".into())
}

fn is_success(status: &str) -> bool {
    status.starts_with('2')
}

fn responses(
    old: &Spec,
    new: &Spec,
    o: &Map<String, Value>,
    n: &Map<String, Value>,
    g: &mut Group,
) {
    let empty = Map::new();
    let of = |op: &Map<String, Value>| {
        op.get("responses")
            .and_then(Value::as_object)
            .unwrap_or(&empty)
            .clone()
    };
    let (or, nr) = (of(o), of(n));
    for (status, a) in &or {
        let place = format!("response `{status}`");
        let Some(b) = nr.get(status) else {
            let rule = if is_success(status) {
                &rules::success_status_removed
            } else {
                &rules::error_status_removed
            };
            g.push(rule, place, "");
            continue;
        };
        documentation_of(a, b, &place, g);
        let (ta, tb) = (body_type(old, a), body_type(new, b));
        if ta != tb {
            let rule = if is_success(status) {
                &rules::response_type_changed
            } else {
                &rules::error_schema_changed
            };
            g.push(rule, place, format!("{} → {}", shown(&ta), shown(&tb)));
        }
    }
    for status in nr.keys().filter(|s| !or.contains_key(*s)) {
        let rule = if is_success(status) {
            &rules::success_status_added
        } else {
            &rules::error_status_added
        };
        g.push(rule, format!("response `{status}`"), "");
    }
}

/// The operation's security requirements, each as the sorted names of its schemes with
/// what each scheme is (`bearerAuth: http bearer`).
fn security(spec: &Spec, op: &Map<String, Value>) -> Vec<Vec<String>> {
    let requirements = op
        .get("security")
        .or_else(|| spec.json.get("security"))
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let mut out: Vec<Vec<String>> = requirements
        .iter()
        .filter_map(Value::as_object)
        .map(|req| {
            req.keys()
                .map(|name| {
                    let scheme: String = spec
                        .json
                        .pointer(&format!("/components/securitySchemes/{name}"))
                        .map(|s| {
                            ["type", "scheme", "in", "name"]
                                .iter()
                                .filter_map(|k| s.get(*k).and_then(Value::as_str))
                                .collect::<Vec<_>>()
                                .join(" ")
                        })
                        .unwrap_or_default();
                    scheme.to_ascii_lowercase()
                })
                .collect()
        })
        .collect();
    out.sort();
    out
}

const DOC_KEYS: [&str; 7] = [
    "description",
    "summary",
    "title",
    "example",
    "examples",
    "deprecated",
    "externalDocs",
];

fn documentation(o: &Map<String, Value>, n: &Map<String, Value>, place: &str, g: &mut Group) {
    let changed: Vec<&str> = DOC_KEYS
        .iter()
        .copied()
        .filter(|k| o.get(*k) != n.get(*k))
        .collect();
    if !changed.is_empty() {
        g.push(&rules::schema_documentation, place, changed.join(", "));
    }
}

fn documentation_of(o: &Value, n: &Value, place: &str, g: &mut Group) {
    if let (Some(o), Some(n)) = (o.as_object(), n.as_object()) {
        documentation(o, n, place, g);
    }
}

/// What a schema is on the wire, for telling a type change: `string/date-time`,
/// `array of object Foo`, `map of integer`; an object or union by its component name.
fn wire_type(spec: &Spec, schema: &Value) -> String {
    let (name, s) = spec.resolve_named(schema);
    // By the Rust type's name: a schema renamed to a spelling that makes the same type
    // (`text_to_speech`, `TextToSpeech`) is the same type.
    let name = name.map_or("(inline)".into(), crate::generate::tree::rust_name);
    if s.get("oneOf").is_some() || s.get("anyOf").is_some() {
        return format!("union {name}");
    }
    let ty = s.get("type").and_then(Value::as_str).unwrap_or("");
    match ty {
        "array" => format!(
            "array of {}",
            s.get("items")
                .map_or("anything".into(), |i| wire_type(spec, i))
        ),
        "object" | "" if s.get("properties").is_some() => format!("object {name}"),
        "object" => match s.get("additionalProperties") {
            Some(v @ Value::Object(_)) => format!("map of {}", wire_type(spec, v)),
            _ => "object (any properties)".into(),
        },
        "" => "anything".into(),
        // A format is part of the type only where it makes another Rust type; the others
        // (`email`, `uuid`) are constraints.
        scalar => match s.get("format").and_then(Value::as_str) {
            Some(format) if rust_format(scalar, format) => format!("{scalar}/{format}"),
            _ => scalar.to_string(),
        },
    }
}

/// Whether `format` of a `kind` value makes a Rust type of its own (`i32`, `Timestamp`);
/// every number is an `f64` whatever its format.
fn rust_format(kind: &str, format: &str) -> bool {
    kind != "number" && crate::spec::view::kept(kind, format)
}

fn nullable(spec: &Spec, schema: &Value) -> bool {
    let own = schema.get("nullable") == Some(&Value::Bool(true));
    own || spec.resolve(schema).get("nullable") == Some(&Value::Bool(true))
}

/// Compares one value's schema (a property, a parameter, an item): its type, nullability,
/// constraints, enum values and default. A named component both sides refer to is compared
/// once, in its own group.
fn value(old: &Spec, new: &Spec, o: &Value, n: &Value, j: &Judged, place: &str, g: &mut Group) {
    let (ot, nt) = (wire_type(old, o), wire_type(new, n));
    if ot != nt {
        g.push(j.type_changed, place, format!("{ot} → {nt}"));
        return;
    }
    match (nullable(old, o), nullable(new, n)) {
        (false, true) => g.push(j.nullable_added, place, ""),
        (true, false) => g.push(j.nullable_removed, place, ""),
        _ => {}
    }
    if let (Some(a), Some(b)) = (o.as_object(), n.as_object()) {
        documentation(a, b, place, g);
        if a.get("default") != b.get("default") {
            g.push(
                j.default_changed,
                place,
                format!(
                    "default {} → {}",
                    show(a.get("default")),
                    show(b.get("default"))
                ),
            );
        }
    }
    let (on, os) = old.resolve_named(o);
    let (nn, ns) = new.resolve_named(n);
    if on.is_some() && on == nn {
        return;
    }
    constraints(os, ns, j, place, g);
    if let (true, Some(a), Some(b)) = (ot.starts_with("array of"), os.get("items"), ns.get("items"))
    {
        value(old, new, a, b, j, &format!("{place}, its items"), g);
    }
    if let (true, Some(a), Some(b)) = (
        ot.starts_with("map of"),
        os.get("additionalProperties"),
        ns.get("additionalProperties"),
    ) {
        value(old, new, a, b, j, &format!("{place}, its values"), g);
    }
}

fn show(v: Option<&Value>) -> String {
    v.map_or("none".into(), Value::to_string)
}

/// Constraint keywords: `true` where a larger value is looser (maxima).
const LIMITS: [(&str, bool); 8] = [
    ("maxLength", true),
    ("maximum", true),
    ("maxItems", true),
    ("maxProperties", true),
    ("minLength", false),
    ("minimum", false),
    ("minItems", false),
    ("minProperties", false),
];

/// Keywords whose presence restricts values, and whose change may refuse what was allowed.
const RESTRICTIONS: [&str; 5] = [
    "pattern",
    "multipleOf",
    "uniqueItems",
    "exclusiveMinimum",
    "exclusiveMaximum",
];

fn constraints(o: &Value, n: &Value, j: &Judged, place: &str, g: &mut Group) {
    for (key, larger_is_looser) in LIMITS {
        let (a, b) = (
            o.get(key).and_then(Value::as_f64),
            n.get(key).and_then(Value::as_f64),
        );
        let tighter = match (a, b) {
            (None, None) => continue,
            (Some(a), Some(b)) if a == b => continue,
            (None, Some(_)) => true,
            (Some(_), None) => false,
            (Some(a), Some(b)) => (b < a) == larger_is_looser,
        };
        let rule = if tighter { j.tightened } else { j.loosened };
        g.push(
            rule,
            place,
            format!("{key} {} → {}", show(o.get(key)), show(n.get(key))),
        );
    }
    for key in RESTRICTIONS {
        let (a, b) = (o.get(key), n.get(key));
        let off = |v: Option<&Value>| v.is_none() || v == Some(&Value::Bool(false));
        if a == b || (off(a) && off(b)) {
            continue;
        }
        let rule = if off(b) { j.loosened } else { j.tightened };
        g.push(rule, place, format!("{key} {} → {}", show(a), show(b)));
    }
    fn format(s: &Value) -> Option<&str> {
        let kind = s.get("type").and_then(Value::as_str).unwrap_or("");
        s.get("format")
            .and_then(Value::as_str)
            .filter(|f| !rust_format(kind, f))
    }
    if format(o) != format(n) {
        let rule = if format(n).is_some() {
            j.tightened
        } else {
            j.loosened
        };
        g.push(
            rule,
            place,
            format!(
                "format {} → {}",
                format(o).unwrap_or("none"),
                format(n).unwrap_or("none")
            ),
        );
    }
    let values = |s: &Value| -> Option<Vec<String>> {
        Some(
            s.get("enum")?
                .as_array()?
                .iter()
                .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string))
                .collect(),
        )
    };
    if let (Some(a), Some(b)) = (values(o), values(n)) {
        for v in a.iter().filter(|v| !b.contains(v)) {
            g.push(j.enum_removed, place, format!("value `{v}`"));
        }
        for v in b.iter().filter(|v| !a.contains(v)) {
            g.push(j.enum_added, place, format!("value `{v}`"));
        }
    } else if values(o).is_some() != values(n).is_some() {
        let rule = if values(n).is_some() {
            j.tightened
        } else {
            j.loosened
        };
        g.push(rule, place, "enum");
    }
}

/// For each component schema, the directions it is used in by some operation.
fn usage(spec: &Spec) -> BTreeMap<String, BTreeSet<Dir>> {
    let mut out: BTreeMap<String, BTreeSet<Dir>> = BTreeMap::new();
    for op in spec.operations() {
        let mut roots: Vec<(&Value, Dir)> = op
            .parameters()
            .filter_map(|p| p.get("schema"))
            .map(|s| (s, Dir::Request))
            .collect();
        if let Some(s) = op.json.get("requestBody").and_then(json_schema) {
            roots.push((s, Dir::Request));
        }
        for r in op
            .json
            .get("responses")
            .and_then(Value::as_object)
            .into_iter()
            .flat_map(Map::values)
        {
            roots.extend(json_schema(r).map(|s| (s, Dir::Response)));
        }
        for (schema, dir) in roots {
            reach(spec, schema, dir, &mut out);
        }
    }
    out
}

fn reach(spec: &Spec, schema: &Value, dir: Dir, out: &mut BTreeMap<String, BTreeSet<Dir>>) {
    let (name, s) = spec.resolve_named(schema);
    if let Some(name) = name
        && !out.entry(name.to_string()).or_default().insert(dir)
    {
        return;
    }
    let Some(s) = s.as_object() else { return };
    let children = s
        .get("properties")
        .and_then(Value::as_object)
        .into_iter()
        .flat_map(Map::values)
        .chain(
            ["items", "additionalProperties", "not"]
                .iter()
                .filter_map(|k| s.get(*k)),
        )
        .chain(
            ["oneOf", "anyOf", "allOf"]
                .iter()
                .filter_map(|k| s.get(*k).and_then(Value::as_array))
                .flatten(),
        );
    for child in children {
        reach(spec, child, dir, out);
    }
}

fn schemas(old: &Spec, new: &Spec, out: &mut Vec<Change>) {
    let (ou, nu) = (usage(old), usage(new));
    // Schemas the maintainer wrote that appear or go (the normalization's own names follow
    // the properties they were written in, which are judged there).
    let group = |name: &str| format!("Schema `{name}`");
    for (name, _) in new.schemas().filter(|(n, _)| {
        old.schema(n).is_none() && same_type(old, n).is_none() && !new.origins.contains_key(*n)
    }) {
        Group {
            out: &mut *out,
            title: group(name),
            subject: name.to_string(),
        }
        .push(&rules::schema_added, "the schema", "");
    }
    for (name, _) in old.schemas().filter(|(n, _)| {
        new.schema(n).is_none() && same_type(new, n).is_none() && !old.origins.contains_key(*n)
    }) {
        Group {
            out: &mut *out,
            title: group(name),
            subject: name.to_string(),
        }
        .push(&rules::schema_removed, "the schema", "");
    }
    for (name, o) in old.schemas() {
        let Some(n) = new.schema(name).or_else(|| same_type(new, name)) else {
            continue;
        };
        let dirs: BTreeSet<Dir> = ou
            .get(name)
            .into_iter()
            .chain(nu.get(name))
            .flatten()
            .copied()
            .collect();
        let used = match (dirs.contains(&Dir::Request), dirs.contains(&Dir::Response)) {
            (true, true) => " (request and response)",
            (true, false) => " (request)",
            (false, true) => " (response)",
            (false, false) => " (used by no operation: judged where it is merged or used)",
        };
        // A schema the normalization named is also shown where the maintainer wrote it.
        let written = new
            .origins
            .get(name)
            .or_else(|| old.origins.get(name))
            .map(|o| format!(", written as `{}`", o.place))
            .unwrap_or_default();
        let used = used.replacen(')', &format!("{written})"), 1);
        let mut g = Group {
            out: &mut *out,
            title: format!("Schema `{name}`{used}"),
            subject: name.to_string(),
        };
        // A schema no operation uses (an `allOf` part, merged where it is used, which is judged
        // there) has no wire consequence: the public Rust API's diff says what its type does.
        let dirs: Vec<Dir> = dirs.into_iter().collect();
        schema(old, new, o, n, &dirs, &mut g);
    }
}

/// The schema of `spec` whose Rust type is the one `name` makes (a renamed spelling).
fn same_type<'a>(spec: &'a Spec, name: &str) -> Option<&'a Map<String, Value>> {
    let rust = crate::generate::tree::rust_name(name);
    spec.schemas()
        .find(|(n, _)| crate::generate::tree::rust_name(n) == rust)
        .map(|(_, s)| s)
}

fn schema(
    old: &Spec,
    new: &Spec,
    o: &Map<String, Value>,
    n: &Map<String, Value>,
    dirs: &[Dir],
    g: &mut Group,
) {
    documentation(o, n, "the schema", g);
    let (ov, nv) = (Value::Object(o.clone()), Value::Object(n.clone()));
    if o.contains_key("oneOf") || o.contains_key("anyOf") {
        let variants = |spec: &Spec, s: &Map<String, Value>| -> BTreeSet<String> {
            ["oneOf", "anyOf"]
                .iter()
                .filter_map(|k| s.get(*k).and_then(Value::as_array))
                .flatten()
                .map(|v| wire_type(spec, v))
                .collect()
        };
        let (a, b) = (variants(old, o), variants(new, n));
        let tag = |s: &Map<String, Value>| s.get("discriminator").cloned();
        if tag(o) != tag(n) && !dirs.is_empty() {
            let show = |t: Option<Value>| t.map_or("none".into(), |t| t.to_string());
            g.push(
                &rules::union_tag_changed,
                "discriminator",
                format!("{} → {}", show(tag(o)), show(tag(n))),
            );
        }
        for v in a.difference(&b) {
            g.push(
                &rules::union_variant_removed,
                "variants",
                format!("{v} removed"),
            );
        }
        for v in b.difference(&a) {
            g.push(
                &rules::union_variant_added,
                "variants",
                format!("{v} added"),
            );
        }
        return;
    }
    let props = |s: &Map<String, Value>| s.get("properties").and_then(Value::as_object).cloned();
    let (Some(op), Some(np)) = (props(o), props(n)) else {
        // A scalar, enum, list or map component: its constraints and values.
        for &dir in dirs {
            let j = judged(dir);
            if wire_type(old, &ov) != wire_type(new, &nv) {
                g.push(
                    j.type_changed,
                    "the schema",
                    format!("{} → {}", wire_type(old, &ov), wire_type(new, &nv)),
                );
                continue;
            }
            constraints(&ov, &nv, &j, "the schema", g);
        }
        return;
    };
    let required = |s: &Map<String, Value>, p: &str| {
        s.get("required")
            .and_then(Value::as_array)
            .is_some_and(|r| r.iter().any(|v| v.as_str() == Some(p)))
    };
    for &dir in dirs {
        let j = judged(dir);
        let request = dir == Dir::Request;
        for (p, a) in &op {
            let place = format!("`{p}`");
            let Some(b) = np.get(p) else {
                let rule = if request {
                    &rules::request_property_removed
                } else {
                    &rules::response_property_removed
                };
                let detail = if required(o, p) {
                    "was required"
                } else {
                    "was optional"
                };
                g.push(rule, place, detail);
                continue;
            };
            match (required(o, p), required(n, p), request) {
                (false, true, true) => {
                    g.push(&rules::request_property_made_required, place.clone(), "")
                }
                (true, false, true) => {
                    g.push(&rules::request_property_made_optional, place.clone(), "")
                }
                (false, true, false) => {
                    g.push(&rules::response_property_made_required, place.clone(), "")
                }
                (true, false, false) => {
                    g.push(&rules::response_property_made_optional, place.clone(), "")
                }
                _ => {}
            }
            value(old, new, a, b, &j, &place, g);
        }
        for p in np.keys().filter(|p| !op.contains_key(*p)) {
            let rule = match (request, required(n, p)) {
                (true, true) => &rules::request_property_added_required,
                (true, false) => &rules::request_property_added_optional,
                (false, _) => &rules::response_property_added,
            };
            // The request rules name whether it is required; the response rule does not.
            let detail = match (request, required(n, p)) {
                (true, _) => "",
                (false, true) => "required",
                (false, false) => "optional",
            };
            g.push(rule, format!("`{p}`"), detail);
        }
    }
}
