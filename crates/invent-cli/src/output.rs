//! What the CLI prints on success: the response as pretty JSON, with every value whose JSON
//! Schema says `format: password` (the spec's secrets) shown as `[redacted]`.

use std::fmt::Debug;

use invent::{Error, Response};
use schemars::JsonSchema;
use schemars::schema::{Schema, SchemaObject};
use serde::Serialize;

use crate::exact::Exact;

use crate::generated_cli::CliConfig;

/// Printing settings of one run.
pub struct Output {
    pub show_secrets: bool,
}

/// The API key of this run: never printed, even when a server echoes it back.
static KEY: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// Sets the key every output of this run hides.
pub fn hide(key: Option<&str>) {
    if let Some(key) = key.filter(|k| !k.is_empty()) {
        let _ = KEY.set(key.to_string());
    }
}

/// `text` with the key replaced by `[redacted]`.
pub fn scrub(text: &str) -> String {
    match KEY.get() {
        Some(key) => text.replace(key.as_str(), "[redacted]"),
        None => text.to_string(),
    }
}

/// A line for standard error: scrubbed, one line, at most a few hundred characters (a
/// `--json-body` error may quote a megabyte).
pub fn shown(line: &str) -> String {
    invent::support::one_line(&scrub(line), 400)
}

/// Writes to standard output; a closed pipe (`| head`) ends the run quietly, any other
/// failure ends it with exit status 1 (the API has already answered).
pub fn write_stdout(bytes: &[u8]) {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    if let Err(e) = stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("invent: could not write the response to standard output: {e}");
        std::process::exit(1);
    }
}

/// Scrubs the key from a stream of bytes, one chunk at a time: the end of a chunk that could
/// begin the key waits for the next chunk.
#[derive(Default)]
pub struct Scrubber {
    pending: Vec<u8>,
}

impl Scrubber {
    /// What of `chunk` (and what waited before it) can be written now.
    pub fn feed(&mut self, chunk: &[u8]) -> Vec<u8> {
        self.pending.extend_from_slice(chunk);
        self.drain(false)
    }

    /// The rest, at the end of the stream.
    pub fn finish(&mut self) -> Vec<u8> {
        self.drain(true)
    }

    fn drain(&mut self, last: bool) -> Vec<u8> {
        let Some(key) = KEY.get().map(String::as_bytes) else {
            return std::mem::take(&mut self.pending);
        };
        let mut out = Vec::with_capacity(self.pending.len());
        let mut at = 0;
        while at < self.pending.len() {
            let rest = &self.pending[at..];
            if rest.starts_with(key) {
                out.extend_from_slice(b"[redacted]");
                at += key.len();
            } else if !last && rest.len() < key.len() && key.starts_with(rest) {
                break;
            } else {
                out.push(rest[0]);
                at += 1;
            }
        }
        self.pending.drain(..at);
        out
    }
}

impl Output {
    fn print<T: JsonSchema + Serialize>(&self, value: &T) {
        let json = self.redacted(value);
        write_stdout(format!("{}\n", scrub(&json.pretty())).as_bytes());
    }

    /// One item of a listing, as one JSON line, written out (flushed) at once.
    fn print_line<T: JsonSchema + Serialize>(&self, value: &T) {
        let json = self.redacted(value);
        write_stdout(format!("{}\n", scrub(&json.line())).as_bytes());
    }

    fn redacted<T: JsonSchema + Serialize>(&self, value: &T) -> Exact {
        let mut json = Exact::of(value).expect("generated types serialize");
        if !self.show_secrets {
            let root = schemars::schema_for!(T);
            redact(&mut json, &root.schema, &root.definitions);
        }
        json
    }
}

impl Output {
    /// Prints a response of no known type (`invent api`): properties the spec calls secrets
    /// (`format: password` in any of its schemas) are redacted wherever they appear.
    pub fn print_untyped(&self, value: &invent::RawJson) {
        let mut value = Exact::of(value).expect("a JSON text reads as JSON");
        if !self.show_secrets {
            redact_named(&mut value, &secret_properties());
        }
        write_stdout(format!("{}\n", scrub(&value.pretty())).as_bytes());
    }
}

