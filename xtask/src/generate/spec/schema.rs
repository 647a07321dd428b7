//! Schemas normalized one at a time: `allOf` merged into one object, a `oneOf` of string
//! enums into one enum, objects marked open, and every inline object, enum and checked string
//! moved to a named component schema (`UpdateAssistantMood` for `UpdateAssistant.mood`).

use std::collections::BTreeMap;

use heck::ToUpperCamelCase;
use serde_json::{Map, Value};

use super::diagnostics::Diagnostics;
use super::{Origin, join};

/// Where a schema sits, and what to call it if it needs a name of its own.
#[derive(Clone)]
pub struct Place {
    /// Its JSON path in the document (`components.schemas.X.properties.y`).
    pub at: String,
    /// The component name it gets if it is named (`XY`).
    pub name: String,
    /// The place as a maintainer would say it (`X.y`, `parameter `mode` of `list_x``).
    pub origin: String,
    /// A parameter's schema: its limits are checked by the runtime, not by a checked type.
    pub parameter: bool,
}

impl Place {
    /// The place of a component schema's root.
    pub fn component(name: &str) -> Self {
        Place {
            at: format!("components.schemas.{name}"),
            name: name.to_string(),
            origin: name.to_string(),
            parameter: false,
        }
    }

    fn property(&self, property: &str) -> Self {
        Place {
            at: join(&self.at, &format!("properties.{property}")),
            name: format!("{}{}", self.name, property.to_upper_camel_case()),
            origin: format!("{}.{property}", self.origin),
            parameter: self.parameter,
        }
    }

    fn items(&self) -> Self {
        Place {
            at: join(&self.at, "items"),
            name: format!("{}Item", self.name),
            origin: format!("{}[]", self.origin),
            parameter: self.parameter,
        }
    }

    fn values(&self) -> Self {
        Place {
            at: join(&self.at, "additionalProperties"),
            name: format!("{}Value", self.name),
            origin: format!("{}{{}}", self.origin),
            parameter: self.parameter,
        }
    }

    /// An `allOf` part: its properties belong to the object it is merged into.
    fn part(&self, index: usize) -> Self {
        Place {
            at: join(&self.at, &format!("allOf.{index}")),
            ..self.clone()
        }
    }
}

/// Normalizes schemas, remembering every schema it names.
pub struct Normalizer<'d> {
    /// `components.schemas` as the maintainer wrote them.
    written: Map<String, Value>,
    /// Component schemas already normalized (an `allOf` may need one before its turn).
    done: Map<String, Value>,
    /// Components being normalized, to refuse an `allOf` that includes itself.
    underway: Vec<String>,
    /// Schemas named by this normalization, and where each was written.
    named: Map<String, Value>,
    origins: BTreeMap<String, Origin>,
    /// What was read other than as written, each with its place.
    pub diagnostics: &'d mut Diagnostics,
}

impl<'d> Normalizer<'d> {
    pub fn new(json: &Value, diagnostics: &'d mut Diagnostics) -> Self {
        Normalizer {
            written: json
                .pointer("/components/schemas")
                .and_then(Value::as_object)
                .cloned()
                .unwrap_or_default(),
            done: Map::new(),
            underway: Vec::new(),
            named: Map::new(),
            origins: BTreeMap::new(),
            diagnostics,
        }
    }

    /// Normalizes every component schema, in document order.
    pub fn components(&mut self) -> Result<(), String> {
        let names: Vec<String> = self.written.keys().cloned().collect();
        for name in names {
            self.component(&name)?;
        }
        Ok(())
    }

    /// The normalized component schema `name` (normalized now if it was not yet).
    fn component(&mut self, name: &str) -> Result<Value, String> {
        if let Some(done) = self.done.get(name) {
            return Ok(done.clone());
        }
        if self.underway.iter().any(|n| n == name) {
            return Err(format!(
                "`components.schemas.{name}` includes itself through `allOf` ({} → {name}); \
                 an object cannot be merged into itself",
                self.underway.join(" → ")
            ));
        }
        let written = self.written.get(name).cloned().ok_or_else(|| {
            format!("`#/components/schemas/{name}` is referenced but not defined")
        })?;
        self.underway.push(name.to_string());
        let normalized = self.node(written, &Place::component(name));
        self.underway.pop();
        let normalized = normalized?;
        self.done.insert(name.to_string(), normalized.clone());
        Ok(normalized)
    }

    /// Normalizes a schema below a component, parameter, body or response, and names it if
    /// it is an object, an enum or a checked string; returns what stands in its place.
    pub fn child(&mut self, schema: Value, place: &Place) -> Result<Value, String> {
        let node = self.node(schema, place)?;
        if !needs_a_name(&node, place.parameter) {
            return Ok(node);
        }
        let place = &self.free_name(place);
        let mut node = node;
        let object = node.as_object_mut().expect("node() returns mappings");
        // A `$ref` ignores its siblings in OpenAPI 3.0: a nullable or described one is
        // `allOf: [$ref]` (the field keeps its description; the type gets it too).
        let nullable = object.remove("nullable") == Some(Value::Bool(true));
        let description = object.get("description").cloned();
        let reference = Value::String(format!("#/components/schemas/{}", place.name));
        self.named.insert(place.name.clone(), node);
        let origin = Origin {
            place: place.origin.clone(),
            at: place.at.clone(),
        };
        self.origins.insert(place.name.clone(), origin);
        let mut only = Map::new();
        only.insert("$ref".into(), reference);
        if !nullable && description.is_none() {
            return Ok(Value::Object(only));
        }
        let mut wrapper = Map::new();
        wrapper.insert("allOf".into(), Value::Array(vec![Value::Object(only)]));
        if let Some(description) = description {
            wrapper.insert("description".into(), description);
        }
        if nullable {
            wrapper.insert("nullable".into(), Value::Bool(true));
        }
        Ok(Value::Object(wrapper))
    }

