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

/// `text` with every occurrence of `secret` replaced by `[redacted]`.
pub(crate) fn scrub<'a>(text: &'a str, secret: Option<&str>) -> Cow<'a, str> {
    match secret {
        Some(secret) if !secret.is_empty() && text.contains(secret) => {
            Cow::Owned(text.replace(secret, "[redacted]"))
        }
        _ => Cow::Borrowed(text),
    }
}

/// `bytes` with every occurrence of `secret` replaced by `[redacted]` (a copy only if found).
pub(crate) fn scrub_bytes(bytes: Bytes, secret: Option<&str>) -> Bytes {
    let Some(secret) = secret.filter(|s| !s.is_empty()).map(str::as_bytes) else {
        return bytes;
    };
    if !bytes.windows(secret.len()).any(|w| w == secret) {
        return bytes;
    }
    let mut out = Vec::with_capacity(bytes.len());
    let mut rest = &bytes[..];
    while let Some(at) = rest.windows(secret.len()).position(|w| w == secret) {
        out.extend_from_slice(&rest[..at]);
        out.extend_from_slice(b"[redacted]");
        rest = &rest[at + secret.len()..];
    }
    out.extend_from_slice(rest);
    Bytes::from(out)
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
        let body = Bytes::from_static(b"{\"echo\":\"Bearer sk_1\",\"again\":\"sk_1\"}");
        let scrubbed = scrub_bytes(body, Some("sk_1"));
        assert_eq!(
            &scrubbed[..],
            b"{\"echo\":\"Bearer [redacted]\",\"again\":\"[redacted]\"}"
        );
        assert_eq!(scrub("no key here", Some("sk_1")), "no key here");
        assert_eq!(scrub("sk_1", None), "sk_1");
    }

    #[test]
    fn bounded_text_is_cut_on_a_character_boundary() {
        assert_eq!(bounded("ééééé", 3), "ééé…");
        assert_eq!(bounded("short", 10), "short");
    }
}
