//! Step 4d: the SDK's way in is its own: progenitor's constructors (which skip the client's
//! checks, and unwrap) and its runtime's types leave the public API, and every operation's
//! documentation is written from the spec with an example that compiles.

use std::collections::HashMap;

use syn::visit_mut::VisitMut;
use syn::{Expr, ImplItem, Item, parse_quote};

use crate::generate::tree;
use crate::spec::{Operation, Spec};

/// Applies the three rewrites, each counted against what progenitor must have written.
pub fn apply(spec: &Spec, file: &mut syn::File) -> Result<(), String> {
    hide_runtime_reexport(file)?;
    hide_constructors(file)?;
    document_client(spec, file)?;
    document_operations(spec, file)
}

/// The `Client` struct's documentation opens with the two ways to build one (progenitor's
/// names its constructors, which are not public).
fn document_client(spec: &Spec, file: &mut syn::File) -> Result<(), String> {
    let info = spec.openapi.info.clone();
    let mut doc = format!(
        " A client of the {}: build one with [`Client::from_env`] (reads `INVENT_API_KEY` and \n \
         `INVENT_BASE_URL`) or [`Client::builder`], then call an operation and `send()` it.\n",
        info.title.replace('`', "'")
    );
    doc.push_str(
        "\n ```no_run\n let client = invent::Client::from_env()?;\n \
         # let _ = client;\n # Ok::<(), invent::ConfigError>(())\n ```\n",
    );
    if let Some(description) = info
        .description
        .as_deref()
        .map(str::trim)
        .filter(|d| !d.is_empty())
    {
        doc.push_str(&format!("\n {}\n", description.replace('\n', "\n ")));
    }
    doc.push_str(&format!("\n Version: {}", info.version));
    let mut documented = 0;
    for item in &mut file.items {
        if let Item::Struct(s) = item
            && s.ident == "Client"
        {
            s.attrs.retain(|a| !a.path().is_ident("doc"));
            s.attrs.push(parse_quote!(#[doc = #doc]));
            documented += 1;
        }
    }
    if documented != 1 {
        return Err(format!(
            "expected one `struct Client` in progenitor's client, found {documented}"
        ));
    }
    Ok(())
}

/// `pub use progenitor_client::{ByteStream, ClientInfo, Error, ResponseValue};` becomes a
/// private `use`: the SDK's public API names its own `Response`, `ByteStream` and `Error`.
fn hide_runtime_reexport(file: &mut syn::File) -> Result<(), String> {
    let mut hidden = 0;
    for item in &mut file.items {
        if let Item::Use(import) = item
            && matches!(import.vis, syn::Visibility::Public(_))
            && matches!(&import.tree, syn::UseTree::Path(p) if p.ident == "progenitor_client")
        {
            import.vis = syn::Visibility::Inherited;
            hidden += 1;
        }
    }
    if hidden != 1 {
        return Err(format!(
            "expected one `pub use progenitor_client::…` in progenitor's client, found {hidden}"
        ));
    }
    Ok(())
}

/// Progenitor's `Client::new` (which builds a `reqwest::Client` without the SDK's checks and
/// unwraps it) is removed, and `new_with_client` is left to `ClientBuilder::build`, which
/// checks the URL, the TLS and the redirect settings before calling it.
fn hide_constructors(file: &mut syn::File) -> Result<(), String> {
    let mut removed = 0;
    let mut restricted = 0;
    for item in &mut file.items {
        let Item::Impl(block) = item else { continue };
        if block.trait_.is_some() || !tree::impl_is_for(block, "Client") {
            continue;
        }
        block.items.retain(|member| {
            let is_new = matches!(member, ImplItem::Fn(f) if f.sig.ident == "new");
            removed += usize::from(is_new);
            !is_new
        });
        for member in &mut block.items {
            if let ImplItem::Fn(f) = member
                && f.sig.ident == "new_with_client"
            {
                f.vis = parse_quote!(pub(crate));
                restricted += 1;
            }
        }
    }
    if (removed, restricted) != (1, 1) {
        return Err(format!(
            "expected progenitor's `Client::new` and `Client::new_with_client` once each, found \
             {removed} and {restricted}"
        ));
    }
    Ok(())
}

/// Each operation's method on `Client` gets its documentation from the spec (summary,
/// description, method and path, parameters) and a `no_run` example that compiles, in place
/// of progenitor's (whose example is `ignore`d: it names variables it never declares).
fn document_operations(spec: &Spec, file: &mut syn::File) -> Result<(), String> {
    let operations = spec.operations();
    let by_name: HashMap<String, &Operation> = operations
        .iter()
        .map(|op| (crate::spec::names::operation_name(op.id), op))
        .collect();
    let setters = required_setters(file)?;
    let mut documented = 0;
    for item in &mut file.items {
        let Item::Impl(block) = item else { continue };
        if block.trait_.is_some() || !tree::impl_is_for(block, "Client") {
            continue;
        }
        for member in &mut block.items {
            let ImplItem::Fn(method) = member else {
                continue;
            };
            let Some(builder) = builder_made_by(&method.block) else {
                continue;
            };
            let name = method.sig.ident.to_string();
            let op = by_name.get(&name).ok_or_else(|| {
                format!("progenitor generated the method `{name}`, which the spec does not have")
            })?;
            let arguments = setters.get(&builder).ok_or_else(|| {
                format!(
                    "operation `{}` ({}): no builder struct `builder::{builder}`",
                    op.id,
                    op.at()
                )
            })?;
            method.attrs.retain(|a| !a.path().is_ident("doc"));
            let doc = doc_text(op, &name, arguments);
            method.attrs.insert(0, parse_quote!(#[doc = #doc]));
            documented += 1;
        }
    }
    if documented != operations.len() {
        return Err(format!(
            "the spec has {} operations but progenitor's client has {documented} operation \
             methods",
            operations.len()
        ));
    }
    Ok(())
}

/// `X` in a method body `builder::X::new(self)`.
fn builder_made_by(block: &syn::Block) -> Option<String> {
    let [syn::Stmt::Expr(Expr::Call(call), None)] = block.stmts.as_slice() else {
        return None;
    };
    let Expr::Path(f) = &*call.func else {
        return None;
    };
    let segments: Vec<_> = f
        .path
        .segments
        .iter()
        .map(|s| s.ident.to_string())
        .collect();
    match segments.as_slice() {
        [module, builder, new] if module == "builder" && new == "new" => Some(builder.clone()),
        _ => None,
    }
}

/// One argument of an example: the setter and the type of the value it is given.
struct Setter {
    name: syn::Ident,
    ty: syn::Type,
}

/// For each operation builder in the `builder` module: the setters a call needs (the fields
/// `Result<T, String>` that are not optional, and the body), with the type `T` each takes,
/// written as a caller outside the crate names it.
fn required_setters(file: &mut syn::File) -> Result<HashMap<String, Vec<Setter>>, String> {
    let builder = tree::module_mut(&mut file.items, "builder")
        .ok_or("progenitor emitted no `builder` module")?;
    let mut setters = HashMap::new();
    for item in builder.iter() {
        let Item::Struct(s) = item else { continue };
        let syn::Fields::Named(fields) = &s.fields else {
            continue;
        };
        let mut needed = Vec::new();
        for field in &fields.named {
            let Some(name) = field.ident.clone() else {
                continue;
            };
            let syn::Type::Path(p) = &field.ty else {
                continue;
            };
            if !tree::path_is(&p.path, &["Result"]) {
                continue;
            }
            let Some(value) = tree::first_generic(&field.ty) else {
                continue;
            };
            let optional =
                matches!(value, syn::Type::Path(v) if tree::path_is(&v.path, &["Option"]));
            if optional {
                continue;
            }
            let mut ty = value.clone();
            Outside.visit_type_mut(&mut ty);
            needed.push(Setter { name, ty });
        }
        setters.insert(s.ident.to_string(), needed);
    }
    Ok(setters)
}

/// Paths as code outside the crate writes them: `types::X` and `crate::X` as `invent::…`.
struct Outside;

impl VisitMut for Outside {
    fn visit_path_mut(&mut self, path: &mut syn::Path) {
        syn::visit_mut::visit_path_mut(self, path);
        let first = path.segments.first().map(|s| s.ident.to_string());
        match first.as_deref() {
            Some("types") => path.segments.insert(0, parse_quote!(invent)),
            Some("crate" | "super") => {
                if let Some(first) = path.segments.first_mut() {
                    first.ident = parse_quote!(invent);
                }
            }
            _ => {}
        }
    }
}

/// The documentation of one operation's method.
fn doc_text(op: &Operation, method: &str, setters: &[Setter]) -> String {
    let text = |key: &str| {
        op.json
            .get(key)
            .and_then(serde_json::Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
    };
    let mut doc = String::new();
    for part in [text("summary"), text("description")].into_iter().flatten() {
        doc.push_str(&format!(" {}\n\n", part.replace('\n', "\n ")));
    }
    doc.push_str(&format!(
        " Sends a `{}` request to `{}`.\n",
        op.method.to_uppercase(),
        op.path.replace('`', "'")
    ));
    let mut parameters = String::new();
    for parameter in op.parameters() {
        let field = |key: &str| parameter.get(key).and_then(serde_json::Value::as_str);
        let (Some(name), Some(place)) = (field("name"), field("in")) else {
            continue;
        };
        let required = if parameter.get("required") == Some(&serde_json::Value::Bool(true)) {
            ", required"
        } else {
            ""
        };
        let about = field("description")
            .map(|d| format!(": {}", d.split_whitespace().collect::<Vec<_>>().join(" ")))
            .unwrap_or_default();
        parameters.push_str(&format!(" - `{name}` ({place}{required}){about}\n"));
    }
    if let Some(body) = op.json.get("requestBody") {
        let about = body
            .get("description")
            .and_then(serde_json::Value::as_str)
            .map(|d| format!(": {}", d.split_whitespace().collect::<Vec<_>>().join(" ")))
            .unwrap_or_default();
        parameters.push_str(&format!(" - the body{about}\n"));
    }
    if !parameters.is_empty() {
        doc.push_str(&format!(
            "\n Parameters, as the spec names them:\n{parameters}"
        ));
    }
    let arguments: String = setters
        .iter()
        .map(|s| format!(", {}: {}", s.name, tree::pretty_type(&s.ty)))
        .collect();
    let calls: String = setters
        .iter()
        .map(|s| format!("\n     .{0}({0})", s.name))
        .collect();
    doc.push_str(&format!(
        "\n ```no_run\n # async fn example(client: &invent::Client{arguments}) \
         -> Result<(), invent::Error> {{\n let response = client\n     .{method}(){calls}\n     \
         .send()\n     .await?;\n # let _ = response;\n # Ok(())\n # }}\n ```"
    ));
    doc
}
