//! Small helpers for finding and reading items in the generated syntax tree.
//! Shared by the generation passes so none of them repeats a lookup.

use syn::{Field, Item, ItemStruct, Type};

/// The Rust type name the type generator gives to the component schema `name`.
pub fn rust_name(name: &str) -> String {
    crate::spec::names::type_name(name)
}

/// The items of the inline module `name` among `items`.
pub fn module_mut<'a>(items: &'a mut [Item], name: &str) -> Option<&'a mut Vec<Item>> {
    items.iter_mut().find_map(|item| match item {
        Item::Mod(m) if m.ident == name => m.content.as_mut().map(|(_, items)| items),
        _ => None,
    })
}

/// The struct `name` among `items`.
pub fn struct_mut<'a>(items: &'a mut [Item], name: &str) -> Option<&'a mut ItemStruct> {
    items.iter_mut().find_map(|item| match item {
        Item::Struct(s) if s.ident == name => Some(s),
        _ => None,
    })
}

/// The name a field has on the wire: its `#[serde(rename)]`, or else its identifier.
pub fn wire_name(field: &Field) -> Option<String> {
    let mut rename = None;
    for attr in field.attrs.iter().filter(|a| a.path().is_ident("serde")) {
        let _ = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("rename") {
                rename = Some(meta.value()?.parse::<syn::LitStr>()?.value());
            } else if meta.input.peek(syn::Token![=]) {
                meta.value()?.parse::<syn::Expr>()?;
            }
            Ok(())
        });
    }
    rename.or_else(|| {
        field
            .ident
            .as_ref()
            .map(|i| i.to_string().trim_start_matches("r#").to_string())
    })
}

/// The last path segment of a type (`Option` for `::std::option::Option<T>`), if it is a path.
pub fn last_segment(ty: &Type) -> Option<&syn::PathSegment> {
    match ty {
        Type::Path(p) => p.path.segments.last(),
        _ => None,
    }
}

/// The single generic argument of a type such as `Option<T>`.
pub fn only_generic(ty: &Type) -> Option<&Type> {
    match &last_segment(ty)?.arguments {
        syn::PathArguments::AngleBracketed(args) if args.args.len() == 1 => first_generic(ty),
        _ => None,
    }
}

/// The first generic argument of a type such as `Result<T, E>`.
pub fn first_generic(ty: &Type) -> Option<&Type> {
    match &last_segment(ty)?.arguments {
        syn::PathArguments::AngleBracketed(args) => match args.args.first()? {
            syn::GenericArgument::Type(t) => Some(t),
            _ => None,
        },
        _ => None,
    }
}

/// The identifier of the type an `impl` block is for, when it is a plain path.
pub fn impl_self_name(item: &syn::ItemImpl) -> Option<String> {
    last_segment(&item.self_ty).map(|s| s.ident.to_string())
}

/// The last path segment of a type, mutably.
pub fn last_segment_mut(ty: &mut Type) -> Option<&mut syn::PathSegment> {
    match ty {
        Type::Path(p) => p.path.segments.last_mut(),
        _ => None,
    }
}

/// The last segment of the trait an `impl` block implements (`FromStr`, `Default`…), if any.
pub fn impl_trait_name(item: &syn::ItemImpl) -> Option<String> {
    let (path, _) = item.trait_.as_ref()?;
    path.segments.last().map(|s| s.ident.to_string())
}