    /// `place` with a name no component and no other inline schema has (or will have: a
    /// component's name is always its own, so adding a component never renames one): the
    /// name the place gives, else that name with `Inline`, then numbered; a warning says so.
    fn free_name(&mut self, place: &Place) -> Place {
        let taken = |name: &str| {
            let rust = super::names::type_name(name);
            self.written
                .keys()
                .chain(self.named.keys())
                .any(|n| n == name || super::names::type_name(n) == rust)
        };
        if !taken(&place.name) {
            return place.clone();
        }
        let other = self
            .origins
            .get(&place.name)
            .map_or(format!("components.schemas.{}", place.name), |o| {
                o.at.clone()
            });
        let name = std::iter::once(format!("{}Inline", place.name))
            .chain((2..).map(|n| format!("{}Inline{n}", place.name)))
            .find(|name| !taken(name))
            .expect("an endless list of names has a free one");
        self.diagnostics.warn(
            "name-collision",
            &place.at,
            format!(
                "the inline schema would be named `{}`, which is already the name of \
                 `{other}`; it is named `{name}`",
                place.name
            ),
        );
        Place {
            name,
            ..place.clone()
        }
    }

    /// Writes the normalized component schemas (then the named ones) into `json`; returns
    /// where each named schema was written.
    pub fn finish(self, json: &mut Value) -> BTreeMap<String, Origin> {
        let mut schemas = self.done;
        schemas.extend(self.named);
        json["components"]["schemas"] = Value::Object(schemas);
        self.origins
    }

    /// Normalizes one schema and its children, without naming the schema itself.
    fn node(&mut self, schema: Value, place: &Place) -> Result<Value, String> {
        let Value::Object(mut object) = schema else {
            return Err(format!("`{}` is not a schema mapping", place.at));
        };
        if let Some(reference) = object.get("$ref").cloned() {
            if object.len() == 1 {
                return Ok(Value::Object(object));
            }
            // OpenAPI 3.0 ignores a `$ref`'s siblings; a spec that writes `nullable` or a
            // description beside one means them, so say it the 3.0 way: `allOf: [$ref]`.
            object.remove("$ref");
            let mut only = Map::new();
            only.insert("$ref".into(), reference);
            object.insert("allOf".into(), Value::Array(vec![Value::Object(only)]));
        }
        if object.remove("not").is_some() {
            self.diagnostics.warn(
                "not",
                join(&place.at, "not"),
                "ignored: the type accepts the values `not` excludes too (the server checks it)",
            );
        }
        fold_annotations(&mut object);
        fold_single_part(&mut object);
        shape_keywords(&mut object, &place.at, self.diagnostics);
        self.lift_union_part(&mut object, &place.at)?;
        for keyword in ["oneOf", "anyOf"] {
            if let Some(parts) = object.remove(keyword) {
                self.union(&mut object, parts, keyword, place)?;
            }
        }
        nullable_enum(&mut object);
        if let Some(pattern) = object.get("pattern").and_then(Value::as_str) {
            // The SDK checks patterns with regress, as ECMAScript regular expressions.
            regress::Regex::new(pattern).map_err(|e| {
                format!(
                    "`{}.pattern` is not an ECMAScript regular expression: {e}",
                    place.at
                )
            })?;
        }
        if object.get("additionalProperties") == Some(&Value::Bool(false)) {
            // The API grows: the generated types keep properties they do not know, so that
            // nothing is lost on a round trip. The object is read as open.
            object.remove("additionalProperties");
            self.diagnostics.warn(
                "closed-object",
                join(&place.at, "additionalProperties"),
                "`additionalProperties: false` read as open: the generated type keeps \
                 properties it does not know (a newer server's) instead of refusing them",
            );
        }
        if let Some(Value::Object(properties)) = object.get_mut("properties") {
            for (name, child) in properties.iter_mut() {
                *child = self.child(std::mem::take(child), &place.property(name))?;
            }
        }
        if let Some(items) = object.get_mut("items") {
            *items = self.child(std::mem::take(items), &place.items())?;
        }
        if let Some(values @ Value::Object(_)) = object.get_mut("additionalProperties") {
            *values = self.child(std::mem::take(values), &place.values())?;
            // Values that are only described are any values: the free-form object's.
            if values
                .as_object()
                .is_some_and(|v| v.keys().all(|k| is_annotation(k)))
            {
                *values = Value::Object(Map::new());
            }
        }
        if let Some(Value::Array(parts)) = object.get_mut("allOf") {
            for (index, part) in parts.iter_mut().enumerate() {
                *part = self.node(std::mem::take(part), &place.part(index))?;
            }
        }
        if is_merge(&object) {
            self.merge_all_of(&mut object, place)?;
        }
        required_both_ways(&mut object);
        declare_required(&mut object);
        // OpenAPI allows unknown properties unless told otherwise; say so explicitly, so the
        // generated struct keeps them (an API that grows must not lose data on a round trip).
        let is_object = object.get("type").and_then(Value::as_str) == Some("object")
            || object.contains_key("properties");
        if is_object && !matches!(object.get("additionalProperties"), Some(Value::Object(_))) {
            object.insert("additionalProperties".into(), Value::Object(Map::new()));
        }
        document_default(&mut object);
        Ok(Value::Object(object))
    }

