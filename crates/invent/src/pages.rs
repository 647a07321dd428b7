//! Listings walked page by page: `pages()` and `items()` on a listing operation's builder, each
//! next page asked for only when the stream is polled past the last one, with the call's options.

use std::collections::HashSet;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use futures::stream::{self, BoxStream, Stream, StreamExt, TryStreamExt};
use serde::Serialize;
use serde_json::value::RawValue;

use crate::{Error, Response};

/// How a listing says where its next page starts, as the spec describes it (the generator
/// fills one in per listing operation; the fields are JSON pointers into a page).
#[doc(hidden)]
#[derive(Debug)]
pub struct Paging {
    pub style: Style,
    /// The list of items (`""` for a page that is a list).
    pub items: &'static str,
    /// The next page's cursor (a cursor listing).
    pub next: Option<&'static str>,
    /// Whether there are more pages.
    pub has_more: Option<&'static str>,
    /// How many items there are in all (an offset or page listing).
    pub total: Option<&'static str>,
    /// How many pages there are in all (a page listing).
    pub total_pages: Option<&'static str>,
    /// The property of an item whose value, on the last item, is the next cursor
    /// (`starting_after` beside `has_more`).
    pub last_id: Option<&'static str>,
}

/// What the query parameter that starts a page holds.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Style {
    Cursor,
    /// The number of items before the page (counted from 0).
    Offset,
    /// The page's number (counted from 1).
    Page,
}

/// Where a listing's next page starts: what the builder's page parameter is set to.
#[doc(hidden)]
pub enum At {
    Cursor(String),
    Number(u64),
}

/// The generated parts of one listing: how to send a page, set where the next starts, read
/// where this one started, and bound the call by what is left of the walk's deadline.
#[doc(hidden)]
pub struct Listing<'a, B, P> {
    pub paging: &'static Paging,
    pub send: fn(B) -> futures::future::BoxFuture<'a, Result<Response<P>, Error>>,
    pub at: fn(B, At) -> B,
    pub current: fn(&B) -> Option<u64>,
    pub within: fn(B, Duration) -> B,
}

/// Every page of a listing, in order: a [`Stream`] of `Result<Response<P>, Error>` that asks
/// for the next page only when polled after the last. It ends after a page that says it is
/// the last (no next cursor, `has_more: false`, an empty page, or the total reached), after
/// an error (the pages before it already yielded), or with [`Error::Pagination`] after a page
/// that gives a cursor an earlier page gave (the walk would never end; that page is yielded).
pub struct Pages<'a, P> {
    stream: BoxStream<'a, Result<Response<P>, Error>>,
    deadline: Deadline,
}

/// The walk's deadline, set by `within` before its first page.
type Deadline = Arc<Mutex<Option<Duration>>>;

