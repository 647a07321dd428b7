//! Builder pass: typify's builder of each object (a struct of `Result` fields, `Default`, one
//! setter per property, `TryFrom`, `From`: some twenty lines a property) becomes one
//! invocation of the runtime's `object_builder!`, which expands to the same items.

use proc_macro2::TokenStream;
use quote::{ToTokens, quote};
use syn::parse::{Parse, ParseStream};
use syn::visit::Visit;
use syn::{Ident, ImplItem, Item, Token, Type, parse_quote};

use crate::generate::tree;

/// One builder: its name (the object's) and its fields in order.
pub struct Builder {
    name: Ident,
    fields: Vec<Field>,
}

/// One field of a builder: its kind, name and the type its setter converts into.
struct Field {
    kind: Kind,
    ident: Ident,
    target: Type,
}

/// How a builder holds a field.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    /// Unset until its setter is called (typify's "no value supplied for …").
    Required,
    /// `None` until set; the setter wraps the value in `Some`.
    Optional,
    /// Its type's default until set (the unknown-properties map, a `Patch`).
    Default,
}

impl Kind {
    fn keyword(self) -> &'static str {
        match self {
            Kind::Required => "required",
            Kind::Optional => "optional",
            Kind::Default => "default",
        }
    }
}

impl Field {
    /// What the builder holds for the field.
    fn stored(&self) -> Type {
        let target = &self.target;
        match self.kind {
            Kind::Optional => parse_quote!(::std::option::Option<#target>),
            _ => target.clone(),
        }
    }
}

/// Replaces every typify builder in the `types::builder` module with an `object_builder!`
/// invocation, after checking that the macro's expansion is exactly what typify wrote.
pub fn apply(types: &mut [Item]) -> Result<(), String> {
    let Some(module) = tree::module_mut(types, "builder") else {
        // A spec whose schemas have no object has no builders.
        return Ok(());
    };
    // Each builder's items (its struct, and the impls for it or for the object it builds),
    // found once by the name they belong to, so that the pass stays linear in the schemas.
    let items = std::mem::take(module);
    let by_name = tree::items_by_owner(&items);
    let mut replaced: Vec<Option<Item>> = items.iter().map(|_| None).collect();
    let mut removed = vec![false; items.len()];
    for (i, item) in items.iter().enumerate() {
        let Item::Struct(s) = item else { continue };
        let name = &s.ident;
        let own = &by_name[&name.to_string()];
        let own_items: Vec<Item> = own.iter().map(|&j| items[j].clone()).collect();
        let builder = Builder::read(&own_items, name)?;
        let mut first = i;
        for expected in builder.expansion() {
            let at = own
                .iter()
                .copied()
                .find(|&j| !removed[j] && items[j] == expected)
                .ok_or_else(|| {
                    format!(
                        "typify's builder for `{name}` is not what `object_builder!` writes (this \
                         item differs or is missing): {}",
                        prettyplease::unparse(&parse_quote!(#expected))
                    )
                })?;
            removed[at] = true;
            first = first.min(at);
        }
        replaced[first] = Some(builder.invocation());
    }
    *module = items
        .into_iter()
        .zip(replaced.into_iter().zip(removed))
        .filter_map(
            |(item, (replacement, removed))| match (replacement, removed) {
                (Some(invocation), _) => Some(invocation),
                (None, true) => None,
                (None, false) => Some(item),
            },
        )
        .collect();
    Ok(())
}

impl Builder {
    /// Reads the builder `name` from typify's struct and setters.
    fn read(module: &[Item], name: &Ident) -> Result<Builder, String> {
        let strukt = module
            .iter()
            .find_map(|item| match item {
                Item::Struct(s) if s.ident == *name => Some(s),
                _ => None,
            })
            .expect("listed above");
        let default = module.iter().find_map(|item| match item {
            Item::Impl(i)
                if tree::impl_trait_name(i).as_deref() == Some("Default")
                    && *i.self_ty == parse_quote!(#name) =>
            {
                Some(i)
            }
            _ => None,
        });
        let setters = module.iter().find_map(|item| match item {
            Item::Impl(i) if i.trait_.is_none() && *i.self_ty == parse_quote!(#name) => Some(i),
            _ => None,
        });
        let (Some(default), Some(setters)) = (default, setters) else {
            return Err(format!(
                "typify's builder `{name}` has no `Default` impl or no setters"
            ));
        };
        let mut fields = Vec::new();
        for field in &strukt.fields {
            let ident = field
                .ident
                .clone()
                .ok_or("a builder field without a name")?;
            let stored = tree::first_generic(&field.ty)
                .cloned()
                .ok_or_else(|| format!("builder `{name}`: field `{ident}` is not a `Result`"))?;
            let required = unset_in(default, &ident);
            let setter = setters
                .items
                .iter()
                .find_map(|m| match m {
                    ImplItem::Fn(f) if f.sig.ident == ident => Some(f),
                    _ => None,
                })
                .ok_or_else(|| format!("builder `{name}`: no setter for `{ident}`"))?;
            let target = setter_target(setter)
                .ok_or_else(|| format!("builder `{name}`: setter `{ident}` has no `TryInto<_>`"))?;
            let kind = match (required, wraps_in_some(setter)) {
                (true, false) => Kind::Required,
                (false, true) => Kind::Optional,
                (false, false) => Kind::Default,
                (true, true) => {
                    return Err(format!(
                        "builder `{name}`: `{ident}` is both required and wrapped in `Some`"
                    ));
                }
            };
            let field = Field {
                kind,
                ident,
                target,
            };
            if field.stored() != stored {
                return Err(format!(
                    "builder `{name}`: `{}` holds a type its setter does not convert into",
                    field.ident
                ));
            }
            fields.push(field);
        }
        Ok(Builder {
            name: name.clone(),
            fields,
        })
    }

    /// `crate::object_builder!(Name { required a: A, optional b: B, default c: C })`.
    fn invocation(&self) -> Item {
        let name = &self.name;
        let fields = self.fields.iter().map(|f| {
            let kind = Ident::new(f.kind.keyword(), proc_macro2::Span::call_site());
            let (ident, target) = (&f.ident, &f.target);
            quote!(#kind #ident: #target)
        });
        parse_quote!(crate::object_builder!(#name { #(#fields),* });)
    }

    /// The items `object_builder!` expands to, as typify writes them: the struct, `Default`,
    /// the setters, `TryFrom` into the object and `From` the object.
    pub fn expansion(&self) -> Vec<Item> {
        let name = &self.name;
        let idents: Vec<&Ident> = self.fields.iter().map(|f| &f.ident).collect();
        let stored = self.fields.iter().map(Field::stored);
        let inits = self.fields.iter().map(|f| -> TokenStream {
            if f.kind == Kind::Required {
                let message = format!("no value supplied for {}", f.ident);
                quote!(Err(#message.to_string()))
            } else {
                quote!(Ok(Default::default()))
            }
        });
        let setters = self.fields.iter().map(|f| {
            let (ident, target) = (&f.ident, &f.target);
            let message = format!("error converting supplied value for {ident}: {{e}}");
            let some =
                (f.kind == Kind::Optional).then(|| quote!(.map(::std::option::Option::Some)));
            quote! {
                pub fn #ident<T>(mut self, value: T) -> Self
                where
                    T: ::std::convert::TryInto<#target>,
                    T::Error: ::std::fmt::Display,
                {
                    self.#ident = value.try_into() #some .map_err(|e| format!(#message));
                    self
                }
            }
        });
        let file: syn::File = parse_quote! {
            #[derive(Clone, Debug)]
            pub struct #name {
                #(#idents: ::std::result::Result<#stored, ::std::string::String>,)*
            }
            impl ::std::default::Default for #name {
                fn default() -> Self {
                    Self {
                        #(#idents: #inits,)*
                    }
                }
            }
            impl #name {
                #(#setters)*
            }
            impl ::std::convert::TryFrom<#name> for super::#name {
                type Error = super::error::ConversionError;
                fn try_from(value: #name) -> ::std::result::Result<Self, super::error::ConversionError> {
                    Ok(Self {
                        #(#idents: value.#idents?,)*
                    })
                }
            }
            impl ::std::convert::From<super::#name> for #name {
                fn from(value: super::#name) -> Self {
                    Self {
                        #(#idents: Ok(value.#idents),)*
                    }
                }
            }
        };
        file.items
    }
}

/// Reads an `object_builder!` invocation's tokens (for the API listing).
impl Parse for Builder {
    fn parse(input: ParseStream) -> syn::Result<Builder> {
        let name: Ident = input.parse()?;
        let body;
        syn::braced!(body in input);
        let mut fields = Vec::new();
        while !body.is_empty() {
            let keyword: Ident = body.parse()?;
            let kind = [Kind::Required, Kind::Optional, Kind::Default]
                .into_iter()
                .find(|k| keyword == k.keyword())
                .ok_or_else(|| syn::Error::new(keyword.span(), "not a field kind"))?;
            let ident: Ident = body.parse()?;
            body.parse::<Token![:]>()?;
            let target: Type = body.parse()?;
            fields.push(Field {
                kind,
                ident,
                target,
            });
            if !body.is_empty() {
                body.parse::<Token![,]>()?;
            }
        }
        Ok(Builder { name, fields })
    }
}

impl ToTokens for Builder {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        self.invocation().to_tokens(tokens);
    }
}

/// Whether the `Default` impl leaves `field` unset (`Err("no value supplied …")`).
fn unset_in(default: &syn::ItemImpl, field: &Ident) -> bool {
    struct Unset<'a>(&'a Ident, bool);
    impl<'ast> Visit<'ast> for Unset<'_> {
        fn visit_field_value(&mut self, value: &'ast syn::FieldValue) {
            if matches!(&value.member, syn::Member::Named(m) if m == self.0)
                && let syn::Expr::Call(call) = &value.expr
                && matches!(&*call.func, syn::Expr::Path(p) if p.path.is_ident("Err"))
            {
                self.1 = true;
            }
        }
    }
    let mut unset = Unset(field, false);
    unset.visit_item_impl(default);
    unset.1
}

/// `X` of the setter's `where T: TryInto<X>`.
fn setter_target(setter: &syn::ImplItemFn) -> Option<Type> {
    setter
        .sig
        .generics
        .where_clause
        .as_ref()?
        .predicates
        .iter()
        .find_map(|p| match p {
            syn::WherePredicate::Type(t) => t.bounds.iter().find_map(|b| match b {
                syn::TypeParamBound::Trait(t) => {
                    let last = t.path.segments.last()?;
                    if last.ident != "TryInto" {
                        return None;
                    }
                    match &last.arguments {
                        syn::PathArguments::AngleBracketed(a) => match a.args.first()? {
                            syn::GenericArgument::Type(ty) => Some(ty.clone()),
                            _ => None,
                        },
                        _ => None,
                    }
                }
                _ => None,
            }),
            _ => None,
        })
}

/// Whether the setter's body maps the converted value into `Some`.
fn wraps_in_some(setter: &syn::ImplItemFn) -> bool {
    struct Some_(bool);
    impl<'ast> Visit<'ast> for Some_ {
        fn visit_expr_method_call(&mut self, call: &'ast syn::ExprMethodCall) {
            syn::visit::visit_expr_method_call(self, call);
            if call.method == "map"
                && let Some(syn::Expr::Path(p)) = call.args.first()
                && p.path.segments.last().is_some_and(|s| s.ident == "Some")
            {
                self.0 = true;
            }
        }
    }
    let mut found = Some_(false);
    found.visit_impl_item_fn(setter);
    found.0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A `types` module whose `builder` module holds what `object_builder!` expands to.
    fn types_with(builder: &Builder) -> Vec<Item> {
        let items = builder.expansion();
        vec![parse_quote!(pub mod builder { #(#items)* })]
    }

    fn thing() -> Builder {
        syn::parse_str("Thing { required name: String, optional note: String, default extra: Map }")
            .unwrap()
    }

    #[test]
    fn a_builder_like_the_macros_expansion_becomes_one_invocation() {
        let mut types = types_with(&thing());
        apply(&mut types).unwrap();
        let module = tree::module_mut(&mut types, "builder").unwrap();
        assert_eq!(module.len(), 1);
        assert_eq!(module[0], thing().invocation());
    }

    #[test]
    fn a_builder_that_differs_from_the_expansion_is_refused_by_name() {
        let mut types = types_with(&thing());
        let module = tree::module_mut(&mut types, "builder").unwrap();
        // typify's next release might, say, derive one more trait on its builders.
        let Item::Struct(strukt) = &mut module[0] else {
            panic!("the struct comes first")
        };
        strukt.attrs.push(parse_quote!(#[derive(PartialEq)]));
        let message = apply(&mut types).unwrap_err();
        assert!(
            message.contains("typify's builder for `Thing`"),
            "{message}"
        );
    }

    #[test]
    fn a_field_both_required_and_optional_is_refused() {
        let mut types = types_with(&thing());
        let module = tree::module_mut(&mut types, "builder").unwrap();
        let default = module
            .iter_mut()
            .find_map(|item| match item {
                Item::Impl(i) if tree::impl_trait_name(i).as_deref() == Some("Default") => Some(i),
                _ => None,
            })
            .unwrap();
        *default = parse_quote! {
            impl ::std::default::Default for Thing {
                fn default() -> Self {
                    Self {
                        name: Err("no value supplied for name".to_string()),
                        note: Err("no value supplied for note".to_string()),
                        extra: Ok(Default::default()),
                    }
                }
            }
        };
        let message = apply(&mut types).unwrap_err();
        assert!(message.contains("builder `Thing`: `note`"), "{message}");
    }
}