    /// A `oneOf`/`anyOf`: of strings only, one string (an open enum if its parts list
    /// values); else a union, whose inline variants get names of their own (see unions.rs).
    fn union(
        &mut self,
        object: &mut Map<String, Value>,
        parts: Value,
        keyword: &str,
        place: &Place,
    ) -> Result<(), String> {
        let at = &place.at;
        let Value::Array(mut parts) = parts else {
            return Err(format!("`{at}.{keyword}` is not a list of schemas"));
        };
        // `oneOf: [{}]` accepts any value the rest of the schema accepts: it says nothing.
        let is_empty = |p: &Value| p.as_object().is_some_and(Map::is_empty);
        if parts.len() == 1 && is_empty(&parts[0]) {
            return Ok(());
        }
        // Parts that only constrain the object's own properties (`anyOf: [{required: [a]},
        // {required: [b]}]`, or a value of one property requiring another) do not shape it:
        // the type is the object.
        const CONSTRAINING: [&str; 6] = [
            "required",
            "minProperties",
            "maxProperties",
            "type",
            "additionalProperties",
            "properties",
        ];
        let own = object.get("properties").and_then(Value::as_object);
        let only_presence = |p: &Value| {
            p.as_object().is_some_and(|p| {
                p.iter().all(|(k, v)| match k.as_str() {
                    "type" => v == "object",
                    "additionalProperties" => v == &Value::Bool(true) || is_empty(v),
                    "properties" => v.as_object().is_some_and(|named| {
                        named
                            .keys()
                            .all(|n| own.is_some_and(|own| own.contains_key(n)))
                    }),
                    _ => CONSTRAINING.contains(&k.as_str()),
                })
            })
        };
        if parts.iter().all(only_presence) {
            self.diagnostics.warn(
                "constraining-union",
                join(at, keyword),
                "only constrains the object's own properties; read as the object without \
                 that constraint (the server checks it)",
            );
            return Ok(());
        }
        let mut distributed = None;
        if object.contains_key("properties") || object.contains_key("allOf") {
            distributed = self.distribute(object, &mut parts, place);
        }
        if distributed.is_none()
            && (object.contains_key("properties") || object.contains_key("enum"))
        {
            // The object's own properties (or values) are what every value has; a variant's
            // other properties are kept as unknown ones, so nothing is lost.
            self.diagnostics.warn(
                "union-beside-properties",
                join(at, keyword),
                "read as the schema's own `properties` (or `enum`) without the variants: \
                 properties only a variant has are kept among the object's unknown ones",
            );
            return Ok(());
        }
        let written = self.written_parts(&parts);
        // Values, a part each (`oneOf: [{const: 1, title: Low}, …]`): one enum of them all,
        // each value documented by its part's `title` and `description`.
        if let Some((kind, values)) = documented_values(&written) {
            object.insert("type".into(), Value::String(kind.into()));
            object.insert(
                "enum".into(),
                Value::Array(values.iter().map(|(v, _)| v.clone()).collect()),
            );
            let docs: Map<String, Value> = values
                .into_iter()
                .filter_map(|(value, doc)| Some((value_key(&value), Value::String(doc?))))
                .collect();
            if !docs.is_empty() {
                object.insert(VALUE_DOCS.into(), Value::Object(docs));
            }
            return Ok(());
        }
        let is_string = |p: &Value| {
            p.get("type").and_then(Value::as_str) == Some("string")
                || p.get("type").is_none()
                    && p.get("enum")
                        .and_then(Value::as_array)
                        .is_some_and(|v| v.iter().all(Value::is_string))
        };
        if !written.is_empty() && written.iter().all(is_string) {
            // Strings, told apart by nothing a string carries: one (open) string.
            let mut values: Vec<Value> = Vec::new();
            for value in written
                .iter()
                .filter_map(|p| p.get("enum"))
                .filter_map(Value::as_array)
                .flatten()
            {
                if value.is_string() && !values.contains(value) {
                    values.push(value.clone());
                }
            }
            object.insert("type".into(), Value::String("string".into()));
            if !values.is_empty() {
                object.insert("enum".into(), Value::Array(values));
            }
            return Ok(());
        }
        let union = Value::Object(object.clone());
        let names = match &distributed {
            Some(d) => d.names.clone(),
            None => super::unions::inline_variant_names(&union, &written),
        };
        for (index, part) in parts.iter_mut().enumerate() {
            if part.get("$ref").is_some() {
                continue;
            }
            let variant = &names[index];
            let variant_place = Place {
                at: format!("{at}.{keyword}.{index}"),
                name: format!("{}{variant}", place.name),
                origin: format!("{} ({variant})", place.origin),
                parameter: place.parameter,
            };
            *part = self.child(std::mem::take(part), &variant_place)?;
        }
        if let Some(distributed) = distributed {
            self.remap_tags(object, &mut parts, &distributed);
        }
        object.insert(keyword.into(), Value::Array(parts));
        Ok(())
    }

    /// `allOf` with one union part (`allOf: [Base, {oneOf: [A, B]}]`): the union is lifted
    /// beside the other parts, which [`Self::distribute`] then merges into each variant.
    /// Not where a variant includes, through `allOf`, a schema being normalized (a subtype
    /// that is `allOf: [Parent, …]` of a union `Parent`): merging it would include itself.
    fn lift_union_part(&mut self, object: &mut Map<String, Value>, at: &str) -> Result<(), String> {
        if super::unions::keyword(&Value::Object(object.clone())).is_some() || !is_merge(object) {
            return Ok(());
        }
        let Some(Value::Array(parts)) = object.get("allOf") else {
            return Ok(());
        };
        let unions: Vec<usize> = (0..parts.len())
            .filter(|&i| self.written_union(&parts[i]).is_some())
            .collect();
        let [index] = unions[..] else {
            return Ok(());
        };
        let written = self.written_union(&parts[index]).unwrap_or_default();
        if self.includes_underway(&parts[index])
            || written.iter().any(|v| self.includes_underway(v))
        {
            return Ok(());
        }
        let only_shapes_it = OBJECT_KEYWORDS
            .iter()
            .filter(|k| !["type", "allOf"].contains(k))
            .all(|k| !object.contains_key(*k));
        if parts.len() == 1 && reference(&parts[index]).is_some() && only_shapes_it {
            // `{type: object, $ref: Union}`: the union itself, its `type` said by its variants.
            if object.get("type").and_then(Value::as_str) == Some("object") {
                object.remove("type");
            }
            return Ok(());
        }
        let part = parts[index].clone();
        let (_, union) = self.resolve_part(&format!("{at}.allOf.{index}"), part)?;
        let Some(keyword) = super::unions::keyword(&Value::Object(union.clone())) else {
            return Ok(());
        };
        let Some(Value::Array(parts)) = object.get_mut("allOf") else {
            return Ok(());
        };
        parts.remove(index);
        if parts.is_empty() {
            object.remove("allOf");
        }
        object.insert(keyword.into(), union[keyword].clone());
        if let Some(discriminator) = union.get("discriminator") {
            object
                .entry("discriminator")
                .or_insert_with(|| discriminator.clone());
        }
        Ok(())
    }

    /// The variants of a union as written, if `schema` is one (inline, or a `$ref` to one).
    fn written_union(&self, schema: &Value) -> Option<Vec<Value>> {
        let schema = self.as_written(schema);
        let keyword = super::unions::keyword(schema)?;
        schema.get(keyword)?.as_array().cloned()
    }

