//! The spec's limits on what a request sends (`minimum`, `maxLength`, `pattern`, `maxItems`…),
//! checked on the request as it will go on the wire, before it is sent; the table is generated.

use std::borrow::Cow;

use serde_json::Value;

/// Where a limited value is in a request.
#[derive(Clone, Copy, Debug)]
pub enum Place {
    /// In the JSON body, at this path (`Items` and `Values` stand for every element).
    Body(&'static [Step]),
    /// Every occurrence of a query parameter.
    Query(&'static str),
    /// A header.
    Header(&'static str),
    /// A path parameter: the path segment this many places from the end (0 is the last).
    Path(usize),
}

/// One step into a JSON body.
#[derive(Clone, Copy, Debug)]
pub enum Step {
    Key(&'static str),
    Items,
    Values,
}

/// What the spec allows. Numeric limits apply to numbers, length and pattern to strings,
/// item limits to lists (for a query parameter: its occurrences).
#[derive(Clone, Copy, Debug)]
pub struct Rule {
    pub minimum: Option<f64>,
    pub exclusive_minimum: bool,
    pub maximum: Option<f64>,
    pub exclusive_maximum: bool,
    pub multiple_of: Option<f64>,
    pub min_length: Option<u64>,
    pub max_length: Option<u64>,
    pub pattern: Option<&'static str>,
    pub min_items: Option<u64>,
    pub max_items: Option<u64>,
    pub unique_items: bool,
}

impl Rule {
    /// No limit at all; generated rules say what differs (`..Rule::NONE`).
    pub const NONE: Rule = Rule {
        minimum: None,
        exclusive_minimum: false,
        maximum: None,
        exclusive_maximum: false,
        multiple_of: None,
        min_length: None,
        max_length: None,
        pattern: None,
        min_items: None,
        max_items: None,
        unique_items: false,
    };
}

/// One limited value of an operation's request.
#[derive(Clone, Copy, Debug)]
pub struct Limit {
    pub place: Place,
    /// How messages name it: `` `Report.title` `` or `` parameter `limit` ``.
    pub name: &'static str,
    pub rule: Rule,
}

/// Checks a request of the operation progenitor names `operation_id` against the spec's
/// limits (the generated `REQUEST_LIMITS`).
pub(crate) fn check_operation(
    operation_id: &str,
    request: &reqwest::Request,
) -> Result<(), String> {
    crate::generated_sdk::REQUEST_LIMITS
        .iter()
        .find(|(id, _)| *id == operation_id)
        .map_or(Ok(()), |(_, limits)| check(limits, request))
}

/// Checks `request` against `limits`; the message names the first value that breaks one.
/// Values themselves are never quoted (they may be secrets).
pub fn check(limits: &[Limit], request: &reqwest::Request) -> Result<(), String> {
    if limits.is_empty() {
        return Ok(());
    }
    // The values the body's limits look at, read in one pass that skips everything else.
    let body_paths: Vec<&'static [Step]> = limits
        .iter()
        .filter_map(|l| match l.place {
            Place::Body(steps) => Some(steps),
            _ => None,
        })
        .collect();
    let body: Option<Vec<Vec<Value>>> = (!body_paths.is_empty())
        .then(|| request.body()?.as_bytes())
        .flatten()
        .and_then(|bytes| values_at(bytes, &body_paths));
    let mut body_limit = 0;
    for limit in limits {
        match limit.place {
            Place::Body(_) => {
                let values = body.as_ref().map(|b| &b[body_limit]);
                body_limit += 1;
                for value in values.into_iter().flatten() {
                    check_value(limit, value)?;
                }
            }
            Place::Query(name) => {
                let values: Vec<Cow<'_, str>> = request
                    .url()
                    .query_pairs()
                    .filter(|(k, _)| k == name)
                    .map(|(_, v)| v)
                    .collect();
                check_texts(limit, &values)?;
            }
            Place::Header(name) => {
                let values: Vec<Cow<'_, str>> = request
                    .headers()
                    .get_all(name)
                    .iter()
                    .map(|v| String::from_utf8_lossy(v.as_bytes()))
                    .collect();
                check_texts(limit, &values)?;
            }
            Place::Path(from_end) => {
                let segment = request
                    .url()
                    .path_segments()
                    .and_then(|s| s.rev().nth(from_end))
                    .map(|s| percent_encoding::percent_decode_str(s).decode_utf8_lossy());
                if let Some(segment) = segment {
                    check_texts(limit, &[segment])?;
                }
            }
        }
    }
    Ok(())
}

/// For each path, the values at it in the JSON `bytes`: one pass that builds only the values
/// found and skips the rest of the document (a request body is read back without building it
/// whole). `None` if the bytes are not JSON.
fn values_at(bytes: &[u8], paths: &[&'static [Step]]) -> Option<Vec<Vec<Value>>> {
    let mut found = vec![Vec::new(); paths.len()];
    let wanted = paths.iter().copied().enumerate().collect();
    let mut reader = serde_json::Deserializer::from_slice(bytes);
    serde::de::DeserializeSeed::deserialize(
        Seek {
            wanted,
            found: &mut found,
        },
        &mut reader,
    )
    .ok()?;
    reader.end().ok()?;
    Some(found)
}

/// Reads one JSON value, keeping what the wanted paths (by index into `found`) reach below it.
struct Seek<'f> {
    wanted: Vec<(usize, &'static [Step])>,
    found: &'f mut Vec<Vec<Value>>,
}

impl<'de> serde::de::DeserializeSeed<'de> for Seek<'_> {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, reader: D) -> Result<(), D::Error> {
        if self.wanted.iter().any(|(_, steps)| steps.is_empty()) {
            // A limit is on this value itself: build it, and find the deeper ones in it.
            let value = <Value as serde::Deserialize>::deserialize(reader)?;
            for (i, steps) in self.wanted {
                let mut at = Vec::new();
                walk(&value, steps, &mut at);
                self.found[i].extend(at.into_iter().cloned());
            }
            return Ok(());
        }
        reader.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Seek<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let Seek { wanted, found } = self;
        while let Some(Key(key)) = map.next_key::<Key<'de>>()? {
            let next: Vec<(usize, &'static [Step])> = wanted
                .iter()
                .filter_map(|&(i, steps)| match steps.split_first() {
                    Some((Step::Key(k), rest)) if *k == key => Some((i, rest)),
                    Some((Step::Values, rest)) => Some((i, rest)),
                    _ => None,
                })
                .collect();
            if next.is_empty() {
                map.next_value::<serde::de::IgnoredAny>()?;
            } else {
                map.next_value_seed(Seek {
                    wanted: next,
                    found: &mut *found,
                })?;
            }
        }
        Ok(())
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let Seek { wanted, found } = self;
        let next: Vec<(usize, &'static [Step])> = wanted
            .iter()
            .filter_map(|&(i, steps)| match steps.split_first() {
                Some((Step::Items, rest)) => Some((i, rest)),
                _ => None,
            })
            .collect();
        if next.is_empty() {
            while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
            return Ok(());
        }
        while seq
            .next_element_seed(Seek {
                wanted: next.clone(),
                found: &mut *found,
            })?
            .is_some()
        {}
        Ok(())
    }
}

/// An object's key, borrowed from the document when it has no escapes.
struct Key<'de>(Cow<'de, str>);

impl<'de> serde::Deserialize<'de> for Key<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(reader: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a key")
            }
            fn visit_borrowed_str<E>(self, key: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(key)))
            }
            fn visit_str<E>(self, key: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(key.to_string())))
            }
        }
        reader.deserialize_str(Visit)
    }
}

