//! A JSON value as the CLI prints it: objects and arrays as a tree, every other value as its
//! exact text, so that printing respells nothing (`1E400`, `1.50`, `"\u00e9"` stay as sent).

use std::fmt::Write as _;

use serde_json::value::RawValue;

/// One JSON value, read without respelling its numbers or strings.
pub enum Exact {
    Object(Vec<(String, Exact)>),
    Array(Vec<Exact>),
    /// A string, number, boolean or `null`, as its JSON text.
    Leaf(Box<RawValue>),
}

impl Exact {
    /// Reads the JSON text of `value` as `serde_json` writes it (a value the SDK keeps as its
    /// text, `invent::RawJson`, is written as that text).
    pub fn of<T: serde::Serialize + ?Sized>(value: &T) -> Result<Exact, serde_json::Error> {
        Exact::read(&serde_json::value::to_raw_value(value)?)
    }

    fn read(raw: &RawValue) -> Result<Exact, serde_json::Error> {
        let text = raw.get();
        Ok(match text.as_bytes().first() {
            Some(b'{') => Exact::Object(
                serde_json::from_str::<invent::IndexMap<String, &RawValue>>(text)?
                    .into_iter()
                    .map(|(name, value)| Ok((name, Exact::read(value)?)))
                    .collect::<Result<_, serde_json::Error>>()?,
            ),
            Some(b'[') => Exact::Array(
                serde_json::from_str::<Vec<&RawValue>>(text)?
                    .into_iter()
                    .map(Exact::read)
                    .collect::<Result<_, _>>()?,
            ),
            _ => Exact::Leaf(raw.to_owned()),
        })
    }

    /// Whether the value is `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Exact::Leaf(raw) if raw.get() == "null")
    }

    /// The string `[redacted]`, in place of a secret.
    pub fn redacted() -> Exact {
        Exact::Leaf(RawValue::from_string(r#""[redacted]""#.into()).expect("a JSON string"))
    }

    /// The value on one line, as `serde_json::to_string` lays it out (a JSON line).
    pub fn line(&self) -> String {
        match self {
            Exact::Object(members) => {
                let members: Vec<String> = members
                    .iter()
                    .map(|(name, value)| {
                        format!(
                            "{}:{}",
                            serde_json::Value::from(name.as_str()),
                            value.line()
                        )
                    })
                    .collect();
                format!("{{{}}}", members.join(","))
            }
            Exact::Array(items) => {
                let items: Vec<String> = items.iter().map(Exact::line).collect();
                format!("[{}]", items.join(","))
            }
            Exact::Leaf(raw) => raw.get().to_string(),
        }
    }

    /// The value as `serde_json::to_string_pretty` lays it out (two spaces a level).
    pub fn pretty(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, 0);
        out
    }

    fn write(&self, out: &mut String, depth: usize) {
        let indent = |out: &mut String, depth: usize| {
            out.push('\n');
            out.extend(std::iter::repeat_n("  ", depth));
        };
        match self {
            Exact::Object(members) if members.is_empty() => out.push_str("{}"),
            Exact::Array(items) if items.is_empty() => out.push_str("[]"),
            Exact::Object(members) => {
                out.push('{');
                for (i, (name, value)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    indent(out, depth + 1);
                    let _ = write!(out, "{}: ", serde_json::Value::from(name.as_str()));
                    value.write(out, depth + 1);
                }
                indent(out, depth);
                out.push('}');
            }
            Exact::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    indent(out, depth + 1);
                    item.write(out, depth + 1);
                }
                indent(out, depth);
                out.push(']');
            }
            Exact::Leaf(raw) => out.push_str(raw.get()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Exact;

    #[test]
    fn printing_respells_nothing_and_lays_out_as_serde_json_does() {
        let text = r#"{"a":1E400,"b":[1.50,-0,"caf\u00e9"],"c":{},"d":[],"e":{"f":null}}"#;
        let raw: &serde_json::value::RawValue = serde_json::from_str(text).unwrap();
        let printed = Exact::of(raw).unwrap().pretty();
        assert_eq!(
            printed,
            "{\n  \"a\": 1E400,\n  \"b\": [\n    1.50,\n    -0,\n    \"caf\\u00e9\"\n  ],\n  \"c\": {},\n  \"d\": [],\n  \"e\": {\n    \"f\": null\n  }\n}"
        );
        let plain = r#"{"a":[1,{"b":"x"}],"c":true}"#;
        let value: serde_json::Value = serde_json::from_str(plain).unwrap();
        assert_eq!(
            Exact::of(&value).unwrap().pretty(),
            serde_json::to_string_pretty(&value).unwrap()
        );
    }
}