    /// `schema` with its `$ref`s followed to the component as written (as it is where one
    /// is missing).
    fn as_written<'s>(&'s self, schema: &'s Value) -> &'s Value {
        let mut schema = schema;
        for _ in 0..64 {
            match reference(schema).and_then(|r| self.written.get(r)) {
                Some(target) => schema = target,
                None => break,
            }
        }
        schema
    }

    /// A union's parts, each `$ref` replaced by the component it names, as written.
    fn written_parts(&self, parts: &[Value]) -> Vec<Value> {
        parts
            .iter()
            .map(|p| match reference(p).and_then(|r| self.written.get(r)) {
                Some(target) => target.clone(),
                None => p.clone(),
            })
            .collect()
    }

    /// Whether `schema` includes (by `$ref`, `allOf` or a union's variants) a component
    /// being normalized.
    fn includes_underway(&self, schema: &Value) -> bool {
        let mut pending = vec![schema.clone()];
        let mut seen = std::collections::BTreeSet::new();
        while let Some(schema) = pending.pop() {
            if let Some(name) = reference(&schema) {
                if self.underway.iter().any(|n| n == name) {
                    return true;
                }
                if seen.insert(name.to_string())
                    && let Some(written) = self.written.get(name)
                {
                    pending.push(written.clone());
                }
                continue;
            }
            for keyword in ["allOf", "oneOf", "anyOf"] {
                if let Some(Value::Array(parts)) = schema.get(keyword) {
                    pending.extend(parts.iter().cloned());
                }
            }
        }
        false
    }

    /// A union beside the object's own properties or `allOf` parts (`{properties: P, oneOf:
    /// [A, B]}`) is the union of each variant with them: `oneOf: [allOf: [P, A], allOf: [P,
    /// B]]`, each a named object. Variants that are not objects are kept as they are (an
    /// object's keywords say nothing of other values). `None`, and nothing changed, when no
    /// variant is an object, or one includes a schema being normalized.
    fn distribute(
        &mut self,
        object: &mut Map<String, Value>,
        parts: &mut [Value],
        place: &Place,
    ) -> Option<Distributed> {
        let object_like: Vec<bool> = parts.iter().map(|p| !self.is_scalar(p)).collect();
        if !object_like.contains(&true) || parts.iter().any(|p| self.includes_underway(p)) {
            return None;
        }
        let written = self.written_parts(parts);
        let inline = super::unions::inline_variant_names(&Value::Object(object.clone()), &written);
        let mut own = Map::new();
        for key in OBJECT_KEYWORDS {
            if let Some(value) = object.remove(key) {
                own.insert(key.into(), value);
            }
        }
        let shared = own.remove("allOf").and_then(|v| match v {
            Value::Array(parts) => Some(parts),
            _ => None,
        });
        own.insert("type".into(), Value::String("object".into()));
        let mut names = Vec::new();
        let mut from = Vec::new();
        for (index, part) in parts.iter_mut().enumerate() {
            let component = reference(part).map(str::to_string);
            names.push(match &component {
                Some(name) => strip_prefix_name(name, &place.name),
                None => inline[index].clone(),
            });
            from.push(component.filter(|_| object_like[index]));
            if !object_like[index] {
                continue;
            }
            let mut all = vec![Value::Object(own.clone())];
            all.extend(shared.iter().flatten().cloned());
            all.push(std::mem::take(part));
            let mut variant = Map::new();
            variant.insert("allOf".into(), Value::Array(all));
            *part = Value::Object(variant);
        }
        Some(Distributed { names, from })
    }

    /// After [`Self::distribute`], a discriminator's `mapping` names the new variants: each
    /// value that selected a variant component `A` selects the union's own `…A` in its place,
    /// and a variant selected by its component's name (OpenAPI's implicit mapping) keeps it.
    fn remap_tags(&self, object: &mut Map<String, Value>, parts: &mut [Value], d: &Distributed) {
        let Some(tag) = object
            .get("discriminator")
            .and_then(|d| d.get("propertyName"))
            .and_then(Value::as_str)
            .map(str::to_string)
        else {
            return;
        };
        let discriminator = object
            .get_mut("discriminator")
            .and_then(Value::as_object_mut)
            .expect("a discriminator with a property name");
        let mut mapping = match discriminator.remove("mapping") {
            Some(Value::Object(m)) => m,
            _ => Map::new(),
        };
        for (part, component) in parts.iter_mut().zip(&d.from) {
            let Some(component) = component else { continue };
            // The variant's own `$ref`, not a described or nullable wrapper of it.
            if let Some(inner) = alias(part).map(str::to_string) {
                *part = serde_json::json!({"$ref": format!("#/components/schemas/{inner}")});
            }
            let Some(new) = part.get("$ref").cloned() else {
                continue;
            };
            let selects = |target: &Value| {
                target
                    .as_str()
                    .is_some_and(|t| t == component || t.ends_with(&format!("/{component}")))
            };
            let mut mapped = false;
            for target in mapping.values_mut() {
                if selects(target) {
                    *target = new.clone();
                    mapped = true;
                }
            }
            let fixed = self
                .done
                .get(component)
                .and_then(|c| c.pointer(&format!("/properties/{}/enum", escape_pointer(&tag))))
                .and_then(Value::as_array)
                .is_some_and(|values| values.len() == 1);
            if !mapped && !fixed {
                mapping.insert(component.clone(), new);
            }
        }
        if !mapping.is_empty() {
            discriminator.insert("mapping".into(), Value::Object(mapping));
        }
    }

    /// Whether a union's variant is a value other than an object (by its `type` or `enum`).
    fn is_scalar(&self, schema: &Value) -> bool {
        let schema = self.as_written(schema);
        match schema.get("type").and_then(Value::as_str) {
            Some("object") => false,
            Some(_) => true,
            None => schema
                .get("enum")
                .and_then(Value::as_array)
                .is_some_and(|values| values.iter().all(|v| !v.is_object())),
        }
    }

