//! A response's body read within a limit, so that a server cannot make the client hold more
//! than the limit, and the client's key scrubbed from whatever an error shows.

use std::borrow::Cow;

use bytes::{Bytes, BytesMut};

/// What `read` got: the bytes, and whether they are the whole body.
pub(crate) struct Read {
    pub bytes: Bytes,
    pub complete: bool,
}

/// Reads at most `limit` bytes of `response`'s body. A body announced (`Content-Length`) or
/// found to be longer stops there: `complete` is false and the rest is never read.
pub(crate) async fn read(mut response: reqwest::Response, limit: usize) -> reqwest::Result<Read> {
    let announced = response.content_length().unwrap_or(0);
    let mut buffer = BytesMut::with_capacity(announced.min(limit as u64) as usize);
    while let Some(chunk) = response.chunk().await? {
        let room = limit - buffer.len();
        if chunk.len() > room {
            buffer.extend_from_slice(&chunk[..room]);
            return Ok(Read {
                bytes: buffer.freeze(),
                complete: false,
            });
        }
        buffer.extend_from_slice(&chunk);
    }
    Ok(Read {
        bytes: buffer.freeze(),
        complete: true,
    })
}

/// Shorter keys are test keys (`"k"`), and scrubbing them would mangle every message.
const MIN_SECRET_LEN: usize = 8;

/// `text` with every occurrence of `secret` replaced by `[redacted]`.
pub(crate) fn scrub<'a>(text: &'a str, secret: Option<&str>) -> Cow<'a, str> {
    match secret.filter(|s| s.len() >= MIN_SECRET_LEN) {
        Some(secret) if text.contains(secret) => Cow::Owned(text.replace(secret, "[redacted]")),
        _ => Cow::Borrowed(text),
    }
}

/// `bytes` with `secret` removed wherever it shows: every literal occurrence, and, in a JSON
/// body, every string that holds it once unescaped (`\u0073k_…`); a body cut short loses a
/// tail that could be the start of it. A copy only if something was found.
pub(crate) fn scrub_bytes(bytes: Bytes, secret: Option<&str>, cut: bool) -> Bytes {
    let Some(secret) = secret.filter(|s| s.len() >= MIN_SECRET_LEN) else {
        return bytes;
    };
    let needle = secret.as_bytes();
    let mut out = replace_bytes(&bytes, needle);
    if let Ok(text) = std::str::from_utf8(out.as_deref().unwrap_or(&bytes))
        && let Ok(raw) = serde_json::from_str::<&serde_json::value::RawValue>(text)
    {
        let mut scrubbed = String::new();
        if crate::json::write_scrubbed(raw, secret, &mut scrubbed) {
            out = Some(scrubbed.into_bytes());
        }
    }
    if cut {
        let body = out.as_deref().unwrap_or(&bytes);
        let keep = (1..needle.len())
            .rev()
            .find(|n| body.ends_with(&needle[..*n]))
            .map_or(body.len(), |n| body.len() - n);
        if keep < body.len() {
            out = Some(body[..keep].to_vec());
        }
    }
    out.map_or(bytes, Bytes::from)
}

/// `haystack` with every `needle` replaced by `[redacted]`; `None` if there is none.
fn replace_bytes(haystack: &[u8], needle: &[u8]) -> Option<Vec<u8>> {
    haystack.windows(needle.len()).position(|w| w == needle)?;
    let mut out = Vec::with_capacity(haystack.len());
    let mut rest = haystack;
    while let Some(at) = rest.windows(needle.len()).position(|w| w == needle) {
        out.extend_from_slice(&rest[..at]);
        out.extend_from_slice(b"[redacted]");
        rest = &rest[at + needle.len()..];
    }
    out.extend_from_slice(rest);
    Some(out)
}

/// `text` as one line that shows what it says and nothing else: control characters (line
/// breaks, terminal escapes) and the characters that reorder or break text on screen are
/// replaced by `�`, and at most `max` characters are kept.
pub fn one_line(text: &str, max: usize) -> String {
    let shown: String = text
        .chars()
        .map(|c| {
            let hidden = c.is_control()
                || matches!(
                    c,
                    '\u{2028}' | '\u{2029}' | '\u{200e}' | '\u{200f}' | '\u{061c}'
                )
                || ('\u{202a}'..='\u{202e}').contains(&c)
                || ('\u{2066}'..='\u{2069}').contains(&c);
            if hidden { '\u{fffd}' } else { c }
        })
        .collect();
    bounded(&shown, max).into_owned()
}

/// `text` cut to at most `max` characters, with an ellipsis when cut.
pub(crate) fn bounded(text: &str, max: usize) -> Cow<'_, str> {
    match text.char_indices().nth(max) {
        Some((at, _)) => Cow::Owned(format!("{}…", &text[..at])),
        None => Cow::Borrowed(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrubbing_replaces_every_occurrence_and_leaves_the_rest() {
        let body = Bytes::from_static(b"{\"echo\":\"Bearer sk_12345\",\"again\":\"sk_12345\"}");
        let scrubbed = scrub_bytes(body, Some("sk_12345"), false);
        assert_eq!(
            &scrubbed[..],
            b"{\"echo\":\"Bearer [redacted]\",\"again\":\"[redacted]\"}"
        );
        // Escaped in JSON, it is found once unescaped.
        let escaped = Bytes::from_static(b"{\"m\":\"\\u0073k_12345 here\"}");
        assert_eq!(
            &scrub_bytes(escaped, Some("sk_12345"), false)[..],
            b"{\"m\":\"[redacted] here\"}"
        );
        // A body cut inside the key loses the start of it.
        let cut = Bytes::from_static(b"{\"m\":\"sk_");
        assert_eq!(&scrub_bytes(cut, Some("sk_12345"), true)[..], b"{\"m\":\"");
        assert_eq!(scrub("no key here", Some("sk_12345")), "no key here");
        assert_eq!(scrub("sk_12345", None), "sk_12345");
    }

    #[test]
    fn one_line_hides_what_would_move_the_terminal() {
        assert_eq!(
            one_line("a\nb\u{1b}[31mc\u{202e}d", 100),
            "a\u{fffd}b\u{fffd}[31mc\u{fffd}d"
        );
        assert_eq!(one_line("abcdef", 3), "abc…");
    }

    #[test]
    fn bounded_text_is_cut_on_a_character_boundary() {
        assert_eq!(bounded("ééééé", 3), "ééé…");
        assert_eq!(bounded("short", 10), "short");
    }
}
