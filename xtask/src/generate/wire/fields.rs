//! Field pass: tri-state `Patch<T>` for optional nullable properties, `Option` for optional
//! lists and maps (absent is not empty), `Secret<T>` for `format: password`, kept extras.

use std::collections::HashMap;

use quote::quote;
use serde_json::{Map, Value};
use syn::{Field, Fields, Item, Type, parse_quote};

use crate::generate::tree;
use crate::spec::Spec;

/// What the spec says about one property, as far as its Rust type is concerned.
struct Property {
    /// Its name on the wire.
    wire: String,
    required: bool,
    nullable: bool,
    secret: bool,
}

impl Property {
    fn read(schema: &Map<String, Value>, name: &str, property: &Value) -> Self {
        let flag = |key: &str| property.get(key).and_then(Value::as_bool) == Some(true);
        Property {
            wire: name.to_string(),
            required: schema
                .get("required")
                .and_then(Value::as_array)
                .is_some_and(|r| r.iter().any(|n| n.as_str() == Some(name))),
            nullable: flag("nullable"),
            secret: property.get("format").and_then(Value::as_str) == Some("password"),
        }
    }

    /// The Rust type of this property, given the type progenitor chose for it.
    fn reshape(&self, ty: &Type) -> Result<Type, String> {
        let mut ty = ty.clone();
        if self.secret {
            ty = wrap_strings_in_secret(&ty)?;
        }
        if self.required {
            return Ok(ty);
        }
        let inner = match tree::last_segment(&ty) {
            Some(s) if s.ident == "Option" => tree::only_generic(&ty).cloned().expect("Option<T>"),
            _ => ty,
        };
        Ok(if self.nullable {
            parse_quote!(crate::Patch<#inner>)
        } else {
            parse_quote!(::std::option::Option<#inner>)
        })
    }

    /// Where an `Option` field's derived JSON Schema would say the wrong thing, the schema to
    /// use instead: optional non-nullable gives the value's own schema (not nullable);
    /// required nullable gives a nullable schema that stays required.
    fn schema_attr(&self, reshaped: &Type) -> Option<syn::Attribute> {
        let inner = tree::only_generic(reshaped)?;
        let with = match (self.required, self.nullable) {
            (false, false) => quote!(#inner),
            (true, true) => quote!(crate::support::Nullable<#inner>),
            _ => return None,
        };
        let with = with.to_string();
        Some(parse_quote!(#[schemars(with = #with)]))
    }

    /// The serde attribute that makes a missing key mean "absent" and skips it on output.
    fn skip_attr(&self) -> Option<syn::Attribute> {
        match (self.required, self.nullable) {
            (true, _) => None,
            (false, true) => Some(
                parse_quote!(#[serde(default, skip_serializing_if = "crate::Patch::is_absent")]),
            ),
            (false, false) => Some(
                parse_quote!(#[serde(default, skip_serializing_if = "::std::option::Option::is_none")]),
            ),
        }
    }
}

/// `String` becomes `crate::Secret<String>` wherever it appears in `ty`.
fn wrap_strings_in_secret(ty: &Type) -> Result<Type, String> {
    struct Wrap(usize);
    impl syn::visit_mut::VisitMut for Wrap {
        fn visit_type_mut(&mut self, ty: &mut Type) {
            if *ty == parse_quote!(::std::string::String) {
                *ty = parse_quote!(crate::Secret<::std::string::String>);
                self.0 += 1;
            } else {
                syn::visit_mut::visit_type_mut(self, ty);
            }
        }
    }
    let mut wrapped = ty.clone();
    let mut wrap = Wrap(0);
    syn::visit_mut::VisitMut::visit_type_mut(&mut wrap, &mut wrapped);
    if wrap.0 == 0 {
        return Err(format!(
            "`format: password` is only supported on strings, not `{}`",
            quote!(#ty)
        ));
    }
    Ok(wrapped)
}

pub fn apply(spec: &Spec, types: &mut [Item]) -> Result<(), String> {
    // Where each struct and each builder's items are, found once: the pass stays linear in
    // the number of schemas.
    let has_properties = |s: &serde_json::Map<String, Value>| {
        s.get("properties")
            .and_then(Value::as_object)
            .is_some_and(|p| !p.is_empty())
    };
    if !spec.schemas().any(|(_, s)| has_properties(s)) {
        // No objects, so no builders: typify writes no `types::builder` module.
        return Ok(());
    }
    let by_name = tree::items_by_owner(types);
    let builder_at = types
        .iter()
        .position(|item| matches!(item, Item::Mod(m) if m.ident == "builder"))
        .ok_or("progenitor emitted no `types::builder` module")?;
    let builder_items: HashMap<String, Vec<usize>> = match &types[builder_at] {
        Item::Mod(m) => tree::items_by_owner(m.content.as_ref().map_or(&[][..], |(_, i)| i)),
        _ => HashMap::new(),
    };
    for (name, schema) in spec.schemas() {
        let Some(Value::Object(properties)) = schema.get("properties") else {
            continue;
        };
        let rust = tree::rust_name(name);
        let at = by_name
            .get(&rust)
            .into_iter()
            .flatten()
            .copied()
            .find(|&i| matches!(types[i], Item::Struct(_)));
        let Some(Item::Struct(item)) = at.map(|i| &mut types[i]) else {
            return Err(format!(
                "no struct `{rust}` was generated for schema `{name}`"
            ));
        };
        let mut reshaped = Vec::new();
        let mut extras = None;
        let mut free_form_extras = false;
        if let Fields::Named(fields) = &mut item.fields {
            if let Some(field) = fields.named.iter_mut().find(|f| is_flattened(f)) {
                extras = field.ident.clone();
                free_form_extras = to_extra(&mut field.ty);
            }
            for field in fields.named.iter_mut() {
                let Some(wire) = tree::wire_name(field) else {
                    continue;
                };
                let Some(property) = properties.get(&wire) else {
                    continue;
                };
                let property = Property::read(schema, &wire, property);
                let ident = field.ident.clone().expect("named field");
                reshape_field(field, &property)?;
                reshaped.push((ident, property));
            }
        }
        // A free-form object (`additionalProperties: {}` once normalized) keeps its unknown
        // properties as `invent::Extra`, whose `Debug` hides credentials; a typed map stays.
        let free_form =
            schema.get("additionalProperties") == Some(&Value::Object(Default::default()));
        if free_form && !free_form_extras {
            return Err(format!(
                "struct `{rust}` of schema `{name}` has no map of `invent::RawJson` for the \
                 properties the spec does not name"
            ));
        }
        let missing: Vec<&String> = properties
            .keys()
            .filter(|p| !reshaped.iter().any(|(_, r)| r.wire == **p))
            .collect();
        if !missing.is_empty() {
            return Err(format!(
                "struct `{rust}` has no field for {missing:?} of schema `{name}`: the field \
                 pass would leave them as typify made them"
            ));
        }
        let has_required = schema
            .get("required")
            .and_then(Value::as_array)
            .is_some_and(|r| !r.is_empty());
        if !has_required {
            derive_default(&mut item.attrs);
        }
        let Item::Mod(syn::ItemMod {
            content: Some((_, builder)),
            ..
        }) = &mut types[builder_at]
        else {
            return Err("progenitor's `types::builder` module is empty".into());
        };
        let own = builder_items.get(&rust).map_or(&[][..], Vec::as_slice);
        let free_form_extras = extras.as_ref().filter(|_| free_form_extras);
        reshape_builder(
            builder,
            own,
            &rust,
            &reshaped,
            extras.as_ref(),
            free_form_extras,
        )?;
    }
    Ok(())
}

fn reshape_field(field: &mut Field, property: &Property) -> Result<(), String> {
    field.ty = property.reshape(&field.ty)?;
    if let Some(attr) = property.skip_attr() {
        strip_serde_skip(&mut field.attrs);
        field.attrs.push(attr);
    }
    field.attrs.extend(property.schema_attr(&field.ty));
    Ok(())
}

/// Drops `default` and `skip_serializing_if` from a field's serde attributes, keeping the rest.
fn strip_serde_skip(attrs: &mut Vec<syn::Attribute>) {
    attrs.retain_mut(|attr| {
        if !attr.path().is_ident("serde") {
            return true;
        }
        let mut kept: Vec<proc_macro2::TokenStream> = Vec::new();
        let _ = attr.parse_nested_meta(|meta| {
            let path = meta.path.clone();
            if meta.input.peek(syn::Token![=]) {
                let value: syn::Expr = meta.value()?.parse()?;
                if !path.is_ident("skip_serializing_if") {
                    kept.push(quote!(#path = #value));
                }
            } else if !path.is_ident("default") {
                kept.push(quote!(#path));
            }
            Ok(())
        });
        if kept.is_empty() {
            return false;
        }
        *attr = parse_quote!(#[serde(#(#kept),*)]);
        true
    });
}

fn derive_default(attrs: &mut [syn::Attribute]) {
    for attr in attrs.iter_mut().filter(|a| a.path().is_ident("derive")) {
        let Ok(list) = attr.parse_args_with(
            syn::punctuated::Punctuated::<syn::Path, syn::Token![,]>::parse_terminated,
        ) else {
            continue;
        };
        if list.iter().any(|p| p.is_ident("Default")) {
            return;
        }
        let paths = list.iter();
        *attr = parse_quote!(#[derive(#(#paths,)* Default)]);
        return;
    }
}

/// Gives the struct's builder (its items are `own` in `builder`) the same field types, and lets an unset extras map default
/// to empty instead of failing the build.
fn reshape_builder(
    builder: &mut [Item],
    own: &[usize],
    name: &str,
    reshaped: &[(syn::Ident, Property)],
    extras: Option<&syn::Ident>,
    free_form_extras: Option<&syn::Ident>,
) -> Result<(), String> {
    for &at in own {
        match &mut builder[at] {
            Item::Struct(s) if s.ident == name => {
                for field in s.fields.iter_mut() {
                    if field
                        .ident
                        .as_ref()
                        .is_some_and(|f| Some(f) == free_form_extras)
                    {
                        // `Result<Map, String>`.
                        if let Some(syn::PathArguments::AngleBracketed(args)) =
                            tree::last_segment_mut(&mut field.ty).map(|s| &mut s.arguments)
                            && let Some(syn::GenericArgument::Type(t)) = args.args.first_mut()
                        {
                            to_extra(t);
                        }
                        continue;
                    }
                    let Some(property) = lookup(reshaped, field.ident.as_ref()) else {
                        continue;
                    };
                    // `Result<T, String>`: reshape the `T`.
                    if let Some(syn::PathArguments::AngleBracketed(args)) =
                        tree::last_segment_mut(&mut field.ty).map(|s| &mut s.arguments)
                        && let Some(syn::GenericArgument::Type(t)) = args.args.first_mut()
                    {
                        *t = property.reshape(t)?;
                    }
                }
            }
            Item::Impl(i) if tree::impl_is_for(i, name) => {
                for member in i.items.iter_mut() {
                    if let syn::ImplItem::Fn(setter) = member
                        && let Some(property) = lookup(reshaped, Some(&setter.sig.ident))
                    {
                        reshape_setter(setter, property)?;
                    }
                    if let syn::ImplItem::Fn(setter) = member
                        && Some(&setter.sig.ident) == free_form_extras
                    {
                        syn::visit_mut::VisitMut::visit_signature_mut(
                            &mut ToExtra,
                            &mut setter.sig,
                        );
                    }
                }
                let is_default = tree::impl_trait_name(i).as_deref() == Some("Default");
                if let (true, Some(extras)) = (is_default, extras) {
                    default_extras(i, extras);
                }
            }
            _ => {}
        }
    }
    Ok(())
}

fn lookup<'a>(
    reshaped: &'a [(syn::Ident, Property)],
    ident: Option<&syn::Ident>,
) -> Option<&'a Property> {
    let ident = ident?;
    reshaped.iter().find(|(i, _)| i == ident).map(|(_, p)| p)
}

/// `where T: TryInto<X>` becomes `where T: TryInto<reshaped X>`.
fn reshape_setter(setter: &mut syn::ImplItemFn, property: &Property) -> Result<(), String> {
    // An optional property's setter takes the value itself (`.name("Support")`) and stores
    // `Some(value)`; leaving the setter uncalled leaves the property absent.
    let takes_value = !property.required && !property.nullable;
    let Some(clause) = setter.sig.generics.where_clause.as_mut() else {
        return Ok(());
    };
    for predicate in clause.predicates.iter_mut() {
        let syn::WherePredicate::Type(p) = predicate else {
            continue;
        };
        for bound in p.bounds.iter_mut() {
            let syn::TypeParamBound::Trait(t) = bound else {
                continue;
            };
            let Some(segment) = t.path.segments.last_mut() else {
                continue;
            };
            if segment.ident != "TryInto" {
                continue;
            }
            if let syn::PathArguments::AngleBracketed(args) = &mut segment.arguments
                && let Some(syn::GenericArgument::Type(ty)) = args.args.first_mut()
            {
                let reshaped = property.reshape(ty)?;
                *ty = match (takes_value, tree::only_generic(&reshaped)) {
                    (true, Some(inner)) => inner.clone(),
                    _ => reshaped,
                };
            }
        }
    }
    if takes_value {
        syn::visit_mut::VisitMut::visit_block_mut(&mut WrapInSome, &mut setter.block);
    }
    Ok(())
}

/// `value.try_into()` becomes `value.try_into().map(Some)`.
struct WrapInSome;

impl syn::visit_mut::VisitMut for WrapInSome {
    fn visit_expr_mut(&mut self, expr: &mut syn::Expr) {
        if let syn::Expr::MethodCall(call) = expr
            && call.method == "try_into"
            && call.args.is_empty()
        {
            *expr = parse_quote!(#call.map(::std::option::Option::Some));
            return;
        }
        syn::visit_mut::visit_expr_mut(self, expr);
    }
}

/// The map typify writes for the properties of a free-form object (`additionalProperties: {}`,
/// whose values are `invent::RawJson`, see `sdk.rs`) becomes `::invent::Extra`; whether it was one.
fn to_extra(ty: &mut syn::Type) -> bool {
    let syn::Type::Path(p) = &*ty else {
        return false;
    };
    let Some(last) = p.path.segments.last() else {
        return false;
    };
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return false;
    };
    let of_raw_json = matches!(args.args.last(), Some(syn::GenericArgument::Type(syn::Type::Path(v)))
        if tree::path_is(&v.path, &["invent", "RawJson"]));
    let is_map = last.ident == "IndexMap" && of_raw_json;
    if is_map {
        *ty = parse_quote!(::invent::Extra);
    }
    is_map
}

/// Every such map in a setter's signature (its `TryInto` bound) as `invent::Extra`.
struct ToExtra;

impl syn::visit_mut::VisitMut for ToExtra {
    fn visit_type_mut(&mut self, ty: &mut syn::Type) {
        if !to_extra(ty) {
            syn::visit_mut::visit_type_mut(self, ty);
        }
    }
}

/// Whether the field collects the properties the spec does not name (`#[serde(flatten)]`).
fn is_flattened(field: &Field) -> bool {
    field
        .attrs
        .iter()
        .filter(|a| a.path().is_ident("serde"))
        .any(|a| {
            let mut flatten = false;
            let _ = a.parse_nested_meta(|meta| {
                flatten |= meta.path.is_ident("flatten");
                if meta.input.peek(syn::Token![=]) {
                    meta.value()?.parse::<syn::Expr>()?;
                }
                Ok(())
            });
            flatten
        })
}

/// In a builder's `Default`, the unknown-properties map starts empty instead of unset.
fn default_extras(item: &mut syn::ItemImpl, extras: &syn::Ident) {
    struct Visit<'a>(&'a syn::Ident);
    impl syn::visit_mut::VisitMut for Visit<'_> {
        fn visit_field_value_mut(&mut self, fv: &mut syn::FieldValue) {
            if matches!(&fv.member, syn::Member::Named(i) if i == self.0) {
                fv.expr = parse_quote!(Ok(Default::default()));
            }
        }
    }
    syn::visit_mut::VisitMut::visit_item_impl_mut(&mut Visit(extras), item);
}