    /// Merges the parts of `allOf` (and the schema's own properties) into one object: the
    /// union of the properties, the required lists joined; nullable if every part is.
    fn merge_all_of(
        &mut self,
        object: &mut Map<String, Value>,
        place: &Place,
    ) -> Result<(), String> {
        let Some(Value::Array(parts)) = object.remove("allOf") else {
            return Ok(());
        };
        let mut resolved = Vec::new();
        for (i, part) in parts.into_iter().enumerate() {
            resolved.push(self.resolve_part(&format!("{}.allOf.{i}", place.at), part)?);
        }
        let is_union =
            |part: &Map<String, Value>| part.contains_key("oneOf") || part.contains_key("anyOf");
        let is_object_like = |part: &Map<String, Value>| {
            !is_union(part)
                && (part.get("type").and_then(Value::as_str) == Some("object")
                    || part.get("type").is_none() && !part.contains_key("enum"))
        };
        let shapes_objects = |part: &Map<String, Value>| {
            is_object_like(part)
                && (part.contains_key("properties")
                    || part.get("type").and_then(Value::as_str) == Some("object"))
        };
        if !resolved
            .iter()
            .any(|(_, p)| shapes_objects(p) || is_union(p))
            && !shapes_objects(object)
        {
            self.intersect_values(object, &resolved, place);
            return Ok(());
        }
        let mut properties: Map<String, Value> = Map::new();
        let mut sources: BTreeMap<String, String> = BTreeMap::new();
        let mut required: Vec<Value> = Vec::new();
        let mut every_part_nullable = !resolved.is_empty();
        let own = (place.at.clone(), object.clone());
        for (at, part) in resolved.into_iter().chain(std::iter::once(own)) {
            let is_own = at == place.at;
            if !is_object_like(&part) {
                let what = if is_union(&part) {
                    "a union: its variants' properties are kept among the object's unknown \
                     properties"
                } else {
                    "not an object, so it cannot be merged into one: ignored"
                };
                self.diagnostics.warn(
                    "all-of-part",
                    &at,
                    format!("this `allOf` part of `{}` is {what}", place.at),
                );
                continue;
            }
            if !is_own {
                every_part_nullable &= part.get("nullable") == Some(&Value::Bool(true));
                if !object.contains_key("description")
                    && let Some(d) = part.get("description")
                {
                    object.insert("description".into(), d.clone());
                }
                if let Some(values @ Value::Object(v)) = part.get("additionalProperties")
                    && !v.is_empty()
                {
                    object
                        .entry("additionalProperties")
                        .or_insert_with(|| values.clone());
                }
            }
            for (name, schema) in part
                .get("properties")
                .and_then(Value::as_object)
                .into_iter()
                .flatten()
            {
                let here = format!("{at}.properties.{name}");
                match properties.get_mut(name) {
                    Some(existing) if same_but_annotations(existing, schema) => {
                        annotate_from(existing, schema);
                    }
                    Some(existing) => {
                        let narrower = self.narrower(existing, schema);
                        if narrower.is_none() {
                            self.diagnostics.warn(
                                "all-of-conflict",
                                &here,
                                format!(
                                    "`allOf` at `{}` merges two different schemas for \
                                     property `{name}` (`{}` and this one); a valid value \
                                     satisfies both, so this later one is its type",
                                    place.at, sources[name]
                                ),
                            );
                        }
                        if narrower != Some(false) {
                            *existing = schema.clone();
                            sources.insert(name.clone(), here);
                        }
                    }
                    None => {
                        properties.insert(name.clone(), schema.clone());
                        sources.insert(name.clone(), here);
                    }
                }
            }
            for name in part
                .get("required")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                if !required.contains(name) {
                    required.push(name.clone());
                }
            }
        }
        object.insert("type".into(), Value::String("object".into()));
        object.insert("properties".into(), Value::Object(properties));
        if required.is_empty() {
            object.remove("required");
        } else {
            object.insert("required".into(), Value::Array(required));
        }
        if every_part_nullable {
            object.insert("nullable".into(), Value::Bool(true));
        }
        Ok(())
    }

    /// `allOf` of values that are not objects (an enum narrowed by another, a string with a
    /// format beside one with a length): one schema with every part's keywords, the lists of
    /// values intersected; where two parts set one keyword differently, the later wins, with
    /// a warning.
    fn intersect_values(
        &mut self,
        object: &mut Map<String, Value>,
        parts: &[(String, Map<String, Value>)],
        place: &Place,
    ) {
        for (at, part) in parts {
            for (key, value) in part {
                match object.get_mut(key) {
                    None => {
                        object.insert(key.clone(), value.clone());
                    }
                    Some(own) if own == value => {}
                    Some(Value::Array(own)) if key == "enum" => {
                        if let Value::Array(values) = value {
                            own.retain(|v| values.contains(v));
                        }
                    }
                    Some(_) if ANNOTATIONS.contains(&key.as_str()) || key.starts_with("x-") => {}
                    Some(own) => {
                        self.diagnostics.warn(
                            "all-of-conflict",
                            join(at, key),
                            format!(
                                "`allOf` at `{}` sets `{key}` twice; the later part's value \
                                 is used",
                                place.at
                            ),
                        );
                        *own = value.clone();
                    }
                }
            }
        }
    }

    /// Of two schemas for one property, whether the second is the narrower one (`Some(true)`),
    /// the first (`Some(false)`), or neither is known to be (`None`): an any-value schema is
    /// wider than every other, and an enum wider than one whose values are among its own.
    fn narrower(&mut self, first: &Value, second: &Value) -> Option<bool> {
        let values = |this: &mut Self, schema: &Value| -> Option<Value> {
            let resolved = match reference(schema) {
                Some(name) => this
                    .done
                    .get(name)
                    .or_else(|| this.named.get(name))
                    .cloned()?,
                None => schema.clone(),
            };
            let says_only = |allowed: &[&str]| {
                resolved.as_object().is_some_and(|o| {
                    o.keys().all(|k| {
                        ANNOTATIONS.contains(&k.as_str())
                            || k.starts_with("x-")
                            || allowed.contains(&k.as_str())
                    })
                })
            };
            if says_only(&[]) {
                return Some(Value::Null);
            }
            if says_only(&["type", "nullable"]) {
                // Any value of one type (a plain `type: string`): as wide as that type goes.
                return resolved
                    .get("type")
                    .map(|t| serde_json::json!({ "type": t }));
            }
            resolved.get("enum").cloned()
        };
        let of_type = |values: &Value, kind: &Value| {
            values.as_array().is_some_and(|values| {
                values.iter().all(|v| match kind["type"].as_str() {
                    Some("string") => v.is_string(),
                    Some("integer") => v.is_i64() || v.is_u64(),
                    Some("number") => v.is_number(),
                    Some("boolean") => v.is_boolean(),
                    _ => false,
                })
            })
        };
        let (a, b) = (values(self, first), values(self, second));
        let within = |inner: &Value, outer: &Value| {
            inner
                .as_array()
                .zip(outer.as_array())
                .is_some_and(|(i, o)| i.iter().all(|v| o.contains(v)))
        };
        match (a, b) {
            (Some(Value::Null), _) => Some(true),
            (_, Some(Value::Null)) => Some(false),
            (Some(kind @ Value::Object(_)), Some(b)) if of_type(&b, &kind) => Some(true),
            (Some(a), Some(kind @ Value::Object(_))) if of_type(&a, &kind) => Some(false),
            (Some(a), Some(b)) if within(&b, &a) => Some(true),
            (Some(a), Some(b)) if within(&a, &b) => Some(false),
            _ => None,
        }
    }

    /// An `allOf` part with its `$ref` (and any chain of `allOf: [$ref]` aliases) followed to
    /// the normalized component; returns where it was defined, too.
    fn resolve_part(
        &mut self,
        at: &str,
        part: Value,
    ) -> Result<(String, Map<String, Value>), String> {
        let mut at = at.to_string();
        let mut part = part;
        for _ in 0..64 {
            let next = match reference(&part) {
                Some(name) => name.to_string(),
                None => match alias(&part) {
                    Some(name) => name.to_string(),
                    None => break,
                },
            };
            at = format!("components.schemas.{next}");
            let nullable = part.get("nullable") == Some(&Value::Bool(true));
            part = self.component(&next)?;
            if nullable && let Some(o) = part.as_object_mut() {
                o.insert("nullable".into(), Value::Bool(true));
            }
        }
        match part {
            Value::Object(o) => Ok((at, o)),
            _ => Err(format!("`{at}` is not a schema mapping")),
        }
    }
}

