//! OpenAPI Overlay 1.0 documents (`overlays/*.yaml` beside the spec), applied in file-name
//! order to the document as read, before anything else reads it: fixes that survive a pull.

use std::path::{Path, PathBuf};

use serde_json::{Map, Value};
use serde_json_path::JsonPath;

use crate::Error;

/// The folder beside the spec that holds its overlays.
pub const FOLDER: &str = "overlays";

/// One overlay document, checked: its actions in order.
pub struct Overlay {
    /// The file, as found; errors name it.
    pub path: PathBuf,
    /// The file as warnings name it: `overlays/02-fix.yaml`.
    pub name: String,
    actions: Vec<Action>,
}

/// One action of an overlay: where it applies and what it does there.
struct Action {
    target: JsonPath,
    /// The JSONPath as written, for messages.
    target_text: String,
    /// What is merged into every node the target selects (unused when `remove` is true).
    update: Option<Value>,
    remove: bool,
}

/// Something an overlay did that the maintainer should know of, though it is not an error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// The overlay and its action: `overlays/02-fix.yaml: actions.3`.
    pub at: String,
    pub message: String,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.at, self.message)
    }
}

/// The overlays of the spec at `spec_path`: every `.yaml`, `.yml` and `.json` file in the
/// folder `overlays/` beside it, in file-name order; none if there is no such folder.
pub fn beside(spec_path: &Path) -> Result<Vec<Overlay>, Error> {
    let dir = spec_path.parent().unwrap_or(Path::new("")).join(FOLDER);
    read_dir(&dir)
}

/// Every overlay file in `dir`, in file-name order; none if `dir` does not exist.
pub fn read_dir(dir: &Path) -> Result<Vec<Overlay>, Error> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io(dir, e)),
    };
    let mut files = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| Error::io(dir, e))?.path();
        let is_overlay = matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("yaml" | "yml" | "json")
        );
        if is_overlay && path.is_file() {
            files.push(path);
        }
    }
    files.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
    files
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
            let file = path.file_name().unwrap_or_default().to_string_lossy();
            parse(path, &format!("{FOLDER}/{file}"), &text)
        })
        .collect()
}

/// Reads one overlay document (YAML or JSON); `path` names it in errors, `name` in warnings.
pub fn parse(path: &Path, name: &str, text: &str) -> Result<Overlay, Error> {
    let fail = |message: String| Error::spec(path, message);
    let json = crate::spec::document(text).map_err(fail)?;
    let root = json
        .as_object()
        .ok_or_else(|| fail("the overlay is not a mapping".into()))?;
    only_known(root, "", &["overlay", "info", "extends", "actions"]).map_err(fail)?;
    match root.get("overlay") {
        Some(Value::String(v)) if is_version_1_0(v) => {}
        Some(Value::String(v)) => {
            return Err(fail(format!(
                "overlay: version `{v}`: this generator applies Overlay 1.0.x documents"
            )));
        }
        Some(other) => {
            return Err(fail(format!(
                "overlay: `{other}` is not a version string (write `overlay: 1.0.0`)"
            )));
        }
        None => {
            return Err(fail(
                "overlay: missing: an Overlay document starts with `overlay: 1.0.0`".into(),
            ));
        }
    }
    let info = root.get("info").and_then(Value::as_object).ok_or_else(|| {
        fail("info: missing or not a mapping (it needs `title` and `version`)".into())
    })?;
    only_known(info, "info", &["title", "version"]).map_err(fail)?;
    for field in ["title", "version"] {
        if !info.get(field).is_some_and(Value::is_string) {
            return Err(fail(format!("info.{field}: missing or not a string")));
        }
    }
    if root.get("extends").is_some_and(|v| !v.is_string()) {
        return Err(fail(
            "extends: not a string (it is the URL of the target document)".into(),
        ));
    }
    let actions = match root.get("actions") {
        Some(Value::Array(actions)) if !actions.is_empty() => actions,
        Some(Value::Array(_)) => {
            return Err(fail("actions: empty: list at least one action".into()));
        }
        _ => return Err(fail("actions: missing or not a list".into())),
    };
    let actions = actions
        .iter()
        .enumerate()
        .map(|(i, action)| read_action(action, &format!("actions.{i}")))
        .collect::<Result<_, _>>()
        .map_err(fail)?;
    Ok(Overlay {
        path: path.to_path_buf(),
        name: name.to_string(),
        actions,
    })
}

