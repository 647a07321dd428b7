//! Compares the public Rust API generated from two specs (the API listings of surface.rs):
//! what was removed or changed breaks code written against the old crate; what was added does not.

use std::collections::{BTreeMap, BTreeSet};

use super::rules::Effect;

/// One difference in the public API, as a line of a diff.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiChange {
    pub effect: Effect,
    /// The new side of a changed member (its old side is the line before).
    pub replaces: bool,
    /// `- invent: types::X: field: T` or `+ invent: builder::Op: fn …`.
    pub line: String,
}

/// An item of a listing: its header without attributes, whether it is `#[non_exhaustive]`,
/// the traits it implements, and its members (fields, variants, methods) by name.
#[derive(Default)]
struct Item {
    non_exhaustive: bool,
    traits: BTreeSet<String>,
    members: BTreeMap<String, String>,
    kind: &'static str,
}

/// The differences between two listings, each judged; `crate_name` prefixes each line.
pub fn compare(crate_name: &str, old: &str, new: &str) -> Vec<ApiChange> {
    let (old, new) = (items(old), items(new));
    let mut out = Vec::new();
    // `replaces`: the new side of a changed member (its old side is the line before).
    let mut push = |effect, sign: char, text: String, replaces: bool| {
        out.push(ApiChange {
            effect,
            replaces,
            line: format!("{sign} {crate_name}: {text}"),
        })
    };
    for (name, a) in &old {
        let Some(b) = new.get(name) else {
            push(Effect::Breaking, '-', format!("{} {name}", a.kind), false);
            continue;
        };
        for t in a.traits.difference(&b.traits) {
            push(Effect::Breaking, '-', format!("{name}: impl {t}"), false);
        }
        for t in b.traits.difference(&a.traits) {
            push(Effect::Compatible, '+', format!("{name}: impl {t}"), false);
        }
        if a.non_exhaustive != b.non_exhaustive {
            let effect = if b.non_exhaustive {
                Effect::Breaking
            } else {
                Effect::Compatible
            };
            let sign = if b.non_exhaustive { '+' } else { '-' };
            push(effect, sign, format!("{name}: #[non_exhaustive]"), false);
        }
        for (m, sig) in &a.members {
            match b.members.get(m) {
                None => push(Effect::Breaking, '-', format!("{name}: {sig}"), false),
                Some(other) if other != sig => {
                    push(Effect::Breaking, '-', format!("{name}: {sig}"), false);
                    push(Effect::Breaking, '+', format!("{name}: {other}"), true);
                }
                Some(_) => {}
            }
        }
        for (m, sig) in &b.members {
            if !a.members.contains_key(m) {
                // A new field of a struct literal, or a new variant of an enum a caller may
                // match exhaustively, breaks them unless the item is `#[non_exhaustive]`;
                // methods and fields of types with private fields are free to add.
                let closed = matches!(a.kind, "struct" | "enum")
                    && !b.non_exhaustive
                    && !sig.starts_with("fn ")
                    && !sig.starts_with("async fn ")
                    && !sig.starts_with('(');
                let effect = if closed {
                    Effect::Breaking
                } else {
                    Effect::Compatible
                };
                push(effect, '+', format!("{name}: {sig}"), false);
            }
        }
    }
    for (name, b) in new.iter().filter(|(n, _)| !old.contains_key(*n)) {
        push(Effect::Compatible, '+', format!("{} {name}", b.kind), false);
    }
    out
}