impl<'a, P: Send + 'a> Pages<'a, P> {
    #[doc(hidden)]
    pub fn new<B>(first: B, listing: Listing<'a, B, P>) -> Self
    where
        B: Clone + Send + 'a,
        P: Serialize,
    {
        let deadline = Deadline::default();
        let state = Walk {
            next: Some(first),
            seen: HashSet::new(),
            pages: 0,
            failed: None,
            started: None,
            deadline: deadline.clone(),
            listing,
        };
        let stream = stream::unfold(state, |mut walk| async move {
            // A page that cannot lead to the next is yielded first, then why.
            if let Some(e) = walk.failed.take() {
                return Some((Err(e), walk));
            }
            let builder = walk.next.take()?;
            let started = *walk.started.get_or_insert_with(Instant::now);
            let deadline = *walk.deadline.lock().unwrap_or_else(|e| e.into_inner());
            let builder = match deadline {
                Some(deadline) => {
                    // The page's call gets what is left of the walk's deadline (at least a
                    // millisecond, so a passed deadline ends the call as any deadline does).
                    let left = deadline.saturating_sub(started.elapsed());
                    (walk.listing.within)(builder, left.max(Duration::from_millis(1)))
                }
                None => builder,
            };
            let again = builder.clone();
            walk.pages += 1;
            let page = match (walk.listing.send)(builder).await {
                Ok(page) => page,
                Err(e) => return Some((Err(e), walk)),
            };
            match walk.after(again, &page) {
                Ok(next) => walk.next = next,
                Err(e) => walk.failed = Some(e),
            }
            Some((Ok(page), walk))
        });
        Pages {
            stream: stream.boxed(),
            deadline,
        }
    }

    /// The whole walk within `deadline`, counted from its first page: each page's call gets
    /// what is left of it as its deadline ([`crate::CallOptions::deadline`], or the call's
    /// own if that is sooner), and the walk ends with that call's
    /// [`Error::DeadlineExceeded`] once it has passed.
    pub fn within(self, deadline: Duration) -> Self {
        *self.deadline.lock().unwrap_or_else(|e| e.into_inner()) = Some(deadline);
        self
    }

    /// The items of every page, in order, as one stream (a page's items are yielded before
    /// the next page is asked for; an error ends the stream after the items before it).
    #[doc(hidden)]
    pub fn items<T, I>(self, of: fn(P) -> I) -> Items<'a, T>
    where
        I: IntoIterator<Item = T> + 'a,
        I::IntoIter: Send,
        T: Send + 'a,
    {
        let items = self
            .stream
            .map_ok(move |page| stream::iter(of(page.into_inner()).into_iter().map(Ok)))
            .try_flatten();
        Items {
            stream: items.boxed(),
            deadline: self.deadline,
        }
    }
}

impl<P> Stream for Pages<'_, P> {
    type Item = Result<Response<P>, Error>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.stream.poll_next_unpin(cx)
    }
}

impl<P> std::fmt::Debug for Pages<'_, P> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Pages")
    }
}

/// The items of every page of a listing, in order: a [`Stream`] of `Result<T, Error>` (see
/// [`Pages`] for when it asks for a page and when it ends).
pub struct Items<'a, T> {
    stream: BoxStream<'a, Result<T, Error>>,
    deadline: Deadline,
}

impl<T> Items<'_, T> {
    /// The whole walk within `deadline`, as [`Pages::within`].
    pub fn within(self, deadline: Duration) -> Self {
        *self.deadline.lock().unwrap_or_else(|e| e.into_inner()) = Some(deadline);
        self
    }
}

impl<T> Stream for Items<'_, T> {
    type Item = Result<T, Error>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.stream.poll_next_unpin(cx)
    }
}

impl<T> std::fmt::Debug for Items<'_, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Items")
    }
}

struct Walk<'a, B, P> {
    next: Option<B>,
    seen: HashSet<String>,
    pages: usize,
    /// Why the page just yielded cannot lead to the next, yielded after it.
    failed: Option<Error>,
    started: Option<Instant>,
    deadline: Deadline,
    listing: Listing<'a, B, P>,
}

impl<B, P: Serialize> Walk<'_, B, P> {
    /// The builder of the page after `page` (`again` is the builder `page` was sent with), or
    /// `None` after the last page.
    fn after(&mut self, again: B, page: &Response<P>) -> Result<Option<B>, Error> {
        let paging = self.listing.paging;
        // The page's JSON text, read along the pointers only (every value kept as its text,
        // so nothing a page holds, `1E400` included, stops the walk).
        let json =
            serde_json::value::to_raw_value(&**page).map_err(|e| self.error(e.to_string()))?;
        let read = |pointer: Option<&str>| pointer.and_then(|p| at_pointer(&json, p));
        let items: Vec<&RawValue> = at_pointer(&json, paging.items)
            .and_then(|list| serde_json::from_str(list.get()).ok())
            .unwrap_or_default();
        let count = items.len();
        if read(paging.has_more).and_then(|v| serde_json::from_str::<bool>(v.get()).ok())
            == Some(false)
        {
            return Ok(None);
        }
        let number = |value: Option<&RawValue>| {
            value.and_then(|v| serde_json::from_str::<u64>(v.get()).ok())
        };
        let next = match paging.style {
            Style::Cursor => {
                let cursor = match paging.next {
                    Some(_) => read(paging.next).and_then(cursor_text),
                    // `has_more: true`: the next page starts after the last item.
                    None => items
                        .last()
                        .and_then(|last| at_pointer(last, paging.last_id.unwrap_or("/id")))
                        .and_then(cursor_text),
                };
                let Some(cursor) = cursor else {
                    return Ok(None);
                };
                if !self.seen.insert(cursor.clone()) {
                    return Err(self.error(format!(
                        "the next cursor `{cursor}` is one an earlier page gave; the listing \
                         would never end"
                    )));
                }
                At::Cursor(cursor)
            }
            Style::Offset | Style::Page if count == 0 => return Ok(None),
            Style::Offset => {
                let offset = (self.listing.current)(&again).unwrap_or(0) + count as u64;
                if number(read(paging.total)).is_some_and(|total| offset >= total) {
                    return Ok(None);
                }
                At::Number(offset)
            }
            Style::Page => {
                let page = (self.listing.current)(&again).unwrap_or(1);
                if number(read(paging.total_pages)).is_some_and(|pages| page >= pages) {
                    return Ok(None);
                }
                let seen = (page as usize).saturating_sub(1).saturating_mul(count) + count;
                if number(read(paging.total)).is_some_and(|total| seen as u64 >= total) {
                    return Ok(None);
                }
                At::Number(page + 1)
            }
        };
        Ok(Some((self.listing.at)(again, next)))
    }

    fn error(&self, reason: String) -> Error {
        Error::Pagination {
            page: self.pages,
            reason,
        }
    }
}

