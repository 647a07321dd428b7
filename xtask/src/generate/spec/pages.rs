//! Listings: which operations answer with one page of a longer list, and how the next page is
//! asked for (a cursor, an offset, a page number), by README's rules or `x-invent-pagination`.

use serde_json::{Map, Value};

use super::{Operation, Spec};

/// The operation extension that declares how an operation pages (`false`: it does not).
pub const PAGINATION: &str = "x-invent-pagination";

/// How one listing operation pages; the properties are JSON pointers into a page.
#[derive(Debug, Clone, PartialEq)]
pub struct Paging {
    pub style: Style,
    /// The query parameter that says where a page starts (as the normalized spec names it).
    pub parameter: String,
    /// The property holding the page's items (`""`: the page is the list).
    pub items: String,
    pub next: Option<String>,
    pub has_more: Option<String>,
    pub total: Option<String>,
    pub total_pages: Option<String>,
    /// The item property whose value on the last item is the next cursor.
    pub last_id: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Style {
    Cursor,
    Offset,
    Page,
}

impl Style {
    /// How README and the corpus table call it.
    pub fn name(self) -> &'static str {
        match self {
            Style::Cursor => "cursor",
            Style::Offset => "offset",
            Style::Page => "page",
        }
    }
}

/// Query parameters that carry a cursor, and the page properties that give the next one.
const CURSOR_PARAMETERS: [&str; 7] = [
    "cursor",
    "after",
    "starting_after",
    "page_token",
    "pageToken",
    "next_token",
    "marker",
];
const NEXT_PROPERTIES: [&str; 8] = [
    "next_cursor",
    "next_page_token",
    "nextPageToken",
    "next_token",
    "next_marker",
    "nextCursor",
    "next_page",
    "cursor",
];
/// Page properties that hold the list, tried in order before a page's only list.
const ITEM_PROPERTIES: [&str; 7] = [
    "data", "items", "results", "entries", "records", "values", "elements",
];
/// Page properties that group the paging facts (`{next_page: {offset}}`, `{meta: {total}}`).
const GROUPS: [&str; 5] = [
    "next_page",
    "pagination",
    "meta",
    "paging",
    "response_metadata",
];
const PAGE_SIZES: [&str; 5] = ["per_page", "page_size", "pageSize", "limit", "size"];

/// How `op` pages: its `x-invent-pagination` if it has one (`Err` naming the place when that
/// says something the operation does not have), else what the rules find, else `None`.
pub fn paging(spec: &Spec, op: &Operation) -> Result<Option<Paging>, String> {
    let page = page_schema(spec, op);
    match op.json.get(PAGINATION) {
        Some(Value::Bool(false)) => Ok(None),
        Some(Value::Object(declared)) => declared_paging(spec, op, page, declared).map(Some),
        Some(_) => Err(format!(
            "`{}.{PAGINATION}` is neither `false` nor a mapping (style, parameter, items, …)",
            op.at()
        )),
        None => Ok(page.and_then(|page| found_paging(spec, op, page))),
    }
}

/// The JSON schema of the operation's success body, if it has one success (several give
/// the caller any JSON value, which is no page).
fn page_schema<'a>(spec: &'a Spec, op: &Operation<'a>) -> Option<&'a Value> {
    let responses = op.json.get("responses")?.as_object()?;
    let mut successes = responses
        .iter()
        .filter(|(status, _)| status.starts_with('2'));
    let (_, success) = successes.next()?;
    if successes.next().is_some() {
        return None;
    }
    let content = success.get("content")?.as_object()?;
    let (_, media) = content
        .iter()
        .find(|(media, _)| super::view::is_json(media))?;
    Some(spec.resolve(media.get("schema")?))
}