/// What a union's variants were before [`Normalizer::distribute`] merged the object's own
/// keywords into them: their names, and the component each object variant was.
struct Distributed {
    names: Vec<String>,
    from: Vec<Option<String>>,
}

/// The keywords that shape an object, which a union beside them gives each of its variants.
const OBJECT_KEYWORDS: [&str; 7] = [
    "properties",
    "required",
    "allOf",
    "type",
    "additionalProperties",
    "minProperties",
    "maxProperties",
];

/// A variant component's name within its union's: `PetCat` in `Pet` is `Cat`.
fn strip_prefix_name(component: &str, union: &str) -> String {
    let rust = super::names::type_name(component);
    match rust.strip_prefix(&super::names::type_name(union)) {
        Some(rest) if rest.starts_with(|c: char| c.is_ascii_uppercase()) => rest.to_string(),
        _ => rust,
    }
}

/// Keywords that cannot shape this schema's values: `properties: {}` (says nothing: a free-form
/// object), object keywords beside another `type` and `enum: []` (ignored, with a warning).
fn shape_keywords(object: &mut Map<String, Value>, at: &str, diagnostics: &mut Diagnostics) {
    if object
        .get("properties")
        .is_some_and(|p| p.as_object().is_some_and(Map::is_empty))
    {
        object.remove("properties");
        object
            .entry("type")
            .or_insert_with(|| Value::String("object".into()));
    }
    let kind = object
        .get("type")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    if !kind.is_empty() && kind != "object" {
        for key in ["properties", "required", "additionalProperties"] {
            if object.remove(key).is_some() {
                diagnostics.warn(
                    "keyword-for-another-type",
                    join(at, key),
                    format!("ignored: the schema's `type` is `{kind}`, not `object`"),
                );
            }
        }
    }
    if !kind.is_empty() && kind != "array" && object.remove("items").is_some() {
        diagnostics.warn(
            "keyword-for-another-type",
            join(at, "items"),
            format!("ignored: the schema's `type` is `{kind}`, not `array`"),
        );
    }
    if kind == "array" && !object.contains_key("items") {
        object.insert("items".into(), Value::Object(Map::new()));
    }
    if object
        .get("enum")
        .is_some_and(|e| e.as_array().is_some_and(Vec::is_empty))
    {
        object.remove("enum");
        diagnostics.warn(
            "empty-enum",
            join(at, "enum"),
            "`enum: []` (no value is valid) ignored: the type accepts any value of its `type`",
        );
    }
}

/// `enum: [a, b, null]` is the 3.0 way to write a nullable enum: an open enum, nullable.
fn nullable_enum(object: &mut Map<String, Value>) {
    let Some(Value::Array(values)) = object.get_mut("enum") else {
        return;
    };
    if values.iter().any(Value::is_null) && values.iter().any(Value::is_string) {
        values.retain(|v| !v.is_null());
        object.insert("nullable".into(), Value::Bool(true));
    }
}

/// Keywords that say something about a value without shaping it.
const ANNOTATIONS: [&str; 8] = [
    "description",
    "title",
    "example",
    "deprecated",
    "readOnly",
    "writeOnly",
    "nullable",
    "externalDocs",
];

/// Whether two schemas shape values alike, whatever they say about them (`nullable` aside,
/// which shapes).
fn same_but_annotations(a: &Value, b: &Value) -> bool {
    let shaping = |schema: &Value| -> Option<Map<String, Value>> {
        let mut map = schema.as_object()?.clone();
        map.retain(|k, _| {
            k == "nullable" || !(ANNOTATIONS.contains(&k.as_str()) || k.starts_with("x-"))
        });
        Some(map)
    };
    a == b || shaping(a).is_some_and(|x| Some(x) == shaping(b))
}