/// A cursor as the next request sends it: a string as it is, a number as its digits; an
/// empty string or `null` means there is no next page.
fn cursor_text(value: &RawValue) -> Option<String> {
    let text = value.get();
    match text.as_bytes().first() {
        Some(b'"') => serde_json::from_str::<String>(text)
            .ok()
            .filter(|s| !s.is_empty()),
        Some(b'-' | b'0'..=b'9') => Some(text.to_string()),
        _ => None,
    }
}

/// The value at a JSON pointer (RFC 6901) in a JSON text, read one level at a time.
fn at_pointer<'a>(json: &'a RawValue, pointer: &str) -> Option<&'a RawValue> {
    if pointer.is_empty() {
        return Some(json);
    }
    let mut at = json;
    for token in pointer.strip_prefix('/')?.split('/') {
        let token = token.replace("~1", "/").replace("~0", "~");
        at = match at.get().as_bytes().first() {
            Some(b'{') => {
                let object: std::collections::HashMap<String, &'a RawValue> =
                    serde_json::from_str(at.get()).ok()?;
                object.get(&token).copied()?
            }
            Some(b'[') => {
                let list: Vec<&'a RawValue> = serde_json::from_str(at.get()).ok()?;
                list.get(token.parse::<usize>().ok()?).copied()?
            }
            _ => return None,
        };
    }
    Some(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(text: &str) -> Box<RawValue> {
        RawValue::from_string(text.to_string()).unwrap()
    }

    #[test]
    fn pointers_read_a_page_as_written() {
        let page = raw(r#"{"data":[{"id":"a"},{"id":7}],"meta":{"a/b":1E400,"next":"c"}}"#);
        assert_eq!(
            at_pointer(&page, "/meta/next").map(RawValue::get),
            Some(r#""c""#)
        );
        assert_eq!(
            at_pointer(&page, "/meta/a~1b").map(RawValue::get),
            Some("1E400")
        );
        assert_eq!(
            at_pointer(&page, "/data/1/id").map(RawValue::get),
            Some("7")
        );
        assert_eq!(at_pointer(&page, "").map(RawValue::get), Some(page.get()));
        assert!(at_pointer(&page, "/data/2").is_none() && at_pointer(&page, "/nope").is_none());
    }

    #[test]
    fn a_cursor_is_a_string_or_a_number_and_empty_or_null_ends() {
        assert_eq!(cursor_text(&raw(r#""c2""#)).as_deref(), Some("c2"));
        assert_eq!(cursor_text(&raw("12")).as_deref(), Some("12"));
        assert_eq!(cursor_text(&raw(r#""""#)), None);
        assert_eq!(cursor_text(&raw("null")), None);
        assert_eq!(cursor_text(&raw("{}")), None);
    }
}