fn found_paging(spec: &Spec, op: &Operation, page: &Value) -> Option<Paging> {
    let query: Vec<(&str, &Value)> = op
        .parameters()
        .filter(|p| p.get("in").and_then(Value::as_str) == Some("query"))
        .filter(|p| p.get("required") != Some(&Value::Bool(true)))
        .filter_map(|p| Some((p.get("name")?.as_str()?, spec.resolve(p.get("schema")?))))
        .collect();
    let kind = |schema: &Value| {
        schema
            .get("type")
            .and_then(Value::as_str)
            .map(str::to_string)
    };
    let parameter = |names: &[&str], of: &str| {
        query
            .iter()
            .find(|(name, schema)| names.contains(name) && kind(schema).as_deref() == Some(of))
            .map(|(name, _)| name.to_string())
    };
    let items = items_of(spec, page)?;
    let facts = Facts::of(spec, page);
    let blank = |style, parameter: String| Paging {
        style,
        parameter,
        items: items.clone(),
        next: None,
        has_more: facts.find(spec, &["has_more", "hasMore"], "boolean"),
        total: facts.find(spec, &["total", "total_count", "totalCount"], "integer"),
        total_pages: facts.find(spec, &["total_pages", "totalPages"], "integer"),
        last_id: None,
    };
    // A cursor: a string parameter (an `offset` that is a string is a cursor, as Asana's),
    // with the next cursor in the page, or `has_more` and the last item's `id`.
    let mut cursors: Vec<&str> = CURSOR_PARAMETERS.to_vec();
    cursors.push("offset");
    if let Some(parameter) = parameter(&cursors, "string") {
        let mut nexts: Vec<&str> = NEXT_PROPERTIES.to_vec();
        nexts.push(&parameter);
        let mut paging = blank(Style::Cursor, parameter.clone());
        paging.next = facts.find(spec, &nexts, "string");
        if paging.next.is_none() {
            let has_id = item_schema(spec, page, &items)
                .and_then(|item| item.get("properties")?.get("id"))
                .is_some();
            let after = ["after", "starting_after"].contains(&parameter.as_str());
            if !(paging.has_more.is_some() && has_id && after) {
                return None;
            }
            paging.last_id = Some("/id".into());
        }
        return Some(paging);
    }
    if let Some(parameter) = parameter(&["offset"], "integer") {
        return Some(blank(Style::Offset, parameter));
    }
    if let Some(parameter) = parameter(&["page"], "integer")
        && PAGE_SIZES
            .iter()
            .any(|size| query.iter().any(|(n, _)| n == size))
    {
        let paging = blank(Style::Page, parameter);
        // A page number tells where the list ends only with a total, or pages that are lists
        // (the empty page after the last).
        let ends = paging.total.is_some() || paging.total_pages.is_some() || items.is_empty();
        return ends.then_some(paging);
    }
    None
}

/// Where the page's items are: `""` for a page that is a list, else the pointer to the list
/// property (one of [`ITEM_PROPERTIES`], or the only one); a list that may be `null` is not
/// read as items.
fn items_of(spec: &Spec, page: &Value) -> Option<String> {
    if page.get("type").and_then(Value::as_str) == Some("array") {
        return Some(String::new());
    }
    let properties = page.get("properties")?.as_object()?;
    let lists: Vec<&String> = properties
        .iter()
        .filter(|(_, schema)| {
            let schema = spec.resolve(schema);
            schema.get("type").and_then(Value::as_str) == Some("array")
                && schema.get("nullable") != Some(&Value::Bool(true))
        })
        .map(|(name, _)| name)
        .collect();
    let name = ITEM_PROPERTIES
        .iter()
        .find_map(|n| lists.iter().find(|l| l.as_str() == *n))
        .or(match lists.as_slice() {
            [only] => Some(only),
            _ => None,
        })?;
    Some(format!("/{}", escape(name)))
}

/// The schema of one item of the page's list.
fn item_schema<'a>(spec: &'a Spec, page: &'a Value, items: &str) -> Option<&'a Value> {
    let list = match items {
        "" => page,
        pointer => spec.resolve(page.get("properties")?.get(&pointer[1..])?),
    };
    Some(spec.resolve(list.get("items")?))
}

/// The page's top-level properties and those of its groups ([`GROUPS`]), by pointer.
struct Facts<'a> {
    properties: Vec<(String, &'a str, &'a Value)>,
}