fn is_version_1_0(version: &str) -> bool {
    version
        .strip_prefix("1.0.")
        .is_some_and(|patch| !patch.is_empty() && patch.bytes().all(|b| b.is_ascii_digit()))
}

/// Refuses a field the Overlay specification does not define (`x-` extensions are allowed),
/// so a misspelt `updte` is an error rather than an action that silently does nothing.
fn only_known(object: &Map<String, Value>, at: &str, known: &[&str]) -> Result<(), String> {
    match object
        .keys()
        .find(|k| !known.contains(&k.as_str()) && !k.starts_with("x-"))
    {
        Some(key) => Err(format!(
            "{}: unknown field (the fields here are {})",
            crate::spec::join(at, key),
            known
                .iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )),
        None => Ok(()),
    }
}

fn read_action(action: &Value, at: &str) -> Result<Action, String> {
    let object = action
        .as_object()
        .ok_or_else(|| format!("{at}: not a mapping"))?;
    only_known(object, at, &["target", "description", "update", "remove"])?;
    let target_text = match object.get("target") {
        Some(Value::String(target)) => target.clone(),
        Some(_) => return Err(format!("{at}.target: not a string")),
        None => return Err(format!("{at}.target: missing")),
    };
    let target = JsonPath::parse(&target_text).map_err(|e| {
        format!("{at}.target: `{target_text}` is not a valid JSONPath (RFC 9535): {e}")
    })?;
    if object.get("description").is_some_and(|d| !d.is_string()) {
        return Err(format!("{at}.description: not a string"));
    }
    let remove = match object.get("remove") {
        None => false,
        Some(Value::Bool(remove)) => *remove,
        Some(other) => return Err(format!("{at}.remove: `{other}` is not `true` or `false`")),
    };
    let update = object.get("update").cloned();
    if update.is_none() && !remove {
        return Err(format!(
            "{at}: neither `update` nor `remove: true`, so the action would change nothing"
        ));
    }
    Ok(Action {
        target,
        target_text,
        update,
        remove,
    })
}

impl Overlay {
    /// Applies the actions in order, each to the result of the one before. A target that
    /// selects nothing is not an error (the Overlay specification says so) but a warning.
    pub fn apply(&self, document: &mut Value) -> Result<Vec<Warning>, Error> {
        let mut warnings = Vec::new();
        for (i, action) in self.actions.iter().enumerate() {
            let at = format!("actions.{i}");
            let warn = |message: String| Warning {
                at: format!("{}: {at}", self.name),
                message,
            };
            let selected = locations(&action.target, document);
            if selected.is_empty() {
                warnings.push(warn(format!(
                    "target `{}` selects nothing, so the action changed nothing",
                    action.target_text
                )));
                continue;
            }
            let fail = |field: &str, message: String| {
                Error::spec(&self.path, format!("{at}.{field}: {message}"))
            };
            if action.remove {
                if action.update.is_some() {
                    warnings.push(warn(
                        "`update` is not applied because `remove` is true".into(),
                    ));
                }
                remove(document, selected).map_err(|m| fail("target", m))?;
            } else {
                let update = action.update.as_ref().unwrap_or(&Value::Null);
                for location in &selected {
                    update_at(document, location, update).map_err(|m| fail("update", m))?;
                }
            }
        }
        Ok(warnings)
    }
}

/// Applies every overlay, in order, to `document`; the warnings of all of them.
pub fn apply_all(overlays: &[Overlay], document: &mut Value) -> Result<Vec<Warning>, Error> {
    let mut warnings = Vec::new();
    for overlay in overlays {
        warnings.extend(overlay.apply(document)?);
    }
    Ok(warnings)
}

/// One step of a node's location: a key of an object or an index of an array.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Step {
    Key(String),
    Index(usize),
}

