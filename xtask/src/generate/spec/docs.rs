//! Descriptions become rustdoc, where a fenced code block without a language is Rust code to
//! compile; in a spec it is a shell session or JSON, so such blocks are marked `text`.

use serde_json::Value;

/// Marks every unlabelled code fence in the document's descriptions and summaries `text`
/// (values such as examples, defaults and enums are data, and are left as they are).
pub fn label_code_blocks(value: &mut Value) {
    label(value, false);
}

/// `names`: the object maps names to schemas or other parts (`properties`, `paths`…), so a
/// key such as `example` is a name there, not data.
fn label(value: &mut Value, names: bool) {
    match value {
        Value::Object(object) => {
            for (key, child) in object.iter_mut() {
                match (names, key.as_str(), child) {
                    (true, _, child) => label(child, false),
                    (_, "description" | "summary", Value::String(text)) => {
                        if let Some(labelled) = labelled(text) {
                            *text = labelled;
                        }
                    }
                    (_, "example" | "examples" | "default" | "enum" | "const", _) => {}
                    (_, key, child) => label(child, NAME_MAPS.contains(&key)),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|item| label(item, false)),
        _ => {}
    }
}

/// The keys whose values map names (chosen by the spec's author) to parts of the document.
const NAME_MAPS: [&str; 11] = [
    "properties",
    "paths",
    "schemas",
    "responses",
    "parameters",
    "requestBodies",
    "headers",
    "content",
    "encoding",
    "callbacks",
    "securitySchemes",
];

/// The text with `text` after each opening fence that has no info string (CommonMark: a
/// fence closes at a line of the same character, at least as long, with nothing after it).
fn labelled(text: &str) -> Option<String> {
    let mut open: Option<(char, usize)> = None;
    let mut changed = false;
    let mut out = String::with_capacity(text.len() + 8);
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let trimmed = body.trim_start_matches(' ');
        let indent = body.len() - trimmed.len();
        let fence = trimmed
            .chars()
            .next()
            .filter(|c| indent < 4 && matches!(c, '`' | '~'))
            .map(|c| (c, trimmed.chars().take_while(|&d| d == c).count()))
            .filter(|&(_, n)| n >= 3);
        match (open, fence) {
            (None, Some((c, n))) => {
                open = Some((c, n));
                if trimmed[n..].trim().is_empty() {
                    out.push_str(&body[..indent + n]);
                    out.push_str("text");
                    out.push_str(&line[body.len()..]);
                    changed = true;
                    continue;
                }
            }
            (Some((c, n)), Some((d, m))) if c == d && m >= n && trimmed[m..].trim().is_empty() => {
                open = None;
            }
            _ => {}
        }
        out.push_str(line);
    }
    changed.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unlabelled_fences_become_text_and_labelled_ones_stay() {
        let text = "Run:\n```\ncurl -X POST \\\n```\nand\n~~~~json\n{}\n~~~~\n  ```\nx\n  ```";
        assert_eq!(
            labelled(text).unwrap(),
            "Run:\n```text\ncurl -X POST \\\n```\nand\n~~~~json\n{}\n~~~~\n  ```text\nx\n  ```"
        );
        assert_eq!(labelled("```rust\nlet a = 1;\n```"), None);
        assert_eq!(labelled("no code"), None);
    }

    #[test]
    fn a_closing_fence_is_not_taken_for_an_opening_one() {
        // The closing fence of a labelled block has no info string and stays as it is.
        assert_eq!(labelled("```sh\nls\n```\n"), None);
        // A shorter fence inside a longer one does not close it.
        assert_eq!(labelled("````sh\n```\n````\n"), None);
    }

    #[test]
    fn only_descriptions_change_never_data() {
        let mut doc = serde_json::json!({
            "description": "```\nx\n```",
            "properties": {
                "description": {"type": "string", "example": "```\n"},
                "example": {"type": "string", "description": "```\ny\n```"}
            },
            "example": {"description": "```\n"}
        });
        label_code_blocks(&mut doc);
        assert_eq!(doc["description"], "```text\nx\n```");
        assert_eq!(doc["properties"]["description"]["example"], "```\n");
        assert_eq!(doc["example"]["description"], "```\n");
        assert_eq!(
            doc["properties"]["example"]["description"],
            "```text\ny\n```"
        );
    }
}