impl<'a> Facts<'a> {
    fn of(spec: &'a Spec, page: &'a Value) -> Self {
        let mut properties = Vec::new();
        let own = |schema: &'a Value| {
            schema
                .get("properties")
                .and_then(Value::as_object)
                .into_iter()
                .flatten()
        };
        for (name, schema) in own(page) {
            properties.push((format!("/{}", escape(name)), name.as_str(), schema));
        }
        for (group, schema) in own(page).filter(|(n, _)| GROUPS.contains(&n.as_str())) {
            for (name, inner) in own(spec.resolve(schema)) {
                let pointer = format!("/{}/{}", escape(group), escape(name));
                properties.push((pointer, name.as_str(), inner));
            }
        }
        Facts { properties }
    }

    /// The pointer to the first property named one of `names` (in that order) of type `kind`.
    fn find(&self, spec: &Spec, names: &[&str], kind: &str) -> Option<String> {
        names.iter().find_map(|wanted| {
            self.properties
                .iter()
                .find(|(_, name, schema)| {
                    name == wanted
                        && spec.resolve(schema).get("type").and_then(Value::as_str) == Some(kind)
                })
                .map(|(pointer, _, _)| pointer.clone())
        })
    }
}

/// `x-invent-pagination: {style, parameter, items, next, has_more, total, total_pages, id}`,
/// each property a page property (dotted for one in a group: `next_page.offset`).
fn declared_paging(
    spec: &Spec,
    op: &Operation,
    page: Option<&Value>,
    declared: &Map<String, Value>,
) -> Result<Paging, String> {
    let at = format!("{}.{PAGINATION}", op.at());
    let text = |key: &str| declared.get(key).and_then(Value::as_str);
    const KEYS: [&str; 8] = [
        "style",
        "parameter",
        "items",
        "next",
        "has_more",
        "total",
        "total_pages",
        "id",
    ];
    if let Some(key) = declared.keys().find(|k| !KEYS.contains(&k.as_str())) {
        return Err(format!("`{at}.{key}` is not one of {}", KEYS.join(", ")));
    }
    let style = match text("style") {
        Some("cursor") => Style::Cursor,
        Some("offset") => Style::Offset,
        Some("page") => Style::Page,
        _ => return Err(format!("`{at}.style` must be `cursor`, `offset` or `page`")),
    };
    let parameter = text("parameter").ok_or_else(|| {
        format!("`{at}.parameter` (the query parameter that starts a page) is missing")
    })?;
    let query = op.parameters().find(|p| {
        p.get("in").and_then(Value::as_str) == Some("query")
            && p.get("name").and_then(Value::as_str) == Some(parameter)
    });
    let Some(query) = query else {
        return Err(format!(
            "`{at}.parameter`: `{}` has no query parameter `{parameter}`",
            op.id
        ));
    };
    if query.get("required") == Some(&Value::Bool(true)) {
        return Err(format!(
            "`{at}.parameter`: `{parameter}` is required, so the first page could not be asked \
             for without it"
        ));
    }
    let page = page.ok_or_else(|| {
        format!(
            "`{at}`: `{}` has no JSON success body, or more than one success",
            op.id
        )
    })?;
    let pointer = |key: &str| -> Result<Option<String>, String> {
        let Some(path) = text(key) else {
            return Ok(None);
        };
        let mut schema = page;
        for name in path.split('.') {
            schema = schema
                .get("properties")
                .and_then(|p| p.get(name))
                .map(|s| spec.resolve(s))
                .ok_or_else(|| format!("`{at}.{key}`: the page has no property `{path}`"))?;
        }
        let escaped: Vec<String> = path.split('.').map(escape).collect();
        Ok(Some(format!("/{}", escaped.join("/"))))
    };
    let items = match text("items") {
        Some(_) => pointer("items")?.unwrap_or_default(),
        None => items_of(spec, page)
            .ok_or_else(|| format!("`{at}.items`: the page has no list to read items from"))?,
    };
    let paging = Paging {
        style,
        parameter: parameter.to_string(),
        items,
        next: pointer("next")?,
        has_more: pointer("has_more")?,
        total: pointer("total")?,
        total_pages: pointer("total_pages")?,
        last_id: text("id").map(|id| format!("/{}", escape(id))),
    };
    if style == Style::Cursor && paging.next.is_none() && paging.has_more.is_none() {
        return Err(format!(
            "`{at}`: a cursor listing needs `next` (the next cursor) or `has_more` (with `id`, \
             the item property the next page starts after)"
        ));
    }
    Ok(paging)
}

fn escape(name: &str) -> String {
    name.replace('~', "~0").replace('/', "~1")
}