/// Where each node the target selects is, each once, in the order the query gives them.
fn locations(target: &JsonPath, document: &Value) -> Vec<Vec<Step>> {
    target
        .query_located(document)
        .dedup()
        .locations()
        .map(|location| {
            location
                .iter()
                .map(|step| match step.as_index() {
                    Some(i) => Step::Index(i),
                    None => Step::Key(step.as_name().unwrap_or_default().to_string()),
                })
                .collect()
        })
        .collect()
}

/// A location as messages name places in the document: `paths./a.get.parameters.0`.
fn dotted(location: &[Step]) -> String {
    if location.is_empty() {
        return "the document's root".into();
    }
    location
        .iter()
        .map(|step| match step {
            Step::Key(key) => key.clone(),
            Step::Index(i) => i.to_string(),
        })
        .collect::<Vec<_>>()
        .join(".")
}

fn node_mut<'a>(document: &'a mut Value, location: &[Step]) -> Option<&'a mut Value> {
    location.iter().try_fold(document, |node, step| match step {
        Step::Key(key) => node.as_object_mut()?.get_mut(key),
        Step::Index(i) => node.as_array_mut()?.get_mut(*i),
    })
}

/// Removes every selected node from the object or array that holds it. Later places go
/// first (a node inside another before it, a higher index before a lower one), so that no
/// removal moves a node still to be removed.
fn remove(document: &mut Value, mut selected: Vec<Vec<Step>>) -> Result<(), String> {
    selected.sort();
    for location in selected.iter().rev() {
        let Some((last, parent)) = location.split_last() else {
            return Err("the target selects the document's root, which cannot be removed".into());
        };
        let removed = match (node_mut(document, parent), last) {
            (Some(Value::Object(object)), Step::Key(key)) => object.shift_remove(key).is_some(),
            (Some(Value::Array(items)), Step::Index(i)) if *i < items.len() => {
                items.remove(*i);
                true
            }
            _ => false,
        };
        if !removed {
            return Err(format!(
                "`{}` is no longer in the document",
                dotted(location)
            ));
        }
    }
    Ok(())
}

/// Merges `update` into the node at `location`, as the Overlay specification says: into an
/// object its properties (recursively, below), onto an array its items if it is an array or
/// else itself as one more item, and over a primitive (a string, number, boolean or null)
/// another primitive.
fn update_at(document: &mut Value, location: &[Step], update: &Value) -> Result<(), String> {
    let at = dotted(location);
    let node = node_mut(document, location)
        .ok_or_else(|| format!("`{at}` is no longer in the document"))?;
    match (node, update) {
        (Value::Array(items), Value::Array(more)) => items.extend(more.iter().cloned()),
        (Value::Array(items), item) => items.push(item.clone()),
        (node, update) => merge(node, update, &at)?,
    }
    Ok(())
}

/// The recursive merge: a property only in the node stays, one only in the update is added,
/// and one in both is merged by the same rule (objects into objects, arrays concatenated,
/// primitives replaced); any other pair is an error naming the place.
fn merge(node: &mut Value, update: &Value, at: &str) -> Result<(), String> {
    match (node, update) {
        (Value::Object(object), Value::Object(properties)) => {
            for (key, value) in properties {
                match object.get_mut(key) {
                    Some(existing) => merge(existing, value, &format!("{at}.{key}"))?,
                    None => {
                        object.insert(key.clone(), value.clone());
                    }
                }
            }
            Ok(())
        }
        (Value::Array(items), Value::Array(more)) => {
            items.extend(more.iter().cloned());
            Ok(())
        }
        (node, update) if is_primitive(node) && is_primitive(update) => {
            *node = update.clone();
            Ok(())
        }
        (node, update) => Err(format!(
            "cannot merge {} into {} at `{at}` (objects merge into objects, lists into \
             lists, and primitives replace primitives); to replace the node, remove it first \
             with an action of `remove: true`, then add it anew",
            kind(update),
            kind(node)
        )),
    }
}

fn is_primitive(value: &Value) -> bool {
    !matches!(value, Value::Object(_) | Value::Array(_))
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Object(_) => "an object",
        Value::Array(_) => "a list",
        Value::String(_) => "a string",
        Value::Number(_) => "a number",
        Value::Bool(_) => "a boolean",
        Value::Null => "null",
    }
}
