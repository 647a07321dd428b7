//! The hand-written runtime's public types may grow in minor releases: each is
//! `#[non_exhaustive]`, has only private fields, or is listed here as frozen, with the reason.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use syn::{Fields, Item, Visibility};

/// Public types that will not grow, and why; every other public struct or enum of the runtime
/// must be able to.
const FROZEN: &[(&str, &str)] = &[
    (
        "Patch",
        "a PATCH field is absent, null or a value: there is no fourth state",
    ),
    (
        "DeepObject",
        "a wrapper of the object it sends, which is all it holds",
    ),
    (
        "Simple",
        "a wrapper of the list or object it sends, which is all it holds",
    ),
    (
        "SimpleExploded",
        "a wrapper of the object it sends, which is all it holds",
    ),
];

/// The runtime's files, as `lib.rs` names its modules.
fn runtime_files() -> BTreeMap<String, syn::File> {
    let src = invent_tests::root().join("crates/invent/src");
    std::fs::read_dir(&src)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "rs"))
        .filter(|path| !path.ends_with("generated_sdk.rs"))
        .map(|path| {
            let module = path.file_stem().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&path).unwrap();
            (module, syn::parse_file(&text).unwrap())
        })
        .collect()
}

fn is_doc_hidden(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| {
        a.path().is_ident("doc")
            && a.parse_args::<syn::Ident>()
                .is_ok_and(|ident| ident == "hidden")
    })
}

fn is_non_exhaustive(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| a.path().is_ident("non_exhaustive"))
}

/// What the crate root exposes of each module: the names it re-exports from it, or all of
/// its public items for a public module that is not `#[doc(hidden)]`.
enum Exposed {
    Names(Vec<String>),
    All,
}

fn exposed(lib: &syn::File) -> BTreeMap<String, Exposed> {
    let mut exposed: BTreeMap<String, Exposed> = BTreeMap::new();
    for item in &lib.items {
        match item {
            Item::Mod(m) if matches!(m.vis, Visibility::Public(_)) && !is_doc_hidden(&m.attrs) => {
                exposed.insert(m.ident.to_string(), Exposed::All);
            }
            Item::Use(u) if matches!(u.vis, Visibility::Public(_)) => {
                let syn::UseTree::Path(path) = &u.tree else {
                    continue;
                };
                let names = match &*path.tree {
                    syn::UseTree::Name(n) => vec![n.ident.to_string()],
                    syn::UseTree::Group(g) => g
                        .items
                        .iter()
                        .filter_map(|t| match t {
                            syn::UseTree::Name(n) => Some(n.ident.to_string()),
                            _ => None,
                        })
                        .collect(),
                    _ => continue,
                };
                if let Exposed::Names(all) = exposed
                    .entry(path.ident.to_string())
                    .or_insert(Exposed::Names(Vec::new()))
                {
                    all.extend(names);
                }
            }
            _ => {}
        }
    }
    exposed
}

/// How one public type may grow, or `None` if it cannot without a breaking release.
fn growth(item: &Item) -> Option<(String, String)> {
    let frozen = |name: &str| FROZEN.iter().find(|(n, _)| *n == name).map(|(_, why)| *why);
    match item {
        Item::Struct(s) => {
            let name = s.ident.to_string();
            let private = match &s.fields {
                Fields::Named(f) => f
                    .named
                    .iter()
                    .all(|f| !matches!(f.vis, Visibility::Public(_))),
                Fields::Unnamed(f) => f
                    .unnamed
                    .iter()
                    .all(|f| !matches!(f.vis, Visibility::Public(_))),
                Fields::Unit => false,
            };
            let how = if is_non_exhaustive(&s.attrs) {
                "non_exhaustive".to_string()
            } else if private {
                "private fields".to_string()
            } else {
                format!("frozen: {}", frozen(&name)?)
            };
            Some((format!("struct {name}"), how))
        }
        Item::Enum(e) => {
            let name = e.ident.to_string();
            let how = if is_non_exhaustive(&e.attrs) {
                "non_exhaustive".to_string()
            } else {
                format!("frozen: {}", frozen(&name)?)
            };
            // A variant with named fields grows by a field: it must be non_exhaustive too.
            let fixed: Vec<_> = e
                .variants
                .iter()
                .filter(|v| matches!(v.fields, Fields::Named(_)) && !is_non_exhaustive(&v.attrs))
                .map(|v| v.ident.to_string())
                .collect();
            if !fixed.is_empty() && frozen(&name).is_none() {
                return None;
            }
            Some((format!("enum {name}"), how))
        }
        _ => None,
    }
}

#[test]
fn every_public_runtime_type_may_grow_or_says_why_not() {
    let files = runtime_files();
    let exposed = exposed(&files["lib"]);
    let mut listing = String::new();
    let mut fixed = Vec::new();
    for (module, file) in &files {
        let Some(exposed) = exposed.get(module) else {
            continue;
        };
        for item in &file.items {
            let (name, vis) = match item {
                Item::Struct(s) => (s.ident.to_string(), &s.vis),
                Item::Enum(e) => (e.ident.to_string(), &e.vis),
                _ => continue,
            };
            let public = matches!(vis, Visibility::Public(_))
                && match exposed {
                    Exposed::All => true,
                    Exposed::Names(names) => names.contains(&name),
                };
            if !public {
                continue;
            }
            match growth(item) {
                Some((what, how)) => {
                    let _ = writeln!(listing, "{module}: {what}: {how}");
                }
                None => fixed.push(format!("{module}::{name}")),
            }
        }
    }
    assert!(
        fixed.is_empty(),
        "public runtime types that cannot gain a field or variant without a breaking release \
         (make them #[non_exhaustive], or list them in FROZEN with the reason): {fixed:?}"
    );
    insta::assert_snapshot!(listing);
}

#[test]
fn the_check_finds_a_type_that_cannot_grow() {
    let open: Item = syn::parse_quote! { pub struct Open { pub a: u32 } };
    let variant: Item = syn::parse_quote! {
        #[non_exhaustive]
        pub enum E { A { x: u32 } }
    };
    let marked: Item = syn::parse_quote! {
        #[non_exhaustive]
        pub enum E { #[non_exhaustive] A { x: u32 }, B(u32) }
    };
    assert!(growth(&open).is_none());
    assert!(growth(&variant).is_none());
    assert!(growth(&marked).is_some());
}