/// Reads a listing into items by header; `impl X` blocks merge into one item per type.
fn items(listing: &str) -> BTreeMap<String, Item> {
    let mut out: BTreeMap<String, Item> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in listing.lines() {
        if let Some(member) = line.strip_prefix("    ") {
            let Some(key) = &current else { continue };
            let member = without_attributes(member);
            let name = member_name(&member);
            if let Some(item) = out.get_mut(key) {
                item.members.insert(name, member);
            }
            continue;
        }
        if let Some(flag) = line.strip_prefix("flag ") {
            // A command-line flag: its name matters to scripts; its help is documentation.
            let name = flag.split("  ").next().unwrap_or(flag).to_string();
            out.entry(name.to_string()).or_default().kind = "flag";
            current = None;
            continue;
        }
        let (head, traits) = match line.rsplit_once("  [") {
            Some((head, rest)) if rest.ends_with(']') => (
                head,
                rest.trim_end_matches(']')
                    .split(", ")
                    .map(str::to_string)
                    .collect(),
            ),
            _ => (line, BTreeSet::new()),
        };
        let non_exhaustive = head.contains("#[non_exhaustive]");
        let head = without_attributes(head);
        let kind = match head.split(' ').next() {
            Some("struct") => "struct",
            Some("enum") => "enum",
            _ => "impl",
        };
        // `impl X` and `struct X` describe the same type: methods join the type's item.
        let path = head.split_once(' ').map_or(head.as_str(), |(_, rest)| rest);
        let key = path.split('<').next().unwrap_or(path).trim().to_string();
        let item = out.entry(key.clone()).or_default();
        if kind != "impl" {
            item.kind = kind;
            item.traits = traits;
            item.non_exhaustive = non_exhaustive;
        } else if item.kind.is_empty() {
            item.kind = "impl";
        }
        current = Some(key);
    }
    out
}

/// A member's name: a field's or variant's identifier, a method's `fn name`.
fn member_name(member: &str) -> String {
    let member = member.trim();
    for prefix in ["async fn ", "fn "] {
        if let Some(rest) = member.strip_prefix(prefix) {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            return format!("fn {name}");
        }
    }
    if member.starts_with('(') {
        return "(tuple)".into();
    }
    member
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

/// `line` without its `#[…]` attributes (serde's, which change with the wire and not the API).
fn without_attributes(line: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if depth == 0 && c == '#' && chars.peek() == Some(&'[') {
            chars.next();
            depth = 1;
            continue;
        }
        if depth > 0 {
            match c {
                '[' => depth += 1,
                ']' => depth -= 1,
                _ => {}
            }
            continue;
        }
        out.push(c);
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const OLD: &str = "\
struct types::A  [Clone, Default]
    x: Option<String>  #[serde(default)]
impl types::A
    fn builder() -> builder::A
enum types::E  #[non_exhaustive]  [Clone]
    One
    Unknown(String)
";

    fn lines(new: &str) -> Vec<(Effect, String)> {
        compare("invent", OLD, new)
            .into_iter()
            .map(|c| (c.effect, c.line))
            .collect()
    }

    #[test]
    fn the_same_listing_has_no_changes() {
        assert!(lines(OLD).is_empty());
    }

    #[test]
    fn serde_attributes_are_not_the_api() {
        let new = OLD.replace(
            "#[serde(default)]",
            "#[serde(default, skip_serializing_if = \"x\")]",
        );
        assert!(lines(&new).is_empty());
    }

    #[test]
    fn a_field_added_to_a_closed_struct_breaks_literals() {
        let new = OLD.replace(
            "    x: Option<String>",
            "    x: Option<String>\n    y: Option<u8>",
        );
        assert_eq!(
            lines(&new),
            [(Effect::Breaking, "+ invent: types::A: y: Option<u8>".into())]
        );
    }

    #[test]
    fn a_variant_added_to_a_non_exhaustive_enum_is_compatible() {
        let new = OLD.replace("    One\n", "    One\n    Two\n");
        assert_eq!(
            lines(&new),
            [(Effect::Compatible, "+ invent: types::E: Two".into())]
        );
    }

    #[test]
    fn a_changed_field_type_a_lost_trait_and_a_lost_method_break() {
        let new = OLD
            .replace("x: Option<String>", "x: String")
            .replace("[Clone, Default]", "[Clone]")
            .replace("    fn builder() -> builder::A\n", "");
        let got = lines(&new);
        assert!(got.iter().all(|(e, _)| *e == Effect::Breaking), "{got:?}");
        assert_eq!(got.len(), 4, "{got:?}");
    }
}