/// The values at `steps` below `value`.
fn walk<'a>(value: &'a Value, steps: &[Step], found: &mut Vec<&'a Value>) {
    let Some((step, rest)) = steps.split_first() else {
        found.push(value);
        return;
    };
    match (step, value) {
        (Step::Key(key), Value::Object(o)) => {
            if let Some(v) = o.get(*key) {
                walk(v, rest, found);
            }
        }
        (Step::Items, Value::Array(items)) => items.iter().for_each(|v| walk(v, rest, found)),
        (Step::Values, Value::Object(o)) => o.values().for_each(|v| walk(v, rest, found)),
        _ => {}
    }
}

/// A JSON value against the rule: numbers, strings and lists each by their own limits.
fn check_value(limit: &Limit, value: &Value) -> Result<(), String> {
    match value {
        Value::Number(n) => n.as_f64().map_or(Ok(()), |n| check_number(limit, n)),
        Value::String(s) => check_string(limit, s),
        Value::Array(items) => {
            check_count(limit, items.len())?;
            let unique = items
                .iter()
                .enumerate()
                .all(|(i, a)| !items[..i].contains(a));
            check_unique(limit, unique)
        }
        _ => Ok(()),
    }
}

/// The occurrences of a parameter (one for a scalar): the list limits on their number, each
/// one's string and numeric limits.
fn check_texts(limit: &Limit, values: &[Cow<'_, str>]) -> Result<(), String> {
    if values.is_empty() {
        return Ok(());
    }
    check_count(limit, values.len())?;
    let unique = values
        .iter()
        .enumerate()
        .all(|(i, a)| !values[..i].contains(a));
    check_unique(limit, unique)?;
    for value in values {
        check_string(limit, value)?;
        if let Ok(number) = value.parse::<f64>() {
            check_number(limit, number)?;
        }
    }
    Ok(())
}

fn check_number(limit: &Limit, n: f64) -> Result<(), String> {
    let Limit { name, rule, .. } = limit;
    if let Some(min) = rule.minimum {
        if rule.exclusive_minimum && n <= min {
            return Err(format!("{name} must be more than {min}"));
        }
        if n < min {
            return Err(format!("{name} is less than the minimum {min}"));
        }
    }
    if let Some(max) = rule.maximum {
        if rule.exclusive_maximum && n >= max {
            return Err(format!("{name} must be less than {max}"));
        }
        if n > max {
            return Err(format!("{name} is more than the maximum {max}"));
        }
    }
    if let Some(step) = rule.multiple_of
        && step > 0.0
        && ((n / step) - (n / step).round()).abs() > 1e-9
    {
        return Err(format!("{name} is not a multiple of {step}"));
    }
    Ok(())
}

fn check_string(limit: &Limit, s: &str) -> Result<(), String> {
    let Limit { name, rule, .. } = limit;
    // JSON Schema counts characters (code points), not bytes.
    let length = s.chars().count() as u64;
    if let Some(min) = rule.min_length
        && length < min
    {
        return Err(format!("{name} is shorter than {min} characters"));
    }
    if let Some(max) = rule.max_length
        && length > max
    {
        return Err(format!("{name} is longer than {max} characters"));
    }
    if let Some(pattern) = rule.pattern {
        // The generator compiled every pattern when it wrote the table.
        let matches = regress::Regex::new(pattern).map_or(true, |re| re.find(s).is_some());
        if !matches {
            return Err(format!("{name} does not match the pattern `{pattern}`"));
        }
    }
    Ok(())
}

fn check_count(limit: &Limit, count: usize) -> Result<(), String> {
    let Limit { name, rule, .. } = limit;
    let count = count as u64;
    if let Some(min) = rule.min_items
        && count < min
    {
        return Err(format!(
            "{name} has {count} items, fewer than the minimum {min}"
        ));
    }
    if let Some(max) = rule.max_items
        && count > max
    {
        return Err(format!(
            "{name} has {count} items, more than the maximum {max}"
        ));
    }
    Ok(())
}

fn check_unique(limit: &Limit, unique: bool) -> Result<(), String> {
    if limit.rule.unique_items && !unique {
        return Err(format!("{} has the same item twice", limit.name));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_one_pass_reading_finds_what_walking_the_whole_document_finds() {
        const NAME: &[Step] = &[Step::Key("name")];
        const TAGS: &[Step] = &[Step::Key("tags")];
        const TAG: &[Step] = &[Step::Key("tags"), Step::Items];
        const DEEP: &[Step] = &[Step::Key("by\"id"), Step::Values, Step::Key("n")];
        const ROOT: &[Step] = &[];
        let paths = [NAME, TAGS, TAG, DEEP, ROOT];
        let documents = [
            r#"{"name":"a","tags":["x","y"],"by\"id":{"p":{"n":1e300},"q":{"n":-0}},"z":[{"name":1}]}"#,
            r#"{"tags":"not a list","name":null,"by\"id":[1,2]}"#,
            r#"[{"name":"in a list"}]"#,
            r#""just a string""#,
            r#"{"name":"\u00e9t\u00e9","name2":{"deep":[[[]]]}}"#,
        ];
        for document in documents {
            let whole: Value = serde_json::from_str(document).unwrap();
            let found = values_at(document.as_bytes(), &paths).unwrap();
            for (path, got) in paths.iter().zip(&found) {
                let mut expected = Vec::new();
                walk(&whole, path, &mut expected);
                let expected: Vec<Value> = expected.into_iter().cloned().collect();
                assert_eq!(got, &expected, "{document} at {path:?}");
            }
        }
        assert_eq!(values_at(b"{\"name\":", &paths), None, "not JSON");
        assert_eq!(values_at(b"{} {}", &paths), None, "trailing data");
    }

    fn request(url: &str, body: Option<Value>) -> reqwest::Request {
        crate::tls::ensure_provider().unwrap();
        let client = reqwest::Client::new();
        let mut builder = client.post(url).header("x-label", "a");
        if let Some(body) = body {
            builder = builder.json(&body);
        }
        builder.build().unwrap()
    }

    const TITLE: Limit = Limit {
        place: Place::Body(&[Step::Key("title")]),
        name: "`Report.title`",
        rule: Rule {
            min_length: Some(1),
            max_length: Some(3),
            ..Rule::NONE
        },
    };

    #[test]
    fn body_strings_are_measured_in_characters_and_named() {
        let ok = request("http://x/r", Some(serde_json::json!({"title": "été"})));
        assert_eq!(check(&[TITLE], &ok), Ok(()));
        let long = request("http://x/r", Some(serde_json::json!({"title": "four"})));
        assert_eq!(
            check(&[TITLE], &long),
            Err("`Report.title` is longer than 3 characters".into())
        );
    }

    #[test]
    fn every_item_and_value_is_reached() {
        const WEIGHT: Limit = Limit {
            place: Place::Body(&[Step::Key("parts"), Step::Items, Step::Values]),
            name: "`Part.weight`",
            rule: Rule {
                maximum: Some(10.0),
                ..Rule::NONE
            },
        };
        let body = serde_json::json!({"parts": [{"a": 1}, {"b": 2, "c": 11}]});
        let refused = check(&[WEIGHT], &request("http://x/r", Some(body)));
        assert_eq!(
            refused,
            Err("`Part.weight` is more than the maximum 10".into())
        );
    }

    #[test]
    fn query_occurrences_count_as_items_and_each_is_checked() {
        const IDS: Limit = Limit {
            place: Place::Query("ids"),
            name: "parameter `ids`",
            rule: Rule {
                max_items: Some(2),
                max_length: Some(2),
                unique_items: true,
                ..Rule::NONE
            },
        };
        assert_eq!(
            check(&[IDS], &request("http://x/r?ids=a&ids=b", None)),
            Ok(())
        );
        assert_eq!(
            check(&[IDS], &request("http://x/r?ids=a&ids=b&ids=c", None)),
            Err("parameter `ids` has 3 items, more than the maximum 2".into())
        );
        assert_eq!(
            check(&[IDS], &request("http://x/r?ids=abc", None)),
            Err("parameter `ids` is longer than 2 characters".into())
        );
        assert_eq!(
            check(&[IDS], &request("http://x/r?ids=a&ids=a", None)),
            Err("parameter `ids` has the same item twice".into())
        );
    }

    #[test]
    fn numbers_respect_exclusive_bounds_and_steps() {
        let limit = |rule| Limit {
            place: Place::Query("n"),
            name: "parameter `n`",
            rule,
        };
        let exclusive = limit(Rule {
            minimum: Some(0.0),
            exclusive_minimum: true,
            ..Rule::NONE
        });
        assert!(check(&[exclusive], &request("http://x/r?n=0", None)).is_err());
        assert!(check(&[exclusive], &request("http://x/r?n=0.1", None)).is_ok());
        let step = limit(Rule {
            multiple_of: Some(5.0),
            ..Rule::NONE
        });
        assert!(check(&[step], &request("http://x/r?n=10", None)).is_ok());
        assert_eq!(
            check(&[step], &request("http://x/r?n=12", None)),
            Err("parameter `n` is not a multiple of 5".into())
        );
    }

    #[test]
    fn path_segments_are_decoded_and_headers_read() {
        const CODE: Limit = Limit {
            place: Place::Path(1),
            name: "parameter `code`",
            rule: Rule {
                pattern: Some("^[A-Z]{3}$"),
                ..Rule::NONE
            },
        };
        assert!(check(&[CODE], &request("http://x/v1/reports/ABC/items", None)).is_ok());
        assert_eq!(
            check(&[CODE], &request("http://x/v1/reports/A%2FB/items", None)),
            Err("parameter `code` does not match the pattern `^[A-Z]{3}$`".into())
        );
        const LABEL: Limit = Limit {
            place: Place::Header("x-label"),
            name: "parameter `X-Label`",
            rule: Rule {
                min_length: Some(2),
                ..Rule::NONE
            },
        };
        assert_eq!(
            check(&[LABEL], &request("http://x/r", None)),
            Err("parameter `X-Label` is shorter than 2 characters".into())
        );
    }
}