/// Fills the annotations `into` lacks from `from`.
fn annotate_from(into: &mut Value, from: &Value) {
    if let (Some(into), Some(from)) = (into.as_object_mut(), from.as_object()) {
        for (key, value) in from {
            into.entry(key.clone()).or_insert_with(|| value.clone());
        }
    }
}

/// `allOf` parts that only annotate (a description, an example, `deprecated`…) annotate the
/// schema itself, so `allOf: [{$ref: X}, {description: …}]` reads as a described `X`.
fn fold_annotations(object: &mut Map<String, Value>) {
    let Some(Value::Array(parts)) = object.get_mut("allOf") else {
        return;
    };
    let annotates = |part: &Value| {
        part.as_object().is_some_and(|p| {
            !p.is_empty()
                && p.keys()
                    .all(|k| ANNOTATIONS.contains(&k.as_str()) || k.starts_with("x-"))
        })
    };
    let (notes, kept): (Vec<Value>, Vec<Value>) =
        std::mem::take(parts).into_iter().partition(annotates);
    if kept.is_empty() {
        object.remove("allOf");
    } else {
        *parts = kept;
    }
    for (key, value) in notes
        .into_iter()
        .filter_map(|n| n.as_object().cloned())
        .flatten()
    {
        object.entry(key).or_insert(value);
    }
}

/// `allOf` of one inline schema is that schema, annotated by the keywords beside `allOf`
/// (dropshot writes `{title, allOf: [{type: string, format: uuid}]}`); folded in unless a
/// keyword on both sides shapes the value differently (then the parts are merged as objects).
fn fold_single_part(object: &mut Map<String, Value>) {
    let Some(Value::Array(parts)) = object.get("allOf") else {
        return;
    };
    let [Value::Object(part)] = parts.as_slice() else {
        return;
    };
    if part.contains_key("$ref") {
        return;
    }
    let conflicts = part.iter().any(|(key, value)| {
        !ANNOTATIONS.contains(&key.as_str())
            && !key.starts_with("x-")
            && object.get(key).is_some_and(|own| own != value)
    });
    if conflicts {
        return;
    }
    let part = part.clone();
    object.remove("allOf");
    for (key, value) in part {
        object.entry(key).or_insert(value);
    }
}

/// A `readOnly` property is required only in responses and a `writeOnly` one only in
/// requests (OpenAPI 3.0); one type serves both, so both are optional in it.
fn required_both_ways(object: &mut Map<String, Value>) {
    let one_way: Vec<String> = object
        .get("properties")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .filter(|(_, p)| {
            p.get("readOnly") == Some(&Value::Bool(true))
                || p.get("writeOnly") == Some(&Value::Bool(true))
        })
        .map(|(name, _)| name.clone())
        .collect();
    if let Some(Value::Array(required)) = object.get_mut("required") {
        required.retain(|r| !r.as_str().is_some_and(|r| one_way.iter().any(|o| o == r)));
        if required.is_empty() {
            object.remove("required");
        }
    }
}

/// A keyword that describes a value without constraining it (`nullable` included: every
/// value kept as any value may be `null`).
fn is_annotation(keyword: &str) -> bool {
    matches!(
        keyword,
        "description"
            | "title"
            | "example"
            | "examples"
            | "deprecated"
            | "readOnly"
            | "writeOnly"
            | "nullable"
            | "default"
    ) || keyword.starts_with("x-")
}

/// A required property the object does not describe is any value (`{}`), said explicitly so
/// that it gets the type of any value (`invent::RawJson`) like a described one.
fn declare_required(object: &mut Map<String, Value>) {
    let Some(Value::Array(required)) = object.get("required") else {
        return;
    };
    let names: Vec<String> = required
        .iter()
        .filter_map(Value::as_str)
        .map(str::to_string)
        .collect();
    let Some(Value::Object(properties)) = object.get_mut("properties") else {
        return;
    };
    for name in names {
        properties
            .entry(name)
            .or_insert_with(|| Value::Object(Map::new()));
    }
}

/// The component named by `{$ref: "#/components/schemas/X"}`.
fn reference(schema: &Value) -> Option<&str> {
    schema
        .get("$ref")?
        .as_str()?
        .strip_prefix("#/components/schemas/")
}

/// `X` for `{allOf: [{$ref: X}]}` with nothing else that shapes the value (a description
/// or `nullable` beside it): the way OpenAPI 3.0 annotates a reference.
fn alias(schema: &Value) -> Option<&str> {
    let object = schema.as_object()?;
    let Some(Value::Array(parts)) = object.get("allOf") else {
        return None;
    };
    let shaping = [
        "properties",
        "required",
        "additionalProperties",
        "type",
        "items",
    ];
    if parts.len() != 1 || shaping.iter().any(|k| object.contains_key(*k)) {
        return None;
    }
    reference(&parts[0])
}

/// Whether `allOf` here is a merge of several parts (not an annotated reference).
fn is_merge(object: &Map<String, Value>) -> bool {
    object.contains_key("allOf") && alias(&Value::Object(object.clone())).is_none()
}

/// The schemas that become named types: objects with properties, string enums, unions, and strings whose
/// limits a checked type enforces (outside parameters, whose limits the runtime checks).
fn needs_a_name(schema: &Value, parameter: bool) -> bool {
    let has = |key: &str| schema.get(key).is_some();
    let has_properties = schema
        .get("properties")
        .and_then(Value::as_object)
        .is_some_and(|p| !p.is_empty());
    let checked_string = schema.get("type").and_then(Value::as_str) == Some("string")
        && (has("minLength") || has("maxLength") || has("pattern"));
    let string_enum = schema
        .get("enum")
        .and_then(Value::as_array)
        .is_some_and(|values| values.iter().all(Value::is_string));
    let union = has("oneOf") || has("anyOf");
    string_enum || union || has_properties || (checked_string && !parameter)
}

/// Each documented value of an enum made of a union's parts, by its text (`"active"`, `1`):
/// the part's `title` and `description`. The enum pass writes them on the variants; a number
/// enum's docs list them.
pub const VALUE_DOCS: &str = "x-invent-value-docs";

/// A value a union's part lists, and that part's docs.
type DocumentedValue = (Value, Option<String>);