/// The names of the properties the spec calls secrets, read from every generated type's
/// JSON Schema.
fn secret_properties() -> std::collections::BTreeSet<String> {
    let generator = &mut schemars::r#gen::SchemaGenerator::default();
    macro_rules! each {
        ($(($ident:ident, $name:literal, $type:ty)),* $(,)?) => {
            $(let _ = generator.subschema_for::<$type>();)*
        };
    }
    invent::for_each_schema!(each);
    let mut names = std::collections::BTreeSet::new();
    for schema in generator.definitions().values() {
        if let Schema::Object(SchemaObject {
            object: Some(object),
            ..
        }) = schema
        {
            for (name, property) in &object.properties {
                let secret = match property {
                    Schema::Object(p) => {
                        p.format.as_deref() == Some("password")
                            || p.subschemas.iter().any(|s| {
                                [&s.all_of, &s.any_of, &s.one_of].into_iter().flatten().flatten().any(
                                    |part| matches!(part, Schema::Object(o) if o.format.as_deref() == Some("password")),
                                )
                            })
                    }
                    Schema::Bool(_) => false,
                };
                if secret {
                    names.insert(name.clone());
                }
            }
        }
    }
    names
}

/// Replaces, in `value`, each non-null value of a property named in `secrets`, at any depth.
fn redact_named(value: &mut Exact, secrets: &std::collections::BTreeSet<String>) {
    match value {
        Exact::Object(members) => {
            for (name, child) in members.iter_mut() {
                if secrets.contains(name) && !child.is_null() {
                    *child = Exact::redacted();
                } else {
                    redact_named(child, secrets);
                }
            }
        }
        Exact::Array(items) => items.iter_mut().for_each(|v| redact_named(v, secrets)),
        Exact::Leaf(_) => {}
    }
}

/// Replaces, in `value`, each non-null value whose schema is `format: password`.
fn redact(value: &mut Exact, schema: &SchemaObject, definitions: &schemars::Map<String, Schema>) {
    if let Some(reference) = &schema.reference {
        let name = reference.rsplit('/').next().unwrap_or_default();
        if let Some(Schema::Object(target)) = definitions.get(name) {
            redact(value, target, definitions);
        }
        return;
    }
    if schema.format.as_deref() == Some("password") && !value.is_null() {
        *value = Exact::redacted();
        return;
    }
    if let Some(sub) = &schema.subschemas {
        for part in [&sub.all_of, &sub.any_of, &sub.one_of]
            .into_iter()
            .flatten()
            .flatten()
        {
            if let Schema::Object(part) = part {
                redact(value, part, definitions);
            }
        }
    }
    match value {
        Exact::Object(members) => {
            if let Some(object) = &schema.object {
                for (name, child) in members.iter_mut() {
                    if let Some(Schema::Object(property)) = object.properties.get(name) {
                        redact(child, property, definitions);
                    }
                }
            }
        }
        Exact::Array(items) => {
            if let Some(schemars::schema::SingleOrVec::Single(item)) =
                schema.array.as_ref().and_then(|a| a.items.as_ref())
                && let Schema::Object(item) = item.as_ref()
            {
                for child in items {
                    redact(child, item, definitions);
                }
            }
        }
        Exact::Leaf(_) => {}
    }
}

impl CliConfig for Output {
    fn success_item<T>(&self, value: &Response<T>)
    where
        T: JsonSchema + Serialize + Debug,
    {
        self.print::<T>(value);
    }

    fn success_no_item(&self, _: &Response<()>) {}

    /// Errors are printed once, as one line, by `main`.
    fn error(&self, _: &Error) {}

    fn list_start<T>(&self)
    where
        T: JsonSchema + Serialize + Debug,
    {
    }

    fn list_item<T>(&self, value: &T)
    where
        T: JsonSchema + Serialize + Debug,
    {
        self.print_line(value);
    }

    fn list_end_success<T>(&self)
    where
        T: JsonSchema + Serialize + Debug,
    {
    }

    fn list_end_error(&self, _: &Error) {}
}
