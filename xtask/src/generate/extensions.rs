//! Step 4b: code progenitor writes for spec extensions, pointed at the SDK's own helpers so
//! the SDK needs no crate for it alone: a websocket's handshake key (`x-dropshot-websocket`).

use syn::visit_mut::VisitMut;
use syn::{Expr, parse_quote};

use crate::generate::tree;
use crate::spec::Spec;

/// `::rand::random::<[u8; 16]>()` in a websocket handshake becomes
/// `crate::support::random_bytes::<[u8; 16]>()` (fastrand, which the SDK has).
pub fn apply(spec: &Spec, file: &mut syn::File) -> Result<(), String> {
    struct Random(usize);
    impl VisitMut for Random {
        fn visit_expr_mut(&mut self, expr: &mut Expr) {
            syn::visit_mut::visit_expr_mut(self, expr);
            if let Expr::Call(call) = expr
                && let Expr::Path(f) = &mut *call.func
                && tree::path_is(&f.path, &["rand", "random"])
            {
                let generics = f.path.segments.last().map(|s| s.arguments.clone());
                f.path = parse_quote!(crate::support::random_bytes);
                if let (Some(last), Some(generics)) = (f.path.segments.last_mut(), generics) {
                    last.arguments = generics;
                }
                self.0 += 1;
            }
        }
    }
    let websockets = spec
        .operations()
        .iter()
        .filter(|op| op.json.contains_key("x-dropshot-websocket"))
        .count();
    let mut random = Random(0);
    random.visit_file_mut(file);
    if random.0 != websockets {
        return Err(format!(
            "the spec has {websockets} websocket operations (`x-dropshot-websocket`) but \
             progenitor's code drew {} random handshake keys",
            random.0
        ));
    }
    Ok(())
}