/// A union whose every part lists values (`const`, read as a one-value `enum`, or `enum`) and
/// says nothing else but their docs: the values' type (`string`, `integer` or `number`) and
/// each value with its part's docs, in order, once each.
fn documented_values(parts: &[Value]) -> Option<(&'static str, Vec<DocumentedValue>)> {
    const SAYS_NOTHING_ELSE: [&str; 7] = [
        "enum",
        "type",
        "title",
        "description",
        "example",
        "deprecated",
        "default",
    ];
    let mut values: Vec<DocumentedValue> = Vec::new();
    for part in parts {
        let part = part.as_object()?;
        if part
            .keys()
            .any(|k| !SAYS_NOTHING_ELSE.contains(&k.as_str()) && !k.starts_with("x-"))
        {
            return None;
        }
        let listed = part.get("enum")?.as_array().filter(|v| !v.is_empty())?;
        let text = |key| part.get(key).and_then(Value::as_str).map(str::trim);
        let doc = match (text("title"), text("description")) {
            (Some(title), Some(about)) => Some(format!("{title}: {about}")),
            (Some(one), None) | (None, Some(one)) => Some(one.to_string()),
            (None, None) => None,
        };
        for value in listed {
            if !values.iter().any(|(v, _)| v == value) {
                values.push((value.clone(), doc.clone()));
            }
        }
    }
    let kind = if values.iter().all(|(v, _)| v.is_string()) {
        "string"
    } else if values.iter().all(|(v, _)| v.is_i64() || v.is_u64()) {
        "integer"
    } else if values.iter().all(|(v, _)| v.is_number()) {
        "number"
    } else {
        return None;
    };
    // A part's `type` must agree with its values (an integer is also a number).
    let agrees = |part: &Value| match part.get("type").and_then(Value::as_str) {
        None => true,
        Some(t) => t == kind || (t == "number" && kind == "integer"),
    };
    (!values.is_empty() && parts.iter().all(agrees)).then_some((kind, values))
}

/// A value's key among [`VALUE_DOCS`]: a string as it is, a number as its JSON text.
pub fn value_key(value: &Value) -> String {
    value
        .as_str()
        .map_or_else(|| value.to_string(), str::to_string)
}

/// A `default` is documented, not applied: the property stays optional on the wire (absent
/// is not the default), so the docs say what the server assumes when it is absent. So are the
/// values of a number enum, which stays an open number (view.rs drops the `enum`).
fn document_default(object: &mut Map<String, Value>) {
    if let Some(default) = object.get("default") {
        let note = format!("Defaults to `{default}` when absent.");
        add_note(object, note);
    }
    if let Some(Value::Array(values)) = object.get("enum")
        && !values.iter().all(Value::is_string)
    {
        let docs = object.get(VALUE_DOCS);
        let values: Vec<String> = values
            .iter()
            .map(|value| {
                match docs
                    .and_then(|d| d.get(value_key(value)))
                    .and_then(Value::as_str)
                {
                    Some(doc) => format!("{value} ({doc})"),
                    None => value.to_string(),
                }
            })
            .collect();
        let note = format!("Documented values: {}.", values.join(", "));
        add_note(object, note);
    }
}

fn add_note(object: &mut Map<String, Value>, note: String) {
    let description = match object.get("description").and_then(Value::as_str) {
        Some(d) if d.contains(&note) => return,
        Some(d) => format!("{d}\n\n{note}"),
        None => note,
    };
    object.insert("description".into(), Value::String(description));
}

/// Follows a schema's `$ref` (and annotated references) to the component it names.
pub fn resolve<'a>(json: &'a Value, schema: &'a Value) -> &'a Value {
    resolve_named(json, schema).1
}

/// Follows `$ref`s and annotated references; returns the last component name passed through
/// (if any) and the schema reached.
pub fn resolve_named<'a>(json: &'a Value, schema: &'a Value) -> (Option<&'a str>, &'a Value) {
    let mut schema = schema;
    let mut last = None;
    for _ in 0..64 {
        let Some(name) = reference(schema).or_else(|| alias(schema)) else {
            break;
        };
        match json.pointer(&format!("/components/schemas/{}", escape_pointer(name))) {
            Some(next) => {
                schema = next;
                last = Some(name);
            }
            None => break,
        }
    }
    (last, schema)
}

pub(crate) fn escape_pointer(s: &str) -> String {
    s.replace('~', "~0").replace('/', "~1")
}

/// A nullable component schema becomes non-nullable, and each reference to it nullable
/// (`allOf: [$ref]` with `nullable: true`): typify would wrap the component's type in an
/// `Option` newtype; at the use site the field passes make it a `Patch` or an `Option`.
pub fn nullable_at_use_sites(json: &mut Value) {
    let Some(Value::Object(schemas)) = json.pointer_mut("/components/schemas") else {
        return;
    };
    let mut nullable = Vec::new();
    for (name, schema) in schemas.iter_mut() {
        if let Some(o) = schema.as_object_mut()
            && o.get("nullable") == Some(&Value::Bool(true))
            && alias(&Value::Object(o.clone())).is_none()
        {
            o.remove("nullable");
            nullable.push(name.clone());
        }
    }
    if !nullable.is_empty() {
        mark_uses(json, &nullable);
    }
}

fn mark_uses(value: &mut Value, nullable: &[String]) {
    let is_nullable = |v: &Value| reference(v).is_some_and(|r| nullable.iter().any(|n| n == r));
    match value {
        Value::Object(object) => {
            if is_nullable(&Value::Object(object.clone())) {
                let reference = std::mem::take(object);
                object.insert("allOf".into(), Value::Array(vec![Value::Object(reference)]));
                object.insert("nullable".into(), Value::Bool(true));
                return;
            }
            let annotated = alias(&Value::Object(object.clone()))
                .is_some_and(|r| nullable.iter().any(|n| n == r));
            if annotated {
                object.insert("nullable".into(), Value::Bool(true));
                return;
            }
            object.values_mut().for_each(|v| mark_uses(v, nullable));
        }
        Value::Array(items) => items.iter_mut().for_each(|v| mark_uses(v, nullable)),
        _ => {}
    }
}
